import type { EpisodeDocument, EpisodeModel } from '../../../../../shared/episode';
import type { IsoDate, MarkKind } from '../../../../../shared/model';
import { evidenceFromDocument, evidenceFromFact, firstFact } from '../../lib/evidence';
import {
  docDate,
  isSignedRecordType,
  isStructuredPlan,
  plansToJudge,
  signatureLogIn,
  signatureStatus,
  type SignedRecordType,
} from '../../lib/documents';
import type { PayerProfile, Rule, RuleFinding } from '../../types';

const LABEL: Record<SignedRecordType, string> = {
  evaluation: 'Evaluation',
  're-evaluation': 'Re-evaluation',
  'plan-of-care': 'Plan of care',
  'progress-report': 'Progress report',
  'daily-note': 'Treatment note',
  'discharge-summary': 'Discharge summary',
  'physician-order': 'Physician order',
};

export const docSigned: Rule = {
  meta: {
    id: 'DOC-SIGNED',
    title: 'Every record entry signed with credentials and date',
    group: 'documentation',
    source:
      'Medicare Program Integrity Manual, Pub. 100-08, Ch. 3, §3.3.2.4 (signature requirements; 20-day attestation window)',
    sources: [
      {
        text: 'Medicare Program Integrity Manual, Pub. 100-08, Ch. 3, §3.3.2.4 (signature requirements; 20-day attestation window)',
        payers: ['medicare'],
      },
    ],
    severity: 'error',
    payers: ['ALL'],
    decided: [
      "A flowsheet whose columns are visit dates signs each day with the clinician's initials in that day's column: the initials sign that day's note, dated by the column's date, and are identified by the sheet's own legend (initials, full name, credentials) or the clinic's signature log; initials neither names leave the note signed without credentials.",
      'A signature drawn, pasted as an image or written on a scan in the signature area (on, beside or just above or below a signature field, a rule to sign on, the physician certification line or the printed name) is a handwritten signature; the name and credentials printed beside it are its signer.',
      'Such a mark with no printed name or credentials beside it is an illegible signature: a warning without a signature log or attestation in the record, accepted with one.',
      'A record that says its signature is stamped is unsigned (error) for every payer. A PDF Stamp annotation in the signature area, with no ink beside it, may be a rubber stamp or a signature image placed with a PDF viewer\'s signing tool (some store signatures as stamps): a warning to confirm on the page, never a pass; DOC-POC-CERT likewise warns rather than passing or failing a certification signed that way. Ink beside a stamp (a "Received" stamp by the signature) is the signature.',
      'A logo, a body diagram or ink away from every signature area signs nothing; a blank signature field stays unsigned.',
      'An entry whose own header names the clinician who furnished the visit (a booking system\'s "with <name>, <credentials>") and is signed only by someone else is not signed by its author: an error, cured by the author\'s attestation.',
      'A physician order is dated where the physician writes it: a prescription pad\'s "Date: 3/2/26" above a signature that has no date of its own is a signed, dated order; an order with no readable date at all is still signed without a date.',
    ],
  },
  check(episode, profile) {
    const docs = documentsToSign(episode);
    if (docs.length === 0) return [];
    const findings: RuleFinding[] = [];
    const signed = [];
    const byHand: string[] = [];
    // A signature log or attestation anywhere in the record answers for an illegible signature.
    const log = signatureLogIn(episode.documents);
    let logCited = false;
    const logRows = new Set<string>();
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      // A stamped signature is not accepted: the entry counts as unsigned.
      const stamp = firstFact(doc, 'signature-stamped');
      if (stamp) {
        // The record saying "stamped" is a stamp. A PDF stamp annotation is also how some viewers
        // place a signature image: the reader cannot tell which, so the reviewer looks.
        findings.push(
          stamp.detail?.mark === 'stamp'
            ? {
                status: 'warn',
                severity: 'warning',
                message: `${entryLabel(doc)} is signed with a stamp annotation (${MARK_WORDS.stamp}): confirm on the page whether it is the author's signature image or a rubber stamp, which is not accepted and counts as unsigned (${cureFor(doc)}).`,
                dates: datesOf(doc),
                evidence: [evidenceFromFact(stamp)],
              }
            : {
                status: 'fail',
                message: `${entryLabel(doc)} is signed with a stamp, which is not accepted and counts as unsigned; ${cureFor(doc)}.`,
                dates: datesOf(doc),
                evidence: [evidenceFromFact(stamp)],
              },
        );
        continue;
      }
      const sig = signatureStatus(doc);
      const another = sig.status === 'signed' ? signedByAnother(doc) : null;
      if (another) {
        findings.push({
          status: 'fail',
          message: `${entryLabel(doc)} names ${another.author} as the clinician who furnished it but is signed by ${another.signer}${another.on ? ` on ${another.on}` : ''}: not signed by its author; ${cureFor(doc)}.`,
          dates: [...new Set([...datesOf(doc), ...(another.on ? [another.on] : [])])],
          evidence: [evidenceFromFact(another.authorFact), sig.evidence],
        });
        continue;
      }
      if (sig.status === 'signed') {
        signed.push(sig.evidence);
        // Initials resolved through the clinic's signature log: the log's row is cited once.
        const cred = firstFact(doc, 'credentials');
        if (cred && cred.provenance.file !== doc.file && !logRows.has(cred.provenance.quote)) {
          logRows.add(cred.provenance.quote);
          signed.push(evidenceFromFact(cred));
        }
        const hand = handSigned(doc);
        if (hand) byHand.push(`${entryLabel(doc)} ${hand}`);
        continue;
      }
      if (sig.status === 'illegible' && !log) {
        // Whether the author is identifiable cannot be told from the text: the reviewer asks for
        // a signature log or an attestation, due 20 calendar days after the request.
        const mark = illegibleMark(doc);
        findings.push({
          status: 'warn',
          severity: 'warning',
          message: mark
            ? `${entryLabel(doc)} is signed by hand (${MARK_WORDS[mark]}) with no printed name or credentials beside it: signature illegible without signature log or attestation; ${includeLog(profile)}.`
            : `${entryLabel(doc)} has an illegible signature and the record holds no signature log or attestation; ${includeLog(profile)}.`,
          dates: datesOf(doc),
          evidence: [sig.evidence],
        });
        continue;
      }
      if (sig.status === 'illegible' && sig.missing.length === 0) {
        signed.push(sig.evidence);
        if (!logCited) signed.push(evidenceFromFact(log!));
        logCited = true;
        continue;
      }
      if (sig.status === 'unsigned') {
        findings.push({
          status: 'fail',
          message: `${entryLabel(doc)} is unsigned; ${cureFor(doc)}.`,
          dates: datesOf(doc),
          evidence: [sig.evidence],
        });
        continue;
      }
      const parts = sig.missing.map((m) =>
        m === 'credentials' ? 'credentials' : 'a signature date',
      );
      findings.push({
        status: 'fail',
        severity: 'warning',
        message: `${entryLabel(doc)} is signed without ${parts.join(' or ')}.`,
        dates: datesOf(doc),
        evidence: [sig.evidence],
      });
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        message: `All ${docs.length} evaluations, plans, notes, reports and orders are signed with credentials and a date${byHand.length ? `; ${byHand.join('; ')}` : ''}.`,
        dates: docs.map(docDate).filter((d): d is IsoDate => !!d),
        evidence: signed.length ? signed : docs.map((d) => evidenceFromDocument(d)),
      },
    ];
  },
};

