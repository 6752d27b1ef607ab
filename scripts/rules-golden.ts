/**
 * The rules' record: a hash of what the review reports on the sample chart (each finding's rule,
 * status, severity, dates, message, source and referral), kept with RULES_VERSION in
 * `test/review/rules-golden.json`. Stored reviews are rebuilt only when RULES_VERSION changes, so
 * `test/review/rules-version.test.ts` fails when the rules report differently under the same
 * version. `npx tsx scripts/rules-golden.ts` writes the record after a bump.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES_VERSION, runReview } from '../src-main/core/api/review';
import { importPaths } from '../src-main/core/import/pipeline';
import { openDatabase } from '../src-main/core/store/db';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../assets/sample-chart');
export const GOLDEN = join(here, '../test/review/rules-golden.json');
const AS_OF = '2026-11-24';

export interface RulesGolden {
  rulesVersion: string;
  /** sha256 of the sample chart's findings as the rules state them. */
  sampleChart: string;
}

/** The hash of what the rules report on the sample chart, as of a fixed date. */
export async function sampleChartFindingsHash(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'chartready-rules-'));
  const db = openDatabase(join(dir, 'store.db'));
  try {
    await importPaths(db, [SAMPLE]);
    const h = createHash('sha256');
    for (const e of runReview(db, { asOf: AS_OF, audit: false }).episodes)
      for (const f of e.findings)
        h.update(
          JSON.stringify([
            e.patient.name,
            f.rule,
            f.status,
            f.severity,
            f.dates,
            f.message,
            f.source ?? null,
            f.refersTo ?? null,
          ]),
        );
    return h.digest('hex');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function loadRulesGolden(): RulesGolden {
  return JSON.parse(readFileSync(GOLDEN, 'utf8')) as RulesGolden;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const record: RulesGolden = {
    rulesVersion: RULES_VERSION,
    sampleChart: await sampleChartFindingsHash(),
  };
  writeFileSync(GOLDEN, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${GOLDEN} for ${RULES_VERSION}`);
}
