import type { EpisodeDocument, EpisodeModel } from '../../../../../shared/episode';
import type { Discipline, DocType, Evidence, IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument, evidenceFromFact, factsOf } from '../../lib/evidence';
import {
  authorKind,
  daysBetween,
  docDate,
  evidenceForDay,
  evidenceForDocs,
  knownDisciplines,
  treatmentDaysView,
  type TreatmentDayView,
} from '../../lib/documents';
import type { PayerProfile, Rule, RuleFinding } from '../../types';

/**
 * Documents that can close a reporting period. BPM §220.3.D: progress report by the clinician;
 * a re-evaluation or discharge note written by the clinician is read as satisfying it for its
 * period (catalog wording UNVERIFIED).
 */
const REPORT_TYPES = ['progress-report', 're-evaluation', 'discharge-summary'] as const;

function isReportType(type: DocType): boolean {
  return (REPORT_TYPES as readonly DocType[]).includes(type);
}

export interface ReportingCadence {
  /** Treatment days per period (Medicare 10, BPM §220.3.D). */
  treatmentDays: number;
  /** Calendar days per period for payers with a calendar cadence; null = none (Medicare Part B). */
  calendarDays: number | null;
}

export interface OverduePeriod {
  /** 0-based index of the first treatment day of the period that had no report. */
  startIndex: number;
  /** 0-based index of the treatment day on which the report became overdue. */
  overdueIndex: number;
  /** Why it became overdue. */
  by: 'treatment-days' | 'calendar-days';
  /** Unknown-author reports within the window (cannot tell whether a clinician wrote them). */
  uncertain: EpisodeDocument[];
}

export interface PeriodWalk {
  overdue: OverduePeriod[];
  /** Reports that closed a period. */
  used: EpisodeDocument[];
}

/**
 * Walks reporting periods over sorted treatment days. Day 1 is the first treatment day whatever
 * its type; a period closes at the first qualifying report dated before the day the report would
 * be overdue (a report ON the 10th treatment day is compliant), and the next period starts on the
 * first treatment day after the report (BPM §220.3.D; APTA summary). When a period runs out
 * without a report, the overdue day starts the next count, so a long gap fails every 10 days.
 */
export function walkReportingPeriods(
  days: IsoDate[],
  reports: Array<{ date: IsoDate; doc: EpisodeDocument; certain: boolean }>,
  cadence: ReportingCadence,
): PeriodWalk {
  const sorted = [...reports].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const overdue: OverduePeriod[] = [];
  const used: EpisodeDocument[] = [];
  let anchor = '';
  let s = 0;
  while (s < days.length) {
    const start = days[s] as IsoDate;
    let e = s + cadence.treatmentDays;
    let by: OverduePeriod['by'] = 'treatment-days';
    if (cadence.calendarDays !== null) {
      for (let i = s + 1; i < Math.min(e, days.length); i++) {
        if (daysBetween(start, days[i] as IsoDate) >= cadence.calendarDays) {
          e = i;
          by = 'calendar-days';
          break;
        }
      }
    }
    const limit = e < days.length ? (days[e] as IsoDate) : null;
    const closing = closingReport(sorted, anchor, limit);
    if (closing) {
      used.push(closing.doc);
      anchor = closing.date;
      // Whose report it is matters only where one was due: a window that runs past the last
      // treatment day needed none (a discharge summary then closes it, signed or not).
      if (!closing.certain && limit !== null) {
        overdue.push({ startIndex: s, overdueIndex: -1, by, uncertain: [closing.doc] });
      }
      const next = days.findIndex((d) => d > closing.date);
      if (next < 0) break;
      s = next;
      continue;
    }
    if (limit === null) break;
    overdue.push({ startIndex: s, overdueIndex: e, by, uncertain: [] });
    s = e;
  }
  return { overdue, used };
}

/**
 * The report closing the window (after `anchor`, before `limit` when there is one): the first one
 * whose author is known to be a clinician, else the first one. `sorted` is in date order.
 */
