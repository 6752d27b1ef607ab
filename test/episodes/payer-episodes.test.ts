/**
 * Episodes and payer kinds on a store: billing decides the split, documents without a payer (or
 * with a freely written one) join the course they belong to, and one payer name keeps one kind
 * within a patient.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeModel } from '../../shared/episode';
import { buildEpisodes } from '../../src-main/core/episodes';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { setPayerKind } from '../../src-main/core/store/payer-list';

let dir: string;
let db: Db;

const note = (title: string, date: string, extra = '') =>
  `${title}\nPatient: Doe, Jane   DOB: 04/12/1979   MRN: A100\nDate of Service: ${date}\n${extra}\nSubjective: better.\nElectronically signed by Jane Roe, PT, DPT on ${date}\n`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-payer-episodes-'));
  const exp = join(dir, 'export');
  mkdirSync(exp);
  writeFileSync(
    join(exp, 'ledger.csv'),
    [
      'Svc Date,Patient,Acct #,CPT,Units,Primary Ins,Fin Class,Claim #',
      '03/02/2026,"DOE, JANE",A100,97163,1,Lone Star Benefits,Workers Comp,C1',
      '03/03/2026,"DOE, JANE",A100,97545,1,Lone Star Benefits,Workers Comp,C1',
      '03/04/2026,"DOE, JANE",A100,97545,1,Lone Star Benefits,,C1',
      '10/05/2026,"DOE, JANE",A100,97110,2,Lone Star Benefits,,C9',
      '10/06/2026,"DOE, JANE",A100,97110,2,Acme Health PPO,,C10',
      '10/07/2026,"DOE, JANE",A100,97110,2,Acme Health PPO,,C10',
    ].join('\n'),
  );
  writeFileSync(join(exp, 'eval.txt'), note('Physical Therapy Evaluation', '03/02/2026'));
  // A note's own "Insurance:" field, written freely, does not split the course the billing decides.
  writeFileSync(
    join(exp, 'daily.txt'),
    note('Daily Note', '03/03/2026', 'Insurance: Medicare Part B'),
  );
  db = openDatabase(join(dir, 'x.db'));
  await importPaths(db, [exp]);
}, 60_000);

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const episodes = (): EpisodeModel[] => buildEpisodes(db, { asOf: '2026-11-30' });

describe('episodes by payer kind', () => {
  it('keeps the documents in the course the billing decides, and one kind per payer name', () => {
    const eps = episodes();
    expect(eps.map((e) => [e.start, e.end, e.payer.name, e.payer.kind])).toEqual([
      ['2026-03-02', '2026-03-04', 'Lone Star Benefits', 'workers-comp'],
      ['2026-10-05', '2026-10-05', 'Lone Star Benefits', 'workers-comp'],
      ['2026-10-06', '2026-10-07', 'Acme Health PPO', 'commercial'],
    ]);
    expect(eps[0]!.documents.map((d) => d.file).sort()).toEqual(['daily.txt', 'eval.txt']);
    expect(eps[0]!.payer.basis[0]).toBe('ledger payer class "Workers Comp" (ledger.csv)');
  });

  it("takes the clinic's choice over the ledger's class", () => {
    setPayerKind(db, 'LONE STAR BENEFITS', 'commercial', null);
    const eps = episodes();
    expect(eps.map((e) => e.payer.kind)).toEqual(['commercial', 'commercial']);
    expect(eps[0]!.payer.basis[0]).toBe('clinic payer list: "LONE STAR BENEFITS" = commercial');
  });
});
