/**
 * Billed lines per date and code, modifier helpers, and authorization documents, shared by the
 * BILL-*, AUTH-* and PROG-* rules.
 */
import type { EpisodeBillingLine, EpisodeDocument, EpisodeModel } from '../../../../shared/episode';
import type { Discipline, Evidence, Fact, FactKind, IsoDate } from '../../../../shared/model';
export { daysBetween } from './documents';
import { evidenceFromFact, evidenceFromLine, firstFact } from './evidence';
import { WORK_PROGRAM_CODES } from './documents';
import { memo } from './memo';

/** The work conditioning / work hardening program codes (one list: lib/documents). */
export { WORK_PROGRAM_CODES as PROGRAM_CODES } from './documents';

/** A line of either work-program code (97545 or 97546). */
export function isProgramLine(line: EpisodeBillingLine): boolean {
  return WORK_PROGRAM_CODES.has(line.code);
}

/** A line of the program's initial-hours code, 97545 (a program "visit"). */
export function isPrimaryProgramLine(line: EpisodeBillingLine): boolean {
  return line.code === '97545';
}

/** A line of the program's add-on hour, 97546. */
export function isAddOnProgramLine(line: EpisodeBillingLine): boolean {
  return line.code === '97546';
}

/** One date of service and its billed lines, in billing order. */
export interface BillingDay {
  date: IsoDate;
  lines: readonly EpisodeBillingLine[];
}

/**
 * The billing as days of service, dates ascending. Most BILL-* rules walk the billing by date:
 * within a review the days are built once per lines array and shared (read-only), and an array
 * walks without the Map iterator's entry pairs.
 */
export function billingDays(lines: readonly EpisodeBillingLine[]): readonly BillingDay[] {
  return memo(lines, 'bill:days', () => groupIntoDays(lines));
}

/** Billed lines grouped by date of service, dates in ascending order; shared read-only. */
export function linesByDate(
  lines: readonly EpisodeBillingLine[],
): ReadonlyMap<IsoDate, readonly EpisodeBillingLine[]> {
  return memo(lines, 'linesByDate', () => {
    const map = new Map<IsoDate, readonly EpisodeBillingLine[]>();
    for (const day of billingDays(lines)) map.set(day.date, day.lines);
    return map;
  });
}

const byDos = (a: EpisodeBillingLine, b: EpisodeBillingLine): number =>
  a.dos < b.dos ? -1 : a.dos > b.dos ? 1 : 0;

function isSortedByDos(lines: readonly EpisodeBillingLine[]): boolean {
  for (let i = 1; i < lines.length; i++) if (lines[i - 1]!.dos > lines[i]!.dos) return false;
  return true;
}

function groupIntoDays(lines: readonly EpisodeBillingLine[]): BillingDay[] {
  // The episode's billing is already in date order: copy and (stable) sort only other arrays.
  const sorted = isSortedByDos(lines) ? lines : [...lines].sort(byDos);
  const days: BillingDay[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i]!.dos === sorted[start]!.dos) continue;
    days.push({ date: sorted[start]!.dos, lines: sorted.slice(start, i) });
    start = i;
  }
  return days;
}

export function linesWithCode(
  lines: readonly EpisodeBillingLine[],
  code: string | ReadonlySet<string>,
): EpisodeBillingLine[] {
  return lines.filter((l) => (typeof code === 'string' ? l.code === code : code.has(l.code)));
}

/** Total units of one code across lines (a code may be split over several lines). */
export function unitsOf(lines: readonly EpisodeBillingLine[], code: string): number {
  let units = 0;
  for (const l of lines) if (l.code === code) units += l.units;
  return units;
}

/**
 * Dates that bill at least one line of the codes given, ascending. Several rules ask for the
 * program dates: within a review they are found once per codes set and shared read-only.
 */
export function datesWith(episode: EpisodeModel, codes: ReadonlySet<string>): readonly IsoDate[] {
  const bySet = memo(
    episode.billing,
    'bill:datesWith',
    () => new Map<ReadonlySet<string>, readonly IsoDate[]>(),
  );
  let dates = bySet.get(codes);
  if (dates === undefined) bySet.set(codes, (dates = findDatesWith(episode.billing, codes)));
  return dates;
}

function findDatesWith(
  billing: readonly EpisodeBillingLine[],
  codes: ReadonlySet<string>,
): IsoDate[] {
  const dates: IsoDate[] = [];
  for (const day of billingDays(billing)) {
    if (day.lines.some((l) => codes.has(l.code))) dates.push(day.date);
  }
  return dates;
}

