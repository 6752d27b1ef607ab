/**
 * Forms real EMR exports take that the sample chart also uses, written here in other phrasings so
 * the readers are shown to work on the general form (each with a negative case).
 */
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src-main/core/extract';
import { isTitleLine } from '../../src-main/core/extract/classify';
import type { PageText } from '../../shared/model';
import { onePage, values } from './helpers';

describe('titles versus labels, charge lines and sentences', () => {
  it('a label that says more than a document type is a field, not a title', () => {
    expect(isTitleLine('Certification dates: 3/1/26 - 4/12/26')).toBe(false);
    expect(isTitleLine('Plan of Care Period: 2026-03-01 through 2026-04-12')).toBe(false);
    expect(isTitleLine('Referral received: 02/27/2026')).toBe(false);
    // Negative: a bare type label with its date is still a title.
    expect(isTitleLine('Progress Note: 03/04/2026')).toBe(true);
    expect(isTitleLine('PT Re-Evaluation - 3/4/26')).toBe(true);
  });

  it('a line led by a procedure code is a charge line', () => {
    expect(isTitleLine('97164 PT RE-EVALUATION X1')).toBe(false);
    expect(isTitleLine('CPT 97161 PT evaluation, low complexity')).toBe(false);
    expect(isTitleLine('PT Evaluation 97161')).toBe(true);
  });

  it('a long sentence that mentions a document type is not a title', () => {
    expect(
      isTitleLine('Please fax the re-evaluation to our office and include the progress note too'),
    ).toBe(false);
    expect(isTitleLine('Outpatient Physical Therapy Daily Treatment Note')).toBe(true);
  });

  it('an evaluation carrying its plan and certification stays one evaluation', () => {
    const text = [
      'Occupational Therapy Initial Evaluation',
      'Name: Roe, Jane',
      'DOB: 01/02/1960',
      'Acct: 555',
      'Payer: Medicare',
      'Referring: Dr. Lee',
      'Exam Date: 03/02/2026',
      'Goals',
      '1. Don shirt independently within 4 weeks.',
      'Plan',
      'Frequency: 2x/week for 6 weeks',
      'Certification Period: 03/02/2026 - 04/12/2026',
      'Signature: Jane Poe, OTR/L 03/02/2026',
    ].join('\n');
    const docs = extractDocuments('ot.txt', onePage(text));
    expect(docs.map((d) => d.type)).toEqual(['evaluation']);
    expect(values(docs[0]!, 'frequency')).toEqual(['2x/week']);
    expect(values(docs[0]!, 'signer')).toEqual(['Jane Poe']);
  });
});

describe('printed charts', () => {
  const page = (n: number, body: string[]): PageText => ({
    page: n,
    text: [
      `ROE, JANE  MRN 555  Page ${n} of 4`,
      'Lakeside Rehab',
      'Printed chart export',
      ...body,
      `Signature: Jane Poe, OTR/L 3/${n}/2026`,
      'Lakeside Rehab confidential health information',
    ].join('\n'),
  });
  const visit = (n: number) => [
    'OT Treatment Note',
    `Date of Service: 3/${n}/2026`,
    'Session time 0900-0945',
    'Therapeutic activity: carry 10 lb x 50 ft',
  ];

  it('keeps a signature that repeats at the foot of every page (it is each note’s signature)', () => {
    const docs = extractDocuments(
      'chart.pdf',
      [1, 2, 3, 4].map((n) => page(n, visit(n))),
    );
    expect(docs).toHaveLength(4);
    for (const d of docs) expect(values(d, 'signer')).toEqual(['Jane Poe']);
    // Negative: the repeated confidentiality footer is still page furniture.
    expect(docs.every((d) => !values(d, 'signer').some((v) => /Lakeside/.test(v)))).toBe(true);
  });

  it('splits a discharge note dated by "Date of Discharge"', () => {
    const pages = [
      page(1, visit(1)),
      page(2, visit(2)),
      page(3, visit(3)),
      page(4, ['OT Discharge Note', 'Date of Discharge: 3/4/2026', 'Reason: goals met']),
    ];
    const docs = extractDocuments('chart.pdf', pages);
    expect(docs.map((d) => d.type)).toEqual([
      'daily-note',
      'daily-note',
      'daily-note',
      'discharge-summary',
    ]);
    expect(docs[3]!.date).toBe('2026-03-04');
    // Negative: a planned discharge date inside a note does not start a document.
    const one = extractDocuments(
      'n.txt',
      onePage('OT Treatment Note\nDate of Service: 3/2/2026\nPlanned discharge: 4/12/2026'),
    );
    expect(one).toHaveLength(1);
  });
});

