/**
 * Argument paragraphs for the appeal letter, written only from facts the record holds. Each
 * paragraph cites the documents its facts came from; anything the record lacks (or a failed
 * pre-check rule says is unreliable) becomes a gap for the user instead of a claim to the payer.
 */
import type { EpisodeBillingLine, EpisodeDocument, EpisodeModel } from '../../../shared/episode';
import type { DocType, Fact, FactKind, Finding, IsoDate } from '../../../shared/model';
import {
  DEFAULT_RULE_EFFECT,
  RULE_EFFECTS,
  type ArgumentKey,
  type DenialTemplate,
} from './denial-templates';
import { cellsOf } from '../extract/layout';
import { isWorkProgram } from '../review/lib/documents';
import { CATEGORY_LABELS } from './exhibits';
import { findingClause, gapDate, listWords, plural, usDate } from './format';
import { unitsSupportedByMinutes, WORK_PROGRAM_CODES } from './units';

/** Points at documents; page numbers are resolved once the packet is laid out. */
export interface Citation {
  documentIds: number[];
  /** Original-file pages the cited facts are on; empty = the whole document. */
  sourcePages: number[];
}

export type Segment = { text: string } | { cite: Citation };

export interface ArgumentParagraph {
  key: ArgumentKey;
  body: Segment[];
  /** Optional bulleted list under the body. */
  items: Segment[][];
}

export interface ArgumentContext {
  episode: EpisodeModel;
  template: DenialTemplate;
  findings: Finding[];
  /** Documents that are exhibits in this packet. */
  exhibitDocs: EpisodeDocument[];
  datesAtIssue: IsoDate[];
  linesAtIssue: EpisodeBillingLine[];
  /** Every billed line of the claim (or episode) in scope, for same-date pairing. */
  scopeLines: EpisodeBillingLine[];
  /** Findings the plan already quotes (lines not argued): not repeated as gaps. */
  quoted?: ReadonlySet<Finding>;
}

const text = (t: string): Segment => ({ text: t });

function factsOf(doc: EpisodeDocument, kind: FactKind): Fact[] {
  return doc.facts.filter((f) => f.kind === kind);
}

function firstValue(doc: EpisodeDocument, ...kinds: FactKind[]): string | null {
  for (const kind of kinds) {
    const f = factsOf(doc, kind)[0];
    if (f && f.value.trim()) return f.value.trim();
  }
  return null;
}

function cite(doc: EpisodeDocument, facts: Fact[] = []): Segment {
  const pages = facts
    .filter(
      (f) =>
        f.provenance.file === doc.file &&
        f.provenance.page >= doc.pageStart &&
        f.provenance.page <= doc.pageEnd,
    )
    .map((f) => f.provenance.page);
  return {
    cite: { documentIds: [doc.id], sourcePages: [...new Set(pages)].sort((a, b) => a - b) },
  };
}

/**
 * Facts quoted, each once (facts of several kinds may quote the same line of the record); a table
 * row's cells with their columns' names (see quoteRow).
 */
function quoteFacts(facts: Fact[], max: number): string {
  return listWords([...new Set(facts.map(quoteRow))].slice(0, max));
}

/**
 * A measurement read from a table row, quoted cell by cell under the names its table gives the
 * columns: "Floor-to-waist lift" (Baseline "25 lb"; Job demand "50 lb"), not "Floor-to-waist lift
 * 25 lb 50 lb", whose figures a reviewer cannot tell apart. Anything else is quoted whole.
 */
function quoteRow(f: Fact): string {
  const whole = `"${f.value.replace(/\s+/g, ' ').trim()}"`;
  const columns = f.detail?.columns;
  const cells = cellsOf(f.value);
  if (!columns || cells.length !== columns.length || cells.length < 2) return whole;
  const [label, ...rest] = cells;
  const named = rest.map((c, i) => `${columns[i + 1]} "${c.text}"`);
  return `"${label!.text}" (${named.join('; ')})`;
}

/** Suppressions from failed pre-check rules: whole arguments, or only some dates. */
interface Suppression {
  all: Set<ArgumentKey>;
  dates: Map<ArgumentKey, IsoDate[]>;
}

