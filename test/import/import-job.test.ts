/**
 * The import as the app runs it (issue 15): one at a time in the service, whatever screen started
 * it; its status (files done of the total, the current file) readable from another screen; a
 * cancel stops it after the file being stored, keeps what was stored, and a second run reads the
 * rest (stored files skipped). The pipeline's own cancel is checked directly too.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgressEvent } from '../../shared/api';
import { ChartReadyService } from '../../src-main/core/api/service';
import { countSources, importPaths } from '../../src-main/core/import/pipeline';
import { readAuditLog } from '../../src-main/core/store/audit';
import { openDatabase } from '../../src-main/core/store/db';

const FILES = 40;
let dir: string;
let exportDir: string;

/** A daily note as a small clinic's EMR prints it, one per visit day. */
function note(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  return [
    'Outpatient Therapy Daily Note',
    `Patient: Testcase, Patient${i}    DOB: 02/03/1970`,
    `Date of service: 03/${day}/2026`,
    'S: Reports less pain with stairs.',
    'O: Therapeutic exercise 97110 x2, 30 minutes.',
    'A: Tolerated well.',
    'P: Continue plan of care.',
    'Jordan Lee, PT',
  ].join('\n');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-import-job-'));
  exportDir = join(dir, 'export');
  mkdirSync(join(exportDir, 'notes'), { recursive: true });
  for (let i = 0; i < FILES; i++)
    writeFileSync(join(exportDir, 'notes', `note-${String(i).padStart(3, '0')}.txt`), note(i));
  writeFileSync(join(exportDir, '.DS_Store'), 'junk');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('counting and cancelling in the pipeline', () => {
  it('counts the files the sources hold without reading them (junk left out)', async () => {
    expect(await countSources([exportDir])).toBe(FILES);
    expect(await countSources([join(dir, 'nope')])).toBe(1); // reported as a problem
  });

  it('stops after the file being stored when aborted, and says it was cancelled', async () => {
    const db = openDatabase(join(dir, 'pipeline.db'));
    try {
      const abort = new AbortController();
      const summary = await importPaths(db, [exportDir], {
        signal: abort.signal,
        readAhead: 3,
        onProgress: (p) => {
          if (p.done === 5) abort.abort();
        },
      });
      expect(summary.cancelled).toBe(true);
      expect(summary.files).toHaveLength(5);
      expect(summary.imported).toBe(5);
      const entry = readAuditLog(db).find((e) => e.action === 'import')!;
      expect(entry.detail).toMatchObject({ imported: 5, cancelled: true });
      // Not aborted: the same call imports the rest and skips the five stored.
      const rest = await importPaths(db, [exportDir]);
      expect(rest.cancelled).toBeUndefined();
      expect(rest.imported).toBe(FILES - 5);
      expect(rest.skipped).toBe(5);
    } finally {
      db.close();
    }
  });
});

describe('the import job in the service', () => {
  it('runs one import at a time, reports its status to another screen and cancels', async () => {
    const events: ImportProgressEvent[] = [];
    let service: ChartReadyService | null = null;
    let statusMidway: Awaited<ReturnType<ChartReadyService['importStatus']>> | null = null;
    let secondRefused: string | null = null;
    const pending: Array<Promise<unknown>> = [];
    service = new ChartReadyService({
      dbPath: join(dir, 'service.db'),
      onImportProgress: (e) => {
        events.push(e);
        if (e.done === 3 && service && pending.length === 0) {
          // What another screen sees, and what a second import gets, while this one runs.
          pending.push(
            service.importStatus().then((s) => (statusMidway = s)),
            service
              .importPaths({ paths: [exportDir] })
              .catch((err: Error) => (secondRefused = err.message)),
            service.cancelImport(),
          );
        }
      },
    });
    try {
      expect((await service.importStatus()).running).toBe(false);
      const result = await service.importPaths({ paths: [exportDir] });
      await Promise.all(pending);
      expect(statusMidway).toMatchObject({ running: true, done: 3, total: FILES, last: null });
      expect(statusMidway!.current).toMatch(/^notes\/note-00\d\.txt$/);
      expect(secondRefused).toMatch(/an import is already running \(3 of 40 files\)/);
      expect(events[0]).toMatchObject({ done: 1, total: FILES });
      expect(result.cancelled).toBe(true);
      expect(result.files.length).toBeGreaterThanOrEqual(3);
      expect(result.files.length).toBeLessThan(FILES);
      const after = await service.importStatus();
      expect(after).toMatchObject({ running: false, done: 0, cancelRequested: false });
      expect(after.last?.cancelled).toBe(true);
      // The next import reads the rest.
      const rest = await service.importPaths({ paths: [exportDir] });
      expect(rest.imported + rest.skipped).toBe(FILES);
      expect(rest.skipped).toBe(result.imported);
      expect(rest.cancelled).toBeUndefined();
    } finally {
      service.close();
    }
  });
});
