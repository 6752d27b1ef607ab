/**
 * Styles first met on the twenty-third held-out round: a CARF work hardening program's forms
 * (the patient a "Participant", a daily hours log totalled in hours, combined headings with words
 * of their own, a "% of Goal" column), and a charge ledger dated by a plain "Date" column. Each
 * case is written here in its own words, with cases that must not be read.
 */
import { describe, expect, it } from 'vitest';
import { factValues, readText } from './helpers';
import { titleType } from '../../src-main/core/extract/classify';
import { headingOf } from '../../src-main/core/extract/sections';
import { mapLedgerHeaders } from '../../src-main/core/ingest/csv-headers';

describe("a work hardening program's forms", () => {
  const log = [
    'PINE HOLLOW WORK REHAB',
    'DAILY HOURS LOG - WORK HARDENING',
    'Participant: GALLEGOS, TOMAS        Acct #: PH-220        DOB: 05/02/1979',
    'Session Date: 04/06/2026 (Mon)        Preauthorization Reference #: UR-26-5501',
    'Component\tClock Start\tClock Stop\tMinutes',
    'Physical Conditioning\t07:30\t08:40\t70',
    'Work Simulation\t08:40\t09:50\t70',
    'TOTAL PROGRAM HOURS TODAY\t\t140\t= 2.33 hrs',
    'Participant response / tolerance:',
    '  Pain 3/10 before, 4/10 after; needed cues for pacing.',
  ].join('\n');

  it('reads the log as a visit note of its participant, totalled in hours', () => {
    expect(titleType('DAILY HOURS LOG - WORK HARDENING')).toBe('daily-note');
    const [doc] = readText(log);
    expect(doc!.type).toBe('daily-note');
    expect(factValues(log, 'patient-name')).toEqual(['GALLEGOS, TOMAS']);
    expect(factValues(log, 'total-minutes')).toEqual(['140']);
    expect(factValues(log, 'auth-number')).toEqual(['UR-26-5501']);
    expect(factValues(log, 'section')).toContain('patient-response');
  });

  it('takes no total from an hours label whose figure has no unit', () => {
    expect(
      factValues('DAILY NOTE\nDate: 04/06/2026\nTotal hours today: 3\n', 'total-minutes'),
    ).toEqual([]);
  });

  it('reads "Measurable goals" as the goals heading', () => {
    expect(headingOf('MEASURABLE GOALS (target date 05/01/2026 unless stated)')?.names).toEqual([
      'goals',
    ]);
  });

  it("takes a '% of Goal' column as each goal's status", () => {
    const report = [
      'WORK HARDENING PROGRESS REPORT',
      'Date of report: 04/17/2026',
      'Program Goal\tBaseline\tThis Week\tTarget\t% of Goal',
      '1. Floor-to-waist lift (lb x5)\t20\t35\t50\t50%',
      '2. Carry 100 ft (lb)\t30\t60\t60\t100%',
    ].join('\n');
    const statuses = readText(report)
      .flatMap((d) => d.facts)
      .filter((f) => f.kind === 'goal-long')
      .map((f) => f.detail?.status);
    expect(statuses).toEqual(['progressing', 'met']);
  });

  it('reads the demand level set against the job, not a lift the job requires', () => {
    const pdl = (text: string) =>
      factValues(`EVALUATION\nDate: 04/01/2026\n${text}\n`, 'physical-demand-level');
    expect(pdl('Capacity LIGHT-MEDIUM vs job requirement HEAVY.')).toEqual([
      'Capacity LIGHT-MEDIUM',
      'job requirement HEAVY',
    ]);
    expect(pdl('Tested capacity MEDIUM = job demand.')).toEqual(['Tested capacity MEDIUM']);
    expect(pdl('No heavy lifting required at home.')).toEqual([]);
  });
});

describe('a charge ledger dated by a plain "Date" column', () => {
  const fields = (headers: string[]) => {
    const { fields: f } = mapLedgerHeaders(headers);
    return f.dos === undefined ? null : headers[f.dos];
  };

  it('takes the only date column as the date of service, and no plain "Date" beside another', () => {
    expect(fields(['Date', 'Acct', 'Patient', 'Procedure', 'Hrs/Units', 'Charges'])).toBe('Date');
    expect(fields(['Post Date', 'Date', 'Patient', 'Procedure'])).toBeNull();
  });
});