function closingReport<R extends { date: IsoDate; certain: boolean }>(
  sorted: readonly R[],
  anchor: string,
  limit: IsoDate | null,
): R | undefined {
  let first: R | undefined;
  for (const r of sorted) {
    if (r.date <= anchor || (limit !== null && r.date >= limit)) continue;
    if (r.certain) return r;
    first ??= r;
  }
  return first;
}

function cadenceFor(episode: EpisodeModel, profile: PayerProfile): ReportingCadence {
  return {
    treatmentDays: profile.thresholds.progressEveryTreatmentDays,
    // The "10 treatment days or 30 calendar days" clock is obsolete for Medicare Part B since the
    // 2013 BPM revision (APTA; rules.md section 7 #8): never apply a calendar clock there.
    calendarDays:
      episode.payer.kind === 'medicare' ? null : profile.thresholds.progressEveryCalendarDays,
  };
}

function dayLabel(days: readonly TreatmentDayView[], index: number): string {
  return `treatment day ${index + 1} (${days[index]?.date})`;
}

function checkStream(
  episode: EpisodeModel,
  profile: PayerProfile,
  discipline: Discipline | null,
  multi: boolean,
): { findings: RuleFinding[]; used: EpisodeDocument[]; dayCount: number } {
  const days = treatmentDaysView(episode, discipline ?? undefined);
  const prefix = multi && discipline ? `${discipline}: ` : '';
  // Dated reports not written by an assistant count; an assistant's progress report is named.
  const reports: Array<{ date: IsoDate; doc: EpisodeDocument; certain: boolean }> = [];
  const assistantReports: EpisodeDocument[] = [];
  for (let i = 0; i < episode.documents.length; i++) {
    const doc = episode.documents[i]!;
    if (!isReportType(doc.type)) continue;
    if (discipline && doc.discipline && doc.discipline !== discipline) continue;
    const author = authorKind(doc);
    if (author === 'assistant') {
      if (doc.type === 'progress-report') assistantReports.push(doc);
      continue;
    }
    const date = docDate(doc);
    if (date) reports.push({ doc, date, certain: author !== 'unknown' });
  }
  const cadence = cadenceFor(episode, profile);
  const walk = walkReportingPeriods(
    days.map((d) => d.date),
    reports,
    cadence,
  );
  const findings: RuleFinding[] = [];
  for (const p of walk.overdue) {
    if (p.overdueIndex < 0) {
      const doc = p.uncertain[0] as EpisodeDocument;
      findings.push({
        status: 'warn',
        message: `${prefix}The progress report dated ${docDate(doc)} does not show the author's credentials, so it cannot be told whether a clinician (not an assistant) wrote it.`,
        dates: [docDate(doc) as IsoDate],
        evidence: [evidenceFromDocument(doc, ['signer', 'credentials', 'document-date'])],
      });
      continue;
    }
    const first = days[p.startIndex] as TreatmentDayView;
    const overdueDay = days[p.overdueIndex] as TreatmentDayView;
    const periodDays = days.slice(p.startIndex, p.overdueIndex);
    const periodEnd = p.overdueIndex - 1;
    const window =
      p.by === 'calendar-days'
        ? `within ${cadence.calendarDays} calendar days of ${dayLabel(days, p.startIndex)} (last covered: ${dayLabel(days, periodEnd)})`
        : `between ${dayLabel(days, p.startIndex)} and ${dayLabel(days, periodEnd)}`;
    const evidence: Evidence[] = evidenceForDay(overdueDay);
    const notes: string[] = [];
    const inPeriod = (d: EpisodeDocument): boolean => {
      const date = docDate(d);
      return !!date && date >= first.date && date < overdueDay.date;
    };
    const byAssistant = assistantReports.filter(inPeriod);
    for (const r of byAssistant) {
      notes.push(`the report dated ${docDate(r)} was written by an assistant and does not count`);
      evidence.push(evidenceFromDocument(r, ['credentials', 'signer']));
    }
    // Older CMS guidance: notes that already carry every report element need not be rewritten
    // (CMS FAQ 2003, UNVERIFIED as current) -> warning, not error, when the clinician assessed
    // each goal in the period's notes.
    const goalAssessments = periodDays
      .flatMap((d) => d.docs)
      .filter((d) => d.type === 'daily-note' && authorKind(d) === 'clinician')
      .flatMap((d) => factsOf(d, 'goal-assessment'));
    if (goalAssessments.length > 0) {
      notes.push('treatment notes in the period carry a goal-by-goal assessment by the clinician');
      evidence.push(...goalAssessments.map(evidenceFromFact));
    }
    const cadenceText =
      p.by === 'calendar-days' ? ` under the payer's ${cadence.calendarDays}-day cadence` : '';
    findings.push({
      status: 'fail',
      ...(goalAssessments.length > 0 || episode.payer.kind !== 'medicare'
        ? { severity: 'warning' as const }
        : {}),
      message: `${prefix}No clinician progress report ${window}; overdue at ${dayLabel(days, p.overdueIndex)}${cadenceText}.${notes.length ? ` Note: ${notes.join('; ')}.` : ''}`,
      dates: [overdueDay.date],
      evidence,
    });
  }
  return { findings, used: walk.used, dayCount: days.length };
}

