import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BillingLine, Rejection } from '../../../shared/model';
import { ReaderError } from '../ingest/errors';
import type { LedgerStats } from '../ingest/ledger-csv';
import type { OcrProgress } from '../ocr';
import type { Analysis } from './analyze';
import type { Db } from '../store/db';
import { importPaths, type ImportOptions, type ImportSummary } from './pipeline';

/**
 * Node 20 does not apply `--import tsx` to a TypeScript worker entry, so each worker first
 * registers tsx's loader, then imports the real entry.
 */
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_BOOT = RUNNING_FROM_SOURCE
  ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((m) => { m.register(); return import(${JSON.stringify(new URL('./analyze-worker.ts', import.meta.url).href)}); })
  .catch((err) => { require('node:worker_threads').parentPort.postMessage({ id: -1, error: String(err) }); });`
  : // The bundle (dist/node) ships the worker beside the CLI as plain JavaScript.
    `import(${JSON.stringify(new URL('./analyze-worker.mjs', import.meta.url).href)})`;

/** Old-generation heap per worker; a file needing more is rejected as too large, not fatal. */
export const WORKER_HEAP_MB = 256;

interface Job {
  id: number;
  path: string;
  bytes: Uint8Array;
  progress?: OcrProgress;
  resolve: (a: Analysis) => void;
  reject: (e: unknown) => void;
}

type WorkerMessage = {
  id: number;
  analysis?: Analysis;
  error?: string;
  ocrPage?: { page: number; pages: number };
  cancelled?: boolean;
};

/**
 * A small pool of worker threads running analyzeSource, so PDF parsing uses every core while the
 * main thread stores results. Workers load the TypeScript source through tsx's loader.
 */
export class AnalyzePool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 1;
  private closed = false;

  private readonly heapMb: number | null;
  private readonly boot: string;

  /**
   * @param opts.heapMb old-generation heap per worker. Default: WORKER_HEAP_MB for the built
   *   runtime; none from source, where tsx's transform of pdf.js alone needs ~500 MB per worker.
   * @param opts.entry a built worker module to run instead of the default one.
   */
  constructor(
    size = Math.max(1, availableParallelism()),
    opts: { heapMb?: number; entry?: URL } = {},
  ) {
    this.heapMb = opts.heapMb ?? (RUNNING_FROM_SOURCE && !opts.entry ? null : WORKER_HEAP_MB);
    this.boot = opts.entry ? `import(${JSON.stringify(opts.entry.href)})` : WORKER_BOOT;
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    // Bounded heaps: V8 otherwise lets each worker's heap grow for a long time before a full
    // collection, and with one worker per core that alone pushed a 1,000-PDF import past 1 GB.
    const w = new Worker(this.boot, {
      eval: true,
      ...(this.heapMb
        ? { resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 16 } }
        : {}),
    });
    w.on('message', (msg: WorkerMessage) => {
      const job = this.running.get(w);
      if (msg.ocrPage) {
        if (job?.id === msg.id) job.progress?.onPage?.(msg.ocrPage.page, msg.ocrPage.pages);
        return;
      }
      this.running.delete(w);
      if (job) {
        if (msg.analysis) job.resolve(msg.analysis);
        else if (msg.cancelled) job.reject(job.progress?.signal?.reason);
        else job.reject(new Error(msg.error ?? 'analysis failed'));
      }
      this.idle.push(w);
      this.pump();
    });
    // A worker that dies (out of memory on one huge file, or a crash) fails only its own file;
    // a fresh worker takes its place and the batch goes on.
    w.on('error', (err: Error & { code?: string }) => {
      const job = this.running.get(w);
      this.running.delete(w);
      if (job && err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        job.resolve({
          status: 'rejected',
          rejection: {
            reason: `too large to read within the ${this.heapMb} MB memory limit for one file; split it or export it in parts`,
            code: 'too-large',
          },
        });
      } else {
        job?.reject(new Error(`worker failed: ${err.message}`));
      }
    });
    w.on('exit', () => {
      this.workers.delete(w);
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
      if (!this.closed) {
        this.spawn();
        this.pump();
      }
    });
    this.workers.add(w);
    this.idle.push(w);
  }

  analyze = (path: string, bytes: Uint8Array, progress?: OcrProgress): Promise<Analysis> =>
    new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('analysis pool is closed'));
      const job: Job = { id: this.nextId++, path, bytes, resolve, reject };
      if (progress) job.progress = progress;
      // Cancel: a queued job leaves the queue; a running one stops before its next OCR page.
      progress?.signal?.addEventListener(
        'abort',
        () => {
          const queued = this.queue.indexOf(job);
          if (queued >= 0) {
            this.queue.splice(queued, 1);
            reject(progress.signal!.reason);
          }
          for (const [w, j] of this.running) if (j === job) w.postMessage({ cancel: job.id });
        },
        { once: true },
      );
      this.queue.push(job);
      this.pump();
    });

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      // Copy: the caller keeps its bytes (they are stored as the file's original content).
      w.postMessage({ id: job.id, path: job.path, bytes: job.bytes });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }
}

/**
 * Imports with a worker pool where it pays: in the built runtime (dist/node). From the TypeScript
 * sources every worker would first transform pdf.js through tsx (seconds and ~500 MB each), so
 * there the import runs in-process.
 */
export async function importPathsParallel(
  db: Db,
  args: string[],
  opts: Omit<ImportOptions, 'analyze'> = {},
): Promise<ImportSummary> {
  if (RUNNING_FROM_SOURCE || availableParallelism() < 2) return importPaths(db, args, opts);
  const pool = new AnalyzePool();
  try {
    return await importPaths(db, args, {
      readAhead: availableParallelism() * 2,
      ...opts,
      analyze: pool.analyze,
      ledgerBatches: (bytes) => ledgerBatchesInWorker(bytes),
    });
  } finally {
    await pool.close();
  }
}

type LedgerMessage =
  | { type: 'batch'; lines: BillingLine[] }
  | { type: 'done'; stats: LedgerStats }
  | { type: 'rejected'; rejection: Rejection }
  | { type: 'failed'; message: string };

/**
 * Ledger rows parsed in a worker thread (built runtime): the same batches and errors as
 * readLedgerBatches, while the caller inserts. The bytes are transferred, not copied.
 */
export async function* ledgerBatchesInWorker(
  bytes: Uint8Array,
  entry: URL = new URL('./ledger-worker.mjs', import.meta.url),
): AsyncGenerator<BillingLine[], LedgerStats> {
  const worker = new Worker(`import(${JSON.stringify(entry.href)})`, { eval: true });
  const inbox: LedgerMessage[] = [];
  let wake: (() => void) | null = null;
  let crashed: Error | null = null;
  worker.on('message', (m: LedgerMessage) => {
    inbox.push(m);
    wake?.();
  });
  worker.on('error', (err) => {
    crashed = err;
    wake?.();
  });
  try {
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    worker.postMessage(
      { type: 'parse', bytes },
      owned && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [],
    );
    for (;;) {
      while (inbox.length === 0 && !crashed) await new Promise<void>((r) => (wake = r));
      if (crashed) throw crashed;
      const m = inbox.shift()!;
      if (m.type === 'batch') {
        yield m.lines;
        worker.postMessage({ type: 'ack' });
      } else if (m.type === 'done') return m.stats;
      else if (m.type === 'rejected') throw new ReaderError(m.rejection);
      else throw new Error(m.message);
    }
  } finally {
    await worker.terminate();
  }
}
