/**
 * Payer kind from evidence (rules.md section 4, "Choosing the profile"), strongest first:
 *   0. the clinic's payer list (the user's choice for the name),
 *   1. the 835 claim filing indicator (CLP06) of the claims billed under the name,
 *   2. the payer class the ledger or FHIR Coverage gives beside the name,
 *   3. the chart: coverage signs in the patient's documents (coverage-sign facts), Texas program
 *      modifiers WC/WH/CA on 97545/97546, KX beside a therapy modifier,
 *   4. the name itself (carriers, administrators, Medicare contractors, health plans).
 * The strongest level that has a signal decides; when its signals disagree, or there is none, the
 * kind is `unknown` and the basis lists the candidates. Decisions are made per payer name within
 * a patient (so one name never lands in two kinds of one patient); what depends only on the name
 * (the list, the lexicon) is worked out once per review.
 */
import type { EpisodeBillingLine, EpisodeDocument } from '../../../shared/episode';
import type { PayerKind } from '../../../shared/model';
import { WORK_PROGRAM_CODES } from '../domain/codes';
import {
  FILING_INDICATORS,
  PAYER_CLASS_WORDS,
  PAYER_NAME_WORDS,
  TEXAS_PROGRAM_MODIFIERS,
  THERAPY_MODIFIERS,
  US_STATES,
  kindFromWords,
  stateNamedIn,
  type KnownPayerKind,
} from '../domain/payer-kinds';
import { payerNameKey, type PayerListEntry } from '../store/payer-list';
import { addDays } from '../../../shared/dates';

/** Signal strengths, strongest first (their index is the level). */
export const SIGNAL_LEVELS = [
  'payer list',
  '835 claim filing indicator',
  'payer class',
  'chart',
  'payer name',
] as const;
const LIST = 0;
const FILING = 1;
const CLASS = 2;
const CHART = 3;
const NAME = 4;

export interface PayerSignal {
  level: number;
  kind: KnownPayerKind;
  /** What was seen ("835 CLP06 = WC, workers' compensation"). */
  what: string;
  /** Where ("remits/era.835"); signals that say the same are cited once, with a count. */
  where?: string;
  /** A WC jurisdiction the signal names. */
  state?: string | null;
  /** Names a state but says nothing of the kind (a state in an unknown payer's name). */
  stateOnly?: boolean;
  /**
   * Its state is a guess from a practice the state's rules name, not a statement (Texas's "WC"
   * program modifier, which other states' clinics print too): any stated state outranks it.
   */
  inferred?: boolean;
}

export interface PayerDecision {
  kind: PayerKind;
  /** Two-letter state of the WC jurisdiction, when the kind is workers' comp and a signal says it. */
  state: string | null;
  /** The evidence, strongest first; for `unknown`, the candidates. */
  basis: string[];
  /** The level (index in SIGNAL_LEVELS) of the signals that decided; absent when `unknown`. */
  level?: number;
}

/** The remit a billed claim id was adjudicated in, for its filing indicator. */
export type RemitOf = (
  claimId: string,
) => { filingIndicator: string | null; file: string } | undefined;

const KIND_LABEL: Record<KnownPayerKind, string> = {
  medicare: 'Medicare',
  'workers-comp': "workers' comp",
  commercial: 'commercial',
  other: 'other',
};

/** Weighs the signals: the strongest level decides, unless its signals disagree. */
export function decidePayer(
  signals: readonly PayerSignal[],
  letterhead?: StateCount,
): PayerDecision {
  const all = [...signals].sort((a, b) => a.level - b.level);
  const sorted = all.filter((s) => !s.stateOnly);
  if (sorted.length === 0) {
    return {
      kind: 'unknown',
      state: null,
      basis: [
        'no payer signal: no payer list entry, 835 filing indicator, payer class, coverage sign in the chart or known payer name',
      ],
    };
  }
  const top = sorted[0]!.level;
  const kinds = new Set(sorted.filter((s) => s.level === top).map((s) => s.kind));
  if (kinds.size > 1) {
    const candidates = [...kinds].map((k) => KIND_LABEL[k]).join(' or ');
    return {
      kind: 'unknown',
      state: null,
      basis: [
        `${SIGNAL_LEVELS[top]} signals disagree: ${candidates}`,
        ...citeOnce(sorted).map((c) => `${KIND_LABEL[c.kind]}: ${c.text}`),
      ],
    };
  }
  const kind = sorted[0]!.kind;
  const basis = citeOnce(sorted).map((c) =>
    c.kind === kind ? c.text : `${c.text} (says ${KIND_LABEL[c.kind]}; weaker)`,
  );
  let state: string | null = null;
  if (kind === 'workers-comp') {
    const decided = jurisdiction(all, letterhead);
    if (decided) {
      state = decided.state;
      basis.push(`jurisdiction ${decided.state}: ${decided.basis}`);
    }
  }
  return { kind, state, basis, level: top };
}