describe('goal lists', () => {
  it('a wrapped goal continues on a line that starts with a number or a capital; rules are skipped', () => {
    const text = [
      'OT Evaluation',
      'Date of Service: 03/02/2026',
      'Goals:',
      '=====',
      '1) Within 4 weeks, carry laundry basket',
      '15 lb up 12 stairs.',
      '2) By 04/12/2026, stand at counter',
      'Thirty minutes for meal preparation.',
      'Plan',
    ].join('\n');
    const [doc] = extractDocuments('e.txt', onePage(text));
    expect(values(doc!, 'goal-long')).toEqual([
      'Within 4 weeks, carry laundry basket 15 lb up 12 stairs.',
      'By 04/12/2026, stand at counter Thirty minutes for meal preparation.',
    ]);
  });

  it('an unmarked list still takes each capitalized line as its own goal (negative)', () => {
    const text = ['Goals:', 'Walk 500 ft in 4 weeks', 'Lift 20 lb in 4 weeks', 'Plan'].join('\n');
    const [doc] = extractDocuments('e.txt', onePage(`PT Evaluation 03/02/2026\n${text}`));
    expect(values(doc!, 'goal-long')).toEqual(['Walk 500 ft in 4 weeks', 'Lift 20 lb in 4 weeks']);
  });
});

describe('plan amount, job-demand tables and copies', () => {
  it('reads the amount per session, not an activity time', () => {
    const [doc] = extractDocuments(
      'p.txt',
      onePage(
        'Plan of Care 03/02/2026\nFrequency: 3x/week for 4 weeks, 4 hrs/day\nTreadmill 20 min',
      ),
    );
    expect(values(doc!, 'amount')).toEqual(['4 hrs/day']);
  });

  it('reads a session length written "h" or "about" (a plan field, not a daily time)', () => {
    const plan = (line: string) =>
      values(extractDocuments('p.txt', onePage(`Plan of Care 06/22/2026\n${line}`))[0]!, 'amount');
    expect(plan('Freq 2x/wk | Dur 5 wks | Session ~60 min')).toEqual(['Session ~60 min']);
    expect(plan('Length of session: approx. 45 minutes')).toEqual(['session: approx. 45 minutes']);
    expect(plan('Visit length 2.5 h for 2 visits, then 3 h/session')).toEqual(['3 h/session']);
    expect(plan('Session approximately 3 hrs (work conditioning)')).toEqual([
      'Session approximately 3 hrs',
    ]);
    // Negative: a session's clock time and a visit count are not an amount.
    expect(plan('Session: 7:55 a.m. to 11:10 a.m.; session 2 of 10')).toEqual([]);
  });

  it('a measurement table with a job-requirement column compares capacity with the job', () => {
    const text = [
      'Work Hardening Progress Note',
      'Report Date: 03/13/2026',
      'Task | Initial | Today | Job requirement',
      'Carry | 20 lb | 35 lb | 40 lb',
    ].join('\n');
    const [doc] = extractDocuments('r.html', onePage(text));
    expect(values(doc!, 'section')).toContain('job-demands');
    // Negative: a table without a job column does not.
    const [plain] = extractDocuments(
      'r.html',
      onePage('Progress Note\nReport Date: 03/13/2026\nTask | Initial | Today\nCarry | 20 | 35'),
    );
    expect(values(plain!, 'section')).not.toContain('job-demands');
  });

  it('"Copies to" names a party the letter reached', () => {
    const text = [
      'Letter to Case Manager',
      'Date: 03/13/2026',
      'To: Ann Wu, nurse case manager',
      'Copies to: HR representative, Acme Foods',
      'The employer was not asked about light duty.',
    ].join('\n');
    const [doc] = extractDocuments('l.txt', onePage(text));
    expect(values(doc!, 'communication-party').sort()).toEqual(['case-manager', 'employer']);
  });
});
