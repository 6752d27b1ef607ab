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
 * Company-form words a payer name may end with, longest first: the same carrier is written
 * "Midwest Workers' Compensation" on a note and "Midwest Workers' Compensation Insurance Co." on
 * the ledger and the 835.
 */
const COMPANY_SUFFIX =
  /(?:\s+(?:insurance|ins)(?:\s+(?:company|co|corporation|corp|inc|llc))?|\s+(?:company|co|corporation|corp|incorporated|inc|llc|l l c|ltd|limited|lp|llp|plc|pc))+$/;

/** Text as payer names are compared: lower case, its words apart by single spaces. */
export function foldedWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
}

/**
 * The key a payer name is matched by, the one normalization of payer names for grouping (the
 * Payers settings, the payer list, the deadlines list): lower case; remarks in brackets
 * ("(adjuster A. Ferris)") dropped; punctuation and runs of spaces folded; company-form endings
 * (Inc, Co., Company, LLC, Insurance Co.) dropped. So "MIDLOTHIAN MUTUAL CASUALTY CO." and
 * "Midlothian Mutual Casualty Co. (adjuster A. Ferris)" are one payer.
 */
export function payerNameKey(name: string): string {
  const folded = foldedWords(name.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' '));
  const bare = folded.replace(COMPANY_SUFFIX, '').trim();
  // A name that is nothing but a company form ("Insurance Co.") keeps its words.
  return bare === '' ? folded : bare;
}

/**
 * Rows of a table keyed by payer name, keyed again by today's `payerNameKey` of their name (a key
 * stored before the normalization changed may differ): of two rows that now share a key, the one
 * set last stands.
 */
export function byCurrentKey<T extends { name: string; setAt: string }>(
  rows: Iterable<T>,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const row of rows) {
    const key = payerNameKey(row.name);
    const known = out.get(key);
    if (!known || known.setAt <= row.setAt) out.set(key, row);
  }
  return out;
}

/** Deletes the rows of `table` whose name has the key `key` today, whatever key they were stored under. */
export function deleteByCurrentKey(
  db: Db,
  table: 'payer_kinds' | 'payer_deadlines',
  key: string,
): void {
  const rows = db.prepare(`SELECT name_key, name FROM ${table}`).raw().all() as Array<
    [string, string]
  >;
  const del = db.prepare(`DELETE FROM ${table} WHERE name_key = ?`);
  for (const [stored, name] of rows)
    if (stored === key || payerNameKey(name) === key) del.run(stored);
}

/** The whole list by name key (a clinic has tens of payers, read once per review). */
export function readPayerList(db: Db): Map<string, PayerListEntry> {
  const rows = db
    .prepare('SELECT name_key, name, kind, state, set_at FROM payer_kinds ORDER BY name_key')
    .raw()
    .all() as Array<[string, string, KnownPayerKind, string | null, string]>;
  return byCurrentKey(rows.map(([, name, kind, state, setAt]) => ({ name, kind, state, setAt })));
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
    // Spellings of the same payer stored before are this one row now.
    deleteByCurrentKey(db, 'payer_kinds', key);
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
    deleteByCurrentKey(db, 'payer_kinds', key);
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
