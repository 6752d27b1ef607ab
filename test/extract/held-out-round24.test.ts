/**
 * Styles first met when c64 (narrative letters and a running visit log) was read right, written
 * here in other clinics' words: a log of one-paragraph visits each opening on its date and signed
 * off with a dash, a terse "seen N min:" visit itemised by service, letters that state their
 * history, assessment, plan, goals and discharge reason in prose, approvals that write counts in
 * words with the figure in brackets, and a letter's copy list. Cases that must not be read stand
 * beside each.
 */
import { describe, expect, it } from 'vitest';
import { factValues, factsOf, readText } from './helpers';
import type { ExtractedDocument } from '../../shared/model';
import { authorKind, isPlanDocument } from '../../src-main/core/review/lib/documents';

describe('a running log of one-paragraph visits', () => {
  const log = [
    'HARBORVIEW HAND & UPPER EXTREMITY THERAPY',
    'OUTPATIENT TREATMENT NOTES',
    'Patient: Rosalind Achebe   DOB 02/11/1969   Chart 7731',
    '',
    '3/02/2026 - Seen 40 min: ther ex 25 (putty, wrist curls 2 lb), manual 15 (carpal glides). Mild soreness afterward.',
    '   -- M. Ferreira, OTR/L, CHT  3/02/2026',
    '',
    '3/04/2026 - Seen 38 min: ther ex 23 (pinch board), manual 15 (scar massage). Hand pain 2/10.',
    '',
    '3/06/2026 - Seen 45 min: ther ex 30, manual 15. Tolerated well.',
    '   -- M. Ferreira, OTR/L, CHT  3/06/2026',
  ].join('\n');

  it('splits into one note per date, each dated and signed by its own sign-off', () => {
    const docs = readText(log);
    expect(docs.map((d) => factsOf(d, 'date-of-service').map((f) => f.value))).toEqual([
      ['2026-03-02'],
      ['2026-03-04'],
      ['2026-03-06'],
    ]);
    expect(docs.map((d) => d.type)).toEqual(['daily-note', 'daily-note', 'daily-note']);
    // The middle entry has no sign-off: it is its own unsigned note, not part of the next.
    expect(docs.map((d) => factsOf(d, 'signer').map((f) => f.value))).toEqual([
      ['M. Ferreira'],
      [],
      ['M. Ferreira'],
    ]);
    expect(factsOf(docs[0], 'patient-name').map((f) => f.value)).toEqual(['Achebe, Rosalind']);
  });

  it("reads each visit's minutes by service only where they add up to its total", () => {
    const [first, second] = readText(log);
    expect(factsOf(first, 'total-minutes').map((f) => f.value)).toEqual(['40']);
    expect(
      factsOf(first, 'service-minutes').map((f) => [f.detail?.code, f.detail?.minutes]),
    ).toEqual([
      ['97110', 25],
      ['97140', 15],
    ]);
    // 23 + 15 is 38: read. A list that does not add up ("45 min: ther ex 30, manual 10") is not.
    expect(factsOf(second, 'service-minutes')).toHaveLength(2);
    const off = 'TREATMENT NOTE\nDate: 3/09/2026\nSeen 45 min: ther ex 30, manual 10. Tol well.\n';
    expect(factValues(off, 'service-minutes')).toEqual([]);
  });

  it("takes the session's after-effects and a rating after its account as the response", () => {
    const [first, second] = readText(log);
    expect(factsOf(first, 'section').map((f) => f.value)).toContain('patient-response');
    expect(factsOf(second, 'section').map((f) => f.value)).toContain('patient-response');
    // Pain the patient reports before the session, or pain after an activity of daily life, is
    // no response to the treatment.
    const before = [
      'TREATMENT NOTE',
      'Date: 3/09/2026',
      'Subjective: Came in sore. Pain 5/10 this morning.',
      'Ther ex 30 min: putty, pinch board.',
    ].join('\n');
    expect(factValues(before, 'section')).not.toContain('patient-response');
    const history = 'EVALUATION\nDate: 3/01/2026\nHand pain after typing for an hour.\n';
    expect(factValues(history, 'section')).not.toContain('patient-response');
  });

  it('starts no entry at a dated line inside an unsigned note', () => {
    const note = [
      'DAILY TREATMENT NOTE',
      'Patient: Rosalind Achebe',
      '3/02/2026 - Seen 40 min for ther ex.',
      '3/01/2026 - fell at home, no injury (per pt).',
      'M. Ferreira, OTR/L 3/02/2026',
    ].join('\n');
    expect(readText(note)).toHaveLength(1);
  });
});

