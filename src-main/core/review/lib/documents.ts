/**
 * Helpers over an episode's documents and billed dates for the documentation (DOC-*) rules:
 * dates, document lookups, treatment days, authorship and signatures, element presence and goal
 * quality. Pure functions over the episode model; no rule decisions live here.
 *
 * Loops over an episode's lines and documents index the arrays: they run a few times per episode,
 * often before the optimizer has compiled them, and an unoptimized for-of allocates an iterator
 * result per element.
 */
import type { EpisodeBillingLine, EpisodeDocument, EpisodeModel } from '../../../../shared/episode';
import type {
  Discipline,
  DocType,
  Evidence,
  Fact,
  FactKind,
  IsoDate,
  SectionName,
} from '../../../../shared/model';
import { evidenceFromDocument, evidenceFromFact, evidenceFromLine, firstFact } from './evidence';
import { memo } from './memo';
import { authorRoleOf, type AuthorRole } from '../../domain/credentials';
import { jobLinkedGoalText, measurableGoalText, returnToWorkGoalText } from '../../lexicon/goals';
import { findTimeFrame } from '../../parse/timeframe';
import { WORK_PROGRAM_CODES } from '../../domain/codes';
import { daysBetween as daysApart } from '../../../../shared/dates';
import { memoByString } from '../../memo';

// ---------------------------------------------------------------------------------------------
// Dates

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real calendar date as YYYY-MM-DD. Hot in every rule (each document's date, each line's date
 * of service): read by character codes, no regex, no Date parsing, no cache lookup.
 */
