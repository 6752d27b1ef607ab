/**
 * The stored review's rebuild spread over worker threads (issue 16): each worker opens the store
 * read-only and builds and reviews groups of patients; the main thread writes their rows, in
 * group order, inside its one transaction, so a crash still leaves the old review or the new one.
 * The main thread waits without returning to its event loop (the review is synchronous): workers
 * post on a port and count their answers in a shared flag the main thread sleeps on.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import { log } from '../log';
import type { Db } from '../store/db';
import { openDatabase } from '../store/db';
import type { ReviewWorkerData, ReviewWorkerReply } from './review-worker';
import type { GroupContext, GroupOutput, RebuiltPatient } from './stored-rows';

/**
 * Node 20 does not apply `--import tsx` to a TypeScript worker entry, so from the sources each
 * worker first registers tsx's loader (as the import's pool does, worker-pool.ts).
 */
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
const SOURCE_ENTRY = new URL('./review-worker.ts', import.meta.url);
// The bundle (dist/node) ships the worker beside the CLI as plain JavaScript.
const BUILT_ENTRY = new URL('./review-worker.mjs', import.meta.url);

/** A worker whose code fails to load says so (the main thread is not listening for events). */
const REPORT_BOOT_ERROR = `
  .catch((err) => {
    const { workerData } = require('node:worker_threads');
    workerData.port.postMessage({ type: 'error', seq: null, message: String(err) });
    Atomics.add(workerData.flag, 0, 1);
    Atomics.notify(workerData.flag, 0);
  });`;

function bootScript(): string | null {
  if (RUNNING_FROM_SOURCE)
    return `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((m) => { m.register(); return import(${JSON.stringify(SOURCE_ENTRY.href)}); })${REPORT_BOOT_ERROR}`;
  if (BUILT_ENTRY.protocol !== 'file:' || !existsSync(fileURLToPath(BUILT_ENTRY))) return null;
  return `import(${JSON.stringify(BUILT_ENTRY.href)})${REPORT_BOOT_ERROR}`;
}

/** Documents to rebuild below which workers are not started unless the caller asks for them. */
export const WORKER_MIN_DOCUMENTS = 2_000;

/** CHARTREADY_REVIEW_WORKERS: how many review workers to use (0: none), else chosen here. */
function workersFromEnv(): number | undefined {
  const v = process.env.CHARTREADY_REVIEW_WORKERS;
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, 16) : undefined;
}

/**
 * How many review workers to use for this rebuild: `given` when given (0: none), else
 * CHARTREADY_REVIEW_WORKERS for a rebuild of at least WORKER_MIN_DOCUMENTS documents, else none:
 * on the project's 2-core machine the workers cost more CPU than they save (README,
 * Benchmarks), so the review stays in this thread unless asked. None either when the store
 * cannot be opened again from another thread (in memory, encrypted, inside a caller's
 * transaction) or no worker script ships.
 */
export function reviewWorkers(db: Db, documents: number, given?: number): number {
  const asked = given ?? (documents >= WORKER_MIN_DOCUMENTS ? workersFromEnv() : undefined);
  if (!asked) return 0;
  if (db.memory || db.readonly || db.inTransaction || !db.name) return 0;
  if (bootScript() === null) return 0;
  // An encrypted store needs its passphrase: the workers open it without one, so not at all.
  try {
    openDatabase(db.name, { readonly: true }).close();
  } catch {
    return 0;
  }
  return asked;
}

/** Old-generation heap per review worker. */
export const WORKER_HEAP_MB = 256;

/** Time without a word from any worker after which the pool counts them as lost. */
const SILENCE_MS = 120_000;
/** Time for every worker to load its code and open the store. */
const START_MS = 30_000;

interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  inFlight: number;
}

/**
 * Builds and reviews `groups` (each one chunk of patients) in `workers` threads and hands each
 * group's results to `done` in group order. Returns how many workers ran (0: none could start)
 * and how many groups were handed over: all of them, unless a worker failed or went silent, when
 * the caller reviews the rest in its own thread (as it would have from the start: an error that
 * is the episode's own shows again there).
 */
