/**
 * Round 45's last chart (c131) in other words: a government request-for-services form whose rows
 * are numbered boxes ("2. REFERRAL NUMBER<tab>...") and whose decision block approves the request;
 * the clinic's justification recalls when the first visits were used.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readText } from './helpers';

describe("a request-for-services form with the payer's decision", () => {
  const form = [
    'COMMUNITY CARE - REQUEST FOR ADDITIONAL VISITS',
    '1. PATIENT NAME\tDOE-ARCHER, JANE M',
    '2. REFERRAL NUMBER\tCC-2281744',
    '3. VISITS REQUESTED\t6',
    '4. CLINICAL JUSTIFICATION\t8 of 8 authorized visits used (01/12/2026 - 02/20/2026); gait speed 0.7 -> 0.9 m/s.',
    'FOR OFFICE USE ONLY',
    'DECISION\tAPPROVED',
    'Approved visits:\t6',
    'Effective Date:\t02/23/2026',
    'Expiration Date:\t04/17/2026',
  ].join('\n');

  it('is named by its title, not by a numbered box, and read as the approval it carries', () => {
    const [doc] = readText(form);
    expect(doc!.title).not.toMatch(/^\d+\./);
    expect(doc!.type).toBe('authorization');
  });

  it('takes the approved period, not the dates the first visits were used', () => {
    const [doc] = readText(form);
    expect(factsOf(doc, 'auth-start')[0]?.value).toBe('2026-02-23');
    expect(factsOf(doc, 'auth-end')[0]?.value).toBe('2026-04-17');
  });
});
