/**
 * Styles first met on the held-out corpus charts (issue 14, second round): hospital printouts with
 * scanned outside documents, flowsheet text exports, UR vendors' unit tables, state-fund letters,
 * narrative logs. Each case is written here in its own words (not copied from the corpus), with a
 * negative case beside it where a reading could go too far.
 */
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src-main/core/parse/dates';
import { headingOf } from '../../src-main/core/extract/sections';
import { readPages, readText, values } from './helpers';

const read = readText;

describe('dates as flowsheets, hospital systems and plain-text notes print them', () => {
  it('reads day-month-word dates with dashes, slashes or nothing between, and dotted dates', () => {
    const iso = (t: string) => findDates(t).map((d) => d.iso);
    expect(iso('DOS: 07-Apr-2026')).toEqual(['2026-04-07']);
    expect(iso('seen 7-APR-26 and 09/Apr/2026')).toEqual(['2026-04-07', '2026-04-09']);
    expect(iso('RCR 05MAY2026')).toEqual(['2026-05-05']);
    expect(iso('written 4.14.2026.')).toEqual(['2026-04-14']);
    // Section numbers, versions and a word that starts like a month are no dates.
    expect(iso('see 2.3.1 and v1.2.2026.5, 3-Marathon, 12-Mar2026')).toEqual([]);
  });
});

