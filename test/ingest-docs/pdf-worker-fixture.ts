/** Runs readPdf inside a worker_thread and posts back the page texts (test helper). */
import { parentPort, workerData } from 'node:worker_threads';
import { readPdf } from '../../src-main/core/ingest/pdf';

const result = await readPdf(workerData as Uint8Array);
parentPort!.postMessage(result.kind === 'notes' ? result.pages.map((p) => p.text) : null);