/** One line per thing seen (in order), citing its first place and how many more there are. */
function citeOnce(signals: readonly PayerSignal[]): Array<{ kind: KnownPayerKind; text: string }> {
  const seen = new Map<string, { kind: KnownPayerKind; what: string; where: string[] }>();
  for (const s of signals) {
    const key = `${s.level}|${s.kind}|${s.what}`;
    const entry = seen.get(key);
    if (!entry) seen.set(key, { kind: s.kind, what: s.what, where: s.where ? [s.where] : [] });
    else if (s.where && !entry.where.includes(s.where)) entry.where.push(s.where);
  }
  return [...seen.values()].map(({ kind, what, where }) => ({
    kind,
    text:
      where.length === 0
        ? what
        : `${what} (${where[0]}${where.length > 1 ? ` and ${where.length - 1} more` : ''})`,
  }));
}

function cite(s: PayerSignal): string {
  return s.where ? `${s.what} (${s.where})` : s.what;
}

/** Letterhead states counted over a patient's documents. */
export type StateCount = Map<string, number>;

/**
 * The WC jurisdiction, first found in this order: the clinic's payer list; a one-state carrier's
 * name (a state fund, Texas Mutual); Texas program modifiers and a state's agency, forms or rules
 * in the chart; a state spelled out in the payer's name; else the state most of the patient's
 * letterheads print (the clinic's, usually: a WC claim is billed where the care is given).
 */
function jurisdiction(
  signals: readonly PayerSignal[],
  letterhead: StateCount | undefined,
): { state: string; basis: string } | null {
  const order = [
    (s: PayerSignal) => s.level === LIST,
    (s: PayerSignal) => s.level === NAME && !s.stateOnly,
    (s: PayerSignal) => s.level === CLASS,
    (s: PayerSignal) => s.level === CHART && !s.inferred,
    (s: PayerSignal) => s.stateOnly === true,
  ];
  for (const take of order) {
    const hit = signals.find(
      (s) => s.state && take(s) && (s.kind === 'workers-comp' || s.stateOnly),
    );
    if (hit) return { state: hit.state!, basis: cite(hit) };
  }
  const guess = signals.find((s) => s.state && s.inferred && s.kind === 'workers-comp');
  if (!letterhead || letterhead.size === 0)
    return guess ? { state: guess.state!, basis: cite(guess) } : null;
  let best: [string, number] | null = null;
  for (const entry of letterhead) if (!best || entry[1] > best[1]) best = entry;
  const total = [...letterhead.values()].reduce((a, b) => a + b, 0);
  return {
    state: best![0],
    basis: `letterhead address in ${best![0]} (${best![1]} of ${total} documents)`,
  };
}

/** How a basis line given by the clinic's payer list starts (the entry's name follows, quoted). */
export const PAYER_LIST_BASIS = 'clinic payer list: ';

/** The payer list entry a payer's basis names when the list chose its kind, else null. */
export function payerListEntryOf(basis: readonly string[]): string | null {
  const first = basis[0];
  if (!first?.startsWith(PAYER_LIST_BASIS)) return null;
  const m = /^"(.*)" = /.exec(first.slice(PAYER_LIST_BASIS.length));
  return m ? m[1]! : null;
}

/** The signals a payer name carries by itself: the clinic's list, then the name's words. */
export function nameSignals(
  name: string,
  list: ReadonlyMap<string, PayerListEntry>,
): PayerSignal[] {
  const out: PayerSignal[] = [];
  const entry = list.get(payerNameKey(name));
  if (entry) {
    out.push({
      level: LIST,
      kind: entry.kind,
      state: entry.state,
      what: `${PAYER_LIST_BASIS}"${entry.name}" = ${entry.kind}${entry.state ? `, ${entry.state}` : ''}`,
    });
  }
  const words = kindFromWords(name, PAYER_NAME_WORDS);
  const named = words?.state ?? stateNamedIn(name);
  if (words) {
    out.push({
      level: NAME,
      kind: words.kind,
      state: named,
      what: `payer name "${name}": ${words.says}`,
    });
  } else if (named) {
    // A state in an unknown name says nothing of the kind, but where a WC claim would be.
    out.push({
      level: NAME,
      kind: 'workers-comp',
      state: named,
      stateOnly: true,
      what: `payer name "${name}" names ${named}`,
    });
  }
  return out;
}

