import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src-main/core/import/pipeline';
import { AnalyzePool, ledgerBatchesInWorker } from '../../src-main/core/import/worker-pool';
import { readLedgerBatches, type LedgerStats } from '../../src-main/core/ingest/ledger-csv';
import type { BillingLine } from '../../shared/model';
import { openDatabase } from '../../src-main/core/store/db';

async function notePdf(date: string, pages: number, linesPerPage = 4): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([612, 792]);
    const lines =
      p === 0
        ? [
            'Daily Note',
            'Patient: Rivera, Sofia  MRN: 77001',
            `Date of Service: ${date}`,
            'Signed: J. Roe PT',
          ]
        : Array.from(
            { length: linesPerPage },
            (_, i) => `Continued page ${p + 1} line ${i} floor to waist lift 20 lb x 10`,
          );
    lines.forEach((t, i) => page.drawText(t, { x: 40, y: 750 - i * 12, size: 9, font }));
  }
  return doc.save();
}

let dir: string;
// The production path: the esbuild bundle's worker on plain Node (npm run build).
const builtWorker = new URL('../../dist/node/analyze-worker.mjs', import.meta.url);
beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { cwd: join(__dirname, '../..') });
  dir = mkdtempSync(join(tmpdir(), 'cr-pool-'));
  mkdirSync(join(dir, 'small'));
  for (let i = 1; i <= 6; i++)
    writeFileSync(join(dir, 'small', `n${i}.pdf`), await notePdf(`10/0${i}/2026`, 1));
  mkdirSync(join(dir, 'mixed'));
  writeFileSync(join(dir, 'mixed', 'a-huge.pdf'), await notePdf('10/01/2026', 1500, 60));
  writeFileSync(join(dir, 'mixed', 'b-small.pdf'), await notePdf('10/02/2026', 1));
}, 120_000);

const pools: AnalyzePool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('AnalyzePool', () => {
  it('imports the same documents as in-process analysis, in worker threads', async () => {
    const inProcess = openDatabase(join(dir, 'a.db'));
    const pooled = openDatabase(join(dir, 'b.db'));
    const pool = new AnalyzePool(2, { entry: builtWorker });
    pools.push(pool);
    const a = await importPaths(inProcess, [join(dir, 'small')]);
    const b = await importPaths(pooled, [join(dir, 'small')], {
      analyze: pool.analyze,
      readAhead: 4,
    });
    expect(b.files.map((f) => [f.path, f.status, f.documents])).toEqual(
      a.files.map((f) => [f.path, f.status, f.documents]),
    );
    const facts = (db: typeof inProcess) =>
      db.prepare('SELECT facts FROM document_facts ORDER BY document_id').all();
    expect(facts(pooled)).toEqual(facts(inProcess));
  }, 120_000);

  it("rejects a file that exhausts a worker's memory as too large, and goes on with the next file", async () => {
    const db = openDatabase(join(dir, 'c.db'));
    const pool = new AnalyzePool(1, { entry: builtWorker, heapMb: 32 });
    pools.push(pool);
    const s = await importPaths(db, [join(dir, 'mixed')], { analyze: pool.analyze });
    const huge = s.files.find((f) => f.path === 'a-huge.pdf')!;
    expect(huge.status).toBe('rejected');
    expect(huge.code).toBe('too-large');
    expect(huge.reason).toMatch(/memory limit/);
    expect(s.files.find((f) => f.path === 'b-small.pdf')?.status).toBe('imported');
  }, 180_000);
});

describe('ledgerBatchesInWorker', () => {
  const builtLedgerWorker = new URL('../../dist/node/ledger-worker.mjs', import.meta.url);
  const csv = (rows: string[]) =>
    new TextEncoder().encode(['Patient,MRN,DOS,CPT,Units', ...rows].join('\n') + '\n');
  async function drain(gen: AsyncGenerator<BillingLine[], LedgerStats>) {
    const lines: BillingLine[] = [];
    for (;;) {
      const next = await gen.next();
      if (next.done) return { lines, stats: next.value };
      lines.push(...next.value);
    }
  }

  it('yields the same rows as the in-process reader', async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `"LEE, ANN",77,10/${(i % 28) + 1}/2026,97110-GP,${(i % 3) + 1}`,
    );
    const inProcess = await drain(
      readLedgerBatches(
        (async function* () {
          yield csv(rows);
        })(),
      ),
    );
    const worker = await drain(ledgerBatchesInWorker(csv(rows), builtLedgerWorker));
    expect(worker.lines).toEqual(inProcess.lines);
    expect(worker.stats).toEqual(inProcess.stats);
  });

  it('rejects with the line of the bad row, as in-process', async () => {
    const rows = ['"LEE, ANN",77,10/01/2026,97110,1', '"LEE, ANN",77,13/45/2026,97110,1'];
    await expect(drain(ledgerBatchesInWorker(csv(rows), builtLedgerWorker))).rejects.toMatchObject({
      rejection: { line: 3 },
    });
  });
});
