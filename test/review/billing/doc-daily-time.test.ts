import { describe, expect, it } from 'vitest';
import { docDailyTime } from '../../../src-main/core/review/rules/billing/doc-daily-time';
import { billWcTimeUnits } from '../../../src-main/core/review/rules/billing/bill-wc-time-units';
import { episode } from '../builder';
import { run, withoutRule } from './helpers';

const D = '2026-03-02';

function wc(minutes: number | undefined, u45: number, u46: number) {
  const b = episode('workers-comp').daily(D, minutes === undefined ? {} : { minutes });
  if (u45) b.bill(D, '97545', u45);
  if (u46) b.bill(D, '97546', u46);
  return b.build();
}

describe('DOC-DAILY-TIME', () => {
  it.each([
    [61, 1, 0],
    [120, 1, 0],
    [150, 1, 0],
    [151, 1, 1],
    [175, 1, 1],
    [245, 1, 2],
  ])('%i min billed 97545x%i + 97546x%i passes', (m, a, b) => {
    const [f] = run(docDailyTime, wc(m, a, b), 'workers-comp');
    expect(f?.status).toBe('pass');
  });

  it("60 minutes billed as 97545: the units are BILL-WC-TIME-UNITS' finding, referred to here", () => {
    const [f] = run(docDailyTime, wc(60, 1, 0), 'workers-comp');
    expect(f).toMatchObject({
      status: 'n/a',
      dates: [D],
      refersTo: { rule: 'BILL-WC-TIME-UNITS', dates: [D] },
    });
    expect(f?.message).toContain('60 min supports 97545x0 + 97546x0; billed 97545x1 + 97546x0');
  });

  it('over-billing is an error here where the payer does not apply BILL-WC-TIME-UNITS', () => {
    const [f] = run(docDailyTime, wc(60, 1, 0), withoutRule('workers-comp', 'BILL-WC-TIME-UNITS'));
    expect(f).toMatchObject({ status: 'fail', severity: 'error', dates: [D] });
    expect(f?.refersTo).toBeUndefined();
    expect(f?.message).toContain('60 min supports 97545x0 + 97546x0; billed 97545x1 + 97546x0');
  });

  it('fails when a 97545 date documents no minutes', () => {
    const [f] = run(docDailyTime, wc(undefined, 1, 0), 'workers-comp');
    expect(f).toMatchObject({ status: 'fail', severity: 'error' });
    expect(f?.message).toContain('no program minutes');
    expect(f?.evidence[0]?.file).toBe('billing/ledger.csv');
  });

  it('under-billing: referred to BILL-WC-TIME-UNITS, else info here', () => {
    const [ref] = run(docDailyTime, wc(245, 1, 1), 'workers-comp');
    expect(ref).toMatchObject({ status: 'n/a', refersTo: { rule: 'BILL-WC-TIME-UNITS' } });
    const [f] = run(docDailyTime, wc(245, 1, 1), withoutRule('workers-comp', 'BILL-WC-TIME-UNITS'));
    expect(f).toMatchObject({ status: 'fail', severity: 'info' });
  });

  it('an over-billed date is one finding: BILL-WC-TIME-UNITS fails, this rule refers to it with the same numbers', () => {
    const ep = wc(150, 1, 1);
    const [doc] = run(docDailyTime, ep, 'workers-comp');
    const [bill] = run(billWcTimeUnits, ep, 'workers-comp');
    expect(doc?.status).toBe('n/a');
    expect(doc?.refersTo).toEqual({ rule: 'BILL-WC-TIME-UNITS', dates: bill?.dates });
    expect(bill?.status).toBe('fail');
    expect(doc?.message).toBe(bill?.message);
    expect(doc?.message).toContain('150 min supports 97545x1 + 97546x0; billed 97545x1 + 97546x1.');
    // Evidence: the note's minutes quote, then the billing lines.
    expect(doc?.evidence.map((e) => e.quote)).toEqual([
      'total-minutes: 150',
      expect.stringContaining('97545'),
      expect.stringContaining('97546'),
    ]);
  });

  it('same-date notes are merged (90 + 61 = 151 supports one 97546)', () => {
    const ep = episode('workers-comp')
      .daily(D, { minutes: 90 })
      .daily(D, { minutes: 61 })
      .bill(D, '97545')
      .bill(D, '97546')
      .build();
    expect(run(docDailyTime, ep, 'workers-comp')[0]?.status).toBe('pass');
  });

  it('Medicare: timed codes without timed minutes fail here', () => {
    const ep = episode('medicare').daily(D, {}).bill(D, '97110', 2, ['GP']).build();
    const [f] = run(docDailyTime, ep, 'medicare');
    expect(f?.status).toBe('fail');
    expect(f?.message).toContain('no total timed-code minutes');
  });

  it('a billed date with no note at all is left to DOC-DAILY-PRESENT: one defect, one finding', () => {
    const wcEp = episode('workers-comp')
      .daily(D, { minutes: 180 })
      .bill(D, '97545')
      .bill(D, '97546')
      .bill('2026-03-04', '97545')
      .build();
    const wcFindings = run(docDailyTime, wcEp, 'workers-comp');
    expect(wcFindings.map((f) => f.status)).toEqual(['pass']);
    expect(wcFindings[0]!.dates).toEqual([D]);
    const mcr = episode('medicare')
      .daily(D, { timedMinutes: 30 })
      .bill(D, '97110', 2, ['GP'])
      .bill('2026-03-04', '97110', 2, ['GP'])
      .build();
    expect(run(docDailyTime, mcr, 'medicare').map((f) => f.status)).toEqual(['pass']);
    // A note that exists but states no timed minutes still fails.
    const noMinutes = episode('medicare').daily(D, {}).bill(D, '97110', 2, ['GP']).build();
    expect(run(docDailyTime, noMinutes, 'medicare')[0]!.status).toBe('fail');
  });

  it('n/a without program or timed lines', () => {
    const ep = episode('workers-comp').daily(D, { minutes: 60 }).build();
    expect(run(docDailyTime, ep, 'workers-comp')[0]?.status).toBe('n/a');
  });

  describe('a furnished timed code whose minutes are left blank', () => {
    const blank = (code: string, billed: string[]) => {
      const b = episode('medicare').daily(D, {
        timedMinutes: 30,
        extra: {
          'service-minutes': { value: '30', detail: { code: '97110', minutes: 30 } },
          'service-minutes-blank': { value: code, detail: { code } },
        },
      });
      b.bill(D, '97110', 2, ['GP']);
      for (const c of billed) b.bill(D, c, 1, ['GP']);
      return b.build();
    };

    it('fails the date when the blank code is billed (iontophoresis ticked, no minutes, 97033 x1)', () => {
      const [f] = run(docDailyTime, blank('97033', ['97033']), 'medicare');
      expect(f).toMatchObject({ status: 'fail', dates: [D] });
      expect(f?.message).toContain('97033 billed, but the note leaves its minutes blank');
      expect(f?.evidence.map((e) => e.quote)).toContain('service-minutes-blank: 97033');
    });

    it('passes when the blank code is not billed', () => {
      expect(run(docDailyTime, blank('97033', []), 'medicare').map((f) => f.status)).toEqual([
        'pass',
      ]);
    });
  });
});

describe('DOC-DAILY-TIME: the last session recorded in the discharge summary', () => {
  const report = (type: 'discharge-summary' | 'evaluation') =>
    episode('workers-comp')
      .daily('2026-02-27', { minutes: 180 })
      .bill('2026-02-27', '97545', 1)
      .bill('2026-02-27', '97546', 1)
      .doc(type, D, { 'document-date': D, 'total-minutes': 180 })
      .bill(D, '97545', 1)
      .bill(D, '97546', 1)
      .build();

  it("reads the session's minutes from a report written that day when no note is", () => {
    const findings = run(docDailyTime, report('discharge-summary'), 'workers-comp');
    expect(findings.every((f) => f.status === 'pass')).toBe(true);
  });

  it('never from an evaluation, which is a service of its own', () => {
    const findings = run(docDailyTime, report('evaluation'), 'workers-comp');
    expect(findings.find((f) => f.dates.includes(D))?.message).toContain('no program minutes');
  });
});
