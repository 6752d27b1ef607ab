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
 * A one-line status on a terminal stream, redrawn at most every 80 ms (the last value always);
 * silent when the stream is not a terminal. `end`: clear the line, or keep it and move on.
 */
function statusLine<P>(
  stream: NodeJS.WriteStream,
  text: (p: P) => string,
  isLast: (p: P) => boolean,
  end: 'clear' | 'keep',
) {
  if (!stream.isTTY) return { update: (_p: P) => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(p: P) {
      const now = Date.now();
      if (now - last < 80 && !isLast(p)) return;
      last = now;
      shown = true;
      stream.write(`\r${text(p).slice(0, lineWidth(stream))}`);
    },
    done() {
      if (!shown) return;
      // Cleared, the report starts on a clean line; kept, the count stays above what follows.
      stream.write(end === 'clear' ? `\r${' '.repeat(Math.max(0, lineWidth(stream)))}\r` : '\n');
    },
  };
}

/**
 * A one-line count of reviewed patients on stderr when it is a terminal; silent otherwise.
 * Counts only, never names.
 */
export function reviewProgress(stream: NodeJS.WriteStream = process.stderr) {
  const n = (x: number) => x.toLocaleString('en-US');
  return statusLine<ReviewProgress>(
    stream,
    (p) => `reviewing: ${n(p.patientsDone)}/${n(p.patients)} patients, ${n(p.episodes)} episodes`,
    (p) => p.patientsDone >= p.patients,
    'clear',
  );
}

/** A one-line "label: done/total files" count on stderr when it is a terminal; silent otherwise. */
export function countProgress(label: string, stream: NodeJS.WriteStream = process.stderr) {
  return statusLine<{ done: number; total: number }>(
    stream,
    (p) => `${label}: ${p.done}/${p.total} files`,
    (p) => p.done >= p.total,
    'keep',
  );
}
