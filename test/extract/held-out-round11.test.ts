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
