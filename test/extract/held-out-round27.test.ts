/**
 * Styles first met in the twenty-seventh held-out round (c74 a practice EMR's print with run-in
 * headings and running heads, c75 justified word-processor letters, c76 a form builder's
 * question-and-answer export), written here in other clinics' words. Cases that must not be
 * read stand beside each.
 */
import { describe, expect, it } from 'vitest';
import { mapLedgerHeaders } from '../../src-main/core/ingest/csv-headers';
import { factsOf, readPages, readText, values } from './helpers';

const one = (text: string) => readText(text)[0];

describe('run-in headings closed by a full stop', () => {
  it('reads a capitalized section name before its text on the line', () => {
    const doc = one(
      [
        'OCCUPATIONAL THERAPY INITIAL EVALUATION',
        'Date of service: 10/05/2026',
        'Patient: Orsini, Delphine',
        'Past medical history. Type 2 diabetes, right carpal tunnel release 2019.',
        'Assessment. Ms. Orsini presents with reduced grip and fine motor control.',
        'Plan. Skilled OT 2x/week for 6 weeks.',
      ].join('\n'),
    );
    expect(values(doc, 'section')).toEqual(['history', 'assessment', 'plan']);
  });

  it("leaves a wrapped sentence's last word and a capitals abbreviation alone", () => {
    const doc = one(
      [
        'DAILY NOTE',
        'Date of service: 10/07/2026',
        'Patient: Orsini, Delphine',
        'Subjective: she completed her home program and reports less tingling after the',
        'exercises. She slept through the night twice this week.',
        'HEP. Reviewed and progressed today.',
      ].join('\n'),
    );
    expect(values(doc, 'section')).toEqual(['subjective']);
  });
});

describe('a goals heading that says by when', () => {
  const plan = (heading: string) =>
    one(
      [
        'WORK HARDENING ENTRY EVALUATION',
        'Date of service: 08/03/2026',
        'Patient: Valcourt, Remy',
        heading,
        '   1. Lift 55 lb from floor to waist, occasionally.',
        '   2. Push a 90 lb loaded cart 100 ft.',
      ].join('\n'),
    );

  it('reads the goals under "Goals, to be achieved by <date>" with that time frame', () => {
    const doc = plan('Goals, to be achieved by 08/28/2026 (four weeks):');
    expect(factsOf(doc, 'goal-long').map((f) => f.detail?.timeFrame)).toEqual([
      '(4 weeks)',
      '(4 weeks)',
    ]);
    expect(values(plan('Goals to be met within 4 weeks:'), 'goal-long')).toHaveLength(2);
  });

  it('takes "Goals achieved" as a report on goals, not goals set', () => {
    expect(values(plan('Goals achieved this period:'), 'goal-long')).toEqual([]);
  });

  it('reads the term a labelled goal gives in its bracket', () => {
    const doc = one(
      [
        'PT EVALUATION',
        'Date of service: 05/11/2026',
        'Patient: Brisco, Amos',
        'Goal 1 (short-term, 3 weeks): Climb 14 stairs with one rail.',
        'Goal 2 (long-term, 8 weeks): Walk 1/2 mile without a device.',
      ].join('\n'),
    );
    expect(values(doc, 'goal-short')).toHaveLength(1);
    expect(values(doc, 'goal-long')).toHaveLength(1);
  });
});