describe('a letter that states its elements in prose', () => {
  const letter = [
    'LAKESIDE SPINE & SPORT PHYSICAL THERAPY',
    '',
    'March 3, 2026',
    '',
    'Re: Owen Castellanos   DOB 08/30/1975',
    '    Physical therapy evaluation, date of service 03/03/2026',
    '',
    'Dear Dr. Whitlock:',
    '',
    'Mr. Castellanos injured his neck in a rear-end collision on 01/14/2026. His past medical',
    'history is significant only for hypertension. In my clinical opinion he will benefit from',
    'skilled care, and his prognosis is fairly good.',
    '',
    'I recommend physical therapy twice a week for six weeks: therapeutic exercise and manual',
    'therapy. Our short-term goals are to (1) rotate the neck 60 degrees to each side by',
    '03/24/2026, (2) sit at his desk for 2 hours without symptoms by 03/24/2026, and (3) sleep',
    'through the night by 03/24/2026.',
    '',
    'Sincerely,',
    'Priya Raman, PT, DPT',
    '',
    'cc: Gail Hostetler, Claims, Evergreen Auto Insurance',
  ].join('\n');

  it('reads history, assessment and plan from sentences, not headings', () => {
    const sections = factValues(letter, 'section');
    expect(sections).toEqual(expect.arrayContaining(['history', 'assessment', 'plan']));
    // The copy list is no chief complaint.
    expect(sections).not.toContain('subjective');
  });

  it('reads the numbered goals in the sentence, each with its time frame', () => {
    const [doc] = readText(letter);
    const goals = factsOf(doc, 'goal-short');
    expect(goals.map((g) => g.value)).toEqual([
      'rotate the neck 60 degrees to each side by 03/24/2026',
      'sit at his desk for 2 hours without symptoms by 03/24/2026',
      'sleep through the night by 03/24/2026',
    ]);
    expect(goals.every((g) => g.detail?.timeFrame === 'by 03/24/2026')).toBe(true);
  });

  it('takes no goals from numbered items that do not follow the goals', () => {
    const text = [
      'PROGRESS REPORT',
      'Date: 04/01/2026',
      'Since the evaluation he has (1) returned to work and (2) resumed driving.',
    ].join('\n');
    expect(factValues(text, 'goal-long')).toEqual([]);
    expect(factValues(text, 'goal-short')).toEqual([]);
  });

  it('reads a discharge reason given with "discharging ... as" and across a line break', () => {
    const discharge = [
      'DISCHARGE SUMMARY',
      'Date: 04/15/2026',
      'She finished her last visit today and we are discharging her from therapy, as she',
      'has met her goals.',
    ].join('\n');
    expect(factValues(discharge, 'discharge-reason')).toEqual([
      'discharging her from therapy, as she has met her goals',
    ]);
    // "since" dates a period; it gives no reason.
    const since =
      'DISCHARGE SUMMARY\nDate: 04/15/2026\nDischarged (seen 6 times since the progress report).\n';
    expect(factValues(since, 'discharge-reason')).toEqual([]);
  });
});

