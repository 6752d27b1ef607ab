/**
 * What the eighteenth round's charts still showed after they joined: a payer's one-paragraph
 * approval letter whose subject block runs into its first sentence with no blank line (a PDF keeps
 * none), an evaluation whose impression names the condition treated without a Dx label, a report
 * period set after another field on its line, a form heading in capitals with its date field on
 * the same line, and a goal table whose goal cell runs into its target cell. Each case is written
 * here in its own words, with cases that must not be read.
 */
import { describe, expect, it } from 'vitest';
import { readPages, readText, values } from './helpers';
import { findTimeFrame } from '../../src-main/core/parse/timeframe';
import { isTitleLine, titleType } from '../../src-main/core/extract/classify';
import { measurableGoalText } from '../../src-main/core/lexicon/goals';

describe("a payer's approval letter printed without blank lines", () => {
  const letter = (body: string) =>
    [
      'PELICAN STATE CASUALTY - Auto Medical Unit',
      'October 2, 2026',
      'Re: Claimant: Ana M. Reyes   Claim No. PSC-88-20417   DOL 09/15/2026',
      body,
      'Regards,',
      'Dale Arceneaux, Claims Representative',
    ].join('\n');

  it('does not take the first sentence for the subject, and reads what it approves', () => {
    const [doc] = readText(
      letter(
        'We have received the referral. An occupational therapy evaluation and up to 8 visits are approved from 10/05/2026 through 11/30/2026.',
      ),
    );
    expect(doc!.type).toBe('authorization');
    expect(values(doc!, 'auth-visits')).toEqual(['8']);
    expect(values(doc!, 'auth-start')).toEqual(['2026-10-05']);
  });

  it('still takes a subject line that names the document', () => {
    const [doc] = readText(
      [
        'Re: Ana M. Reyes  DOB 01/02/1980',
        'Physical Therapy Initial Evaluation',
        'Thank you for the referral. She was seen today.',
      ].join('\n'),
    );
    expect(doc!.type).toBe('evaluation');
  });
});

describe("an evaluation's impression that names the condition", () => {
  const evaluation = (impression: string) =>
    [
      'OCCUPATIONAL THERAPY INITIAL EVALUATION',
      'Client: Okoye, Chidi   DOB: 04/04/1975   Date of service: 10/06/2026',
      'History: fell from a ladder 09/20/2026; splinted 2 weeks.',
      impression,
      'Electronically signed by Rosa Vidal, OTR/L 10/06/2026 16:10',
    ].join('\n');

  it('reads the condition before "with" as the diagnosis', () => {
    const [doc] = readText(
      evaluation('Impression: distal radius fracture, healing, with stiffness limiting grooming.'),
    );
    expect(values(doc!, 'diagnosis')).toEqual(['distal radius fracture, healing']);
  });

  it('reads no diagnosis from an impression that names no condition', () => {
    const [doc] = readText(evaluation('Impression: tolerated testing well; motivated.'));
    expect(values(doc!, 'diagnosis')).toEqual([]);
  });

  it('prefers a labelled diagnosis to the impression', () => {
    const [doc] = readText(
      evaluation('Dx: S52.501A fracture of lower end of right radius\nImpression: stiffness.'),
    );
    expect(values(doc!, 'diagnosis')).toEqual(['S52.501A fracture of lower end of right radius']);
  });
});

describe('a report period after another field on its line', () => {
  it('reads "Period:" after a date field, not after a word', () => {
    const [doc] = readText(
      [
        'PROGRESS SUMMARY',
        'Client: Okoye, Chidi',
        'Summary date: 11/02/2026    Period: 10/06/2026 to 11/02/2026',
        'Certification Period: 10/06/2026 - 12/31/2026',
      ].join('\n'),
    );
    expect(values(doc!, 'report-period-start')).toEqual(['2026-10-06']);
    expect(values(doc!, 'report-period-end')).toEqual(['2026-11-02']);
  });
});

describe('a heading in capitals with its date field on the line', () => {
  it('is a title; a field label with its date is not', () => {
    expect(isTitleLine('ORDER FOR OCCUPATIONAL THERAPY Date: 09/30/2026')).toBe(true);
    expect(titleType('ORDER FOR OCCUPATIONAL THERAPY Date: 09/30/2026')).toBe('physician-order');
    expect(isTitleLine('Progress report date: 09/30/2026')).toBe(false);
    expect(isTitleLine('PROGRESS REPORT DATE: 09/30/2026')).toBe(false);
  });
});

describe('a goal cell run into its target cell', () => {
  it('finds the time frame glued to the last word', () => {
    expect(findTimeFrame('LTG 2: reach overhead shelf x 10 reps3 weeks (11/20/2026)')?.text).toBe(
      '3 weeks',
    );
    expect(findTimeFrame('LTG 2: reach overhead shelf x 10 reps')).toBeNull();
    expect(findTimeFrame('walk 0.5 weeks')?.text).not.toBe('5 weeks');
  });
});