/** Failed findings relevant to this denial: its pre-check rules, and rules that undercut an argument it makes. */
function failingPreChecks(ctx: ArgumentContext): Finding[] {
  const checks = new Set(ctx.template.preCheck);
  const undercuts = (rule: string) =>
    (RULE_EFFECTS[rule]?.suppresses ?? []).some((key) => ctx.template.arguments.includes(key));
  const atIssue = new Set(ctx.datesAtIssue);
  const concernsThisClaim = (f: Finding) =>
    !RULE_EFFECTS[f.rule]?.dateOnly ||
    atIssue.size === 0 ||
    f.dates.length === 0 ||
    f.dates.some((d) => atIssue.has(d));
  return ctx.findings.filter(
    (f) => f.status === 'fail' && (checks.has(f.rule) || undercuts(f.rule)) && concernsThisClaim(f),
  );
}

function suppressionsFrom(failing: Finding[]): Suppression {
  const s: Suppression = { all: new Set(), dates: new Map() };
  for (const f of failing) {
    const effect = RULE_EFFECTS[f.rule] ?? DEFAULT_RULE_EFFECT;
    for (const key of effect.suppresses) {
      if (effect.byDate && f.dates.length > 0)
        s.dates.set(key, [...(s.dates.get(key) ?? []), ...f.dates]);
      else s.all.add(key);
    }
  }
  return s;
}

/** True when `date` is inside the span of dates a failing finding named (its period, not just its listed days). */
function inSpan(date: IsoDate | null, dates: IsoDate[] | undefined): boolean {
  if (!date || !dates || dates.length === 0) return false;
  const sorted = [...dates].sort();
  return date >= (sorted[0] as IsoDate) && date <= (sorted[sorted.length - 1] as IsoDate);
}

function gapForFinding(f: Finding): string {
  const effect = RULE_EFFECTS[f.rule] ?? DEFAULT_RULE_EFFECT;
  const message = findingClause(f);
  return `${message} (${f.rule} failed); the letter does not claim ${effect.claim}.`;
}

type Builder = (ctx: ArgumentContext, s: Suppression, gaps: string[]) => ArgumentParagraph | null;

const docsOfType = (ctx: ArgumentContext, ...types: DocType[]): EpisodeDocument[] =>
  ctx.exhibitDocs.filter((d) => types.includes(d.type));

const physicianOrder: Builder = (ctx, _s, gaps) => {
  for (const doc of docsOfType(ctx, 'physician-order')) {
    const signer = firstValue(doc, 'physician-signer', 'signer');
    const signed = firstValue(doc, 'physician-signed-date', 'signed-date');
    if (signer && signed) {
      const facts = doc.facts.filter((f) =>
        ['physician-signer', 'signer', 'physician-signed-date', 'signed-date'].includes(f.kind),
      );
      return {
        key: 'physician-order',
        body: [
          text(
            `The treating physician ordered ${careWords(ctx.episode)}: the order is signed by ${signer} and dated ${usDate(signed)} (`,
          ),
          cite(doc, facts),
          text(').'),
        ],
        items: [],
      };
    }
  }
  const unsigned = docsOfType(ctx, 'physician-order')[0];
  if (unsigned) {
    gaps.push(
      `The physician order dated ${gapDate(unsigned.date)} shows no signature and signature date; the letter does not rely on it.`,
    );
  }
  return null;
};

const authorization: Builder = (ctx, s, gaps) => {
  const blocked = s.dates.get('authorization') ?? [];
  // An authorization whose dates cover a date at issue that a failing finding blocks (exceeded
  // visits or hours) does state covering dates: the finding's own gap says why it is not argued.
  let statesCoveringDates = false;
  for (const doc of docsOfType(ctx, 'authorization')) {
    const start = firstValue(doc, 'auth-start');
    const end = firstValue(doc, 'auth-end');
    if (!start || !end) continue;
    if (ctx.datesAtIssue.some((d) => d >= start && d <= end)) statesCoveringDates = true;
    const covered = ctx.datesAtIssue.filter((d) => d >= start && d <= end && !blocked.includes(d));
    const outside = ctx.datesAtIssue.filter((d) => (d < start || d > end) && !blocked.includes(d));
    if (outside.length > 0) {
      gaps.push(
        `Dates of service ${listWords(outside.map(gapDate))} fall outside the authorization on file (${gapDate(start)} to ${gapDate(end)}); the letter does not claim authorization for them.`,
      );
    }
    if (covered.length === 0) continue;
    const number = firstValue(doc, 'auth-number');
    const visits = firstValue(doc, 'auth-visits');
    const hours = firstValue(doc, 'auth-hours');
    const service = firstValue(doc, 'auth-service');
    const amounts = [
      visits ? plural(Number(visits), 'visit') : null,
      hours ? plural(Number(hours), 'hour') : null,
    ].filter((x): x is string => x !== null);
    const facts = doc.facts.filter((f) => f.kind.startsWith('auth-'));
    const what = `${amounts.length ? listWords(amounts) + ' of ' : ''}${service ?? 'the program'}`;
    const all = covered.length === ctx.datesAtIssue.length;
    return {
      key: 'authorization',
      body: [
        text(
          `Authorization${number ? ` ${number}` : ''} approved ${what} from ${usDate(start)} to ${usDate(end)} (`,
        ),
        cite(doc, facts),
        text(
          `). ${all ? 'Every date of service at issue' : `The dates of service ${listWords(covered.map(usDate))}`} ${all && covered.length > 1 ? 'falls' : covered.length > 1 ? 'fall' : 'falls'} within that period.`,
        ),
      ],
      items: [],
    };
  }
  if (
    docsOfType(ctx, 'authorization').length > 0 &&
    ctx.datesAtIssue.length > 0 &&
    !statesCoveringDates
  ) {
    gaps.push(
      'The authorization on file does not state approved dates that cover the dates at issue; the letter does not claim authorization.',
    );
  }
  return null;
};