export function isIsoDate(value: string | null | undefined): value is IsoDate {
  if (!value || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false; // '-'
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

/** The decimal number in value[from, to), or -1 when a character is not an ASCII digit. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

// Calendar arithmetic lives once in shared/dates; these names are what the rules import.
export { addDays as addDaysIso, daysBetween, isoDayMs as dayMs } from '../../../../shared/dates';

/** The document's date: its own date, else a readable date-of-service or document-date fact. */
export function docDate(doc: EpisodeDocument): IsoDate | null {
  // No closure here: one capturing `doc` would cost a context allocation on every call, and
  // almost every document has its own date.
  return isIsoDate(doc.date) ? doc.date : factDate(doc);
}

/** First readable date-of-service fact, else first readable document-date fact: one pass. */
function factDate(doc: EpisodeDocument): IsoDate | null {
  let documentDate: IsoDate | null = null;
  for (const f of doc.facts) {
    if (f.kind === 'date-of-service') {
      if (isIsoDate(f.value)) return f.value;
    } else if (f.kind === 'document-date' && documentDate === null && isIsoDate(f.value)) {
      documentDate = f.value;
    }
  }
  return documentDate;
}

export function uniqueSorted(dates: Iterable<IsoDate>): IsoDate[] {
  // Sorted, equal dates sit side by side: dropped in place, without a Set.
  const sorted = Array.from(dates).sort();
  let kept = 0;
  for (const date of sorted) if (kept === 0 || sorted[kept - 1] !== date) sorted[kept++] = date;
  sorted.length = kept;
  return sorted;
}

// ---------------------------------------------------------------------------------------------
// Lookups

export function docsOfType(episode: EpisodeModel, ...types: DocType[]): EpisodeDocument[] {
  if (types.length === 1) return docsOfOneType(episode, types[0]!).slice();
  const docs: EpisodeDocument[] = [];
  for (let i = 0; i < episode.documents.length; i++) {
    const d = episode.documents[i]!;
    if (types.includes(d.type)) docs.push(d);
  }
  return docs;
}

/**
 * The episode's documents of one type, in document order, shared within a review: read-only.
 * Every rule asks for some type; the episode is grouped by type once.
 */
export function docsOfOneType(episode: EpisodeModel, type: DocType): readonly EpisodeDocument[] {
  return docsByType(episode).get(type) ?? NO_DOCS;
}

export const NO_DOCS: readonly EpisodeDocument[] = Object.freeze([]);

function docsByType(episode: EpisodeModel): ReadonlyMap<DocType, readonly EpisodeDocument[]> {
  return memo(episode, 'doc:byType', () => groupByType(episode.documents));
}

function groupByType(docs: readonly EpisodeDocument[]): Map<DocType, EpisodeDocument[]> {
  const map = new Map<DocType, EpisodeDocument[]>();
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const list = map.get(d.type);
    if (list) list.push(d);
    else map.set(d.type, [d]);
  }
  return map;
}

export function hasFact(doc: EpisodeDocument, ...kinds: FactKind[]): boolean {
  for (const kind of kinds) if (hasFactOfKind(doc, kind)) return true;
  return false;
}

/** `hasFact` for one kind, without the rest-parameter array (asked per note in several rules). */
export function hasFactOfKind(doc: EpisodeDocument, kind: FactKind): boolean {
  return firstFilled(doc, kind) !== undefined;
}

export function hasSection(doc: EpisodeDocument, ...names: SectionName[]): boolean {
  for (const name of names) if (hasSectionNamed(doc, name)) return true;
  return false;
}

/** `hasSection` for one name, without the rest-parameter array. */
export function hasSectionNamed(doc: EpisodeDocument, name: SectionName): boolean {
  for (const f of doc.facts) {
    if (f.kind === 'section' && sectionName(f.value) === name) return true;
  }
  return false;
}

/**
 * A section fact's value as a section name: trimmed, lower case. Values are usually written that
 * way already, and toLowerCase copies the string even then.
 */
function sectionName(value: string): string {
  if (!MAY_CHANGE_CASE.test(value) && value === value.trim()) return value;
  return value.trim().toLowerCase();
}

/** Characters toLowerCase may change: ASCII capitals and anything outside ASCII. */
const MAY_CHANGE_CASE = /[A-Z\u0080-\uffff]/;

/** Evidence for several documents, one entry each. */
export function evidenceForDocs(docs: readonly EpisodeDocument[], prefer?: FactKind[]): Evidence[] {
  return docs.map((d) => evidenceFromDocument(d, prefer));
}

// ---------------------------------------------------------------------------------------------
// Codes, disciplines and work programs

export { EVALUATION_CODES, REEVALUATION_CODES, WORK_PROGRAM_CODES } from '../../domain/codes';

/** Discipline a billing line belongs to, from its therapy modifier (GP/GO/GN), else null. */
export function disciplineOfLine(line: EpisodeBillingLine): Discipline | null {
  if (line.modifiers.includes('GP')) return 'PT';
  if (line.modifiers.includes('GO')) return 'OT';
  if (line.modifiers.includes('GN')) return 'SLP';
  if (line.code === '97164' || (line.code >= '97161' && line.code <= '97163')) return 'PT';
  if (line.code === '97168' || (line.code >= '97165' && line.code <= '97167')) return 'OT';
  return null;
}

/** Work-program episode: any billed 97545/97546 line, or a document naming the program type. */
export function isWorkProgram(episode: EpisodeModel): boolean {
  for (let i = 0; i < episode.billing.length; i++) {
    const l = episode.billing[i]!;
    if (WORK_PROGRAM_CODES.has(l.code)) return true;
  }
  for (let i = 0; i < episode.documents.length; i++) {
    const d = episode.documents[i]!;
    if (hasFactOfKind(d, 'program-type')) return true;
  }
  return false;
}

/** Distinct dates of service billed with 97545 (a program "visit", rules.md section 3). */
export function programDates(episode: EpisodeModel): IsoDate[] {
  // Asked by several rules: computed once per review; callers get a copy (some pop() it).
  return programDatesView(episode).slice();
}

/** `programDates` without the copy, for callers that only read it. */
export function programDatesView(episode: EpisodeModel): readonly IsoDate[] {
  return memo(episode, 'programDates', () => {
    const dates: IsoDate[] = [];
    for (let i = 0; i < episode.billing.length; i++) {
      const l = episode.billing[i]!;
      if (l.code === '97545') dates.push(l.dos);
    }
    return uniqueSorted(dates);
  });
}

export function billedLinesOn(episode: EpisodeModel, date: IsoDate): EpisodeBillingLine[] {
  const byDos = memo(episode, 'linesByDos', () => {
    const map = new Map<IsoDate, EpisodeBillingLine[]>();
    for (let i = 0; i < episode.billing.length; i++) {
      const l = episode.billing[i]!;
      const list = map.get(l.dos);
      if (list) list.push(l);
      else map.set(l.dos, [l]);
    }
    return map;
  });
  return byDos.get(date)?.slice() ?? [];
}

/** Disciplines known from billing modifiers and document disciplines. */
export function knownDisciplines(episode: EpisodeModel): Discipline[] {
  // Asked by several rules: computed once per review; callers get a copy.
  return memo(episode, 'doc:disciplines', () => disciplinesOf(episode)).slice();
}

function disciplinesOf(episode: EpisodeModel): Discipline[] {
  // At most three values: a list with includes does what a Set would, without the Set.
  const found: Discipline[] = [];
  for (let i = 0; i < episode.billing.length; i++) {
    const l = episode.billing[i]!;
    const d = disciplineOfLine(l);
    if (d && !found.includes(d)) found.push(d);
  }
  // A work program is one interdisciplinary service (CARF): the PT or OT who runs a day's session
  // writes the program's note, no stream of its own; the billing says which disciplines bill.
  if (isWorkProgram(episode)) return found.sort();
  for (let i = 0; i < episode.documents.length; i++) {
    const doc = episode.documents[i]!;
    if (!THERAPY_RECORDS.has(doc.type)) continue;
    if (doc.discipline && !found.includes(doc.discipline)) found.push(doc.discipline);
  }
  return found.sort();
}

/**
 * The documents a discipline's own care writes, signed by its treating clinicians. An
 * eligibility response ("PT/SLP amount applied"), an order or a letter that names a discipline
 * starts no stream of care, and its signer treats no one.
 */
export const THERAPY_RECORDS: ReadonlySet<DocType> = new Set([
  'evaluation',
  're-evaluation',
  'plan-of-care',
  'daily-note',
  'progress-report',
  'discharge-summary',
]);

// ---------------------------------------------------------------------------------------------
// Treatment days

/** Document types whose date is a day the patient was seen for treatment (or evaluation). */
const TREATMENT_DOC_TYPES: readonly DocType[] = ['daily-note', 'evaluation', 're-evaluation'];

export interface TreatmentDay {
  date: IsoDate;
  /** Disciplines seen that day; empty when unknown. */
  disciplines: Discipline[];
  docs: EpisodeDocument[];
  lines: EpisodeBillingLine[];
}

/**
 * Distinct calendar days with treatment: billed dates of service, dated daily notes, evaluation
 * and re-evaluation days. Several notes or lines on one calendar day are one treatment day
 * (rules.md DOC-PROGRESS-10, [S34]); evaluation days count (BPM §220.3.D). With `discipline`,
 * only days of that discipline, plus days whose discipline is unknown (counted conservatively).
 */
export function treatmentDays(episode: EpisodeModel, discipline?: Discipline): TreatmentDay[] {
  return treatmentDaysView(episode, discipline).map((d) => ({
    date: d.date,
    disciplines: d.disciplines.slice(),
    docs: d.docs.slice(),
    lines: d.lines.slice(),
  }));
}

/** A treatment day shared within a review: read-only. */
export type TreatmentDayView = Readonly<{
  date: IsoDate;
  disciplines: readonly Discipline[];
  docs: readonly EpisodeDocument[];
  lines: readonly EpisodeBillingLine[];
}>;

/**
 * `treatmentDays` without the defensive copies, for rules that only read them (several rules ask
 * per discipline stream): computed once per review and discipline.
 */
export function treatmentDaysView(
  episode: EpisodeModel,
  discipline?: Discipline,
): readonly TreatmentDayView[] {
  const all = memo(episode, 'treatmentDays', () => allTreatmentDays(episode));
  if (!discipline) return all;
  return memo(episode, `treatmentDays:${discipline}`, () =>
    all.filter((d) => d.disciplines.length === 0 || d.disciplines.includes(discipline)),
  );
}

function allTreatmentDays(episode: EpisodeModel): TreatmentDay[] {
  const byDate = new Map<IsoDate, TreatmentDay>();
  for (let i = 0; i < episode.billing.length; i++) {
    const line = episode.billing[i]!;
    if (!isIsoDate(line.dos)) continue;
    const d = dayOn(byDate, line.dos);
    d.lines = withItem(d.lines, line);
    const disc = disciplineOfLine(line);
    if (disc && !d.disciplines.includes(disc)) d.disciplines = withItem(d.disciplines, disc);
  }
  for (let i = 0; i < episode.documents.length; i++) {
    const doc = episode.documents[i]!;
    if (!TREATMENT_DOC_TYPES.includes(doc.type)) continue;
    const date = docDate(doc);
    if (!date) continue;
    const d = dayOn(byDate, date);
    d.docs = withItem(d.docs, doc);
    if (doc.discipline && !d.disciplines.includes(doc.discipline)) {
      d.disciplines = withItem(d.disciplines, doc.discipline);
    }
  }
  const days = Array.from(byDate.values());
  // Lines and notes usually come in date order: sort only when they did not.
  return isByDate(days) ? days : days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The day for `date`, created with empty lists on first use. */
function dayOn(byDate: Map<IsoDate, TreatmentDay>, date: IsoDate): TreatmentDay {
  let d = byDate.get(date);
  if (!d) {
    d = { date, disciplines: NO_ITEMS, docs: NO_ITEMS, lines: NO_ITEMS };
    byDate.set(date, d);
  }
  return d;
}

/**
 * A day's lists start as one shared empty list and get a one-item array on their first item: most
 * days hold one note and one discipline, and an empty array's first push reserves 17 slots.
 */
const NO_ITEMS = Object.freeze([]) as never[];

function withItem<T>(list: T[], item: T): T[] {
  if (list === NO_ITEMS) return [item];
  list.push(item);
  return list;
}

function isByDate(days: readonly TreatmentDay[]): boolean {
  for (let i = 1; i < days.length; i++) if (days[i - 1]!.date >= days[i]!.date) return false;
  return true;
}

export function countTreatmentDays(episode: EpisodeModel, discipline?: Discipline): number {
  return treatmentDaysView(episode, discipline).length;
}

/** First treatment day of the episode, evaluation included (BPM §220.1.3.B counts it). */
export function firstTreatmentDate(episode: EpisodeModel): IsoDate | null {
  return treatmentDaysView(episode)[0]?.date ?? null;
}

/** The first of `evidenceForDay` only: the day's first note, else its first billing line. */
export function firstEvidenceForDay(day: TreatmentDayView): Evidence[] {
  if (day.docs[0]) return [evidenceFromDocument(day.docs[0])];
  return day.lines[0] ? [evidenceFromLine(day.lines[0])] : [];
}

/** Evidence for one treatment day: its notes first, else its billing lines. */
export function evidenceForDay(day: TreatmentDayView): Evidence[] {
  if (day.docs.length > 0) return day.docs.map((d) => evidenceFromDocument(d));
  return day.lines.map(evidenceFromLine);
}

// ---------------------------------------------------------------------------------------------
// Authorship and signatures

export type AuthorKind = AuthorRole;

/**
 * Who a credentials string names (the one credentials table, core/domain/credentials): a therapist
 * or physician credential anywhere wins (a report co-signed by the PT is the PT's report); only
 * assistant credentials = assistant (BPM §220.3.D: assistants may not write progress reports).
 */
export function credentialKind(credentials: string): AuthorKind {
  return kindOfCredentials(credentials);
}

/** Every note repeats the same few credential strings ("PT, DPT"): each is read once. */
const kindOfCredentials = memoByString(authorRoleOf, 10_000);

/** Author of a document from its credentials facts (and signer text, which often carries them). */
export function authorKind(doc: EpisodeDocument): AuthorKind {
  // Precedence, not fact order, decides: one pass over the facts, no intermediate arrays.
  let physician = false;
  let assistant = false;
  for (const f of doc.facts) {
    if (f.kind !== 'credentials' && f.kind !== 'signer') continue;
    // A supervisor's countersignature does not make the supervisor the author.
    if (f.detail?.cosigner) continue;
    const kind = credentialKind(f.value);
    if (kind === 'clinician') return 'clinician';
    if (kind === 'physician') physician = true;
    else if (kind === 'assistant') assistant = true;
  }
  if (physician) return 'physician';
  if (assistant) return 'assistant';
  return 'unknown';
}

export function authorCredentials(doc: EpisodeDocument): string | null {
  return firstFact(doc, 'credentials')?.value ?? null;
}

/** The record entries their author signs (DOC-SIGNED): evaluations, plans, notes, reports, orders. */
export const SIGNED_RECORD_TYPES = [
  'evaluation',
  're-evaluation',
  'plan-of-care',
  'progress-report',
  'daily-note',
  'discharge-summary',
  'physician-order',
] as const;

export type SignedRecordType = (typeof SIGNED_RECORD_TYPES)[number];

export function isSignedRecordType(type: DocType): type is SignedRecordType {
  return (SIGNED_RECORD_TYPES as readonly DocType[]).includes(type);
}

export interface SignatureStatus {
  /**
   * `unsigned`: blank signature line or no signer; `incomplete`: signer without credentials or
   * date; `illegible`: a signature that cannot be read as a name and no legible one (`missing`
   * then says what else it lacks).
   */
  status: 'signed' | 'unsigned' | 'incomplete' | 'illegible';
  missing: Array<'signature' | 'credentials' | 'date'>;
  /** The blank line, the signer line, the illegible signature, or the document, to cite. */
  evidence: Evidence;
}

/**
 * Signature status per PIM Pub. 100-08 Ch. 3 §3.3.2.4 ([S4]): signed by the author, with
 * professional identification and a date. Orders and certifications are signed by the physician,
 * so their physician-signer facts count as the signature.
 */
export function signatureStatus(doc: EpisodeDocument): SignatureStatus {
  const { blank, signature } = signatureOf(doc);
  if (blank || !signature) {
    return {
      status: 'unsigned',
      missing: ['signature'],
      evidence: blank ? evidenceFromFact(blank) : evidenceFromDocument(doc),
    };
  }
  const missing = missingBesideSignature(doc, signature);
  const status =
    signature.kind === 'signature-illegible'
      ? 'illegible'
      : missing.length
        ? 'incomplete'
        : 'signed';
  return { status, missing, evidence: evidenceFromFact(signature) };
}

/**
 * The fact that stands for the document's signature: its signer, else an illegible signature;
 * and a blank signature line of its author, which makes the document unsigned whatever else it has.
 */
function signatureOf(doc: EpisodeDocument): { blank?: Fact; signature?: Fact } {
  // A physician's blank field leaves a therapist's plan uncertified (DOC-POC-CERT), not unsigned.
  const physicianDoc = isPhysicianDoc(doc);
  const blank = doc.facts.find(
    (f) => f.kind === 'signature-blank' && (physicianDoc || !f.detail?.physician),
  );
  return { blank, signature: signerOf(doc) ?? firstFact(doc, 'signature-illegible') };
}

/** What a signature (legible or not) lacks: credentials, a date. */
function missingBesideSignature(doc: EpisodeDocument, signature: Fact): SignatureStatus['missing'] {
  const missing: SignatureStatus['missing'] = [];
  if (!isCredentialed(doc, signature)) missing.push('credentials');
  if (!hasSignatureDate(doc)) missing.push('date');
  return missing;
}

/**
 * What a note's signature lacks to identify its author, as `signatureStatus` judges it:
 * 'signature' when unsigned, 'credentials' when the signer has none, else null (the signature
 * date is not asked; an illegible signature is a signature, which DOC-SIGNED judges). For rules
 * that only need that verdict, without building the status.
 */
export function signatureGap(doc: EpisodeDocument): 'signature' | 'credentials' | null {
  const { blank, signature } = signatureOf(doc);
  if (blank || !signature) return 'signature';
  return isCredentialed(doc, signature) ? null : 'credentials';
}

/** Whether the document is (or holds) a signature log or an author's signature attestation. */
export function isSignatureLog(doc: EpisodeDocument): boolean {
  return firstFact(doc, 'signature-log') !== undefined;
}

/** The first signature log or attestation among the documents (an episode's, or a packet's). */
export function signatureLogIn(docs: readonly EpisodeDocument[]): Fact | undefined {
  for (let i = 0; i < docs.length; i++) {
    const f = firstFact(docs[i]!, 'signature-log');
    if (f) return f;
  }
  return undefined;
}

/** Orders and certifications are signed by the physician. */
function isPhysicianDoc(doc: EpisodeDocument): boolean {
  return doc.type === 'physician-order' || doc.type === 'certification';
}

/** The signer fact, else (physician documents) the physician-signer fact; blank values skipped. */
function signerOf(doc: EpisodeDocument): Fact | undefined {
  // An order or certification is the physician's: their signature first.
  if (isPhysicianDoc(doc))
    return firstFilled(doc, 'physician-signer') ?? firstFilled(doc, 'signer');
  return firstFilled(doc, 'signer');
}

function isCredentialed(doc: EpisodeDocument, signer: Fact): boolean {
  return (
    hasFactOfKind(doc, 'credentials') ||
    credentialKind(signer.value) !== 'unknown' ||
    (signer.kind === 'physician-signer' && isPhysicianDoc(doc))
  );
}

/** A readable signed date (physician documents: the physician's signed date also counts). */
function hasSignatureDate(doc: EpisodeDocument): boolean {
  // A prescription is dated where the physician writes it ("Date: 3/2/26" on the pad), not beside
  // the signature: its own date dates the order signed on it.
  if (doc.type === 'physician-order' && docDate(doc)) return true;
  const physicianDoc = isPhysicianDoc(doc);
  for (const f of doc.facts) {
    const dateKind =
      f.kind === 'signed-date' || (physicianDoc && f.kind === 'physician-signed-date');
    if (dateKind && isIsoDate(f.value)) return true;
  }
  return false;
}

function firstReadableDate(doc: EpisodeDocument, kind: FactKind): Fact | undefined {
  for (const f of doc.facts) if (f.kind === kind && isIsoDate(f.value)) return f;
  return undefined;
}

/** First fact of the kind with a non-blank value. */
function firstFilled(doc: EpisodeDocument, kind: FactKind): Fact | undefined {
  for (const f of doc.facts) if (f.kind === kind && f.value.trim() !== '') return f;
  return undefined;
}

/** Physician/NPP certification on a document: a physician signer and a physician-signed date. */
export function physicianSignature(
  doc: EpisodeDocument,
  opts: { acceptStamp?: boolean } = {},
): { signer: Fact; date: IsoDate; dateFact: Fact; stamped: boolean } | null {
  // A stamped name certifies nothing (PIM Ch. 3 §3.3.2.4); a caller that cannot tell a rubber
  // stamp from a signature image placed as a PDF stamp annotation asks for it to say so.
  let signer: Fact | undefined;
  for (const f of doc.facts)
    if (
      f.kind === 'physician-signer' &&
      f.value.trim() !== '' &&
      (opts.acceptStamp || f.detail?.mark !== 'stamp')
    ) {
      signer = f;
      if (f.detail?.mark !== 'stamp') break;
    }
  const dateFact = firstReadableDate(doc, 'physician-signed-date');
  if (!signer || !dateFact) return null;
  return { signer, date: dateFact.value, dateFact, stamped: signer.detail?.mark === 'stamp' };
}

// ---------------------------------------------------------------------------------------------
// Plans and goals

/** Goal texts of a document (long- and short-term). */
export function goalsOf(doc: EpisodeDocument): Fact[] {
  return doc.facts.filter((f) => f.kind === 'goal-long' || f.kind === 'goal-short');
}

/**
 * A plan typeset from a structured FHIR resource (`bundle.json#CarePlan/id`, see EmbeddedDocument):
 * the EMR's data copy of a plan. It has no signature or diagnosis fields of its own (FHIR keeps
 * those in Provenance and Condition), so it is judged as a plan only when the chart holds no
 * narrative plan document.
 */
export function isStructuredPlan(doc: EpisodeDocument): boolean {
  return doc.file.includes('#CarePlan/');
}

/** A goal the document reports on: a status of its own, or a goal assessment on its words. */
function isReportedGoal(doc: EpisodeDocument, goal: Fact): boolean {
  if (goal.detail?.status !== undefined) return true;
  const g = goal.provenance;
  return doc.facts.some(
    (f) =>
      f.kind === 'goal-assessment' &&
      f.provenance.page === g.page &&
      f.provenance.start < g.end &&
      f.provenance.end > g.start,
  );
}

/** Plan documents to judge: the narrative ones, or the structured ones when there is nothing else. */
export function plansToJudge(episode: EpisodeModel): EpisodeDocument[] {
  const plans = planDocuments(episode);
  const narrative = plans.filter((d) => !isStructuredPlan(d));
  return narrative.length ? narrative : plans.slice();
}

/** The episode's plan documents (`isPlanDocument`), in document order: read-only, per review. */
export function planDocuments(episode: EpisodeModel): readonly EpisodeDocument[] {
  return memo(episode, 'doc:plans', () => episode.documents.filter(isPlanDocument));
}

/** How long after a plan its physician's certification may come and still state its content. */
const CERTIFICATION_WINDOW_DAYS = 30;

/**
 * The physician's certification of a plan when it states the diagnoses the plan treats: a
 * hospital's certification return lists the ICD codes, while the assessment that holds the plan
 * names the condition only in its history. A certification of the plan's discipline (or of
 * none), dated from the plan's date to 30 days after, with a diagnosis fact or section.
 */
export function certificationStatingDiagnoses(
  episode: EpisodeModel,
  plan: EpisodeDocument,
): EpisodeDocument | null {
  const date = docDate(plan);
  if (!date) return null;
  return (
    docsOfOneType(episode, 'certification').find((c) => {
      const signed = docDate(c);
      return (
        signed !== null &&
        signed >= date &&
        daysApart(date, signed) <= CERTIFICATION_WINDOW_DAYS &&
        (!c.discipline || !plan.discipline || c.discipline === plan.discipline) &&
        (hasFact(c, 'diagnosis') || hasSection(c, 'diagnosis'))
      );
    }) ?? null
  );
}

/**
 * A document that is (or includes) a plan of care: a plan-of-care document, or an evaluation /
 * re-evaluation / entry FCE carrying goals and frequency/duration (BPM §220.3.C: the evaluation
 * and plan may be one document).
 */
export function isPlanDocument(doc: EpisodeDocument): boolean {
  if (doc.type === 'plan-of-care') return true;
  // A work program's entry FCE may carry the program plan, as an evaluation carries a plan.
  if (doc.type !== 'evaluation' && doc.type !== 're-evaluation' && doc.type !== 'fce') return false;
  // A re-evaluation that only reports goal status continues the plan ("Goal #1 ... Status:
  // Progressing"); it is a new plan when it sets goals.
  const reeval = doc.type === 're-evaluation';
  const goals =
    goalsOf(doc).some((g) => !reeval || !isReportedGoal(doc, g)) ||
    (!reeval && hasSectionNamed(doc, 'goals'));
  const freq =
    (hasFactOfKind(doc, 'frequency') && hasFactOfKind(doc, 'duration')) ||
    hasSectionNamed(doc, 'frequency-duration');
  return goals && freq;
}

/**
 * Goal quality as the goal reader judged it (typed fact detail), else as the goal lexicon reads the
 * goal's text (facts stored before goals carried their detail, hand-built fixtures).
 */
export function isMeasurableGoal(goal: Fact | string): boolean {
  if (typeof goal !== 'string' && goal.detail?.measurable !== undefined)
    return goal.detail.measurable;
  return measurableGoalText(typeof goal === 'string' ? goal : goal.value);
}

/** Time-bound goal: a time frame in the goal, its label or its heading (weeks, visits, a date, "by discharge"). */
export function isTimeBoundGoal(goal: Fact | string): boolean {
  if (typeof goal !== 'string' && goal.detail?.timeFrame !== undefined)
    return !!goal.detail.timeFrame;
  return findTimeFrame(typeof goal === 'string' ? goal : goal.value) !== null;
}

/** Goal tied to return-to-work job demands (Texas §134.230 RTW planning; rules.md DOC-POC-GOALS). */
export function isJobLinkedGoal(goal: Fact | string): boolean {
  if (typeof goal !== 'string' && goal.detail?.jobLinked !== undefined)
    return goal.detail.jobLinked;
  return jobLinkedGoalText(typeof goal === 'string' ? goal : goal.value);
}

/** Goal that names the job or the return to work (a target RTW status, a job to go back to). */
export function isReturnToWorkGoal(goal: Fact): boolean {
  if (goal.detail?.rtw !== undefined) return goal.detail.rtw;
  return returnToWorkGoalText(goal.value);
}

/** Text mentions the program (an order "for work conditioning", a prescription for 97545). */
export function mentionsWorkProgram(doc: EpisodeDocument): boolean {
  if (WORK_PROGRAM_MENTION.test(doc.title)) return true;
  for (const f of doc.facts) {
    if (f.kind === 'program-type' || WORK_PROGRAM_MENTION.test(f.value)) return true;
  }
  return false;
}

const WORK_PROGRAM_MENTION = /work\s*(conditioning|hardening)|97545|97546|occupational rehab/i;

/**
 * Plan duration in days from a `duration` fact ("4 weeks", "8 wks", "6 visits" is not a duration),
 * or null when it cannot be read.
 */
export function planDurationDays(doc: EpisodeDocument): number | null {
  const period = statedPlanPeriod(doc);
  if (period) return daysApart(period.start, period.end) + 1;
  // A staged plan ("2x/week x 2 weeks, then 1x/week x 6 weeks (8 weeks)") lasts its longest term.
  let longest: number | null = null;
  for (const f of doc.facts) {
    if (f.kind !== 'duration') continue;
    const m = PLAN_DURATION.exec(f.value);
    if (!m) continue;
    const n = Number(m[1]);
    const unit = (m[2] ?? '').toLowerCase();
    const days = unit.startsWith('d') ? n : unit.startsWith('w') ? n * 7 : n * 30;
    if (longest === null || days > longest) longest = days;
  }
  return longest;
}

const PLAN_DURATION = /(\d+)\s*(days?|d|wks?|weeks?|w|months?|mos?)\b/i;
const STATED_PERIOD = /^(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/;

/**
 * The certification period a plan states as dates (the plan reader keeps it as "START to END"):
 * the latest-starting one, since a recertification's header may repeat the period it renews.
 */
export function statedPlanPeriod(doc: EpisodeDocument): { start: IsoDate; end: IsoDate } | null {
  let found: { start: IsoDate; end: IsoDate } | null = null;
  for (const f of doc.facts) {
    if (f.kind !== 'duration') continue;
    const m = STATED_PERIOD.exec(f.value);
    if (!m || m[2]! < m[1]!) continue;
    if (!found || m[1]! > found.start) found = { start: m[1]! as IsoDate, end: m[2]! as IsoDate };
  }
  return found;
}

/** Natural-language list: "a", "a and b", "a, b and c". */
export function listText(items: string[]): string {
  let text = items[0] ?? '';
  for (let i = 1; i < items.length; i++) {
    text += `${i === items.length - 1 ? ' and ' : ', '}${items[i]}`;
  }
  return text;
}
