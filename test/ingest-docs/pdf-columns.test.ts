/**
 * Reading order of a PDF page printed in two columns side by side: down the left column, then
 * down the right. Tables and forms with a wide first column stay row by row.
 */
import { describe, expect, it } from 'vitest';
import { layoutPage, type PositionedRun } from '../../src-main/core/ingest/pdf-layout';

/** A run of text at (left, top), 10 pt, about 5 pt a character. */
function run(str: string, left: number, top: number): PositionedRun {
  const width = str.length * 5;
  return { str, x: left, y: 800 - top, width, height: 10, left, top };
}

/** One printed line: cells at the given x positions. */
function line(top: number, cells: Array<[number, string]>): PositionedRun[] {
  return cells.map(([x, s]) => run(s, x, top));
}

describe('two columns side by side', () => {
  it('reads the left column down, then the right, keeping full-width lines in place', () => {
    const rows: Array<[string, string]> = [
      ['HISTORY', 'ASSESSMENT'],
      ['Fell from a ladder at work and', 'Gains in grip strength support'],
      ['landed on the outstretched right', 'continuing the plan; pain is'],
      ['hand; cast for six weeks.', 'lower at rest and with use.'],
      ['OBJECTIVE', 'PLAN'],
      ['Grip 18 kg right, 32 kg left;', 'Twice a week for four weeks,'],
      ['wrist extension to 40 degrees.', 'with a home program to follow.'],
    ];
    const runs = [
      run('HAND THERAPY DAILY NOTE - full width title line across both columns here', 40, 10),
      ...rows.flatMap(([l, r], i) =>
        line(30 + i * 12, [
          [40, l],
          [310, r],
        ]),
      ),
      run('Electronically signed by a therapist across the whole width of the page', 40, 130),
    ];
    const text = layoutPage(1, runs).text.split('\n');
    expect(text).toEqual([
      'HAND THERAPY DAILY NOTE - full width title line across both columns here',
      ...rows.map(([l]) => l),
      ...rows.map(([, r]) => r),
      'Electronically signed by a therapist across the whole width of the page',
    ]);
  });

  it('leaves a form of labels and values, and a log table, row by row', () => {
    const form = [
      ['Member name:', 'Castellanos, Ruben A'],
      ['Date of birth:', '03/09/1977'],
      ['Member ID:', 'XW8823410'],
      ['Service requested:', 'Physical therapy, 12 visits'],
      ['Approved from:', '04/06/2026 through 05/13/2026'],
      ['Reviewer:', 'Utilization management nurse'],
    ].flatMap(([l, r], i) =>
      line(20 + i * 12, [
        [40, l!],
        [310, r!],
      ]),
    );
    const formText = layoutPage(1, form).text.split('\n');
    expect(formText[0]).toBe('Member name:\tCastellanos, Ruben A');
    const log = [
      ['03/02/2026', 'Phone', 'Adjuster R. Ortiz', 'Discussed the start of the program and the'],
      ['03/05/2026', 'Fax', 'Dr. Lindgren', 'sent the evaluation and the plan of care for'],
      ['03/09/2026', 'Email', 'Employer HR', 'asked about modified duty options and the'],
      ['03/12/2026', 'Phone', 'Adjuster R. Ortiz', 'confirmed the authorization for ten visits'],
      ['03/16/2026', 'Fax', 'Dr. Lindgren', 'sent the progress report with the re-test of'],
      ['03/19/2026', 'Phone', 'Case manager', 'reviewed the return to work plan with the'],
    ].flatMap((cells, i) =>
      line(20 + i * 12, [
        [40, cells[0]!],
        [110, cells[1]!],
        [170, cells[2]!],
        [310, cells[3]!],
      ]),
    );
    const logText = layoutPage(1, log).text.split('\n');
    expect(logText[0]).toBe(
      '03/02/2026\tPhone\tAdjuster R. Ortiz\tDiscussed the start of the program and the',
    );
  });

  it('columns whose sections hold small tables still read down each column', () => {
    // Left: history and a minutes log; right: assessment, plan and a units table.
    const left: Array<Array<[number, string]>> = [
      [[40, 'HISTORY']],
      [[40, 'Slipped on a wet loading dock and']],
      [[40, 'twisted the left knee; swelling']],
      [[40, 'settled after two weeks.']],
      [[40, 'EXERCISE LOG']],
      [
        [40, 'Leg press 3x12 60 lb'],
        [250, '18'],
      ],
      [
        [40, 'Step-ups 4 in 3x10'],
        [250, '12'],
      ],
      [
        [40, 'Balance board 5 min'],
        [250, '8'],
      ],
    ];
    const right: Array<Array<[number, string]>> = [
      [[310, 'ASSESSMENT']],
      [[310, 'Knee flexion now 118 degrees and']],
      [[310, 'stairs reciprocal with a rail.']],
      [[310, 'PLAN']],
      [[310, 'Add lateral steps next visit.']],
      [
        [310, 'Code'],
        [380, 'Units'],
      ],
      [
        [310, '97110'],
        [380, '2'],
      ],
      [
        [310, '97112'],
        [380, '1'],
      ],
    ];
    const runs = left.flatMap((l, i) => line(20 + i * 12, [...l, ...right[i]!]));
    const text = layoutPage(1, runs).text.split('\n');
    expect(text.slice(0, 4)).toEqual([
      'HISTORY',
      'Slipped on a wet loading dock and',
      'twisted the left knee; swelling',
      'settled after two weeks.',
    ]);
    expect(text.indexOf('ASSESSMENT')).toBe(8);
    expect(text).toContain('Leg press 3x12 60 lb\t18');
  });

  it('a table with one header row and no prose stays row by row', () => {
    const rows: Array<[string, string]> = [
      ['DATE', 'CONTACT'],
      ['10/01/2026 adjuster', 'called re: visits'],
      ['10/02/2026 employer', 'faxed status'],
      ['10/06/2026 physician', 'faxed report'],
      ['10/08/2026 adjuster', 'left message'],
      ['10/13/2026 employer', 'faxed status'],
      ['10/15/2026 physician', 'faxed report'],
    ];
    const runs = rows.flatMap(([l, r], i) =>
      line(20 + i * 12, [
        [40, l],
        [310, r],
      ]),
    );
    expect(layoutPage(1, runs).text.split('\n')[1]).toBe('10/01/2026 adjuster\tcalled re: visits');
  });
});

describe('a value too long for its box (round 46, c134, in other words)', () => {
  it('runs under the next label on the page, and still reads as two cells', () => {
    const runs = line(40, [
      [40, 'Therapist:'],
      [120, 'Marguerite Okonkwo-Delacroix, PT, DPT, OCS'],
      [260, 'Date: 06/02/2026'],
    ]);
    expect(layoutPage(1, runs).text).toBe(
      'Therapist:\tMarguerite Okonkwo-Delacroix, PT, DPT, OCS\tDate: 06/02/2026',
    );
  });

  it('letters a little closer than their widths say (kerning) stay one word', () => {
    const runs = [run('Physi', 40, 40), run('cal therapy', 64, 40)];
    expect(layoutPage(1, runs).text).toBe('Physical therapy');
  });
});