describe('a hospital progress-notes printout (VistA/CPRS style)', () => {
  const banner = 'QUILLEN,AUGUST R         XXX-XX-2231   DOB: 07/19/1946          Page 3';
  const note = (title: string, date: string, body: string[]) => [
    '==============================================================',
    `LOCAL TITLE: ${title}`,
    'STANDARD TITLE: REHABILITATION NOTE',
    `DATE OF NOTE: ${date}@10:15      ENTRY DATE: ${date}@12:02:11`,
    '      AUTHOR: LINDGREN,SOFIE           EXP COSIGNER:',
    ...body,
  ];
  const printout = [
    ...note('OT OUTPATIENT EVAL AND PLAN', 'JUN 02, 2026', [
      'HISTORY: fell on outstretched hand 05/10/2026.',
      'PLAN OF CARE: 2x/week for 6 weeks.',
      '/es/ SOFIE LINDGREN, OTR/L',
      'Occupational Therapist',
      'Signed: 06/02/2026 12:30',
      '/es/ MIRA OSTROWSKI, MD',
      'Attending Physician',
      'Cosigned: 06/03/2026 07:55',
    ]),
    ...note('OT OUTPATIENT TREATMENT NOTE', 'JUN 04, 2026', [
      'Therapeutic Activities (97530) .... 30 minutes',
      '/es/ SOFIE LINDGREN, OTR/L',
      'Occupational Therapist',
      'Signed: 06/04/2026 11:48',
      banner,
    ]),
  ].join('\n');

  it('splits the printout into one document per note, dated by its DATE OF NOTE', () => {
    const docs = readText(printout, 'notes.txt');
    expect(docs.map((d) => [d.type, values(d, 'date-of-service')])).toEqual([
      ['evaluation', ['2026-06-02']],
      ['daily-note', ['2026-06-04']],
    ]);
  });

  it("reads the physician's cosignature and date as the plan's certification", () => {
    const [evaluation] = readText(printout, 'notes.txt');
    expect(values(evaluation!, 'physician-signer')).toEqual(['MIRA OSTROWSKI']);
    expect(values(evaluation!, 'physician-signed-date')).toEqual(['2026-06-03']);
    expect(values(evaluation!, 'signed-date')).toEqual(['2026-06-02']);
  });

  it("takes the patient from the page banner's name beside the masked SSN and DOB", () => {
    const docs = readText(printout, 'notes.txt');
    expect(values(docs[1]!, 'patient-name')).toEqual(['QUILLEN, AUGUST R']);
    // A line that starts with a name but has no identifier after it names no patient.
    const [plain] = readText(
      'DAILY NOTE\nDate: 06/04/2026\nLINDGREN,SOFIE      Occupational Therapist',
    );
    expect(values(plain!, 'patient-name')).toEqual([]);
  });

  it('reads a consult request signed by its requesting provider as a signed order', () => {
    const [order] = readText(
      [
        '                 Consult Request',
        'QUILLEN,AUGUST R        XXX-XX-2231     DOB: 07/19/1946',
        'Requesting Provider:   OSTROWSKI,MIRA',
        'Reason For Request: evaluate and treat R wrist, OT 2x/wk x 6 wks.',
        'Electronically signed by: OSTROWSKI,MIRA 05/28/26 09:12',
      ].join('\n'),
    );
    expect(order!.type).toBe('physician-order');
    expect(values(order!, 'physician-signer')).toEqual(['OSTROWSKI,MIRA']);
    expect(values(order!, 'physician-signed-date')).toEqual(['2026-05-28']);
  });
});

describe('an eligibility response printed as a form', () => {
  it("reads each bucket's applied amount under the form's heading, with its year and date", () => {
    const [doc] = readText(
      [
        'ELIGIBILITY RESPONSE - HETS 271',
        'Beneficiary: QUILLEN,AUGUST R    DOB: 07/19/1946',
        'Response received: 05/20/2026 09:02',
        '',
        'OUTPATIENT THERAPY - CALENDAR YEAR 2026',
        '  PT/SLP combined        applied amount: $912.40',
        '  OT                     applied amount: $0.00',
      ].join('\n'),
    );
    expect(
      doc!.facts
        .filter((f) => f.kind === 'therapy-threshold-applied')
        .map((f) => [f.value, f.detail]),
    ).toEqual([
      ['912.40', { bucket: 'PT/SLP', year: 2026, date: '2026-05-20' }],
      ['0.00', { bucket: 'OT', year: 2026, date: '2026-05-20' }],
    ]);
  });

  it('reads no applied amount from a note that never names the check', () => {
    const [doc] = readText('DAILY NOTE\nDate: 06/04/2026\nPT/SLP applied amount: $912.40');
    expect(doc!.facts.filter((f) => f.kind === 'therapy-threshold-applied')).toEqual([]);
  });
});

