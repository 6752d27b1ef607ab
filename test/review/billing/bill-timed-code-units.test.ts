import { describe, expect, it } from 'vitest';
import { loadPayerProfile } from '../../../src-main/core/review/profiles';
import { billTimedCodeUnits } from '../../../src-main/core/review/rules/billing/bill-timed-code-units';
import { episode } from '../builder';
import { run } from './helpers';

const D = '2026-03-02';

describe('BILL-TIMED-CODE-UNITS', () => {
  it('60 timed minutes with 97110x2 + 97140x1 + 97530x1 (4 units) passes', () => {
    const ep = episode('medicare')
      .daily(D, { timedMinutes: 60 })
      .bill(D, '97110', 2, ['GP'])
      .bill(D, '97140', 1, ['GP'])
      .bill(D, '97530', 1, ['GP'])
      .build();
    expect(run(billTimedCodeUnits, ep, 'medicare')[0]?.status).toBe('pass');
  });

  it('52 timed minutes with 4 units fails (allows 3)', () => {
    const ep = episode('medicare')
      .daily(D, { timedMinutes: 52 })
      .bill(D, '97110', 2, ['GP'])
      .bill(D, '97140', 1, ['GP'])
      .bill(D, '97530', 1, ['GP'])
      .build();
    const [f] = run(billTimedCodeUnits, ep, 'medicare');
    expect(f).toMatchObject({ status: 'fail', severity: 'error', dates: [D] });
    expect(f?.message).toBe('2026-03-02: 52 timed minutes support 3 units; billed 4.');
  });

  it('untimed codes (evaluation, 97545) are not counted', () => {
    const ep = episode('medicare')
      .daily(D, { timedMinutes: 23 })
      .bill(D, '97161', 1, ['GP'])
      .bill(D, '97110', 2, ['GP'])
      .build();
    expect(run(billTimedCodeUnits, ep, 'medicare')[0]?.status).toBe('pass');
  });

  it('n/a for a date without timed minutes (DOC-DAILY-TIME reports it)', () => {
    const ep = episode('medicare').daily(D, {}).bill(D, '97110', 2, ['GP']).build();
    const [f] = run(billTimedCodeUnits, ep, 'medicare');
    expect(f).toMatchObject({ status: 'n/a', dates: [D] });
  });

  it('CPT per-code method: 33 min 97110 + 7 min 97140 does not support a 97140 unit', () => {
    const profile = { ...loadPayerProfile('commercial') };
    profile.thresholds = { ...profile.thresholds, timedUnitMethod: 'cpt' };
    const ep = episode('commercial')
      .daily(D, {
        extra: {
          'service-minutes': [
            { value: '33', detail: { code: '97110', minutes: 33 } },
            { value: '7', detail: { code: '97140', minutes: 7 } },
          ],
        },
      })
      .bill(D, '97110', 2)
      .bill(D, '97140', 1)
      .build();
    const [f] = run(billTimedCodeUnits, ep, profile);
    expect(f?.status).toBe('fail');
    expect(f?.message).toContain('97140 7 min supports 0, billed 1');
  });

  it("two disciplines' timed units are each checked against their own note's minutes", () => {
    // An SLP's cognitive intervention (97129/97130) beside an OT's session, each with its note.
    const both = (slpMinutes: number) =>
      episode('medicare')
        .daily(D, { timedMinutes: 52, discipline: 'OT', credentials: 'OTR/L' })
        .daily(D, { timedMinutes: slpMinutes, discipline: 'SLP', credentials: 'CCC-SLP' })
        .bill(D, '97530', 2, ['GO'])
        .bill(D, '97535', 1, ['GO'])
        .bill(D, '97129', 1, ['GN'])
        .bill(D, '97130', 1, ['GN'])
        .build();
    expect(run(billTimedCodeUnits, both(30), 'medicare')[0]?.status).toBe('pass');
    // 52 + 16 = 68 minutes together would support all 5 units; the SLP's own 16 support one.
    const [f] = run(billTimedCodeUnits, both(16), 'medicare');
    expect(f).toMatchObject({ status: 'fail', dates: [D] });
    expect(f?.message).toBe('2026-03-02: 16 timed minutes support 1 units; billed 2.');
  });

  it('n/a without timed codes', () => {
    const ep = episode('medicare').bill(D, '97161', 1, ['GP']).build();
    expect(run(billTimedCodeUnits, ep, 'medicare')[0]?.status).toBe('n/a');
  });
});
