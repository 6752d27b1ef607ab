/**
 * Styles first met on the third held-out round (issue 14): state workers' comp forms filled in by
 * the treating physician (party blocks, split name fields, "/es/" signatures), requests for
 * authorization beside the UR decision, practice-management printouts whose headings are ruled to
 * the margin, goal grids under a goal list, and a hospital's faxed certification page under a fax
 * banner. Each case is written here in its own words (not copied from the corpus), with a negative
 * case beside it where a reading could go too far.
 */
import { describe, expect, it } from 'vitest';
import { readLedgerBytes } from '../../src-main/core/ingest/ledger-csv';
import { readPages, readText, values } from './helpers';

const read = readText;

describe('forms that group their fields by party', () => {
  it('reads the patient from split Last / First fields; the carrier’s and the doctor’s "Name" are theirs', () => {
    const [doc] = read(
      [
        'DEPARTMENT OF LABOR - INJURED EMPLOYEE TREATMENT REPORT',
        'Date of exam: 09/14/2026',
        '',
        'Injured employee:',
        'Last\tOKONKWO-BELL\tFirst\tTERESA',
        'Date of injury\t07/02/2026\tDate of birth\t12/30/1971',
        '',
        'Insurance carrier:',
        'Name\tPrairie Lakes Casualty Company\tClaim No.\tPLC-77-20913',
        '',
        'Treating physician:',
        'Name\tGideon Farrow, DO\tLicense\t4410',
        'Signature:\t/es/ Gideon Farrow, DO  09/14/2026',
      ].join('\n'),
    );
    expect(values(doc!, 'patient-name')).toEqual(['OKONKWO-BELL, TERESA']);
    expect(values(doc!, 'claim-number')).toEqual(['PLC-77-20913']);
  });

  it('reads "Name (Last, First, Middle)" under an employee block; a doctor’s name with credentials is never the patient', () => {
    const [doc] = read(
      [
        'Employee Information',
        'Name (Last, First, Middle):\tVantongeren, Lucia P.\tClaim Number:\t88-40211',
        '',
        'Physician Information',
        'Name:\tHarriet Osei, MD\tSpecialty:\tPhysiatry',
      ].join('\n'),
    );
    expect(values(doc!, 'patient-name')).toEqual(['Vantongeren, Lucia P.']);
    // Without any block, a credentialed name under a plain label is still a clinician's.
    const [bare] = read(['Name: Bartholomew Quist, PA-C', 'Seen 10/01/2026'].join('\n'));
    expect(values(bare!, 'patient-name')).toEqual([]);
  });
});

