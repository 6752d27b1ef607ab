import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/model';
import { reviewEpisode } from '../../src-main/core/review/engine';
import { loadPayerProfile } from '../../src-main/core/review/profiles';
import { ALL_RULES } from '../../src-main/core/review/rules';
import { DEFECT_OWNER } from '../../src-main/core/review/lib/owners';
import { episode } from './builder';
import { withoutRule } from './billing/helpers';

/** Issue 15: one defect, one finding; the other rules that see it refer to its owner. */
const D1 = '2026-03-02';
const D2 = '2026-03-04';

/** The rules whose checks see a note's time, units and signature. */
const CONCERNED = new Set([
  'BILL-97546-REQUIRES-97545',
  'DOC-DAILY-TIME',
  'DOC-DAILY-CONTENT',
  'DOC-DAILY-PRESENT',
  'DOC-SIGNED',
  'DOC-PROGRESS-CONTENT',
  'BILL-WC-TIME-UNITS',
  'BILL-TIMED-CODE-UNITS',
]);

/** The fail and warn findings of those rules on a date (the fixtures lack much else a chart has). */
function alarmsOn(findings: readonly Finding[], date: string): string[] {
  return findings
    .filter((f) => CONCERNED.has(f.rule))
    .filter((f) => (f.status === 'fail' || f.status === 'warn') && f.dates.includes(date))
    .map((f) => f.rule)
    .sort();
}

function referralsOn(findings: readonly Finding[], date: string): Array<[string, string]> {
  return findings
    .filter((f) => f.refersTo && f.dates.includes(date))
    .map((f): [string, string] => [f.rule, f.refersTo!.rule])
    .sort();
}

