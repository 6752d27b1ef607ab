/**
 * Patient matching across files. The contract: MRN when present, else normalized name plus date of
 * birth. In practice one source often has name+MRN (ledger) and another name+DOB (a note), so
 * clusters that share a normalized name and do not conflict (different MRN or different DOB) are
 * also merged; a name shared by two conflicting clusters is left unmatched rather than guessed.
 */
import { surnameStart } from '../lexicon/identity';
import { memoByString } from '../memo';

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'md', 'phd']);

export interface NameParts {
  last: string;
  first: string;
}

/** "ALVAREZ, MARIA J" / "Maria J. Alvarez" / "alvarez,maria" -> { last: 'alvarez', first: 'maria' }. */
export function parseName(raw: string | null | undefined): Readonly<NameParts> | null {
  return raw ? namePartsOf(raw) : null;
}

/** A review reads the same few clinician and patient names hundreds of thousands of times. */
const namePartsOf = memoByString((raw) => readNameParts(raw), 100_000);

function readNameParts(raw: string): Readonly<NameParts> | null {
  const clean = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
  if (!clean) return null;
  const tokens = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z' -]/g, ' ')
      .split(/\s+/)
      .map((t) => t.replace(/^'+|'+$/g, ''))
      .filter((t) => t && !SUFFIXES.has(t));
  if (clean.includes(',')) {
    const [lastPart = '', firstPart = ''] = clean.split(',', 2);
    const last = tokens(lastPart);
    const first = tokens(firstPart);
    if (last.length === 0 || first.length === 0) return null;
    return { last: last.join(' '), first: first[0]! };
  }
  const t = tokens(clean);
  if (t.length < 2) return null;
  return { last: t.slice(surnameStart(t)).join(' '), first: t[0]! };
}

/** Normalized `last|first`; remembered because a chart repeats the same few names thousands of times. */
export function nameKey(raw: string | null | undefined): string | null {
  return raw ? keyOfName(raw) : null;
}

const keyOfName = memoByString((raw) => {
  const p = parseName(raw);
  return p ? `${p.last}|${p.first}` : null;
}, 100_000);

/** `Last, First` in title case, for display. */
export function displayName(raw: string): string {
  const p = parseName(raw);
  if (!p) return raw.trim();
  return `${titleWords(p.last)}, ${titleWords(p.first)}`;
}