describe('a physician’s own papers beside the clinic’s', () => {
  it('a treating physician’s progress report is the physician’s, signed "/es/", and refers the patient', () => {
    const [doc] = read(
      [
        'STATE OF NEVADA',
        'WORKERS COMPENSATION PROGRAM',
        "TREATING PHYSICIAN'S PROGRESS REPORT",
        'Date of exam: 06/03/2026',
        'Plan: refer to work hardening, 4 weeks, 3 sessions per week.',
        'Signature:\t/es/ Corinne Abernathy-Lowe, MD  06/03/2026 16:40',
      ].join('\n'),
    );
    expect(doc!.type).toBe('physician-order');
    expect(values(doc!, 'physician-signer')).toEqual(['Corinne Abernathy-Lowe']);
    expect(values(doc!, 'physician-signed-date')).toEqual(['2026-06-03']);
  });

  it('a request for authorization signed by the requesting physician is an order, not an approval', () => {
    const [req] = read(
      [
        'REQUEST FOR AUTHORIZATION',
        'Date: 05/11/2026',
        'Service requested\tCPT\tQuantity',
        'Work hardening\t97545\t12 visits',
        'Requesting Physician Signature:\t/es/ Mateo Lindqvist, DO\tDate:\t05/11/2026',
      ].join('\n'),
    );
    expect(req!.type).toBe('physician-order');
    expect(values(req!, 'auth-visits')).toEqual([]);
    expect(values(req!, 'physician-signed-date')).toEqual(['2026-05-11']);
    // The clinic's own request to the carrier is its letter, whoever it asks.
    const [own] = read(
      [
        'Request for Authorization',
        'Date: 05/12/2026',
        'We ask approval of 8 further work conditioning visits.',
        'Signed: Ingrid Solberg, PT, DPT 05/12/2026',
      ].join('\n'),
    );
    expect(own!.type).toBe('communication');
  });

  it('a UR decision keeps its title when a field below mentions the request; its table rows are data', () => {
    const [doc] = read(
      [
        'NOTICE OF REVIEW DETERMINATION - APPROVED',
        'April 20, 2026',
        'RFA Dated / Received:\t04/14/2026 / 04/15/2026',
        'Service\tCPT\tDecision\tCertified Quantity',
        'Functional capacity evaluation\t97750\tCERTIFIED\t1 visit',
        'Work conditioning evaluation\t97163\tCERTIFIED\t1 visit',
        'Work hardening program\t97545/97546\tCERTIFIED\t12 visits, max 36 hrs',
        'Certified period:\t04/21/2026 through 05/29/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('authorization');
    expect(doc!.title).toBe('NOTICE OF REVIEW DETERMINATION - APPROVED');
    // The evaluations' single visits are not the program's.
    expect(values(doc!, 'auth-visits')).toEqual(['12']);
    expect(values(doc!, 'auth-hours')).toEqual(['36']);
    expect(values(doc!, 'auth-start')).toEqual(['2026-04-21']);
    expect(values(doc!, 'auth-end')).toEqual(['2026-05-29']);
  });
});

describe('printouts whose headings are ruled to the margin', () => {
  it('reads each heading before its rule, and the reason for discharge ticked under one', () => {
    const [doc] = read(
      [
        'WORK HARDENING DISCHARGE SUMMARY',
        'Date of service:\t08/28/2026',
        'DISCHARGE REASON ==========================================',
        '[ ] Plateau     [X] Program completed, goals achieved     [ ] Moved away',
        'FUNCTIONAL LIMITATIONS ____________________________________',
        'Still unable to climb a ladder with a 20 lb load.',
        'ASSESSMENT ________________________________________________',
        'Ready for full duty.',
        'Signed: Odalys Pereira, PT 08/28/2026',
      ].join('\n'),
    );
    expect(values(doc!, 'section')).toEqual(
      expect.arrayContaining(['functional-limitations', 'assessment']),
    );
    expect(values(doc!, 'discharge-reason')).toEqual(['Program completed, goals achieved']);
  });
});

describe('goals written twice: a list, then a status grid', () => {
  it('a grid numbered like the list above restates those goals; a ticked status cell is read', () => {
    const [evaluation] = read(
      [
        'INITIAL EVALUATION',
        'Date of service: 02/09/2026',
        'GOALS (4 weeks, by 03/09/2026)',
        '1. Climb a 12-rung ladder carrying 20 lb, 3 times.',
        '2. Kneel for 10 minutes to work on floor outlets.',
        'Goal\tStart\tNow\tStatus\tDate met',
        '1 Ladder 20 lb\t0 rungs\t0 rungs\tNew\t--',
        '2 Kneel 10 min\t2 min\t2 min\tNew\t--',
      ].join('\n'),
    );
    expect(values(evaluation!, 'goal-long')).toEqual([
      'Climb a 12-rung ladder carrying 20 lb, 3 times.',
      'Kneel for 10 minutes to work on floor outlets.',
    ]);
    // In a progress report the grid is the goal list; a ticked status cell is a status, and the
    // day a goal was met is no target date.
    const [progress] = read(
      [
        'PROGRESS REPORT',
        'Date of service: 02/23/2026',
        'GOALS',
        'Goal\tStart\tNow\tStatus\tDate met',
        '1 Ladder 20 lb\t0 rungs\t8 rungs\tProgressing\t--',
        'STG kneel 5 min\t2 min\t6 min\tMET [x]\t02/20/2026',
      ].join('\n'),
    );
    const short = progress!.facts.find((f) => f.kind === 'goal-short');
    expect(short?.value).toBe('STG kneel 5 min');
    expect(short?.detail?.timeFrame).toBeNull();
    expect(
      progress!.facts.filter((f) => f.kind === 'goal-assessment').map((f) => f.detail?.status),
    ).toEqual(['progressing', 'met']);
  });

  it('boxes ticked under "Met" / "Not met" columns give the status; the header row assesses nothing', () => {
    const [doc] = read(
      [
        'DISCHARGE SUMMARY',
        'Date of service: 05/29/2026',
        'Goals at discharge',
        'Goal\tOutcome\tMet\tNot met',
        'LTG 1: Stand 20 min at the counter\t25 min\t[X] [ ]',
        'LTG 2: Up and down 14 stairs\t8 stairs, rests\t[ ] [X]',
      ].join('\n'),
    );
    const assessments = doc!.facts.filter((f) => f.kind === 'goal-assessment');
    expect(assessments.map((f) => [f.value.slice(0, 5), f.detail?.status])).toEqual([
      ['LTG 1', 'met'],
      ['LTG 2', 'not-met'],
    ]);
  });

  it('a term heading with a date and a span gives every goal under it its time frame', () => {
    const [doc] = read(
      [
        'OT EVALUATION',
        'Date of service: 03/02/2026',
        'GOALS - LONG TERM (by 04/27/2026, 8 wks):',
        '  1. Open a jar lid with the right hand.',
        '  2. Grip 30 lb on the dynamometer.',
      ].join('\n'),
    );
    const goals = doc!.facts.filter((f) => f.kind === 'goal-long');
    expect(goals.map((g) => g.detail?.timeFrame)).toEqual(['by 04/27/2026', 'by 04/27/2026']);
  });
});

describe('a faxed certification page behind its cover sheet', () => {
  it('splits at the returned page under the fax banner and the letterhead, and reads both signatures', () => {
    const letterhead = 'NORTHSHORE COMMUNITY HOSPITAL - REHABILITATION';
    const docs = readPages([
      [
        letterhead,
        'FAX TRANSMITTAL',
        'Date: 03/03/2026',
        'To: Dr. Imre Halasz',
        'Please sign the enclosed plan of care and fax it back.',
      ].join('\n'),
      [
        '03/10/2026 11:02  FROM 555-0144  TO 555-0190  P. 1/1',
        letterhead,
        'CERTIFICATION OF THE PLAN OF CARE - PHYSICAL THERAPY',
        'Evaluation date: 03/02/2026\tCertification period: 03/02/2026 to 04/27/2026',
        'Therapist: Yusuf Adeyemi, PT, DPT   electronically signed 03/02/2026',
        'I certify that these services are needed under the plan above.',
        'Physician/NPP signature:  Imre Halasz MD  (signed)',
        'Printed name: Imre Halasz, MD\tNPI: 1999999999',
        'Date: 03/10/2026',
      ].join('\n'),
    ]);
    expect(docs.map((d) => [d.type, d.pageStart, d.pageEnd])).toEqual([
      ['communication', 1, 1],
      ['certification', 2, 2],
    ]);
    const cert = docs[1]!;
    expect(values(cert, 'signer')).toEqual(['Yusuf Adeyemi']);
    expect(values(cert, 'signed-date')).toEqual(['2026-03-02']);
    expect(values(cert, 'physician-signer')).toEqual(['Imre Halasz']);
    expect(values(cert, 'physician-signed-date')).toEqual(['2026-03-10']);
  });

  it('a page that repeats only the letterhead and carries no new title stays in its document', () => {
    const letterhead = 'NORTHSHORE COMMUNITY HOSPITAL - REHABILITATION';
    const docs = readPages([
      [letterhead, 'PT DAILY NOTE', 'Date of service: 03/12/2026', 'Ther ex 30 min.'].join('\n'),
      [letterhead, 'Plan: continue per POC.', 'Signed: Yusuf Adeyemi, PT 03/12/2026'].join('\n'),
    ]);
    expect(docs).toHaveLength(1);
  });
});

describe('ledgers with a report total', () => {
  it('skips a total row whose label stands in the patient column, and keeps every charge', async () => {
    const csv = [
      'Acct,Patient Name,Svc Date,CPT,Units,Charge',
      '501,"LINDGREN, ASA",03/04/2026,97110,2,90.00',
      '501,"LINDGREN, ASA",03/06/2026,97110,1,45.00',
      '',
      ',REPORT TOTAL,,,3,135.00',
    ].join('\r\n');
    const result = await readLedgerBytes(new TextEncoder().encode(csv));
    if (result.kind !== 'ledger') throw new Error('not a ledger');
    expect(result.lines.map((l) => [l.dos, l.units])).toEqual([
      ['2026-03-04', 2],
      ['2026-03-06', 1],
    ]);
    expect(result.skippedRows.map((r) => r.reason)).toContain('total row "REPORT TOTAL"');
  });
});

describe('fourth round: a whole-episode chart print, speech therapy, faxed physician forms', () => {
  it('splits a chart print at each titled page: encounters, a long title, a weekday after the date label', () => {
    const head = ['MAPLE RIDGE THERAPY', 'Patient: OYELOWO, GRACE   DOB: 01/05/1950'].join('\n');
    const docs = readPages([
      [
        head,
        'OUTPATIENT SPEECH THERAPY EVALUATION AND INITIAL PLAN OF TREATMENT - COGNITIVE-LINGUISTIC',
        'Date of Service: Friday, July 10, 2026',
        'Reason for Referral:',
        'Word-finding problems after a fall.',
      ].join('\n'),
      [
        head,
        'OT TREATMENT ENCOUNTER',
        'Date of Service: Tuesday, July 14, 2026',
        'Signed: Ana Ruiz, OTR/L 07/14/2026',
      ].join('\n'),
    ]);
    expect(docs.map((d) => [d.type, d.date])).toEqual([
      ['evaluation', '2026-07-10'],
      ['daily-note', '2026-07-14'],
    ]);
  });

  it('a physician form signed under "Signature of Physician" is signed, with its date on the line', () => {
    const [doc] = read(
      [
        'PRESCRIPTION - PHYSICAL MEDICINE',
        'Date: 05/02/2026',
        'Rx: work hardening 4 hrs/day x 2 weeks',
        'Signature of Physician:   Tomasz Wierzba MD  (signed)       Date: 05/02/2026',
      ].join('\n'),
    );
    expect(values(doc!, 'physician-signer')).toEqual(['Tomasz Wierzba']);
    expect(values(doc!, 'physician-signed-date')).toEqual(['2026-05-02']);
  });

  it('an assessment in prose states the functional limitation; plans head services and amount their own way', () => {
    const [evaluation] = read(
      [
        'SPEECH EVALUATION',
        'Date of Service: 07/10/2026',
        'Assessment:',
        'Moderate anomia, limiting her ability to manage the household accounts and the phone.',
      ].join('\n'),
    );
    expect(values(evaluation!, 'section')).toContain('functional-limitations');
    const [plan] = read(
      [
        'PLAN OF TREATMENT',
        'Date: 07/10/2026',
        'Type of Services / Interventions:',
        'Cognitive-linguistic treatment (92507).',
        'Frequency / Duration / Amount:',
        '2x/week for 6 weeks, 45 minutes.',
      ].join('\n'),
    );
    expect(values(plan!, 'section')).toEqual(
      expect.arrayContaining(['interventions', 'frequency-duration']),
    );
    // A heading is not a referral because it names one.
    const [evaluation2] = read(
      [
        'EVALUATION',
        'Date of Service: 07/10/2026',
        'REASON FOR REFERRAL / DIAGNOSIS',
        'R48.8',
      ].join('\n'),
    );
    expect(evaluation2!.type).toBe('evaluation');
  });

  it('speech therapy counts trials and accuracy as the dosage of what was done', () => {
    const [doc] = read(
      [
        'SLP TREATMENT ENCOUNTER',
        'Date of Service: 07/14/2026',
        'Objective:',
        'Confrontation naming drills with phonemic cues: 14/20 (70%), category naming 8/10 (80%).',
        'Pain 0/10, mood 8/10.',
      ].join('\n'),
    );
    const interventions = values(doc!, 'intervention');
    expect(interventions).toHaveLength(1);
    expect(interventions[0]).toContain('naming drills');
  });

  it('a goal grid with dated columns and a goal named in its first header cell is read', () => {
    const [doc] = read(
      [
        'WEEKLY PROGRESS REPORT',
        'Date of Service: 06/12/2026',
        'Re-test vs goals:',
        'Task / goal\tStart 06-01\tNow 06-12\tTarget\tStatus',
        '1 Lift 40 lb floor to waist\t20 lb\t35 lb\t40 lb\tProgressing',
        '2 KOOS JR 70 or higher\t48\t66\t70\tProgressing',
      ].join('\n'),
    );
    const goals = doc!.facts.filter((f) => f.kind === 'goal-long');
    expect(goals.map((g) => [g.detail?.status, g.detail?.measurable])).toEqual([
      ['progressing', true],
      ['progressing', true],
    ]);
  });
});

describe('ledger columns named in words of their own', () => {
  it('reads "Units Billed" as the units and "Ins Carrier" as the payer', async () => {
    const csv = [
      'Chart No.,Patient,Date Of Svc,CPT/HCPCS,Units Billed,Ins Carrier,Ins Paid $',
      'A1,"ROE, JAN",03/04/2026,97110,3,MEDICARE PART B,80.00',
    ].join('\r\n');
    const result = await readLedgerBytes(new TextEncoder().encode(csv));
    if (result.kind !== 'ledger') throw new Error('not a ledger');
    expect(result.lines.map((l) => [l.units, l.payer])).toEqual([[3, 'MEDICARE PART B']]);
  });
});

describe('work-program flowsheets and re-test grids', () => {
  it('a station table is the treatment; a goal grid re-tested "now" is an objective measurement', () => {
    const [note] = read(
      [
        'WORK HARDENING DAILY FLOWSHEET',
        'DOS: 07/06/2026',
        'Station\tTask\tLoad\tReps/Time\tTolerance',
        'Warm-up\tRowing ergometer\tlevel 4\t12 min\tNo c/o',
        'Material handling\tCrate carry 40 ft\t30 lb\t8 trips\tGood',
      ].join('\n'),
    );
    expect(values(note!, 'intervention').length).toBeGreaterThanOrEqual(2);
    const [report] = read(
      [
        'WEEKLY PROGRESS REPORT',
        'Date written: 07/10/2026',
        'Goal\tEntry 07-01\tNow 07-10\tTarget\tStatus',
        '1 Carry 40 lb 40 ft\t20 lb\t35 lb\t40 lb\tProgressing',
      ].join('\n'),
    );
    expect(values(report!, 'objective-measure')).toHaveLength(1);
    // A plan's goal table with targets only measures nothing yet.
    const [plan] = read(
      [
        'PLAN OF CARE',
        'Date: 07/01/2026',
        'Goal\tTarget date\tStatus',
        '1 Carry 40 lb 40 ft\t07/24/2026\tNew',
      ].join('\n'),
    );
    expect(values(plan!, 'objective-measure')).toEqual([]);
  });
});

describe('fifth round: long-term care logs and a portal export', () => {
  it('splits a monthly log of signed visit entries into one note per date, each the resident’s', () => {
    const header = [
      'Cedar Hollow Rehab Partners',
      'PT DAILY SKILLED NOTES - March 2026     Resident: ABERNATHY, LOUISE  (CH-118)  DOB 02/02/1940',
    ];
    const entry = (d: string, mins: number) => [
      `Date: ${d}   Visit #${mins}   Time in 09:00  Time out 09:${mins}`,
      `Skilled interventions: 97110 sit-to-stand 3x8 with 2 lb cuff weights, 12 reps ankle pumps`,
      `Total timed code min: ${mins}`,
      `Electronically signed: Oren Blau, PT   ${d} 11:00`,
      '-------------------------------------------------------------',
    ];
    // Three pages, so the page header runs; each page's first entry is its own note all the same.
    const docs = readPages([
      [...header, 'Page 1 of 3', ...entry('03/02/26', 30), ...entry('03/04/26', 32)].join('\n'),
      [...header, 'Page 2 of 3', ...entry('03/06/26', 34), ...entry('03/09/26', 36)].join('\n'),
      [...header, 'Page 3 of 3', ...entry('03/11/26', 38)].join('\n'),
    ]);
    expect(docs.map((d) => [d.type, d.date])).toEqual([
      ['daily-note', '2026-03-02'],
      ['daily-note', '2026-03-04'],
      ['daily-note', '2026-03-06'],
      ['daily-note', '2026-03-09'],
      ['daily-note', '2026-03-11'],
    ]);
    expect(docs.every((d) => values(d, 'patient-name')[0] === 'ABERNATHY, LOUISE')).toBe(true);
    expect(docs.map((d) => values(d, 'signed-date')[0])).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
      '2026-03-11',
    ]);
    // A single note that mentions another date in a field stays one note.
    const [one] = read(
      [
        'PT DAILY NOTE',
        'Date: 03/02/26',
        'Signed: Oren Blau, PT 03/02/26',
        'Date: 03/04/26 next visit planned',
      ].join('\n'),
    );
    expect(one!.date).toBe('2026-03-02');
  });

  it('a form title wrapped in capitals, a score key wrapped under its heading, scores as goals', () => {
    const [doc] = read(
      [
        'PHYSICAL THERAPY EVALUATION AND PLAN OF TREATMENT FOR OUTPATIENT REHABILITATION (MEDICARE',
        'PART B)',
        'Resident: QUINLAN, ROSS   MR#: CH-204   DOB: 07/07/1939',
        'Date of evaluation: 04/01/26',
        'Section GG scores (06 independent, 05 set-up or clean-up, 04 supervision or touching, 03',
        'partial, 02 substantial, 01 dependent)',
        'GG0170F Toilet transfer   03',
        'Goals:',
        'LTG 1 (target 04/29/26): toilet transfer with supervision (GG0170F 04).',
        'LTG 2 (target 04/29/26): effusion trace or less at the knee.',
        'LTG 3 (target 04/29/26): aide staff will return-demonstrate the transfer set-up.',
      ].join('\n'),
    );
    expect(doc!.type).toBe('evaluation');
    expect(values(doc!, 'patient-name')).toContain('QUINLAN, ROSS');
    expect(values(doc!, 'mrn')).toContain('CH-204');
    expect(values(doc!, 'section')).toContain('functional-limitations');
    const goals = doc!.facts.filter((f) => f.kind === 'goal-long');
    expect(goals.map((g) => g.detail?.measurable)).toEqual([true, true, true]);
    // A wish without a standard is still no measurable goal.
    const [vague] = read(
      ['PLAN OF CARE', 'Date: 04/01/26', 'Goals:', 'LTG 1: feel better.'].join('\n'),
    );
    expect(vague!.facts.find((f) => f.kind === 'goal-long')?.detail?.measurable).toBe(false);
  });

  it('a signature whose date and zone wrapped onto the next line is dated', () => {
    const [doc] = read(
      [
        'DAILY NOTE',
        'Date of Service: 05/05/2026',
        'Electronically signed by Ilse Marchetti, PT, DPT   NPI 1234567893',
        '05/05/2026 4:12 PM PT (Pacific)',
      ].join('\n'),
    );
    expect(values(doc!, 'signed-date')).toEqual(['2026-05-05']);
  });

  it('reads a charge export that calls the patient a resident', async () => {
    const csv = [
      'Facility,Resident Name,Res ID,Svc Date,Proc,Qty',
      'CEDAR HOLLOW,"ABERNATHY, LOUISE",CH-118,03/02/2026,97110,2',
    ].join('\r\n');
    const result = await readLedgerBytes(new TextEncoder().encode(csv));
    if (result.kind !== 'ledger') throw new Error('not a ledger');
    expect(result.lines.map((l) => [l.patientName, l.mrn, l.units])).toEqual([
      ['ABERNATHY, LOUISE', 'CH-118', 2],
    ]);
  });
});

