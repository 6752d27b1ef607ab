/**
 * `npm run bench`: generates inputs in a temp folder (not timed), then times each job against a
 * baseline run in the same process tree on the same machine, and prints absolute times, ratios,
 * peak RSS and the goals. Each phase runs in its own child process so its peak RSS is its own.
 *   --quick    smaller inputs (a smoke run)
 *   --only X   one of: import, ocr, review, packet
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, only: { type: 'string' }, keep: { type: 'boolean' } },
});
const quick = values.quick ?? false;
const size = {
  pdfs: quick ? 100 : 1000,
  ledger: quick ? 100_000 : 1_000_000,
  episodes: quick ? 1000 : 10_000,
  visits: 20,
  exhibits: 100,
  exhibitPages: 5,
  faxPages: quick ? 4 : 12,
};
const work = mkdtempSync(join(tmpdir(), 'chartready-bench-'));

interface PhaseResult {
  ms: number;
  maxRssMb: number;
  [k: string]: unknown;
}

function phase(name: string, ...args: Array<string | number>): PhaseResult {
  const out = execFileSync(
    process.execPath,
    // Phases run from the esbuild bundle (npm run build): plain Node, as the app runs.
    ['dist/node/bench-phases.mjs', name, ...args.map(String)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    },
  );
  const last = out.trim().split('\n').pop()!;
  if (process.env.BENCH_DEBUG) console.error(name, last);
  return JSON.parse(last) as PhaseResult;
}

/** How many times each sub-second job runs (see `median`). */
const RUNS = quick ? 3 : 5;

/** Runs the phases in turn, RUNS rounds, and returns each one's median run. */
function medians(...phases: Array<() => PhaseResult>): PhaseResult[] {
  const runs = phases.map((): PhaseResult[] => []);
  for (let round = 0; round < RUNS; round++) phases.forEach((run, i) => runs[i]!.push(run()));
  return runs.map((r) => r.sort((a, b) => a.ms - b.ms)[Math.floor(RUNS / 2)]!);
}

const rows: string[][] = [];
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
function row(
  job: string,
  ours: PhaseResult,
  base: PhaseResult | null,
  goal: string,
  ok: boolean | null,
) {
  rows.push([
    job,
    sec(ours.ms),
    base ? sec(base.ms) : '-',
    base ? `${(ours.ms / base.ms).toFixed(2)}x` : '-',
    `${ours.maxRssMb.toFixed(0)} MB`,
    goal,
    ok === null ? '' : ok ? 'met' : 'NOT met',
  ]);
}