describe('titles and headings where other systems put them', () => {
  it('takes the title printed at the right of a letterhead row', () => {
    const [doc] = read(
      [
        'LAKESHORE SPORTS PT, PLLC                          PROGRESS REPORT',
        'Patient: MERCER, ALAN   DOB: 02-Jun-1961',
        'DOS: 14-Apr-2026',
        'Reporting period: 17-Mar-2026 to 14-Apr-2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('progress-report');
    expect(doc!.title).toBe('PROGRESS REPORT');
    expect(doc!.date).toBe('2026-04-14');
    // A row that is a log entry (date first) is no title.
    const [log] = read(
      ['04/13/2026\tPhone\tProgress report to adjuster', 'Spoke w/ adjuster re: progress.'].join(
        '\n',
      ),
    );
    expect(log!.type).not.toBe('progress-report');
  });

  it('reads renewed and dash-joined headings by the sections they name', () => {
    expect(headingOf('UPDATED PLAN OF CARE')?.names).toEqual(['plan']);
    expect(headingOf('RECERTIFICATION - UPDATED PLAN OF CARE')?.names).toEqual(['plan']);
    expect(headingOf('Revised Goals:')?.names).toEqual(['goals']);
    expect(headingOf('Recertification - next steps')).toBeNull();
  });

  it('a diagnosis field with its value ends there: the next field is no diagnosis', () => {
    const [doc] = read(
      [
        'Daily Note',
        'DOS: 03/12/2026',
        'Dx:   M25.511 Pain in right shoulder',
        'Treating clinician: Ana Ruiz, PT',
        'Time in 0900 / Time out 0945',
      ].join('\n'),
    );
    expect(values(doc!, 'diagnosis')).toEqual(['M25.511 Pain in right shoulder']);
  });

  it('a rule drawn under a text table is no intervention', () => {
    const [doc] = read(
      [
        'Daily Note',
        'DOS: 03/12/2026',
        'Treatment',
        'Exercise                 Sets x Reps    Minutes',
        '-----------------------  -------------  -------',
        'Wall slides              2 x 12         6',
      ].join('\n'),
    );
    const interventions = values(doc!, 'intervention');
    expect(interventions.some((v) => /^[-\s]+$/.test(v))).toBe(false);
    expect(interventions.some((v) => v.startsWith('Wall slides'))).toBe(true);
  });
});

describe('goal lists grouped under their term', () => {
  it('a term sub-heading gives the items under it their kind and time frame', () => {
    const [doc] = read(
      [
        'Initial Evaluation',
        'DOS: 03/03/2026',
        'GOALS',
        '  Short term (3 wks, by 24-Mar-2026):',
        '   1. Independent with home program.',
        '   2. Reach 120 deg flexion.',
        '  Long term (10 weeks, by 12-May-2026):',
        '   1. Lift 10 lb to an overhead shelf without pain.',
      ].join('\n'),
    );
    const goals = doc!.facts.filter((f) => f.kind.startsWith('goal-'));
    expect(goals.map((g) => [g.kind, g.value, g.detail?.timeFrame])).toEqual([
      ['goal-short', 'Independent with home program.', 'by 24-Mar-2026'],
      ['goal-short', 'Reach 120 deg flexion.', 'by 24-Mar-2026'],
      ['goal-long', 'Lift 10 lb to an overhead shelf without pain.', 'by 12-May-2026'],
    ]);
  });

  it('a heading whose rest introduces the list sets no goal of its own', () => {
    const [doc] = read(
      [
        'Initial Evaluation',
        'DOS: 03/03/2026',
        'Long-term goals (4 weeks) - matched to the job analysis:',
        'LTG 1  Lift 70 lb floor to waist x 3.',
      ].join('\n'),
    );
    expect(values(doc!, 'goal-long')).toEqual(['Lift 70 lb floor to waist x 3.']);
  });

  it('reads a bulleted status with the date it was met, and hyphenated units as measurable', () => {
    const [doc] = read(
      [
        'Progress Report',
        'DOS: 03/20/2026',
        'Assessment',
        '  * STG squat 3 min: MET 3.18.2026 (4 min today).',
        '  > LTG carry 40 lb: progressing (30 lb).',
        '  > Discussed pacing with pt.',
      ].join('\n'),
    );
    expect(
      doc!.facts.filter((f) => f.kind === 'goal-assessment').map((f) => f.detail?.status),
    ).toEqual(['met', 'progressing']);
  });
});

describe('plans, certifications and their periods', () => {
  it('a certification period written as dates is the plan’s duration; the form is the physician’s certification', () => {
    const [doc] = read(
      [
        'PLAN OF CARE CERTIFICATION',
        'Patient: MERCER, ALAN   DOB: 02-Jun-1961',
        'Plan: PT 2x/week, ther ex, manual therapy.',
        'Certification period: 03-Mar-2026 to 31-May-2026',
        'Physician signature: Lena Ortiz, MD (signed)    Date: 03/09/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('certification');
    expect(values(doc!, 'duration')).toEqual(['2026-03-03 to 2026-05-31']);
    expect(values(doc!, 'physician-signed-date')).toEqual(['2026-03-09']);
  });

  it('reads a reporting period labelled Start/End or written "From ... to ..." under its heading', () => {
    const [a] = read(
      [
        'Progress Report',
        'Encounter Date: 4/17/2026',
        'Reporting Period',
        'Start: 4/6/2026 (entry eval)  End: 4/17/2026  Date written: 4/17/2026',
      ].join('\n'),
    );
    expect([values(a!, 'report-period-start'), values(a!, 'report-period-end')]).toEqual([
      ['2026-04-06'],
      ['2026-04-17'],
    ]);
    const [b] = read(
      [
        'Progress Report',
        'Encounter Date: 6/19/2026',
        'Reporting Period',
        'From 6/10/2026 to 6/19/2026.',
      ].join('\n'),
    );
    expect(values(b!, 'report-period-end')).toEqual(['2026-06-19']);
  });
});

describe('authorizations as UR vendors and state funds write them', () => {
  it('reads units approved per code from the Approved column, even where a description overflows', () => {
    const [doc] = read(
      [
        'AUTHORIZATION DETERMINATION',
        'Authorization #: Q7781',
        'Valid from: 05/04/2026\tValid through: 06/05/2026',
        'CPT\tDescription\tRequested\tApproved',
        '97545\tWork conditioning; initial 2 hours\t12 units\t8 units',
        '97546\tWork conditioning; each additional hour12 units\t4 units',
        'Rationale: sessions beyond 2 hours are supported for 4 sessions.',
      ].join('\n'),
    );
    expect(doc!.type).toBe('authorization');
    expect(
      doc!.facts.filter((f) => f.kind === 'auth-units').map((f) => [f.detail?.code, f.value]),
    ).toEqual([
      ['97545', '8'],
      ['97546', '4'],
    ]);
    expect([values(doc!, 'auth-start'), values(doc!, 'auth-end')]).toEqual([
      ['2026-05-04'],
      ['2026-06-05'],
    ]);
  });

  it('a state fund’s letter names the worker and an authorization reference; the provider’s account is no MRN', () => {
    const [doc] = read(
      [
        'DEPARTMENT OF LABOR AND INDUSTRIES',
        'Provider account: 5521907',
        'Claim number: BX11907',
        'Worker:         DANA K PRUITT',
        'RE: Work conditioning - authorization decision',
        'DECISION: APPROVED',
        'Authorization reference:  LNI-WC-889120',
        'Approved: 10 visits, not to exceed 30 hours total',
        'Dates: 05/04/2026 through 05/29/2026',
      ].join('\n'),
    );
    expect(values(doc!, 'patient-name')).toEqual(['PRUITT, DANA K']);
    expect(values(doc!, 'mrn')).toEqual([]);
    expect(values(doc!, 'auth-number')).toEqual(['LNI-WC-889120']);
    expect([values(doc!, 'auth-visits'), values(doc!, 'auth-hours')]).toEqual([['10'], ['30']]);
  });

  it('hours that define a code are not the hours approved', () => {
    const [doc] = read(
      [
        'NOTICE OF MCO DECISION',
        'Authorization Number: CW-1100',
        'Limit: 10 sessions, not to exceed 30 total hours (97545 = 2 hours, 97546 = 1 hour).',
      ].join('\n'),
    );
    expect(values(doc!, 'auth-hours')).toEqual(['30']);
  });

  it('a letter titled only as a letter is what it says; a letter to the adjuster stays a communication', () => {
    const [mco] = read(
      [
        'MCO Letter',
        'June 5, 2026',
        'MCO Reference #: CM-26-1',
        'DETERMINATION: APPROVED AS REQUESTED',
      ].join('\n'),
    );
    expect(mco!.type).toBe('authorization');
    const [clinic] = read(
      [
        'Letter to Adjuster',
        'Date: 2026-11-02',
        'We will complete the remaining 5 authorized visits.',
        'Authorization number: WC-77',
      ].join('\n'),
    );
    expect(clinic!.type).toBe('communication');
  });
});

describe('work-program facts in other words', () => {
  it('reads the job under an Occupation heading and levels written as the job’s demands or DOT strength', () => {
    const [doc] = read(
      [
        'Initial Evaluation',
        'DOS: 03/02/2026',
        'Occupation',
        '  > Line mechanic, Tri-County Transit, 9 years.',
        'Assessment',
        '  Remains below the MEDIUM-HEAVY demands of his job.',
      ].join('\n'),
    );
    expect(values(doc!, 'job-title')).toEqual(['Line mechanic']);
    expect(values(doc!, 'physical-demand-level')).toEqual(['MEDIUM-HEAVY demands of his job']);
    const [jd] = read(['JOB DESCRIPTION', 'Strength: HEAVY (DOT 620.261-010)'].join('\n'));
    expect(values(jd!, 'physical-demand-level')).toEqual(['Strength: HEAVY']);
    // A muscle test is no demand level.
    const [mmt] = read(['Daily Note', 'DOS: 03/02/2026', 'Strength: 4/5 R hip abd'].join('\n'));
    expect(values(mmt!, 'physical-demand-level')).toEqual([]);
  });
});

describe('signatures and contacts in boxes and logs', () => {
  it('a signature box’s heading with the signature under it is signed, not blank', () => {
    const [doc] = read(
      [
        'Daily Note',
        'DOS: 03/09/2026',
        'Therapist Signature / Date',
        'Electronically signed by Nora Vance, PT, DPT on 03/09/2026 11:52 AM',
      ].join('\n'),
    );
    expect(values(doc!, 'signature-blank')).toEqual([]);
    expect(values(doc!, 'signer')).toEqual(['Nora Vance']);
    const [blank] = read(['Daily Note', 'DOS: 03/09/2026', 'Therapist Signature:', ''].join('\n'));
    expect(values(blank!, 'signature-blank')).toEqual(['blank']);
  });

  it('a log entry with the fax number it went to is a contact; a person introduced with a role is that party later', () => {
    const [doc] = read(
      [
        'Case Communication',
        'Patient: PRUITT, DANA   DOB: 01/02/1980',
        '03/12/2026 06:24 PM\tOwen Hale, Claim Manager\tFax 360-555-0198\tEval sent.',
        '03/13/2026 09:00 AM\tPhone w/ Rita Solano (employer): no light duty.',
        '03/27/2026 04:10 PM\tFaxed summary to Dr. Lin; phone Rita Solano re RTW date.',
        'Reviewed and signed: Nora Vance, PT, DPT   3.27.2026',
      ].join('\n'),
    );
    const contacts = doc!.facts.filter((f) => f.kind === 'communication');
    expect(contacts.map((f) => [f.detail?.date, f.detail?.parties])).toEqual([
      ['2026-03-12', ['adjuster']],
      ['2026-03-13', ['employer']],
      ['2026-03-27', ['physician', 'employer']],
    ]);
    expect(values(doc!, 'signed-date')).toEqual(['2026-03-27']);
    // A letterhead's fax number beside its mode is no contact.
    const [note] = read(
      ['Daily Note', 'DOS: 03/12/2026', 'Cedar PT  |  Fax 253-555-0188  |  03/12/2026'].join('\n'),
    );
    expect(note!.facts.filter((f) => f.kind === 'communication')).toEqual([]);
  });

  it('an undated log dates from its first entry', () => {
    const [doc] = read(
      [
        'COMMUNICATION LOG',
        '5.15.2026  Phone w/ employer (M. Tran): modified duty available.',
        '5.20.2026  Fax progress note to Dr. Osei.',
      ].join('\n'),
    );
    expect(doc!.date).toBe('2026-05-15');
  });
});

describe('a hospital printout with scanned outside documents', () => {
  const header = (n: number) => [
    'VALLEY GENERAL HOSPITAL\tMERCER, ALAN',
    'Outpatient Rehabilitation\tMRN: 0099123 DOB: 6/2/1961',
    `100 Main St, Dayton, OH 45402\tPage ${n} of 5`,
    'VGH REHABILITATION SERVICES - WORK HARDENING',
  ];
  const footer = 'Printed by LEE, A on 11/18/2026 2:41 PM';

  it('splits at each scanned document’s index row and each note, not at a continued page', () => {
    const docs = readPages([
      [
        ...header(1),
        'Media - Outside Document',
        'Scan Date: 4/2/2026\tDocument Type: MCO Letter',
        'Authorization Number: CW-5512',
        'DETERMINATION: APPROVED',
        'Approved dates of service: 04/06/2026 through 05/08/2026',
        footer,
      ].join('\n'),
      [
        ...header(2),
        'Media - Outside Document',
        'Scan Date: 3/31/2026\tDocument Type: Employer Job Description',
        'Position: Order Selector',
        'Physical Demand Level: HEAVY',
        footer,
      ].join('\n'),
      [
        ...header(3),
        'Work Hardening Daily Note',
        'Encounter Date: 4/8/2026\tProvider: Vance, Nora, PT',
        'Session 8:00 AM - 11:00 AM (180 min)',
        footer,
      ].join('\n'),
      [
        ...header(4),
        '(continued)',
        'Communication',
        'Note faxed 4/8/2026 to Dr. Bhatt.',
        'Signed by Nora Vance, PT on 4/8/2026 5:10 PM',
        footer,
      ].join('\n'),
      [
        ...header(5),
        'Work Hardening Daily Note',
        'Encounter Date: 4/10/2026\tProvider: Vance, Nora, PT',
        'Session 8:00 AM - 11:00 AM (180 min)',
        'Signed by Nora Vance, PT on 4/10/2026 5:00 PM',
        footer,
      ].join('\n'),
    ]);
    expect(docs.map((d) => [d.type, d.pageStart, d.pageEnd])).toEqual([
      ['authorization', 1, 1],
      ['job-description', 2, 2],
      ['daily-note', 3, 4],
      ['daily-note', 5, 5],
    ]);
    expect(values(docs[2]!, 'signer')).toEqual(['Nora Vance']);
  });
});

describe('notes written as prose and reports written as letters', () => {
  it('reads a narrative daily note: weekday date, session and total in sentences, treatment with dosage, response, signature', () => {
    const [doc] = read(
      [
        'Work conditioning visit #4',
        'Thursday, May 7, 2026',
        'Pt reported 2/10 pain. Session ran 8:30 am to 11:05 am, with a 10 minute break at 9:40, giving 145',
        'minutes of work conditioning.',
        'Warm-up bike 8 min. Floor-to-waist lift 30 lb 3 x 6; carry 25 lb 50 ft x 6. Sled push 40 lb x 4.',
        'He tolerated the session well.',
        'Dana Ortiz, PT, MS - electronically signed 05/07/2026 1:10 PM',
      ].join('\n'),
    );
    expect(doc!.type).toBe('daily-note');
    expect(doc!.date).toBe('2026-05-07');
    expect([values(doc!, 'time-in'), values(doc!, 'time-out')]).toEqual([['08:30'], ['11:05']]);
    expect(values(doc!, 'total-minutes')).toEqual(['145']);
    expect(values(doc!, 'intervention')).toEqual([
      'Warm-up bike 8 min. Floor-to-waist lift 30 lb 3 x 6; carry 25 lb 50 ft x 6. Sled push 40 lb x 4.',
    ]);
    expect(values(doc!, 'section')).toContain('patient-response');
    expect([values(doc!, 'signer'), values(doc!, 'signed-date')]).toEqual([
      ['Dana Ortiz'],
      ['2026-05-07'],
    ]);
    // What the patient did at home is no treatment given.
    const [home] = read(
      [
        'Work conditioning visit #5',
        'May 8, 2026',
        'Pt carried groceries and walked the dog.',
      ].join('\n'),
    );
    expect(values(home!, 'intervention')).toEqual([]);
  });

  it('reads a progress letter: its subject, the period it covers and each goal, wrapped or closed by a status sentence', () => {
    const [doc] = read(
      [
        'May 15, 2026',
        'Re:  Dana K. Pruitt  -  WCB Case G100 2000',
        '     Work conditioning progress report, period 05/04/2026 through 05/15/2026',
        'Dear Dr. Osei,',
        'Goal 1, lift 40 lb floor to waist: she now lifts 35 lb x 5 with good mechanics.',
        'Progressing, 5 lb to go.',
        '2. Carry 30 lb 50 ft x 6: 30 lb x 6. MET.',
        'Sincerely,',
        'Dana Ortiz, PT, MS',
        'Signed 05/15/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('progress-report');
    expect(doc!.date).toBe('2026-05-15');
    expect([values(doc!, 'report-period-start'), values(doc!, 'report-period-end')]).toEqual([
      ['2026-05-04'],
      ['2026-05-15'],
    ]);
    expect(
      doc!.facts.filter((f) => f.kind === 'goal-assessment').map((f) => f.detail?.status),
    ).toEqual(['progressing', 'met']);
  });

  it('a discharge letter is a discharge summary dated by its letter date, with its reason and RTW in prose', () => {
    const [doc] = read(
      [
        'May 29, 2026',
        'Re:  Dana K. Pruitt',
        '     Discharge from work conditioning - program 05/04/2026 to 05/29/2026',
        'Ms. Pruitt was discharged from the program today, after exit testing and a final review,',
        'because she has met her goals for return to work.',
        'Recommendation: return to work at REGULAR (full) duty on 06/01/2026.',
      ].join('\n'),
    );
    expect(doc!.type).toBe('discharge-summary');
    expect(doc!.date).toBe('2026-05-29');
    expect(values(doc!, 'discharge-reason')).toEqual(['she has met her goals for return to work']);
    expect(values(doc!, 'rtw-status')).toContain('REGULAR (full) duty');
  });
});

describe('outpatient EMR exports and payer letters', () => {
  it('an Initial Examination is an evaluation and a Re-Examination a re-evaluation; the patient’s quoted wish and a repeated table header are no goals', () => {
    const [doc] = read(
      [
        'Initial Examination',
        'Date of Service: 09/08/2026',
        'Patient Goals: "Get back to my garden."',
        'Goals',
        'Short Term Goals (2 weeks, by 09/22/2026)',
        '#\tGoal\tTarget Date',
        'STG 1\tIndependent with HEP.\t09/22/2026',
        'Long Term Goals (4 weeks, by 10/06/2026)',
        '#\tGoal\tTarget Date',
        'LTG 1\tWalk 30 min with pain <= 3/10.\t10/06/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('evaluation');
    const goals = doc!.facts.filter((f) => f.kind.startsWith('goal-')).map((f) => f.value);
    expect(goals).toEqual(['Independent with HEP.', 'Walk 30 min with pain <= 3/10.']);
    const [re] = read(['Re-Examination', 'Date of Service: 10/06/2026'].join('\n'));
    expect(re!.type).toBe('re-evaluation');
  });

  it('an e-signature mark under the signer’s name signs the order with its date', () => {
    const [doc] = read(
      [
        'THERAPY PRESCRIPTION',
        'Rx: Physical therapy - evaluate and treat.',
        'Nina Patel, MD',
        'Physical Medicine & Rehabilitation          NPI 1366092841',
        'Electronically signed: 09/29/2026 3:51 PM',
      ].join('\n'),
    );
    expect([values(doc!, 'physician-signer'), values(doc!, 'physician-signed-date')]).toEqual([
      ['Nina Patel'],
      ['2026-09-29'],
    ]);
  });

  it('a notice of approval counts its approved visits, an evaluation mentioned after them included', () => {
    const [doc] = read(
      [
        'NOTICE OF APPROVAL - OUTPATIENT THERAPY SERVICES',
        'Reference number:\tPT-2610-0021',
        'Approved visits:\t10 (ten) visits, including the initial evaluation',
        'Approved from:\t10/05/2026',
        'Approved through:\t11/06/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('authorization');
    expect(values(doc!, 'auth-visits')).toEqual(['10']);
    expect([values(doc!, 'auth-start'), values(doc!, 'auth-end')]).toEqual([
      ['2026-10-05'],
      ['2026-11-06'],
    ]);
    // An evaluation's own count is not the visits approved.
    const [evalLine] = read(
      ['AUTHORIZATION APPROVAL', 'Authorization #: Q1', '97163 evaluation approved: 1 visit'].join(
        '\n',
      ),
    );
    expect(values(evalLine!, 'auth-visits')).toEqual([]);
  });
});
