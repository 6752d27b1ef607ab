/**
 * Styles first met on the ninth held-out round: a visit-note file whose notes repeat the same
 * header band and follow one another without page breaks, hospital printouts that give the
 * service date with its time and the signature in a header block at the top ("Sign Information"
 * with "Last CREDENTIAL, First"), 24-hour session clocks, adjusters' approvals as printed e-mails,
 * a physician's treatment and work status form, goals given as joint ranges, and clauses that
 * wrap onto the next line. Each case is written here in its own words (other vendors' layouts,
 * not the corpus's), with a negative case beside it where a reading could go too far.
 */
import { describe, expect, it } from 'vitest';
import { readPages, readText, values } from './helpers';
import { titleType } from '../../src-main/core/extract/classify';
import { measurableGoalText } from '../../src-main/core/lexicon/goals';

const read = readText;

describe('visit notes printed one after another under the same header band', () => {
  const note = (dos: string, minutes: number, signed: string) => [
    'SUNRISE SPINE & SPORT - OUTPATIENT THERAPY',
    'THERAPY VISIT NOTE',
    'Client: MARTINEAU, Helene    Birth date: 03/22/1969    Chart #: SSS-40917',
    'Payer: Liberty Mutual (claims handled by Broadspire) - Claims professional: Robert',
    'Castellano',
    'Referring MD: Ian Forsythe, MD',
    `Visit date: ${dos}`,
    'SUBJECTIVE: sore after last visit.',
    `Treatment: therapeutic exercise ${minutes} min.`,
    `Signed: Wendell Okoye, PT ${signed}`,
  ];

  it('each note is its own document, though its first lines repeat the note before and a field wraps', () => {
    const docs = read(
      [...note('10/05/2026', 40, '10/05/2026'), ...note('10/07/2026', 38, '10/07/2026')].join('\n'),
    );
    expect(docs.map((d) => [d.type, d.date])).toEqual([
      ['daily-note', '2026-10-05'],
      ['daily-note', '2026-10-07'],
    ]);
  });

  it('a page that repeats the header band with the same date continues the note', () => {
    const head = note('10/05/2026', 40, '10/05/2026').slice(0, 7);
    const docs = readPages([
      [...head, 'SUBJECTIVE: sore after last visit.', 'Treatment: gait training 25 min.'].join(
        '\n',
      ),
      [...head, 'ASSESSMENT: improving.', 'Signed: Wendell Okoye, PT 10/05/2026'].join('\n'),
    ]);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ pageStart: 1, pageEnd: 2, date: '2026-10-05' });
  });

  it('a work program names its daily note a program note; a home program is no note', () => {
    expect(titleType('WORK HARDENING PROGRAM NOTE')).toBe('daily-note');
    expect(titleType('Industrial Rehab Program Note - 11/02/2026')).toBe('daily-note');
    expect(titleType('HOME EXERCISE PROGRAM')).toBeNull();
  });
});

describe('a hospital printout: service date with its time, signature at the top', () => {
  const printout = (signLine: string) =>
    [
      'LAKESHORE COMMUNITY HOSPITAL - REHABILITATION',
      'Name: OSTROWSKI, WALTER J        Acct#: 55120934',
      'Note Type:            PT Treatment Note',
      'Date/Time of Service: 11/03/2026 08:30 CST',
      'Status:               Final',
      'Performed By:         Duarte PT, Camila (11/03/2026 08:30 CST)',
      signLine,
      '',
      'PT Treatment Note',
      'Gait training (97116): 15 minutes',
      'Assessment: improved step length.',
    ].join('\n');

  it('reads the date from "Date/Time of Service" and the signer written family name, credential, given name', () => {
    const docs = read(
      printout('Signature Information: Duarte PT, DPT, Camila (11/03/2026 11:02 CST)'),
    );
    expect(docs).toHaveLength(1);
    const [doc] = docs;
    expect(doc!.date).toBe('2026-11-03');
    expect(values(doc!, 'signer')).toEqual(['Duarte, Camila']);
    expect(values(doc!, 'credentials')).toEqual(['PT, DPT']);
    expect(values(doc!, 'signed-date')).toEqual(['2026-11-03']);
  });

  it('who performed the visit is no signature: without a signing line the note is unsigned', () => {
    const [doc] = read(printout('Status detail:        Pending review'));
    expect(values(doc!, 'signer')).toEqual([]);
    expect(values(doc!, 'signed-date')).toEqual([]);
  });

  it('a birth or surgery date with its time is no date of service', () => {
    const [doc] = read(
      [
        'PT Treatment Note',
        'Surgery Date/Time: 10/01/2026 07:15',
        'Visit Date and Time: 11/04/2026 09:00',
      ].join('\n'),
    );
    expect(values(doc!, 'date-of-service')).toEqual(['2026-11-04']);
  });

  it('an inverted name whose middle word is no credential is not read as one', () => {
    const [doc] = read(
      [
        'PT Treatment Note 11/05/2026',
        'Sign Information:  Duarte Camila, Rosa (11/05/2026 10:00)',
      ].join('\n'),
    );
    expect(values(doc!, 'credentials')).toEqual([]);
  });
});

