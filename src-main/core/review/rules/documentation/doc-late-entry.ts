import type { EpisodeModel } from '../../../../../shared/episode';
import { evidenceFromFact } from '../../lib/evidence';
import {
  amendmentsOf,
  isCompliant,
  silentVersionsOf,
  type AmendmentEntry,
} from '../../lib/amendments';
import { evidenceFromDocument } from '../../lib/evidence';
import type { Rule, RuleFinding } from '../../types';

const KIND_TEXT: Record<string, string> = {
  addendum: 'Addendum',
  'late-entry': 'Late entry',
  amendment: 'Amendment',
  correction: 'Correction',
};

function describe(a: AmendmentEntry): string {
  const kind = KIND_TEXT[a.kind] ?? 'Amendment';
  const dated = a.own ? ` dated ${a.own}` : '';
  const to = a.of ? ` to the note of ${a.of}` : '';
  return `${kind}${dated}${to} (${a.doc.file} p. ${a.labels[0]!.provenance.page})`;
}

/** What the entry lacks of the three principles, in the catalog's words. */
function lacks(a: AmendmentEntry): string[] {
  const out: string[] = [];
  if (!a.own) out.push('has no date of its own');
  if (!a.signed) out.push('has no author (no signature or "by" name with credentials)');
  if (!a.originalOnFile)
    out.push(
      a.of
        ? `leaves no original: no note of ${a.of} is in the record`
        : 'does not say which note it amends, and no original is identifiable',
    );
  return out;
}

const REQUEST_TEXT: Record<string, string> = {
  adr: 'ADR',
  rac: 'RAC request',
  tpe: 'TPE request',
  carrier: "carrier's records request",
};

/**
 * The records request an entry was written after: one for a claim that bills the day it amends
 * (any claim of the episode when it names no day), dated on or before the entry's own date.
 */
function requestBefore(
  episode: EpisodeModel,
  a: AmendmentEntry,
): { kind: string; dated: string; claimId: string } | null {
  if (!a.own) return null;
  const day = a.of ?? a.doc.date;
  for (const c of episode.claims) {
    if (day && !c.lines.some((l) => l.dos === day)) continue;
    const r = c.requests?.find((q) => q.dated <= a.own!);
    if (r) return { ...r, claimId: c.claimId };
  }
  return null;
}

/**
 * Amendments, corrections and delayed entries (PIM Ch. 3 §3.3.2.5). The engine leaves a
 * non-compliant stand-alone entry out of every other rule and makes this finding an error when
 * that entry is what would have made a failing rule pass (see engine.ts).
 */
export const docLateEntry: Rule = {
  meta: {
    id: 'DOC-LATE-ENTRY',
    title: 'Addenda and late entries identified, dated, signed; original kept',
    group: 'documentation',
    source:
      'Medicare Program Integrity Manual, Pub. 100-08, Ch. 3 §3.3.2.5 (amendments, corrections and delayed entries; Transmittal 442, CR 8105)',
    sources: [
      {
        text: 'Medicare Program Integrity Manual, Pub. 100-08, Ch. 3 §3.3.2.5 (amendments, corrections and delayed entries; Transmittal 442, CR 8105)',
        payers: ['medicare'],
      },
    ],
    severity: 'warning',
    payers: ['MCR', 'WC', 'COM'],
    decided: [
      'An entry\'s own date is one its label gives ("Addendum 06/25/2026:", "written 05/13/2026"), not a date in the text it adds; without one, the note\'s signature below it dates it, unless the note says it was opened and signed again ("unlocked and re-signed 07/15/2026"): then nothing dates the entry and the original wording is no longer identifiable.',
    ],
  },
  check(episode) {
    const out: RuleFinding[] = [];
    for (const a of amendmentsOf(episode)) {
      const evidence = a.labels.map(evidenceFromFact);
      const dates = [a.of ?? a.own ?? a.doc.date].filter((d): d is string => !!d);
      const request = requestBefore(episode, a);
      // Considered if compliant, but read with suspicion (rules.md DOC-LATE-ENTRY): say so.
      const after = request
        ? ` It was written after the ${REQUEST_TEXT[request.kind] ?? 'records request'} dated ${request.dated} for claim ${request.claimId}: a reviewer reads an entry made after a records request with suspicion.`
        : '';
      if (isCompliant(a)) {
        out.push({
          status: request ? 'warn' : 'pass',
          message: `${describe(a)} identifies itself, is dated and signed, and leaves the original identifiable.${after}`,
          dates,
          evidence,
        });
      } else {
        out.push({
          status: 'fail',
          message: `${describe(a)} ${lacks(a).join('; ')}: a reviewer does not consider it (PIM Ch. 3 §3.3.2.5).${after}`,
          dates,
          evidence,
        });
      }
    }
    // A note written again for the same session and signed later, with no label: the original
    // stays, but the new text does not say it amends it (principle 1 of §3.3.2.5).
    for (const v of silentVersionsOf(episode)) {
      out.push({
        status: 'fail',
        message: `A second version of the note of ${v.dos} (${v.doc.file} p. ${v.doc.pageStart}), signed ${v.signed}, records the same session as the note signed ${v.originalSigned} but does not identify itself as an addendum or late entry: a reviewer does not consider it (PIM Ch. 3 §3.3.2.5).`,
        dates: [v.dos, v.signed],
        evidence: [
          evidenceFromDocument(v.doc, ['signed-date', 'date-of-service']),
          evidenceFromDocument(v.original, ['signed-date']),
        ],
      });
    }
    return out;
  },
};
