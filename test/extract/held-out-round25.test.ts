/**
 * Styles first met in the twenty-fifth held-out round (c68 PIE notes on a 24-hour clock, c69 a work
 * hardening portal's hour-by-hour schedules, c70 a cloud EMR's audit-trail signatures and
 * addenda), written here in other clinics' words: an audit line that names the author before
 * saying the note was signed, a note reopened and signed again, an addendum's own date against a
 * date in the text it adds, an "E-signature:" with its date on the next line, a "Discharge
 * Assessment" with its outcome table dated by column, planned interventions, a goal table's
 * "This week" column, and a reason for discharge run in after an em dash. Cases that must not be
 * read stand beside each.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readText, values } from './helpers';

const visit = (tail: string[]) =>
  [
    'TREATMENT NOTE',
    'Patient: Quarles, Imogen   DOB: 09/30/1960',
    'Date of service: 07/08/2026',
    'Treatment - Therapeutic exercise (97110) 25 min: heel raises 3x15, mini squats 3x10.',
    'Response - Tolerated with calf fatigue only.',
    '',
    ...tail,
  ].join('\n');

describe("an EMR's audit line", () => {
  it('signs the note when it names the author and says the note was signed', () => {
    const [doc] = readText(
      visit(['Entered 07/08/2026 15:40 by Theo Brandvik, PT, DPT, e-signed 07/08/2026 15:52']),
    );
    expect(values(doc, 'signer')).toEqual(['Theo Brandvik']);
    expect(values(doc, 'credentials')).toEqual(['PT, DPT']);
    expect(values(doc, 'signed-date')).toEqual(['2026-07-08']);
  });

  it('does not sign a note only created', () => {
    const [doc] = readText(visit(['Entered 07/08/2026 15:40 by Theo Brandvik, PT, DPT (draft)']));
    expect(values(doc, 'signer')).toEqual([]);
  });

  it('records a note opened and signed again, with the later date', () => {
    const [doc] = readText(
      visit([
        'Entered 07/08/2026 15:40 by Theo Brandvik, PT, DPT, signed 07/08/2026 15:52; reopened by the author and re-signed 07/21/2026 09:03',
      ]),
    );
    expect(values(doc, 'signature-reopened')).toEqual(['2026-07-21']);
    expect(values(doc, 'signer')).toEqual(['Theo Brandvik']);
    const once = readText(
      visit(['Entered 07/08/2026 15:40 by Theo Brandvik, PT, DPT, signed 07/08/2026 15:52']),
    )[0];
    expect(values(once, 'signature-reopened')).toEqual([]);
  });
});

describe("an addendum's own date", () => {
  const amendment = (line: string) => factsOf(readText(visit([line]))[0], 'amendment')[0]?.detail;

  it('stands in its label, not in the text it adds', () => {
    expect(
      amendment('Addendum: Spouse phoned 07/09/2026 to report a fall at home, no injury.'),
    ).toEqual({ of: null, date: null });
    expect(amendment('Addendum 07/09/2026: spouse phoned to report a fall, no injury.')?.date).toBe(
      '2026-07-09',
    );
    expect(
      amendment('ADDENDUM (07/09/2026 08:15, Theo Brandvik, PT): wrong side recorded above.')?.date,
    ).toBe('2026-07-09');
  });
});

describe('an "E-signature:" line', () => {
  it('signs, and the "Signed:" date under it is its date, no empty field', () => {
    const [doc] = readText(
      visit([
        'E-signature: /s/ Renata Obi, PT, DPT   Program Director   KY PT License #0004412',
        'Signed: 07/08/2026 5:02 PM EDT',
      ]),
    );
    expect(values(doc, 'signer')).toEqual(['Renata Obi']);
    expect(values(doc, 'signed-date')).toEqual(['2026-07-08']);
    expect(values(doc, 'signature-blank')).toEqual([]);
  });

  it('leaves a heading that only names an electronic signature certificate unread', () => {
    const [doc] = readText(
      [
        'ELECTRONIC SIGNATURE CERTIFICATE',
        'Patient: Quarles, Imogen',
        'Service Date: 7/8/2026',
      ].join('\n'),
    );
    expect(values(doc, 'signer')).toEqual([]);
  });
});

describe('a discharge titled "Discharge Assessment"', () => {
  const discharge = [
    'DISCHARGE ASSESSMENT',
    '--------------------',
    'Patient: QUARLES, IMOGEN   DOB: 30-Sep-1960',
    'Date of discharge: 14-Aug-2026',
    '',
    'OUTCOME TABLE',
    'Measure\t08JUL26\t30JUL26\t14AUG26',
    'Calf raise (reps)\t6\t14\t22',
    'Gait speed (m/s)\t0.84\t1.02\t1.15',
    '',
    'Reason for discharge — Goals met; independent with home program.',
    '',
    'Authenticated by: Theo Brandvik, PT, DPT on 14-Aug-2026 1130',
  ].join('\n');

  it('is one discharge summary, its outcome table dated by column no flowsheet of visits', () => {
    const docs = readText(discharge);
    expect(docs.map((d) => d.type)).toEqual(['discharge-summary']);
    expect(docs[0]?.date).toBe('2026-08-14');
  });

  it('reads the reason run in after an em dash', () => {
    expect(values(readText(discharge)[0], 'discharge-reason')).toEqual([
      'Goals met; independent with home program.',
    ]);
  });
});

describe("a plan's planned interventions", () => {
  it('head the interventions section', () => {
    const [doc] = readText(
      [
        'PLAN OF CARE',
        'Patient: Quarles, Imogen   Date: 07/08/2026',
        '',
        'PLANNED INTERVENTIONS (type of service)',
        '  97110 Therapeutic exercise',
        '  97116 Gait training',
        '',
        'Frequency: 2x/week   Duration: 6 weeks',
      ].join('\n'),
    );
    expect(values(doc, 'section')).toContain('interventions');
  });
});

describe("a goal table's column of this week's values", () => {
  it('measures the change objectively', () => {
    const report = (column: string) =>
      readText(
        [
          'Weekly Progress Summary',
          'Patient: Quarles, Imogen   Report date: 07/24/2026',
          '',
          'Goal Status',
          `Goal\tBaseline\t${column}\tTarget\tStatus`,
          '1. Carry tote 40 ft\t10 lb\t20 lb\t25 lb\tProgressing',
          '2. Stand at bench\t20 min\t45 min\t60 min\tProgressing',
        ].join('\n'),
      )[0];
    expect(factsOf(report('This week'), 'objective-measure')).toHaveLength(2);
    // A column that states no measuring ("Comments") measures nothing.
    expect(factsOf(report('Comments'), 'objective-measure')).toHaveLength(0);
  });
});
