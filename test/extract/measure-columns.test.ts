/**
 * A measurement read from a table row keeps the names its table gives the columns, so a letter can
 * say which figure was the baseline and which the job's demand. Written in a style the sample
 * chart does not use: a fixed-width FCE summary printed with space-aligned columns.
 */
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src-main/core/extract';
import { expectQuotesExact, factsOf, onePage } from './helpers';

const FCE = `NORTHGATE OCCUPATIONAL HEALTH
FUNCTIONAL CAPACITY EVALUATION - SUMMARY OF FINDINGS
Client: PELLETIER, ANDRE          DOB 07/14/1979          File # NG-55310
Test date: 06/02/2026

MATERIAL HANDLING
Task                      Client      Job Req     Meets
Lift floor to knuckle     30 lbs      60 lbs      No
Lift knuckle to shoulder  25 lbs      40 lbs      No
Carry bilateral 50'       35 lbs      50 lbs      No

Comments: Client lifted 30 lbs floor to knuckle with good mechanics before stopping for pain.

POSITIONAL TOLERANCE
Standing 45 min, sitting 60 min, walking 30 min.

Evaluator: Renee Ostrowski, PT
`;

describe('measurements in table rows', () => {
  const pages = onePage(FCE);
  const docs = extractDocuments('fce.txt', pages);
  const measures = docs.flatMap((d) => factsOf(d, 'objective-measure'));

  it("gives each row the table's column names, and nothing else that", () => {
    expectQuotesExact(docs, pages);
    const lift = measures.find((m) => m.value.startsWith('Lift floor to knuckle'));
    expect(lift?.detail?.columns).toEqual(['Task', 'Client', 'Job Req', 'Meets']);
    const carry = measures.find((m) => m.value.startsWith('Carry bilateral'));
    expect(carry?.detail?.columns).toEqual(['Task', 'Client', 'Job Req', 'Meets']);
    // A sentence after the table, and a list of tolerances, are no table rows.
    const prose = measures.filter((m) => /Client lifted|Standing 45 min/.test(m.value));
    expect(prose.length).toBeGreaterThan(0);
    for (const m of prose) expect(m.detail?.columns).toBeUndefined();
  });
});
