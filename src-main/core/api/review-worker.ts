/**
 * Worker-thread entry of the stored review's pool (review-pool.ts): opens the store read-only,
 * then builds and reviews each group of patients it is sent and answers with the rows to store
 * (stored-rows.ts). Every answer is posted on the pool's port and counted in the shared flag,
 * which the main thread waits on while it writes.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { openDatabase } from '../store/db';
import { episodeReviewer } from './episode-reviewer';
import { reviewGroup, type GroupContext, type GroupOutput } from './stored-rows';

export interface ReviewWorkerData {
  port: MessagePort;
  flag: Int32Array;
  dbPath: string;
  ctx: GroupContext;
  out: GroupOutput;
}

export type ReviewWorkerReply =
  | { type: 'ready' }
  | { type: 'done'; seq: number; patients: ReturnType<typeof reviewGroup> }
  | { type: 'error'; seq: number | null; message: string };

const { port, flag, dbPath, ctx, out } = workerData as ReviewWorkerData;

function reply(msg: ReviewWorkerReply): void {
  port.postMessage(msg);
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
}

try {
  const db = openDatabase(dbPath, { readonly: true });
  const review = episodeReviewer(ctx.override, ctx.episodeProfiles);
  port.on('message', (msg: { seq: number; group: number[] } | { type: 'close' }) => {
    if ('type' in msg) {
      db.close();
      port.close();
      return;
    }
    try {
      reply({ type: 'done', seq: msg.seq, patients: reviewGroup(db, msg.group, ctx, review, out) });
    } catch (err) {
      reply({ type: 'error', seq: msg.seq, message: (err as Error).message ?? String(err) });
    }
  });
  reply({ type: 'ready' });
} catch (err) {
  reply({ type: 'error', seq: null, message: (err as Error).message ?? String(err) });
}