describe('an approval that writes its counts in words', () => {
  it('reads the bracketed figure and quotes it with its bracket', () => {
    const letter = [
      'SUMMIT CLAIMS SERVICES',
      'AUTHORIZATION OF TREATMENT',
      'Date: 05/02/2026',
      'Approved: initial evaluation (97163), one (1) visit; work hardening (97545/97546), twelve',
      '(12) sessions, not to exceed forty-eight (48) hours, 05/04/2026 through 06/12/2026.',
    ].join('\n');
    const [doc] = readText(letter);
    expect(factsOf(doc, 'auth-visits').map((f) => [f.value, f.provenance.quote])).toEqual([
      ['12', '(12) sessions'],
    ]);
    expect(factsOf(doc, 'auth-hours').map((f) => f.value)).toEqual(['48']);
  });

  it("counts an approval of evaluation and treatment as the visits, not the evaluation's", () => {
    const letter = [
      'UTILIZATION REVIEW DETERMINATION',
      'Date: 05/02/2026',
      'Certified: occupational therapy evaluation and treatment, ten (10) visits.',
    ].join('\n');
    expect(factValues(letter, 'auth-visits')).toEqual(['10']);
  });
});

describe("a log header's role fields", () => {
  it('name the people the entries later call by name alone', () => {
    const log = [
      'CASE CONTACT LOG',
      'Patient: Owen Castellanos   Claim 44-2210',
      'Employer: Greenfield Bottling Co., Dana Whitcombe, HR Generalist',
      '',
      '04/02/2026 10:15  Called Dana Whitcombe re modified duty; light duty available. - P. Raman, PT',
    ].join('\n');
    const [doc] = readText(log);
    const dated = factsOf(doc, 'communication').filter((f) => f.detail?.date === '2026-04-02');
    expect(dated.map((f) => f.detail?.parties)).toEqual([['employer']]);
  });
});

describe('durations in hours', () => {
  it('reads decimal hours as minutes, in the one duration parser', () => {
    const note = 'WORK CONDITIONING DAILY NOTE\nDate: 05/04/2026\nTotal treatment time: 2.5 hrs\n';
    expect(factValues(note, 'total-minutes')).toEqual(['150']);
  });
});

describe("a multi-discipline EMR's printed visit records", () => {
  const record = [
    'NORTHSHORE CHIROPRACTIC & REHAB - 88 Lake St, Sheboygan WI 53081 - Ph (920) 555-0100',
    'VISIT RECORD - WORK HARDENING',
    'Patient: Quill, Amos | Acct: 5521 | Claim: WH-7781',
    // A PDF's text layer joins the form's fields with single spaces.
    'DOB: Feb-02-1979 Visit Date: Jun-08-2026 Program Day 4',
    'Start 8:00a  End 10:40a',
    'Findings on Exam',
    'Tote lift 30 lb x 3x10; ladder climb 8 ft x 6; push cart 120 lb x 4 laps.',
    'Total program time today: 160 min',
    'Clinical Impression',
    'Tolerated full session; no increase in symptoms.',
    'Electronically signed: Rhea Lindgren, PT, DPT  Jun-08-2026 11:05a',
  ].join('\n');

  it('dates it by its visit field, not the birth date beside it', () => {
    const [doc] = readText(record);
    expect(doc!.type).toBe('daily-note');
    expect(factsOf(doc, 'date-of-service').map((f) => f.value)).toEqual(['2026-06-08']);
    expect(factsOf(doc, 'dob').map((f) => f.value)).toEqual(['1979-02-02']);
    expect(factsOf(doc, 'letterhead-state').map((f) => f.value)).toEqual(['WI']);
  });

  it("reads its stated total, and the activities under the exam's findings", () => {
    const [doc] = readText(record);
    expect(factsOf(doc, 'total-minutes').map((f) => f.value)).toEqual(['160']);
    expect(factsOf(doc, 'intervention').some((f) => f.detail?.measurable)).toBe(true);
  });

  it('types an initial exam record as the evaluation, but not a note of the evaluation visit', () => {
    expect(
      readText('VISIT RECORD - INITIAL EXAM (PHYSICAL THERAPY)\nDate: 06/01/2026\n')[0]!.type,
    ).toBe('evaluation');
    expect(
      readText('DAILY TREATMENT NOTE - INITIAL EVALUATION VISIT\nDate: 06/01/2026\n')[0]!.type,
    ).toBe('daily-note');
    expect(readText('CASE CLOSURE REPORT - PT\nDate: 06/30/2026\n')[0]!.type).toBe(
      'discharge-summary',
    );
  });

  it('reads "Reason for closure:" as the discharge reason', () => {
    const closure = 'CASE CLOSURE REPORT\nDate: 06/30/2026\nReason for closure: all goals met.\n';
    expect(factValues(closure, 'discharge-reason')).toEqual(['all goals met.']);
  });

  it("signs a physician's order with the specialty and NPI after the name, and 'Signed' with its date", () => {
    const order = [
      'THERAPY REFERRAL',
      'Date: 05/28/2026',
      'Order: work hardening, 3x/week x 4 weeks.',
      '/s/ Imani Castell, DO Physical Medicine NPI 1928374650 Signed May-28-2026',
    ].join('\n');
    const [doc] = readText(order);
    expect(factsOf(doc, 'physician-signer').map((f) => f.value)).toEqual(['Imani Castell']);
    expect(factsOf(doc, 'physician-signed-date').map((f) => f.value)).toEqual(['2026-05-28']);
  });
});

