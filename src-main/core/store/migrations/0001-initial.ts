import type { Migration } from './types';

/** Files, pages (with FTS5), documents and their facts, billing lines, remits, the import log. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE files (
      id INTEGER PRIMARY KEY,
      parent_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL,
      path TEXT NOT NULL,
      kind TEXT NOT NULL,
      size INTEGER NOT NULL,
      page_count INTEGER,
      imported_at TEXT NOT NULL,
      batch_id TEXT NOT NULL,
      content BLOB
    );
    -- Re-importing the same top-level file is a no-op: one row per content hash.
    CREATE UNIQUE INDEX files_top_sha ON files(sha256) WHERE parent_id IS NULL;
    CREATE INDEX files_path ON files(path);

    CREATE TABLE pages (
      id INTEGER PRIMARY KEY,
      file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      page INTEGER NOT NULL,
      text TEXT NOT NULL,
      items TEXT,
      UNIQUE (file_id, page)
    );
    CREATE VIRTUAL TABLE pages_fts USING fts5(text, content='pages', content_rowid='id');
    CREATE TRIGGER pages_ai AFTER INSERT ON pages BEGIN
      INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER pages_ad AFTER DELETE ON pages BEGIN
      INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;

    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      type TEXT NOT NULL,
      title TEXT NOT NULL,
      date TEXT,
      page_start INTEGER NOT NULL,
      page_end INTEGER NOT NULL,
      discipline TEXT,
      patient_name TEXT,
      patient_dob TEXT,
      patient_mrn TEXT,
      payer TEXT
    );
    CREATE INDEX documents_file ON documents(file_id);

    CREATE TABLE facts (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      value TEXT NOT NULL,
      page INTEGER NOT NULL,
      span_start INTEGER NOT NULL,
      span_end INTEGER NOT NULL,
      quote TEXT NOT NULL
    );
    CREATE INDEX facts_document ON facts(document_id);

    CREATE TABLE billing_lines (
      id INTEGER PRIMARY KEY,
      file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      source TEXT NOT NULL,
      line INTEGER NOT NULL,
      patient_name TEXT,
      mrn TEXT,
      dob TEXT,
      dos TEXT NOT NULL,
      code TEXT NOT NULL,
      modifiers TEXT NOT NULL,
      units REAL NOT NULL,
      charge REAL,
      payer TEXT,
      claim_id TEXT,
      provider TEXT
    );
    CREATE INDEX billing_lines_file ON billing_lines(file_id);

    CREATE TABLE remit_claims (
      id INTEGER PRIMARY KEY,
      file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      claim_id TEXT NOT NULL,
      status TEXT NOT NULL,
      patient_name TEXT,
      member_id TEXT,
      payer_name TEXT,
      payment_date TEXT,
      segment INTEGER NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX remit_claims_claim ON remit_claims(claim_id);

    CREATE TABLE import_log (
      id INTEGER PRIMARY KEY,
      batch_id TEXT NOT NULL,
      at TEXT NOT NULL,
      path TEXT NOT NULL,
      sha256 TEXT,
      kind TEXT,
      status TEXT NOT NULL CHECK (status IN ('imported', 'skipped', 'rejected')),
      reason TEXT,
      code TEXT,
      line INTEGER,
      page INTEGER
    );

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
