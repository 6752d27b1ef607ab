import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DatabaseVersionError,
  migrate,
  openDatabase,
  schemaVersion,
} from '../../src-main/core/store/db';
import { MIGRATIONS } from '../../src-main/core/store/migrations';
import { decodeFacts, encodeFacts } from '../../src-main/core/store/fact-codec';
import { DOCUMENT_GROUPS_SQL, LINE_GROUPS_SQL } from '../../src-main/core/episodes/patients';
import { filesReadByOlderReader } from '../../src-main/core/import/reanalyze';

const tmp = () => join(mkdtempSync(join(tmpdir(), 'cr-store-')), 'test.db');

describe('openDatabase', () => {
  it('creates the schema at the latest version with WAL, FULL sync and foreign keys', () => {
    const db = openDatabase(tmp());
    expect(schemaVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('is idempotent: reopening runs nothing twice', () => {
    const file = tmp();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    db.close();
  });

  it('indexes page text with FTS5', () => {
    const db = openDatabase(tmp());
    const f = db
      .prepare(
        "INSERT INTO files (sha256, path, kind, size, imported_at, batch_id) VALUES ('x', 'a.pdf', 'notes-pdf', 1, 'now', 'b')",
      )
      .run().lastInsertRowid;
    db.prepare('INSERT INTO pages (file_id, page, text) VALUES (?, 1, ?)').run(
      f,
      'Floor to waist lift 35 lb',
    );
    const hit = db.prepare("SELECT rowid FROM pages_fts WHERE pages_fts MATCH 'waist'").all();
    expect(hit).toHaveLength(1);
    const miss = db.prepare("SELECT rowid FROM pages_fts WHERE pages_fts MATCH 'treadmill'").all();
    expect(miss).toHaveLength(0);
    db.close();
  });

  it('refuses a database written by a newer ChartReady', () => {
    const file = tmp();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseVersionError);
  });

  it('rolls back every pending migration when one fails', () => {
    const db = new Database(':memory:');
    expect(() =>
      migrate(db, [
        { version: 1, name: 'ok', up: 'CREATE TABLE a (x)' },
        { version: 2, name: 'bad', up: 'CREATE TABLE broken (' },
      ]),
    ).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").get()).toBeUndefined();
  });
});

describe('migration 3: facts as one array per document', () => {
  it('moves version-2 fact rows into document_facts in extraction order, and decodes them back', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 2));
    const file = db
      .prepare(
        "INSERT INTO files (sha256, path, kind, size, imported_at, batch_id) VALUES ('x', 'a/n.pdf', 'notes-pdf', 1, 'now', 'b')",
      )
      .run().lastInsertRowid;
    const doc = db.prepare(
      "INSERT INTO documents (file_id, ordinal, type, title, page_start, page_end) VALUES (?, ?, 'daily-note', 'Daily Note', 1, 2)",
    );
    const d1 = doc.run(file, 0).lastInsertRowid;
    const d2 = doc.run(file, 1).lastInsertRowid;
    doc.run(file, 2); // a document without facts gets no row
    const fact = db.prepare(
      'INSERT INTO facts (document_id, kind, value, page, span_start, span_end, quote) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // Interleaved inserts: order within a document must follow fact ids, not document order.
    fact.run(d2, 'signer', 'Jane Roe, PT', 2, 10, 22, 'Jane Roe, PT');
    fact.run(d1, 'date-of-service', '2026-03-02', 1, 5, 13, '03/02/26');
    fact.run(d2, 'total-minutes', '60', 1, 0, 7, '60 mins');
    fact.run(d1, 'total-minutes', '185', 1, 20, 28, '185 min.');

    migrate(db, MIGRATIONS.slice(0, 3));
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'facts'").get()).toBeUndefined();
    const rows = db
      .prepare('SELECT document_id, facts FROM document_facts ORDER BY document_id')
      .all() as Array<{ document_id: number; facts: string }>;
    expect(rows.map((r) => r.document_id)).toEqual([Number(d1), Number(d2)]);
    expect(decodeFacts(rows[1]!.facts, 'a/n.pdf')).toEqual([
      {
        kind: 'signer',
        value: 'Jane Roe, PT',
        provenance: { file: 'a/n.pdf', page: 2, start: 10, end: 22, quote: 'Jane Roe, PT' },
      },
      {
        kind: 'total-minutes',
        value: '60',
        provenance: { file: 'a/n.pdf', page: 1, start: 0, end: 7, quote: '60 mins' },
      },
    ]);
    expect(decodeFacts(rows[0]!.facts, 'a/n.pdf').map((f) => f.value)).toEqual([
      '2026-03-02',
      '185',
    ]);
    // Deleting a document deletes its facts.
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM documents WHERE id = ?').run(d1);
    expect(db.prepare('SELECT count(*) AS n FROM document_facts').get()).toEqual({ n: 1 });
  });

  it('round-trips facts through the codec, quotes with quotes and newlines included', () => {
    const facts = [
      {
        kind: 'goal-long' as const,
        value: 'Lift "50 lb"\nfloor to waist',
        provenance: { file: 'x.txt', page: 1, start: 3, end: 40, quote: 'Lift "50 lb"\nfloor' },
      },
    ];
    expect(decodeFacts(encodeFacts(facts), 'x.txt')).toEqual(facts);
  });
});

