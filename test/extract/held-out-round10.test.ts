/**
 * Styles first met on the tenth held-out round: e-signature lines at the bottom of a note that
 * name each signer's job in parentheses, counsellors on a work program's team, plans returned
 * through an e-signature service ("Signed by:" over the signer's name, then its date), a
 * physician's form signed "Electronically signed - NAME", payer letters whose address block says
 * how they were sent, approval tables that give a ceiling ("up to 6 units"), a physician's form
 * that says whom it is copied to, an addendum appended under the note it amends, and goals
 * written inline on their heading. Each case is written here in its own words (other vendors'
 * layouts, not the corpus's), with a negative case beside it where a reading could go too far.
 */
import { describe, expect, it } from 'vitest';
import { readPages, readText, values } from './helpers';

const read = readText;

/** A visit note with what a note needs above its closing lines. */
const visitNote = (closing: string[]) =>
  [
    'OUTPATIENT REHAB VISIT',
    'Visit date: 09/14/2026',
    'Therapeutic exercise 97110: 25 minutes',
    'Assessment: tolerated well.',
    '',
    ...closing,
  ].join('\n');

describe('e-signature lines that name the signer’s job in parentheses', () => {
  it('reads the signer, credentials and date past one or several jobs, in any case', () => {
    const [doc] = read(
      visitNote([
        'Electronically signed by Marisol Trevino, MPT (Rehab Manager / Staff Therapist) on 09/14/2026 at 5:02 PM CDT',
        'Electronically signed by Dara Quinn, LCSW (behavioral health counselor) on 09/15/2026 at 8:10 AM CDT',
      ]),
    );
    expect(values(doc!, 'signer')).toEqual(['Marisol Trevino', 'Dara Quinn']);
    expect(values(doc!, 'credentials')).toEqual(['MPT', 'LCSW']);
    expect(values(doc!, 'signed-date')).toEqual(['2026-09-14', '2026-09-15']);
  });

  it('a co-signer written after a slash outside the brackets is still a second person', () => {
    const [doc] = read(visitNote(['Signed: Ana Ruiz, PTA / Ben Cole, PT 09/14/2026']));
    expect(values(doc!, 'signer')).toEqual(['Ana Ruiz']);
    expect(values(doc!, 'credentials')).toEqual(['PTA']);
  });
});

