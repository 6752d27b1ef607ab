/** Worker-thread entry: analyses files sent by the pool (pdf.js parsing and extraction off the main thread). */
import { parentPort } from 'node:worker_threads';
import { analyzeSource } from './analyze';

parentPort!.on('message', async (msg: { id: number; path: string; bytes: Uint8Array }) => {
  try {
    const analysis = await analyzeSource(msg.path, msg.bytes);
    parentPort!.postMessage({ id: msg.id, analysis });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: (err as Error).message ?? String(err) });
  }
});
