import { describe, expect, it } from 'vitest';
import { billTherapyModifier } from '../../../src-main/core/review/rules/billing/bill-therapy-modifier';
import { episode } from '../builder';
import { run } from './helpers';

describe('BILL-THERAPY-MODIFIER', () => {
  it('Medicare: GP on every line of a PT plan passes', () => {
    const ep = episode('medicare')
      .doc('plan-of-care', '2026-03-01')
      .bill('2026-03-02', '97110', 2, ['GP'])
      .bill('2026-03-03', '97530', 1, ['GP', 'KX'])
      .build();
    expect(run(billTherapyModifier, ep, 'medicare')[0]?.status).toBe('pass');
  });

  it('Medicare: missing GP on one date fails that date only', () => {
    const ep = episode('medicare')
      .doc('plan-of-care', '2026-03-01')
      .bill('2026-03-02', '97110', 2, ['GP'])
      .bill('2026-03-03', '97110', 2)
      .bill('2026-03-03', '97140', 1)
      .build();
    const f = run(billTherapyModifier, ep, 'medicare');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ status: 'fail', severity: 'error', dates: ['2026-03-03'] });
    expect(f[0]?.message).toContain('97110 lacks GP/GO/GN');
    expect(f[0]?.evidence).toHaveLength(2);
  });

  it('Medicare: GO on a PT-only plan fails', () => {
    const ep = episode('medicare')
      .doc('plan-of-care', '2026-03-01', {}, { discipline: 'PT' })
      .bill('2026-03-02', '97110', 1, ['GO'])
      .build();
    expect(run(billTherapyModifier, ep, 'medicare')[0]?.message).toContain(
      'does not match the PT plan',
    );
  });

  it('Medicare: a visit whose note an assistant wrote needs CO (OT) or CQ (PT)', () => {
    const ep = episode('medicare')
      .doc('plan-of-care', '2026-03-01', {}, { discipline: 'OT' })
      .doc('daily-note', '2026-03-02', { signer: 'Tia Moss', credentials: 'COTA/L' })
      .doc('daily-note', '2026-03-04', { signer: 'Tia Moss', credentials: 'COTA/L' })
      .doc('daily-note', '2026-03-06', { signer: 'Lee Park', credentials: 'OTR/L' })
      .bill('2026-03-02', '97530', 2, ['GO'])
      .bill('2026-03-04', '97530', 2, ['GO', 'CO'])
      .bill('2026-03-06', '97530', 2, ['GO'])
      .build();
    const f = run(billTherapyModifier, ep, 'medicare');
    expect(f.map((x) => [x.status, x.dates])).toEqual([['fail', ['2026-03-02']]]);
    expect(f[0]?.message).toContain('97530-GO lacks CO although an assistant furnished the visit');
  });

  it('Texas WC: 97545 needs the WC/WH program modifier', () => {
    const ok = episode('workers-comp', { state: 'TX' })
      .bill('2026-03-02', '97545', 1, ['WC', 'CA'])
      .build();
    expect(run(billTherapyModifier, ok, 'texas-wc')[0]?.status).toBe('pass');
    const bad = episode('workers-comp', { state: 'TX' }).bill('2026-03-02', '97545').build();
    const [f] = run(billTherapyModifier, bad, 'texas-wc');
    expect(f).toMatchObject({ status: 'fail', severity: 'error' });
    expect(f?.message).toContain('97545 lacks the WC/WH program modifier');
  });

  it('not applied for generic WC', () => {
    const ep = episode('workers-comp').bill('2026-03-02', '97545').build();
    expect(run(billTherapyModifier, ep, 'workers-comp')[0]?.status).toBe('n/a');
  });
});
