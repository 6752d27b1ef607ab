/**
 * Styles first met on the seventeenth held-out round: a flowsheet whose columns are the visit
 * dates (one sheet a week, each day's column its note), signatures with a specialty or a
 * qualifier beside them, an authorization's number with no "#", and functional limitations
 * stated on the assessment heading's own line. Each case is written here in its own words, with
 * negative cases where a reading could go too far.
 */
import { describe, expect, it } from 'vitest';
import { dateNear, monthDayCell } from '../../src-main/core/parse/dates';
import { factValues, readPages, readText, values } from './helpers';

describe('a yearless day heading a column', () => {
  it('reads a month and day with or without its weekday', () => {
    expect(monthDayCell('09/14')).toMatchObject({ month: 9, day: 14 });
    expect(monthDayCell('Tue 3/3')).toMatchObject({ month: 3, day: 3 });
    expect(monthDayCell('Sep 14')).toMatchObject({ month: 9, day: 14 });
    expect(monthDayCell('14-Sep (Mon)')).toMatchObject({ month: 9, day: 14 });
    expect(monthDayCell('09/14/2026')).toBeNull();
    expect(monthDayCell('3/10 pain')).toBeNull();
    expect(monthDayCell('13/40')).toBeNull();
  });

  it('takes the year that puts the day nearest a full date of the same sheet', () => {
    const md = monthDayCell('12/30')!;
    expect(dateNear(md, ['2027-01-04'])).toBe('2026-12-30');
    expect(dateNear(md, ['2026-12-28'])).toBe('2026-12-30');
    expect(dateNear(md, ['2026-06-01'])).toBeNull();
  });
});

