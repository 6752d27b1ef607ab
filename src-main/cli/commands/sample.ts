import type { Stratification } from '../../core/sampling/frame';
import { parseSeed } from '../../core/sampling/prng';
import {
  createSampleWithReport,
  loadSample,
  SampleError,
  sampleReport,
  type SampleReport,
} from '../../core/sampling/samples';
import { openDatabase } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';
import { localStamp } from '../../../shared/dates';
import { dollars } from '../../../shared/money';

export const SAMPLE_HELP = `Usage: chartready sample --db FILE --n COUNT --seed N [--per clinician|payer] [--json]
                        [--as-of YYYY-MM-DD] [--passphrase-env VAR]

Draws a reproducible random sample of claims for a probe audit: the frame is every claim with
billed lines in the database, in claim-id order; the same seed and the same frame give the same
claims. --per stratifies by clinician or payer (proportional allocation). The sample is recorded
in the database (frame description and hash, seed, method, claims) and in the audit log, and its
statistics are printed at once: the error rate with a 90% two-sided exact (Clopper-Pearson)
interval and the dollars at risk projected to the frame (point estimate and the lower limit of a
two-sided 90% interval). "chartready sample-report" prints them again later, from the review as it
stands then. A claim is in error when it has an open error-severity fail finding on its dates
(not decided "not-a-defect"). See docs/deadlines.md for the method.`;

export const SAMPLE_REPORT_HELP = `Usage: chartready sample-report --db FILE --sample ID [--json] [--as-of YYYY-MM-DD]
                               [--passphrase-env VAR]

The statistics of a recorded sample from the review as it stands: each sampled claim in error or
not (and the rules), the error rate with its 90% Clopper-Pearson interval, and the dollars at risk
projected to the frame. Says so when the frame has changed since the sample was drawn.`;

const money = (v: number | null) => (v === null ? 'n/a' : dollars(v));
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function formatSampleReport(r: SampleReport): string {
  const s = r.sample;
  const out = [
    `Sample ${s.id}: ${s.n} of ${s.frame.size} claims, seed ${s.seed}${s.per ? `, stratified by ${s.per}` : ''} (drawn ${localStamp(s.createdAt, false)}, frame as of ${s.frame.asOf})`,
    `  method: ${s.method}`,
    `  frame: ${s.frame.population}; hash ${s.frame.hash.slice(0, 16)}${r.frameChanged ? ' (the frame has changed since: claims were added or removed)' : ''}`,
    '',
  ];
  for (const m of r.members) {
    const status = m.missing ? 'NOT FOUND' : m.inError ? 'IN ERROR' : 'ok';
    out.push(
      `  ${String(m.ordinal).padStart(3)}. claim ${m.claimId}${m.stratum ? ` [${m.stratum}]` : ''}  ${status}${m.inError ? `  at risk ${money(m.atRisk)} (${m.rules.join(', ')})` : ''}`,
    );
  }
  const e = r.errorRate;
  const p = r.dollarsAtRisk.projected;
  out.push(
    '',
    `Error rate (review as of ${r.asOf}): ${e.inError}/${e.n} = ${pct(e.rate)}; 90% CI (Clopper-Pearson, two-sided) ${pct(e.interval.lower)} to ${pct(e.interval.upper)}`,
    `Dollars at risk in the sample: ${money(r.dollarsAtRisk.sampled)}`,
    `Projected to the frame: ${money(p.point)}; lower limit of the two-sided 90% interval ${money(p.lower)}${p.note ? ` (${p.note})` : ''}`,
  );
  return out.join('\n') + '\n';
}

export async function sampleCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    n: { type: 'string' },
    per: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(SAMPLE_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const nText = requireString(values.n, '--n COUNT');
  if (!/^\d+$/.test(nText) || Number(nText) < 1)
    throw new UsageError(`--n takes a whole number of claims, 1 or more (got ${nText})`);
  const seedText = requireString(values.seed, '--seed N');
  const seed = parseSeed(seedText);
  if (seed === null)
    throw new UsageError(
      `--seed takes a whole number from 0 to 18446744073709551615 (got ${seedText})`,
    );
  const per = values.per ?? null;
  if (per !== null && per !== 'clinician' && per !== 'payer')
    throw new UsageError(`--per must be clinician or payer (got ${per})`);
  const asOf = isoDateOption(values['as-of'], '--as-of');
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    const report = createSampleWithReport(db, {
      n: Number(nText),
      per: per as Stratification | null,
      seed,
      asOf,
    });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else process.stdout.write(formatSampleReport(report));
    return 0;
  } catch (err) {
    if (err instanceof SampleError) {
      console.error(`chartready sample: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}

export async function sampleReportCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    sample: { type: 'string' },
    json: { type: 'boolean' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(SAMPLE_REPORT_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const idText = requireString(values.sample, '--sample ID');
  if (!/^\d+$/.test(idText)) throw new UsageError(`--sample takes a sample id (got ${idText})`);
  const asOf = isoDateOption(values['as-of'], '--as-of');
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    const sample = loadSample(db, Number(idText));
    if (!sample) {
      console.error(`chartready sample-report: no sample ${idText} in this database`);
      return 1;
    }
    const report = sampleReport(db, sample, { asOf });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else process.stdout.write(formatSampleReport(report));
    return 0;
  } finally {
    db.close();
  }
}
