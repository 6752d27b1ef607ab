/**
 * Worker-thread entry: analyses files sent by the pool (pdf.js parsing and extraction off the main
 * thread). While a file is read by OCR it posts each page (`ocrPage`), and a `cancel` for the job
 * stops it before its next OCR page (answered with `cancelled`).
 */
import { parentPort } from 'node:worker_threads';
import { isCancelled } from '../ocr';
import { analyzeSource } from './analyze';

type Message = { id: number; path: string; bytes: Uint8Array } | { cancel: number };

const running = new Map<number, AbortController>();

parentPort!.on('message', async (msg: Message) => {
  if ('cancel' in msg) {
    running.get(msg.cancel)?.abort();
    return;
  }
  const abort = new AbortController();
  running.set(msg.id, abort);
  try {
    const analysis = await analyzeSource(msg.path, msg.bytes, {
      signal: abort.signal,
      onPage: (page, pages) => parentPort!.postMessage({ id: msg.id, ocrPage: { page, pages } }),
    });
    parentPort!.postMessage({ id: msg.id, analysis });
  } catch (err) {
    if (isCancelled(err)) parentPort!.postMessage({ id: msg.id, cancelled: true });
    else parentPort!.postMessage({ id: msg.id, error: (err as Error).message ?? String(err) });
  } finally {
    running.delete(msg.id);
  }
});