describe('sixth round: a legacy system’s fixed-width printouts', () => {
  it('reads labels with dot leaders, a signature with its date on the next line, and the reason and period fields', () => {
    const docs = readPages([
      [
        'RUN DATE: 11/30/26            WESTFORK REHAB SYSTEMS             PAGE   1',
        'PATIENT NAME..: MADRIGAL, ESTEBAN          ACCT #........: 0077120',
        'DOB...........: 02/03/77                   DOS...........: 04/10/26',
        '                     WORK CONDITIONING DISCHARGE SUMMARY',
        'RPT PERIOD....: 03/30/26 THRU 04/10/26',
        'REASON D/C....: GOALS MET - RETURNED TO FULL DUTY',
        'ASSESSMENT:',
        '  DEFICITS IN OVERHEAD LIFT NO LONGER PREVENT RTW.',
        'SIGNED BY.....: PAULA NGATA, PT',
        'SIGNED DATE...: 04/10/26 1402',
      ].join('\n'),
    ]);
    const [doc] = docs;
    expect(values(doc!, 'patient-name')).toEqual(['MADRIGAL, ESTEBAN']);
    expect(values(doc!, 'date-of-service')).toContain('2026-04-10');
    expect(values(doc!, 'discharge-reason')).toEqual(['GOALS MET - RETURNED TO FULL DUTY']);
    expect(values(doc!, 'signer')).toEqual(['PAULA NGATA']);
    expect(values(doc!, 'signed-date')).toEqual(['2026-04-10']);
    // The field's dots never reach a quote's words: the quote is the page's own text.
    const name = doc!.facts.find((f) => f.kind === 'patient-name')!;
    expect(name.provenance.quote).toBe('MADRIGAL, ESTEBAN');
  });

  it('a physician signature noted as signed on the original is a signature; "on" before a name is not a date', () => {
    const [doc] = read(
      [
        'PRESCRIPTION',
        'DATE: 02/18/26',
        'MD SIGNATURE..: OLUWASEUN ADEBAYO MD (SIGNED ON ORIGINAL)',
        'DATE SIGNED...: 02/18/26',
      ].join('\n'),
    );
    expect(values(doc!, 'physician-signer')).toEqual(['OLUWASEUN ADEBAYO']);
    expect(values(doc!, 'physician-signed-date')).toEqual(['2026-02-18']);
  });
});

