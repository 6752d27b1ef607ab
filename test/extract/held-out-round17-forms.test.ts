/**
 * Readings first needed on the seventeenth held-out round: forms that record function as a field
 * per activity, a signature marked "(electronic)", a stamp's 24-hour time without a colon on the
 * line under the signer, problem-oriented notes that tag each "O:" entry with its procedure code,
 * and a findings heading qualified by the point of care ("Objective on discharge"). Each case is
 * written here in other words than the chart's, with a case beside it that must not be read.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../shared/model';
import { readText, values } from './helpers';

const sections = (doc: ExtractedDocument) => values(doc, 'section');

describe('functional status recorded as a field per activity', () => {
  const evaluation = (rows: string[]) =>
    readText(
      [
        'OUTPATIENT PT INITIAL EXAMINATION',
        'Date of Service: 02/09/2026',
        'Examination Findings',
        ...rows,
        'Assessment: gains expected with skilled care.',
        'Signed: Nadia Ferreira, PT, DPT 02/09/2026',
      ].join('\n'),
    )[0]!;

  it('reads "Transfers:" or "Sitting tolerance:" beside other fields as functional status', () => {
    const doc = evaluation(['Grip L: 40 lb     Transfers: min A sit<>stand from low surfaces']);
    expect(sections(doc)).toContain('functional-limitations');
    const alone = evaluation(['- Sitting tolerance: 20 min before LBP increases']);
    expect(sections(alone)).toContain('functional-limitations');
  });

  it('a billed row naming the activity is a service, not a status', () => {
    const doc = evaluation([
      'Hamstring MMT: 4/5',
      '97530   GP   Transfers: sit<>stand x10 from 18 in. surface   15 min',
      'Bed mobility: 97530 x 1 unit',
    ]);
    expect(sections(doc)).not.toContain('functional-limitations');
  });

  it('reads "... which limit household ambulation" in prose, not advice to limit an activity', () => {
    const said = evaluation(['Weakness and poor balance which limit household ambulation.']);
    expect(sections(said)).toContain('functional-limitations');
    const advice = evaluation(['Advised to limit walking to 10 minutes until reviewed.']);
    expect(sections(advice)).not.toContain('functional-limitations');
  });
});

describe('signatures', () => {
  it('a "(electronic)" remark after a physician signature marks it, not the name', () => {
    const [doc] = readText(
      [
        'PRESCRIPTION FOR OCCUPATIONAL THERAPY',
        'Patient: Okonkwo, Adaeze   DOB: 07/11/1961',
        'Evaluate and treat, 2x/week for 4 weeks',
        'Physician Signature: Anil R. Mehta, DO (electronic)     Date: 03/02/2026',
      ].join('\n'),
    );
    expect(values(doc!, 'physician-signer')).toEqual(['Anil R. Mehta']);
    expect(values(doc!, 'physician-signed-date')).toEqual(['2026-03-02']);
  });

  it('a remark that the signature is still awaited signs nothing', () => {
    const [doc] = readText(
      [
        'PRESCRIPTION FOR OCCUPATIONAL THERAPY',
        'Patient: Okonkwo, Adaeze   DOB: 07/11/1961',
        'Physician Signature: (electronic signature pending)',
      ].join('\n'),
    );
    expect(values(doc!, 'physician-signer')).toEqual([]);
  });

  it('reads a wrapped date stamped with a 24-hour time without a colon', () => {
    const note = (last: string) =>
      readText(
        [
          'PHYSICAL THERAPY DAILY NOTE',
          'Date of Service: 03/14/2026',
          'Therapeutic exercise 97110 x 2 units: leg press 3x10 @ 40 lb',
          'Electronically signed by Marta Ruiz, PT, DPT  Lic PT-55120',
          last,
        ].join('\n'),
      )[0]!;
    expect(values(note('03/14/2026 0915'), 'signed-date')).toEqual(['2026-03-14']);
    // A date with more after it is something else (the next visit), not when the note was signed.
    expect(values(note('03/17/2026 next visit, continue POC'), 'signed-date')).toEqual([]);
    // Four digits that are no time of day are not a stamp.
    expect(values(note('03/14/2026 2575'), 'signed-date')).toEqual([]);
  });
});

describe('problem-oriented entries tagged with their procedure code', () => {
  const note = (lines: string[]) =>
    readText(
      [
        'SPEECH THERAPY VISIT',
        'Visit date: 10/05/2026',
        'Problem 1: Aphasia',
        ...lines,
        'Assessment: progressing toward naming goal.',
        'Signed: Lorna Quist, MS, CCC-SLP 10/05/2026',
      ].join('\n'),
    )[0]!;

  it('an "O:" entry tagged "(92507 - 30 min)" is the treatment, wrapped or not', () => {
    const doc = note(['O: Confrontation naming 14/20 with phonemic cues (92507 - 30 min)']);
    expect(values(doc, 'intervention').join(' ')).toContain('Confrontation naming');
    const wrapped = note([
      'O: Confrontation naming of household items, phonemic cues (92507,',
      '30 min)',
    ]);
    expect(values(wrapped, 'intervention').length).toBeGreaterThan(0);
  });

  it('a diagnosis code in brackets tags no service', () => {
    const doc = note(['O: Pain 3/10 at rest (M54.50)']);
    expect(values(doc, 'intervention')).toEqual([]);
  });
});

describe('findings headed by the point of care', () => {
  const summary = (heading: string) =>
    readText(
      [
        'OCCUPATIONAL THERAPY DISCHARGE REPORT',
        'Date: 09/30/2026',
        heading,
        'Jebsen-Taylor 41 sec; Nine-hole peg 28 sec',
        'Signed: Ines Amaral, OTR/L 09/30/2026',
      ].join('\n'),
    )[0]!;

  it('"Objective on Discharge:" heads the objective findings', () => {
    expect(sections(summary('Objective on Discharge:'))).toContain('objective');
  });

  it("a goal's status under the findings is no treatment; an activity measured there is", () => {
    const [doc] = readText(
      [
        'OCCUPATIONAL THERAPY DISCHARGE REPORT',
        'Date: 09/30/2026',
        'Objective on Discharge:',
        'LTG 2 Carry 10 lb laundry basket 30 ft ..... MET',
        'Floor-to-waist lift 10 lb x 5 reps, safe mechanics',
        'Signed: Ines Amaral, OTR/L 09/30/2026',
      ].join('\n'),
    );
    expect(values(doc!, 'intervention')).toEqual([
      'Floor-to-waist lift 10 lb x 5 reps, safe mechanics',
    ]);
  });

  it('another section qualified the same way is not read as findings', () => {
    expect(sections(summary('Assessment at discharge: goals met'))).not.toContain('objective');
  });
});