export function hasModifier(line: EpisodeBillingLine, mods: readonly string[]): boolean {
  for (const m of line.modifiers) if (mods.includes(m.toUpperCase())) return true;
  return false;
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
  /** The discipline it approves, when a letter approves each discipline apart; else null. */
  discipline?: Discipline | null;
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

/**
 * Authorization documents (type `authorization`) read into numbers, and the rows of a practice
 * system's authorization list that no letter on file states (a therapy window verified by
 * phone), ordered by start date.
 */
export function authorizations(episode: EpisodeModel): Authorization[] {
  const letters = authorizationLetters(episode);
  const numbered = new Set(letters.map((a) => a.number?.toUpperCase()));
  const listed: Authorization[] = [];
  for (const doc of episode.documents) {
    if (doc.type === 'authorization') continue;
    for (const f of doc.facts) {
      const key = f.value.toUpperCase();
      if (f.kind !== 'auth-entry' || numbered.has(key)) continue;
      numbered.add(key);
      listed.push({
        doc,
        number: f.value,
        visits: f.detail?.visits ?? null,
        hours: null,
        start: f.detail?.start ?? null,
        end: f.detail?.end ?? null,
        service: null,
        program: null,
        evidence: [evidenceFromFact(f)],
      });
    }
  }
  return [...letters, ...listed].sort(byStart);
}

function byStart(a: Authorization, b: Authorization): number {
  return (a.start ?? a.doc.date ?? '') < (b.start ?? b.doc.date ?? '') ? -1 : 1;
}

function authorizationLetters(episode: EpisodeModel): Authorization[] {
  return episode.documents
    .filter((d) => d.type === 'authorization' && !firstFact(d, 'auth-denied'))
    .flatMap((doc) => {
      const whole = letterAuthorization(doc);
      // "Line 1 - Occupational Therapy: Approved. 8 visits, ...; Line 2 - Speech Therapy: ...":
      // one approval per discipline, each counted against its own discipline's visits.
      const disciplines = [
        ...new Set(
          doc.facts
            .filter((f) => f.kind === 'auth-visits' && f.detail?.discipline)
            .map((f) => f.detail!.discipline!),
        ),
      ];
      if (disciplines.length < 2) return [whole];
      return disciplines.map((d): Authorization => {
        const own = (kind: FactKind) =>
          doc.facts.find((f) => f.kind === kind && f.detail?.discipline === d);
        const [visits, start, end] = [own('auth-visits'), own('auth-start'), own('auth-end')];
        return {
          ...whole,
          discipline: d,
          visits: intOrNull(visits?.value),
          start: start?.value ?? whole.start,
          end: end?.value ?? whole.end,
          evidence: [visits, start, end].filter((f) => f !== undefined).map(evidenceFromFact),
        };
      });
    });
}

/** One authorization letter read into its number, limits and period. */
function letterAuthorization(doc: EpisodeDocument): Authorization {
  const kinds = [
    'auth-number',
    'auth-visits',
    'auth-hours',
    'auth-start',
    'auth-end',
    'auth-service',
  ] as const;
  const facts = kinds.map((k) => firstFact(doc, k));
  const [num, visitsFact, hoursFact, start, end, service] = facts;
  // Units approved per code, where the letter tables them, say the limits exactly: each
  // 97545 unit is one session of two hours, each 97546 unit one hour more.
  const units = programUnits(doc);
  const fromUnits = units.u97545 !== null;
  const visits = fromUnits ? units.u97545 : intOrNull(visitsFact?.value);
  const hours = fromUnits ? units.u97545! * 2 + (units.u97546 ?? 0) : intOrNull(hoursFact?.value);
  const cited = fromUnits ? [num, start, end, service, ...units.facts] : facts;
  const evidence = cited.filter((f) => f !== undefined).map(evidenceFromFact);
  return {
    doc,
    number: num?.value ?? null,
    visits,
    hours,
    start: start?.value ?? null,
    end: end?.value ?? null,
    service: service?.value ?? null,
    program: programOf(service?.value),
    evidence: evidence.length
      ? evidence
      : [{ file: doc.file, page: doc.pageStart, quote: doc.title }],
  };
}

/** Approved units of the program codes in an authorization's table (`auth-units` facts). */
function programUnits(doc: EpisodeDocument): {
  u97545: number | null;
  u97546: number | null;
  facts: Fact[];
} {
  let u97545: number | null = null;
  let u97546: number | null = null;
  const facts: Fact[] = [];
  for (const f of doc.facts) {
    if (f.kind !== 'auth-units') continue;
    const n = intOrNull(f.value);
    if (n === null) continue;
    if (f.detail?.code === '97545') u97545 = (u97545 ?? 0) + n;
    else if (f.detail?.code === '97546') u97546 = (u97546 ?? 0) + n;
    else continue;
    facts.push(f);
  }
  return { u97545, u97546, facts };
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