describe('seventh round: case-manager correspondence and notes printed page by page', () => {
  it('a page that repeats the note’s title and header band continues it; a new date starts a new note', () => {
    const head = (dos: string) => [
      'INITIAL EVALUATION AND PLAN OF CARE',
      'Patient: Ferrante, Luca   DOB: 01/02/1970',
      `Date of Service: ${dos}`,
      'Therapist: Ana Ruiz, PT',
    ];
    const docs = readPages([
      [...head('03/03/2026'), 'HISTORY', 'Fell at work.'].join('\n'),
      [...head('03/03/2026'), 'GOALS', 'LTG 1: lift 40 lb in 4 weeks.'].join('\n'),
    ]);
    expect(docs).toHaveLength(1);
    const two = readPages([
      [...head('03/03/2026'), 'HISTORY', 'Fell at work.'].join('\n'),
      [...head('03/31/2026'), 'HISTORY', 'Re-evaluated.'].join('\n'),
    ]);
    expect(two.map((d) => d.date)).toEqual(['2026-03-03', '2026-03-31']);
  });

  it('reads signers with a job title or a supervising remark after their credentials', () => {
    const [doc] = read(
      [
        'WORK HARDENING DAILY NOTE',
        'Date of Service: 04/14/2026',
        'Electronically signed by Kofi Mensah, MS, ATC, Return-to-Work Coordinator on 04/14/2026 10:40',
        'Reviewed and co-signed by Ines Varga, PT, DPT (supervising physical therapist) on 04/14/2026 12:05',
      ].join('\n'),
    );
    expect(values(doc!, 'signer')).toEqual(['Kofi Mensah', 'Ines Varga']);
    expect(values(doc!, 'credentials')).toEqual(['MS, ATC', 'PT, DPT']);
  });

  it('a discharge summary that carries the exit capacity testing is the discharge', () => {
    const [doc] = read(
      [
        'WORK HARDENING DISCHARGE SUMMARY / EXIT FUNCTIONAL CAPACITY EVALUATION',
        'Date of Service: 05/18/2026',
        'Goal 1: push 80 lbf on the sled - MET (82 lbf).',
      ].join('\n'),
    );
    expect(doc!.type).toBe('discharge-summary');
    // A force goal in pounds-force is measurable.
    const [plan] = read(
      [
        'PLAN OF CARE',
        'Date: 05/01/2026',
        'Goals:',
        'LTG 1: pull 60 lbf on the cart in 2 weeks.',
      ].join('\n'),
    );
    expect(plan!.facts.find((f) => f.kind === 'goal-long')?.detail?.measurable).toBe(true);
  });
});