export function reviewGroupsInWorkers(
  dbPath: string,
  groups: readonly number[][],
  ctx: GroupContext,
  out: GroupOutput,
  workers: number,
  done: (patients: RebuiltPatient[], group: readonly number[]) => void,
): { workers: number; written: number } {
  const none = { workers: 0, written: 0 };
  const boot = bootScript();
  if (boot === null || groups.length === 0) return none;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const pool: PoolWorker[] = [];
  const stop = () => {
    for (const w of pool) {
      w.port.close();
      void w.worker.terminate();
    }
  };
  try {
    for (let i = 0; i < Math.min(workers, groups.length); i++) {
      const { port1, port2 } = new MessageChannel();
      const data: ReviewWorkerData = { port: port2, flag, dbPath, ctx, out };
      const worker = new Worker(boot, {
        eval: true,
        workerData: data,
        transferList: [port2],
        // A bounded heap: a group is a few hundred documents, and V8 otherwise lets each
        // worker's heap grow long before a full collection (as the import's pool found).
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
      // Not kept alive by its worker: the pool ends each one itself.
      worker.unref();
      pool.push({ worker, port: port1, inFlight: 0 });
    }
    // Every worker ready (store opened, code loaded) before any group is sent.
    let ready = 0;
    let failed = false;
    waitFor(flag, pool, START_MS, (_w, msg) => {
      if (msg.type === 'ready') ready++;
      else failed = true;
      return failed || ready === pool.length;
    });
    if (failed) {
      stop();
      return none;
    }
  } catch {
    stop();
    return none;
  }

  let written = 0;
  try {
    // Groups go out in order, at most two per worker at a time and never far ahead of the
    // group being written, so results waiting their turn stay few.
    const waiting = new Map<number, RebuiltPatient[]>();
    const ahead = pool.length * 3;
    let sent = 0;
    const send = () => {
      for (const w of pool)
        while (w.inFlight < 2 && sent < groups.length && sent < written + ahead) {
          w.port.postMessage({ seq: sent, group: groups[sent] });
          w.inFlight++;
          sent++;
        }
    };
    send();
    while (written < groups.length) {
      let failed = false;
      try {
        waitFor(flag, pool, SILENCE_MS, (w, msg) => {
          if (msg.type === 'ready') return false;
          if (msg.type === 'error') return (failed = true);
          w.inFlight--;
          waiting.set(msg.seq, msg.patients);
          return waiting.has(written);
        });
      } catch {
        failed = true;
      }
      if (failed) {
        // Counts only: a message could quote the record.
        log.warn('review.workers.failed', { groups: groups.length, written });
        break;
      }
      for (let r = waiting.get(written); r !== undefined; r = waiting.get(written)) {
        waiting.delete(written);
        done(r, groups[written]!);
        written++;
      }
      send();
    }
  } finally {
    for (const w of pool) w.port.postMessage({ type: 'close' });
    stop();
  }
  return { workers: pool.length, written };
}

/**
 * Reads the workers' answers, sleeping on `flag` while there are none, until `enough` says so
 * (after an answer). Throws when no worker has answered for `silenceMs` (a worker lost to a crash
 * never answers, and its exit event would wait for this thread's event loop).
 */
function waitFor(
  flag: Int32Array,
  pool: readonly PoolWorker[],
  silenceMs: number,
  enough: (w: PoolWorker, msg: ReviewWorkerReply) => boolean,
): void {
  let quietSince = Date.now();
  for (;;) {
    const seen = Atomics.load(flag, 0);
    let got = false;
    for (const w of pool)
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
        got = true;
        if (enough(w, m.message as ReviewWorkerReply)) {
          // Answers left on the ports are read on the next call.
          return;
        }
      }
    if (got) quietSince = Date.now();
    else if (Date.now() - quietSince > silenceMs)
      throw new Error('review workers stopped answering');
    Atomics.wait(flag, 0, seen, 1000);
  }
}
