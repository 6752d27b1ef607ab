/**
 * The clinic's payer list (table payer_kinds, migration 0006): the kind, and for workers' comp the
 * jurisdiction's state, the user chose for a payer name. The strongest payer-kind signal.
 */
import type { KnownPayerKind } from '../domain/payer-kinds';
import { recordAudit } from './audit';
import type { Db } from './db';

export interface PayerListEntry {
  /** The name as the user (or the first source showing it) wrote it. */
  name: string;
  kind: KnownPayerKind;
  state: string | null;
  /** ISO timestamp of the user's choice. */
  setAt: string;
}

/**
 * The key a payer name is matched by: lower case, punctuation and runs of spaces folded, so
 * "TEXAS MUTUAL INSURANCE CO." and "Texas Mutual Insurance Co" are one payer.
 */
export function payerNameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
}

/** The whole list by name key (a clinic has tens of payers, read once per review). */
export function readPayerList(db: Db): Map<string, PayerListEntry> {
  const rows = db
    .prepare('SELECT name_key, name, kind, state, set_at FROM payer_kinds ORDER BY name_key')
    .raw()
    .all() as Array<[string, string, KnownPayerKind, string | null, string]>;
  return new Map(
    rows.map(([key, name, kind, state, setAt]) => [key, { name, kind, state, setAt }]),
  );
}

/**
 * Records the user's choice for a payer name (replacing an earlier one) and the change in the
 * audit log. A state is kept for workers' comp only: other kinds have no jurisdiction.
 */
export function setPayerKind(
  db: Db,
  name: string,
  kind: KnownPayerKind,
  state: string | null,
): PayerListEntry {
  const clean = name.trim();
  const key = payerNameKey(clean);
  if (key === '') throw new Error('a payer name is needed');
  const entry: PayerListEntry = {
    name: clean,
    kind,
    state: kind === 'workers-comp' && state ? state.toUpperCase() : null,
    setAt: new Date().toISOString(),
  };
  db.transaction(() => {
    const before = readPayerList(db).get(key) ?? null;
    db.prepare(
      `INSERT INTO payer_kinds (name_key, name, kind, state, set_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, kind = excluded.kind,
         state = excluded.state, set_at = excluded.set_at`,
    ).run(key, entry.name, entry.kind, entry.state, entry.setAt);
    // Payer names are insurers', not patients': the trail may hold them.
    recordAudit(db, 'settings', {
      payerKind: {
        payer: entry.name,
        kind: entry.kind,
        state: entry.state,
        before: before ? { kind: before.kind, state: before.state } : null,
      },
    });
  })();
  return entry;
}

/** Removes the user's choice for a payer name; true when there was one. */
export function clearPayerKind(db: Db, name: string): boolean {
  const key = payerNameKey(name);
  return db.transaction(() => {
    const before = readPayerList(db).get(key);
    if (!before) return false;
    db.prepare('DELETE FROM payer_kinds WHERE name_key = ?').run(key);
    recordAudit(db, 'settings', {
      payerKind: {
        payer: before.name,
        kind: null,
        state: null,
        before: { kind: before.kind, state: before.state },
      },
    });
    return true;
  })();
}
