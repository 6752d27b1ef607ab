/**
 * Exhibit selection and order, as a reviewer reads a record (rules.md section 6, recommended
 * ordering; CMS ADR guidance [S25][S27]): order, authorization, FCE and job description,
 * evaluation and plan, certification, treatment notes (chronological), progress reports,
 * re-evaluations, discharge, communications.
 */
import type { EpisodeDocument, EpisodeModel } from '../../../shared/episode';
import type { DocType, IsoDate } from '../../../shared/model';
import {
  isSignatureLog,
  isSignedRecordType,
  signatureLogIn,
  signatureStatus,
} from '../review/lib/documents';
import { gapDate } from './format';
import type { Exhibit, PacketKind } from './types';

const CATEGORY_ORDER: DocType[] = [
  'physician-order',
  'authorization',
  'fce',
  'job-description',
  'evaluation',
  'plan-of-care',
  'certification',
  'daily-note',
  'progress-report',
  're-evaluation',
  'discharge-summary',
  'communication',
  'other',
];

export const CATEGORY_LABELS: Record<DocType, string> = {
  'physician-order': 'Physician Order / Referral',
  authorization: 'Authorization',
  fce: 'Functional Capacity Evaluation',
  'job-description': 'Job Description',
  evaluation: 'Evaluation',
  'plan-of-care': 'Plan of Care',
  certification: 'Certification',
  'daily-note': 'Daily Note',
  'progress-report': 'Progress Report',
  're-evaluation': 'Re-Evaluation',
  'discharge-summary': 'Discharge Summary',
  communication: 'Communication',
  other: 'Other Record',
};

/** A, B, ... Z, AA, AB, ... (spreadsheet-style). */
export function exhibitLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function byDateThenId(a: EpisodeDocument, b: EpisodeDocument): number {
  const da = a.date ?? '9999-99-99';
  const db = b.date ?? '9999-99-99';
  return da < db ? -1 : da > db ? 1 : a.id - b.id;
}

export interface ExhibitSelection {
  kind: PacketKind;
  /** null = episode-level packet: every treatment note. */
  claimId: string | null;
  datesAtIssue: IsoDate[];
  exhibitOrder?: number[];
  exclude?: number[];
}

/** Records of care after a claim's dates: not part of the record that supports the claim. */
const LATER_RECORD_TYPES: ReadonlySet<EpisodeDocument['type']> = new Set([
  'daily-note',
  'progress-report',
  're-evaluation',
  'discharge-summary',
  'communication',
]);

/** Documents a reviewer expects for this packet, in the default order. */
function defaultDocuments(episode: EpisodeModel, sel: ExhibitSelection): EpisodeDocument[] {
  const episodeRecord = sel.claimId === null;
  const atIssue = new Set(sel.datesAtIssue);
  const lastDate = [...atIssue].sort().at(-1) ?? null;
  const picked = episode.documents.filter((d) => {
    // "Other" documents are part of the complete record an ADR asks for; an appeal stays focused,
    // but keeps a signature log or attestation: it answers for an illegible signature.
    if (d.type === 'other') return sel.kind === 'adr' || isSignatureLog(d);
    // A claim's packet sends the notes of the claim's dates (an ADR asks for the record that
    // supports the claim: its dates' notes, the plan, orders and reports up to them), not the
    // episode's later care (minimum necessary).
    if (d.type === 'daily-note') return episodeRecord || (d.date !== null && atIssue.has(d.date));
    if (sel.kind === 'adr' && !episodeRecord && lastDate && d.date && d.date > lastDate)
      return !LATER_RECORD_TYPES.has(d.type);
    return true;
  });
  return picked.sort((a, b) => {
    const ca = CATEGORY_ORDER.indexOf(a.type);
    const cb = CATEGORY_ORDER.indexOf(b.type);
    return ca !== cb ? ca - cb : byDateThenId(a, b);
  });
}

/**
 * Exhibits whose signature cannot be read while the packet holds no signature log or attestation
 * (PIM Ch. 3 §3.3.2.4): the biller adds one rather than let the reviewer ask for it.
 */
export function illegibleSignatureGaps(exhibitDocs: readonly EpisodeDocument[]): string[] {
  if (signatureLogIn(exhibitDocs)) return [];
  return exhibitDocs
    .filter((d) => isSignedRecordType(d.type) && signatureStatus(d).status === 'illegible')
    .map(
      (d) =>
        `The signature on the ${CATEGORY_LABELS[d.type].toLowerCase()}${d.date ? ` dated ${gapDate(d.date)}` : ''} is illegible and the packet holds no signature log or attestation; add one (a reviewer who asks for it must have it within 20 calendar days).`,
    );
}

/** Applies the user's removals and reordering: ordered ids first, the rest in default order. */
export function selectExhibitDocuments(
  episode: EpisodeModel,
  sel: ExhibitSelection,
): EpisodeDocument[] {
  const excluded = new Set(sel.exclude ?? []);
  const defaults = defaultDocuments(episode, sel);
  const byId = new Map(episode.documents.map((d) => [d.id, d]));
  const ordered: EpisodeDocument[] = [];
  const seen = new Set<number>();
  for (const id of sel.exhibitOrder ?? []) {
    const doc = byId.get(id);
    if (doc && !seen.has(id)) {
      ordered.push(doc);
      seen.add(id);
    }
  }
  for (const doc of defaults) if (!seen.has(doc.id)) ordered.push(doc);
  return ordered.filter((d) => !excluded.has(d.id));
}

export function exhibitsFor(docs: EpisodeDocument[]): Exhibit[] {
  return docs.map((d, i) => ({
    letter: exhibitLetter(i),
    title: d.title.trim() || CATEGORY_LABELS[d.type],
    date: d.date,
    documentIds: [d.id],
    category: CATEGORY_LABELS[d.type],
    firstPage: 0,
    lastPage: 0,
  }));
}
