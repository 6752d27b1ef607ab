/**
 * Round 45's styles the readers missed, written here in other words than the held-out charts': a
 * signature whose licence number is the board's lettered code; a physician-signed plan filed
 * under a document index that names it a certification; a charge table right under the goals; a
 * goal held to no increase in pain; the clinic's own letter asking a payer for more sessions.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readText, values } from './helpers';

describe('signatures', () => {
  it("reads a signer whose licence is the board's lettered number", () => {
    const [doc] = readText(
      [
        'Daily Note   Date of Service: 02/03/2026',
        'Electronically Signed By: Mara Ilves, PT, DPT License: WY PT-LIC-0881 NPI: 1740229815',
        'Signed On: 02/03/2026 4:05 PM',
      ].join('\n'),
    );
    expect(values(doc, 'signer')).toEqual(['Mara Ilves']);
    expect(values(doc, 'credentials')).toEqual(['PT, DPT']);
  });
});

describe('documents', () => {
  it('takes a plan filed as its certification and signed by the physician alone for the certification', () => {
    const [doc] = readText(
      [
        'Document type: Fax - Plan of care / certification',
        'PLAN OF CARE',
        'Patient: Oyama, Reiko   DOB 05/02/1949',
        'Certification period: 02/02/2026 through 03/27/2026',
        'Physician signature: Electronically signed by Caspar Lindqvist-Amar, MD   Date: 02/05/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('certification');
  });

  it("takes the clinic's letter asking for more sessions for its correspondence, not an approval", () => {
    const [doc] = readText(
      [
        'Ridgeview Work Rehab',
        '05/02/2026',
        'Hartline Mutual - Utilization Review',
        'RE: Request for 3 more work hardening sessions',
        'Current authorization: HM-22871 (10 sessions / 40 hours, 04/06/2026 - 05/15/2026)',
        'We request 3 additional sessions to complete exit testing.',
        'Electronically Signed By: Abel Okonkwo-Reyes, PT, DPT',
      ].join('\n'),
    );
    expect(doc!.type).toBe('communication');
  });
});

describe('goals', () => {
  it('ends the goals at the charge table under them and reads "no increase in pain" as measurable', () => {
    const [doc] = readText(
      [
        'Initial Evaluation   Date of Service: 02/02/2026',
        'Long-Term Goals (6 weeks, by 03/16/2026)',
        'LTG 1. Transfer patients with a slide board, correct body mechanics, no increase in pain.',
        'CPT / Mod   Description\tUnits\tMinutes',
        '97162-GP   PT Evaluation, Moderate Complexity\t1\t45',
      ].join('\n'),
    );
    const goals = factsOf(doc, 'goal-long');
    expect(goals.map((g) => g.detail?.measurable)).toEqual([true]);
  });
});
