/**
 * Time and unit math for the billing rules: minutes documented per date of service, the CPT
 * midpoint rule for the work conditioning codes (97545/97546) and the CMS 8-minute rule for the
 * 15-minute timed therapy codes. Pure functions over the episode model.
 */
import type { EpisodeBillingLine, EpisodeDocument, EpisodeModel } from '../../../../shared/episode';
import type { Discipline, Evidence, IsoDate } from '../../../../shared/model';
import type { PayerProfile, RuleFinding, TimeRule, TimedUnitMethod } from '../types';
import { billingDays, isProgramLine, lineEvidence } from './billing';
import { isTimedCode, TIMED_15_MIN_CODES } from '../../domain/codes';
import { evidenceFromFact, factsOf, firstFact } from './evidence';
import { memo } from './memo';
import { disciplineOfLine } from './documents';

export interface WcUnits {
  /** Units of 97545 (initial 2 hours): 0 or 1. */
  u97545: number;
  /** Units of 97546 (each additional hour). */
  u97546: number;
}

/**
 * Units of 97545/97546 supported by `minutes` of program time on one date of service.
 *
 * CPT time convention (rules.md section 2, [S11]): a unit of time is attained when its midpoint is
 * passed. 97545 is a 2-hour unit, so it needs 61+ minutes; the k-th additional hour (97546) needs
 * 120 + 60(k-1) + 31 = 91 + 60k minutes. Never the 15-minute "8-minute rule" (rules.md section 7,
 * mistakes 2 and 3).
 *
 * Texas DWC (28 TAC §134.230(2)(A), [S14]): the first two hours of each session are one 97545 unit
 * and each additional hour a 97546 unit. How Texas treats partial hours is UNVERIFIED; the catalog's
 * best value is the same midpoint rule, so both time rules share the arithmetic today.
 */
/** UNVERIFIED catalog values behind wcUnitsForMinutes, listed by every rule that uses it. */
export const MIDPOINT_RULE_UNVERIFIED: readonly string[] = [
  'Application of the CPT midpoint rule to the 2-hour 97545 unit (61+ min) is an inference (rules.md section 2)',
  'Texas DWC partial-hour handling: midpoint rule assumed (rules.md BILL-WC-TIME-UNITS)',
];

export function wcUnitsForMinutes(minutes: number, _rule: TimeRule = 'cpt-midpoint'): WcUnits {
  const t = Math.floor(minutes);
  if (!Number.isFinite(t) || t < 61) return { u97545: 0, u97546: 0 };
  return { u97545: 1, u97546: Math.max(0, Math.floor((t - 91) / 60)) };
}

export { isTimedCode, TIMED_15_MIN_CODES, UNTIMED_CODES } from '../../domain/codes';

function isTimedLine(line: EpisodeBillingLine): boolean {
  return TIMED_15_MIN_CODES.has(line.code);
}

/**
 * Billed lines of 15-minute timed codes by date of service, ascending; dates without one are left
 * out. DOC-DAILY-TIME and BILL-TIMED-CODE-UNITS both walk them and most episodes bill none, so
 * within a review they are picked out once per episode: read-only.
 */
export function timedLinesByDate(
  episode: EpisodeModel,
): ReadonlyMap<IsoDate, readonly EpisodeBillingLine[]> {
  return memo(episode, 'time:timedLinesByDate', () => {
    const timed = new Map<IsoDate, EpisodeBillingLine[]>();
    for (const { date, lines } of billingDays(episode.billing)) {
      if (lines.some(isTimedLine)) timed.set(date, lines.filter(isTimedLine));
    }
    return timed;
  });
}

/**
 * CMS 8-minute rule (Pub. 100-04 Ch. 5 §20.2): total timed minutes on a date to allowed units.
 * 8-22 = 1, 23-37 = 2, 38-52 = 3, 53-67 = 4, ... each further 15 minutes one more unit; under 8
 * minutes nothing is billable.
 */
export function cmsTimedUnits(totalTimedMinutes: number): number {
  const t = Math.floor(totalTimedMinutes);
  if (!Number.isFinite(t) || t < 8) return 0;
  return Math.floor((t + 7) / 15);
}

/**
 * CPT per-code method (used by some commercial payers, [S11]): each timed code on its own, a unit
 * when more than half of 15 minutes (8+) is reached, then each further 15 minutes.
 */