describe('one defect, one finding', () => {
  it('each defect has one owner, and every owner is a catalog rule', () => {
    const ids = new Set(ALL_RULES.map((r) => r.meta.id));
    for (const owner of Object.values(DEFECT_OWNER)) expect(ids.has(owner)).toBe(true);
  });

  it("an unsigned treatment note is DOC-SIGNED's finding; DOC-DAILY-CONTENT refers to it", () => {
    const ep = episode('medicare')
      .daily(D1, { timedMinutes: 30, minutes: 30 })
      .daily(D2, { timedMinutes: 30, minutes: 30, signed: false })
      .bill(D1, '97110', 2, ['GP'])
      .bill(D2, '97110', 2, ['GP'])
      .build();
    const findings = reviewEpisode(ep, loadPayerProfile('medicare'), ALL_RULES);
    expect(alarmsOn(findings, D2)).not.toContain('DOC-DAILY-CONTENT');
    expect(alarmsOn(findings, D2)).toContain('DOC-SIGNED');
    expect(referralsOn(findings, D2)).toEqual([['DOC-DAILY-CONTENT', 'DOC-SIGNED']]);
    const ref = findings.find((f) => f.rule === 'DOC-DAILY-CONTENT' && f.refersTo)!;
    expect(ref).toMatchObject({ status: 'n/a', severity: 'info' });
    expect(ref.message).toBe(`Treatment note ${D2} is missing signature.`);
    // The signed note's content still passes, and says how many notes it covers.
    const pass = findings.find((f) => f.rule === 'DOC-DAILY-CONTENT' && f.status === 'pass')!;
    expect(pass.dates).toEqual([D1]);
    expect(pass.message).toMatch(/^1 of 2 treatment notes/);
  });

  it('a note missing its interventions and its signature: its own element fails, the signature is referred', () => {
    const ep = episode('workers-comp')
      .daily(D1, { minutes: 180, signed: false, extra: { intervention: [] } })
      .bill(D1, '97545')
      .bill(D1, '97546')
      .build();
    const findings = reviewEpisode(ep, loadPayerProfile('workers-comp'), ALL_RULES);
    const content = findings.filter((f) => f.rule === 'DOC-DAILY-CONTENT');
    expect(content.map((f) => f.status).sort()).toEqual(['fail', 'n/a']);
    const fail = content.find((f) => f.status === 'fail')!;
    expect(fail.message).toContain('the interventions furnished');
    expect(fail.message).not.toContain('signature');
  });

  it('where the payer profile turns DOC-SIGNED off, DOC-DAILY-CONTENT reports the signature itself', () => {
    const ep = episode('medicare')
      .daily(D1, { timedMinutes: 30, minutes: 30, signed: false })
      .bill(D1, '97110', 2, ['GP'])
      .build();
    const findings = reviewEpisode(ep, withoutRule('medicare', 'DOC-SIGNED'), ALL_RULES);
    const content = findings.find((f) => f.rule === 'DOC-DAILY-CONTENT')!;
    expect(content).toMatchObject({ status: 'fail', severity: 'error' });
    expect(content.message).toContain('signature');
    expect(findings.some((f) => f.refersTo)).toBe(false);
  });

  it('over-billed program units: one finding (BILL-WC-TIME-UNITS); DOC-DAILY-TIME refers to it', () => {
    const ep = episode('workers-comp')
      .daily(D1, { minutes: 150 })
      .bill(D1, '97545')
      .bill(D1, '97546')
      .build();
    const findings = reviewEpisode(ep, loadPayerProfile('workers-comp'), ALL_RULES);
    expect(alarmsOn(findings, D1)).toEqual(['BILL-WC-TIME-UNITS']);
    expect(referralsOn(findings, D1)).toEqual([['DOC-DAILY-TIME', 'BILL-WC-TIME-UNITS']]);
  });

  it('97546 billed without 97545 within the minutes: one finding (BILL-97546-REQUIRES-97545); the units rules refer to it', () => {
    const ep = episode('workers-comp').daily(D1, { minutes: 185 }).bill(D1, '97546').build();
    const findings = reviewEpisode(ep, loadPayerProfile('workers-comp'), ALL_RULES);
    expect(alarmsOn(findings, D1)).toEqual(['BILL-97546-REQUIRES-97545']);
    expect(referralsOn(findings, D1)).toEqual([
      ['BILL-WC-TIME-UNITS', 'BILL-97546-REQUIRES-97545'],
      ['DOC-DAILY-TIME', 'BILL-97546-REQUIRES-97545'],
    ]);
    // More 97546 hours than the minutes support is a units defect of its own as well.
    const over = episode('workers-comp').daily(D1, { minutes: 100 }).bill(D1, '97546', 2).build();
    const both = reviewEpisode(over, loadPayerProfile('workers-comp'), ALL_RULES);
    expect(alarmsOn(both, D1)).toEqual(['BILL-97546-REQUIRES-97545', 'BILL-WC-TIME-UNITS']);
  });

  it('a program note with no minutes: one finding (DOC-DAILY-TIME); the units and content rules refer to it', () => {
    const ep = episode('workers-comp').daily(D1, {}).bill(D1, '97545').bill(D1, '97546').build();
    const findings = reviewEpisode(ep, loadPayerProfile('workers-comp'), ALL_RULES);
    expect(alarmsOn(findings, D1)).toEqual(['DOC-DAILY-TIME']);
    expect(referralsOn(findings, D1)).toEqual([
      ['BILL-WC-TIME-UNITS', 'DOC-DAILY-TIME'],
      ['DOC-DAILY-CONTENT', 'DOC-DAILY-TIME'],
    ]);
  });

  it('a Medicare note with no timed minutes: DOC-DAILY-TIME reports it; BILL-TIMED-CODE-UNITS and DOC-DAILY-CONTENT refer', () => {
    const ep = episode('medicare').daily(D1, {}).bill(D1, '97110', 2, ['GP']).build();
    const findings = reviewEpisode(ep, loadPayerProfile('medicare'), ALL_RULES);
    expect(alarmsOn(findings, D1)).toEqual(['DOC-DAILY-TIME']);
    expect(referralsOn(findings, D1)).toEqual([
      ['BILL-TIMED-CODE-UNITS', 'DOC-DAILY-TIME'],
      ['DOC-DAILY-CONTENT', 'DOC-DAILY-TIME'],
    ]);
  });

  it("an unsigned progress report is DOC-SIGNED's; DOC-PROGRESS-CONTENT refers to it and judges the rest", () => {
    const ep = episode('medicare')
      .daily(D1, { timedMinutes: 30, minutes: 30 })
      .doc('progress-report', D2, {
        'document-date': D2,
        'report-period-start': D1,
        'report-period-end': D2,
        'objective-measure': 'Knee flexion 110 deg',
        'goal-assessment': { value: 'Goal 1 met', detail: { status: 'met', all: true } },
        section: ['objective', 'assessment', 'plan'],
        'signature-blank': 'blank',
      })
      .bill(D1, '97110', 2, ['GP'])
      .build();
    const findings = reviewEpisode(ep, loadPayerProfile('medicare'), ALL_RULES);
    expect(alarmsOn(findings, D2)).toContain('DOC-SIGNED');
    const content = findings.filter((f) => f.rule === 'DOC-PROGRESS-CONTENT' && f.status !== 'n/a');
    expect(content.map((f) => f.message).join(' ')).not.toContain('signature');
    expect(referralsOn(findings, D2)).toContainEqual(['DOC-PROGRESS-CONTENT', 'DOC-SIGNED']);
  });
});