/** A name's first and last words, as two mentions of one person share them. */
function nameKey(name: string): string {
  const words = name.toLowerCase().match(/[a-z'-]+/g) ?? [];
  return words.length ? `${words[0]} ${words[words.length - 1]}` : '';
}

/**
 * An entry whose header names the clinician who furnished it (treating-clinician) and whose every
 * signer is someone else: signed, but not by its author (PIM §3.3.2.4 asks for the author's).
 */
function signedByAnother(doc: EpisodeDocument) {
  const authorFact = firstFact(doc, 'treating-clinician');
  if (!authorFact) return null;
  const signers = doc.facts.filter((f) => f.kind === 'signer');
  if (signers.length === 0) return null;
  const author = nameKey(authorFact.value);
  if (signers.some((f) => nameKey(f.value) === author)) return null;
  const on = firstFact(doc, 'signed-date')?.value as IsoDate | undefined;
  return { authorFact, author: authorFact.value, signer: signers[0]!.value, on };
}

/** How a mark in the signature area came onto the page, as a finding says it. */
const MARK_WORDS: Record<MarkKind, string> = {
  drawn: 'ink drawn in the signature area',
  image: 'image in the signature area',
  'scan-ink': 'handwriting on the scanned signature line',
  stamp: 'a stamp on the signature line',
};

/** "signed by hand (image in the signature area), Jane Roe, PT", or null for a typed signature. */
function handSigned(doc: EpisodeDocument): string | null {
  const physicianDoc = doc.type === 'physician-order';
  let signer = null;
  let creds = null;
  for (const f of doc.facts) {
    const isSigner = f.kind === 'signer' || (physicianDoc && f.kind === 'physician-signer');
    if (isSigner && !signer) signer = f;
    if (f.kind === 'credentials' && !creds) creds = f;
  }
  const mark = signer?.detail?.mark;
  if (!signer || !mark) return null;
  const who =
    creds && !signer.value.includes(creds.value) ? `${signer.value}, ${creds.value}` : signer.value;
  return `signed by hand (${MARK_WORDS[mark]}), ${who}`;
}

function illegibleMark(doc: EpisodeDocument): MarkKind | undefined {
  return firstFact(doc, 'signature-illegible')?.detail?.mark;
}

/**
 * The record entries to check, in document order. A structured plan (FHIR CarePlan) is checked
 * for a signature only when it is the only plan.
 */
function documentsToSign(episode: EpisodeModel): EpisodeDocument[] {
  const docs: EpisodeDocument[] = [];
  let judged: ReadonlySet<EpisodeDocument> | null = null;
  for (let i = 0; i < episode.documents.length; i++) {
    const d = episode.documents[i]!;
    if (!isSignedRecordType(d.type)) continue;
    if (isStructuredPlan(d) && !(judged ??= new Set(plansToJudge(episode))).has(d)) continue;
    docs.push(d);
  }
  return docs;
}

/** "Treatment note dated 2026-02-15", or the title when the entry has no readable date. */
function entryLabel(doc: EpisodeDocument): string {
  const date = docDate(doc);
  return `${LABEL[doc.type as SignedRecordType]}${date ? ` dated ${date}` : ` "${doc.title}" (undated)`}`;
}

/**
 * PIM §3.3.2.4: a record entry can be cured by the author's signed attestation; an order cannot
 * (the reviewer disregards it).
 */
function cureFor(doc: EpisodeDocument): string {
  return doc.type === 'physician-order'
    ? 'an unsigned order cannot be cured by attestation'
    : 'cure with a signed, dated attestation by the author identifying the patient';
}

/**
 * What to do about an illegible signature: the 20-day window to answer a reviewer's request is
 * Medicare's (PIM §3.3.2.4), so it is named for Medicare only.
 */
function includeLog(profile: PayerProfile): string {
  return profile.payerKind === 'medicare'
    ? 'include one, as a reviewer who asks for it must have it within 20 calendar days'
    : 'include one';
}

function datesOf(doc: EpisodeDocument): IsoDate[] {
  const date = docDate(doc);
  return date ? [date] : [];
}
