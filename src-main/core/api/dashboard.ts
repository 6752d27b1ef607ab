/**
 * Readiness (issue 17): the share of billed dates whose documentation passes every error-severity
 * rule, and the charges on dates with open errors ("dollars at risk"), for the whole store and by
 * clinician, payer, rule and month, from the stored review (no episode is built or reviewed
 * here). A finding a reviewer decided is not a defect does not count against readiness; an error
 * without dates concerns every billed date of its episode.
 */
import type { Dashboard, DashboardSlice, EpisodeSummary } from '../../../shared/api';
import type { IsoDate } from '../../../shared/model';
import type { Db } from '../store/db';
import { ALL_RULES } from '../review/rules';
import type { BilledDate, ErrorFailure } from './stored-review';

const RULE_TITLE = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta.title]));

class Tally {
  billedDates = 0;
  passingDates = 0;
  charges = 0;
  atRisk = 0;
  episodes = new Set<string>();

  add(episode: string, charge: number, failing: boolean): void {
    this.billedDates++;
    this.charges += charge;
    this.episodes.add(episode);
    if (failing) this.atRisk += charge;
    else this.passingDates++;
  }

  slice(key: string, label: string): DashboardSlice {
    return {
      key,
      label,
      billedDates: this.billedDates,
      passingDates: this.passingDates,
      readiness: this.billedDates ? this.passingDates / this.billedDates : null,
      charges: round(this.charges),
      atRisk: round(this.atRisk),
      episodes: this.episodes.size,
    };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = new Tally()));
  return t;
}

/** Finding ids a reviewer dismissed (latest decision: not a defect). */
function dismissed(db: Db): Set<string> {
  return new Set(
    db
      .prepare(
        `SELECT d.finding_id FROM finding_decisions d
          WHERE d.id = (SELECT max(id) FROM finding_decisions x WHERE x.finding_id = d.finding_id)
            AND d.decision = 'not-a-defect'`,
      )
      .pluck()
      .all() as string[],
  );
}

/**
 * Billed dates to count, by episode id (the client report of a probe sample: its claims' dates).
 * An episode not in the map is left out; its errors count only on the dates in scope.
 */
export type DashboardScope = ReadonlyMap<string, ReadonlySet<IsoDate>>;

export function dashboard(db: Db, asOf: IsoDate, scope?: DashboardScope): Dashboard {
  const rows = db
    .prepare('SELECT episode_id, summary, billed, errors FROM episode_reviews ORDER BY ord')
    .raw()
    .all() as Array<[string, string, string, string]>;
  const skip = dismissed(db);
  const total = new Tally();
  const byClinician = new Map<string, Tally>();
  const byPayer = new Map<string, Tally>();
  const byMonth = new Map<string, Tally>();
  const byRule = new Map<string, { findings: number; dates: Set<string>; atRisk: number }>();
  for (const [id, summaryJson, billedJson, errorsJson] of rows) {
    const inScope = scope?.get(id);
    if (scope && !inScope) continue;
    const summary = JSON.parse(summaryJson) as EpisodeSummary;
    const billed = (JSON.parse(billedJson) as BilledDate[]).filter(
      ([date]) => !inScope || inScope.has(date),
    );
    const errors = (JSON.parse(errorsJson) as ErrorFailure[]).filter(
      ([, fid, dates]) =>
        !skip.has(fid) && (!inScope || dates.length === 0 || dates.some((d) => inScope.has(d))),
    );
    const wholeEpisode = errors.filter(([, , dates]) => dates.length === 0);
    const failingDates = new Map<string, string[]>();
    for (const [rule, , dates] of errors)
      for (const d of dates) failingDates.set(d, [...(failingDates.get(d) ?? []), rule]);
    const clinician = summary.clinicians?.[0] ?? 'No clinician named';
    const payer = `${summary.payerKind}|${summary.payerName}`;
    for (const [date, charge] of billed) {
      const rules = [...(failingDates.get(date) ?? []), ...wholeEpisode.map(([r]) => r)];
      const failing = rules.length > 0;
      total.add(id, charge, failing);
      tallyOf(byClinician, clinician).add(id, charge, failing);
      tallyOf(byPayer, payer).add(id, charge, failing);
      tallyOf(byMonth, date.slice(0, 7)).add(id, charge, failing);
      for (const rule of new Set(rules)) {
        let r = byRule.get(rule);
        if (!r) byRule.set(rule, (r = { findings: 0, dates: new Set(), atRisk: 0 }));
        r.dates.add(`${id}|${date}`);
        r.atRisk += charge;
      }
    }
    for (const [rule] of errors) {
      let r = byRule.get(rule);
      if (!r) byRule.set(rule, (r = { findings: 0, dates: new Set(), atRisk: 0 }));
      r.findings++;
    }
  }
  const totals = total.slice('all', 'All episodes');
  // The trend follows the whole store; a scoped view is not a review of it.
  if (!scope) recordSnapshot(db, asOf, totals);
  const slices = (map: Map<string, Tally>, label: (k: string) => string) =>
    [...map].map(([k, t]) => t.slice(k, label(k)));
  return {
    asOf,
    totals,
    byClinician: slices(byClinician, (k) => k).sort(
      (a, b) => b.atRisk - a.atRisk || a.label.localeCompare(b.label),
    ),
    byPayer: slices(byPayer, (k) => k.slice(k.indexOf('|') + 1)).sort(
      (a, b) => b.atRisk - a.atRisk || a.label.localeCompare(b.label),
    ),
    byMonth: slices(byMonth, (k) => k).sort((a, b) => a.key.localeCompare(b.key)),
    byRule: [...byRule]
      .map(([rule, r]) => ({
        rule,
        title: RULE_TITLE.get(rule) ?? rule,
        findings: r.findings,
        billedDates: r.dates.size,
        atRisk: round(r.atRisk),
      }))
      .sort(
        (a, b) => b.atRisk - a.atRisk || b.findings - a.findings || a.rule.localeCompare(b.rule),
      ),
    trend: (
      db
        .prepare(
          'SELECT at, as_of, billed_dates, passing_dates, at_risk FROM review_snapshots ORDER BY id',
        )
        .all() as Array<{
        at: string;
        as_of: string;
        billed_dates: number;
        passing_dates: number;
        at_risk: number;
      }>
    ).map((s) => ({
      at: s.at,
      asOf: s.as_of,
      readiness: s.billed_dates ? s.passing_dates / s.billed_dates : null,
      atRisk: s.at_risk,
    })),
  };
}

/** Appends the totals to the trend when they differ from the last ones recorded. */
function recordSnapshot(db: Db, asOf: IsoDate, t: DashboardSlice): void {
  if (db.readonly) return;
  const last = db
    .prepare(
      'SELECT as_of, billed_dates, passing_dates, at_risk FROM review_snapshots ORDER BY id DESC LIMIT 1',
    )
    .get() as
    { as_of: string; billed_dates: number; passing_dates: number; at_risk: number } | undefined;
  if (
    last &&
    last.as_of === asOf &&
    last.billed_dates === t.billedDates &&
    last.passing_dates === t.passingDates &&
    last.at_risk === t.atRisk
  )
    return;
  db.prepare(
    `INSERT INTO review_snapshots (at, as_of, billed_dates, passing_dates, charges, at_risk)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(new Date().toISOString(), asOf, t.billedDates, t.passingDates, t.charges, t.atRisk);
}
