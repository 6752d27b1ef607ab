/**
 * rules.md section 7: errors in a popular source (seed 000) the engine must not repeat. One test per
 * mistake in the brief.
 */
import { describe, expect, it } from 'vitest';
import { TIMED_15_MIN_CODES, wcUnitsForMinutes } from '../../../src-main/core/review/lib/time';
import { billingRules } from '../../../src-main/core/review/rules/billing';
import { billKxThreshold } from '../../../src-main/core/review/rules/billing/bill-kx-threshold';
import { billTimedCodeUnits } from '../../../src-main/core/review/rules/billing/bill-timed-code-units';
import { billWcTimeUnits } from '../../../src-main/core/review/rules/billing/bill-wc-time-units';
import { billNcciUnbundling } from '../../../src-main/core/review/rules/billing/bill-ncci-unbundling';
import { episode, weekdays } from '../builder';
import { run } from './helpers';

const D = '2026-03-02';

describe('popular mistakes (rules.md section 7)', () => {
  it('#1 97545 is the initial 2 HOURS, not the initial hour: 120 min is 97545 x1 only', () => {
    expect(wcUnitsForMinutes(120)).toEqual({ u97545: 1, u97546: 0 });
    const ep = episode().daily(D, { minutes: 120 }).bill(D, '97545').bill(D, '97546').build();
    expect(run(billWcTimeUnits, ep, 'workers-comp')[0]?.status).toBe('fail');
  });

  it('#2 no 8-minute rule for 97545/97546: 60 min is not billable, 121-150 min adds no 97546', () => {
    expect(wcUnitsForMinutes(60)).toEqual({ u97545: 0, u97546: 0 });
    expect(wcUnitsForMinutes(130)).toEqual({ u97545: 1, u97546: 0 });
    expect(TIMED_15_MIN_CODES.has('97545')).toBe(false);
    expect(TIMED_15_MIN_CODES.has('97546')).toBe(false);
    // BILL-TIMED-CODE-UNITS never looks at program codes.
    const ep = episode('medicare')
      .daily(D, { minutes: 130, timedMinutes: 8 })
      .bill(D, '97545', 1, ['GP'])
      .build();
    expect(run(billTimedCodeUnits, ep, 'medicare')[0]?.status).toBe('n/a');
  });

  it('#3 a 115-minute session is 97545 x1 only', () => {
    const ep = episode().daily(D, { minutes: 115 }).bill(D, '97545').bill(D, '97546').build();
    const [f] = run(billWcTimeUnits, ep, 'workers-comp');
    expect(f?.status).toBe('fail');
    expect(f?.message).toContain('115 min supports 97545x1 + 97546x0');
  });

  it('#4 97597/97598 are wound care, never work conditioning', () => {
    const ep = episode().daily(D, { minutes: 130 }).bill(D, '97597').bill(D, '97598').build();
    for (const rule of billingRules.filter((r) =>
      /WC-TIME|97545|97546|AUTH|PROG/.test(r.meta.id),
    )) {
      expect(run(rule, ep, 'workers-comp').map((f) => f.status)).toEqual(['n/a']);
    }
  });

  it('#5 no one-on-one requirement for 97545/97546: group program time still supports units', () => {
    const ep = episode()
      .doc('authorization', '2026-02-27', {
        'auth-number': 'A-1',
        'auth-visits': 10,
        'auth-start': '2026-03-01',
        'auth-end': '2026-03-31',
      })
      .daily(D, {
        minutes: 175,
        extra: { intervention: 'Group work simulation circuit, 4 patients, supervised' },
      })
      .bill(D, '97545')
      .bill(D, '97546')
      .build();
    for (const rule of billingRules) {
      expect(run(rule, ep, 'workers-comp').filter((f) => f.status === 'fail')).toEqual([]);
    }
  });

  it('#6 97110 is a 15-minute timed code, not billed once per session', () => {
    expect(TIMED_15_MIN_CODES.has('97110')).toBe(true);
    const ok = episode('medicare')
      .daily(D, { timedMinutes: 45 })
      .bill(D, '97110', 3, ['GP'])
      .build();
    expect(run(billTimedCodeUnits, ok, 'medicare')[0]?.status).toBe('pass');
    const over = episode('medicare')
      .daily(D, { timedMinutes: 20 })
      .bill(D, '97110', 2, ['GP'])
      .build();
    expect(run(billTimedCodeUnits, over, 'medicare')[0]?.status).toBe('fail');
    // And it is an NCCI component of the program code on the same date.
    const bundled = episode('commercial')
      .daily(D, { minutes: 130 })
      .bill(D, '97545')
      .bill(D, '97110')
      .build();
    expect(run(billNcciUnbundling, bundled, 'commercial')[0]?.status).toBe('fail');
  });

  it('#7/#9 KX is irrelevant for 97545: no KX finding however much 97545 is billed', () => {
    const b = episode('medicare');
    for (const d of weekdays('2025-03-03', 40))
      b.bill(d, '97545', 1, ['GP']).bill(d, '97546', 2, ['GP']);
    const f = run(billKxThreshold, b.build(), 'medicare');
    expect(f.map((x) => x.status)).toEqual(['n/a']);
  });
});