describe('24-hour session clocks', () => {
  it('reads a session or clock range and a combined "Time in/out" field', () => {
    const times = (line: string) => {
      const [doc] = read(['WORK CONDITIONING DAILY NOTE', 'Date: 12/01/2026', line].join('\n'));
      return [values(doc!, 'time-in'), values(doc!, 'time-out')];
    };
    expect(times('Clock: 0730-1015 (one 10-minute break)')).toEqual([['07:30'], ['10:15']]);
    expect(times('Session: 1300-1545')).toEqual([['13:00'], ['15:45']]);
    expect(times('Time in/out: 0915 / 1000')).toEqual([['09:15'], ['10:00']]);
  });

  it('a session count or a lone clock time is no range', () => {
    const [doc] = read(
      ['WORK CONDITIONING DAILY NOTE', 'Date: 12/01/2026', 'Session: 4 of 12', 'Clock: 0730'].join(
        '\n',
      ),
    );
    expect(values(doc!, 'time-in')).toEqual([]);
    expect(values(doc!, 'time-out')).toEqual([]);
  });
});

describe('an adjuster’s approval printed from an e-mail', () => {
  const email = (subject: string, body: string[]) =>
    [
      'From: Pruett, Dana <dpruett@examplecarrier.test>',
      'Sent: Monday, November 9, 2026 3:05 PM',
      'To: Intake <intake@clinic.test>',
      `Subject: ${subject}`,
      '',
      ...body,
    ].join('\n');

  it('names the patient in a subject line of several parts, with "Clm" for the claim', () => {
    const [doc] = read(
      email('RE: Request for visits - Ferreira, Luisa / Clm 77A-204518 / DOI 08/14/2026', [
        'Approved: physical therapy evaluation + 8 visits, 11/10/2026 through 12/18/2026',
      ]),
    );
    expect(doc!.type).toBe('authorization');
    expect(values(doc!, 'patient-name')).toEqual(['Ferreira, Luisa']);
    expect(values(doc!, 'claim-number')).toEqual(['77A-204518']);
    expect(values(doc!, 'document-date')).toEqual(['2026-11-09']);
    // The evaluation and a count of its own after it: the count is the visits approved.
    expect(values(doc!, 'auth-visits')).toEqual(['8']);
  });

  it('a name in natural order beside a claim number is the patient; a subject alone names nobody', () => {
    const [named] = read(
      email('RE: Luisa Ferreira  WC-2026-55810 therapy', ['Approved: 8 visits']),
    );
    expect(values(named!, 'patient-name')).toEqual(['Ferreira, Luisa']);
    const [subject] = read(email('RE: Work Conditioning Program - 2026-11-09', ['Thanks.']));
    expect(values(subject!, 'patient-name')).toEqual([]);
    // A contact named with a job title after the comma is no patient.
    const [contact] = read(email('RE: intake - P. Novak, Safety Coordinator', ['Thanks.']));
    expect(values(contact!, 'patient-name')).toEqual([]);
  });

  it('an "Approved:" field makes an untitled e-mail the authorization; "Approved by:" does not', () => {
    expect(read(email('Update', ['Approved: 6 sessions, max 18 hours']))[0]!.type).toBe(
      'authorization',
    );
    expect(read(email('Update', ['Approved by: front desk']))[0]!.type).not.toBe('authorization');
    // A job description's sign-off names who approved the text, not a payer's approval.
    const [jobDescription] = read(
      ['Essential functions: lift 50 lb', 'Approved: Dana Whitlock, HR Manager    06/02/2025'].join(
        '\n',
      ),
    );
    expect(jobDescription!.type).not.toBe('authorization');
  });
});