describe('a work program printed as one form per day', () => {
  const day = (date: string, load: string, response: string) =>
    [
      'BLUEGRASS RETURN-TO-WORK CLINIC',
      'WORK HARDENING DAILY PROGRAM LOG',
      'Form 7B',
      'Claimant:\tOKONJO, PETER',
      'Claim:\tWC-88-3311',
      `Date of service:\t${date}`,
      'Session:\tIn 0730 Out 1030',
      'PROGRAM COMPONENTS',
      'Component\tClock time\tMinutes',
      'Conditioning\t0730-0830\t60',
      'ACTIVITIES / PARAMETERS',
      `Simulated work tasks: tote lift ${load} x 3x10; ladder climb 8 ft x 6`,
      `Response / tolerance: ${response}`,
      'Electronically signed by:\tJo Park, PT',
    ].join('\n');

  it('reads each page as the day it dates, and its parameters as what was furnished', () => {
    const docs = readPages([
      day('05-May-2026', '20 lb', 'sore after ladder'),
      day('06-May-2026', '25 lb', 'no increase in pain'),
      day('07-May-2026', '25 lb', 'paced well, one rest'),
    ]);
    expect(docs.map((d) => [d.type, values(d, 'date-of-service')])).toEqual([
      ['daily-note', ['2026-05-05']],
      ['daily-note', ['2026-05-06']],
      ['daily-note', ['2026-05-07']],
    ]);
    expect(values(docs[1]!, 'intervention')).toContain('tote lift 25 lb x 3x10');
  });
});

describe('a fax cover with the report behind it', () => {
  it('reads the report on the next page as a document of its own, though its date is deep in its band', () => {
    const docs = readPages([
      ['FAX TRANSMITTAL', 'Date:\t01-Jun-2026', 'To:\tClaims', 'Re:\tdischarge summary'].join('\n'),
      [
        'WORK HARDENING DISCHARGE SUMMARY',
        'Claimant:\tOKONJO, PETER',
        'DOB:\t02-Feb-1980',
        'Claim:\tWC-88-3311',
        'Date of injury:\t01-Jan-2026',
        'Employer:\tRiver Freight',
        'Carrier:\tKEMI',
        'Date of exit testing:\t29-May-2026',
        'Electronically signed by:\tJo Park, PT',
        'Date / Time signed:\t29-May-2026 1500',
      ].join('\n'),
    ]);
    expect(docs.map((d) => d.type)).toEqual(['communication', 'discharge-summary']);
  });
});

describe("a goal grid coded by the form's key", () => {
  const report = (key: string) =>
    [
      'WEEKLY PROGRESS REPORT',
      'Claimant:\tOKONJO, PETER',
      'Report date:\t15-May-2026',
      'Goal\tBaseline\tCurrent\tTarget / Status',
      '1 Tote lift 40 lb\t20 lb\t30 lb\t29-May A',
      '2 Ladder 12 ft x 10\t6 ft\t12 ft\t22-May B',
      key,
    ].join('\n');

  it("reads each row's code as the status its key gives it", () => {
    const [doc] = readText(report('Legend: A = in progress  B = goal achieved  C = not met'));
    expect(
      doc!.facts.filter((f) => f.kind === 'goal-assessment').map((f) => f.detail?.status),
    ).toEqual(['progressing', 'met']);
  });

  it('reads no status from a letter without a key', () => {
    const [doc] = readText(report('Reviewed with claimant.'));
    expect(doc!.facts.filter((f) => f.kind === 'goal-assessment')).toEqual([]);
  });
});

describe('what a progress report says in passing', () => {
  const [doc] = readText(
    [
      'PROGRESS REPORT',
      'Claimant:\tOKONJO, PETER',
      'Report date:\t15-May-2026',
      'TESTING vs JOB DEMANDS',
      'Tote lift 30 lb (job 40 lb).',
      'ASSESSMENT',
      'Gaining steadily. Plan: continue 3 more sessions at job loads.',
      'Cleared for light-duty by Dr. Ames.',
    ].join('\n'),
  );

  it('reads a run-in Plan label, a heading against the job, and a hyphenated duty', () => {
    expect(values(doc!, 'section')).toEqual(expect.arrayContaining(['plan', 'job-demands']));
    expect(values(doc!, 'rtw-status')).toEqual(['light-duty']);
  });

  it('does not take a run-in label that opens a report for its section', () => {
    const [other] = readText(
      'PROGRESS REPORT\nReport date: 15-May-2026\nSeen today. History: none.',
    );
    expect(values(other!, 'section')).not.toContain('history');
  });
});

