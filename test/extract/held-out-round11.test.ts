/**
 * Styles first met on the eleventh held-out round: a contact log whose entries name where a
 * document came from ("records from the employer's file") beside whom it came through, and
 * approval tables that give each service its own start and end columns. Each case is written
 * here in its own words (other vendors' layouts, not the corpus's), with a negative case beside
 * it where a reading could go too far.
 */
import { describe, expect, it } from 'vitest';
import { readText, values } from './helpers';

const read = readText;

describe('a contact log entry that names where a document came from', () => {
  const log = (entry: string) =>
    [
      'CLAIM CONTACT RECORD',
      'Claimant: Dorsey, Jamal    DOB: 02/14/1980',
      'Date\tMode\tContact\tNote',
      entry,
    ].join('\n');

  it('a document from the employer’s file, faxed by the adjuster, reached the adjuster only', () => {
    const [doc] = read(
      log("10/05/2026\tFax received\tCase adjuster\tEmployer's job description attached, 3 pages"),
    );
    expect(values(doc!, 'communication-party')).toEqual(['adjuster']);
  });

  it('a fax from the employer itself reached the employer', () => {
    const [doc] = read(
      log('10/05/2026\tFax received\tEmployer (HR dept)\tModified duty offer, 2 pages'),
    );
    expect(values(doc!, 'communication-party')).toEqual(['employer']);
  });
});

describe('an approval table with start and end columns', () => {
  const approval = (evaluationRow: string) =>
    [
      'PRIOR AUTHORIZATION NOTICE',
      'Notice date: 11/02/2026',
      'Member: Abernathy, Cole    DOB: 07/19/1972',
      'Authorization # PA-7731902',
      'Procedure\tDescription\tUnits\tEffective\tExpires',
      evaluationRow,
      '97545\tWork hardening, initial 2 hours\t12\t11/09/2026\t12/18/2026',
      '97546\tWork hardening, each additional hour\t24\t11/09/2026\t12/18/2026',
    ].join('\n');

  it('the program rows give the approved period; the evaluation’s own window is not it', () => {
    const [doc] = read(
      approval('97163\tPT evaluation, high complexity\t1\t11/02/2026\t11/13/2026'),
    );
    expect(doc!.type).toBe('authorization');
    expect(values(doc!, 'auth-start')[0]).toBe('2026-11-09');
    expect(values(doc!, 'auth-end')[0]).toBe('2026-12-18');
  });

  it('a row whose end comes before its start gives no period', () => {
    const [doc] = read(
      [
        'PRIOR AUTHORIZATION NOTICE',
        'Notice date: 11/02/2026',
        'Authorization # PA-7731902',
        'Procedure\tUnits\tEffective\tExpires',
        '97545\t12\t12/18/2026\t11/09/2026',
      ].join('\n'),
    );
    expect(values(doc!, 'auth-start')).toEqual([]);
    expect(values(doc!, 'auth-end')).toEqual([]);
  });
});

/** A week of visits printed as one report, each visit its own block signed by initials. */
const weeklyLog = (secondSignature: string) =>
  [
    'PT VISIT LOG - WEEKLY',
    'Patient: Marchetti, Ilse    MRN 7781204    DOB 01/30/1951',
    '',
    'Visit Date 11/03/2026   Visit 4   Therapist: AMK',
    '  Code    Service / detail                                Min   Units',
    '  97110   Ther ex: step-ups 6 in 3x10, bridges 2x15         25     2',
    '  97116   Gait training: 150 ft x3 with cane, cues          15     1',
    '  Timed-code min: 40',
    '  Documented and e-signed by: AMK 11/03/2026 4:12 PM',
    '  LATE ENTRY - patient called after the visit about knee swelling; advised ice.',
    '',
    'Visit Date 11/05/2026   Visit 5   Therapist: RDL',
    '  Code    Service / detail                                Min   Units',
    '  97110   Ther ex: sit-to-stand 3x10, heel raises 3x15      23     2',
    '  Timed-code min: 23',
    secondSignature,
  ].join('\n');

describe('a weekly visit log: one note per visit date', () => {
  it('splits at each undelimited visit date once the visit above is signed, late entry kept with it', () => {
    const docs = read(weeklyLog('  Documented and e-signed by: RDL 11/05/2026 3:50 PM'));
    expect(docs.map((d) => [d.type, d.date])).toEqual([
      ['daily-note', '2026-11-03'],
      ['daily-note', '2026-11-05'],
    ]);
    expect(values(docs[0]!, 'signer')).toEqual(['AMK']);
    expect(values(docs[0]!, 'timed-minutes')).toEqual(['40']);
    expect(values(docs[0]!, 'amendment')).toEqual(['late-entry']);
    expect(values(docs[0]!, 'intervention')).toHaveLength(2);
    expect(values(docs[1]!, 'signer')).toEqual(['RDL']);
    expect(values(docs[1]!, 'timed-minutes')).toEqual(['23']);
  });

  it('a log whose visits are not signed stays one document', () => {
    const text = weeklyLog('  (pending signature)').replace(
      '  Documented and e-signed by: AMK 11/03/2026 4:12 PM',
      '  (pending signature)',
    );
    expect(read(text)).toHaveLength(1);
  });

  it('a signed visit followed by other text (not a late entry) is not ended by its signature', () => {
    const text = weeklyLog('  Documented and e-signed by: RDL 11/05/2026 3:50 PM').replace(
      '  LATE ENTRY - patient called after the visit about knee swelling; advised ice.',
      '  Home program reviewed with daughter by phone.',
    );
    expect(read(text)).toHaveLength(1);
  });

  it('"e-signed" inside a sentence without its colon signs nothing', () => {
    const [doc] = read(
      [
        'DAILY NOTE',
        'Date: 11/03/2026',
        '97110 ther ex 30 min',
        'Pt e-signed the consent form at check-in.',
      ].join('\n'),
    );
    expect(values(doc!, 'signer')).toEqual([]);
  });
});

