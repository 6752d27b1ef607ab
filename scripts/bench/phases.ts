/**
 * One benchmark phase per child process (so each phase's peak RSS is its own). Prints one JSON
 * line: { ms, maxRssMb, ...details }. Run through scripts/bench/run.ts.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { importPaths } from '../../src-main/core/import/pipeline';
import { AnalyzePool, importPathsParallel } from '../../src-main/core/import/worker-pool';
import { openDatabase } from '../../src-main/core/store/db';
import { ledgerRow, writeLedger, writeNotePdfs } from './data';
import { generateEpisodes } from './episodes';
import { benchDocuments, benchPacket, writeExhibitPdfs } from './packet';
import { sampleAllocations } from './allocation';
import { readReviewRows, reportShape, reviewFloor, type ReportShape } from './review-floor';
import { buildEpisodes } from '../../src-main/core/episodes';
import { openReview, reviewStore } from '../../src-main/core/api/review';
import { ChartReadyService } from '../../src-main/core/api/service';
import { dashboard } from '../../src-main/core/api/dashboard';
import { readSource } from '../../src-main/core/ingest';
import { closeOcrEngine } from '../../src-main/core/ocr';
import { writeFaxPages } from './fax';

function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

const run = promisify(execFile);

/**
 * Peak resident memory of this process (all its threads). Linux keeps getrusage's maxrss across
 * exec, so a child can inherit its parent's high-water mark; /proc's VmHWM belongs to this image.
 */
function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}

function report(start: number, extra: Record<string, unknown> = {}): void {
  const ms = performance.now() - start;
  const maxRssMb = peakRssMb();
  console.log(JSON.stringify({ ms, maxRssMb, ...extra }));
}

