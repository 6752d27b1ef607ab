import { describe, expect, it } from 'vitest';
import { billNcciUnbundling } from '../../../src-main/core/review/rules/billing/bill-ncci-unbundling';
import { episode } from '../builder';
import { run } from './helpers';

const D = '2026-03-02';

describe('BILL-NCCI-UNBUNDLING', () => {
  it('97110 on a 97545 date without a bypass modifier fails (error)', () => {
    const ep = episode('commercial')
      .daily(D, { minutes: 130 })
      .bill(D, '97545')
      .bill(D, '97110', 2)
      .build();
    const [f] = run(billNcciUnbundling, ep, 'commercial');
    expect(f).toMatchObject({ status: 'fail', severity: 'error', dates: [D] });
    expect(f?.message).toContain(
      '97110 billed with 97545 on 2026-03-02: NCCI PTP edit; modifier absent',
    );
  });

  it.each([['59'], ['XU']])('with -%s and a separate timed session passes', (mod) => {
    const ep = episode('commercial')
      .daily(D, { minutes: 130 })
      .daily(D, { timeIn: '14:00', timeOut: '14:30', timedMinutes: 30 })
      .bill(D, '97545')
      .bill(D, '97110', 2, [mod])
      .build();
    expect(run(billNcciUnbundling, ep, 'commercial')[0]?.status).toBe('pass');
  });

  it('with -59 but no distinct session documented: warning', () => {
    const ep = episode('commercial')
      .daily(D, { minutes: 130 })
      .bill(D, '97545')
      .bill(D, '97110', 2, ['59'])
      .build();
    const [f] = run(billNcciUnbundling, ep, 'commercial');
    expect(f).toMatchObject({ status: 'warn', severity: 'warning' });
    expect(f?.message).toContain(
      'modifier present; documentation does not show a distinct service',
    );
  });

  it('payer without NCCI edits: component minutes inside the one program session fail (double billing)', () => {
    const ep = episode('workers-comp')
      .daily(D, { minutes: 185 })
      .bill(D, '97545')
      .bill(D, '97546')
      .bill(D, '97110', 2)
      .build();
    const [f] = run(billNcciUnbundling, ep, 'workers-comp');
    expect(f).toMatchObject({ status: 'fail', severity: 'error', dates: [D] });
    expect(f?.message).toContain('double billing');
  });

  it('payer without NCCI edits: a separately timed session passes, modifier or not', () => {
    const ep = episode('workers-comp')
      .daily(D, { minutes: 185 })
      .daily(D, { timeIn: '14:00', timeOut: '14:30', timedMinutes: 30 })
      .bill(D, '97545')
      .bill(D, '97546')
      .bill(D, '97110', 2)
      .build();
    expect(run(billNcciUnbundling, ep, 'workers-comp')[0]?.status).toBe('pass');
  });

  it('n/a when no component code shares a program date', () => {
    const ep = episode('commercial').bill(D, '97545').bill('2026-03-03', '97110', 2).build();
    expect(run(billNcciUnbundling, ep, 'commercial')[0]?.status).toBe('n/a');
  });
});

describe('BILL-NCCI-UNBUNDLING: pairs beyond the program codes', () => {
  const lymphedema = (modifiers: string[]) =>
    episode('medicare')
      .daily(D, { minutes: 60, timedMinutes: 30 })
      .bill(D, '97140', 2, ['GO', ...modifiers])
      .bill(D, '29581', 1, ['GO'])
      .build();

  it('fails manual therapy billed with a multi-layer compression system without a bypass modifier', () => {
    const [f] = run(billNcciUnbundling, lymphedema([]), 'medicare');
    expect(f).toMatchObject({ status: 'fail', dates: [D] });
    expect(f?.message).toBe(
      '97140 billed with 29581 on 2026-03-02: NCCI PTP edit; modifier absent (needs 59/XE/XP/XS/XU on 97140 where the services were distinct).',
    );
  });

  it('passes the pair with a bypass modifier, and checks no such pair where the payer applies no PTP edits', () => {
    expect(run(billNcciUnbundling, lymphedema(['XS']), 'medicare')[0]?.status).toBe('pass');
    const wc = episode('workers-comp')
      .daily(D, { minutes: 60, timedMinutes: 30 })
      .bill(D, '97140', 2)
      .bill(D, '29581', 1)
      .build();
    expect(run(billNcciUnbundling, wc, 'workers-comp').map((f) => f.status)).not.toContain('fail');
  });
});