describe('a chart print of one note a page, each under the same title', () => {
  it('splits at every page whose header band carries another date, though the title repeats', () => {
    const page = (dos: string, n: number) =>
      [
        'ASPEN VALLEY REHAB | 12 Main St, Boise ID | Ph 208-555-0100',
        'DAILY TREATMENT NOTE',
        `Patient: Ngata, Paula   DOB: 05/05/1975   Date of Service: ${dos}`,
        `Start: 9:00 AM End: 9:45 AM   Visit ${n}`,
        'Therapeutic exercise 30 min: rows 3x10 with 15 lb, wall slides 2x12.',
        `Tolerating the progression of ${['rows', 'squats', 'presses', 'lunges'][n - 1]} well.`,
        `Electronically signed by Ari Stone, PT on ${dos}`,
        `Chart print  Page ${n} of 4`,
      ].join('\n');
    const docs = readPages([
      page('04/06/2026', 1),
      page('04/08/2026', 2),
      page('04/10/2026', 3),
      page('04/13/2026', 4),
    ]);
    expect(docs.map((d) => [d.type, d.date])).toEqual([
      ['daily-note', '2026-04-06'],
      ['daily-note', '2026-04-08'],
      ['daily-note', '2026-04-10'],
      ['daily-note', '2026-04-13'],
    ]);
    // "Tolerating ..." tells how the patient took the session.
    expect(docs.every((d) => values(d, 'section').includes('patient-response'))).toBe(true);
  });
});
