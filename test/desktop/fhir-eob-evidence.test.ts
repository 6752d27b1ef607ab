/**
 * Evidence cited to an item of a FHIR bundle's ExplanationOfBenefit opens to the EOBs in words
 * (as an 835's claim does), not to an empty page: every EOB numbers its items from 1, so each EOB
 * with the cited item number is shown and the cited one is told apart by its claim and date.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartReadyService } from '../../src-main/core/api/service';
import { lineQuote } from '../../src-main/core/episodes/build';
import { bundleItemQuote } from '../../src-main/core/claims/remit-words';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase } from '../../src-main/core/store/db';

const cpt = (code: string) => ({
  coding: [{ system: 'http://www.ama-assn.org/go/cpt', code }],
});
const amount = (category: string, value: number) => ({
  category: { coding: [{ code: category }] },
  amount: { value, currency: 'USD' },
});

/** An EOB as a health plan's patient-access API returns it: one visit, its items from 1. */
function eob(id: string, claim: string, date: string, paid: number) {
  return {
    resource: {
      resourceType: 'ExplanationOfBenefit',
      id,
      status: 'active',
      type: { coding: [{ code: 'professional' }] },
      use: 'claim',
      patient: { reference: 'Patient/p-77' },
      insurer: { display: 'Lakeshore Health Plan' },
      identifier: [{ system: 'https://lakeshore.example/claim', value: claim }],
      outcome: 'complete',
      billablePeriod: { start: date, end: date },
      item: [
        {
          sequence: 1,
          servicedDate: date,
          productOrService: cpt('97110'),
          modifier: [{ coding: [{ code: 'GP' }] }],
          quantity: { value: 2 },
          adjudication: [amount('submitted', 120), amount('benefit', paid)],
        },
        {
          sequence: 2,
          servicedDate: date,
          productOrService: cpt('97140'),
          modifier: [{ coding: [{ code: 'GP' }] }],
          quantity: { value: 1 },
          adjudication: [amount('submitted', 65), amount('benefit', 40)],
        },
      ],
    },
  };
}

const BUNDLE = {
  resourceType: 'Bundle',
  type: 'searchset',
  entry: [
    {
      resource: {
        resourceType: 'Patient',
        id: 'p-77',
        name: [{ family: 'Marchetti', given: ['Carla'] }],
        birthDate: '1971-05-30',
      },
    },
    eob('eob-1', 'LHP-26-0411', '2026-04-06', 80),
    eob('eob-2', 'LHP-26-0418', '2026-04-13', 0),
  ],
};

let dir: string;
let service: ChartReadyService;
const FILE = 'Patient-p-77-everything.json';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-eob-evidence-'));
  const exportDir = join(dir, 'export');
  mkdirSync(exportDir);
  writeFileSync(join(exportDir, FILE), JSON.stringify(BUNDLE, null, 2));
  const dbPath = join(dir, 'eob.db');
  const db = openDatabase(dbPath);
  await importPaths(db, [exportDir]);
  db.close();
  service = new ChartReadyService({ dbPath, asOf: '2026-11-30' });
}, 60_000);

afterAll(() => {
  service?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('evidence for an item of a FHIR ExplanationOfBenefit', () => {
  it('opens the EOBs with that item, in words, each item written as findings quote it', async () => {
    const page = await service.getEvidence({ file: FILE, page: 1, line: 1 });
    expect(page).toMatchObject({ kind: 'text', page: 1, pageCount: 1 });
    if (page.kind !== 'text') return;
    expect(page.text.split('\n')[0]).toBe(
      `Explanations of benefit read from ${FILE} (FHIR ExplanationOfBenefit resources with an item 1)`,
    );
    for (const [claim, date] of [
      ['LHP-26-0411', '2026-04-06'],
      ['LHP-26-0418', '2026-04-13'],
    ] as const) {
      expect(page.text).toMatch(new RegExp(`Claim ${claim} \\(bundle entry \\d+\\): `));
      expect(page.text).toContain(
        bundleItemQuote(lineQuote('remit', 1, date, '97110', ['GP'], 2, claim)),
      );
      expect(page.text).toContain(`item 1: ${date} 97110-GP x2 (claim ${claim})`);
    }
    expect(page.text).toMatch(
      /Claim LHP-26-0418 \(bundle entry \d+\): processed as primary; charged 185\.00, paid 40\.00/,
    );
    expect(page.text).toContain('Items (item: date code-modifiers x units):');
    expect(page.text).not.toContain('segment');
  });

  it('falls back to the file as stored when no EOB has the item', async () => {
    const page = await service.getEvidence({ file: FILE, page: 1, line: 9 });
    expect(page.kind === 'text' && page.text.includes('Explanations of benefit')).toBe(false);
  });
});