/** The kind a payer name alone suggests (the weakest signal), or `unknown`. */
export function kindFromPayerName(name: string | null | undefined): PayerKind {
  if (!name || !name.trim()) return 'unknown';
  return kindFromWords(name, PAYER_NAME_WORDS)?.kind ?? 'unknown';
}

/** Where a line came from, as the basis cites it. */
function lineWhere(line: EpisodeBillingLine): string {
  const at = line.source === 'remit' ? 'segment' : line.source === 'fhir' ? 'item' : 'line';
  return `${line.file} ${at} ${line.line}`;
}

/** The state a payer class names: spelled out, or its postal code closing it ("WORK COMP - WI"). */
function stateOfClass(text: string): string | null {
  const code = /(?:^|[\s\-–(/])([A-Z]{2})\)?\s*$/.exec(text)?.[1];
  return stateNamedIn(text) ?? (code && US_STATES[code] ? code : null);
}

/** Signals a billed line carries: its claim's CLP06, its payer class, program and KX modifiers. */
export function lineSignals(line: EpisodeBillingLine, remitOf: RemitOf, out: PayerSignal[]): void {
  const remit = line.claimId ? remitOf(line.claimId) : undefined;
  const code = remit?.filingIndicator;
  if (code) {
    const known = FILING_INDICATORS[code];
    if (known) {
      out.push({
        level: FILING,
        kind: known.kind,
        what: `835 CLP06 = ${code}, ${known.meaning}`,
        where: remit.file,
      });
    }
  }
  if (line.payerClass) {
    const words = kindFromWords(line.payerClass, PAYER_CLASS_WORDS);
    if (words) {
      const what = line.source === 'fhir' ? 'FHIR Coverage.type' : 'ledger payer class';
      // "WORK COMP - WI": a class may name the claim's state.
      const state = words.kind === 'workers-comp' ? stateOfClass(line.payerClass) : null;
      out.push({
        level: CLASS,
        kind: words.kind,
        what: `${what} "${line.payerClass}"`,
        where: line.file,
        ...(state ? { state } : {}),
      });
    }
  }
  if (line.modifiers.length === 0) return;
  if (WORK_PROGRAM_CODES.has(line.code)) {
    const mod = line.modifiers.find((m) => TEXAS_PROGRAM_MODIFIERS.has(m));
    if (mod) {
      out.push({
        level: CHART,
        kind: 'workers-comp',
        state: 'TX',
        inferred: true,
        what: `Texas program modifier ${mod} on 97545/97546`,
        where: lineWhere(line),
      });
    }
  }
  if (line.modifiers.includes('KX')) {
    const therapy = line.modifiers.find((m) => THERAPY_MODIFIERS.has(m));
    if (therapy) {
      out.push({
        level: CHART,
        kind: 'medicare',
        what: `KX beside therapy modifier ${therapy}`,
        where: lineWhere(line),
      });
    }
  }
}

/** Coverage signs of a document (coverage-sign facts), and its letterhead state into `states`. */
export function documentSignals(
  doc: EpisodeDocument,
  out: PayerSignal[],
  states: StateCount,
): void {
  for (const f of doc.facts) {
    if (f.kind === 'coverage-sign') {
      if (f.value !== 'workers-comp' && f.value !== 'medicare') continue;
      out.push({
        level: CHART,
        kind: f.value,
        state: f.detail?.state ?? null,
        what: f.detail?.sign ?? f.value,
        where: `${doc.file} p.${f.provenance.page}`,
      });
    } else if (f.kind === 'letterhead-state') {
      states.set(f.value, (states.get(f.value) ?? 0) + 1);
    }
  }
}

/** A patient's items as the episode builder holds them. */
export type PayerItem =
  | { kind: 'doc'; date: string | null; payer: string | null; doc: EpisodeDocument }
  | { kind: 'line'; date: string; payer: string | null; line: EpisodeBillingLine };