/**
 * The level's own word from a physical-demand-level fact: the reader keeps the field's label
 * ("Physical demand level: Medium") or the abbreviation ("Medium PDL"); the letter writes
 * "the Medium physical demand level".
 */
export function demandLevelName(value: string | null): string | null {
  if (!value) return null;
  const name = value
    .replace(/^\s*(?:physical\s+demand\s+level|PDL)\s*[:\-–]?\s*/i, '')
    .replace(/\s*(?:physical\s+demand\s+level|PDL)\s*$/i, '')
    .trim();
  return name || null;
}

const jobDemands: Builder = (ctx) => {
  const body: Segment[] = [];
  const jd = docsOfType(ctx, 'job-description').find((d) =>
    firstValue(d, 'job-title', 'physical-demand-level'),
  );
  if (jd) {
    const title = firstValue(jd, 'job-title');
    const pdl = demandLevelName(firstValue(jd, 'physical-demand-level'));
    const facts = jd.facts.filter(
      (f) => f.kind === 'job-title' || f.kind === 'physical-demand-level',
    );
    body.push(
      text(
        `The patient's job${title ? ` as ${title}` : ''}${pdl ? ` is rated at the ${pdl} physical demand level` : ' is described in the job description'} (`,
      ),
      cite(jd, facts),
      text(').'),
    );
  }
  const fce = docsOfType(ctx, 'fce').find((d) => factsOf(d, 'objective-measure').length > 0);
  if (fce) {
    const measures = factsOf(fce, 'objective-measure');
    body.push(
      text(
        `${body.length ? ' ' : ''}The functional capacity evaluation of ${usDate(fce.date)} measured the patient's baseline: ${quoteFacts(measures, 3)} (`,
      ),
      cite(fce, measures.slice(0, 3)),
      text(').'),
    );
  }
  return body.length ? { key: 'job-demands', body, items: [] } : null;
};

/** True when `inner`'s span lies within `outer`'s on the same page of the same file. */
function within(inner: Fact, outer: Fact): boolean {
  const a = inner.provenance;
  const b = outer.provenance;
  return a.file === b.file && a.page === b.page && a.start >= b.start && a.end <= b.end;
}

/**
 * The plan's own frequency and duration: never a goal's time frame ("STG 1: Within 1 week,
 * tolerate 3-hour sessions 5x/week"). A duration written right after the frequency
 * ("Frequency/Duration: 5x/week for 2 weeks") is taken with it.
 */
function planFrequencyDuration(
  doc: EpisodeDocument,
  goals: Fact[],
): { frequency: Fact | null; duration: Fact | null } {
  const notInGoal = (f: Fact) => !goals.some((g) => within(f, g));
  const frequencies = factsOf(doc, 'frequency').filter(notInGoal);
  const durations = factsOf(doc, 'duration').filter(notInGoal);
  for (const frequency of frequencies) {
    const p = frequency.provenance;
    const paired = durations.find(
      (d) =>
        d.provenance.file === p.file &&
        d.provenance.page === p.page &&
        d.provenance.start >= p.end &&
        d.provenance.start - p.end <= 8,
    );
    if (paired) return { frequency, duration: paired };
  }
  return { frequency: frequencies[0] ?? null, duration: durations[0] ?? null };
}

