/**
 * The audit trail (table audit_log, migration 0002): append-only, each entry chained to the one
 * before by hash = sha256(prev_hash + canonical JSON of the entry). Details hold hashes, counts,
 * ids and output paths; never patient names or note text (callers pass only those).
 */
import { createHash } from 'node:crypto';
import { APP_VERSION } from '../version';
import type { Db } from './db';

export type AuditAction =
  | 'import'
  | 'review'
  | 'export'
  | 'packet'
  | 'backup'
  | 'settings'
  | 'decision'
  | 'request'
  | 'sample';

export type AuditDetail = Record<string, unknown>;

export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  detail: AuditDetail;
  appVersion: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const body = canonicalJson({
    id: e.id,
    at: e.at,
    action: e.action,
    detail: e.detail,
    app_version: e.appVersion,
  });
  return createHash('sha256')
    .update(e.prevHash + body)
    .digest('hex');
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function hasAuditTable(db: Db): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() !==
    undefined
  );
}

/**
 * Appends one entry. Runs in its own (immediate) transaction, or as a savepoint inside the
 * caller's, so two writers never chain to the same predecessor. A read-only connection records
 * nothing (it cannot change the database the log describes either).
 */
export function recordAudit(db: Db, action: AuditAction, detail: AuditDetail): AuditEntry | null {
  if (db.readonly || !hasAuditTable(db)) return null;
  const append = () => {
    const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      { id: number; hash: string } | undefined;
    const base = {
      id: (last?.id ?? 0) + 1,
      at: new Date().toISOString(),
      action,
      // Round-trip so the stored JSON and the hashed value are the same data.
      detail: JSON.parse(canonicalJson(detail)) as AuditDetail,
      appVersion: APP_VERSION,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const entry: AuditEntry = { ...base, hash: entryHash(base) };
    db.prepare(
      `INSERT INTO audit_log (id, at, action, detail, app_version, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      entry.id,
      entry.at,
      entry.action,
      canonicalJson(entry.detail),
      entry.appVersion,
      entry.prevHash,
      entry.hash,
    );
    return entry;
  };
  const tx = db.transaction(append);
  return db.inTransaction ? tx() : tx.immediate();
}

interface AuditRow {
  id: number;
  at: string;
  action: AuditAction;
  detail: string;
  app_version: string;
  prev_hash: string;
  hash: string;
}

export function readAuditLog(db: Db): AuditEntry[] {
  if (!hasAuditTable(db)) return [];
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    detail: safeParse(r.detail),
    appVersion: r.app_version,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

function safeParse(s: string): AuditDetail {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as AuditDetail) : { value: v };
  } catch {
    return { unparseable: s };
  }
}

export type AuditVerification =
  { ok: true; entries: number } | { ok: false; entries: number; brokenId: number; reason: string };

/**
 * An entry's id and hash kept outside the database (printed, filed, in a backup): a chain that is
 * intact but no longer holds this entry, or holds another one in its place, was cut back or
 * rewritten, which the chain alone cannot show.
 */
export interface AuditAnchor {
  id: number;
  hash: string;
}

/** `ID:HASH`, as `audit-log --head` prints it. */
export function parseAuditAnchor(text: string): AuditAnchor | null {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  return m ? { id: Number(m[1]), hash: m[2]! } : null;
}

/** The latest entry as an anchor, or null for an empty log. */
export function auditHead(db: Db): AuditAnchor | null {
  if (!hasAuditTable(db)) return null;
  const row = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    AuditAnchor | undefined;
  return row ?? null;
}

/**
 * Recomputes the chain from the first entry. Reports the first entry whose stored hash does not
 * match its content (edited), whose prev_hash does not match its predecessor (one before it was
 * removed or edited), or whose id skips a number (a deleted entry). With an anchor, the chain must
 * also still hold that entry with that hash.
 */
export function verifyAuditLog(db: Db, anchor?: AuditAnchor): AuditVerification {
  const chain = verifyChain(db);
  if (!chain.ok || !anchor) return chain;
  const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(anchor.id) as
    { hash: string } | undefined;
  if (!row) {
    return {
      ok: false,
      entries: chain.entries,
      brokenId: anchor.id,
      reason: `anchor entry ${anchor.id} is missing: the log ends at entry ${chain.entries} (entries were cut off its end)`,
    };
  }
  if (row.hash !== anchor.hash) {
    return {
      ok: false,
      entries: chain.entries,
      brokenId: anchor.id,
      reason: `entry ${anchor.id} does not match the anchor (the chain was rewritten)`,
    };
  }
  return chain;
}

function verifyChain(db: Db): AuditVerification {
  if (!hasAuditTable(db)) return { ok: true, entries: 0 };
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
  let prev = GENESIS_HASH;
  let expectedId = 1;
  for (const r of rows) {
    const fail = (reason: string): AuditVerification => ({
      ok: false,
      entries: rows.length,
      brokenId: r.id,
      reason,
    });
    if (r.id !== expectedId) {
      return fail(`entry ${expectedId}${r.id > expectedId + 1 ? `-${r.id - 1}` : ''} missing`);
    }
    if (r.prev_hash !== prev) return fail('prev_hash does not match the entry before it');
    let detail: unknown;
    try {
      detail = JSON.parse(r.detail);
    } catch {
      return fail('detail is not valid JSON');
    }
    const recomputed = entryHash({
      id: r.id,
      at: r.at,
      action: r.action,
      detail: detail as AuditDetail,
      appVersion: r.app_version,
      prevHash: r.prev_hash,
    });
    if (recomputed !== r.hash) return fail('hash does not match the entry content (edited)');
    prev = r.hash;
    expectedId = r.id + 1;
  }
  return { ok: true, entries: rows.length };
}
