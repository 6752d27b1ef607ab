import { describe, expect, it } from 'vitest';
import { bill97545Once } from '../../../src-main/core/review/rules/billing/bill-97545-once';
import { episode } from '../builder';
import { run } from './helpers';

const D = '2026-03-02';

describe('BILL-97545-ONCE', () => {
  it('passes with one unit per date', () => {
    const ep = episode().bill(D, '97545').bill('2026-03-03', '97545').build();
    expect(run(bill97545Once, ep, 'workers-comp')[0]).toMatchObject({ status: 'pass' });
  });

  it('fails with two units on one date (also split over two lines)', () => {
    const ep = episode().bill(D, '97545').bill(D, '97545').build();
    const [f] = run(bill97545Once, ep, 'workers-comp');
    expect(f).toMatchObject({ status: 'fail', severity: 'error', dates: [D] });
    expect(f?.message).toContain('97545 billed 2 times on 2026-03-02');
  });

  it('Texas: two documented sessions on one date is flagged for review, not an error', () => {
    const ep = episode('workers-comp', { state: 'TX' })
      .daily(D, { minutes: 130 })
      .daily(D, { minutes: 125 })
      .bill(D, '97545', 2, ['WC'])
      .build();
    const [f] = run(bill97545Once, ep, 'texas-wc');
    expect(f).toMatchObject({ status: 'warn', severity: 'warning' });
  });

  it('n/a without 97545', () => {
    expect(run(bill97545Once, episode().build(), 'workers-comp')[0]?.status).toBe('n/a');
  });
});
