import { describe, expect, it } from 'vitest';
import { authWithinLimits } from '../../../src-main/core/review/rules/billing/auth-within-limits';
import { episode, weekdays } from '../builder';
import { failsOn, run, statuses } from './helpers';

function auth(visits: number, hours: number, start = '2026-03-01', end = '2026-03-31') {
  return {
    'auth-number': 'A-100',
    'auth-visits': visits,
    'auth-hours': hours,
    'auth-start': start,
    'auth-end': end,
    'auth-service': 'Work conditioning',
  };
}

function program(days: number, u46 = 0) {
  const b = episode();
  const dates = weekdays('2026-03-02', days);
  for (const d of dates) {
    b.bill(d, '97545');
    if (u46) b.bill(d, '97546', u46);
  }
  return { b, dates };
}

describe('AUTH-WITHIN-LIMITS', () => {
  it('outside a work program, counts each treatment date against a visits authorization (not for Medicare)', () => {
    const build = (kind: 'commercial' | 'medicare') => {
      const b = episode(kind);
      b.bill('2026-10-05', '97162', 1, ['GP']);
      for (const d of weekdays('2026-10-05', 4)) b.bill(d, '97110', 2, ['GP']);
      b.bill('2026-11-09', '97110', 2, ['GP']);
      return b
        .doc('authorization', '2026-10-02', {
          'auth-number': 'PT-2610',
          'auth-visits': 3,
          'auth-start': '2026-10-05',
          'auth-end': '2026-11-06',
        })
        .build();
    };
    const fails = run(authWithinLimits, build('commercial'), 'commercial').filter(
      (f) => f.status === 'fail',
    );
    expect(fails.map((f) => f.dates[0])).toEqual(['2026-10-08', '2026-11-09']);
    expect(fails[0]!.message).toContain('4 visits billed, 3 approved');
    expect(fails[1]!.message).toContain('outside every authorization range');
    expect(statuses(run(authWithinLimits, build('medicare'), 'medicare'))).toEqual(['n/a']);
  });

  it('reads limits from units approved per code: each 97545 a session of 2 hours, each 97546 an hour', () => {
    const { b } = program(5, 1);
    const units = (code: string, n: number) => ({ value: String(n), detail: { code } });
    const letter = {
      'auth-number': 'A226',
      'auth-start': '2026-03-01',
      'auth-end': '2026-03-31',
      // A rationale line's "6 sessions" and "2 hours" do not override the table.
      'auth-visits': 6,
      'auth-hours': 2,
      'auth-units': [units('97545', 4), units('97546', 2)],
    };
    const findings = run(
      authWithinLimits,
      b.doc('authorization', '2026-02-27', letter).build(),
      'workers-comp',
    );
    const fails = findings.filter((f) => f.status === 'fail');
    // Limits 4 visits and 4 * 2 + 2 = 10 hours: the 4th day reaches 12 hours, the 5th 5 visits.
    expect(fails.map((f) => f.dates[0])).toEqual(['2026-03-05', '2026-03-06']);
    expect(fails[0]!.message).toContain(
      '4 visits billed, 4 approved; 12 hours billed, 10 approved',
    );
  });

  it('passes within visits, hours and range', () => {
    const { b } = program(5);
    const [f] = run(
      authWithinLimits,
      b.doc('authorization', '2026-02-27', auth(10, 30)).build(),
      'workers-comp',
    );
    expect(f?.status).toBe('pass');
    expect(f?.message).toContain('5 visits billed, 10 approved; 10 hours billed, 30 approved');
  });

  it('says it could not confirm dates under an authorization whose limits could not be read', () => {
    const { b, dates } = program(3);
    const f = run(
      authWithinLimits,
      b
        .doc('authorization', '2026-02-27', {
          'auth-number': 'UR-7',
          'auth-start': '2026-03-01',
          'auth-end': '2026-03-31',
        })
        .build(),
      'workers-comp',
    );
    expect(f.map((x) => x.status)).toEqual(['warn']);
    // A reading gap is a warning to look at the letter, not an error counted against readiness.
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.dates).toEqual(dates);
    expect(f[0]?.message).toContain(
      'Could not confirm 3 program date(s) against authorization UR-7',
    );
    expect(f[0]?.message).toContain(
      'under it: 3 visits billed; 6 hours billed; approved 2026-03-01 to 2026-03-31.',
    );
    const undated = run(
      authWithinLimits,
      b.doc('authorization', '2026-02-27', { 'auth-number': 'UR-8' }).build(),
      'workers-comp',
    );
    expect(undated.find((x) => x.status === 'warn')?.message).not.toContain('?');
  });

  it('fails the visits beyond the approved count', () => {
    const { b, dates } = program(6);
    const f = run(
      authWithinLimits,
      b.doc('authorization', '2026-02-27', auth(4, 100)).build(),
      'workers-comp',
    );
    expect(failsOn(f)).toEqual(dates.slice(4));
    expect(f[0]?.message).toContain(
      `DOS ${dates[4]} exceeds authorization A-100: 5 visits billed, 4 approved`,
    );
  });

  it('fails by hours (97545 = 2 h, 97546 = 1 h each)', () => {
    const { b, dates } = program(3, 1); // 3 h per day
    const f = run(
      authWithinLimits,
      b.doc('authorization', '2026-02-27', auth(10, 6)).build(),
      'workers-comp',
    );
    expect(failsOn(f)).toEqual([dates[2]]);
    expect(f[0]?.message).toContain('9 hours billed, 6 approved');
  });

  it('fails dates outside the approved range', () => {
    const { b, dates } = program(5);
    const f = run(
      authWithinLimits,
      b.doc('authorization', '2026-02-27', auth(10, 30, '2026-03-01', '2026-03-04')).build(),
      'workers-comp',
    );
    expect(failsOn(f)).toEqual(dates.filter((d) => d > '2026-03-04'));
    expect(f[0]?.message).toContain('outside every authorization range');
  });

  it('evaluation and FCE days do not count as visits', () => {
    const { b } = program(4);
    b.bill('2026-02-27', '97163').bill('2026-02-27', '97750', 4).doc('fce', '2026-02-27');
    const ep = b.doc('authorization', '2026-02-20', auth(4, 8, '2026-02-20')).build();
    expect(run(authWithinLimits, ep, 'workers-comp')[0]?.status).toBe('pass');
  });

  it('n/a without an authorization (AUTH-PRESENT reports it)', () => {
    expect(run(authWithinLimits, program(2).b.build(), 'workers-comp')[0]?.status).toBe('n/a');
  });

  it("counts a therapy window listed only on the practice's case screen, then the letter after it", () => {
    const build = (windowVisits: number, days = 5) => {
      const b = episode('workers-comp');
      b.bill('2026-03-02', '97161', 1, ['GP']);
      // 03-03, 03-04, 03-05 in the window alone; 03-06 on under the letter too.
      for (const d of weekdays('2026-03-03', days)) b.bill(d, '97110', 2, ['GP']);
      const row = (number: string, start: string, end: string, visits: number) => ({
        value: number,
        detail: { start, end, visits },
      });
      return b
        .doc('communication', '2026-02-27', {
          // The letter's own number listed again on the screen is the letter's, not a second one.
          'auth-entry': [
            row('TW-5501', '2026-03-02', '2026-04-30', windowVisits),
            row('UR-77', '2026-03-06', '2026-05-06', 2),
          ],
        })
        .doc('authorization', '2026-03-06', {
          'auth-number': 'UR-77',
          'auth-visits': 2,
          'auth-start': '2026-03-06',
          'auth-end': '2026-05-06',
        })
        .build();
    };
    expect(statuses(run(authWithinLimits, build(3), 'workers-comp'))).toEqual(['pass']);
    const failed = (windowVisits: number, days?: number) =>
      run(authWithinLimits, build(windowVisits, days), 'workers-comp').filter(
        (f) => f.status === 'fail',
      );
    const overWindow = failed(2);
    expect(overWindow.map((f) => f.dates[0])).toEqual(['2026-03-05']);
    expect(overWindow[0]!.message).toContain(
      'exceeds authorization TW-5501: 3 visits billed, 2 approved',
    );
    // A sixth date is the letter's third visit: counted once, UR-77 has no room for it.
    expect(failed(3, 6).map((f) => f.dates[0])).toEqual(['2026-03-10']);
  });

  it("counts each discipline's visits against the approval of that discipline", () => {
    const build = (otDays: number) => {
      const b = episode('commercial');
      // A PT and an OT visit on the same days: one visit under each approval, not two under one.
      for (const d of weekdays('2026-01-05', 5)) b.bill(d, '97110', 2, ['GP']);
      for (const d of weekdays('2026-01-05', otDays)) b.bill(d, '97530', 2, ['GO']);
      const line = (value: string, discipline: 'PT' | 'OT') => ({ value, detail: { discipline } });
      return b
        .doc('authorization', '2026-01-02', {
          'auth-number': 'UM-55120',
          'auth-visits': [line('6', 'PT'), line('4', 'OT')],
          'auth-start': [line('2026-01-05', 'PT'), line('2026-01-05', 'OT')],
          'auth-end': [line('2026-02-13', 'PT'), line('2026-02-06', 'OT')],
        })
        .build();
    };
    expect(statuses(run(authWithinLimits, build(4), 'commercial'))).toEqual(['pass']);
    const fails = run(authWithinLimits, build(5), 'commercial').filter((f) => f.status === 'fail');
    expect(fails.map((f) => [f.dates[0], f.message])).toEqual([
      [
        '2026-01-09',
        'DOS 2026-01-09 exceeds authorization UM-55120 (OT): 5 visits billed, 4 approved; 0 hours billed; approved 2026-01-05 to 2026-02-06.',
      ],
    ]);
  });
});