describe('justified letters', () => {
  it('reads a frequency that wraps onto the next line', () => {
    const doc = one(
      [
        'PLAN OF CARE',
        'Date: 04/02/2026',
        'Patient: Hollins, Marcus',
        'We will see Mr. Hollins for work conditioning two',
        'sessions per week through the end of April.',
      ].join('\n'),
    );
    expect(values(doc, 'frequency')).toEqual(['two sessions per week']);
  });

  it('reads the reason for discharge after a participle that ends its line', () => {
    const doc = one(
      [
        'DISCHARGE SUMMARY',
        'Date: 05/01/2026',
        'Patient: Hollins, Marcus',
        'Mr. Hollins is discharged from physical therapy today, having',
        'returned to his regular duties without restriction.',
      ].join('\n'),
    );
    expect(values(doc, 'discharge-reason')).toEqual([
      'returned to his regular duties without restriction',
    ]);
  });

  it('signs a typed name whose e-signature line fell on the next page', () => {
    const docs = readPages([
      [
        'PROGRESS REPORT',
        'Date: 04/17/2026',
        'Patient: Hollins, Marcus',
        'Goal 1: progressing.',
        '',
        'Regards,',
        '',
        'Tamsin Ruiz, PT, DPT',
      ].join('\n'),
      [
        'Hollins, Marcus - page 2',
        'Clinical Coordinator',
        'Electronically signed 04/17/2026 at 5:02 p.m.',
      ].join('\n'),
    ]);
    expect(values(docs[0], 'signer')).toEqual(['Tamsin Ruiz']);
    expect(values(docs[0], 'signed-date')).toEqual(['2026-04-17']);
  });

  it('signs for a physician whose specialty follows a dash, and takes no state for a signer', () => {
    const doc = one(
      [
        'THERAPY PRESCRIPTION',
        'Patient: Hollins, Marcus',
        'Date: 03/20/2026',
        'Work conditioning, 3 days per week for 4 weeks.',
        '',
        'Lucia Ferrante, DO  -  Physical Medicine and Rehabilitation   NPI 1550193847',
        'Electronically signed 03/20/2026 2:14 PM',
        'Kansas PT License No. 11-04522',
      ].join('\n'),
    );
    expect(values(doc, 'physician-signer')).toEqual(['Lucia Ferrante']);
    expect(values(doc, 'signer')).toEqual([]);
  });

  it('gives a signature the credentials of the ordering physician field it names', () => {
    const doc = one(
      [
        'Referral for Therapy',
        'Patient: Hollins, Marcus',
        'Date: 03/20/2026',
        'PT eval and treat, lumbar strain.',
        'Referring physician: Ewan Castellanos, MD    NPI 1093847561',
        'Signature: Ewan Castellanos [signed]    Date: 3/20/26',
      ].join('\n'),
    );
    expect(values(doc, 'physician-signer')).toEqual(['Ewan Castellanos']);
    expect(values(doc, 'credentials')).toEqual(['MD']);
  });

  it("takes a physician's review of the plan as its certification", () => {
    const review = (title: string) =>
      one(
        [
          title,
          'Patient: Hollins, Marcus',
          'Date: 04/03/2026',
          'I approve the plan as written.',
        ].join('\n'),
      )?.type;
    expect(review('Plan of Care Review')).toBe('certification');
    expect(review('Treatment plan - physician approval')).toBe('certification');
    expect(review('Plan of Care')).toBe('plan-of-care');
  });
});

describe('a dateline under the title', () => {
  it('dates a visit by the date that leads the line under its title', () => {
    const doc = one(
      [
        'OCCUPATIONAL THERAPY VISIT',
        'Thursday, October 8, 2026 | Visit 4 | Aetna',
        'Patient: Orsini, Delphine',
        'Fine motor tasks 25 min.',
      ].join('\n'),
    );
    expect(values(doc, 'date-of-service')).toEqual(['2026-10-08']);
  });

  it('does not date it by a line that only mentions a date later', () => {
    const doc = one(
      [
        'OCCUPATIONAL THERAPY VISIT',
        'Seen for visit 4; next visit October 12, 2026',
        'Fine motor tasks 25 min.',
      ].join('\n'),
    );
    expect(values(doc, 'date-of-service')).toEqual([]);
  });
});

describe("a form's questions over their answers", () => {
  const visit = (...qa: string[]) =>
    one(
      [
        'SPEECH THERAPY SESSION RECORD',
        'Client name',
        '    Okonkwo, Adaeze',
        'Session date',
        '    2026-07-14',
        'Session start',
        '    14:00',
        ...qa,
      ].join('\n'),
    );

  it('reads a question about tolerance as the response, and the assent under an attestation as the signature', () => {
    const doc = visit(
      "How did the client respond to today's session?",
      '    Engaged throughout; fatigued in the last 5 minutes.',
      'I attest that this documentation is complete and accurate',
      '    Agreed - Naomi Petrakis, MA, CCC-SLP 2026-07-14 15:05',
    );
    expect(values(doc, 'section')).toContain('patient-response');
    expect(values(doc, 'signer')).toEqual(['Naomi Petrakis']);
    expect(values(doc, 'signed-date')).toEqual(['2026-07-14']);
  });

  it('takes no assent without an attestation above it for a signature', () => {
    const doc = visit('Caregiver present?', '    Yes - Ifeoma Okonkwo, daughter');
    expect(values(doc, 'signer')).toEqual([]);
  });

  it('reads a period whose start and end are fields of their own', () => {
    const doc = one(
      [
        'PROGRESS SUMMARY',
        'Summary date',
        '    2026-07-31',
        'Period covered - from',
        '    2026-07-01',
        'Period covered - to',
        '    2026-07-31',
        'Reason for discharge (check one)',
        '    [ ] Goals met  [x] Plateau  [ ] Moved away',
      ].join('\n'),
    );
    expect(values(doc, 'report-period-start')).toEqual(['2026-07-01']);
    expect(values(doc, 'report-period-end')).toEqual(['2026-07-31']);
    expect(values(doc, 'discharge-reason')).toEqual(['Plateau']);
  });

  it('ends a goal list at the next question, and reads no date field as a diagnosis', () => {
    const doc = one(
      [
        'SLP EVALUATION AND PLAN',
        'Evaluation date',
        '    2026-07-01',
        'DIAGNOSIS',
        'Medical diagnosis',
        '    R47.01 Aphasia',
        'Date of onset',
        '    2026-06-12',
        'Long-term goals (6 weeks)',
        '    LTG 1: Name 8 of 10 common objects given a phonemic cue.',
        '    LTG 2: Follow 2-step commands with 80% accuracy.',
        'Does the family agree with the plan?',
        '    Yes - husband present and in agreement.',
      ].join('\n'),
    );
    expect(values(doc, 'goal-long')).toHaveLength(2);
    expect(values(doc, 'diagnosis')).toEqual(['R47.01 Aphasia']);
  });
});

