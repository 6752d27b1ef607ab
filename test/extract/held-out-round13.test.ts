/**
 * Styles first met on the thirteenth held-out round: a hospital information system's text chart
 * print (labels padded with dot leaders and no colon, "UNIT#" beside "ACCT#", "SUBJ:/OBJ:/ASSESS:",
 * goals led by "LTG1" in columns) and an insurer's utilization-review "certification of
 * treatment". Each case is written here in its own words, with a negative case beside it where a
 * reading could go too far.
 */
import { describe, expect, it } from 'vitest';
import { readText, values } from './helpers';

const band = (acct: string) =>
  `PATIENT: OSTROM,LENA       ACCT#: ${acct}    UNIT#: M000771204   DOB: 04/11/70`;

describe('a hospital chart print', () => {
  it('reads a label padded with dot leaders as a field, with or without a colon', () => {
    const [doc] = readText(
      [
        'OCCUPATIONAL THERAPY PROGRESS NOTE',
        band('V00500012345'),
        'DATE WRITTEN.......... 3/9/26',
        'REPORTING PERIOD...... 2/23/26 - 3/9/26',
      ].join('\n'),
    );
    expect(doc!.type).toBe('progress-report');
    expect(values(doc!, 'document-date')).toContain('2026-03-09');
  });

  it('takes the medical record number (UNIT#), not the visit account, as the MRN', () => {
    const [doc] = readText(['OT DAILY NOTE', band('V00500012345'), 'DOS: 3/10/26'].join('\n'));
    expect(values(doc!, 'mrn')).toEqual(['M000771204']);
    // An account number alone is still the patient's number.
    const [alone] = readText(
      ['OT DAILY NOTE', 'PATIENT: OSTROM,LENA   ACCT#: V00500012345', 'DOS: 3/10/26'].join('\n'),
    );
    expect(values(alone!, 'mrn')).toEqual(['V00500012345']);
  });

  it('"ASSESS:" heads the assessment, "SUBJ:" and "OBJ:" their sections', () => {
    const [doc] = readText(
      [
        'OT DAILY NOTE',
        band('V00500012345'),
        'DOS: 3/10/26',
        'SUBJ: reports less stiffness.',
        'OBJ: grip 22 kg R.',
        'ASSESS: grip up 4 kg since last week.',
      ].join('\n'),
    );
    const sections = values(doc!, 'section');
    for (const s of ['subjective', 'objective', 'assessment']) expect(sections).toContain(s);
  });

  it('goals led by "LTG1" in columns are marked: the prose after the list sets none', () => {
    const [doc] = readText(
      [
        'OT EVALUATION / PLAN OF CARE',
        band('V00500012345'),
        'DOS: 2/23/26',
        '  Long-term goals (4 weeks, by 3/23/26):',
        '   LTG1  Grip 30 kg right hand to carry a 20 lb tote',
        '   LTG2  Type 30 min without rest',
        '',
        'Plan reviewed with the patient and her daughter, both agree.',
      ].join('\n'),
    );
    expect(values(doc!, 'goal-long')).toHaveLength(2);
  });
});

describe("an insurer's certification of treatment", () => {
  const letter = (body: string[]) =>
    [
      'BOREAL MUTUAL INSURANCE COMPANY',
      'March 2, 2026',
      'Re:        CERTIFICATION OF TREATMENT - WORK HARDENING',
      'Employee:  Lena Ostrom',
      ...body,
    ].join('\n');

  it('that approves sessions under a certification number is the authorization', () => {
    const [doc] = readText(
      letter([
        'Certification No.: BM-UR-55120',
        'Approved:  up to 12 sessions, not to exceed 36 hours',
        'Dates:     03/09/2026 through 04/10/2026',
      ]),
    );
    expect(doc!.type).toBe('authorization');
    expect(values(doc!, 'auth-number')).toContain('BM-UR-55120');
  });

  it("a physician's certification of the plan stays a certification", () => {
    const [doc] = readText(
      [
        'CERTIFICATION OF PLAN OF CARE',
        'Patient: Ostrom, Lena   DOB: 04/11/1970',
        'I certify the need for these services furnished under this plan of treatment.',
        'Physician signature: /s/ Ada Lind, MD   Date: 03/02/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('certification');
  });
});

describe("a health plan portal's approval table", () => {
  const table = (row: string) =>
    readText(
      [
        'AUTHORIZATION DETAIL',
        'Member: Danielle Okafor   Authorization #: MC26-0529-41873',
        ['Service Type', 'Procedure', 'Approved', 'From Date', 'To Date'].join('\t'),
        row,
      ].join('\n'),
      'auth.html.txt',
    );

  it('reads the period of a row that lists evaluation codes beside treatment codes', () => {
    const [doc] = table(
      ['Outpatient OT', '97165-97168, 97110, 97140', '16 Visits', '06/01/2026', '07/31/2026'].join(
        '\t',
      ),
    );
    expect(values(doc!, 'auth-start')).toContain('2026-06-01');
    expect(values(doc!, 'auth-end')).toContain('2026-07-31');
  });

  it("leaves the evaluation's own row's window out of the program's period", () => {
    const [doc] = table(['OT evaluation', '97166', '1', '05/29/2026', '05/29/2026'].join('\t'));
    expect(values(doc!, 'auth-start')).toEqual([]);
  });
});