try {
  if (!values.only || values.only === 'import') {
    const pdfDir = join(work, 'pdfs');
    console.error(
      `generating ${size.pdfs} note PDFs and a ${size.ledger.toLocaleString()}-line ledger (not timed)...`,
    );
    phase('gen-pdfs', pdfDir, size.pdfs);
    const ledger = join(work, 'ledger.csv');
    phase('gen-ledger', ledger, size.ledger);

    const base = phase('pdftotext', pdfDir);
    const ours = phase('import-pdfs', pdfDir, join(work, 'pdfs.db'));
    row(
      `import ${size.pdfs} note PDFs (vs pdftotext)`,
      ours,
      base,
      '<= 2x; RSS < 500 MB',
      ours.ms <= 2 * base.ms && ours.maxRssMb < 500,
    );

    const raw = phase('raw-insert', join(work, 'raw.db'), size.ledger);
    const led = phase('import-ledger', ledger, join(work, 'ledger.db'));
    if (led.rejected) throw new Error(`ledger import rejected: ${String(led.reason)}`);
    row(
      `import ${size.ledger.toLocaleString()}-line ledger (vs raw inserts)`,
      led,
      raw,
      '<= 3x; RSS < 500 MB',
      led.ms <= 3 * raw.ms && led.maxRssMb < 500,
    );
  }
  if (!values.only || values.only === 'ocr') {
    const dir = join(work, 'fax');
    console.error(`generating ${size.faxPages} fax pages (not timed)...`);
    phase('gen-fax', dir, size.faxPages);
    const base = phase('read-pages', join(dir, 'text'));
    const ocr = phase('ocr-pages', join(dir, 'fax'));
    const perPage = ocr.ms / Number(ocr.pages);
    const basePerPage = base.ms / Number(base.pages);
    rows.push([
      `OCR ${String(ocr.pages)} fax pages, one thread (${(perPage / 1000).toFixed(2)} s/page, ${(Number(ocr.cpuMs) / Number(ocr.pages) / 1000).toFixed(2)} s CPU/page, mean confidence ${Number(ocr.confidence).toFixed(0)}; engine ${Number(ocr.engineMb).toFixed(0)} MB; vs reading the same pages' text layer)`,
      sec(ocr.ms),
      sec(base.ms),
      `${(perPage / basePerPage).toFixed(0)}x`,
      `${ocr.maxRssMb.toFixed(0)} MB`,
      '<= 3 s/page',
      perPage <= 3000 ? 'met' : 'NOT met',
    ]);
    const pool = phase('import-faxes', join(dir, 'fax'), join(work, 'fax.db'));
    rows.push([
      `  import them with the worker pool (${String(pool.workers)} threads, ${(pool.ms / 1000 / size.faxPages).toFixed(2)} s/page wall)`,
      sec(pool.ms),
      sec(ocr.ms),
      `${(pool.ms / ocr.ms).toFixed(2)}x`,
      `${pool.maxRssMb.toFixed(0)} MB`,
      'info',
      '',
    ]);
  }
  if (!values.only || values.only === 'review') {
    console.error(`generating review databases (not timed)...`);
    for (const visits of [10, 20, 40]) {
      const db = join(work, `review-${visits}.db`);
      phase('gen-episodes', db, size.episodes, visits);
      // Baseline: the same rows read with plain better-sqlite3, so the ratio compares machines.
      const base = phase('review-scan', db);
      // A copy for the first review in worker threads (the review stores its results).
      const pooled = join(work, `review-${visits}-workers.db`);
      if (visits === 20) copyFileSync(db, pooled);
      const r = phase('review', db);
      const perVisitUs = (r.ms * 1000) / (size.episodes * visits);
      row(
        `review ${size.episodes.toLocaleString()} episodes x ${visits} visits (${perVisitUs.toFixed(1)} us/visit; vs reading its rows)`,
        r,
        base,
        visits === 20 ? '< 3 s' : 'linear',
        visits === 20 ? r.ms < 3000 : null,
      );
      if (visits === 20) {
        // The same first review with the opt-in review workers (two threads).
        const w = phase('review', pooled, 2);
        row(`  the same first review in 2 review workers (opt-in)`, w, base, 'info', null);
        // The stored review (issue 16): read back when nothing changed, brought up to date after
        // an import of 20 new note files, and the app opening on it.
        const again = phase('review', db);
        row(
          `  the same review again, nothing changed (stored results read back; vs reading its rows)`,
          again,
          base,
          'info',
          null,
        );
        const open = phase('app-open', db);
        row(
          `  open that store in the app: episode list from stored results`,
          open,
          base,
          '< 1 s',
          open.ms < 1000,
        );
        const dash = phase('dashboard', db);
        row(`  readiness dashboard from that stored review`, dash, base, '< 1 s', dash.ms < 1000);
        const notes = join(work, 'new-notes');
        phase('gen-pdfs', notes, 20);
        phase('import-pdfs', notes, db);
        const fresh = phase('app-open', db);
        row(
          `  after importing 20 new note files: review brought up to date + episode list`,
          fresh,
          base,
          '<= 1 s',
          fresh.ms <= 1000,
        );
        // What any review must cost: its rows read plus a report as large as this one, no rules.
        const shape = ['episodes', 'findings', 'evidence', 'dates', 'messageChars'];
        const floor = phase(
          'review-floor',
          db,
          JSON.stringify(Object.fromEntries(shape.map((k) => [k, r[k]]))),
        );
        row(
          `  floor: read those rows + make a report this size, no rules (read ${sec(floor.readMs as number)}, report ${sec(floor.reportMs as number)}; vs the review)`,
          floor,
          r,
          'info',
          null,
        );
      }
    }
  }
  if (!values.only || values.only === 'packet') {
    const dir = join(work, 'exhibits');
    phase('gen-exhibits', dir, size.exhibits, size.exhibitPages);
    // Sub-second runs swing by a quarter on a shared 2-core machine: each job runs RUNS times,
    // alternating with its baseline, and the medians are compared.
    const [base, ours] = medians(
      () => phase('qpdf-concat', dir, join(work, 'qpdf.pdf')),
      () => phase('packet', dir, join(work, 'packet.pdf')),
    ) as [PhaseResult, PhaseResult];
    row(
      `packet from ${size.exhibits} exhibit PDFs, ${String(ours.pages)} pages, fresh process (vs qpdf concat; median of ${RUNS})`,
      ours,
      base,
      '<= 2x',
      ours.ms <= 2 * base.ms,
    );
    const [warm] = medians(() => phase('packet-warm', dir, join(work, 'packet-warm.pdf'))) as [
      PhaseResult,
    ];
    row(
      `the same packet, second in a running process (desktop app)`,
      warm,
      base,
      '<= 2x',
      warm.ms <= 2 * base.ms,
    );
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

const header = ['job', 'ChartReady', 'baseline', 'ratio', 'peak RSS', 'goal', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(fmt(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
rows.forEach((r) => console.log(fmt(r)));
