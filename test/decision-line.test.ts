import { describe, expect, it } from 'vitest';
import { decisionLine } from '../shared/decisions';

describe('decisionLine', () => {
  const decided = (reason: string) => ({
    decision: {
      as: 'confirmed' as const,
      reason,
      by: 'Dana Whitfield',
      at: '2026-12-07T11:04:00.000Z',
      action: 'Bill 97546 only from 151 minutes',
      clinician: 'Priya Raman',
      due: '2026-12-14',
    },
  });

  it('ends a reason written as a sentence before its action, not with ".;"', () => {
    expect(decisionLine(decided('Billed above the CPT midpoint rule.'))).toBe(
      'Confirmed defect: Billed above the CPT midpoint rule; action: Bill 97546 only from 151 minutes (Priya Raman) by 2026-12-14 (Dana Whitfield, 2026-12-07)',
    );
  });

  it('keeps a reason whole when there is no action', () => {
    const f = decided('Documented in the addendum.');
    delete (f.decision as { action?: string }).action;
    expect(decisionLine(f)).toBe(
      'Confirmed defect: Documented in the addendum. (Dana Whitfield, 2026-12-07)',
    );
  });
});
