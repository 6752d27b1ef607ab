/**
 * One tesseract.js worker per thread, created on first use. Everything it loads comes from
 * node_modules: the worker script and WebAssembly core from tesseract.js / tesseract.js-core, the
 * English LSTM model from @tesseract.js-data/eng. No URL is ever given, so nothing is fetched, and
 * `cacheMethod: 'none'` keeps it from writing a cache file beside the data.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Worker as ThreadWorker } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import { checkLanguageData, OcrFailureError } from './failure';

const require = createRequire(import.meta.url);

/** LSTM-only "best int" model: 2.9 MB, faster and smaller in memory than the legacy+LSTM one. */
export const OCR_MODEL_DIR = join(
  dirname(require.resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);
const WORKER_SCRIPT = require.resolve('tesseract.js/src/worker-script/node/index.js');

export type OcrBlocks = NonNullable<Tesseract.Page['blocks']>;

export interface EngineResult {
  blocks: OcrBlocks;
  confidence: number;
  /** Small skew tesseract measured and corrected, in radians. */
  rotateRadians: number;
}

let engine: Promise<Tesseract.Worker> | null = null;
let busy = 0;

/**
 * The longest one page may take (a clean page takes a few seconds, a noisy fax under a minute):
 * past it the engine is ended, so one pathological page cannot stall the import.
 */
export const OCR_PAGE_TIMEOUT_MS = 180_000;
let pageTimeoutMs = OCR_PAGE_TIMEOUT_MS;

/** Tests shorten the page time limit; null restores it. */
export function setOcrPageTimeout(ms: number | null): void {
  pageTimeoutMs = ms ?? OCR_PAGE_TIMEOUT_MS;
}

function thread(w: Tesseract.Worker): ThreadWorker | null {
  return (w as unknown as { worker?: ThreadWorker }).worker ?? null;
}

function startEngine(): Promise<Tesseract.Worker> {
  // Said by name: tesseract.js would otherwise fail later with a bare file error.
  if (!engine) checkLanguageData(OCR_MODEL_DIR);
  engine ??= Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
    langPath: OCR_MODEL_DIR,
    workerPath: WORKER_SCRIPT,
    cacheMethod: 'none',
    gzip: true,
    logger: () => {},
    // Without a handler tesseract.js throws a failed job's error from its message listener.
    errorHandler: () => {},
  }).then(
    (w) => {
      thread(w)?.unref();
      return w;
    },
    (err: unknown) => {
      engine = null;
      throw new Error(`the OCR engine could not start: ${String(err)}`);
    },
  );
  return engine;
}

/**
 * Reads one PNG-encoded page. The tesseract thread is referenced only while a page is being read,
 * so an idle engine never keeps a CLI process alive.
 */
export async function recognizePng(png: Uint8Array, dpi: number): Promise<EngineResult> {
  const w = await startEngine();
  busy++;
  if (busy === 1) thread(w)?.ref();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, fail) => {
    timer = setTimeout(() => {
      // The engine is busy with this page for good: end it; the next page starts another.
      if (engine) void engine.then((x) => x.terminate()).catch(() => undefined);
      engine = null;
      fail(
        new OcrFailureError(
          'timed-out',
          `OCR took longer than ${Math.round(pageTimeoutMs / 1000)} s on the page`,
        ),
      );
    }, pageTimeoutMs);
  });
  try {
    const job = w.recognize(
      Buffer.from(png.buffer, png.byteOffset, png.byteLength),
      {
        rotateAuto: true,
        user_defined_dpi: String(Math.round(dpi)),
        // Scans are dark on light: tesseract's retry of every doubtful line as white-on-black
        // text doubles the time on noisy pages and reads nothing more.
        tessedit_do_invert: '0',
        // Tesseract's diagnostics ("Detected 85 diacritics") would go to the app's stderr.
        debug_file: '/dev/null',
      } as Partial<Tesseract.RecognizeOptions>,
      { text: false, blocks: true },
    );
    job.catch(() => undefined); // a job ended by the time limit rejects unheard
    const { data } = await Promise.race([job, timedOut]);
    return {
      blocks: data.blocks ?? [],
      confidence: data.confidence,
      rotateRadians: data.rotateRadians ?? 0,
    };
  } catch (err) {
    if (err instanceof OcrFailureError) throw err;
    throw new Error(typeof err === 'string' ? err : String((err as Error)?.message ?? err));
  } finally {
    clearTimeout(timer);
    busy--;
    if (busy === 0) thread(w)?.unref();
  }
}

/** Ends this thread's engine (the analysis pool's workers end theirs by ending the thread). */
export async function closeOcrEngine(): Promise<void> {
  const pending = engine;
  engine = null;
  if (!pending) return;
  try {
    await (await pending).terminate();
  } catch {
    // An engine that never started has nothing to end.
  }
}
