import { describe, expect, it } from 'vitest';
import { bill97546Requires97545 } from '../../../src-main/core/review/rules/billing/bill-97546-requires-97545';
import { episode } from '../builder';
import { run } from './helpers';

describe('BILL-97546-REQUIRES-97545', () => {
  it('passes when 97546 has 97545 on the same date', () => {
    const ep = episode().bill('2026-03-02', '97545').bill('2026-03-02', '97546').build();
    expect(run(bill97546Requires97545, ep, 'workers-comp')[0]?.status).toBe('pass');
  });

  it('fails on the date 97546 stands alone', () => {
    const ep = episode()
      .bill('2026-03-02', '97545')
      .bill('2026-03-02', '97546')
      .bill('2026-03-03', '97546')
      .build();
    const f = run(bill97546Requires97545, ep, 'workers-comp');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ status: 'fail', severity: 'error', dates: ['2026-03-03'] });
    expect(f[0]?.message).toBe('97546 billed on 2026-03-03 without 97545 on the same date.');
  });

  it('n/a without 97546', () => {
    const ep = episode().bill('2026-03-02', '97545').build();
    expect(run(bill97546Requires97545, ep, 'workers-comp')[0]?.status).toBe('n/a');
  });
});