export function cptTimedUnits(minutesByCode: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [code, m] of Object.entries(minutesByCode)) out[code] = cmsTimedUnits(m);
  return out;
}

export function timedUnitsAllowed(
  method: TimedUnitMethod,
  totalMinutes: number,
  minutesByCode?: Record<string, number>,
): number | null {
  if (method === 'cms') return cmsTimedUnits(totalMinutes);
  if (!minutesByCode) return null;
  return Object.values(cptTimedUnits(minutesByCode)).reduce((a, b) => a + b, 0);
}

/** `HH:MM` to minutes after midnight, or null. */
export function clockMinutes(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** A fact's value as a whole number of minutes, or null when it is not a non-negative integer. */
function nonNegativeInt(value: string): number | null {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** One timed session read from one note: its minutes and where they were read. */
export interface SessionTime {
  doc: EpisodeDocument;
  minutes: number;
  from: 'total-minutes' | 'time-in-out';
  evidence: Evidence[];
}

/**
 * Program minutes documented in one note. A stated total wins; otherwise time-in/time-out pairs
 * (in document order) minus documented breaks, because the catalog's WC minutes exclude rest and
 * meal breaks (rules.md section 3 conventions; BPM §220.3.E). A stated total is taken as already net.
 */
export function sessionTime(doc: EpisodeDocument): SessionTime | null {
  const stated = statedTotalTime(doc);
  if (!stated) return clockedTime(doc);
  // A stated total that is the whole clock span of a session with documented breaks counts the
  // breaks too ("7:30-11:05, breaks 25 min, Total time: 215 min"): the program time is less.
  const clocked = clockedTime(doc);
  const gross = clocked ? clockSpan(doc) : null;
  if (clocked && gross !== null && clocked.minutes < gross && stated.minutes === gross)
    return { ...clocked, evidence: stated.evidence.concat(clocked.evidence) };
  return stated;
}

/** Minutes between the note's first time-in and time-out, before breaks; null without a pair. */
function clockSpan(doc: EpisodeDocument): number | null {
  const a = firstFact(doc, 'time-in');
  const b = firstFact(doc, 'time-out');
  const from = a ? clockMinutes(a.value) : null;
  const to = b ? clockMinutes(b.value) : null;
  return from !== null && to !== null && to > from ? to - from : null;
}

/**
 * The note's stated total (its first `total-minutes` fact: the reader keeps one per session, and a
 * note that states the same total under two labels documents it once), or null.
 */
function statedTotalTime(doc: EpisodeDocument): SessionTime | null {
  for (const f of doc.facts) {
    if (f.kind !== 'total-minutes') continue;
    const n = nonNegativeInt(f.value);
    if (n === null) continue;
    return { doc, minutes: n, from: 'total-minutes', evidence: [evidenceFromFact(f)] };
  }
  return null;
}

/** Time-in/time-out pairs minus breaks, or null when no pair is readable. */
function clockedTime(doc: EpisodeDocument): SessionTime | null {
  const ins = factsOf(doc, 'time-in');
  const outs = factsOf(doc, 'time-out');
  const pairs = Math.min(ins.length, outs.length);
  if (pairs === 0) return null;
  let minutes = 0;
  const evidence: Evidence[] = [];
  for (let i = 0; i < pairs; i++) {
    const a = clockMinutes(ins[i]!.value);
    const b = clockMinutes(outs[i]!.value);
    if (a === null || b === null || b <= a) continue;
    minutes += b - a;
    evidence.push(evidenceFromFact(ins[i]!), evidenceFromFact(outs[i]!));
  }
  if (evidence.length === 0) return null;
  for (const f of doc.facts) {
    if (f.kind !== 'break-minutes') continue;
    const n = nonNegativeInt(f.value);
    if (n === null) continue;
    minutes -= n;
    evidence.push(evidenceFromFact(f));
  }
  return { doc, minutes: Math.max(0, minutes), from: 'time-in-out', evidence };
}

/** Shared within a review (see minutesOnDate): read-only. */
export interface DateMinutes {
  readonly date: IsoDate;
  /** Program minutes on the date, all notes merged; null when no note states time. */
  readonly minutes: number | null;
  /** Notes that stated time (one per session). */
  readonly sessions: readonly SessionTime[];
  /** Sum of `timed-minutes` facts (15-minute timed codes) on the date, or null when none. */
  readonly timedMinutes: number | null;
  /** Every daily note of the date, timed or not. */
  readonly notes: readonly EpisodeDocument[];
  readonly evidence: readonly Evidence[];
  readonly timedEvidence: readonly Evidence[];
}

// Shared read-only values (DateMinutes lists, dates without notes or timed minutes).
const NO_NOTES: readonly EpisodeDocument[] = Object.freeze([]);
const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);
const NO_SESSIONS: readonly SessionTime[] = Object.freeze([]);

/** One date's daily notes and, once a rule asks for them, their minutes. */
interface NotesOfDate {
  readonly notes: EpisodeDocument[];
  /** Evaluations of the date: they may document a timed service given that day too. */
  readonly evaluations: EpisodeDocument[];
  minutes: DateMinutes | null;
}

/**
 * Daily notes by date of service, built once per episode within a review: read-only. The same
 * entries cache each date's minutes, so there is one map per episode, not two.
 */
function dailyNotesByDate(episode: EpisodeModel): ReadonlyMap<IsoDate | null, NotesOfDate> {
  return memo(episode, 'time:dailyNotesByDate', () => {
    const map = new Map<IsoDate | null, NotesOfDate>();
    for (const d of episode.documents) {
      // Other documents of a visit may record a timed service given that day too.
      const evaluation =
        d.type === 'evaluation' ||
        d.type === 're-evaluation' ||
        d.type === 'fce' ||
        d.type === 'progress-report' ||
        d.type === 'discharge-summary';
      if (d.type !== 'daily-note' && !evaluation) continue;
      let day = map.get(d.date);
      if (!day) map.set(d.date, (day = { notes: [], evaluations: [], minutes: null }));
      (evaluation ? day.evaluations : day.notes).push(d);
    }
    return map;
  });
}

/** Whether any note, evaluation or report records a visit on the date. */
export function hasVisitRecord(episode: EpisodeModel, date: IsoDate): boolean {
  return dailyNotesByDate(episode).has(date);
}

/** Daily notes of one date of service. Other document types (FCE, evaluation) are separate services. */
export function dailyNotesOn(episode: EpisodeModel, date: IsoDate): EpisodeDocument[] {
  return dailyNotesByDate(episode).get(date)?.notes.slice() ?? [];
}

/**
 * Minutes documented on a date of service: several notes of one date (AM and PM sessions) are
 * merged (DOC-DAILY-PRESENT edge case; rules.md section 3 "WC minutes").
 */
export function minutesOnDate(episode: EpisodeModel, date: IsoDate): DateMinutes {
  // Five rules ask for the same dates: computed once per date within a review, shared read-only.
  const day = dailyNotesByDate(episode).get(date);
  if (!day) return noMinutes(date);
  day.minutes ??= computeMinutesOnDate(date, day.notes, day.evaluations);
  return day.minutes;
}

/**
 * A date's timed lines, each discipline's with its own notes' minutes when more than one
 * discipline billed timed codes that day and each wrote its own note: every therapist's units
 * come from their own minutes (each discipline treats under its own plan of care). Otherwise
 * the date's lines with all its minutes, as one.
 */
export function timedPartsOnDate(
  episode: EpisodeModel,
  date: IsoDate,
  lines: readonly EpisodeBillingLine[],
): ReadonlyArray<{ lines: readonly EpisodeBillingLine[]; dm: DateMinutes }> {
  const whole = [{ lines, dm: minutesOnDate(episode, date) }];
  const byDiscipline = new Map<Discipline, EpisodeBillingLine[]>();
  for (const l of lines) {
    const d = disciplineOfLine(l);
    if (!d) return whole;
    const own = byDiscipline.get(d);
    if (own) own.push(l);
    else byDiscipline.set(d, [l]);
  }
  if (byDiscipline.size < 2) return whole;
  const day = dailyNotesByDate(episode).get(date);
  if (!day) return whole;
  const parts = [...byDiscipline].map(([d, own]) => {
    const notes = day.notes.filter((n) => n.discipline === d);
    const evaluations = day.evaluations.filter((n) => n.discipline === d);
    return { lines: own, notes, evaluations };
  });
  if (parts.some((p) => p.notes.length === 0)) return whole;
  return parts.map((p) => ({
    lines: p.lines,
    dm: computeMinutesOnDate(date, p.notes, p.evaluations),
  }));
}

/** A date without daily notes. */
function noMinutes(date: IsoDate): DateMinutes {
  return {
    date,
    minutes: null,
    sessions: NO_SESSIONS,
    timedMinutes: null,
    notes: NO_NOTES,
    evidence: NO_EVIDENCE,
    timedEvidence: NO_EVIDENCE,
  };
}

/** `notes` is the date's shared list, not a copy: DateMinutes is read-only. */
function computeMinutesOnDate(
  date: IsoDate,
  notes: readonly EpisodeDocument[],
  evaluations: readonly EpisodeDocument[],
): DateMinutes {
  // One loop over the notes, not map/filter chains: this runs for every billed date.
  let sessions: SessionTime[] | null = null;
  let minutes: number | null = null;
  // With no treatment note that day, a report that records the day's session ("Work
  // Conditioning Minutes: 180" in the discharge summary of the last session) is its note.
  const sessionDocs = notes.length ? notes : evaluations.filter(isSessionReport);
  for (const doc of sessionDocs) {
    const session = sessionTime(doc);
    if (!session) continue;
    sessions = append(sessions, session);
    minutes = (minutes ?? 0) + session.minutes;
  }
  // Program minutes come from treatment notes only (an evaluation is its own service); timed
  // minutes also from an evaluation that records a timed service given that day ("97110, 15 min").
  let timed = timedMinutesOf(notes);
  if (timed.minutes === null && evaluations.length) timed = timedMinutesOf(evaluations);
  // An FCE is itself a timed service (97750): its documented time is timed time.
  if (timed.minutes === null) timed = fceMinutesOf(evaluations);
  return {
    date,
    minutes,
    sessions: sessions ?? NO_SESSIONS,
    timedMinutes: timed.minutes,
    notes,
    evidence: sessionsEvidence(sessions),
    timedEvidence: timed.evidence,
  };
}

/** A report written on a visit's day, which may record that day's session. */
function isSessionReport(doc: EpisodeDocument): boolean {
  return doc.type === 'progress-report' || doc.type === 'discharge-summary';
}

/** The sessions' quotes in order; one session (the usual date) shares its list, read-only. */
function sessionsEvidence(sessions: readonly SessionTime[] | null): readonly Evidence[] {
  if (!sessions) return NO_EVIDENCE;
  if (sessions.length === 1) return sessions[0]!.evidence;
  const evidence: Evidence[] = [];
  for (const s of sessions) for (const e of s.evidence) evidence.push(e);
  return evidence;
}

/**
 * Adds an item to a list that starts out absent: the first item makes a one-item list, because a
 * push onto an empty array reserves room for 16 and most of these lists hold one item.
 */
function append<T>(list: T[] | null, item: T): T[] {
  if (!list) return [item];
  list.push(item);
  return list;
}

interface TimedMinutes {
  minutes: number | null;
  evidence: readonly Evidence[];
}

const NO_TIMED_MINUTES: TimedMinutes = Object.freeze({ minutes: null, evidence: NO_EVIDENCE });

/**
 * The notes' timed minutes and the quotes they were read from: each note's stated timed total
 * (`timed-minutes`), else the minutes it itemizes per timed service ("97110 1:15-1:45 PM"); null
 * when no note gives either.
 */
function timedMinutesOf(notes: readonly EpisodeDocument[]): TimedMinutes {
  let minutes: number | null = null;
  let evidence: Evidence[] | null = null;
  for (const doc of notes) {
    const stated = firstFact(doc, 'timed-minutes');
    const n = stated ? nonNegativeInt(stated.value) : null;
    if (stated && n !== null) {
      minutes = (minutes ?? 0) + n;
      evidence = append(evidence, evidenceFromFact(stated));
      continue;
    }
    for (const f of doc.facts) {
      if (f.kind !== 'service-minutes' || !f.detail?.code || !isTimedCode(f.detail.code)) continue;
      minutes = (minutes ?? 0) + (f.detail.minutes ?? 0);
      evidence = append(evidence, evidenceFromFact(f));
    }
  }
  return evidence ? { minutes, evidence } : NO_TIMED_MINUTES;
}

/** An FCE's stated or clocked time, as the timed minutes of its 97750 testing. */
function fceMinutesOf(docs: readonly EpisodeDocument[]): TimedMinutes {
  for (const doc of docs) {
    if (doc.type !== 'fce') continue;
    const session = sessionTime(doc);
    if (session) return { minutes: session.minutes, evidence: session.evidence };
  }
  return NO_TIMED_MINUTES;
}

/**
 * Per-code timed minutes when the notes itemize them ("97110 ... 23 min", "Ther ex 1:15-1:45 PM"),
 * as the reader found them (`service-minutes`). Used for the CPT per-code method; null when no
 * note itemizes a timed code.
 */
export function minutesByTimedCode(notes: readonly EpisodeDocument[]): {
  minutes: Record<string, number>;
  evidence: Evidence[];
} | null {
  const minutes: Record<string, number> = {};
  const evidence: Evidence[] = [];
  for (const doc of notes) {
    for (const f of doc.facts) {
      const code = f.kind === 'service-minutes' ? f.detail?.code : undefined;
      if (!code || !isTimedCode(code)) continue;
      minutes[code] = (minutes[code] ?? 0) + (f.detail?.minutes ?? 0);
      evidence.push(evidenceFromFact(f));
    }
  }
  return evidence.length ? { minutes, evidence } : null;
}

export function formatWcUnits(u: WcUnits): string {
  return WC_UNITS_TEXT[u.u97545]?.[u.u97546] ?? `97545x${u.u97545} + 97546x${u.u97546}`;
}

/** The texts of the usual unit counts, made once: every program date's message formats two. */
const WC_UNITS_TEXT: readonly (readonly string[])[] = Array.from({ length: 3 }, (_, u97545) =>
  Array.from({ length: 10 }, (_, u97546) => `97545x${u97545} + 97546x${u97546}`),
);

/** One date of service's program time against its billed 97545/97546 units. */
export interface WcDateAssessment {
  date: IsoDate;
  minutes: number | null;
  expected: WcUnits | null;
  billed: WcUnits;
  verdict: 'no-minutes' | 'over' | 'under' | 'match';
  /** Plain sentence shared by DOC-DAILY-TIME and BILL-WC-TIME-UNITS so the two never disagree. */
  message: string;
  /** The note's minutes quotes first, then the billing lines. */
  evidence: Evidence[];
}

/**
 * Compares billed program units with the units the documented minutes support. Over-billing means
 * either code exceeds what the minutes support (an extra 97546 hour, or 97545 under 61 minutes).
 */
export function assessWcDate(
  episode: EpisodeModel,
  date: IsoDate,
  lines: ReadonlyArray<{ code: string; units: number }>,
  lineEvidence: Evidence[],
  rule: TimeRule,
): WcDateAssessment {
  const billed = billedWcUnits(lines);
  const dm = minutesOnDate(episode, date);
  if (dm.minutes === null) {
    const noteWord = dm.notes.length ? 'the daily note states' : 'no daily note states';
    return {
      date,
      minutes: null,
      expected: null,
      billed,
      verdict: 'no-minutes',
      message: `${date}: billed ${formatWcUnits(billed)} but ${noteWord} no program minutes or time in/out.`,
      evidence: lineEvidence,
    };
  }
  const expected = wcUnitsForMinutes(dm.minutes, rule);
  const over = billed.u97545 > expected.u97545 || billed.u97546 > expected.u97546;
  const under = !over && (billed.u97545 < expected.u97545 || billed.u97546 < expected.u97546);
  const sessions = dm.sessions.length > 1 ? ` (${dm.sessions.length} notes merged)` : '';
  const base = `${date}: ${dm.minutes} min${sessions} supports ${formatWcUnits(expected)}; billed ${formatWcUnits(billed)}.`;
  const tail = over
    ? ' Over-billed under the CPT midpoint rule (97545 needs 61+ min; each 97546 hour needs 31+ min past the previous hour).'
    : under
      ? ' Under-billed: the documented time supports more units than were billed.'
      : '';
  return {
    date,
    minutes: dm.minutes,
    expected,
    billed,
    verdict: over ? 'over' : under ? 'under' : 'match',
    message: base + tail,
    evidence: dm.evidence.concat(lineEvidence),
  };
}

/** Units of 97545 and 97546 on the lines, in one pass (a code may be split over several lines). */
function billedWcUnits(lines: ReadonlyArray<{ code: string; units: number }>): WcUnits {
  let u97545 = 0;
  let u97546 = 0;
  for (const l of lines) {
    if (l.code === '97545') u97545 += l.units;
    else if (l.code === '97546') u97546 += l.units;
  }
  return { u97545, u97546 };
}

/**
 * Every date billed with 97545/97546 and its time assessment: the one loop DOC-DAILY-TIME and
 * BILL-WC-TIME-UNITS share, so the two rules always judge the same dates with the same numbers.
 */
export function assessProgramDates(
  episode: EpisodeModel,
  rule: TimeRule,
): ReadonlyArray<{ date: IsoDate; assessment: Readonly<WcDateAssessment> }> {
  // Both rules run it with the profile's time rule: assessed once per review, shared read-only.
  const byRule = memo(episode, 'time:assessProgramDates', newProgramDatesMap);
  let assessed = byRule.get(rule);
  if (!assessed) byRule.set(rule, (assessed = assessAllProgramDates(episode, rule)));
  return assessed;
}

type ProgramDates = Array<{ date: IsoDate; assessment: WcDateAssessment }>;

function newProgramDatesMap(): Map<TimeRule, ProgramDates> {
  return new Map();
}

function assessAllProgramDates(episode: EpisodeModel, rule: TimeRule): ProgramDates {
  // Walks the shared billing days (ascending, as datesWith gives).
  const out: ProgramDates = [];
  for (const day of billingDays(episode.billing)) {
    const date = day.date;
    const lines = programLines(day.lines);
    if (lines.length === 0) continue;
    out.push({ date, assessment: assessWcDate(episode, date, lines, lineEvidence(lines), rule) });
  }
  return out;
}

/** The program-code lines of a date: the list itself when every line is one (the usual date). */
function programLines(lines: readonly EpisodeBillingLine[]): readonly EpisodeBillingLine[] {
  return lines.every(isProgramLine) ? lines : lines.filter(isProgramLine);
}

/** Whether a date's notes give no timed-code minutes, in total or code by code. */
export function timedMinutesMissing(episode: EpisodeModel, date: IsoDate): boolean {
  const dm = minutesOnDate(episode, date);
  return dm.timedMinutes === null && !minutesByTimedCode(dm.notes);
}

/**
 * The billed dates DOC-DAILY-TIME fails for documenting no minutes: program dates whose minutes
 * the time rule cannot find and, where the payer checks 15-minute codes, timed-code dates with no
 * timed minutes. Only dates with a visit record: a date without one is DOC-DAILY-PRESENT's.
 */
export function datesWithoutMinutes(
  episode: EpisodeModel,
  profile: PayerProfile,
): ReadonlySet<IsoDate> {
  const rule = profile.thresholds.timeRule;
  const timedCodes = profile.rules['BILL-TIMED-CODE-UNITS']?.applies === true;
  return memo(episode, `time:datesWithoutMinutes:${rule}:${String(timedCodes)}`, () => {
    const dates = new Set<IsoDate>();
    for (const { date, assessment } of assessProgramDates(episode, rule))
      if (assessment.verdict === 'no-minutes' && hasVisitRecord(episode, date)) dates.add(date);
    if (timedCodes)
      for (const date of timedLinesByDate(episode).keys())
        if (hasVisitRecord(episode, date) && timedMinutesMissing(episode, date)) dates.add(date);
    return dates;
  });
}

/**
 * The finding for a date whose billed program units the minutes do not support, as the rule that
 * reports it says it: over-billing fails at the rule's severity; under-billing is advisory (the
 * catalog's info), not a defect to recoup.
 */
export function unitsFinding(a: Readonly<WcDateAssessment>): RuleFinding {
  return a.verdict === 'under'
    ? {
        status: 'fail',
        severity: 'info',
        message: a.message,
        dates: [a.date],
        evidence: a.evidence.slice(),
      }
    : { status: 'fail', message: a.message, dates: [a.date], evidence: a.evidence.slice() };
}
