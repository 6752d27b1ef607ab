import { RefusedError } from '../../../shared/errors';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

/** Written by a newer ChartReady: refused, never downgraded. */
export class DatabaseVersionError extends RefusedError {
  constructor(message: string) {
    super(message, 'invalid', 'newer-schema');
  }
}

/** The passphrase is wrong, or the file is not a (ChartReady) SQLite database at all. */
export class DatabaseKeyError extends RefusedError {}

export interface OpenOptions {
  readonly?: boolean;
  /**
   * Passphrase for an encrypted database (created encrypted when the file is new). Uses the
   * better-sqlite3-multiple-ciphers driver; without a key the plain better-sqlite3 driver is used.
   */
  key?: string;
  /** Refuse a path where no database exists (every command but import and demo reads a store). */
  mustExist?: boolean;
}

export class DatabaseMissingError extends Error {}

const requireCjs = createRequire(import.meta.url);
let cipherDriver: typeof Database | null = null;

/** The SQLite3 Multiple Ciphers build of better-sqlite3 (same API), loaded on first use. */
export function cipherDatabase(): typeof Database {
  cipherDriver ??= requireCjs('better-sqlite3-multiple-ciphers') as typeof Database;
  return cipherDriver;
}

/** A passphrase as a SQL string literal (for PRAGMA key / ATTACH ... KEY). */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function isNotADatabase(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'SQLITE_NOTADB' || /file is not a database/i.test(String(err));
}

/**
 * Opens (creating if missing) a ChartReady database: WAL for concurrent readers, synchronous=FULL
 * because the database is the user's audit record, foreign keys on, and all pending migrations
 * applied in one transaction. A database written by a newer ChartReady is refused, not downgraded.
 * With `key`, the file is encrypted at rest (PRAGMA key is the first statement, temp files stay in
 * memory); a wrong passphrase fails here with DatabaseKeyError, before anything is written.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  // "review --db typo.db" would otherwise create an empty store and report 0 episodes.
  if ((opts.mustExist || opts.readonly) && file !== ':memory:' && !existsSync(file))
    throw new DatabaseMissingError(
      `no ChartReady database at ${file} (create one with "chartready import <path> --db ${file}")`,
    );
  const Driver = opts.key !== undefined ? cipherDatabase() : Database;
  const db = new Driver(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
  });
  try {
    if (opts.key !== undefined) {
      if (opts.key === '')
        throw new DatabaseKeyError('the passphrase is empty', 'invalid', 'passphrase-empty');
      db.pragma(`key = ${sqlString(opts.key)}`);
      db.pragma('temp_store = MEMORY');
    }
    try {
      // The first read of the schema is where a wrong key (or an encrypted file opened without
      // one) shows: SQLite reports "file is not a database".
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      if (isNotADatabase(err)) {
        throw opts.key !== undefined
          ? new DatabaseKeyError(
              `wrong passphrase or not a ChartReady database: ${file}`,
              'invalid',
              'wrong-passphrase',
            )
          : new DatabaseKeyError(
              `not a ChartReady database, or an encrypted one (give its passphrase): ${file}`,
              'invalid',
              'needs-passphrase',
            );
      }
      throw err;
    }
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (!opts.readonly) migrate(db, MIGRATIONS);
    else checkVersion(db, MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkVersion(db: Db, migrations: readonly Migration[]): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new DatabaseVersionError(
      `database schema version ${current} is newer than this ChartReady supports (${latest}); update ChartReady`,
    );
  }
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  checkVersion(db, migrations);
  const current = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}
