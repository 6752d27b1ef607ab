/**
 * Deadlines marked answered (migration 0012): the appeal, corrected claim or records response went
 * out. Keyed by the deadline's id, so the mark survives re-reviews; each mark and each reopening
 * is an audit-log entry naming the deadline and date, never the patient.
 */
import { userInfo } from 'node:os';
import type { IsoDate } from '../../../shared/model';
import type { DeadlineAnswer } from '../../../shared/deadlines';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import { claimExists, RequestError } from './requests';

export type { DeadlineAnswer };

/** A deadline's id as the list gives it: `denial:CLAIM` or `request:N`. */
const ITEM_ID = /^(denial|request):(.+)$/;

function checkItem(db: Db, itemId: string): void {
  const m = ITEM_ID.exec(itemId);
  if (!m)
    throw new RequestError(
      `${itemId} is not a deadline id (they read denial:CLAIM or request:N; list them with "chartready deadlines")`,
    );
  const known =
    m[1] === 'denial'
      ? claimExists(db, m[2]!)
      : /^\d+$/.test(m[2]!) &&
        db.prepare('SELECT 1 FROM records_requests WHERE id = ?').get(Number(m[2])) !== undefined;
  if (!known) throw new RequestError(`no deadline ${itemId} in this database`);
}

export function markAnswered(
  db: Db,
  input: { itemId: string; on: IsoDate; how?: string | null; by?: string | null; asOf: IsoDate },
): DeadlineAnswer {
  const itemId = input.itemId.trim();
  checkItem(db, itemId);
  if (input.on > input.asOf)
    throw new RequestError(`answered on ${input.on} is after today (${input.asOf})`);
  const answer: DeadlineAnswer = {
    on: input.on,
    how: input.how?.trim() || null,
    by: input.by?.trim() || userInfo().username,
    at: new Date().toISOString(),
  };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO deadline_answers (item_id, answered_on, how, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (item_id) DO UPDATE SET answered_on = excluded.answered_on, how = excluded.how,
         recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
    ).run(itemId, answer.on, answer.how, answer.by, answer.at);
    // Logged as a 'request' entry (the audit log's action for deadlines) with what happened.
    // How it went ("faxed, confirmation 1234") is the clinic's words about a letter, not the chart.
    recordAudit(db, 'request', {
      deadline: itemId,
      event: 'answered',
      on: answer.on,
      how: answer.how,
    });
  })();
  return answer;
}

/** Takes a mark back: the deadline counts again. */
export function reopenDeadline(db: Db, itemId: string): void {
  const id = itemId.trim();
  checkItem(db, id);
  db.transaction(() => {
    const { changes } = db.prepare('DELETE FROM deadline_answers WHERE item_id = ?').run(id);
    if (changes === 0) throw new RequestError(`deadline ${id} is not marked answered`);
    recordAudit(db, 'request', { deadline: id, event: 'reopened' });
  })();
}

export function readAnswers(db: Db): Map<string, DeadlineAnswer> {
  const rows = db
    .prepare('SELECT item_id, answered_on, how, recorded_by, recorded_at FROM deadline_answers')
    .raw()
    .all() as Array<[string, string, string | null, string, string]>;
  return new Map(rows.map(([id, on, how, by, at]) => [id, { on, how, by, at }]));
}
