/**
 * Records requests the user enters (ADR, RAC, TPE, a carrier's request; migration 0011). Each is a
 * row and an audit-log entry naming the claim, kind and dates; never who the patient is.
 */
import { RefusedError } from '../../../shared/errors';
import type { IsoDate } from '../../../shared/model';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import type { RequestKind } from './profiles';

export interface RecordsRequest {
  id: number;
  claimId: string;
  kind: RequestKind;
  /** The date printed on the letter: the ADR clock runs from it. */
  dated: IsoDate;
  received: IsoDate | null;
  /** Who asked (contractor, carrier, plan), as the user wrote it. */
  from: string | null;
  recordedAt: string;
}

export class RequestError extends RefusedError {}

/** True when any billing line or remit of the store names the claim. */
export function claimExists(db: Db, claimId: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM billing_lines WHERE claim_id = ?
         UNION ALL SELECT 1 FROM remit_claims WHERE claim_id = ? LIMIT 1`,
      )
      .get(claimId, claimId) !== undefined
  );
}

export function recordRequest(
  db: Db,
  input: Omit<RecordsRequest, 'id' | 'recordedAt'>,
): RecordsRequest {
  const claimId = input.claimId.trim();
  if (!claimExists(db, claimId))
    throw new RequestError(
      `no claim ${claimId} in this database (no billing line or remit names it)`,
    );
  if (input.received && input.received < input.dated)
    throw new RequestError(`received ${input.received} is before the letter's date ${input.dated}`);
  const recordedAt = new Date().toISOString();
  const from = input.from?.trim() || null;
  return db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO records_requests (claim_id, kind, dated, received, requested_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(claimId, input.kind, input.dated, input.received, from, recordedAt);
    const id = Number(lastInsertRowid);
    // Who asked is a contractor or carrier, not a patient: the trail may hold it.
    recordAudit(db, 'request', {
      request: id,
      claim: claimId,
      kind: input.kind,
      dated: input.dated,
      received: input.received,
      from,
    });
    return {
      id,
      claimId,
      kind: input.kind,
      dated: input.dated,
      received: input.received,
      from,
      recordedAt,
    };
  })();
}

export function listRequests(db: Db): RecordsRequest[] {
  const rows = db
    .prepare(
      'SELECT id, claim_id, kind, dated, received, requested_by, recorded_at FROM records_requests ORDER BY id',
    )
    .raw()
    .all() as Array<[number, string, RequestKind, string, string | null, string | null, string]>;
  return rows.map(([id, claimId, kind, dated, received, from, recordedAt]) => ({
    id,
    claimId,
    kind,
    dated,
    received,
    from,
    recordedAt,
  }));
}