describe("a program's re-exam", () => {
  const asEpisodeDoc = (doc: ExtractedDocument) => ({ ...doc, id: 1, file: 'note.txt' });

  it('continues the plan when it reports on its goals, and sets one when it writes new goals', () => {
    const reexam = [
      'RE-EXAMINATION - WORK HARDENING',
      'Date: 06/15/2026',
      'Goals',
      'Goal #1 Lift 50 lb floor-waist by 07/01/2026 ... Status: Progressing (35 lb)',
      'Goal #2 Carry 40 lb x 50 ft by 07/01/2026 ... Status: Met',
      'Plan: continue 3x/week for 2 weeks.',
    ].join('\n');
    const [reported] = readText(reexam);
    expect(reported!.type).toBe('re-evaluation');
    expect(isPlanDocument(asEpisodeDoc(reported!))).toBe(false);
    const revised = [
      'RE-EXAMINATION - WORK HARDENING',
      'Date: 06/15/2026',
      'Revised goals',
      'Goal #1 Lift 60 lb floor-waist by 07/15/2026',
      'Goal #2 Carry 50 lb x 50 ft by 07/15/2026',
      'Plan: continue 3x/week for 4 weeks.',
    ].join('\n');
    const [set] = readText(revised);
    expect(isPlanDocument(asEpisodeDoc(set!))).toBe(true);
  });
});

