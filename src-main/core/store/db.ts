import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export class DatabaseVersionError extends Error {}

/**
 * Opens (creating if missing) a ChartReady database: WAL for concurrent readers, synchronous=FULL
 * because the database is the user's audit record, foreign keys on, and all pending migrations
 * applied in one transaction. A database written by a newer ChartReady is refused, not downgraded.
 */
export function openDatabase(file: string, opts: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  try {
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
