/**
 * Styles first met on the twenty-first held-out round: a cloud EMR that exports its chart entries
 * as Markdown (bold labels, checklists of goals, "##" headings), a print spool whose assessment
 * prose wraps wherever the line runs out, a Word web page that dates its report period with
 * weekdays and ordinals, and subject lines that name the patient by first and last name. Each
 * case is written here in its own words, with cases that must not be read.
 */
import { describe, expect, it } from 'vitest';
import { factValues, quotes, readPages, readText, values } from './helpers';
import { pageLines } from '../../src-main/core/extract/lines';

describe('a chart entry exported as Markdown', () => {
  const evaluation = [
    '# Occupational Therapy Evaluation',
    '',
    '**Insurance:** Aetna Choice POS II, member W448120937 · copay $40 · no referral needed',
    '**Date of service:** 2026-06-02',
    '',
    '### Goals',
    '',
    '- [ ] **STG 1 (by 2026-06-16):** Reach a 5 lb can to a shoulder-height shelf x 5 with pain ≤ 2/10.',
    '- [ ] **LTG 1 (by 2026-07-14):** Carry a 20 lb laundry basket 50 ft without rest.',
    '',
    'Plan of care e-faxed to Dr. Osei on 2026-06-02.',
    '',
    '## Charges',
    '',
    '- 97166 OT evaluation, moderate complexity',
  ].join('\n');

  it('reads a bold label as its field and ends the payer name where the coverage details begin', () => {
    expect(factValues(evaluation, 'payer')).toEqual(['Aetna Choice POS II']);
    expect(factValues(evaluation, 'date-of-service')).toEqual(['2026-06-02']);
  });

  it('reads a checklist of goals as goals, in their own words, and stops at the next heading', () => {
    const [doc] = readText(evaluation);
    const goals = doc!.facts.filter((f) => f.kind === 'goal-short' || f.kind === 'goal-long');
    expect(goals.map((g) => [g.kind, g.value, g.detail?.timeFrame])).toEqual([
      [
        'goal-short',
        'STG 1 (by 2026-06-16): Reach a 5 lb can to a shoulder-height shelf x 5 with pain ≤ 2/10.',
        'by 2026-06-16',
      ],
      [
        'goal-long',
        'LTG 1 (by 2026-07-14): Carry a 20 lb laundry basket 50 ft without rest.',
        'by 2026-07-14',
      ],
    ]);
    // The quote is the page's own text, marks and all.
    expect(quotes(doc!, 'goal-short')[0]).toMatch(/^STG 1 \(by 2026-06-16\):\*\* Reach/);
  });

  it("reads each goal's status in a progress checklist, a ticked box as met", () => {
    const report = [
      '# Progress Note',
      '**Date of service:** 2026-06-16',
      '',
      '## Goals — update',
      '',
      '- [x] **STG 1** reach 5 lb to shoulder shelf',
      '- [ ] **LTG 1** carry 20 lb basket 50 ft: **progressing** (12 lb today)',
    ].join('\n');
    const [doc] = readText(report);
    expect(
      doc!.facts.filter((f) => f.kind === 'goal-assessment').map((f) => f.detail?.status),
    ).toEqual(['met', 'progressing']);
    // "update" qualifies the heading; it is no goal.
    expect(values(doc!, 'goal-long')).not.toContain('update');
  });

  it('turns only paired emphasis into room, every offset kept', () => {
    const text = '**Payer:** UMR\nSignature: ______ Date: ____\nSSN ***-**-4417\nsee __Met__';
    const lines = pageLines({ page: 1, text });
    expect(lines.map((l) => l.text.length)).toEqual(text.split('\n').map((l) => l.length));
    expect(lines[0]!.text.replace(/\u00a0/g, '')).toBe('Payer: UMR');
    expect(lines[1]!.text).toBe('Signature: ______ Date: ____');
    expect(lines[2]!.text).toBe('SSN ***-**-4417');
    expect(lines[3]!.text.replace(/\u00a0/g, '')).toBe('see Met');
  });
});

describe('a print spool whose prose wraps mid-phrase', () => {
  const report = (assessment: string[]) =>
    [
      'WORK HARDENING PROGRESS REPORT',
      'REPORT DATE: 07-10-26',
      '',
      'ASSESSMENT:',
      ...assessment,
      '',
      'SIGNED: R. OKONJO PT',
    ].join('\n');

  it('reads a work status that runs onto the next line, quoting both lines', () => {
    const [doc] = readText(
      report(['  LIFT CAPACITY UP 15 LB. EXPECT RETURN TO REGULAR', '  DUTY AT PROGRAM END.']),
    );
    expect(values(doc!, 'rtw-status')).toEqual(['RETURN TO REGULAR DUTY']);
    expect(quotes(doc!, 'rtw-status')).toEqual(['RETURN TO REGULAR\n  DUTY']);
  });

  it('does not join a phrase across a blank line', () => {
    const [doc] = readText(
      report(['  CAPACITY IMPROVED, NOT YET AT FULL', '', '  DUTY ROSTER TBD.']),
    );
    expect(values(doc!, 'rtw-status')).toEqual([]);
  });
});

