/**
 * The clinic's own appeal and records-request windows per payer (migration 0011), keyed like the
 * payer list (`payerNameKey`), with the source the clinic read them in. They replace the profile's
 * default for that payer, which for workers' comp and commercial payers is UNVERIFIED.
 */
import { localStamp } from '../../../shared/dates';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import { byCurrentKey, deleteByCurrentKey, payerNameKey } from '../store/payer-list';
import type { DeadlineProfile, DeadlineWindow } from './profiles';

export interface PayerDeadlines {
  name: string;
  appealDays: number | null;
  requestDays: number | null;
  source: string;
  setAt: string;
}

export function readPayerDeadlines(db: Db): Map<string, PayerDeadlines> {
  const rows = db
    .prepare(
      'SELECT name_key, name, appeal_days, request_days, source, set_at FROM payer_deadlines',
    )
    .raw()
    .all() as Array<[string, string, number | null, number | null, string, string]>;
  return byCurrentKey(
    rows.map(([, name, appealDays, requestDays, source, setAt]) => ({
      name,
      appealDays,
      requestDays,
      source,
      setAt,
    })),
  );
}

export function setPayerDeadlines(
  db: Db,
  name: string,
  values: { appealDays: number | null; requestDays: number | null; source: string },
): PayerDeadlines {
  const key = payerNameKey(name);
  if (!key) throw new Error('a payer name is needed');
  if (!values.source.trim())
    throw new Error('say where the values come from (the contract, the carrier letter)');
  const entry: PayerDeadlines = {
    name: name.trim(),
    ...values,
    source: values.source.trim(),
    setAt: new Date().toISOString(),
  };
  db.transaction(() => {
    deleteByCurrentKey(db, 'payer_deadlines', key);
    db.prepare(
      `INSERT INTO payer_deadlines (name_key, name, appeal_days, request_days, source, set_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, appeal_days = excluded.appeal_days,
         request_days = excluded.request_days, source = excluded.source, set_at = excluded.set_at`,
    ).run(key, entry.name, entry.appealDays, entry.requestDays, entry.source, entry.setAt);
    recordAudit(db, 'settings', {
      payerDeadlines: {
        payer: entry.name,
        appealDays: entry.appealDays,
        requestDays: entry.requestDays,
      },
    });
  })();
  return entry;
}

/** The profile with the clinic's values for this payer, when it set any (they count as verified by the clinic). */
export function withPayerDeadlines(
  profile: DeadlineProfile,
  own: PayerDeadlines | undefined,
): DeadlineProfile {
  if (!own) return profile;
  const mine = (w: DeadlineWindow, days: number): DeadlineWindow => ({
    ...w,
    days,
    from: 'notice',
    receiptDays: undefined,
    source: `the clinic's payer list for ${own.name}: ${own.source} (set ${localStamp(own.setAt, false)})`,
    verified: true,
  });
  const requests = { ...profile.requests };
  if (own.requestDays !== null)
    for (const k of Object.keys(requests) as Array<keyof typeof requests>)
      requests[k] = mine(requests[k], own.requestDays);
  return {
    ...profile,
    appeal: own.appealDays !== null ? mine(profile.appeal, own.appealDays) : profile.appeal,
    requests,
  };
}

/** "NAME=appeal:90,request:30" (either part may be left out) as given to `payers --deadlines`. */
export function parsePayerDeadlines(text: string): {
  name: string;
  appealDays: number | null;
  requestDays: number | null;
} {
  const eq = text.lastIndexOf('=');
  const name = eq > 0 ? text.slice(0, eq).trim() : '';
  if (!name) throw new Error(`"${text}": expected NAME=appeal:DAYS[,request:DAYS]`);
  let appealDays: number | null = null;
  let requestDays: number | null = null;
  for (const part of text.slice(eq + 1).split(',')) {
    const m = /^\s*(appeal|request)\s*:\s*(\d{1,4})\s*$/.exec(part);
    if (!m || Number(m[2]) < 1)
      throw new Error(`"${text}": expected appeal:DAYS and/or request:DAYS after the name`);
    if (m[1] === 'appeal') appealDays = Number(m[2]);
    else requestDays = Number(m[2]);
  }
  return { name, appealDays, requestDays };
}
