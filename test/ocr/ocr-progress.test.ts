/**
 * Per-page OCR progress and cancel during an import, in process and through the analysis pool's
 * built worker (as the app runs it): each page is reported before OCR reads it, and a cancel stops
 * OCR before its next page and stores nothing more, keeping the files stored before.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgressEvent } from '../../shared/api';
import { ChartReadyService } from '../../src-main/core/api/service';
import { importPaths, type ImportOptions } from '../../src-main/core/import/pipeline';
import { AnalyzePool } from '../../src-main/core/import/worker-pool';
import { closeOcrEngine } from '../../src-main/core/ocr';
import { openDatabase } from '../../src-main/core/store/db';
import { faxTiff, textPageRaster } from '../../scripts/sample-chart/fax';

const NOTE = (day: string) =>
  [
    'Daily Treatment Note',
    'Patient: Rivera, Sofia    MRN: 77001',
    `Date of service: 10/${day}/2026`,
    'Total treatment time: 45 minutes',
    `Electronically signed: Jane Roe, PT  10/${day}/2026`,
  ].join('\n');

let dir: string;
let chart: string;
const builtWorker = new URL('../../dist/node/analyze-worker.mjs', import.meta.url);

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { cwd: join(__dirname, '../..') });
  dir = mkdtempSync(join(tmpdir(), 'cr-ocr-progress-'));
  chart = join(dir, 'chart');
  mkdirSync(chart);
  // Walked in name order: a text note, a three-page faxed TIFF, another text note.
  writeFileSync(join(chart, 'a_note.txt'), NOTE('05'));
  const pages = [];
  for (const line of ['first', 'second', 'third'])
    pages.push(await textPageRaster([`Fax page, the ${line} of three`, ...NOTE('06').split('\n')]));
  writeFileSync(join(chart, 'b_fax.tif'), faxTiff(pages, 196));
  writeFileSync(join(chart, 'c_note.txt'), NOTE('07'));
}, 120_000);

afterAll(async () => {
  await closeOcrEngine();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function storedPaths(file: string): string[] {
  const db = openDatabase(file);
  try {
    return (
      db.prepare('SELECT path FROM files ORDER BY path').all() as Array<{ path: string }>
    ).map((r) => r.path);
  } finally {
    db.close();
  }
}

/** Imports the chart, cancelling when page `cancelAt` of the fax is reported (never if null). */
async function run(name: string, cancelAt: number | null, extra: Partial<ImportOptions> = {}) {
  const seen: string[] = [];
  const abort = new AbortController();
  const dbPath = join(dir, `${name}.db`);
  const db = openDatabase(dbPath);
  try {
    const summary = await importPaths(db, [chart], {
      ...extra,
      signal: abort.signal,
      onOcrPage: (p) => {
        seen.push(`${p.path.split('/').pop()} ${p.page}/${p.pages}`);
        if (p.page === cancelAt) abort.abort();
      },
    });
    return { summary, seen, stored: () => storedPaths(dbPath) };
  } finally {
    db.close();
  }
}

describe('OCR progress and cancel', () => {
  it('reports each page of the fax before OCR reads it, and imports everything', async () => {
    const { summary, seen, stored } = await run('all', null);
    expect(seen).toEqual(['b_fax.tif 1/3', 'b_fax.tif 2/3', 'b_fax.tif 3/3']);
    expect(summary.cancelled).toBeUndefined();
    expect(summary.imported).toBe(3);
    expect(stored().map((p) => p.split('/').pop())).toEqual([
      'a_note.txt',
      'b_fax.tif',
      'c_note.txt',
    ]);
  });

  it('stops before the next OCR page on cancel, keeping only what was stored before', async () => {
    const { summary, seen, stored } = await run('cancelled', 2);
    // Page 2 was under way when the cancel came; page 3 is never read.
    expect(seen).toEqual(['b_fax.tif 1/3', 'b_fax.tif 2/3']);
    expect(summary.cancelled).toBe(true);
    expect(summary.files.map((f) => f.path.split('/').pop())).toEqual(['a_note.txt']);
    expect(stored().map((p) => p.split('/').pop())).toEqual(['a_note.txt']);
  });

  it('reports pages and honours a cancel through the analysis pool’s worker', async () => {
    const pool = new AnalyzePool(1, { entry: builtWorker });
    try {
      const { summary, seen, stored } = await run('pool', 2, { analyze: pool.analyze });
      expect(seen).toEqual(['b_fax.tif 1/3', 'b_fax.tif 2/3']);
      expect(summary.cancelled).toBe(true);
      expect(stored().map((p) => p.split('/').pop())).toEqual(['a_note.txt']);
    } finally {
      await pool.close();
    }
  });
});

describe('OCR progress and cancel through the desktop service', () => {
  it('sends "page N of M" events and cancels the running import on cancelImport', async () => {
    const events: ImportProgressEvent[] = [];
    let service: ChartReadyService | null = null;
    service = new ChartReadyService({
      dbPath: join(dir, 'service.db'),
      asOf: '2026-11-24',
      onImportProgress: (e) => {
        events.push(e);
        if ('ocr' in e && e.ocr.page === 1) void service!.cancelImport();
      },
    });
    try {
      expect(await service.cancelImport()).toMatchObject({
        running: false,
        cancelRequested: false,
      });
      const result = await service.importPaths({ paths: [chart] });
      expect(result.cancelled).toBe(true);
      const ocr = events.flatMap((e) => ('ocr' in e ? [e] : []));
      expect(ocr.map((e) => [e.ocr.file.split('/').pop(), e.ocr.page, e.ocr.pages])).toEqual([
        ['b_fax.tif', 1, 3],
      ]);
      // The note read before the fax is stored; the fax and the note after it are not.
      expect(result.files.map((f) => f.path.split('/').pop())).toEqual(['a_note.txt']);
    } finally {
      service.close();
    }
  });
});