/** Evidence gathered for one payer name (or for the items that name none). */
interface NameEvidence {
  signals: PayerSignal[];
  first: string | null;
  last: string | null;
}

/**
 * Decides the kind of every payer name of one patient, and of the items that name none (key
 * null). Chart signs belong to the patient: a document's signs count for the names billed within
 * 60 days of it (all of them when it is undated or none is), and always for the unnamed items.
 */
export function decidePatientPayers(
  items: readonly PayerItem[],
  signalsOfName: (name: string) => readonly PayerSignal[],
  remitOf: RemitOf,
): Map<string | null, PayerDecision> {
  const byName = new Map<string | null, NameEvidence>();
  const evidence = (name: string | null): NameEvidence => {
    let e = byName.get(name);
    if (!e) byName.set(name, (e = { signals: [], first: null, last: null }));
    return e;
  };
  evidence(null);
  const docs: EpisodeDocument[] = [];
  for (const it of items) {
    if (it.kind === 'doc') docs.push(it.doc);
    const e = evidence(it.payer);
    if (it.date) {
      if (e.first === null || it.date < e.first) e.first = it.date;
      if (e.last === null || it.date > e.last) e.last = it.date;
    }
    if (it.kind === 'line') lineSignals(it.line, remitOf, e.signals);
  }
  const letterhead: StateCount = new Map();
  const named = [...byName.entries()].filter(([name]) => name !== null);
  for (const doc of docs) {
    const signs: PayerSignal[] = [];
    documentSignals(doc, signs, letterhead);
    if (signs.length === 0) continue;
    let targets = named.filter(
      ([, e]) =>
        doc.date !== null &&
        e.first !== null &&
        doc.date >= addDays(e.first, -60) &&
        doc.date <= addDays(e.last!, 60),
    );
    if (targets.length === 0) targets = named;
    for (const [, e] of targets) e.signals.push(...signs);
    evidence(null).signals.push(...signs);
  }
  const out = new Map<string | null, PayerDecision>();
  for (const [name, e] of byName) {
    const signals = name === null ? e.signals : [...signalsOfName(name), ...e.signals];
    out.set(name, decidePayer(signals, letterhead));
  }
  followBilledName(out);
  return out;
}

/**
 * A payer name that only the chart or the name itself decides ("Primary Ins: Cigna" in a note)
 * follows the patient's billed name of the same insurer that the claims decide ("CIGNA OAP", 835
 * CLP06 = CI): the note names the plan the claims were filed with, and the patient's work status
 * says nothing about who pays. Same insurer: one name's words open the other's ("Cigna" and
 * "Cigna OAP"; never "State Farm" and "State Compensation Insurance Fund").
 */
function followBilledName(decisions: Map<string | null, PayerDecision>): void {
  const billed = [...decisions].filter(
    (e): e is [string, PayerDecision] =>
      e[0] !== null && e[1].level !== undefined && e[1].level <= CLASS,
  );
  if (billed.length === 0) return;
  for (const [name, d] of decisions) {
    if (name === null || (d.level !== undefined && d.level <= CLASS)) continue;
    const key = payerNameKey(name);
    const same = billed.filter(([other]) => sameInsurer(key, payerNameKey(other)));
    const kinds = new Set(same.map(([, o]) => `${o.kind}|${o.state ?? ''}`));
    if (kinds.size !== 1) continue;
    const [other, o] = same[0]!;
    decisions.set(name, {
      kind: o.kind,
      state: o.state,
      level: o.level,
      basis: [
        `the same insurer as "${other}" on this patient's claims: ${o.basis[0] ?? ''}`,
        ...d.basis
          .filter((b) => !b.startsWith('jurisdiction '))
          .map((b) =>
            /; weaker\)$/.test(b)
              ? b.replace(` (says ${KIND_LABEL[o.kind as KnownPayerKind]}; weaker)`, ' (weaker)')
              : d.kind !== 'unknown' && d.kind !== o.kind
                ? `${b} (says ${KIND_LABEL[d.kind]}; weaker)`
                : `${b} (weaker)`,
          ),
      ],
    });
  }
}

/**
 * One name's words open the other's. Two spellings of one key are one payer already: the payer
 * list merges them and shows the stronger decision, so neither follows the other here.
 */
function sameInsurer(a: string, b: string): boolean {
  if (a === '' || b === '' || a === b) return false;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(`${short} `);
}