describe('a plan returned through an e-signature service', () => {
  const certification = (under: string) =>
    [
      'PLAN OF TREATMENT - PHYSICIAN CERTIFICATION',
      'Patient: Lindgren, Arvid    DOB: 05/30/1944',
      'Certification period: 09/01/2026 - 10/30/2026',
      'I certify that these services are needed and that the plan was established under my care.',
      '',
      'Signed by:',
      under,
      'Ref 9F2C81A7D03E...',
      'Date: 9/3/2026',
      '',
      'Audit trail',
      'Envelope created 9/1/2026 2:15 PM',
      'Recipient viewed 9/3/2026 7:40 AM',
      'Recipient signed 9/3/2026 7:42 AM',
      'Envelope completed 9/3/2026 7:42 AM',
      'Envelope archived 9/3/2026 7:43 AM',
      'Delivery receipts sent 9/3/2026 7:43 AM',
      'Retention 7 years',
      'Storage region US',
    ].join('\n');

  it('the name under the label is the physician’s signature and the "Date:" line under it its date', () => {
    const [doc] = read(certification('Henrik Solberg, DO'));
    expect(values(doc!, 'physician-signer')).toEqual(['Henrik Solberg']);
    expect(values(doc!, 'physician-signed-date')).toEqual(['2026-09-03']);
  });

  it('a label with no name under it signs nothing', () => {
    const [doc] = read(certification('(awaiting signature)'));
    expect(values(doc!, 'physician-signer')).toEqual([]);
    expect(values(doc!, 'physician-signed-date')).toEqual([]);
  });

  it('a rule to sign on over a printed name is a place to sign by hand, not a signature', () => {
    const text = certification('Henrik Solberg, DO').replace(
      'Signed by:',
      'Physician signature: ____________________',
    );
    const [doc] = read(text);
    expect(values(doc!, 'physician-signer')).toEqual([]);
  });

  it('a physician’s field with the e-signature mark and a dash before the name signs the form', () => {
    const [doc] = read(
      [
        'PHYSICIAN WORK STATUS REPORT',
        'Employee: Okonkwo, Ada    Visit: 10/02/2026',
        'Work status: modified duty, no lifting over 20 lb.',
        'Attending physician signature: Electronically signed - Rosa Delgado, MD    Date: 10/02/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('physician-order');
    expect(values(doc!, 'physician-signer')).toEqual(['Rosa Delgado']);
    expect(values(doc!, 'physician-signed-date')).toEqual(['2026-10-02']);
  });
});

describe('a payer letter whose address block says how it was sent', () => {
  const letter = (sentLine: string) =>
    [
      'SUMMIT CASUALTY GROUP',
      'October 3, 2026',
      'Lakeside Physical Therapy',
      sentLine,
      'Re: Treatment request, Employee: Marta Olsen, Claim 55-WC-40091',
      '',
      'Dear Provider:',
      'Authorization number: SCG-771204',
      'Work conditioning (97545): 12 visits approved, 10/05/2026 through 11/13/2026.',
    ].join('\n');

  it('"Via secure e-mail" is no title: the letter is the authorization', () => {
    const [doc] = read(letter('Via secure e-mail and fax 555-0144'));
    expect(doc!.type).toBe('authorization');
    expect(values(doc!, 'auth-visits')).toEqual(['12']);
  });

  it('a letter titled as correspondence about e-mail stays a communication', () => {
    const [doc] = read(
      ['E-MAIL CORRESPONDENCE', 'Date: 10/03/2026', 'Spoke with adjuster about the plan.'].join(
        '\n',
      ),
    );
    expect(doc!.type).toBe('communication');
  });
});

describe('an approval table that gives a ceiling', () => {
  const approval = (cell: string) =>
    [
      'UTILIZATION REVIEW DECISION',
      'Date: 08/20/2026',
      'Code\tService\tRequested\tApproved',
      '97545\tWork hardening, first 2 hours\t10\t6 sessions',
      `97546\tWork hardening, each added hour\t10\t${cell}`,
    ].join('\n');

  it('"up to 6 units" approves six units of the added hour', () => {
    const [doc] = read(approval('up to 6 units'));
    const units = doc!.facts.filter((f) => f.kind === 'auth-units');
    expect(units.map((f) => [f.detail?.code, f.value])).toEqual([
      ['97545', '6'],
      ['97546', '6'],
    ]);
  });

  it('"as needed" approves no number', () => {
    const [doc] = read(approval('as needed'));
    const units = doc!.facts.filter((f) => f.kind === 'auth-units');
    expect(units.map((f) => f.detail?.code)).toEqual(['97545']);
  });
});

describe('contacts the program made, not words that look like them', () => {
  it('a job’s "service calls" and an employer named in the next sentence are no contact', () => {
    const [doc] = read(
      [
        'INITIAL EVALUATION',
        'Date: 09/01/2026',
        'Job: field technician, 6-8 service calls per day. No employer job description on file, demands taken from the job title.',
      ].join('\n'),
    );
    expect(values(doc!, 'communication')).toEqual([]);
  });

  it('a call to the employer within one sentence is a contact', () => {
    const [doc] = read(
      [
        'DAILY NOTE',
        'Date: 09/02/2026',
        'Called employer (supervisor R. Banks) to confirm light duty availability.',
      ].join('\n'),
    );
    expect(values(doc!, 'communication-party')).toEqual(['employer']);
  });

  it('a physician’s form copied to the employer is the physician’s contact, not the program’s', () => {
    const [form] = read(
      [
        "ATTENDING PHYSICIAN'S RETURN TO WORK REPORT",
        'Patient: Okafor, Ben    Exam date: 09/03/2026',
        'Copies of this report go to the patient, the insurer and the employer.',
        'Work status: full duty 09/08/2026.',
        'Physician signature: /s/ Ira Klein, MD   Date: 09/03/2026',
      ].join('\n'),
    );
    expect(form!.type).toBe('physician-order');
    expect(values(form!, 'communication')).toEqual([]);
    const [report] = read(
      [
        'PROGRESS REPORT',
        'Date: 09/03/2026',
        'Copy of this report sent to the employer and the adjuster.',
      ].join('\n'),
    );
    expect(values(report!, 'communication-party').sort()).toEqual(['adjuster', 'employer']);
  });
});

describe('an addendum appended under the note it amends', () => {
  const visit = [
    'THERAPY VISIT NOTE',
    'Visit date: 10/12/2026',
    'Therapeutic exercise 97110: 30 minutes',
    'Signed: Noor Haddad, PT, DPT 10/12/2026',
  ].join('\n');
  const addendum = (label: string) =>
    [
      label,
      'Entered: 10/13/2026 by Noor Haddad, PT, DPT. Home program sheet given, omitted above.',
      'Signed: Noor Haddad, PT, DPT 10/13/2026',
    ].join('\n');

  it('stays part of that note when it starts the next page', () => {
    const docs = readPages([visit, addendum('ADDENDUM to Therapy Visit Note of 10/12/2026')]);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ date: '2026-10-12', pageStart: 1, pageEnd: 2 });
    expect(values(docs[0]!, 'service-minutes')).toEqual(['30']);
    expect(values(docs[0]!, 'amendment')).toEqual(['addendum']);
  });

  it('an addendum to a note of another date at the top of a page is a document of its own', () => {
    const docs = readPages([visit, addendum('ADDENDUM to Therapy Visit Note of 10/05/2026')]);
    expect(docs.map((d) => d.pageStart)).toEqual([1, 2]);
  });
});