describe('a physician’s treatment and work status form', () => {
  it('is the physician’s order, and only its ticked therapy names a program', () => {
    const form = (therapy: string) =>
      read(
        [
          'STATE WORKERS’ COMPENSATION - MEDICAL TREATMENT/STATUS REPORT',
          'Injured worker: Ekwueme, Chidi    Date of visit: 10/20/2026',
          'Work status: [ ] Full duty  [X] Modified duty',
          `Therapy ordered: ${therapy}`,
          'Physician signature: /s/ Lorna Vance, MD   Date: 10/20/2026',
        ].join('\n'),
      )[0]!;
    const ordered = form('[ ] PT  [X] Work conditioning 3x/week x 4 weeks');
    expect(ordered.type).toBe('physician-order');
    expect(values(ordered, 'program-type')).toEqual(['work-conditioning']);
    expect(values(form('[X] PT  [ ] Work conditioning'), 'program-type')).toEqual([]);
    expect(titleType('Work Status Report')).toBe('physician-order');
    expect(titleType('Status Report')).toBe('progress-report');
  });
});

describe('goals and limitations as evaluations write them', () => {
  it('a joint range without its unit is a measurable goal; "improve ROM" is not', () => {
    expect(measurableGoalText('R elbow AROM 0-135 for reaching overhead shelves')).toBe(true);
    expect(measurableGoalText('Shoulder flexion to 160 to comb hair')).toBe(true);
    expect(measurableGoalText('Improve shoulder ROM to allow dressing')).toBe(false);
  });

  it('a limitation clause that wraps onto the next line is read; the next heading is not joined to it', () => {
    const evaluation = (lines: string[]) =>
      read(['OUTPATIENT PT EVALUATION 09/09/2026', 'Assessment', ...lines].join('\n'))[0]!;
    const wrapped = evaluation([
      'Weak hip abductors and poor balance limiting',
      'community ambulation and curb negotiation.',
    ]);
    expect(
      wrapped.facts.some((f) => f.kind === 'section' && f.value === 'functional-limitations'),
    ).toBe(true);
    const cut = evaluation(['Pain rated 4/10, limiting', 'Plan', 'Walk daily.']);
    expect(cut.facts.some((f) => f.value === 'functional-limitations')).toBe(false);
  });

  it('capacity set against the job in a cell or against a named PDL, and a job not yet met, are read', () => {
    const [doc] = read(
      [
        'WORK CONDITIONING INITIAL EVALUATION 09/09/2026',
        'Testing',
        '  Carry 40 ft   20 lb   (job: 50 lb)',
        'Impression',
        'He does not yet meet the lifting and climbing requirements of his job.',
      ].join('\n'),
    );
    const sections = values(doc!, 'section');
    expect(sections).toContain('job-demands');
    expect(sections).toContain('functional-limitations');
    const [criteria] = read(
      [
        'OUTPATIENT PT EVALUATION 09/09/2026',
        'Assessment',
        'Does not meet criteria for surgery.',
      ].join('\n'),
    );
    expect(values(criteria!, 'section')).not.toContain('functional-limitations');
  });
});

describe('new patterns stay linear on long lines', () => {
  it('reads 20,000-character signature, subject and header lines quickly', () => {
    const long = 'Abcdefg '.repeat(2500);
    const started = Date.now();
    read(
      [
        'THERAPY VISIT NOTE',
        `Sign Information: ${long}, Jan`,
        `Signed: Roe ${'abcdefgh'.repeat(2500)} x`,
        `Subject: RE: ${'Ab - '.repeat(4000)}Roe, Jan`,
        `Service Date/Time: ${'1'.repeat(20000)}`,
        `Clock: ${'0800-'.repeat(4000)}`,
        `He does not meet ${'the '.repeat(5000)}requirements, limiting`,
        'community ambulation',
      ].join('\n'),
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