describe('goal assessments that measure', () => {
  it("reads the measurement after a goal's status, not the goal restated before it", () => {
    const doc = one(
      [
        'PROGRESS NOTE',
        'Date of service: 09/30/2026',
        'Patient: Valcourt, Remy',
        'Goal 1 (55 lb floor to waist): progressing, 45 lb this week.',
        'Goal 2 (push 90 lb cart): met.',
      ].join('\n'),
    );
    expect(values(doc, 'objective-measure')).toEqual([
      'Goal 1 (55 lb floor to waist): progressing, 45 lb this week.',
    ]);
  });

  it('reads goals assessed by their ordinal in prose', () => {
    const doc = one(
      [
        'PROGRESS REPORT',
        'Date of service: 09/30/2026',
        'Patient: Valcourt, Remy',
        'The first goal, a 55 lb floor lift, is met. The second goal, pushing the 90 lb cart',
        '100 ft, is partially met at 70 lb.',
      ].join('\n'),
    );
    expect(factsOf(doc, 'goal-assessment').map((f) => f.detail?.status)).toEqual([
      'met',
      'partially-met',
    ]);
  });
});

describe("a workers' compensation ledger's claimant column", () => {
  it('is the patient', () => {
    const headers = ['Svc Dt', 'Injured Worker', 'CPT', 'Units', 'Charge'];
    const { fields } = mapLedgerHeaders(headers);
    expect(headers[fields.patient!]).toBe('Injured Worker');
    expect(mapLedgerHeaders(['DOS', 'Claimant Name', 'CPT']).fields.patient).toBe(1);
  });
});

describe('goals and plans the older charts wrote', () => {
  const plan = (...lines: string[]) =>
    one(['OT PLAN OF CARE', 'Date: 02/02/2026', 'Patient: Lindgren, Ora', ...lines].join('\n'));

  it('takes a muscle grade with its sign and a return to a duty as measurable', () => {
    const doc = plan(
      'Goals:',
      'STG 1 (3 wks): R grip 4+/5 to carry a laundry basket.',
      'LTG 1 (6 wks): Return to full-time cashier duties.',
      'LTG 2 (6 wks): Return to prior level of function.',
    );
    const measurable = [...factsOf(doc, 'goal-short'), ...factsOf(doc, 'goal-long')].map(
      (f) => f.detail?.measurable,
    );
    expect(measurable).toEqual([true, true, false]);
  });

  it('ends a goals table at the signature under it', () => {
    const doc = plan(
      'Goal\tTarget\tBy',
      'Lift 20 lb\t20 lb\t03/02/2026',
      'Electronically signed by:\tOra Petit, OTR/L',
      'Date / Time signed:\t02-Feb-2026 1544',
    );
    expect(values(doc, 'goal-long')).toHaveLength(1);
  });

  it('reads the amount written under an "Amount" heading', () => {
    expect(values(plan('Amount', '90 minutes per visit at first, then 2 hours'), 'amount')).toEqual(
      ['90 minutes per visit'],
    );
    expect(values(plan('Amount', '2.5 hours on testing days'), 'amount')).toEqual(['2.5 hours']);
    expect(values(plan('Amount', 'as tolerated'), 'amount')).toEqual([]);
  });
});

