/**
 * Styles first met on the twenty-second held-out round: a cloud PT EMR's PDF notes (a "Visit
 * Summary" block whose "Visit:" line carries the date, e-signatures stamped with an ISO 8601
 * timestamp), a carrier's "Authorization for Treatment" form the physician orders on, capacity
 * set against "MEDIUM physical demand", a contact sentence that runs onto the next line, and a
 * hospital's plain-text documentation report. Each case is written here in its own words, with
 * cases that must not be read.
 */
import { describe, expect, it } from 'vitest';
import { factValues, readText } from './helpers';
import { findDates } from '../../src-main/core/parse/dates';
import { titleType } from '../../src-main/core/extract/classify';

describe('a cloud EMR note printed to PDF', () => {
  const note = [
    'Mesa Verde Industrial PT · 900 Juan Tabo Blvd NE · Albuquerque NM',
    'Work Conditioning — Daily Visit Note',
    '',
    'Visit Summary',
    'Patient: Ortega, Camila',
    'DOB: 07/21/1990',
    'Visit: Aug 4, 2026 · 7:30 AM MDT · Work Conditioning · Visit 3 of 12',
    'Provider: Dana Whitewater, PT, DPT',
    '',
    'Session time: 07:30–10:20 MDT · Total program time: 170 min',
    'Signed electronically by Dana Whitewater, PT, DPT · 2026-08-04T13:02:55-06:00',
  ].join('\n');

  it('dates the visit by its "Visit:" line and the signature by its ISO timestamp', () => {
    expect(factValues(note, 'date-of-service')).toEqual(['2026-08-04']);
    expect(factValues(note, 'signed-date')).toEqual(['2026-08-04']);
    expect(findDates('stamped 2026-08-04T13:02:55Z').map((d) => d.iso)).toEqual(['2026-08-04']);
  });

  it('takes no date from a "Visit:" line that counts visits', () => {
    const counted = note.replace(
      'Visit: Aug 4, 2026 · 7:30 AM MDT · Work Conditioning · ',
      'Visit: ',
    );
    expect(factValues(counted, 'date-of-service')).toEqual([]);
    expect(findDates('Visit: 3 of 12')).toEqual([]);
  });
});

describe("a carrier's form that the physician orders on", () => {
  it('is the physician order when its title says so in brackets, and an approval otherwise', () => {
    expect(titleType('AUTHORIZATION FOR TREATMENT (Physician Order)')).toBe('physician-order');
    expect(titleType('Treatment Authorization (Prescription / Referral)')).toBe('physician-order');
    expect(titleType('AUTHORIZATION FOR TREATMENT (Approved)')).toBe('authorization');
    expect(titleType('Progress Note (Re-Assessment)')).toBe('progress-report');
  });

  it('names nobody in a subject that is a topic or a decision', () => {
    const letter = (subject: string) =>
      ['Sandia Claims Services', '', 'June 2, 2026', '', subject, '', 'Dear provider,'].join('\n');
    expect(factValues(letter('RE: Treatment Authorization — APPROVED'), 'patient-surname')).toEqual(
      [],
    );
    expect(
      factValues(letter('RE: Camila Ortega — treatment authorization'), 'patient-surname'),
    ).toEqual(['Ortega']);
  });
});

describe('capacity against the job and contacts as clinics write them', () => {
  it('reads "MEDIUM physical demand" as a demand level, not "the physical demand of"', () => {
    expect(
      factValues(
        'Job: Order Selector — MEDIUM physical demand (job description on file).',
        'physical-demand-level',
      ),
    ).toEqual(['MEDIUM physical demand']);
    expect(
      factValues(
        'Discussed the heavy physical demand of roofing with the patient.',
        'physical-demand-level',
      ),
    ).toEqual([]);
  });

  it('reads every party of a contact sentence that runs onto the next line, and no more', () => {
    const text = [
      'DISCHARGE SUMMARY',
      'Date: 09/18/2026',
      'COMMUNICATION: Summary and exit testing faxed 9/18/26 to Dr. L. Benally and to',
      'J. Morningstar, Zia State Mutual; copy to the QRC.',
      'Phone 9/18/26 w/ T. Reyes, warehouse supervisor (employer): full duty 9/21.',
    ].join('\n');
    // The contact lines give no date of their own ("faxed 9/18/26 to"): the review dates them by
    // the summary's date.
    const contacts = readText(text)
      .flatMap((d) => d.facts)
      .filter((f) => f.kind === 'communication')
      .map((f) => [...(f.detail?.parties ?? [])].sort());
    expect(contacts).toEqual([['case-manager', 'physician'], ['employer']]);
  });

  it('counts modified independence and no safety errors as a standard a goal can be measured by', () => {
    const goals = (goal: string) =>
      readText(['PLAN OF CARE', 'Date: 06/01/2026', 'Long Term Goals:', `1. ${goal}`].join('\n'))
        .flatMap((d) => d.facts)
        .filter((f) => f.kind === 'goal-long')
        .map((f) => f.detail?.measurable);
    expect(goals('Pt will make a cold lunch with modified independence by 07/01/2026.')).toEqual([
      true,
    ]);
    expect(goals('Pt will manage her pill box with no errors by 07/01/2026.')).toEqual([true]);
    expect(goals('Pt will improve independence in the kitchen by 07/01/2026.')).toEqual([false]);
  });
});