/** Runs `fn` over items with at most `limit` in flight. */
async function mapLimit<T>(
  items: T[],
  limit: number,
  fn: (t: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Imports DIR into DB as the app does: the analysis worker pool, one thread per core. */
async function importWithPool(dir: string, db: string) {
  const conn = openDatabase(db);
  const pool = new AnalyzePool();
  try {
    return await importPaths(conn, [dir], {
      analyze: pool.analyze,
      readAhead: availableParallelism() * 2,
    });
  } finally {
    await pool.close();
    conn.close();
  }
}

const phases: Record<string, (args: string[]) => Promise<void>> = {
  async 'gen-pdfs'([dir, n]) {
    const t = performance.now();
    await writeNotePdfs(dir!, Number(n));
    report(t);
  },
  async 'gen-ledger'([file, n]) {
    const t = performance.now();
    await writeLedger(file!, Number(n));
    report(t);
  },
  async pdftotext([dir]) {
    const files = readdirSync(dir!).map((f) => join(dir!, f));
    const t = performance.now();
    // Same parallelism as the import's worker pool: one process per core.
    await mapLimit(files, availableParallelism(), (f) => run('pdftotext', ['-layout', f, '-']));
    report(t, { files: files.length });
  },
  async 'import-pdfs'([dir, db]) {
    const t = performance.now();
    const s = await importWithPool(dir!, db!);
    report(t, { imported: s.imported, rejected: s.rejected });
  },
  async 'gen-fax'([dir, n]) {
    const t = performance.now();
    await writeFaxPages(dir!, Number(n));
    report(t);
  },
  // One thread reads the pages in turn: seconds per page per analysis worker. The engine starts
  // before the clock (once per worker per import); its memory is what the process grew by.
  async 'ocr-pages'([dir]) {
    const files = readdirSync(dir!).map((f) => join(dir!, f));
    const before = rssMb();
    await readSource('warm.pdf', readFileSync(files[0]!));
    const t = performance.now();
    const cpu = process.cpuUsage();
    let pages = 0;
    let confidence = 0;
    for (const f of files) {
      const r = await readSource(f, readFileSync(f));
      if (!r.ok || r.result.kind !== 'notes') throw new Error(`${f} not read`);
      pages += r.result.pages.length;
      confidence += r.result.pages.reduce((c, p) => c + (p.confidence ?? 0), 0);
    }
    const ms = performance.now() - t;
    // CPU time of every thread (the OCR engine's included): what a page costs on a busy machine.
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const engineMb = peakRssMb() - before;
    await closeOcrEngine();
    console.log(
      JSON.stringify({
        ms,
        cpuMs,
        maxRssMb: peakRssMb(),
        pages,
        engineMb,
        confidence: confidence / pages,
      }),
    );
  },
  async 'read-pages'([dir]) {
    const files = readdirSync(dir!).map((f) => join(dir!, f));
    await readSource('warm.pdf', readFileSync(files[0]!));
    const t = performance.now();
    let pages = 0;
    for (const f of files) {
      const r = await readSource(f, readFileSync(f));
      if (!r.ok || r.result.kind !== 'notes') throw new Error(`${f} not read`);
      pages += r.result.pages.length;
    }
    report(t, { pages });
  },
  // The import's worker pool: one OCR engine per analysis thread, pages in parallel.
  async 'import-faxes'([dir, db]) {
    const t = performance.now();
    const s = await importWithPool(dir!, db!);
    report(t, { imported: s.imported, rejected: s.rejected, workers: availableParallelism() });
  },
  async 'raw-insert'([db, n]) {
    // The baseline writes the same rows into the same table (same schema, indexes, WAL and
    // synchronous=FULL) with one prepared statement in one transaction: no parsing, no mapping.
    const rows = Number(n);
    const conn = openDatabase(db!);
    const fileId = conn
      .prepare(
        "INSERT INTO files (sha256, path, kind, size, imported_at, batch_id) VALUES ('raw', 'raw.csv', 'ledger', 0, 'now', 'raw')",
      )
      .run().lastInsertRowid;
    const t = performance.now();
    const ins = conn.prepare(
      `INSERT INTO billing_lines (file_id, source, line, patient_name, mrn, dob, dos, code, modifiers, units, charge, payer, claim_id, provider)
       VALUES (?, 'ledger', ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    conn.transaction(() => {
      for (let i = 0; i < rows; i++) {
        const r = ledgerRow(i);
        ins.run(
          fileId,
          i + 2,
          r.name,
          r.mrn,
          r.dos,
          r.code,
          r.modifiers.join(' '),
          r.units,
          r.charge,
          r.payer,
          r.claim,
          r.provider,
        );
      }
    })();
    conn.close();
    report(t, { rows });
  },
  async 'import-ledger'([file, db]) {
    const t = performance.now();
    const conn = openDatabase(db!);
    const s = await importPathsParallel(conn, [file!]);
    conn.close();
    report(t, {
      lines: s.files[0]?.billingLines ?? 0,
      rejected: s.rejected,
      reason: s.files[0]?.reason,
    });
  },
  async 'gen-episodes'([db, episodes, visits]) {
    const t = performance.now();
    const conn = openDatabase(db!);
    generateEpisodes(conn, Number(episodes), Number(visits));
    conn.close();
    report(t);
  },
  async review([db, workers]) {
    const conn = openDatabase(db!);
    const t = performance.now();
    // The review as `chartready review` runs it, audit entry included, its episodes read back
    // from the store with their decisions as the report is written (formatting not timed);
    // `workers` overrides the stored review's worker threads.
    const review = openReview(conn, {
      asOf: '2026-11-24',
      ...(workers !== undefined ? { workers: Number(workers) } : {}),
    });
    // The report's size, for review-floor, counted as its episodes are read.
    const shape = reportShape(review.episodes);
    conn.close();
    report(t, { ...shape });
  },
  // The readiness dashboard from the stored review (issue 17).
  async dashboard([db]) {
    const conn = openDatabase(db!);
    const t = performance.now();
    const d = dashboard(conn, '2026-11-24');
    conn.close();
    report(t, { billedDates: d.totals.billedDates });
  },
  // The desktop app opening a store: its episode list, from the stored review brought up to date.
  async 'app-open'([db]) {
    const t = performance.now();
    const service = new ChartReadyService({ dbPath: db!, asOf: '2026-11-24' });
    const list = await service.listEpisodes();
    service.close();
    report(t, { episodes: list.length });
  },
  // Not the review: what any review of DB must cost at least (see review-floor.ts).
  async 'review-floor'([db, shape]) {
    const conn = openDatabase(db!, { readonly: true });
    const t = performance.now();
    const floor = reviewFloor(conn, JSON.parse(shape!) as ReportShape);
    conn.close();
    report(t, floor);
  },
  // Not a timed job: what the review allocates, garbage included, and where (see allocation.ts).
  async 'review-alloc'([db, top]) {
    const conn = openDatabase(db!, { readonly: true });
    const t = performance.now();
    const profile = await sampleAllocations(
      () => reviewStore(conn, { asOf: '2026-11-24', audit: false }),
      Number(top ?? 25),
    );
    conn.close();
    report(t, { ...profile });
  },
  async 'review-scan'([db]) {
    // The review's baseline: the rows the review reads with plain raw iteration and nothing else.
    const conn = openDatabase(db!);
    const t = performance.now();
    const rows = readReviewRows(conn);
    conn.close();
    report(t, rows);
  },
  async build([db]) {
    const conn = openDatabase(db!);
    const t = performance.now();
    const models = buildEpisodes(conn, { asOf: '2026-11-24' });
    conn.close();
    report(t, { episodes: models.length });
  },
  async 'gen-exhibits'([dir, n, pages]) {
    const t = performance.now();
    await writeExhibitPdfs(dir!, Number(n), Number(pages));
    report(t);
  },
  async 'qpdf-concat'([dir, out]) {
    const files = readdirSync(dir!)
      .sort()
      .map((f) => join(dir!, f));
    const t = performance.now();
    await run('qpdf', ['--empty', '--pages', ...files, '--', out!]);
    report(t, { files: files.length });
  },
  async packet([dir, out]) {
    const documents = await benchDocuments(dir!);
    const t = performance.now();
    const pages = await benchPacket(dir!, out!, documents);
    report(t, { pages });
  },
  // The desktop app builds packets in a process that is already running: the second packet in
  // the same process, its code compiled and optimized by then.
  async 'packet-warm'([dir, out]) {
    const documents = await benchDocuments(dir!);
    await benchPacket(dir!, out!, documents);
    const t = performance.now();
    const pages = await benchPacket(dir!, out!, documents);
    report(t, { pages });
  },
};

const [name, ...args] = process.argv.slice(2);
const phase = phases[name ?? ''];
if (!phase) {
  console.error(`unknown phase ${name}; phases: ${Object.keys(phases).join(', ')}`);
  process.exit(2);
}
await phase(args);