describe("a hospital report's signature table (the twenty-eighth round's c78)", () => {
  const note = (...rows: string[]) =>
    one(
      [
        'Outpatient Occupational Therapy Treatment Note',
        'Patient:\tLUNDQVIST, ASTRID M\tMRN:\t00912244',
        'Service Date:\t08/12/2026',
        'Therapeutic exercise 97110 25 min',
        'Signature Summary',
        ...rows,
      ].join('\n'),
    );

  it('reads each signature row by its columns, a physician by credentials or a certifying action', () => {
    const doc = note(
      'Role\tSigned By\tDate/Time\tCredentials',
      'Author\tNakagawa, Ren T\t08/12/2026 16:40 CDT\tOTR/L',
      'Certified\tAbernathy DO, Celeste\t08/15/2026 07:12 CDT\tDO  NPI 1639283746',
    );
    expect(values(doc, 'signer')).toEqual(['Nakagawa, Ren T']);
    expect(values(doc, 'signed-date')).toEqual(['2026-08-12']);
    expect(values(doc, 'physician-signer')).toEqual(['Abernathy DO, Celeste']);
    expect(values(doc, 'physician-signed-date')).toEqual(['2026-08-15']);
    expect(values(doc, 'credentials')).toEqual(['OTR/L', 'DO']);
  });

  it('signs nothing where the signer cell is empty', () => {
    const doc = note('Role\tSigned By\tDate/Time\tCredentials', 'Author\t \t \t ');
    expect(values(doc, 'signer')).toEqual([]);
  });
});

describe("Medicare's CMS-700 and CMS-701 forms (the twenty-eighth round's c79, pending)", () => {
  // A form's boxes as a PDF's text gives them: labels over values, a tab between boxes.
  const form = (title: string, ...boxes: string[]) =>
    one(
      [
        'DEPARTMENT OF HEALTH AND HUMAN SERVICES',
        title,
        "1. PATIENT'S LAST NAME FIRST NAME M.I.\t2. PROVIDER NO.\t3. HICN",
        'OYELOWO ADEBAYO K\t44-1902\t9QJ2MK4TR18',
        '4. PROVIDER NAME\t5. MEDICAL RECORD NO.\t6. ONSET DATE\t7. SOC. DATE',
        'RIVERBEND THERAPY ASSOCIATES\tRB30117\t08/30/2026\t09/08/2026',
        ...boxes,
      ].join('\n'),
    );

  it('reads the patient and record number from the boxes over their values', () => {
    const doc = form('PLAN OF TREATMENT FOR OUTPATIENT REHABILITATION');
    expect(values(doc, 'patient-name')).toEqual(['OYELOWO, ADEBAYO K']);
    expect(values(doc, 'mrn')).toEqual(['RB30117']);
  });

  it('takes the plan with its initial assessment box as the evaluation, and the update as a progress report', () => {
    expect(
      form(
        'PLAN OF TREATMENT FOR OUTPATIENT REHABILITATION',
        '20. INITIAL ASSESSMENT (History)',
        'Pt s/p fall.',
      )?.type,
    ).toBe('evaluation');
    expect(form('PLAN OF TREATMENT FOR OUTPATIENT REHABILITATION')?.type).toBe('plan-of-care');
    expect(form('UPDATED PLAN OF PROGRESS FOR OUTPATIENT REHABILITATION')?.type).toBe(
      'progress-report',
    );
  });

  it("reads the physician's signature box and the therapist's name beside the frequency box", () => {
    const doc = form(
      'PLAN OF TREATMENT FOR OUTPATIENT REHABILITATION',
      '13. SIGNATURE (professional establishing POC\t14. FREQ/DURATION',
      'including prof. designation)\t(e.g., 3/Wk. x 4 Wk.)',
      'Imogen Achebe, PT, DPT\t3/Wk x 6 Wk',
      'e-signed 09/08/2026 17:02',
      "15. PHYSICIAN'S SIGNATURE\t16. DATE\t17. ON FILE (Print/type",
      "physician's name)",
      '/s/ Rafael Ostrowski, DO  NPI 1740295836\t09/11/2026\tRafael Ostrowski, DO',
    );
    expect(values(doc, 'physician-signer')).toEqual(['Rafael Ostrowski']);
    expect(values(doc, 'physician-signed-date')).toEqual(['2026-09-11']);
    expect(values(doc, 'signer')).toEqual(['Imogen Achebe']);
    expect(values(doc, 'signed-date')).toEqual(['2026-09-08']);
    expect(values(doc, 'frequency')).toEqual(['3/Wk']);
  });

  it('signs nothing in a physician box left blank', () => {
    const doc = form(
      'UPDATED PLAN OF PROGRESS FOR OUTPATIENT REHABILITATION',
      "15. PHYSICIAN'S SIGNATURE\t16. DATE\t17. ON FILE (Print/type",
      "physician's name)",
      '\t\tRafael Ostrowski, DO',
    );
    expect(values(doc, 'physician-signer')).toEqual([]);
  });
});