/** "o'brien-smith" -> "O'Brien-Smith": each word's first letter raised, the rest kept. */
export function titleWords(s: string): string {
  return s.replace(/(^|[\s'-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

export interface IdentityInput {
  name: string | null;
  dob: string | null;
  mrn: string | null;
  /** How many records carry this identity (default 1): names are counted for display. */
  weight?: number;
  /**
   * Its MRN appears on one file only and in no billing: likely another facility's number (an
   * outside order, a scanned letter), which identifies the patient there, not here.
   */
  singleSourceMrn?: boolean;
  /**
   * Its MRN appears on billing lines only, never on a document: a billing system's account
   * number ("Acct #") beside the chart's MRN that the notes carry.
   */
  billingOnlyMrn?: boolean;
  /** Its MRN appears on documents and on billing lines: the clinic's own chart number. */
  billedChartMrn?: boolean;
  /** Its MRN appears on documents and on no billing line, while billing lines carry MRNs. */
  unbilledChartMrn?: boolean;
}

interface Cluster {
  names: Map<string, number>;
  dobs: Set<string>;
  mrns: Set<string>;
  /** MRNs a document carries (or billing and documents both): the chart's own numbers. */
  chartMrns: Set<string>;
  keys: Set<string>;
}

/** An MRN as matching compares it: leading zeros, case and surrounding space ignored. */
export function normMrn(m: string | null): string | null {
  return m ? m.replace(/^0+/, '').trim().toUpperCase() : null;
}

/**
 * Groups identities into patients. Returns, for each input index, the patient index (or -1 when
 * the input carries nothing to match on, or only a name two patients share).
 */
export function matchPatients(inputs: IdentityInput[]): {
  patientOf: number[];
  patients: Cluster[];
  /** For an input held back (a name two patients share), the patients it could be; else null. */
  heldFor: Array<number[] | null>;
} {
  const parent = inputs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // Normalized once per input: the loops below visit every input several times.
  const mrnOf = inputs.map((inp) => normMrn(inp.mrn));
  const keyOf = inputs.map((inp) => nameKey(inp.name));
  adoptLocalMrns(inputs, mrnOf, keyOf);
  // MRNs per cluster root: two records with different MRNs are different patients, whatever
  // their names and dates of birth say (MRN comes first in the matching contract). A root that
  // never absorbed another record has no entry: its set is its own MRN, if any.
  const mrnsOf = new Map<number, Set<string>>();
  const mrnsAt = (r: number): Set<string> | undefined => {
    const own = mrnOf[r];
    return mrnsOf.get(r) ?? (own ? new Set([own]) : undefined);
  };
  const union = (a: number, b: number, billingNumbersAgree = false) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const ma = mrnsAt(ra);
    const mb = mrnsAt(rb);
    if (ma && mb && !billingNumbersAgree) {
      let shared = false;
      for (const m of mb) {
        if (ma.has(m)) {
          shared = true;
          break;
        }
      }
      if (!shared) return;
    }
    parent[rb] = ra;
    if (mb) {
      if (ma) for (const m of mb) ma.add(m);
      mrnsOf.set(ra, ma ?? mb);
      mrnsOf.delete(rb);
    }
  };

  // Records of one MRN are one patient unless both the name and the date of birth disagree: then
  // the number is two clinics' (a consultant's store holds several clients), not one chart's.
  const byMrn = new Map<string, Array<{ at: number; keys: Set<string>; dobs: Set<string> }>>();
  const byNameDob = new Map<string, number>();
  inputs.forEach((inp, i) => {
    const mrn = mrnOf[i];
    if (mrn) {
      const key = keyOf[i];
      const holders = byMrn.get(mrn) ?? [];
      const same = holders.find(
        (h) =>
          !key ||
          !inp.dob ||
          h.keys.size === 0 ||
          h.dobs.size === 0 ||
          h.keys.has(key) ||
          h.dobs.has(inp.dob),
      );
      if (same) {
        union(same.at, i);
        if (key) same.keys.add(key);
        if (inp.dob) same.dobs.add(inp.dob);
      } else {
        holders.push({
          at: i,
          keys: new Set(key ? [key] : []),
          dobs: new Set(inp.dob ? [inp.dob] : []),
        });
        byMrn.set(mrn, holders);
      }
    }
    const key = keyOf[i];
    if (key && inp.dob) {
      const k = `${key}|${inp.dob}`;
      const j = byNameDob.get(k);
      if (j === undefined) byNameDob.set(k, i);
      else union(j, i);
    }
  });

  // Merge clusters that share a name and do not conflict.
  const summarize = () => {
    const clusters = new Map<number, Cluster>();
    inputs.forEach((inp, i) => {
      const r = find(i);
      let c = clusters.get(r);
      if (!c) {
        c = {
          names: new Map(),
          dobs: new Set(),
          mrns: new Set(),
          chartMrns: new Set(),
          keys: new Set(),
        };
        clusters.set(r, c);
      }
      const key = keyOf[i];
      if (key) c.keys.add(key);
      if (inp.name) c.names.set(inp.name, (c.names.get(inp.name) ?? 0) + (inp.weight ?? 1));
      if (inp.dob) c.dobs.add(inp.dob);
      const mrn = mrnOf[i];
      if (mrn) c.mrns.add(mrn);
      if (mrn && !inp.billingOnlyMrn) c.chartMrns.add(mrn);
    });
    return clusters;
  };
  const clusters = summarize();
  const rootsByKey = new Map<string, number[]>();
  for (const [root, c] of clusters) {
    for (const k of c.keys) rootsByKey.set(k, [...(rootsByKey.get(k) ?? []), root]);
  }
  // A number only billing carries is an account, and a hospital opens one per encounter or per
  // month of a recurring outpatient claim ("Acct # V5512003", "V5512004"): accounts that differ
  // do not make two patients of one name; the chart's own MRNs and dates of birth still do.
  const conflicts = (a: Cluster, b: Cluster) =>
    (a.dobs.size > 0 && b.dobs.size > 0 && ![...a.dobs].some((d) => b.dobs.has(d))) ||
    (a.chartMrns.size > 0 &&
      b.chartMrns.size > 0 &&
      ![...a.chartMrns].some((m) => b.chartMrns.has(m)));
  for (const roots of rootsByKey.values()) {
    if (roots.length < 2) continue;
    // Only merge when every pair is compatible: an ambiguous name is never guessed.
    const all = roots.map((r) => clusters.get(r)!);
    const compatible = all.every((a, i) => all.every((b, j) => i === j || !conflicts(a, b)));
    if (compatible) for (const r of roots.slice(1)) union(roots[0]!, r, true);
  }

  // "Re: J. Kowalski", "EE: T. Hollis": a first initial joins the one patient of that surname
  // whose first name starts with it, when nothing conflicts; with two such patients, neither.
  const named = summarize();
  const fullByLast = new Map<string, Array<{ root: number; first: string }>>();
  for (const [root, c] of named)
    for (const k of c.keys) {
      const [last, first] = k.split('|') as [string, string];
      if (first.length > 1)
        fullByLast.set(last, [...(fullByLast.get(last) ?? []), { root, first }]);
    }
  for (const [root, c] of named) {
    const keys = [...c.keys];
    if (keys.length === 0 || !keys.every((k) => k.split('|')[1]!.replace(/\W/g, '').length === 1))
      continue;
    const [last, initial] = keys[0]!.split('|') as [string, string];
    const letter = initial.replace(/\W/g, '');
    const candidates = [
      ...new Set(
        (fullByLast.get(last) ?? [])
          .filter((x) => x.first.startsWith(letter))
          .map((x) => find(x.root)),
      ),
    ];
    if (candidates.length !== 1) continue;
    const target = named.get(candidates[0]!) ?? summarize().get(candidates[0]!);
    if (target && !conflicts(c, target)) union(candidates[0]!, root);
  }

  const final = summarize();
  const candidatesOf = heldRoots(final, find);
  const index = new Map<number, number>();
  const patients: Cluster[] = [];
  const patientAt = (r: number) => {
    let p = index.get(r);
    if (p === undefined) {
      p = patients.length;
      index.set(r, p);
      patients.push(final.get(r)!);
    }
    return p;
  };
  const patientOf = inputs.map((inp, i) => {
    if (!inp.name && !inp.mrn) return -1;
    const r = find(i);
    return candidatesOf.has(r) ? -1 : patientAt(r);
  });
  const heldFor = inputs.map((_, i) => {
    const roots = candidatesOf.get(find(i));
    return roots ? roots.map(patientAt) : null;
  });
  return { patientOf, patients, heldFor };
}

/**
 * Records that give only a name ("SMITH, JOHN" on a ledger without DOB or MRN columns), when two
 * patients who cannot be one (different dates of birth or chart numbers) share that name: whose
 * they are is the user's to say, so they join neither and make no patient of their own. Returns the
 * held roots with the roots of the patients they could be.
 */
function heldRoots(
  clusters: Map<number, Cluster>,
  find: (i: number) => number,
): Map<number, number[]> {
  const rootsByKey = new Map<string, number[]>();
  for (const [root, c] of clusters)
    for (const k of c.keys) rootsByKey.set(k, [...(rootsByKey.get(k) ?? []), root]);
  const held = new Map<number, number[]>();
  for (const [root, c] of clusters) {
    if (c.keys.size === 0 || c.dobs.size > 0 || c.chartMrns.size > 0) continue;
    const others = new Set<number>();
    for (const k of c.keys)
      for (const r of rootsByKey.get(k) ?? []) {
        const other = clusters.get(r)!;
        // Only patients the record could be: those identified beyond the name.
        if (r !== root && (other.dobs.size > 0 || other.chartMrns.size > 0)) others.add(find(r));
      }
    if (others.size >= 2)
      held.set(
        root,
        [...others].sort((a, b) => a - b),
      );
  }
  return held;
}

/**
 * An MRN seen on one file only, beside a name and date of birth that records with one other MRN
 * (seen more widely) also carry, is another facility's number for the same patient: it matches as
 * that MRN. So is a number only billing lines carry (a billing account beside the chart's MRN).
 * With no such record, or several, it stays as written (two patients are never guessed into one).
 */
function adoptLocalMrns(
  inputs: IdentityInput[],
  mrnOf: Array<string | null>,
  keyOf: Array<string | null>,
): void {
  adoptBilledChartMrns(inputs, mrnOf, keyOf);
  const adoptable = (inp: IdentityInput) => !!(inp.singleSourceMrn || inp.billingOnlyMrn);
  if (!inputs.some(adoptable)) return;
  const person = (i: number) => personKey(inputs[i]!, keyOf[i] ?? null);
  const local = mrnsByPerson(inputs, mrnOf, keyOf, (inp) => !adoptable(inp));
  // With no number seen more widely, a chart printed as one file (the practice's own, many
  // documents) stands against an outside referral's (one or two): of the single-file numbers of
  // one name and DOB, the one on clearly the most records is the chart's.
  const outside = new Map<string, Map<string, number>>();
  inputs.forEach((inp, i) => {
    const mrn = mrnOf[i];
    const k = person(i);
    if (!mrn || !inp.singleSourceMrn || !k || local.has(k)) return;
    const weights = outside.get(k) ?? new Map<string, number>();
    weights.set(mrn, (weights.get(mrn) ?? 0) + (inp.weight ?? 1));
    outside.set(k, weights);
  });
  for (const [k, weights] of outside) {
    const ranked = [...weights].sort((a, b) => b[1] - a[1]);
    if (ranked.length >= 2 && ranked[0]![1] >= 2 * ranked[1]![1])
      local.set(k, new Set([ranked[0]![0]]));
  }
  adoptTheOneMrn(inputs, mrnOf, keyOf, local, adoptable);
}

/**
 * The number the clinic bills under is its chart number: beside the same name and date of birth,
 * another number that documents carry and no billing line does (a physician office's MRN on its
 * own visit notes and reports, however many) is that office's, and matches as the billed one.
 */
function adoptBilledChartMrns(
  inputs: IdentityInput[],
  mrnOf: Array<string | null>,
  keyOf: Array<string | null>,
): void {
  const billed = mrnsByPerson(inputs, mrnOf, keyOf, (inp) => !!inp.billedChartMrn);
  if (billed.size === 0) return;
  adoptTheOneMrn(inputs, mrnOf, keyOf, billed, (inp) => !!inp.unbilledChartMrn);
}

/** One person as identities name them: name key and date of birth, or null without either. */
function personKey(inp: IdentityInput, key: string | null): string | null {
  return key && inp.dob ? `${key}|${inp.dob}` : null;
}

/** The MRNs the identities that `include` admits carry, per person (name and date of birth). */
function mrnsByPerson(
  inputs: IdentityInput[],
  mrnOf: Array<string | null>,
  keyOf: Array<string | null>,
  include: (inp: IdentityInput) => boolean,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  inputs.forEach((inp, i) => {
    const mrn = mrnOf[i];
    const k = personKey(inp, keyOf[i] ?? null);
    if (!mrn || !k || !include(inp)) return;
    out.set(k, (out.get(k) ?? new Set<string>()).add(mrn));
  });
  return out;
}

/** Identities that `adopts` admits take their person's MRN, where that person has exactly one. */
function adoptTheOneMrn(
  inputs: IdentityInput[],
  mrnOf: Array<string | null>,
  keyOf: Array<string | null>,
  mrns: Map<string, Set<string>>,
  adopts: (inp: IdentityInput) => boolean,
): void {
  inputs.forEach((inp, i) => {
    const k = personKey(inp, keyOf[i] ?? null);
    if (!adopts(inp) || !mrnOf[i] || !k) return;
    const found = mrns.get(k);
    if (found?.size === 1) mrnOf[i] = [...found][0]!;
  });
}

/** The most frequent name of a cluster, in display form. */
export function clusterName(c: { names: Map<string, number> }): string {
  let best = '';
  let n = -1;
  for (const [name, count] of c.names) {
    // Prefer mixed case ("Alvarez, Maria") over a ledger's upper case when counts tie.
    const score = count + (name === name.toUpperCase() ? 0 : 0.5);
    if (score > n) {
      best = name;
      n = score;
    }
  }
  return best ? displayName(best) : 'Unknown patient';
}