describe('a treatment grid outside any treatment heading', () => {
  const visit = (header: string) =>
    [
      'VISIT RECORD',
      'Date: 11/03/2026',
      header,
      '97530   Functional reach to overhead cabinet     20     2',
      '97535   Kitchen task: retrieve pot from low shelf    15     1',
      '',
      'Signed: Ada Brenner, OTR/L 11/03/2026',
    ].join('\n');

  it('each row under a header with a treatment and a minutes column is an intervention', () => {
    const [doc] = read(visit('Code    Procedure                                Minutes   Units'));
    expect(values(doc!, 'intervention')).toHaveLength(2);
  });

  it('a billing table (no minutes column) lists no interventions', () => {
    const [doc] = read(visit('Code    Procedure                                Charge    Units'));
    expect(values(doc!, 'intervention')).toEqual([]);
  });
});

describe('a clinic signature log', () => {
  const log = (rows: string[]) =>
    [
      'THERAPY DEPARTMENT SIGNATURE LOG',
      'Valid 2026. Initials on visit logs are the clinician’s electronic signature.',
      'Init    Full name                 Credential   NPI',
      ...rows,
      'Maintained by: Ruth Ames, PT, Rehab Manager   Signature: Ruth Ames, PT   Date: 01/02/2026',
    ].join('\n');

  it('maps each set of initials to the full name and credentials', () => {
    const [doc] = read(
      log([
        'AMK     Anna M. Kowalski          PT, DPT      1234567893',
        'RDL     Rafael D. Lima            PTA          1234567901',
      ]),
    );
    const entries = doc!.facts.filter((f) => f.kind === 'signature-log-entry');
    expect(entries.map((f) => [f.value, f.detail?.name, f.detail?.credentials])).toEqual([
      ['AMK', 'Anna M. Kowalski', 'PT, DPT'],
      ['RDL', 'Rafael D. Lima', 'PTA'],
    ]);
  });

  it('a row without credentials maps nothing', () => {
    const [doc] = read(log(['AMK     Anna M. Kowalski          (see HR file)   1234567893']));
    expect(values(doc!, 'signature-log-entry')).toEqual([]);
  });
});

describe('document titles and section headings of a faxed recertification', () => {
  const fax = (title: string) =>
    [
      title,
      'Patient: Sandoval, Pia    DOB 04/12/1948',
      'Period: 11/01/2026 through 12/15/2026',
      'Goals: stairs 12 steps reciprocal; gait 500 ft',
      '  Berg >= 50 (progress report of 10/30/2026 attached)',
      'Physician signature: Omar Haddad MD   Date: 11/02/2026',
    ].join('\n');

  it('"RECERTIFICATION OF PLAN OF CARE" is a certification; a remark in brackets names no document', () => {
    const [doc] = read(fax('RECERTIFICATION OF PLAN OF CARE'));
    expect(doc!.type).toBe('certification');
    expect(doc!.title).toBe('RECERTIFICATION OF PLAN OF CARE');
  });

  it('a line that names a document only in brackets does not title the document', () => {
    const docs = read(fax('ORTHOPAEDIC ASSOCIATES - FAXED DOCUMENT'));
    expect(docs.map((d) => d.type)).toEqual(['other']);
  });

  it('"REVISED PLAN / RECERTIFICATION" heads the plan', () => {
    const [doc] = read(
      [
        'PROGRESS REPORT',
        'Date: 10/30/2026',
        'REVISED PLAN / RECERTIFICATION',
        '  Continue 2x/week x 4 weeks.',
      ].join('\n'),
    );
    expect(values(doc!, 'section')).toContain('plan');
  });

  it('"REVISED PLAN / SOMETHING ELSE": a part that names neither a section nor a document makes no heading', () => {
    const [doc] = read(
      ['PROGRESS REPORT', 'Date: 10/30/2026', 'REVISED PLAN / SOMETHING ELSE', 'text'].join('\n'),
    );
    expect(values(doc!, 'section')).not.toContain('plan');
  });
});

describe('a signature label in a later column of the line', () => {
  const order = (tail: string) =>
    [
      'PHYSICIAN ORDER',
      'Date: 10/02/2026    Patient: Quill, Amos   DOB 03/03/1953',
      'OT evaluate and treat, 2x/wk x 6 wks.',
      `Dana Holt, MD   NPI 1234567893   ${tail}`,
    ].join('\n');

  it('signs the order with the name after it', () => {
    const [doc] = read(order('Signature: Dana Holt MD   Date: 10/02/2026'));
    expect(values(doc!, 'physician-signer')).toEqual(['Dana Holt']);
  });

  it('a signature field after another field of a form row is someone else’s entry', () => {
    const [doc] = read(
      order('Signature: Dana Holt MD   Date: 10/02/2026').replace(
        'Dana Holt, MD   NPI',
        'Reviewer name:   NPI',
      ),
    );
    expect(values(doc!, 'physician-signer')).toEqual([]);
  });

  it('a blank signature in that column signs nothing', () => {
    const [doc] = read(order('Signature: ____________   Date: ______'));
    expect(values(doc!, 'physician-signer')).toEqual([]);
  });
});