/** A quote that stops on a label or a joining word was cut where its line broke. */
function looksCutShort(value: string): boolean {
  return /\b(?:baseline|goal|to|by|of|and|or|with|at|for|from|in|the|a|an)\s*[:,]?$/i.test(
    value.trim(),
  );
}

const evaluationGoals: Builder = (ctx) => {
  for (const doc of docsOfType(ctx, 'evaluation', 'plan-of-care', 're-evaluation')) {
    const goals = [...factsOf(doc, 'goal-long'), ...factsOf(doc, 'goal-short')];
    if (goals.length === 0) continue;
    const { frequency, duration } = planFrequencyDuration(doc, goals);
    // A goal the reader cut short ("... Baseline") is not quoted: a quote is the record's words.
    const whole = goals.filter((g) => !looksCutShort(g.value));
    const shown = (whole.length > 0 ? whole : goals).slice(0, 4);
    const plan =
      frequency || duration
        ? ` The plan sets ${careWords(ctx.episode)} at ${[frequency?.value, duration?.value].filter(Boolean).join(' for ')}.`
        : '';
    const planFacts = [frequency, duration].filter((f): f is Fact => !!f);
    return {
      key: 'evaluation-goals',
      body: [
        text(
          `The ${CATEGORY_LABELS[doc.type].toLowerCase()} of ${usDate(doc.date)} sets measurable goals: ${quoteFacts(shown, 4)} (`,
        ),
        cite(doc, [...shown, ...planFacts]),
        text(`).${plan}`),
      ],
      items: [],
    };
  }
  return null;
};

const measuredProgress: Builder = (ctx, s) => {
  const blocked = s.dates.get('measured-progress');
  const items: Segment[][] = [];
  for (const doc of docsOfType(ctx, 'progress-report', 're-evaluation')) {
    const periodStart = firstValue(doc, 'report-period-start');
    const periodEnd = firstValue(doc, 'report-period-end');
    // A failed DOC-PROGRESS-10 period is never backed by a report, even one dated nearby.
    if (inSpan(doc.date, blocked) || inSpan(periodStart, blocked) || inSpan(periodEnd, blocked))
      continue;
    const assessments = factsOf(doc, 'goal-assessment');
    const measures = factsOf(doc, 'objective-measure');
    if (assessments.length + measures.length === 0) continue;
    const period =
      periodStart && periodEnd ? ` (period ${usDate(periodStart)} to ${usDate(periodEnd)})` : '';
    const found = [...assessments.slice(0, 2), ...measures.slice(0, 2)];
    items.push([
      text(
        `${CATEGORY_LABELS[doc.type]} of ${usDate(doc.date)}${period}: ${quoteFacts(found, 4)} (`,
      ),
      cite(doc, found),
      text(').'),
    ]);
  }
  if (items.length === 0) return null;
  return {
    key: 'measured-progress',
    body: [text(`The clinician measured the patient's progress during ${careWords(ctx.episode)}:`)],
    items,
  };
};

/**
 * The packet's documents of a date's service: its treatment notes, else (an evaluation, FCE or
 * report day) the evaluation or report written that day, which documents that day's service
 * (rules.md DOC-DAILY-PRESENT: an evaluation-only day needs the evaluation, not a separate note).
 */
function notesOn(ctx: ArgumentContext, date: IsoDate): EpisodeDocument[] {
  const notes = docsOfType(ctx, 'daily-note').filter((d) => d.date === date);
  if (notes.length > 0) return notes;
  return docsOfType(
    ctx,
    'evaluation',
    're-evaluation',
    'fce',
    'progress-report',
    'discharge-summary',
  ).filter((d) => d.date === date);
}

const dailyNotes: Builder = (ctx, _s, gaps) => {
  const items: Segment[][] = [];
  const missing: IsoDate[] = [];
  for (const date of ctx.datesAtIssue) {
    const notes = notesOn(ctx, date);
    if (notes.length === 0) {
      missing.push(date);
      continue;
    }
    // Not a treatment note: the evaluation or report of that day, named by its exhibit category.
    const type = notes[0]!.type;
    const other =
      type === 'daily-note' ? '' : ` (the ${CATEGORY_LABELS[type].toLowerCase()} written that day)`;
    items.push([
      text(`${usDate(date)}${other}: `),
      { cite: { documentIds: notes.map((n) => n.id), sourcePages: [] } },
    ]);
  }
  if (missing.length > 0) {
    gaps.push(
      `No treatment note in the packet for ${listWords(missing.map(gapDate))}; the letter does not claim one.`,
    );
  }
  if (items.length === 0) return null;
  return {
    key: 'daily-notes',
    body: [
      text(
        items.length === ctx.datesAtIssue.length
          ? 'The note documenting each date of service at issue is enclosed:'
          : 'The note documenting these dates of service at issue is enclosed:',
      ),
    ],
    items,
  };
};