describe("a tablet EMR's house-call forms", () => {
  // Field names in capitals, each over its value; year-first dates; signed on the device.
  const visit = [
    'Lakeview Home Therapy, LLC',
    'ADL TREATMENT VISIT',
    'CLIENT',
    'Okonkwo, Bernard T',
    'BIRTH DATE',
    '1941/11/03',
    'VISIT DATE',
    '2026/08/11',
    'MINUTES TREATED',
    '48',
    'INTERVENTIONS',
    '97535 Self-care training - 48 min',
    '   Tub transfer with bench x4; grooming at sink 10 min standing.',
    'PROVIDER',
    'Joss Kimura, COTA/L',
    'SUPERVISING OTR',
    'Amara Fennick, OTR/L',
    'SIGNATURE',
    'Signed on tablet by Joss Kimura, COTA/L  2026/08/11 15:02',
    'Co-signed on tablet by Amara Fennick, OTR/L  2026/08/12 08:40',
  ].join('\n');

  it('reads the capitals fields, year-first dates and the signature made on the device', () => {
    const [doc] = readText(visit);
    expect(doc!.type).toBe('daily-note');
    expect(factsOf(doc, 'patient-name').map((f) => f.value)).toEqual(['Okonkwo, Bernard T']);
    expect(factsOf(doc, 'dob').map((f) => f.value)).toEqual(['1941-11-03']);
    expect(factsOf(doc, 'date-of-service').map((f) => f.value)).toEqual(['2026-08-11']);
    expect(factsOf(doc, 'signer').map((f) => f.value)).toContain('Joss Kimura');
    // "SUPERVISING OTR" names a field, not a signer.
    expect(factsOf(doc, 'signer').map((f) => f.value)).not.toContain('SUPERVISING');
  });

  it('keeps the assistant the author of a visit the supervisor only co-signed', () => {
    const [doc] = readText(visit);
    const cosigned = factsOf(doc, 'signer').filter((f) => f.detail?.cosigner);
    expect(cosigned.map((f) => f.value)).toContain('Amara Fennick');
    expect(authorKind({ ...doc!, id: 1, file: 'note.txt' })).toBe('assistant');
  });

  it('takes a faxed form\'s transcribed "[signed]" as a signature whose name is not read', () => {
    const cert = [
      'PLAN OF TREATMENT - PHYSICIAN CERTIFICATION',
      'Certification period: 2026/08/04 through 2026/09/29',
      'Physician: Lorenzo Haddad, MD',
      'Physician Signature: [signed]      Date: 8/9/26',
    ].join('\n');
    const [doc] = readText(cert);
    expect(doc!.type).toBe('certification');
    expect(factsOf(doc, 'signature-illegible').map((f) => f.value)).toEqual(['[signed]']);
    expect(factsOf(doc, 'signature-blank')).toEqual([]);
    // A blank line after the label is still no signature.
    expect(
      factValues(
        'PHYSICIAN ORDER\nDate: 08/01/2026\nSignature: ________  Date: ____\n',
        'signature-blank',
      ),
    ).toEqual(['blank']);
  });

  it('reads "Signature: electronically signed" under the signer as no empty field', () => {
    const tail = [
      'TREATMENT ENCOUNTER',
      'Date of Service: 08/11/2026',
      'Ther ex 30 min.',
      'Signed by: Imani Forsythe, PT, DPT',
      'Signature: electronically signed',
      'Date / Time: 08/11/2026 1:30 PM',
    ].join('\n');
    const [doc] = readText(tail);
    expect(factsOf(doc, 'signature-blank')).toEqual([]);
    expect(factsOf(doc, 'signed-date').map((f) => f.value)).toEqual(['2026-08-11']);
  });
});

describe('titles as word processors and tablets print them', () => {
  it('types a plan titled over its examination as the evaluation that carries it', () => {
    const plan = [
      'Rehabilitation Plan',
      '===================',
      'Initial Occupational Therapy Examination',
      '-----------------------------------------',
      'Date of Service: 09/01/2026',
      'Frequency: 2x/week for 6 weeks',
    ].join('\n');
    expect(readText(plan)[0]!.type).toBe('evaluation');
    // A plan with no examination under it stays a plan.
    expect(readText('Rehabilitation Plan\n===\nDate: 09/01/2026\n')[0]!.type).toBe('plan-of-care');
  });

  it('knows a house-call treatment visit and a summary at discharge', () => {
    expect(readText('SPEECH THERAPY HOME VISIT\nDate: 09/03/2026\n')[0]!.type).toBe('daily-note');
    expect(readText('Summary at Discharge\nDate: 10/15/2026\n')[0]!.type).toBe('discharge-summary');
  });
});

describe("a work program's team conference", () => {
  const header = [
    'INTERDISCIPLINARY TEAM CONFERENCE - WEEK 2',
    'Client: ABERNATHY, COLE        Acct: WH-311',
  ];
  it('is the progress report when it reports a period goal by goal', () => {
    const report = [
      ...header,
      'Meeting date: 05/15/2026\tPeriod covered: 05/11/2026 - 05/15/2026',
      'Goal\tStart\tNow\tTarget\tStatus',
      '1. Crate lift (lb)\t20\t35\t50\tprogressing',
      '2. Ladder climbs\t2\t6\t10\tprogressing',
      'Plan: continue 5x/week.',
    ].join('\n');
    expect(readText(report)[0]!.type).toBe('progress-report');
  });

  it('stays correspondence when it records a meeting', () => {
    const meeting = [
      ...header,
      'Meeting date: 05/15/2026',
      'Attendees: PT, case manager, employer HR.',
      'Discussed modified duty options; employer can hold the position until 06/30.',
    ].join('\n');
    expect(readText(meeting)[0]!.type).toBe('communication');
  });
});
