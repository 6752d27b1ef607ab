/** The corrected-claim view of an unprocessable denial (src-main/core/api/corrected-claim.ts). */
import { describe, expect, it } from 'vitest';
import { correctedClaim } from '../../src-main/core/api/corrected-claim';
import type { ClaimDenial } from '../../src-main/core/api/denials';
import type { Finding } from '../../shared/model';

const denial = (remarks: string[]): ClaimDenial => ({
  claimId: 'C1',
  carc: '4',
  group: 'CO',
  remarks,
  dates: ['2026-08-19', '2026-08-20'],
  linesOnly: true,
  remitDate: null,
});

const finding = (over: Partial<Finding>): Finding =>
  ({
    id: 'f1',
    rule: 'BILL-THERAPY-MODIFIER',
    status: 'fail',
    severity: 'error',
    message: '97110 lacks GP/GO/GN.',
    dates: ['2026-08-19'],
    evidence: [],
    ...over,
  }) as Finding;

describe('a claim returned as unprocessable', () => {
  it('lists each returned line with the failing findings on its date, errors first', () => {
    const view = correctedClaim(denial(['N20', 'ma130']), [
      finding({ id: 'w', severity: 'warning', message: 'Time not stated.' }),
      finding({}),
      finding({ id: 'p', status: 'pass' }),
      finding({ id: 'i', severity: 'info' }),
      finding({ id: 'other', dates: ['2026-09-01'] }),
    ]);
    expect(view).toMatchObject({
      remark: 'ma130',
      code: 'CO-4 with remark ma130',
      linesOnly: true,
    });
    expect(view!.meaning).toMatch(/modifier/);
    expect(view!.lines.map((l) => l.date)).toEqual(['2026-08-19', '2026-08-20']);
    expect(view!.lines[0]!.fixes.map((f) => [f.findingId, f.severity])).toEqual([
      ['f1', 'error'],
      ['w', 'warning'],
    ]);
    expect(view!.lines[1]!.fixes).toEqual([]);
  });

  it('is no corrected claim when the denial keeps its appeal rights', () => {
    expect(correctedClaim(denial(['N20']), [finding({})])).toBeNull();
  });
});