describe('a flowsheet with one column per visit date', () => {
  // A hand clinic's text export: columns aligned with spaces, month names, a "-" for not done.
  const sheet = [
    'HAND THERAPY TREATMENT FLOW SHEET',
    'Patient: OYELARAN, BEATRICE     MRN 7730215     Period: 09/14/2026 - 09/18/2026',
    '',
    'Visit date            Sep 14      Sep 16      Sep 18',
    'EXERCISE / MODALITIES',
    'Paraffin (min)        8           8           -',
    'Tendon glides         3x10        3x10        3x15',
    'Putty pinch           red 3x10    red 3x12    green 3x10',
    'Ther ex 97110 (min)   23          30          25',
    'Ther act 97530 (min)  0           15          15',
    'Total timed min       23          45          40',
    'Units 97530           0           1           1',
    'Therapist             AK          AK          RM',
    '',
    '09/16  Edema down, fist closes to 1 cm from palm.',
    'AK = Anita Kowal, OTR/L, CHT     RM = Rosa Mendez, COTA/L',
    'Reviewed and signed: Anita Kowal, OTR/L, CHT 09/18/2026',
  ].join('\n');

  it('makes each date column a visit note of that date, its quotes the page', () => {
    const docs = readText(sheet);
    expect(docs.map((d) => d.date)).toEqual(['2026-09-14', '2026-09-16', '2026-09-18']);
    expect(docs.every((d) => d.type === 'daily-note')).toBe(true);
    expect(docs.map((d) => values(d, 'timed-minutes'))).toEqual([['23'], ['45'], ['40']]);
    expect(docs.every((d) => values(d, 'signer').includes('Anita Kowal'))).toBe(true);
    expect(docs.every((d) => values(d, 'patient-name').includes('OYELARAN, BEATRICE'))).toBe(true);
  });

  it("keeps a day's blank or zero cells and its comments out of the other days", () => {
    const [d14, d16, d18] = readText(sheet);
    const interventions = (d: typeof d14) => values(d!, 'intervention').join(' | ');
    expect(interventions(d14)).toContain('Paraffin');
    expect(interventions(d18)).not.toContain('Paraffin');
    expect(values(d14!, 'billed-code')).not.toContain('97530');
    expect(d16!.facts.some((f) => f.provenance.quote.includes('Edema down'))).toBe(true);
    expect(d14!.facts.some((f) => f.provenance.quote.includes('Edema down'))).toBe(false);
  });

  it('reads a week left unsigned as unsigned on every day of it', () => {
    const unsigned = readPages([
      [
        'WEEKLY WORK CONDITIONING FLOWSHEET',
        'Name: Castile, Dorian   DOB 02/02/1979   Claim WC-55-1020   Week ending 03/06/2026',
        'DOS\tMon 3/2\tWed 3/4\tFri 3/6',
        'Time in\t08:00\t08:00\t08:00',
        'Time out\t10:30\t10:45\t10:40',
        'Program minutes\t150\t165\t160',
        'Therapist signature (week): ______________________   Date: ________',
      ].join('\n'),
    ]);
    expect(unsigned.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-04', '2026-03-06']);
    expect(unsigned.every((d) => values(d, 'signature-blank').length === 1)).toBe(true);
    expect(unsigned.map((d) => values(d, 'total-minutes'))).toEqual([['150'], ['165'], ['160']]);
  });

  it('one day on the sheet is one visit of that day', () => {
    const [doc, ...rest] = readPages([
      [
        'WEEKLY WORK CONDITIONING FLOWSHEET',
        'Name: Castile, Dorian   DOB 02/02/1979   Week ending 03/13/2026',
        'Date\t3/9',
        'Time in\t08:00',
        'Time out\t10:20',
      ].join('\n'),
    ]);
    expect(rest).toEqual([]);
    expect(doc!.date).toBe('2026-03-09');
  });

  it('leaves alone measures set side by side by date in a report, and scores that look like days', () => {
    const report = readPages([
      [
        'PROGRESS REPORT',
        'Patient: Lindgren, Paul   Date of service: 04/02/2026',
        'Measure\t03/03/2026\t04/02/2026',
        'Knee flexion\t88 deg\t112 deg',
        'LEFS\t28/80\t52/80',
      ].join('\n'),
    ]);
    expect(report.map((d) => [d.type, d.date])).toEqual([['progress-report', '2026-04-02']]);
    const scores = readText(
      [
        'DAILY NOTE',
        'Patient: Lindgren, Paul   Date of service: 04/06/2026',
        'Kapandji\t5/10\t8/10\t10/10',
        'Pinch\t4/5\t4/5\t5/5',
        'Grip\t3/6\t4/6\t5/6',
      ].join('\n'),
    );
    expect(scores.map((d) => d.date)).toEqual(['2026-04-06']);
    const fields = readText(
      [
        'DAILY NOTE',
        'Date of service: 05/11/2026',
        'Date of injury:      6/18/26',
        'Employer:            Arrowhead Foods',
        'Case manager:        T. Ruiz',
      ].join('\n'),
    );
    expect(fields.map((d) => d.date)).toEqual(['2026-05-11']);
  });
});

describe('signatures with what surrounds them', () => {
  it('a specialty after the credentials is not part of the name', () => {
    const line = [
      'PHYSICIAN ORDER',
      'Date: 02/03/2026',
      'PT eval and treat.',
      'Electronically signed: Ruth Abernathy, MD Physical Medicine NPI 1234567893 02/03/2026',
    ].join('\n');
    expect(factValues(line, 'physician-signer')).toEqual(['Ruth Abernathy']);
  });

  it('a name with its specialty before "Signed electronically" in the next cell', () => {
    const line = [
      'REFERRAL FOR THERAPY',
      'Date: 02/03/2026',
      'OT eval and treat.',
      'Kenji Mori, MD - Hand Surgery\tSigned electronically 02/03/2026 09:12\tNPI 1234567893',
    ].join('\n');
    expect(factValues(line, 'physician-signer')).toEqual(['Kenji Mori']);
    expect(factValues(line, 'physician-signed-date')).toEqual(['2026-02-03']);
  });

  it('a label that says what it signs for ("(week)", "(treating)") still labels a signature', () => {
    const note = [
      'DAILY NOTE',
      'Date of service: 02/04/2026',
      'Therapist signature (treating): Electronically signed by Lena Fry, PTA on 02/04/2026',
    ].join('\n');
    expect(factValues(note, 'signer')).toEqual(['Lena Fry']);
  });
});

describe('an authorization number with no "#"', () => {
  it('reads letters and digits straight after the word; not a count or a date', () => {
    const letter = (line: string) =>
      factValues(
        ['UTILIZATION REVIEW DETERMINATION', 'Date: 03/01/2026', line].join('\n'),
        'auth-number',
      );
    expect(letter('Prior authorization PA-7730-X1 approved for 12 visits.')).toEqual([
      'PA-7730-X1',
    ]);
    expect(letter('Authorization 12 visits through 04/30/2026.')).toEqual([]);
    expect(letter('Authorization 2026-03-01 to 2026-04-30.')).toEqual([]);
  });
});

describe('functional limitations on the assessment line', () => {
  it('reads the clause after the heading on its own line, and prefers a heading of their own', () => {
    const inline = [
      'INITIAL EVALUATION',
      'Date of service: 01/12/2026',
      'Assessment: Rotator cuff weakness limiting reaching, lifting and dressing.',
    ].join('\n');
    expect(factValues(inline, 'section')).toContain('functional-limitations');
    const [doc] = readText(
      [
        'INITIAL EVALUATION',
        'Date of service: 01/12/2026',
        'Assessment: weakness limiting walking.',
        'Functional limitations:',
        'Community ambulation < 1 block.',
      ].join('\n'),
    );
    const limitation = doc!.facts.find(
      (f) => f.kind === 'section' && f.value === 'functional-limitations',
    );
    expect(limitation?.provenance.quote).toBe('Functional limitations');
  });
});