describe('goals written inline on their heading', () => {
  const plan = (after: string[]) =>
    [
      'PLAN OF CARE',
      'Date: 07/01/2026',
      'Frequency: 2x/week for 6 weeks',
      'STGs (2 weeks): walk 150 ft with a cane; sit to stand without arms, 5 times; climb 4 steps',
      'with one rail.',
      ...after,
    ].join('\n');

  it('the sentence after them and a heading in capitals end the list', () => {
    const [doc] = read(
      plan([
        'Plan faxed to Dr. Ames for signature on 07/01/2026.',
        '',
        'CHARGES',
        'CPT\tDescription\tUnits',
        '97161\tPT evaluation, low complexity\t1',
      ]),
    );
    expect(values(doc!, 'goal-short')).toEqual([
      'walk 150 ft with a cane; sit to stand without arms, 5 times; climb 4 steps with one rail.',
    ]);
  });

  it('a marked list under a heading keeps every item', () => {
    const [doc] = read(
      [
        'PLAN OF CARE',
        'Date: 07/01/2026',
        'Long-term goals (6 weeks):',
        '1. Walk 500 ft without a device.',
        '2. Climb 12 steps with one rail.',
        '3. Berg 50/56 or better.',
      ].join('\n'),
    );
    expect(values(doc!, 'goal-long')).toHaveLength(3);
  });
});

