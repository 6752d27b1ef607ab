import { describe, expect, it } from 'vitest';
import { billWcTimeUnits } from '../../../src-main/core/review/rules/billing/bill-wc-time-units';
import { episode } from '../builder';
import { run, withoutRule } from './helpers';

const D = '2026-03-02';

function ep(minutes: number | undefined, u45: number, u46: number, state: string | null = null) {
  const b = episode('workers-comp', { state }).daily(D, minutes === undefined ? {} : { minutes });
  if (u45) b.bill(D, '97545', u45, state === 'TX' ? ['WC'] : []);
  if (u46) b.bill(D, '97546', u46, state === 'TX' ? ['WC'] : []);
  return b.build();
}

describe('BILL-WC-TIME-UNITS', () => {
  it.each([
    [61, 1, 0],
    [120, 1, 0],
    [150, 1, 0],
    [151, 1, 1],
    [175, 1, 1],
    [245, 1, 2],
  ])('%i min with 97545x%i + 97546x%i passes', (m, a, b) => {
    expect(run(billWcTimeUnits, ep(m, a, b), 'workers-comp')[0]?.status).toBe('pass');
  });

  it.each([
    [60, 1, 0],
    [120, 1, 1],
    [150, 1, 1],
    [175, 1, 2],
    [245, 1, 3],
  ])('%i min with 97545x%i + 97546x%i is over-billed (error)', (m, a, b) => {
    const [f] = run(billWcTimeUnits, ep(m, a, b), 'workers-comp');
    expect(f).toMatchObject({ status: 'fail', severity: 'error', dates: [D] });
    expect(f?.message).toContain(`${m} min supports`);
  });

  it('under-billing is info', () => {
    const [f] = run(billWcTimeUnits, ep(151, 1, 0), 'workers-comp');
    expect(f).toMatchObject({ status: 'fail', severity: 'info' });
  });

  it('Texas profile uses the same arithmetic for partial hours', () => {
    expect(run(billWcTimeUnits, ep(151, 1, 1, 'TX'), 'texas-wc')[0]?.status).toBe('pass');
    expect(run(billWcTimeUnits, ep(150, 1, 1, 'TX'), 'texas-wc')[0]?.status).toBe('fail');
  });

  it('no minutes: undecidable here, referred to DOC-DAILY-TIME (warn where that rule is off)', () => {
    const [ref] = run(billWcTimeUnits, ep(undefined, 1, 0), 'workers-comp');
    expect(ref).toMatchObject({ status: 'n/a', refersTo: { rule: 'DOC-DAILY-TIME', dates: [D] } });
    const off = withoutRule('workers-comp', 'DOC-DAILY-TIME');
    expect(run(billWcTimeUnits, ep(undefined, 1, 0), off)[0]?.status).toBe('warn');
  });

  it('a billed program date with no note: referred to DOC-DAILY-PRESENT', () => {
    const e = episode('workers-comp')
      .daily(D, { minutes: 180 })
      .bill(D, '97545')
      .bill(D, '97546')
      .bill('2026-03-04', '97545')
      .build();
    const findings = run(billWcTimeUnits, e, 'workers-comp');
    expect(findings.map((f) => f.status)).toEqual(['pass', 'n/a']);
    expect(findings[1]!.refersTo).toEqual({ rule: 'DOC-DAILY-PRESENT', dates: ['2026-03-04'] });
  });

  it('n/a when no 97545/97546 lines', () => {
    const e = episode('workers-comp').daily(D, { minutes: 60 }).bill(D, '97110', 2).build();
    expect(run(billWcTimeUnits, e, 'workers-comp')[0]?.status).toBe('n/a');
  });
});