export const docProgress10: Rule = {
  meta: {
    id: 'DOC-PROGRESS-10',
    title: 'Clinician progress report at least every 10 treatment days',
    group: 'documentation',
    source:
      'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.D (progress report timing and authorship)',
    sources: [
      {
        text: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.D (progress report timing and authorship)',
        payers: ['medicare'],
      },
    ],
    severity: 'error',
    payers: ['ALL'],
    unverified: [
      'Re-evaluation or discharge note by the clinician satisfies the progress report for its period (wording)',
      'Notes with goal-by-goal assessment reduce the finding to a warning (CMS FAQ 2003, current status)',
      'WC/COM progress cadence defaults (10 visits / 14 days)',
    ],
  },
  check(episode, profile) {
    const all = treatmentDaysView(episode);
    if (all.length === 0) return [];
    const findings: RuleFinding[] = [];
    for (let i = 0; i < episode.documents.length; i++) {
      const d = episode.documents[i]!;
      if ((d.type !== 'daily-note' && !isReportType(d.type)) || docDate(d)) continue;
      findings.push({
        status: 'warn',
        message: `A ${d.type.replace('-', ' ')} ("${d.title}") has no readable date, so treatment days and reporting periods may be miscounted.`,
        dates: [],
        evidence: [evidenceFromDocument(d)],
      });
    }
    // Disciplines count separately, each under its own plan (rules.md DOC-PROGRESS-10 edge cases).
    const disciplines = knownDisciplines(episode).filter((disc) =>
      all.some((d) => d.disciplines.includes(disc)),
    );
    const streams: Array<Discipline | null> = disciplines.length > 1 ? disciplines : [null];
    const used: EpisodeDocument[] = [];
    const counts: string[] = [];
    for (const disc of streams) {
      const r = checkStream(episode, profile, disc, streams.length > 1);
      findings.push(...r.findings);
      used.push(...r.used);
      counts.push(disc ? `${disc} ${r.dayCount}` : String(r.dayCount));
    }
    if (findings.some((f) => f.status === 'fail' || f.status === 'warn')) return findings;
    const unique = [...new Set(used)];
    const reportDates = unique.map((d) => docDate(d) as IsoDate);
    return [
      {
        status: 'pass',
        message: unique.length
          ? `Clinician progress reports (${reportDates.join(', ')}) keep every reporting period within ${profile.thresholds.progressEveryTreatmentDays} treatment days (treatment days: ${counts.join(', ')}).`
          : `No progress report due yet: the episode has ${counts.join(', ')} treatment days.`,
        dates: reportDates,
        evidence: evidenceForDocs(unique, ['signer', 'document-date', 'date-of-service']),
      },
    ];
  },
};
