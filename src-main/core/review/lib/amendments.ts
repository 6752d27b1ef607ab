/**
 * Addenda, late entries, amendments and corrections in an episode, judged by the three principles
 * of PIM Ch. 3 §3.3.2.5 (rules.md DOC-LATE-ENTRY): identified as such (the reader only reports
 * labelled entries), dated and signed by their author, and the original left identifiable. An
 * entry that breaks them is not considered by a reviewer: the engine leaves a non-compliant
 * stand-alone entry out of what the other rules read.
 */
import type { EpisodeDocument, EpisodeModel } from '../../../../shared/episode';
import type { Fact, IsoDate } from '../../../../shared/model';
import { AMENDMENT_LABEL } from '../../lexicon/amendments';
import { credentialsIn } from '../../domain/credentials';
import { memo } from './memo';

export interface AmendmentEntry {
  doc: EpisodeDocument;
  /** addendum | late-entry | amendment | correction (the first label's kind). */
  kind: string;
  /** The label lines of this entry (a label and its "Late entry for ..." line are one entry). */
  labels: Fact[];
  /** The date of the note it amends, as the entry or its document says. */
  of: IsoDate | null;
  /** Its own date, or null when it has none. */
  own: IsoDate | null;
  /** Whether its author is named (a signature after its label, or "by NAME, CREDENTIALS"). */
  signed: boolean;
  /** The whole document is the entry (its title is the label), rather than a block in a note. */
  standalone: boolean;
  /** The note it amends is in the record (always so for a block appended to the note itself). */
  originalOnFile: boolean;
}

/** Label lines further apart than this (characters of the page) are separate entries. */
const SAME_ENTRY_CHARS = 400;

/** Every labelled entry of the episode, documents in order. */
export function amendmentsOf(episode: EpisodeModel): readonly AmendmentEntry[] {
  return memo(episode, 'amendments', () => {
    const out: AmendmentEntry[] = [];
    for (const doc of episode.documents) {
      const labels = doc.facts.filter((f) => f.kind === 'amendment');
      if (labels.length === 0) continue;
      for (const group of groupLabels(labels)) out.push(judge(episode, doc, group));
    }
    return out;
  });
}

/**
 * A second version of a visit note that does not say it is one: the same session (date of
 * service and clock times, or visit number where no times are printed) written again and signed
 * on a later day, with no "Addendum" or "Late entry" label (rules.md DOC-LATE-ENTRY principle 3).
 */
export interface SilentVersion {
  doc: EpisodeDocument;
  /** The version signed first, which the record keeps. */
  original: EpisodeDocument;
  dos: IsoDate;
  signed: IsoDate;
  originalSigned: IsoDate;
}

const factValue = (doc: EpisodeDocument, kind: Fact['kind']): string | null =>
  doc.facts.find((f) => f.kind === kind)?.value ?? null;

/**
 * Whether two notes of one day record the same session rather than two sessions (a morning and
 * an afternoon one): the same clock times, or, where neither prints times, the same visit number.
 */
function sameSession(a: EpisodeDocument, b: EpisodeDocument): boolean {
  const times = (d: EpisodeDocument) => {
    const from = factValue(d, 'time-in');
    const to = factValue(d, 'time-out');
    return from && to ? `${from}-${to}` : null;
  };
  const ta = times(a);
  const tb = times(b);
  if (ta && tb) return ta === tb;
  // Where one version prints no times (the times are what the later one adds), the visit number
  // tells the session; two sessions of one day never share one.
  const va = factValue(a, 'visit-number');
  if (va !== null && va === factValue(b, 'visit-number')) return true;
  return false;
}

/** Every unlabelled later version of a daily note in the episode. */
export function silentVersionsOf(episode: EpisodeModel): readonly SilentVersion[] {
  return memo(episode, 'silent-versions', () => {
    const byDay = new Map<IsoDate, EpisodeDocument[]>();
    for (const d of episode.documents) {
      if (d.type !== 'daily-note' || !d.date) continue;
      if (d.facts.some((f) => f.kind === 'amendment')) continue;
      byDay.set(d.date, [...(byDay.get(d.date) ?? []), d]);
    }
    const out: SilentVersion[] = [];
    for (const [dos, notes] of byDay) {
      for (const doc of notes) {
        const signed = factValue(doc, 'signed-date');
        if (!signed) continue;
        const original = notes.find((o) => {
          const s = o !== doc ? factValue(o, 'signed-date') : null;
          return s !== null && s < signed && sameSession(o, doc);
        });
        if (original)
          out.push({
            doc,
            original,
            dos,
            signed,
            originalSigned: factValue(original, 'signed-date')!,
          });
      }
    }
    return out;
  });
}

/**
 * Documents that are non-compliant entries on their own, and unlabelled later versions of a
 * note: what a reviewer does not consider.
 */
