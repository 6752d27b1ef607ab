/**
 * Round 45's last chart (c131) in other words: a payer's approval letter whose second page is the
 * physician's order, printed on its own by a hospital system and filed behind the letter. The
 * order's only heading is its print header ("... Printed on: 3/2/2026 4:15 PM"), which is page
 * furniture everywhere else.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readPages } from './helpers';

const approval = [
  'LAKEVIEW COMMUNITY HEALTH PLAN - UTILIZATION MANAGEMENT',
  'Prior Authorization Approval Notice',
  'Member: ESTRADA-VOLK, MARGUERITE   Member ID: LCH55120873',
  'Approval #: PA-2026-0418832',
  'Service: Outpatient physical therapy, 12 visits',
  'Valid from 03/04/2026 through 05/29/2026',
  'Servicing provider: Ridgeline Therapy Associates',
].join('\n');

const order = [
  'Ambulatory Referral to Physical Therapy    Printed on: 3/2/2026 4:15 PM',
  'ESTRADA-VOLK, MARGUERITE    MRN 008812265',
  'Diagnosis: M17.11 Unilateral primary osteoarthritis, right knee',
  'Evaluate and treat. Strengthening, gait, HEP. 2x/wk x 6 wks.',
  'Electronically signed by: Tomasz Wielgosz, MD 03/01/2026 10:02',
].join('\n');

describe("an order printed on its own behind a payer's approval", () => {
  it('is a document of its own, named by its print header and dated by its signature', () => {
    const docs = readPages([approval, order]);
    expect(docs.map((d) => d.type)).toEqual(['authorization', 'physician-order']);
    const [letter, referral] = docs;
    expect(letter!.pageEnd).toBe(1);
    expect(referral!.title).toBe('Ambulatory Referral to Physical Therapy');
    expect(referral!.pageStart).toBe(2);
    expect(factsOf(referral, 'physician-signed-date')[0]?.value).toBe('2026-03-01');
  });

  it('a print header each page repeats starts the report once, on its first page', () => {
    const page = (n: number, body: string) =>
      [
        `Ambulatory Referral to Physical Therapy    Printed on: 3/2/2026 4:15 PM   Page ${n} of 2`,
        body,
      ].join('\n');
    const docs = readPages([
      approval,
      page(1, 'ESTRADA-VOLK, MARGUERITE    MRN 008812265\nEvaluate and treat.'),
      page(2, 'Electronically signed by: Tomasz Wielgosz, MD 03/01/2026 10:02'),
    ]);
    const orders = docs.filter((d) => d.type === 'physician-order');
    expect(orders.map((d) => [d.pageStart, d.pageEnd])).toEqual([[2, 3]]);
  });

  it('a print header naming the kind of document it follows continues that document', () => {
    const docs = readPages([
      order.replace('Printed on: 3/2/2026 4:15 PM', '').trim(),
      'Ambulatory Referral to Physical Therapy    Printed on: 3/2/2026 4:15 PM\nPrecautions: none.',
    ]);
    expect(docs).toHaveLength(1);
  });
});