function unitsBilled(lines: EpisodeBillingLine[], date: IsoDate, code: string): number {
  return lines.filter((l) => l.dos === date && l.code === code).reduce((n, l) => n + l.units, 0);
}

const timeUnits: Builder = (ctx, s, gaps) => {
  if (s.all.has('time-units')) return null;
  const blocked = s.dates.get('time-units') ?? [];
  const programDates = [
    ...new Set(ctx.linesAtIssue.filter((l) => WORK_PROGRAM_CODES.has(l.code)).map((l) => l.dos)),
  ].sort();
  const items: Segment[][] = [];
  for (const date of programDates) {
    if (blocked.includes(date)) continue;
    const notes = notesOn(ctx, date);
    if (notes.length === 0) continue; // reported by the treatment-note gap
    const minuteFacts = notes.flatMap((n) => factsOf(n, 'total-minutes').map((f) => ({ n, f })));
    const billed = {
      u97545: unitsBilled(ctx.scopeLines, date, '97545'),
      u97546: unitsBilled(ctx.scopeLines, date, '97546'),
    };
    const billedText = `97545 x${billed.u97545} + 97546 x${billed.u97546}`;
    if (minuteFacts.length === 0) {
      gaps.push(
        `${gapDate(date)}: the treatment note documents no total minutes; the letter does not claim time for that date.`,
      );
      continue;
    }
    // rules.md conventions: the day's minutes are the sum across that day's notes.
    const minutes = minuteFacts.reduce((n, { f }) => n + (Number.parseInt(f.value, 10) || 0), 0);
    const ok = unitsSupportedByMinutes(minutes);
    const supportText = `97545 x${ok.u97545} + 97546 x${ok.u97546}`;
    if (billed.u97545 > ok.u97545 || billed.u97546 > ok.u97546) {
      gaps.push(
        `${gapDate(date)}: ${minutes} min documented supports ${supportText}, but ${billedText} was billed; the letter does not claim the billed units.`,
      );
      continue;
    }
    const first = minuteFacts[0] as { n: EpisodeDocument; f: Fact };
    items.push([
      text(
        `${usDate(date)}: ${minutes} minutes documented, supporting ${supportText}; billed ${billedText} (`,
      ),
      cite(
        first.n,
        minuteFacts.filter((m) => m.n === first.n).map((m) => m.f),
      ),
      text(').'),
    ]);
  }
  if (items.length === 0) return null;
  return {
    key: 'time-units',
    body: [
      text(
        'Work conditioning units follow the CPT time convention (midpoint rule), not the 15-minute "8-minute rule": 97545, the initial two hours, is reportable once more than 60 minutes are documented, and each 97546, an additional hour, once more than 30 minutes of that hour have passed (151 minutes for the first additional hour, 211 for the second). The documented minutes support the units billed:',
      ),
    ],
    items,
  };
};

const addOnPairing: Builder = (ctx, s, gaps) => {
  const blocked = s.dates.get('add-on-pairing') ?? [];
  const dates = [
    ...new Set(ctx.linesAtIssue.filter((l) => l.code === '97546').map((l) => l.dos)),
  ].sort();
  const paired: IsoDate[] = [];
  for (const date of dates) {
    if (blocked.includes(date)) continue;
    if (unitsBilled(ctx.scopeLines, date, '97545') > 0) paired.push(date);
    else
      gaps.push(
        `97546 on ${gapDate(date)} has no 97545 on the same date; a corrected claim adding 97545 is the usual remedy, and the letter does not claim the pairing.`,
      );
  }
  const components = ctx.linesAtIssue.filter(
    (l) => !WORK_PROGRAM_CODES.has(l.code) && unitsBilled(ctx.scopeLines, l.dos, '97545') > 0,
  );
  for (const line of components) {
    gaps.push(
      `${line.code} was billed with 97545 on ${gapDate(line.dos)}; the letter does not argue a distinct service, which needs separate session times in the note and the right modifier.`,
    );
  }
  if (paired.length === 0) return null;
  const notes = paired.flatMap((d) => notesOn(ctx, d));
  const body: Segment[] = [
    text(
      `The add-on code 97546 (each additional hour) was billed with its primary code 97545 on the same date of service: ${listWords(paired.map(usDate))}.`,
    ),
  ];
  if (notes.length > 0) {
    body.push(
      text(' The treatment notes for those dates document the session ('),
      { cite: { documentIds: notes.map((n) => n.id), sourcePages: [] } },
      text(').'),
    );
  }
  return { key: 'add-on-pairing', body, items: [] };
};

