/**
 * Scores a review against a corpus chart's hand-written expectations (test/corpus/README.md):
 * which planted defects were found, which fail/warn findings are false alarms, whether each
 * episode got the payer kind and profile it should. Pure: no files, no database.
 */
import { z } from 'zod';
import type { Finding } from '../../shared/model';
import type { ReviewedEpisode } from '../../shared/review';
import { CATALOG_RULE_IDS } from '../../src-main/core/review/profiles/rule-ids';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const ruleExpectation = z.union([
  z.literal('ok'),
  z.strictObject({
    expect: z.enum(['fail', 'warn', 'any']),
    dates: z.array(isoDate).optional(),
    why: z.string().min(1),
  }),
]);

const episodeExpectation = z.strictObject({
  patient: z.string().min(1),
  start: isoDate,
  end: isoDate,
  payerKind: z.enum(['medicare', 'workers-comp', 'commercial', 'other']),
  profile: z.string().min(1),
  clean: z.boolean(),
  rules: z.record(z.string(), ruleExpectation),
});

export const chartExpectationSchema = z.strictObject({
  title: z.string().min(1),
  style: z.string().min(1),
  asOf: isoDate,
  episodes: z.array(episodeExpectation).min(1),
});

export type ChartExpectation = z.infer<typeof chartExpectationSchema>;
export type EpisodeExpectation = z.infer<typeof episodeExpectation>;
export type RuleExpectation = z.infer<typeof ruleExpectation>;

