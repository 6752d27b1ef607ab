/**
 * The client report's content (issue 17), as one plain object both writers (PDF and XLSX) read:
 * clinic and period, the readiness summary, tables by clinician, payer, month and rule, each
 * failing rule explained, the corrective-action plan and an appendix of fail and warn findings
 * with their evidence and decisions. With a sample: scoped to the billed dates of the sample's
 * claims (figures, tables, findings and actions), with the sample's error rate (Clopper-Pearson)
 * and projected dollars at risk in the summary.
 */
import type { CorrectiveAction, Dashboard, DashboardSlice } from '../../../shared/api';
import type { Evidence, FindingDecision, IsoDate } from '../../../shared/model';
import type { ReviewReport } from '../../../shared/review';
import { correctiveActions } from '../api/actions';
import { dashboard, type DashboardScope } from '../api/dashboard';
import { reviewStore } from '../api/review';
import { getSettings } from '../api/settings';
import { ALL_RULES } from '../review/rules';
import { loadSample, sampleReport, type SampleReport } from '../sampling/samples';
import type { Db } from '../store/db';
import { RULE_FIXES } from '../review/rules/fixes';
import { citationWords } from '../../../shared/citation';

export class ReportError extends Error {}

const RULE_META = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta]));

export interface ReportRuleRow {
  rule: string;
  title: string;
  findings: number;
  billedDates: number;
  atRisk: number;
}

export interface ExplainedRule {
  rule: string;
  title: string;
  severity: string;
  /** Open findings of the rule in the report's scope: fail at error severity, and the others. */
  errors: number;
  warnings: number;
  /** Charges on the dates in scope with the rule's open errors. */
  atRisk: number;
  advice: string;
}

export interface ReportFinding {
  id: string | null;
  episodeId: string;
  patient: string;
  rule: string;
  title: string;
  status: 'fail' | 'warn';
  severity: string;
  /** error: fails at error severity (counts against readiness); warning: any other fail or warn. */
  level: 'error' | 'warning';
  message: string;
  dates: IsoDate[];
  evidence: Evidence[];
  /** Each evidence's place in words (`citationWords`), in the same order. */
  citations: string[];
  decision: FindingDecision | null;
}

export interface ReportSampleSummary {
  id: number;
  n: number;
  frameSize: number;
  inError: number;
  errorRate: number;
  interval: { lower: number; upper: number; confidence: number };
  sampledAtRisk: number;
  projected: { point: number; lower: number | null; upper: number | null; confidence: number };
  frameChanged: boolean;
  claims: string[];
}

export interface ClientReport {
  clinicName: string;
  asOf: IsoDate;
  period: { first: IsoDate | null; last: IsoDate | null };
  rulesVersion: string;
  summary: {
    episodes: number;
    billedDates: number;
    passingDates: number;
    readiness: number | null;
    charges: number;
    atRisk: number;
    errorFindings: number;
    warningFindings: number;
    openActions: number;
    overdueActions: number;
  };
  byClinician: DashboardSlice[];
  byPayer: DashboardSlice[];
  byMonth: DashboardSlice[];
  byRule: ReportRuleRow[];
  explained: ExplainedRule[];
  actions: CorrectiveAction[];
  findings: ReportFinding[];
  sample: ReportSampleSummary | null;
}

export interface ClientReportOptions {
  asOf: IsoDate;
  sampleId?: number | null;
  /** A review already brought up to date for `asOf` (else the store is reviewed here). */
  review?: ReviewReport;
}

/** First and last billed date of the stored episodes (those in scope). */
function billedPeriod(db: Db, scope: DashboardScope | null): ClientReport['period'] {
  const rows = db.prepare('SELECT episode_id, billed FROM episode_reviews').raw().all() as Array<
    [string, string]
  >;
  let first: IsoDate | null = null;
  let last: IsoDate | null = null;
  for (const [id, billedJson] of rows) {
    const inScope = scope?.get(id);
    if (scope && !inScope) continue;
    for (const [date] of JSON.parse(billedJson) as Array<[IsoDate, number]>) {
      if (inScope && !inScope.has(date)) continue;
      if (!first || date < first) first = date;
      if (!last || date > last) last = date;
    }
  }
  return { first, last };
}

/** The billed dates of a sample's claims, by the episode each claim belongs to. */
function sampleScope(db: Db, members: Array<{ claimId: string; episodeId: string }>) {
  const datesOf = db.prepare(
    'SELECT DISTINCT dos FROM billing_lines WHERE claim_id = ? ORDER BY dos',
  );
  const scope = new Map<string, Set<IsoDate>>();
  for (const m of members) {
    const dates = scope.get(m.episodeId) ?? new Set<IsoDate>();
    for (const d of datesOf.pluck().all(m.claimId) as IsoDate[]) dates.add(d);
    scope.set(m.episodeId, dates);
  }
  return scope;
}

