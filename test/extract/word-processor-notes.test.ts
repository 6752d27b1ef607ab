/**
 * Styles first met when c67 (notes typed in a word processor and exported as plain text) was read
 * right, written here in other clinics' words: fields set off by dot leaders after a space,
 * headings underlined on the next line, a plan's title over its examination's subtitle and a long
 * band of identity fields, a physician's review block signed under the therapist's, goal rows with
 * leaders and the clinic's own status words, and an exit-testing table dated by its columns.
 * Cases that must not be read stand beside each.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readText, values } from './helpers';
import { pageLines } from '../../src-main/core/extract/lines';

const lineText = (text: string) => pageLines({ page: 1, text })[0]!.text;

describe('dot leaders set off from their label by a space', () => {
  it('read as the field they lead to, every offset kept', () => {
    const t = 'Client name ............. Maddox, Quentin';
    expect(lineText(t)).toBe('Client name:              Maddox, Quentin');
    expect(lineText(t)).toHaveLength(t.length);
    expect(lineText('Hot pack (97010) ....... 10 min')).toBe('Hot pack (97010):        10 min');
  });

  it('leave numbered goal rows, goal labels and a prose ellipsis as written', () => {
    for (const t of [
      '3. Squat to 90 deg x 10 (by 8/14/2026) ........ progressing',
      'LTG 2 Stand 45 min at counter .............. Met',
      'Goal 4 ......... partially met',
      'Knee feels better ... less stiff today',
      'Lift 30 lb from floor to bench, 10 reps ........ achieved',
    ])
      expect(lineText(t)).toBe(t);
  });
});

describe('a plan typed in a word processor', () => {
  const plan = [
    'LAKEVIEW ORTHOPEDIC REHABILITATION',
    '',
    'Plan of Care',
    '============',
    'Initial Evaluation - Physical Therapy',
    '-------------------------------------',
    '',
    'Client name ............. Maddox, Quentin',
    'Birth date .............. 04/19/1975',
    'Account ................. LOR-5531',
    'Plan .................... Keystone Select PPO',
    'Subscriber no. .......... KSP77102934',
    'Visit date .............. Monday, August 3, 2026',
    'Therapist ............... Ines Valcourt, PT, DPT',
    '',
    'Goals',
    '-----',
    '1. Ascend 12 stairs reciprocally with rail, no pain increase, by 9/11/2026.',
    '2. Walk 1 mile on level ground without antalgic gait by 9/11/2026.',
    '',
    'How We Will Get There',
    '---------------------',
    '- Strengthening and gait training, progressing to community walks.',
    'Services ................ therapeutic exercise (97110), gait training (97116)',
    'Frequency ............... 2 visits per week',
    'Duration ................ 6 weeks, through 9/11/2026',
    '',
    'Sign-off',
    '--------',
    'Signed by ............... Ines Valcourt, PT, DPT',
    'Signature ............... electronically signed',
    'Date / Time ............. Monday, August 3, 2026, 4:10 PM',
    '',
    'Physician Review of Treatment Plan',
    '----------------------------------',
    'I have reviewed the plan above and certify the services as medically necessary.',
    'Physician ............... Dorian Achterberg, MD',
    'Signature ............... electronically signed',
    'Date .................... Wednesday, August 5, 2026, 7:45 AM',
  ].join('\n');

  it('is the evaluation its subtitle names, dated by the visit date below six identity fields', () => {
    const [evaluation] = readText(plan);
    expect(evaluation?.type).toBe('evaluation');
    expect(evaluation?.title).toBe('Plan of Care');
    expect(values(evaluation, 'date-of-service')).toEqual(['2026-08-03']);
    expect(values(evaluation, 'patient-name')).toEqual(['Maddox, Quentin']);
  });

  it("signs the therapist's note with the date under the mark, and the physician's review apart", () => {
    const docs = readText(plan);
    expect(docs.map((d) => d.type)).toEqual(['evaluation', 'certification']);
    expect(values(docs[0], 'signer')).toEqual(['Ines Valcourt']);
    expect(values(docs[0], 'signed-date')).toEqual(['2026-08-03']);
    expect(values(docs[1], 'physician-signer')).toEqual(['Dorian Achterberg']);
    expect(values(docs[1], 'physician-signed-date')).toEqual(['2026-08-05']);
  });

  it('ends the goals at the next underlined heading, whatever its words', () => {
    const [evaluation] = readText(plan);
    expect(factsOf(evaluation, 'goal-long').map((f) => f.provenance.quote.slice(0, 12))).toEqual([
      'Ascend 12 st',
      'Walk 1 mile ',
    ]);
  });

  it('does not take a physician named in a field without a mark under it as a signature', () => {
    const unsigned = plan.replace(
      'Signature ............... electronically signed\nDate .................... Wednesday',
      'Phone ................... 555-0199\nDate .................... Wednesday',
    );
    const docs = readText(unsigned);
    expect(docs.flatMap((d) => values(d, 'physician-signer'))).toEqual([]);
  });
});

describe('a discharge typed in a word processor', () => {
  const discharge = [
    'Discharge Summary',
    '=================',
    '',
    'Client name ............. Maddox, Quentin',
    'Discharge date .......... 9/11/2026',
    '',
    'Why Care Ended',
    '--------------',
    'Client returned to all prior activities.',
    '',
    'Reason for Discharge',
    '--------------------',
    'Maximum benefit reached; independent with home program.',
    '',
    'Goals',
    '-----',
    '1. Ascend 12 stairs reciprocally ............ achieved',
    '2. Walk 1 mile without antalgic gait ........ not yet (0.6 mile)',
    '',
    'Final Testing',
    '-------------',
    'Task                     8/3 (entry)   9/11 (exit)   Job demand',
    'Carry 25 lb 50 ft        10 lb         25 lb         25 lb',
    '',
    'Signed by ............... Ines Valcourt, PT, DPT',
  ].join('\n');

  it('reads the reason under its underlined heading', () => {
    const [doc] = readText(discharge);
    expect(values(doc, 'discharge-reason')).toEqual([
      'Maximum benefit reached; independent with home program.',
    ]);
  });

  it("reads each goal row's status, the clinic's 'not yet' among them", () => {
    const [doc] = readText(discharge);
    expect(factsOf(doc, 'goal-assessment').map((f) => f.detail?.status)).toEqual([
      'met',
      'not-met',
    ]);
    // "not yet" in a sentence ("not yet reached", "not yet attempted") is no status on its own.
    const prose = discharge.replace('not yet (0.6 mile)', 'not yet attempted');
    expect(factsOf(readText(prose)[0], 'goal-assessment').map((f) => f.detail?.status)).toEqual([
      'met',
    ]);
  });

  it('sets exit testing against the job when a date column stands beside the job column', () => {
    const [doc] = readText(discharge);
    expect(factsOf(doc, 'section').some((f) => f.value === 'job-demands')).toBe(true);
    const noJob = discharge.replace('   Job demand', '   Comment');
    expect(factsOf(readText(noJob)[0], 'section').some((f) => f.value === 'job-demands')).toBe(
      false,
    );
  });
});

describe('a report whose title is dated far down its band', () => {
  it('keeps a heading dated by its table a section of the report', () => {
    const report = [
      'Progress Report',
      '',
      'Patient: Okoye, Benedict',
      'DOB: 01/22/1961',
      'MRN: 55120',
      'Insurance: Harbor Point HMO',
      'Member ID: HP99120',
      'Discipline: PT',
      'Report date: 10/14/2026',
      '',
      'Objective Reassessment',
      '',
      'Measure\tBaseline (9/16/2026)\tCurrent',
      'TUG\t15.1 s\t11.0 s',
      '',
      'Goals',
      '- LTG 1: TUG under 12 s (by 10/14/2026) Met',
      '- met 10/14/2026',
      '',
      'Signed: Ruth Abernathy, PT 10/14/2026',
    ].join('\n');
    const docs = readText(report);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.type).toBe('progress-report');
    expect(docs[0]?.date).toBe('2026-10-14');
  });
});
