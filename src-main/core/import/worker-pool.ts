import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Analysis } from './analyze';

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

interface Job {
  id: number;
  path: string;
  bytes: Uint8Array;
  resolve: (a: Analysis) => void;
  reject: (e: Error) => void;
}

/**
 * A small pool of worker threads running analyzeSource, so PDF parsing uses every core while the
 * main thread stores results. Workers load the TypeScript source through tsx's loader.
 */
export class AnalyzePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 1;
  private closed = false;

  constructor(size = Math.max(1, availableParallelism())) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(WORKER_BOOT, { eval: true });
      w.on('message', (msg: { id: number; analysis?: Analysis; error?: string }) => {
        const job = this.running.get(w);
        this.running.delete(w);
        if (job) {
          if (msg.analysis) job.resolve(msg.analysis);
          else job.reject(new Error(`${job.path}: ${msg.error ?? 'analysis failed'}`));
        }
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (err) => {
        const job = this.running.get(w);
        this.running.delete(w);
        job?.reject(new Error(`${job.path}: worker failed: ${err.message}`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  analyze = (path: string, bytes: Uint8Array): Promise<Analysis> =>
    new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('analysis pool is closed'));
      this.queue.push({ id: this.nextId++, path, bytes, resolve, reject });
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
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
