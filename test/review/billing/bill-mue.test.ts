import { describe, expect, it } from 'vitest';
import { billMue } from '../../../src-main/core/review/rules/billing/bill-mue';
import { episode } from '../builder';
import { run } from './helpers';

describe('BILL-MUE', () => {
  it('97546 x2 passes', () => {
    const ep = episode('medicare')
      .bill('2026-03-02', '97545')
      .bill('2026-03-02', '97546', 2)
      .build();
    expect(run(billMue, ep, 'medicare')[0]?.status).toBe('pass');
  });

  it('97546 x3 fails even with a modifier (MAI 3)', () => {
    const ep = episode('medicare')
      .bill('2026-03-02', '97545')
      .bill('2026-03-02', '97546', 3, ['GP', '59'])
      .build();
    const [f] = run(billMue, ep, 'medicare');
    expect(f).toMatchObject({ status: 'fail', severity: 'error', dates: ['2026-03-02'] });
    expect(f?.message).toContain('97546 billed 3 units on 2026-03-02; Medicare MUE is 2.');
  });

  it('n/a without MUE-listed codes; not applied for generic WC', () => {
    expect(
      run(billMue, episode('medicare').bill('2026-03-02', '97110').build(), 'medicare')[0]?.status,
    ).toBe('n/a');
    const wc = episode().bill('2026-03-02', '97546', 3).build();
    expect(run(billMue, wc, 'workers-comp')[0]?.status).toBe('n/a');
  });
});