describe('a UR decision table and its rationale', () => {
  it('reads what was certified, not what was requested, refused or what a guideline allows', () => {
    const [doc] = readText(
      [
        'UTILIZATION REVIEW DETERMINATION',
        'Claimant:\tOKONJO, PETER',
        'Service\tRequested\tDecision\tApproved',
        'Work hardening\t15 sessions / 60 hrs\tCertified\t10 sessions / 40 hrs',
        'Work hardening\tNot certified\t5 sessions / 20 hrs',
        'Rationale: ODG allows up to 20 visits; 10 are certified now.',
      ].join('\n'),
    );
    expect(values(doc!, 'auth-visits')).toEqual(['10']);
    expect(values(doc!, 'auth-hours')).toEqual(['40']);
  });
});

describe('a portal print of definition lists', () => {
  const evaluation = (impression: string, prognosis: string) =>
    [
      'PT Initial Evaluation',
      'Patient: Nakamura, Rei',
      'DOB: 01/02/1960',
      'MRN: NV-2231',
      'Primary insurance: Plan administered by a TPA',
      'Member ID: 55120',
      'Discipline: Physical Therapy',
      'Date of service: 4/7/2026',
      'History',
      'Onset of weakness 2/2026.',
      'Tests and measures',
      'TUG 16.0 s',
      'Assessment',
      `Clinical impression: ${impression}`,
      'Evaluation complexity: Moderate (97162)',
      `Rehab potential / prognosis: ${prognosis}`,
      'Goals',
      '- LTG 1 (by 5/5/2026): performs the home program with verbal cues 5 days/week',
      'Electronically signed by Ana Ruiz, PT on 4/7/2026 3:10 PM',
    ].join('\n');

  it('takes an assessment whose fields were left empty as no assessment', () => {
    const [blank] = readText(evaluation('—', '—'));
    expect(values(blank!, 'section')).not.toContain('assessment');
    expect(values(blank!, 'section')).not.toContain('prognosis');
    const [filled] = readText(evaluation('gait impaired by weakness', 'good'));
    expect(values(filled!, 'section')).toEqual(expect.arrayContaining(['assessment', 'prognosis']));
  });

  it('keeps a heading ruled off to the margin, and one with prose under it', () => {
    const [ruled] = readText(
      'PT EVALUATION\nDate of service: 4/7/2026\nASSESSMENT ______\nGait impaired by weakness.',
    );
    expect(values(ruled!, 'section')).toContain('assessment');
    const [prose] = readText(
      'PT EVALUATION\nDate of service: 4/7/2026\nAssessment\nGait impaired by weakness.\nPrognosis: N/A',
    );
    expect(values(prose!, 'section')).toContain('assessment');
  });

  it('counts how often a task is done as measurable', () => {
    expect(measurableGoalText('performs the home program with verbal cues 5 days/week')).toBe(true);
    expect(measurableGoalText('performs the home program twice daily')).toBe(true);
    expect(measurableGoalText('performs the home program with verbal cues')).toBe(false);
  });
});

describe("a report's title over a band of patient fields", () => {
  it('names the document, not a dated heading further down', () => {
    const [doc] = readText(
      [
        'PT Discharge Summary',
        'Patient: Nakamura, Rei',
        'DOB: 01/02/1960',
        'MRN: NV-2231',
        'Primary insurance: Plan administered by a TPA',
        'Member ID: 55120',
        'Discipline: Physical Therapy',
        'Report date: 5/5/2026',
        'Objective re-assessment',
        'Measure\tBaseline (4/7/2026)\tCurrent',
        'TUG\t16.0 s\t11.9 s',
        'Gait speed\t0.7 m/s\t1.0 m/s',
        'Goal status',
        '- LTG 1: TUG under 12 s (by 5/5/2026) Met',
        '- met 4/28/2026',
        'Electronically signed by Ana Ruiz, PT on 5/5/2026 2:00 PM',
      ].join('\n'),
    );
    expect(doc!.type).toBe('discharge-summary');
  });
});

describe('a signature split by a page break', () => {
  it("dates the e-signature above the page's footer and header", () => {
    const docs = readPages([
      ['DAILY NOTE', 'Date of service: 05/14/2026', 'Plan: continue.', '/es/ ANA RUIZ, PT'].join(
        '\n',
      ),
      [
        'NAKAMURA,REI      XXX-XX-2231    DOB: 01/02/1960    Page 2',
        'PRINTED BY: RECORDS CLERK',
        'Physical Therapist',
        'Signed: 05/14/2026 12:00',
      ].join('\n'),
    ]);
    expect(docs.map((d) => values(d, 'signed-date'))).toEqual([['2026-05-14']]);
    expect(docs[0]!.facts.some((f) => f.kind === 'signature-blank')).toBe(false);
  });
});