describe('migration 4: identity indexes', () => {
  it('lets patient matching group documents and billing lines without sorting every row', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(schemaVersion(db)).toBe(4);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' / ');
    const docs = plan(DOCUMENT_GROUPS_SQL);
    const lines = plan(LINE_GROUPS_SQL);
    expect(docs).toContain('COVERING INDEX documents_identity');
    expect(lines).toContain('COVERING INDEX billing_lines_identity');
    expect(docs + lines).not.toContain('TEMP B-TREE FOR GROUP BY');
  });
});

describe('migration 5: reader version per file', () => {
  it('adds file_readings, with no row for files imported before it, which reanalyze then reads', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 4));
    const file = db
      .prepare(
        "INSERT INTO files (sha256, path, kind, size, imported_at, batch_id) VALUES ('x', 'n.txt', 'notes-txt', 1, 'now', 'b')",
      )
      .run().lastInsertRowid;
    db.prepare('INSERT INTO pages (file_id, page, text) VALUES (?, 1, ?)').run(file, 'Daily Note');
    migrate(db, MIGRATIONS.slice(0, 5));
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT count(*) FROM file_readings').pluck().get()).toBe(0);
    // reanalyze runs on a current schema (opening the store migrates it).
    migrate(db, MIGRATIONS);
    expect(filesReadByOlderReader(db)).toBe(1);
  });
});

describe('migration 6: payer class and the clinic payer list', () => {
  it('adds billing_lines.payer_class (null for lines imported before) and payer_kinds', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 5));
    const file = db
      .prepare(
        "INSERT INTO files (sha256, path, kind, size, imported_at, batch_id) VALUES ('x', 'l.csv', 'ledger', 1, 'now', 'b')",
      )
      .run().lastInsertRowid;
    db.prepare(
      `INSERT INTO billing_lines (file_id, source, line, dos, code, modifiers, units)
       VALUES (?, 'ledger', 2, '2026-03-02', '97545', '', 1)`,
    ).run(file);
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT payer_class FROM billing_lines').pluck().get()).toBeNull();
    const insert = db.prepare(
      "INSERT INTO payer_kinds (name_key, name, kind, state, set_at) VALUES (?, ?, ?, ?, 'now')",
    );
    insert.run('texas mutual', 'Texas Mutual', 'workers-comp', 'TX');
    expect(() => insert.run('x', 'X', 'unknown', null)).toThrow(/CHECK/);
    expect(() => insert.run('y', 'Y', 'workers-comp', 'tx')).toThrow(/CHECK/);
    expect(() => insert.run('texas mutual', 'TEXAS MUTUAL', 'other', null)).toThrow(/UNIQUE/);
  });
});