/** Validates a chart.json; every episode must judge every catalog rule, and only those. */
export function parseChartExpectation(data: unknown, label: string): ChartExpectation {
  const parsed = chartExpectationSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${label}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  for (const ep of parsed.data.episodes) {
    const missing = CATALOG_RULE_IDS.filter((id) => !(id in ep.rules));
    const unknown = Object.keys(ep.rules).filter((id) => !CATALOG_RULE_IDS.includes(id));
    if (missing.length || unknown.length)
      throw new Error(
        `${label}: episode ${ep.patient} ${ep.start}: ` +
          [
            missing.length ? `rules missing: ${missing.join(', ')}` : '',
            unknown.length ? `unknown rules: ${unknown.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; '),
      );
  }
  return parsed.data;
}

/** A finding that says something is (or may be) wrong: what precision and recall count. */
export function isAlarm(f: Pick<Finding, 'status'>): boolean {
  return f.status === 'fail' || f.status === 'warn';
}

/** "Roe, Jane A." and "ROE, JANE" are one patient: last name and first given name, letters only. */
export function patientKey(name: string): string {
  const [last = '', first = ''] = name.includes(',')
    ? name.split(',', 2)
    : ((n) => [n.at(-1) ?? '', n.slice(0, -1).join(' ')])(name.trim().split(/\s+/));
  const letters = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  return `${letters(last)}|${letters(first.trim().split(/\s+/)[0] ?? '')}`;
}

export interface Alarm {
  chart: string;
  patient: string;
  rule: string;
  status: Finding['status'];
  severity: Finding['severity'];
  message: string;
  dates: string[];
  where: string;
}

export interface Missed {
  chart: string;
  patient: string;
  rule: string;
  dates: string[];
  why: string;
  /** What the review said for that rule instead. */
  got: string;
}

export interface ProfileMismatch {
  chart: string;
  patient: string;
  expected: string;
  got: string;
}

export interface RuleTally {
  planted: number;
  found: number;
  truePositives: number;
  falsePositives: number;
}

export interface ChartScore {
  chart: string;
  episodes: number;
  /** fail/warn findings on clean episodes (CI fails on any `fail` among them). */
  cleanAlarms: Alarm[];
  /** fail/warn findings on episodes with planted defects that match no defect. */
  otherAlarms: Alarm[];
  missed: Missed[];
  profiles: ProfileMismatch[];
  /** Expected episodes the review does not have, and reviewed episodes nobody expected. */
  missingEpisodes: string[];
  unexpectedEpisodes: Alarm[];
  tally: Map<string, RuleTally>;
}

function overlaps(a: ReviewedEpisode, e: EpisodeExpectation): boolean {
  return a.start <= e.end && e.start <= a.end;
}

function alarmOf(chart: string, patient: string, f: Finding): Alarm {
  const ev = f.evidence[0];
  return {
    chart,
    patient,
    rule: f.rule,
    status: f.status,
    severity: f.severity,
    message: f.message,
    dates: f.dates,
    where: ev ? `${ev.file}${ev.line ? ` line ${ev.line}` : ` p.${ev.page}`}` : '',
  };
}

function tallyOf(tally: Map<string, RuleTally>, rule: string): RuleTally {
  let t = tally.get(rule);
  if (!t) tally.set(rule, (t = { planted: 0, found: 0, truePositives: 0, falsePositives: 0 }));
  return t;
}

export function scoreChart(
  chart: string,
  expectation: ChartExpectation,
  reviewed: readonly ReviewedEpisode[],
): ChartScore {
  const score: ChartScore = {
    chart,
    episodes: expectation.episodes.length,
    cleanAlarms: [],
    otherAlarms: [],
    missed: [],
    profiles: [],
    missingEpisodes: [],
    unexpectedEpisodes: [],
    tally: new Map(),
  };
  const claimed = new Set<ReviewedEpisode>();
  for (const exp of expectation.episodes) {
    const key = patientKey(exp.patient);
    const mine = reviewed.filter((r) => patientKey(r.patient.name) === key && overlaps(r, exp));
    mine.forEach((r) => claimed.add(r));
    const label = `${exp.patient} ${exp.start}`;
    if (mine.length === 0) {
      score.missingEpisodes.push(label);
    } else if (mine.length > 1) {
      score.missingEpisodes.push(
        `${label}: split into ${mine.length} episodes (${mine.map((r) => `${r.start}..${r.end} ${r.payer.kind}`).join('; ')})`,
      );
    }
    for (const r of mine) {
      if (r.payer.kind !== exp.payerKind || r.profile !== exp.profile)
        score.profiles.push({
          chart,
          patient: exp.patient,
          expected: `${exp.payerKind}/${exp.profile}`,
          got: `${r.payer.kind}/${r.profile ?? '?'} (payer "${r.payer.name}")`,
        });
    }
    const findings = mine.flatMap((r) => r.findings);
    for (const rule of CATALOG_RULE_IDS) {
      const want = exp.rules[rule]!;
      const alarms = findings.filter((f) => f.rule === rule && isAlarm(f));
      const t = tallyOf(score.tally, rule);
      if (want !== 'ok' && want.expect === 'any') continue;
      if (want === 'ok') {
        t.falsePositives += alarms.length;
        for (const f of alarms)
          (exp.clean ? score.cleanAlarms : score.otherAlarms).push(alarmOf(chart, exp.patient, f));
        continue;
      }
      t.planted++;
      const dates = want.dates ?? [];
      const matches = (f: Finding) =>
        dates.length === 0 || f.dates.length === 0 || f.dates.some((d) => dates.includes(d));
      const hits = alarms.filter(matches);
      t.truePositives += hits.length;
      t.falsePositives += alarms.length - hits.length;
      for (const f of alarms)
        if (!matches(f)) score.otherAlarms.push(alarmOf(chart, exp.patient, f));
      if (hits.length || reportedByOwner(findings, rule, matches)) t.found++;
      else {
        const said = findings.filter((f) => f.rule === rule);
        score.missed.push({
          chart,
          patient: exp.patient,
          rule,
          dates,
          why: want.why,
          got: said.length
            ? said.map((f) => `${f.status}: ${f.message}`).join(' | ')
            : '(no finding)',
        });
      }
    }
  }
  for (const r of reviewed) {
    if (claimed.has(r)) continue;
    const alarms = r.findings.filter(isAlarm);
    score.unexpectedEpisodes.push(
      ...(alarms.length
        ? alarms.map((f) => alarmOf(chart, `${r.patient.name} (unexpected episode)`, f))
        : [
            {
              chart,
              patient: `${r.patient.name} (unexpected episode)`,
              rule: '-',
              status: 'n/a' as const,
              severity: 'info' as const,
              message: `${r.start}..${r.end}, ${r.payer.kind}, no alarms`,
              dates: [],
              where: '',
            },
          ]),
    );
  }
  return score;
}

/**
 * One defect, one finding: a rule that saw the planted defect but refers it to the rule that owns
 * it (`refersTo`) found it when that owner reports it, with an alarm on the referred dates.
 */
function reportedByOwner(
  findings: readonly Finding[],
  rule: string,
  matches: (f: Finding) => boolean,
): boolean {
  return findings.some(
    (f) =>
      f.rule === rule &&
      f.refersTo !== undefined &&
      matches(f) &&
      findings.some(
        (o) =>
          o.rule === f.refersTo!.rule &&
          isAlarm(o) &&
          o.dates.some((d) => f.refersTo!.dates.includes(d)),
      ),
  );
}

/** Why CI must fail: a failed rule on a clean episode, a missed defect, a wrong profile, a lost or phantom episode. */
export function gateFailures(score: ChartScore): string[] {
  const out: string[] = [];
  for (const a of score.cleanAlarms)
    if (a.status === 'fail')
      out.push(`${a.chart}: ${a.patient}: ${a.rule} failed on a clean episode: ${a.message}`);
  for (const m of score.missed)
    out.push(`${m.chart}: ${m.patient}: missed ${m.rule} ${m.dates.join(', ')}: ${m.why}`);
  for (const p of score.profiles)
    out.push(`${p.chart}: ${p.patient}: profile ${p.got}, expected ${p.expected}`);
  for (const e of score.missingEpisodes) out.push(`${score.chart}: episode not found: ${e}`);
  for (const a of score.unexpectedEpisodes)
    if (a.status === 'fail') out.push(`${a.chart}: ${a.patient}: ${a.rule}: ${a.message}`);
  return out;
}

/** Per-rule totals over several charts. */
export function mergeTallies(scores: readonly ChartScore[]): Map<string, RuleTally> {
  const all = new Map<string, RuleTally>();
  for (const s of scores)
    for (const [rule, t] of s.tally) {
      const a = tallyOf(all, rule);
      a.planted += t.planted;
      a.found += t.found;
      a.truePositives += t.truePositives;
      a.falsePositives += t.falsePositives;
    }
  return all;
}