describe('a plan’s goals among what the patient says and how the goals are counted', () => {
  const evaluation = (subjective: string, goal: string) =>
    [
      'INITIAL EVALUATION',
      'Date: 05/04/2026',
      'SUBJECTIVE',
      subjective,
      'PLAN',
      'Frequency: 3x/week for 4 weeks. Amount: 2-hour sessions week 1, then 3 hr.',
      'Goals (by 05/29/2026):',
      `1. ${goal}`,
      '2. Floor-to-waist lift 40 lb occasionally.',
    ].join('\n');

  it('the patient’s own goals are history, not the plan’s', () => {
    const [doc] = read(
      evaluation(
        'Patient goals: drive the forklift again, coach his son’s team.',
        'Carry 30 lb 100 ft.',
      ),
    );
    expect(values(doc!, 'goal-long')).toEqual([
      'Carry 30 lb 100 ft.',
      'Floor-to-waist lift 40 lb occasionally.',
    ]);
  });

  it('the program’s goal list is read whatever its heading', () => {
    const [doc] = read(evaluation('Lives alone.', 'Carry 30 lb 100 ft.'));
    expect(values(doc!, 'goal-long')).toHaveLength(2);
  });

  it('"2-hour sessions" states the plan’s amount; "2 sessions" does not', () => {
    const [doc] = read(evaluation('Lives alone.', 'Carry 30 lb 100 ft.'));
    expect(values(doc!, 'amount')).toEqual(['2-hour sessions']);
    const [none] = read(
      ['PLAN OF CARE', 'Date: 05/04/2026', 'Frequency: 2 sessions per week for 4 weeks.'].join(
        '\n',
      ),
    );
    expect(values(none!, 'amount')).toEqual([]);
  });

  it('a counted task done "in one session" is measurable, and its deadline is the date', () => {
    const [doc] = read(
      evaluation(
        'Lives alone.',
        'Complete 4 simulated delivery routes in one session without extra rest.',
      ),
    );
    const goal = doc!.facts.find((f) => f.kind === 'goal-long')!;
    expect(goal.detail).toMatchObject({ measurable: true, timeFrame: 'by 05/29/2026' });
  });

  it('"within 6 visits" is still a time frame, and a goal with no number is not measurable', () => {
    const [doc] = read(evaluation('Lives alone.', 'Improve confidence within 6 visits.'));
    const goal = doc!.facts.find((f) => f.kind === 'goal-long')!;
    expect(goal.detail).toMatchObject({ measurable: false, timeFrame: 'within 6 visits' });
  });
});

describe('a goal term assessed at once', () => {
  const report = (line: string) =>
    [
      'PROGRESS REPORT',
      'Date: 06/01/2026',
      'GOAL STATUS',
      '1. Carry 30 lb 100 ft - MET.',
      line,
    ].join('\n');

  it('"STGs (due 5/15) - all met" assesses every short-term goal', () => {
    const [doc] = read(report('STGs (due 5/15) - all met.'));
    const all = doc!.facts.filter((f) => f.kind === 'goal-assessment' && f.detail?.all);
    expect(all.map((f) => f.detail?.status)).toEqual(['met']);
  });

  it('"STGs (due 5/15) reviewed" assesses nothing at once', () => {
    const [doc] = read(report('STGs (due 5/15) reviewed with the patient.'));
    expect(doc!.facts.filter((f) => f.kind === 'goal-assessment' && f.detail?.all)).toEqual([]);
  });
});

describe('the tenth round’s patterns stay linear on long lines', () => {
  it('reads 20,000-character signature, contact and goal lines quickly', () => {
    const started = Date.now();
    read(
      [
        'THERAPY VISIT NOTE',
        'Visit date: 09/14/2026',
        `Electronically signed by Ana Roe, PT (${'Staff Therapist / '.repeat(1000)}Director)`,
        `Signed: Ana Roe, PT ${'/ Bo Lee '.repeat(2500)}`,
        `Called ${'the adjuster and sent notes to Dr. Park. '.repeat(500)}`,
        `Goals: ${'Walk 50 ft. '.repeat(1700)}`,
        'Signed by:',
        'Ana Roe, PT',
      ].join('\n'),
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('goals in capitals under a heading in capitals', () => {
  it('a legacy export’s goal in capitals is a goal, not a heading that ends the list', () => {
    const [doc] = read(
      [
        'PLAN OF CARE',
        'DATE: 07/01/2026',
        'LONG TERM GOALS (BY 07/29/2026):',
        '1. LIFT 40 LB FLOOR TO WAIST',
        'INDEPENDENT WITH HOME PROGRAM',
        '2. CARRY 30 LB 100 FT',
      ].join('\n'),
    );
    expect(values(doc!, 'goal-long')).toHaveLength(2);
  });
});
