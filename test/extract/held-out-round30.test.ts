/**
 * Round 30's styles and the standing alarms fixed with it, written here in other words than the
 * charts': a line that times several services in clauses of their own.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readPages, readText, values } from './helpers';

function serviceMinutes(text: string): Array<[unknown, unknown]> {
  const [doc] = readText(text);
  return factsOf(doc, 'service-minutes').map((f) => [f.detail?.code, f.detail?.minutes]);
}

describe('a line that times several things in clauses of their own', () => {
  it("gives a service the time of its own clause, not the line's first range", () => {
    const note = [
      'INITIAL WORK CAPACITY TESTING',
      'Date of service: 14-Jul-2026',
      'Schedule: 1:00-1:40 PM interview and intake (40 min, not timed); 1:45-3:15 PM lift and carry battery (97750 x6, 90 min)',
    ].join('\n');
    expect(serviceMinutes(note)).toEqual([['97750', 90]]);
  });

  it('reads minutes that stand before the code inside its own clause', () => {
    const note = [
      'Daily Treatment Record',
      'DOS 07/15/2026',
      'Reassessment 25 min (untimed); strengthening circuit (35 min, 97110 x2)',
    ].join('\n');
    expect(serviceMinutes(note)).toEqual([['97110', 35]]);
  });

  it('keeps one range on a line of clauses as the service time it was', () => {
    const note = [
      'Visit 07/16/2026',
      'Ther ex 97110 2:00-2:30 PM; pt tolerated well; HEP updated',
    ].join('\n');
    expect(serviceMinutes(note)).toEqual([['97110', 30]]);
  });
});

// A work program's exercise card: one column per visit date, its values set under the dates
// only one or two spaces apart, groups of rows under ruled headings, the clinician's initials in
// each column and a legend at the foot naming them.
const CARD = [
  'PRAIRIE INDUSTRIAL THERAPY                 CONDITIONING EXERCISE CARD',
  'Patient: DUVALL, ROSS T.      DOB: 02/14/1979      Chart: 5512',
  '======================================================================',
  'DATE                      9/14/26  9/16/26 9/18/26',
  'Visit                        1        2       3',
  'Time in                    1300     1300    1300',
  'Time out                   1500     1510    1515',
  'Program min                120      130     135',
  '-- CARDIO ---------------------------------------------------------------',
  ' UBE (min/lvl)              8/2      8/3    10/3',
  ' Walk (min/mph/grade)    12/2.8/1 12/3.0/2 14/3.0/3',
  '-- WORK TASKS -----------------------------------------------------------',
  ' Tote lift 12-36 in (lb x)  20x8     25x8    25x10',
  ' Cart push 100 ft (lb x)    80x3     90x3    90x4',
  '------------------------------------------------------------------------',
  'Initials                    AKS      BTR      AKS',
  '======================================================================',
  '9/16/26  Tolerated full session; mild shoulder fatigue after cart push.     BTR',
  '',
  'INITIALS KEY',
  'AKS         Anna K. Sorensen                 PT, DPT',
  'BTR         Ben T. Ruiz                      PTA',
].join('\n');

describe('an exercise card with a column per visit date and initials keyed at its foot', () => {
  it('makes each date column its own note, with the day values under the date', () => {
    const docs = readText(CARD, 'card.txt');
    expect(docs.map((d) => [d.type, d.date])).toEqual([
      ['daily-note', '2026-09-14'],
      ['daily-note', '2026-09-16'],
      ['daily-note', '2026-09-18'],
    ]);
    expect(values(docs[1], 'total-minutes')).toEqual(['130']);
    const push = factsOf(docs[1], 'intervention').find((f) => f.value.startsWith('Cart push'));
    expect(push?.value).toMatch(/:\s+90x3$/);
  });

  it("signs each day with that column's initials, dated by the column, the key naming them", () => {
    const docs = readText(CARD, 'card.txt');
    expect(docs.map((d) => values(d, 'signer'))).toEqual([['AKS'], ['BTR'], ['AKS']]);
    expect(values(docs[1], 'signed-date')).toEqual(['2026-09-16']);
    expect(factsOf(docs[0], 'signature-log-entry').map((f) => [f.value, f.detail?.name])).toEqual([
      ['AKS', 'Anna K. Sorensen'],
      ['BTR', 'Ben T. Ruiz'],
    ]);
  });
});

describe('letters and forms as round 30 printed them', () => {
  const LETTER = [
    '                 BLUESTEM WORK REHAB',
    '      Functional Testing * Work Hardening * Hand Therapy * Aquatics',
    '',
    'October 2, 2026',
    '',
    'Gwen Castillo, Workers Comp Claims Adjuster       Harold Ng, MD',
    'Keystone Mutual                                   Riverside Orthopedics',
    '',
    'RE:   Ross T. Duvall     DOB 02/14/1979     Claim: KM-55102',
    '',
    'WORK HARDENING PROGRESS - WEEK 3',
    '',
    'Dear Mrs. Castillo and Dr. Ng:',
    'Ross attended all three sessions this week. Floor to waist lift 45 lb, goal 60 lb: progressing.',
    '',
    'Respectfully,',
    '',
    'Anna K. Sorensen, PT, DPT',
    'Clinical Lead, Work Rehabilitation',
    'License PT-80211',
    'Electronically signed 10/02/2026 17:05',
    '',
    '----------------------------------------------------------------',
    'TRANSMISSION LOG',
    '10/02/2026 17:12  KEYSTONE MUTUAL   OK',
    '10/02/2026 17:14  RIVERSIDE ORTHO   OK',
    '10/02/2026 17:15  BLUESTEM MAIN     OK',
  ].join('\n');

  it("takes the report's own title under a letterhead's list of services", () => {
    const [doc] = readText(LETTER);
    expect([doc!.type, doc!.title]).toEqual([
      'progress-report',
      'WORK HARDENING PROGRESS - WEEK 3',
    ]);
  });

  it('reads the signature over its title and licence lines, above a transmission log', () => {
    const [doc] = readText(LETTER);
    expect(values(doc, 'signer')).toEqual(['Anna K. Sorensen']);
    expect(values(doc, 'signed-date')).toEqual(['2026-10-02']);
  });

  it('reaches the adjuster the address block names with a title, greeted by courtesy title', () => {
    const [doc] = readText(LETTER);
    expect(values(doc, 'communication-party').sort()).toEqual(['adjuster', 'physician']);
  });

  it("reaches the adjuster through the carrier the chart's insurance field names", () => {
    const note = [
      'Initial Evaluation',
      'Patient: Ross Duvall   DOB: 02/14/1979',
      'Insurance: KEYSTONE MUTUAL CASUALTY CO - WORK COMP   Claim: KM-55102',
      'Date of service: 09/14/2026',
      'Evaluation faxed to Gwen Castillo, Keystone Mutual, on 09/15/2026.',
    ].join('\n');
    const [doc] = readText(note);
    expect(values(doc, 'communication-party')).toContain('adjuster');
  });

  it("reads a physician's visit note with its orders and an order requisition as orders", () => {
    expect(
      readText('PROGRESS NOTES AND ORDERS\nDate: 09/01/2026\nPT eval and treat.')[0]!.type,
    ).toBe('physician-order');
    expect(
      readText('THERAPY ORDER REQUISITION\nDate: 09/01/2026\nOT eval and treat.')[0]!.type,
    ).toBe('physician-order');
  });

  it('reads the reason under a heading shared with another section', () => {
    const note = [
      'Discharge Summary',
      'Date: 10/30/2026',
      'History / Reason for Discharge',
      'Goals achieved, returned to regular duty.',
    ].join('\n');
    expect(values(readText(note)[0], 'discharge-reason')).toEqual([
      'Goals achieved, returned to regular duty.',
    ]);
  });

  it("counts an approval form's visits field, never a note's visit number", () => {
    const auth = [
      'TREATMENT AUTHORIZATION',
      'Date: 09/10/2026',
      'Authorization #: KM-PT-7781',
      'Sessions: 8 (evaluation included)',
      'Valid 09/14/2026 through 10/16/2026',
    ].join('\n');
    expect(values(readText(auth)[0], 'auth-visits')).toEqual(['8']);
    const note = ['Daily Note', 'Date: 09/16/2026', 'Auth KM-PT-7781   Visits: 2'].join('\n');
    expect(values(readText(note)[0], 'auth-visits')).toEqual([]);
  });

  it('reads amounts listed under a heading that says they are applied to the threshold', () => {
    const printout = [
      'ELIGIBILITY RESPONSE',
      'Beneficiary: NG, MAY   DOB 01/02/1950',
      'Response date: 03/01/2026',
      '',
      'OUTPATIENT THERAPY - AMOUNTS APPLIED TOWARD 2026 THRESHOLD ($2,480.00)',
      '  Occupational Therapy ................ $402.10',
      '  Physical Therapy and Speech-Language Pathology ..... $88.00',
    ].join('\n');
    const [doc] = readText(printout);
    expect(
      factsOf(doc, 'therapy-threshold-applied').map((f) => [f.detail?.bucket, f.value]),
    ).toEqual([
      ['OT', '402.10'],
      ['PT/SLP', '88.00'],
    ]);
  });

  it("reads each ticked row's minutes when the header leaves the tick column unnamed", () => {
    const note = [
      'OT Treatment Note',
      'Date of service: 03/05/2026',
      'Code\tService\tMinutes\tUnits\tDetails',
      '[x]\t97530\tTherapeutic activities\t23\t2\tcard sorting 3 min then 2 trials',
      '[x]\t97535\tSelf-care training\t8\t1\tsock aid',
      '[ ]\t97110\tTherapeutic exercise\t\t\t',
    ].join('\n');
    expect(serviceMinutes(note)).toEqual([
      ['97530', 23],
      ['97535', 8],
    ]);
  });
});

describe('weekly status letters and their goal tables', () => {
  const REPORT = [
    'WEEKLY WORK HARDENING STATUS - WK 2',
    'Patient: Ross Duvall   DOB: 02/14/1979',
    'Employer: Riverbend Foundry Inc.   Claim: KM-55102',
    'Reporting period: 09/21/2026 - 09/25/2026',
    '',
    'Objective findings vs. job demands:',
    'Goal                          Entry      Today      Status',
    '1 Floor-waist lift 60 lb      25 lb      25 lb      No change',
    '2 Ladder climb 20 rungs       8          12         Progressing',
    '3 Overhead reach 10 min       unable     unable     Not started',
    'Short-term goals (10/02/2026) on track.',
    '',
    'cc: Dale Ferris, Safety, Riverbend Foundry (fax 555-0110)',
  ].join('\n');

  it('reads the title, each row status and a statement covering one term of goals', () => {
    const [doc] = readText(REPORT);
    expect(doc!.type).toBe('progress-report');
    const assessed = factsOf(doc, 'goal-assessment').map((f) => [
      f.detail?.status,
      f.detail?.all ?? false,
      f.detail?.term ?? null,
    ]);
    expect(assessed).toEqual([
      ['not-met', false, null],
      ['progressing', false, null],
      ['deferred', false, null],
      ['progressing', true, 'short'],
    ]);
    expect(values(doc, 'section')).toContain('objective');
  });

  it("reaches the employer a copy names by the firm the employer's field gives", () => {
    const [doc] = readText(REPORT);
    expect(values(doc, 'communication-party')).toContain('employer');
  });
});

// A hospital record system's legal record: one encounter after another, each under its header,
// the note filed in it and, below, the note's own title.
const RECORD = [
  'Lakeview Health System                          ORTIZ, ANA M',
  'RELEASE OF INFORMATION - LEGAL RECORD',
  'Patient: ORTIZ, ANA M    MRN: 7700123    DOB: 1/5/1970',
  '\f',
  'Lakeview Health System                          ORTIZ, ANA M',
  '5/4/2026 - Office Visit in LAKEVIEW FAMILY MEDICINE',
  'Provider: Paul K Shaw, MD    Department: LAKEVIEW FAMILY MEDICINE',
  'Orders Placed This Encounter',
  'AMB REFERRAL TO OCCUPATIONAL THERAPY [REF77]  (Order #: 88120)',
  'Order comments: OT eval and treat R wrist, 2x/wk x 6 wks.',
  'Electronically signed by: Paul K Shaw, MD on 5/4/2026 4:10 PM',
  '\f',
  'Lakeview Health System                          ORTIZ, ANA M',
  '5/11/2026 - Therapy Visit in LAKEVIEW HAND THERAPY',
  'Provider: Mia R Lund, OTR/L    Department: LAKEVIEW HAND THERAPY    Visit #: 2',
  'Progress Notes by Mia R Lund, OTR/L at 5/11/2026 1:15 PM',
  'Author: Mia R Lund, OTR/L    Service: Occupational Therapy',
  'OT DAILY TREATMENT NOTE',
  'S: Wrist sore after typing. O: grip 14 kg. Therapeutic exercise (97110): 25 min.',
  'Electronically signed by Mia R Lund, OTR/L at 5/11/2026 1:15 PM',
  '\f',
  'Lakeview Health System                          ORTIZ, ANA M',
  '5/11/2026 - Telephone in LAKEVIEW HAND THERAPY',
  'Telephone Encounter by Mia R Lund, OTR/L at 5/11/2026 3:02 PM',
  'Called pt employer HR re: modified duty, left message.',
  'Electronically signed by Mia R Lund, OTR/L at 5/11/2026 3:02 PM',
].join('\n');

describe("a hospital system's record of encounters", () => {
  it('makes each encounter a document dated by its header and typed by its note', () => {
    const docs = readPages(RECORD.split('\n\f\n'), 'record.pdf');
    expect(docs.slice(1).map((d) => [d.type, d.date, d.title])).toEqual([
      ['physician-order', '2026-05-04', 'Orders Placed This Encounter'],
      ['daily-note', '2026-05-11', 'OT DAILY TREATMENT NOTE'],
      ['communication', '2026-05-11', 'Telephone Encounter'],
    ]);
  });

  it('reads a header whose date is no calendar date as no encounter, without failing', () => {
    const bad = RECORD.replace('5/11/2026 - Therapy Visit', '13/45/2026 - Therapy Visit');
    const docs = readPages(bad.split('\n\f\n'), 'record.pdf');
    expect(docs.length).toBeGreaterThan(0);
  });

  it('leaves a file with one such line as it was', () => {
    const note = [
      'OT DAILY TREATMENT NOTE',
      'Date of service: 5/11/2026',
      '5/11/2026 - Therapy Visit in LAKEVIEW HAND THERAPY',
      'Therapeutic exercise (97110): 25 min.',
    ].join('\n');
    expect(readText(note).map((d) => d.type)).toEqual(['daily-note']);
  });
});

describe('round 30 approvals and goal terms', () => {
  it("takes a payer's decision's request number as the approval's number", () => {
    const decision = [
      'NOTICE OF UR DECISION',
      'Date of decision: 03/06/2026',
      'Review request no. UR-4471-B',
      'Approved: work conditioning, 10 sessions.',
    ].join('\n');
    expect(values(readText(decision)[0], 'auth-number')).toEqual(['UR-4471-B']);
  });

  it('reads a term heading with a label after its time frame as no goal', () => {
    const plan = [
      'PLAN OF CARE',
      'Date: 04/02/2026',
      'Goals:',
      'STG (2 wks) - tolerance:',
      '  1. Stand at workbench 60 min.',
      'LTG (4 wks, by 5/1/2026) - job demands:',
      '  1. Lift 50 lb floor to waist occasionally.',
    ].join('\n');
    const [doc] = readText(plan);
    expect(factsOf(doc, 'goal-short').map((f) => f.value)).toEqual(['Stand at workbench 60 min.']);
    expect(factsOf(doc, 'goal-long').map((f) => [f.value, f.detail?.timeFrame])).toEqual([
      ['Lift 50 lb floor to waist occasionally.', 'by 5/1/2026'],
    ]);
  });
});
