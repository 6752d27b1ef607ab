import type { ReviewProgress } from '../core/api/review';
import type { ImportProgress } from '../core/import/pipeline';

/** Columns a progress line may use: one short of the terminal (0 or unknown width: 100). */
function lineWidth(stream: NodeJS.WriteStream): number {
  return (stream.columns || 100) - 1;
}

/**
 * A one-line progress bar on stderr when it is a terminal; silent otherwise (pipes and CI logs
 * get the per-file report instead). Shows counts, never file contents or patient names.
 */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return { update: (_p: ImportProgress) => {}, done: () => {} };
  const counts = { imported: 0, skipped: 0, rejected: 0 };
  let last = 0;
  const width = 28;
  const render = (done: number) => {
    const t = Math.max(total, done, 1);
    const filled = Math.round((done / t) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${t} files  imported ${counts.imported}  skipped ${counts.skipped}  rejected ${counts.rejected}`;
    stream.write(`\r${line.slice(0, lineWidth(stream))}`);
  };
  return {
    update(p: ImportProgress) {
      counts[p.current.status]++;
      const now = Date.now();
      if (now - last > 80 || p.done === total) {
        last = now;
        render(p.done);
      }
    },
    done() {
      stream.write('\n');
    },
  };
}

/**
 * A one-line count of reviewed patients on stderr when it is a terminal; silent otherwise.
 * Counts only, never names.
 */
export function reviewProgress(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return { update: (_p: ReviewProgress) => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(p: ReviewProgress) {
      const now = Date.now();
      if (now - last < 80 && p.patientsDone < p.patients) return;
      last = now;
      shown = true;
      const line = `reviewing: ${p.patientsDone.toLocaleString('en-US')}/${p.patients.toLocaleString('en-US')} patients, ${p.episodes.toLocaleString('en-US')} episodes`;
      stream.write(`\r${line.slice(0, lineWidth(stream))}`);
    },
    done() {
      // Clear the line so the report starts on a clean one.
      if (shown) stream.write(`\r${' '.repeat(Math.max(0, lineWidth(stream)))}\r`);
    },
  };
}

/** A one-line "label: done/total files" count on stderr when it is a terminal; silent otherwise. */
export function countProgress(label: string, stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return { update: (_p: { done: number; total: number }) => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(p: { done: number; total: number }) {
      const now = Date.now();
      if (now - last < 80 && p.done < p.total) return;
      last = now;
      shown = true;
      stream.write(`\r${`${label}: ${p.done}/${p.total} files`.slice(0, lineWidth(stream))}`);
    },
    done() {
      if (shown) stream.write('\n');
    },
  };
}
