/**
 * Worker-thread entry: parses one ledger and streams its rows back in batches, so parsing runs on
 * one core while the main thread inserts on the other. At most MAX_IN_FLIGHT batches wait
 * unacknowledged: the parser never runs ahead of the inserts by more than that (flat memory).
 */
import { parentPort } from 'node:worker_threads';
import { ReaderError } from '../ingest/errors';
import { readLedgerBatches } from '../ingest/ledger-csv';

const MAX_IN_FLIGHT = 4;
let inFlight = 0;
let wake: (() => void) | null = null;

async function* chunks(bytes: Uint8Array, size = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}

parentPort!.on('message', async (msg: { type: 'parse'; bytes: Uint8Array } | { type: 'ack' }) => {
  if (msg.type === 'ack') {
    inFlight--;
    wake?.();
    return;
  }
  try {
    const gen = readLedgerBatches(chunks(msg.bytes));
    for (;;) {
      const next = await gen.next();
      if (next.done) {
        parentPort!.postMessage({ type: 'done', stats: next.value });
        return;
      }
      while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => (wake = r));
      inFlight++;
      parentPort!.postMessage({ type: 'batch', lines: next.value });
    }
  } catch (err) {
    if (err instanceof ReaderError)
      parentPort!.postMessage({ type: 'rejected', rejection: err.rejection });
    else
      parentPort!.postMessage({ type: 'failed', message: (err as Error).message ?? String(err) });
  }
});
