/**
 * Billed lines per date and code, modifier helpers, and authorization documents, shared by the
 * BILL-*, AUTH-* and PROG-* rules.
 */
import type { EpisodeBillingLine, EpisodeDocument, EpisodeModel } from '../../../../shared/episode';
import type { Discipline, Evidence, IsoDate } from '../../../../shared/model';
export { daysBetween } from './documents';
import { evidenceFromFact, evidenceFromLine, firstFact } from './evidence';
import { memo } from './memo';

/** The work conditioning / work hardening program codes (one list: lib/documents). */
export { WORK_PROGRAM_CODES as PROGRAM_CODES } from './documents';

/**
 * Billed lines grouped by date of service, dates in ascending order. Nine rules walk the billing by
 * date, so within a review the grouping is built once per lines array and shared: read-only.
 */
export function linesByDate(
  lines: readonly EpisodeBillingLine[],
): ReadonlyMap<IsoDate, readonly EpisodeBillingLine[]> {
  return memo(lines, 'linesByDate', () => groupByDate(lines));
}

function groupByDate(lines: readonly EpisodeBillingLine[]): Map<IsoDate, EpisodeBillingLine[]> {
  const map = new Map<IsoDate, EpisodeBillingLine[]>();
  for (const line of [...lines].sort((a, b) => (a.dos < b.dos ? -1 : a.dos > b.dos ? 1 : 0))) {
    const list = map.get(line.dos);
    if (list) list.push(line);
    else map.set(line.dos, [line]);
  }
  return map;
}

export function linesWithCode(
  lines: readonly EpisodeBillingLine[],
  code: string | ReadonlySet<string>,
): EpisodeBillingLine[] {
  return lines.filter((l) => (typeof code === 'string' ? l.code === code : code.has(l.code)));
}

/** Total units of one code across lines (a code may be split over several lines). */
export function unitsOf(lines: readonly EpisodeBillingLine[], code: string): number {
  return lines.filter((l) => l.code === code).reduce((a, l) => a + l.units, 0);
}

/** Dates that bill at least one line of the codes given, ascending. */
export function datesWith(episode: EpisodeModel, codes: ReadonlySet<string>): IsoDate[] {
  // The shared by-date grouping is already in ascending (code unit) order, as sort() would give.
  const dates: IsoDate[] = [];
  for (const [date, lines] of linesByDate(episode.billing)) {
    if (lines.some((l) => codes.has(l.code))) dates.push(date);
  }
  return dates;
}

export function hasModifier(line: EpisodeBillingLine, mods: readonly string[]): boolean {
  return line.modifiers.some((m) => mods.includes(m.toUpperCase()));
}

export function lineEvidence(lines: readonly EpisodeBillingLine[]): Evidence[] {
  return lines.map(evidenceFromLine);
}

/** Therapy discipline a Medicare therapy modifier declares (Pub. 100-04 Ch. 5 §20). */
export const THERAPY_MODIFIER_DISCIPLINE: Readonly<Record<string, Discipline>> = {
  GP: 'PT',
  GO: 'OT',
  GN: 'SLP',
};

/** Billed-hours convention for authorizations: 97545 = 2 hours, each 97546 = 1 hour ([S14]). */
export function billedHours(lines: readonly EpisodeBillingLine[]): number {
  return unitsOf(lines, '97545') * 2 + unitsOf(lines, '97546');
}

export interface Authorization {
  doc: EpisodeDocument;
  number: string | null;
  visits: number | null;
  hours: number | null;
  start: IsoDate | null;
  end: IsoDate | null;
  service: string | null;
  /** Work conditioning vs work hardening, when the approved service names one. */
  program: 'work-conditioning' | 'work-hardening' | null;
  evidence: Evidence[];
}

function intOrNull(v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
}

export function programOf(text: string | null | undefined): Authorization['program'] {
  if (!text) return null;
  if (/hardening|\bWH\b/i.test(text)) return 'work-hardening';
  if (/conditioning|\bWC\b/i.test(text)) return 'work-conditioning';
  return null;
}

/** Authorization documents (type `authorization`) read into numbers, ordered by start date. */
export function authorizations(episode: EpisodeModel): Authorization[] {
  return episode.documents
    .filter((d) => d.type === 'authorization')
    .map((doc) => {
      const kinds = [
        'auth-number',
        'auth-visits',
        'auth-hours',
        'auth-start',
        'auth-end',
        'auth-service',
      ] as const;
      const facts = kinds.map((k) => firstFact(doc, k));
      const [num, visits, hours, start, end, service] = facts;
      const evidence = facts.filter((f) => f !== undefined).map(evidenceFromFact);
      return {
        doc,
        number: num?.value ?? null,
        visits: intOrNull(visits?.value),
        hours: intOrNull(hours?.value),
        start: start?.value ?? null,
        end: end?.value ?? null,
        service: service?.value ?? null,
        program: programOf(service?.value),
        evidence: evidence.length
          ? evidence
          : [{ file: doc.file, page: doc.pageStart, quote: doc.title }],
      };
    })
    .sort((a, b) => ((a.start ?? a.doc.date ?? '') < (b.start ?? b.doc.date ?? '') ? -1 : 1));
}

export function authCovers(auth: Authorization, date: IsoDate): boolean {
  return (auth.start === null || auth.start <= date) && (auth.end === null || date <= auth.end);
}

/** Program type the chart declares (`program-type` facts), else null. */
export function chartProgram(episode: EpisodeModel): Authorization['program'] {
  for (const d of episode.documents) {
    const f = firstFact(d, 'program-type');
    if (f) return programOf(f.value.replace('-', ' '));
  }
  return null;
}
