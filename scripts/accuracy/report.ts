/** The accuracy report as text: per-rule table, then every false alarm, miss and wrong profile. */
import { CATALOG_RULE_IDS } from '../../src-main/core/review/profiles/rule-ids';
import type { Alarm, ChartScore, RuleTally } from './score';

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

function alarmLine(a: Alarm): string {
  const dates = a.dates.length ? ` [${a.dates.join(', ')}]` : '';
  return `  ${a.chart} | ${a.patient} | ${a.rule} ${a.status}/${a.severity}${dates}: ${a.message}${a.where ? ` (${a.where})` : ''}`;
}

export function formatReport(
  scores: readonly ChartScore[],
  tally: Map<string, RuleTally>,
  importProblems: readonly string[],
  failures: readonly string[],
  allAlarms: boolean,
): string {
  const out: string[] = [];
  const episodes = scores.reduce((n, s) => n + s.episodes, 0);
  out.push(`Accuracy on ${scores.length} chart(s), ${episodes} episode(s)`, '');
  out.push('rule                          planted  found  recall   alarms  true  precision');
  let planted = 0;
  let found = 0;
  let tp = 0;
  let fp = 0;
  for (const rule of CATALOG_RULE_IDS) {
    const t = tally.get(rule) ?? { planted: 0, found: 0, truePositives: 0, falsePositives: 0 };
    planted += t.planted;
    found += t.found;
    tp += t.truePositives;
    fp += t.falsePositives;
    const alarms = t.truePositives + t.falsePositives;
    out.push(
      `${rule.padEnd(28)}  ${String(t.planted).padStart(7)}  ${String(t.found).padStart(5)}  ${pct(t.found, t.planted).padStart(6)}  ${String(alarms).padStart(7)}  ${String(t.truePositives).padStart(4)}  ${pct(t.truePositives, alarms).padStart(9)}`,
    );
  }
  out.push(
    `${'all rules'.padEnd(28)}  ${String(planted).padStart(7)}  ${String(found).padStart(5)}  ${pct(found, planted).padStart(6)}  ${String(tp + fp).padStart(7)}  ${String(tp).padStart(4)}  ${pct(tp, tp + fp).padStart(9)}`,
  );
  const clean = scores.flatMap((s) => s.cleanAlarms);
  const cleanFails = clean.filter((a) => a.status === 'fail');
  out.push(
    '',
    `Clean episodes: ${cleanFails.length} failed rule(s), ${clean.length - cleanFails.length} warning(s) (goal: 0 failed)`,
  );
  out.push(...clean.map(alarmLine));
  const missed = scores.flatMap((s) => s.missed);
  out.push('', `Missed planted defects: ${missed.length} of ${planted} (goal: recall >= 98%)`);
  for (const m of missed)
    out.push(
      `  ${m.chart} | ${m.patient} | ${m.rule} [${m.dates.join(', ')}]: ${m.why}`,
      `      review said: ${m.got}`,
    );
  const profiles = scores.flatMap((s) => s.profiles);
  out.push('', `Wrong payer profile: ${profiles.length}`);
  for (const p of profiles)
    out.push(`  ${p.chart} | ${p.patient}: ${p.got}, expected ${p.expected}`);
  const episodesLost = scores.flatMap((s) => s.missingEpisodes.map((e) => `  ${s.chart} | ${e}`));
  const phantoms = scores.flatMap((s) => s.unexpectedEpisodes);
  out.push('', `Episodes not found or split: ${episodesLost.length}`, ...episodesLost);
  out.push(`Unexpected episodes: ${phantoms.length}`, ...phantoms.map(alarmLine));
  const other = scores.flatMap((s) => s.otherAlarms);
  out.push('', `Other false alarms (episodes with planted defects): ${other.length}`);
  out.push(...(allAlarms ? other : other.slice(0, 40)).map(alarmLine));
  if (!allAlarms && other.length > 40) out.push(`  ... ${other.length - 40} more (--all-alarms)`);
  if (importProblems.length)
    out.push(
      '',
      'Import problems (files refused, documents that name no patient):',
      ...importProblems.map((p) => `  ${p}`),
    );
  out.push('', failures.length ? `FAILED: ${failures.length} problem(s)` : 'PASSED');
  return out.join('\n');
}