describe('dates and subjects as other writers give them', () => {
  it('reads a report period whose dates carry weekdays and ordinals', () => {
    const text = [
      'PROGRESS REPORT',
      'Period of report:\tMonday, June 1st, 2026 to Friday, June 26th, 2026',
      'Date written: June 26, 2026',
    ].join('\n');
    expect(factValues(text, 'report-period-start')).toEqual(['2026-06-01']);
    expect(factValues(text, 'report-period-end')).toEqual(['2026-06-26']);
  });

  it('states functional limitations as the barriers to returning to work', () => {
    const evaluation = (assessment: string) =>
      [
        'Physical Therapy Initial Evaluation',
        'Date: 06/02/2026',
        'History: fell from a loading dock 04/20/2026.',
        'Assessment',
        assessment,
      ].join('\n');
    const sections = (text: string) => factValues(text, 'section');
    expect(
      sections(
        evaluation('Reduced grip and overhead reach are the main barriers to return to work.'),
      ),
    ).toContain('functional-limitations');
    expect(
      sections(evaluation('Pain controlled; no barriers to return to work were identified.')),
    ).not.toContain('functional-limitations');
  });

  it("takes the surname of a letter's subject that names the patient in full", () => {
    const letter = (subject: string) =>
      ['Harbor Work Rehab', '', 'July 2, 2026', '', 'To: Dockside Freight HR', '', subject].join(
        '\n',
      );
    expect(factValues(letter('Re: Tomasz Wielgus — return to work'), 'patient-surname')).toEqual([
      'Wielgus',
    ]);
    expect(factValues(letter('Re: Ms. Achterberg - work status'), 'patient-surname')).toEqual([
      'Achterberg',
    ]);
    // A topic in title case names nobody.
    expect(factValues(letter('Re: return to work plan'), 'patient-surname')).toEqual([]);
  });
});

describe('a print spool of a case log, one page per patient under one title', () => {
  const page = (patient: string, claim: string, rows: string[]) =>
    [
      'PRAIRIE WIND REHAB                                        PRINTED 08-02-26 09:10',
      'CASE CONTACT LOG                                                     Page 1 of 1',
      `Patient: ${patient}  Claim # ${claim}                  ACCT 0071`,
      '===============================================================================',
      '',
      '*** CASE CONTACT LOG ***',
      '  DATE      TIME  PARTY                          METHOD  ENTRY',
      ...rows,
    ].join('\n');

  it("gives each page's entries to the patient its header names, and knows people by their role", () => {
    const docs = readPages([
      page('QUILLEN, MARISOL', 'WC-26-0418', [
        '  06-01-26  0900  J TALLMAN, ADJ PLAINS MUTUAL   FAX     EVAL SENT - RO PT',
        '  06-12-26  1400  J TALLMAN / DR OYELARAN        FAX     PROGRESS REPORT SENT',
      ]),
      page('Quillen, Marisol R.', 'WC-26-0418', [
        '  06-19-26  1000  DR OYELARAN OFFICE             PHONE   DISCUSSED D/C PLAN',
      ]),
      page('BRANNIGAN, CORY', 'WC-26-0533', [
        '  06-03-26  1100  S VOGT, SAFETY MGR (EMPLOYER)  PHONE   JOB DEMANDS REVIEWED',
      ]),
    ]);
    expect(docs.map((d) => [values(d, 'patient-name')[0], d.pageStart, d.pageEnd])).toEqual([
      ['QUILLEN, MARISOL', 1, 2],
      ['BRANNIGAN, CORY', 3, 3],
    ]);
    const contacts = docs[0]!.facts
      .filter((f) => f.kind === 'communication')
      .map((f) => [f.detail?.date, f.value]);
    expect(contacts).toEqual([
      ['2026-06-01', 'adjuster'],
      ['2026-06-12', 'physician,adjuster'],
      ['2026-06-19', 'physician'],
    ]);
  });
});

describe("a program note's timed service inside the session", () => {
  const note = (service: string) =>
    [
      '*** DAILY WORK CONDITIONING NOTE ***',
      'DATE OF SERVICE: 06-10-26      SESSION: 0730-1030',
      service,
      'TOTAL SESSION TIME: 180 MIN',
      'CPT THIS DATE: 97545 X1, 97546 X1, 97110 X2',
    ].join('\n');
  const minutes = (text: string) =>
    readText(text)
      .flatMap((d) => d.facts)
      .filter((f) => f.kind === 'service-minutes')
      .map((f) => [f.detail?.code, f.detail?.minutes]);

  it('reads a 24-hour range after the code, and a timed label that names its code', () => {
    expect(minutes(note('  THER EX (97110) 0745-0820: STEP-UPS, TKE'))).toEqual([['97110', 35]]);
    expect(minutes(note('TIMED CODE MINUTES 97110: 28'))).toEqual([['97110', 28]]);
  });

  it('takes no load or count after a code for a clock range', () => {
    expect(minutes(note('  THER EX (97110) LEG PRESS 1000-1200 LB TOTAL VOLUME'))).toEqual([]);
  });
});
