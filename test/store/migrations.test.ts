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