function sampleSummary(r: SampleReport): ReportSampleSummary {
  return {
    id: r.sample.id,
    n: r.errorRate.n,
    frameSize: r.sample.frame.size,
    inError: r.errorRate.inError,
    errorRate: r.errorRate.rate,
    interval: r.errorRate.interval,
    sampledAtRisk: r.dollarsAtRisk.sampled,
    projected: {
      point: r.dollarsAtRisk.projected.point,
      lower: r.dollarsAtRisk.projected.lower,
      upper: r.dollarsAtRisk.projected.upper,
      confidence: r.dollarsAtRisk.projected.confidence,
    },
    frameChanged: r.frameChanged,
    claims: r.members.map((m) => m.claimId),
  };
}

export function buildClientReport(db: Db, opts: ClientReportOptions): ClientReport {
  const { asOf } = opts;
  const review = opts.review ?? reviewStore(db, { asOf });
  let sample: ReportSampleSummary | null = null;
  let scope: Map<string, Set<IsoDate>> | null = null;
  if (opts.sampleId != null) {
    const stored = loadSample(db, opts.sampleId);
    if (!stored) throw new ReportError(`no sample ${opts.sampleId} in this database`);
    sample = sampleSummary(sampleReport(db, stored, { asOf }));
    scope = sampleScope(db, stored.members);
  }
  const dash: Dashboard = dashboard(db, asOf, scope ?? undefined);
  /** In scope: the episode is, and the finding concerns a date in scope or the whole episode. */
  const inScope = (episodeId: string, dates: readonly IsoDate[]) => {
    if (!scope) return true;
    const own = scope.get(episodeId);
    return !!own && (dates.length === 0 || dates.some((d) => own.has(d)));
  };

  // Documents kept inside a bundle are cited by their title and date.
  const embedded = new Map(
    (
      db
        .prepare(
          `SELECT f.path, d.title, d.date FROM documents d JOIN files f ON f.id = d.file_id
            WHERE instr(f.path, '#') > 0`,
        )
        .raw()
        .all() as Array<[string, string, string | null]>
    ).map(([path, title, date]) => [path, date ? `${title}, ${date}` : title]),
  );
  const titleOf = (file: string) => embedded.get(file) ?? null;
  const findings: ReportFinding[] = [];
  for (const e of review.episodes) {
    for (const f of e.findings) {
      if (f.status !== 'fail' && f.status !== 'warn') continue;
      if (!inScope(e.id, f.dates)) continue;
      findings.push({
        id: f.id ?? null,
        episodeId: e.id,
        patient: e.patient.name,
        rule: f.rule,
        title: RULE_META.get(f.rule)?.title ?? f.rule,
        status: f.status,
        severity: f.severity,
        level: f.status === 'fail' && f.severity === 'error' ? 'error' : 'warning',
        message: f.message,
        dates: f.dates,
        evidence: f.evidence,
        citations: f.evidence.map((ev) => citationWords(ev, titleOf)),
        decision: f.decision ?? null,
      });
    }
  }
  const open = (f: ReportFinding) => f.decision?.as !== 'not-a-defect';
  const byRuleAtRisk = new Map(dash.byRule.map((r) => [r.rule, r.atRisk]));
  const failing = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    if (f.status !== 'fail' || !open(f)) continue;
    const count = failing.get(f.rule) ?? { errors: 0, warnings: 0 };
    if (f.level === 'error') count.errors++;
    else count.warnings++;
    failing.set(f.rule, count);
  }
  const explained: ExplainedRule[] = [...failing]
    .map(([rule, count]) => ({
      rule,
      title: RULE_META.get(rule)?.title ?? rule,
      severity: RULE_META.get(rule)?.severity ?? 'error',
      ...count,
      atRisk: byRuleAtRisk.get(rule) ?? 0,
      // The rule's how-to-fix line, the same the checklist shows (one table, review/rules/fixes.ts).
      advice: RULE_FIXES[rule] ?? '',
    }))
    .sort(
      (a, b) =>
        b.atRisk - a.atRisk ||
        b.errors - a.errors ||
        b.warnings - a.warnings ||
        a.rule.localeCompare(b.rule),
    );

  const actions = correctiveActions(db, asOf).filter((a) => inScope(a.episodeId, a.dates));
  const episodes = scope ? dash.totals.episodes : review.episodes.length;
  return {
    clinicName: getSettings(db).clinicName?.trim() || 'Clinic name not set',
    asOf,
    period: billedPeriod(db, scope),
    rulesVersion: review.rulesVersion,
    summary: {
      episodes,
      billedDates: dash.totals.billedDates,
      passingDates: dash.totals.passingDates,
      readiness: dash.totals.readiness,
      charges: dash.totals.charges,
      atRisk: dash.totals.atRisk,
      errorFindings: findings.filter((f) => f.level === 'error' && open(f)).length,
      warningFindings: findings.filter((f) => f.level === 'warning' && open(f)).length,
      openActions: actions.filter((a) => a.status !== 'resolved').length,
      overdueActions: actions.filter((a) => a.status === 'overdue').length,
    },
    byClinician: dash.byClinician,
    byPayer: dash.byPayer,
    byMonth: dash.byMonth,
    byRule: dash.byRule.map((r) => ({ ...r })),
    explained,
    actions,
    findings,
    sample,
  };
}
