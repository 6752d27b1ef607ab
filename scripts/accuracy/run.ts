/**
 * `npm run accuracy`: imports and reviews every chart of the variety corpus (test/corpus/) in a
 * fresh database each, and prints per rule the precision and recall of fail/warn findings against
 * the hand-written expectations, every false alarm on a clean episode, every missed planted
 * defect and every wrong payer profile. Exit 1 when CI must fail (see `gateFailures`).
 *
 *   npm run accuracy [-- --chart ID] [--corpus DIR] [--json FILE] [--all-alarms]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reviewStore } from '../../src-main/core/api/review';
import { unassignedDocuments } from '../../src-main/core/episodes';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase } from '../../src-main/core/store/db';
import { loadCorpus, materializeExport } from './corpus';
import { formatReport } from './report';
import { gateFailures, mergeTallies, scoreChart, type ChartScore } from './score';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      chart: { type: 'string', multiple: true },
      corpus: { type: 'string' },
      json: { type: 'string' },
      'all-alarms': { type: 'boolean' },
    },
  });
  const corpusDir = resolve(values.corpus ?? 'test/corpus');
  const charts = loadCorpus(corpusDir, values.chart).filter(
    (c) => !values.chart?.length || values.chart.includes(c.id),
  );
  if (charts.length === 0) {
    console.error(`no charts found in ${corpusDir}`);
    return 2;
  }
  const scores: ChartScore[] = [];
  const importProblems: string[] = [];
  for (const chart of charts) {
    const work = mkdtempSync(join(tmpdir(), `chartready-accuracy-${chart.id}-`));
    try {
      const exportDir = await materializeExport(chart.exportDir, join(work, 'export'));
      const db = openDatabase(join(work, 'chart.db'));
      try {
        const summary = await importPaths(db, [exportDir]);
        for (const f of summary.files)
          if (f.status === 'rejected')
            importProblems.push(`${chart.id}: rejected ${f.path}: ${f.reason ?? ''}`);
        // A document no evidence places with a patient is in no episode: the review never sees it.
        for (const d of unassignedDocuments(db))
          importProblems.push(
            `${chart.id}: no patient for ${d.file} p.${d.pageStart}: ${d.clues.join('; ')}`,
          );
        const report = reviewStore(db, { asOf: chart.expectation.asOf, audit: false });
        scores.push(scoreChart(chart.id, chart.expectation, report.episodes));
      } finally {
        db.close();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const failures = scores.flatMap(gateFailures);
  console.log(
    formatReport(scores, mergeTallies(scores), importProblems, failures, !!values['all-alarms']),
  );
  if (values.json) {
    writeFileSync(
      values.json,
      JSON.stringify(
        {
          charts: scores.map((s) => ({ ...s, tally: Object.fromEntries(s.tally) })),
          tally: Object.fromEntries(mergeTallies(scores)),
          importProblems,
          failures,
        },
        null,
        2,
      ),
    );
  }
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