const dischargeOutcome: Builder = (ctx) => {
  for (const doc of docsOfType(ctx, 'discharge-summary')) {
    const rtw = factsOf(doc, 'rtw-status');
    const found = [
      ...factsOf(doc, 'goal-assessment').slice(0, 2),
      ...factsOf(doc, 'objective-measure').slice(0, 2),
    ];
    if (rtw.length + found.length === 0) continue;
    const parts: string[] = [];
    if (rtw[0]) parts.push(`the return-to-work status was "${rtw[0].value}"`);
    if (found.length) parts.push(`the summary records ${quoteFacts(found, 4)}`);
    return {
      key: 'discharge-outcome',
      body: [
        text(`At discharge on ${usDate(doc.date)}, ${parts.join('; ')} (`),
        cite(doc, [...rtw.slice(0, 1), ...found]),
        text(').'),
      ],
      items: [],
    };
  }
  return null;
};

const visitCount: Builder = (ctx) => {
  const notes = docsOfType(ctx, 'daily-note').filter((d) => d.date !== null);
  const dates = [...new Set(notes.map((n) => n.date as IsoDate))].sort();
  if (dates.length === 0) return null;
  return {
    key: 'visit-count',
    body: [
      text(
        `The enclosed record documents ${plural(dates.length, 'treatment day')} from ${usDate(dates[0])} to ${usDate(dates[dates.length - 1])}; please verify the count against the benefit maximum applied.`,
      ),
    ],
    items: [],
  };
};

const BUILDERS: Record<ArgumentKey, Builder> = {
  'physician-order': physicianOrder,
  authorization,
  'job-demands': jobDemands,
  'evaluation-goals': evaluationGoals,
  'measured-progress': measuredProgress,
  'daily-notes': dailyNotes,
  'time-units': timeUnits,
  'add-on-pairing': addOnPairing,
  'discharge-outcome': dischargeOutcome,
  'visit-count': visitCount,
};

/** What the letter calls the care: a work program is "the program", other therapy "the therapy". */
function careWords(episode: EpisodeModel): string {
  return isWorkProgram(episode) ? 'the program' : 'the therapy';
}

/** Documents only a work program needs: its baseline testing against the job and the job itself. */
const WORK_PROGRAM_DOCUMENTS: ReadonlySet<DocType> = new Set(['fce', 'job-description']);

/** Gaps for needed document types that are missing from the record or removed from the packet. */
function documentGaps(ctx: ArgumentContext): string[] {
  const gaps: string[] = [];
  const inPacket = new Set(ctx.exhibitDocs.map((d) => d.id));
  const workProgram = isWorkProgram(ctx.episode);
  for (const type of ctx.template.needs) {
    if (!workProgram && WORK_PROGRAM_DOCUMENTS.has(type)) continue;
    const label = CATEGORY_LABELS[type].toLowerCase();
    const all = ctx.episode.documents.filter((d) => d.type === type);
    if (all.length === 0) gaps.push(`No ${label} in the record; the letter does not cite one.`);
    else if (!all.some((d) => inPacket.has(d.id)))
      gaps.push(`The ${label} was removed from the packet; the letter does not cite it.`);
  }
  return gaps;
}

export function composeArguments(ctx: ArgumentContext): {
  paragraphs: ArgumentParagraph[];
  gaps: string[];
} {
  const failing = failingPreChecks(ctx);
  const suppression = suppressionsFrom(failing);
  const gaps: string[] = [
    ...documentGaps(ctx),
    ...failing.filter((f) => !ctx.quoted?.has(f)).map(gapForFinding),
  ];
  const paragraphs: ArgumentParagraph[] = [];
  for (const key of ctx.template.arguments) {
    if (suppression.all.has(key)) continue;
    const p = BUILDERS[key](ctx, suppression, gaps);
    if (p) paragraphs.push(p);
  }
  return { paragraphs, gaps: [...new Set(gaps)] };
}
