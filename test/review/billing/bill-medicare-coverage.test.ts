import { describe, expect, it } from 'vitest';
import { billMedicareCoverage } from '../../../src-main/core/review/rules/billing/bill-medicare-coverage';
import { episode } from '../builder';
import { run } from './helpers';

describe('BILL-MEDICARE-COVERAGE', () => {
  it('97545 billed to Medicare fails (error)', () => {
    const ep = episode('medicare').bill('2026-03-02', '97545', 1, ['GP']).build();
    const [f] = run(billMedicareCoverage, ep, 'medicare');
    expect(f).toMatchObject({ status: 'fail', severity: 'error', dates: ['2026-03-02'] });
    expect(f?.message).toContain('MPFS status R');
  });

  it('n/a without 97545/97546 lines', () => {
    const ep = episode('medicare').bill('2026-03-02', '97110', 2, ['GP']).build();
    expect(run(billMedicareCoverage, ep, 'medicare')[0]?.status).toBe('n/a');
  });
});
