/**
 * A practice system's list of a case's authorizations, one row each, as case and billing screens
 * print it: the only record of a therapy window or visits verified by phone.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readText } from './helpers';

const entries = (text: string) =>
  readText(text).flatMap((d) =>
    factsOf(d, 'auth-entry').map((f) => ({ number: f.value, ...f.detail })),
  );

describe('authorization rows of a case screen', () => {
  it('reads each row: number, effective and expiry dates, approved visits (not those used)', () => {
    const page = [
      'CASE AUTHORIZATIONS - Lumbar strain (WC)',
      'Authorization No.: MN-88213   Eff Date: 05/01/2026   Exp Date: 06/30/2026   Approved Visits: 12   Visits Remaining: 4',
      'Authorization No.: MN-90417   Eff Date: 07/01/2026   Exp Date: 08/15/2026   Approved Visits: 6   Visits Remaining: 6',
    ].join('\n');
    expect(entries(page)).toEqual([
      { number: 'MN-88213', start: '2026-05-01', end: '2026-06-30', visits: 12 },
      { number: 'MN-90417', start: '2026-07-01', end: '2026-08-15', visits: 6 },
    ]);
  });

  it('reads a row printed with bars and ISO dates, the count labelled as the field', () => {
    const row = 'Auth ID: BCX4471920 | From: 2026-08-03 | To: 2026-09-30 | Visits: 20 | Used: 6';
    expect(entries(row)).toEqual([
      { number: 'BCX4471920', start: '2026-08-03', end: '2026-09-30', visits: 20 },
    ]);
  });

  it('takes no row without an approved count or whose period runs backwards', () => {
    expect(entries('Auth #: Q12345 pending   Start: 05/01/2026   End: 05/30/2026')).toEqual([]);
    expect(
      entries('Auth #: Q12345   Start: 05/01/2026   End: 05/30/2026   Remaining Visits: 8'),
    ).toEqual([]);
    expect(
      entries('Auth #: Q12345   Start: 05/30/2026   End: 05/01/2026   Visits auth: 8'),
    ).toEqual([]);
  });
});