export function excludedAmendments(episode: EpisodeModel): ReadonlySet<EpisodeDocument> {
  const out = new Set<EpisodeDocument>();
  for (const a of amendmentsOf(episode)) if (a.standalone && !isCompliant(a)) out.add(a.doc);
  for (const v of silentVersionsOf(episode)) out.add(v.doc);
  return out;
}

/**
 * The episode as a reviewer considers it: without non-compliant stand-alone entries and unlabelled
 * later versions, and without what a non-compliant entry appended to a note adds to it (the
 * facts from its label on: "ADDENDUM  Per billing office request - minutes: ..." with no author or
 * date supplies no minutes). Null when the reviewer considers everything.
 */
export function consideredEpisode(episode: EpisodeModel): EpisodeModel | null {
  const excluded = excludedAmendments(episode);
  const blockStart = new Map<EpisodeDocument, number>();
  for (const a of amendmentsOf(episode)) {
    if (a.standalone || isCompliant(a) || excluded.has(a.doc)) continue;
    const at = position(a.labels[0]!);
    blockStart.set(a.doc, Math.min(at, blockStart.get(a.doc) ?? at));
  }
  if (excluded.size === 0 && blockStart.size === 0) return null;
  const documents: EpisodeDocument[] = [];
  for (const d of episode.documents) {
    if (excluded.has(d)) continue;
    const from = blockStart.get(d);
    // The note's own signature below the block still signs the note.
    documents.push(
      from === undefined
        ? d
        : { ...d, facts: d.facts.filter((f) => position(f) < from || NOTE_SIGNATURE.has(f.kind)) },
    );
  }
  return { ...episode, documents };
}

/** Facts of the note's signature, which a block above it does not make the block's. */
const NOTE_SIGNATURE: ReadonlySet<Fact['kind']> = new Set([
  'signer',
  'credentials',
  'signed-date',
  'signature-reopened',
]);

const position = (f: Fact): number => f.provenance.page * 1e9 + f.provenance.start;

export function isCompliant(a: AmendmentEntry): boolean {
  return a.own !== null && a.signed && a.originalOnFile;
}

function groupLabels(labels: Fact[]): Fact[][] {
  const sorted = [...labels].sort(
    (a, b) => a.provenance.page - b.provenance.page || a.provenance.start - b.provenance.start,
  );
  const groups: Fact[][] = [];
  for (const f of sorted) {
    const last = groups.at(-1)?.at(-1);
    if (
      last &&
      last.provenance.page === f.provenance.page &&
      f.provenance.start - last.provenance.end <= SAME_ENTRY_CHARS
    )
      groups.at(-1)!.push(f);
    else groups.push([f]);
  }
  return groups;
}

/**
 * A label that names its author: "by NAME, CREDENTIALS" on its line, or the author in the
 * brackets after the label ("ADDENDUM (05/22/2026 09:10, Noor Haddad, OTR/L): ...").
 */
function namesAuthor(label: string): boolean {
  const bracketed = /^[^(]{0,40}\(([^()]{0,100})\)/.exec(label)?.[1] ?? '';
  return (
    (/\bby\b/i.test(label) && credentialsIn(label).length > 0) ||
    credentialsIn(bracketed).length > 0
  );
}

function judge(episode: EpisodeModel, doc: EpisodeDocument, labels: Fact[]): AmendmentEntry {
  const first = labels[0]!;
  const standalone = AMENDMENT_LABEL.test(doc.title);
  const at = position;
  // What stands after the label belongs to the entry; a stand-alone entry is the whole document.
  const after = (f: Fact) => standalone || at(f) >= at(first);
  const of = labels.find((f) => f.detail?.of)?.detail?.of ?? (standalone ? doc.date : null);
  let own = labels.find((f) => f.detail?.date)?.detail?.date ?? null;
  // A block typed into a signed note that was then opened and signed again is dated by nothing of
  // its own: the later signature dates the whole note, its original wording no longer identifiable.
  const reopened =
    !standalone && doc.facts.some((f) => f.kind === 'signature-reopened' && after(f));
  if (own === null && !reopened)
    own =
      doc.facts.find((f) => f.kind === 'signed-date' && after(f))?.value ??
      (standalone ? (doc.facts.find((f) => f.kind === 'document-date')?.value ?? null) : null);
  const signed =
    labels.some((f) => namesAuthor(f.provenance.quote)) ||
    doc.facts.some((f) => f.kind === 'signer' && after(f));
  const originalOnFile =
    !standalone ||
    (of !== null &&
      episode.documents.some(
        (d) => d !== doc && d.date === of && !d.facts.some((f) => f.kind === 'amendment'),
      ));
  return {
    doc,
    kind: first.value,
    labels,
    of,
    own,
    signed,
    standalone,
    originalOnFile,
  };
}
