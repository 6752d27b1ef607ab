/**
 * Backups and encryption of a whole database. Both write a new file and never touch the source;
 * both are recorded in the source's audit log (and the copy carries the log along).
 */
import { RefusedError } from '../../../shared/errors';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { log, pathRef } from '../log';
import { readAuditLog, recordAudit } from './audit';
import { openDatabase, sqlString, type Db } from './db';

export class BackupError extends Error {}

function refuseExisting(out: string): void {
  if (existsSync(out))
    throw new RefusedError(`${out} already exists; choose a new file`, 'conflict', 'exists');
}

function tableCounts(db: Db, schema = 'main'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of copyableTables(db, schema)) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${schema}."${t}"`).get() as { n: number }).n;
  }
  return out;
}

/** Ordinary tables of a schema: no sqlite_ internals, no virtual tables or their shadow tables. */
function copyableTables(db: Db, schema: string): string[] {
  const rows = db
    .prepare(`SELECT name, sql FROM ${schema}.sqlite_master WHERE type = 'table' ORDER BY name`)
    .all() as Array<{ name: string; sql: string | null }>;
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter(
      (n) =>
        !n.startsWith('sqlite_') &&
        !virtual.includes(n) &&
        !virtual.some((v) => n.startsWith(`${v}_`)),
    );
}

/**
 * Online backup to a new file: better-sqlite3's backup API for a plain database (pages copied
 * while readers and writers go on); for an encrypted one, VACUUM INTO, which writes a consistent
 * snapshot encrypted with the same key (the backup API refuses a differently keyed target).
 */
export async function backupDatabase(
  db: Db,
  out: string,
  opts: { encrypted?: boolean } = {},
): Promise<{ counts: Record<string, number>; bytes: number }> {
  refuseExisting(out);
  if (opts.encrypted) db.prepare('VACUUM INTO ?').run(resolve(out));
  else await db.backup(out);
  const counts = tableCounts(db);
  const bytes = statSync(out).size;
  recordAudit(db, 'backup', {
    output: resolve(out),
    encrypted: opts.encrypted ?? false,
    bytes,
    counts,
  });
  log.info('backup', { out: pathRef(out), bytes, encrypted: opts.encrypted ?? false });
  return { counts, bytes };
}

/**
 * Writes an encrypted copy of a database: the new file is created with `key` and the current
 * schema (migrations), then every table is copied row for row from the source, attached
 * read-only. Triggers rebuild the full-text index as pages arrive; ids, and so the audit
 * chain, are kept. The source stays as it is: delete it yourself once the copy is verified.
 */
export function encryptDatabase(
  source: string,
  out: string,
  key: string,
  opts: { sourceKey?: string } = {},
): { counts: Record<string, number> } {
  refuseExisting(out);
  // Bring the source to the current schema first, so the copy's columns line up.
  const src = openDatabase(source, { key: opts.sourceKey });
  const srcCounts = tableCounts(src);
  src.pragma('wal_checkpoint(TRUNCATE)');
  src.close();

  const dst = openDatabase(out, { key });
  try {
    dst.exec(
      `ATTACH DATABASE ${sqlString(resolve(source))} AS src KEY ${sqlString(opts.sourceKey ?? '')}`,
    );
    dst.pragma('foreign_keys = OFF');
    dst.transaction(() => {
      for (const t of copyableTables(dst, 'main')) {
        const cols = (
          dst.prepare(`SELECT name FROM pragma_table_info(?, 'src')`).all(t) as Array<{
            name: string;
          }>
        ).map((c) => `"${c.name}"`);
        if (cols.length === 0) continue;
        dst.exec(
          `INSERT INTO main."${t}" (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM src."${t}"`,
        );
      }
    })();
    dst.pragma('foreign_keys = ON');
    const counts = tableCounts(dst);
    dst.exec('DETACH DATABASE src');
    for (const [t, n] of Object.entries(srcCounts)) {
      if (counts[t] !== n) {
        throw new BackupError(`copy of table ${t} has ${counts[t]} rows, the source ${n}`);
      }
    }
    const fk = dst.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) throw new BackupError('the encrypted copy fails the foreign key check');
    recordAudit(dst, 'backup', {
      operation: 'encrypt',
      output: resolve(out),
      sourceAuditEntries: readAuditLog(dst).length,
      counts,
    });
    log.info('encrypt', { out: pathRef(out), tables: Object.keys(counts).length });
    return { counts };
  } finally {
    dst.close();
  }
}
