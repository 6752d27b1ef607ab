import type { EpisodeBillingLine, EpisodeDocument } from '../../../../../shared/episode';
import type { IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument, firstFact } from '../../lib/evidence';
import {
  docDate,
  docsOfOneType,
  hasFactOfKind,
  hasSectionNamed,
  isMeasurableGoal,
  listText,
  programDatesView,
  signatureGap,
} from '../../lib/documents';
import { ownerElsewhere, referral } from '../../lib/owners';
import { datesWithoutMinutes } from '../../lib/time';
import type { Rule, RuleFinding } from '../../types';

/**
 * A visit's record, as the rule judges it: one note, or the notes of one discipline on one date
 * read together, as a hospital records a visit in a narrative note and a flowsheet column (the
 * interventions in one, the minutes in the other). Notes of two disciplines on a date stay apart.
 */
function visitRecords(
  notes: readonly EpisodeDocument[],
  all: readonly EpisodeDocument[],
): Array<{ doc: EpisodeDocument; parts: EpisodeDocument[] }> {
  const records: EpisodeDocument[][] = [];
  const byDay = new Map<string, EpisodeDocument[]>();
  for (const note of notes) {
    const date = docDate(note);
    const key = date ? `${date}|${note.discipline ?? ''}` : null;
    const same = key ? byDay.get(key) : undefined;
    if (same) same.push(note);
    else {
      records.push([note]);
      if (key) byDay.set(key, records.at(-1)!);
    }
  }
  // A flowsheet column on an evaluation's day records that visit's minutes; the evaluation, its
  // interventions and signature.
  const reports = all.filter((d) => VISIT_REPORTS.has(d.type));
  return records.map((parts) => {
    const date = docDate(parts[0]!);
    const report = reports.find(
      (r) => docDate(r) === date && r.discipline === parts[0]!.discipline,
    );
    if (date && report && withoutInterventions(parts)) parts.push(report);
    const doc =
      parts.length === 1 ? parts[0]! : { ...parts[0]!, facts: parts.flatMap((p) => p.facts) };
    return { doc, parts };
  });
}

/** Reports that record the visit of their day (an evaluation is the day's treatment record). */
const VISIT_REPORTS = new Set(['evaluation', 're-evaluation']);

/** A record made only of minutes and codes (a flowsheet column): no intervention of its own. */
function withoutInterventions(parts: readonly EpisodeDocument[]): boolean {
  return parts.every((p) => !hasFactOfKind(p, 'intervention'));
}

/** Consecutive notes with identical intervention text that count as cloned (rules.md). */
const CLONE_RUN = 3;

/**
 * Elements (1)-(4) of BPM §220.3.E missing from a treatment note, and the recommended (5). The
 * time and the signature are kept apart: DOC-DAILY-TIME and DOC-SIGNED may own them.
 */
export function missingNoteElements(
  doc: EpisodeDocument,
  opts: { programDay: boolean; recommended: boolean },
): {
  required: string[];
  recommended: string[];
  time: boolean;
  signature: 'signature' | 'credentials' | null;
} {
  const required: string[] = [];
  if (!hasIntervention(doc) && !hasSectionNamed(doc, 'interventions'))
    required.push('the interventions furnished');
  // For 97545 the work-simulation activities need their parameters (loads, reps, distances).
  else if (opts.programDay && !hasMeasuredIntervention(doc)) {
    required.push(
      'parameters of the work-conditioning activities (loads, reps, distances, durations)',
    );
  }
  const timed =
    hasFactOfKind(doc, 'total-minutes') ||
    hasFactOfKind(doc, 'timed-minutes') ||
    (hasFactOfKind(doc, 'time-in') && hasFactOfKind(doc, 'time-out'));
  const recommended =
    opts.recommended &&
    !hasSectionNamed(doc, 'patient-response') &&
    !hasSectionNamed(doc, 'assessment')
      ? ['patient response / tolerance']
      : [];
  return { required, recommended, time: !timed, signature: signatureGap(doc) };
}

const SIGNATURE_GAP = {
  signature: 'signature',
  credentials: 'professional identification (credentials)',
} as const;

/** Any intervention fact, blank or not (as `factsOf` counts them). */
function hasIntervention(doc: EpisodeDocument): boolean {
  return firstFact(doc, 'intervention') !== undefined;
}

function hasMeasuredIntervention(doc: EpisodeDocument): boolean {
  for (const f of doc.facts) if (f.kind === 'intervention' && isMeasurableGoal(f)) return true;
  return false;
}

function interventionKey(doc: EpisodeDocument): string {
  const texts: string[] = [];
  for (const f of doc.facts)
    if (f.kind === 'intervention') texts.push(f.value.trim().toLowerCase());
  return texts.length === 1 ? texts[0]! : texts.sort().join('\n');
}

/**
 * Runs of CLONE_RUN or more consecutive dated notes with interventions whose intervention text is
 * identical, one warning each. Each note's text key is built once.
 */
function pushClonedRuns(notes: readonly EpisodeDocument[], findings: RuleFinding[]): void {
  let run: EpisodeDocument[] = [];
  let runKey = '';
  for (const n of notes) {
    if (!docDate(n) || !hasIntervention(n)) continue;
    const key = interventionKey(n);
    if (run.length && key !== runKey) {
      pushCloneFinding(run, findings);
      run = [];
    }
    run.push(n);
    runKey = key;
  }
  pushCloneFinding(run, findings);
}

function pushCloneFinding(run: readonly EpisodeDocument[], findings: RuleFinding[]): void {
  if (run.length < CLONE_RUN) return;
  const dates = run.map((n) => docDate(n) as IsoDate);
  findings.push({
    status: 'fail',
    severity: 'warning',
    message: `Treatment notes ${dates[0]} through ${dates[dates.length - 1]} (${run.length} consecutive notes) repeat identical intervention text, which reads as cloned documentation.`,
    dates,
    evidence: run.map((n) => evidenceFromDocument(n, ['intervention'])),
  });
}

const ID = 'DOC-DAILY-CONTENT';

/**
 * A note that gives its own minutes for every service billed on its date ("97110 Therapeutic
 * exercise ×2 — 27 min", "97530 ×1 — 14 min") records its treatment time: the total is their sum.
 */
function minutesForEveryBilledService(
  doc: EpisodeDocument,
  billing: readonly EpisodeBillingLine[],
  date: IsoDate,
): boolean {
  const codes = new Set(billing.filter((l) => l.dos === date).map((l) => l.code));
  if (codes.size === 0) return false;
  const timed = new Set(
    doc.facts.filter((f) => f.kind === 'service-minutes').map((f) => f.detail?.code),
  );
  return [...codes].every((c) => timed.has(c));
}

export const docDailyContent: Rule = {
  meta: {
    id: ID,
    title: 'Treatment note content',
    group: 'documentation',
    source:
      'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.E (treatment note elements)',
    sources: [
      {
        text: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.E (treatment note elements)',
        payers: ['medicare'],
      },
    ],
    severity: 'error',
    payers: ['ALL'],
    decided: [
      "A visit recorded in two documents of one discipline on one date (a hospital's narrative note and its flowsheet column of minutes, codes and the user who filed it; a flowsheet column on an evaluation's day with the evaluation) is judged as one record: an element either holds counts. Notes of two disciplines on a date are judged apart.",
      'A note without a total that gives its own minutes for every service billed on its date records its treatment time: the total is their sum (an untimed service billed without minutes leaves the total unknown, and the note is reported).',
      "One defect, one finding: a treatment note's missing signature or credentials is DOC-SIGNED's finding, and its missing minutes on a billed date DOC-DAILY-TIME's, where the payer applies those rules; this rule refers to them and reports the other elements. Credentials missing from a note are then a warning, as DOC-SIGNED grades them.",
    ],
  },
  check(episode, profile) {
    const notes = docsOfOneType(episode, 'daily-note');
    if (notes.length === 0) return [];
    const days = visitRecords(notes, episode.documents);
    const programDates = programDatesView(episode);
    const recommended =
      episode.payer.kind === 'workers-comp' || episode.payer.kind === 'commercial';
    const withoutMinutes = datesWithoutMinutes(episode, profile);
    const findings: RuleFinding[] = [];
    const referrals: RuleFinding[] = [];
    const complete: EpisodeDocument[] = [];
    for (const { doc, parts } of days) {
      const date = docDate(doc);
      if (!date) {
        findings.push({
          status: 'warn',
          message: `A treatment note ("${doc.title}") has no readable date of service; its content cannot be tied to a billed date.`,
          dates: [],
          evidence: [evidenceFromDocument(doc)],
        });
        continue;
      }
      const programDay =
        programDates.includes(date) ||
        (programDates.length === 0 && hasFactOfKind(doc, 'program-type'));
      const gaps = missingNoteElements(doc, { programDay, recommended });
      const required = gaps.required;
      const evidence = parts.map((p) => evidenceFromDocument(p));
      // The time and the signature are reported by their owners where the payer applies them
      // (lib/owners.ts): this rule refers to those findings and reports the rest.
      const owned: Array<[owner: string, element: string]> = [];
      if (gaps.time && !minutesForEveryBilledService(doc, episode.billing, date)) {
        const owner = withoutMinutes.has(date) ? ownerElsewhere('note-minutes', ID, profile) : null;
        if (owner) owned.push([owner, 'total treatment time']);
        else required.push('total treatment time');
      }
      if (gaps.signature) {
        const owner = ownerElsewhere('signature', ID, profile);
        if (owner) owned.push([owner, SIGNATURE_GAP[gaps.signature]]);
        else required.push(SIGNATURE_GAP[gaps.signature]);
      }
      for (const [owner, element] of owned)
        referrals.push(
          referral(
            owner,
            [date],
            `Treatment note ${date} is missing ${element}.`,
            evidence.slice(),
          ),
        );
      const rec = gaps.recommended;
      if (required.length === 0 && rec.length === 0) {
        if (owned.length === 0) complete.push(doc);
        continue;
      }
      const message = `Treatment note ${date} is missing ${listText(required.concat(rec))}.`;
      // Only recommended elements missing: a warning. Written out rather than spread into the
      // literal, which builds the finding property by property.
      findings.push(
        required.length === 0
          ? { status: 'fail', severity: 'warning', message, dates: [date], evidence }
          : { status: 'fail', message, dates: [date], evidence },
      );
    }
    // Cloned notes: identical intervention text on 3+ consecutive notes (warning).
    pushClonedRuns(notes, findings);
    if (findings.length) return findings.concat(referrals);
    if (complete.length === 0) return referrals;
    return [
      {
        status: 'pass',
        message:
          complete.length === notes.length
            ? `All ${notes.length} treatment notes record the interventions, treatment time and a credentialed signature.`
            : `${complete.length} of ${notes.length} treatment notes record the interventions, treatment time and a credentialed signature; what the others lack is reported under the rules named beside them.`,
        dates: complete.map(docDate).filter((d): d is IsoDate => !!d),
        evidence: complete.map((n) => evidenceFromDocument(n)),
      },
      ...referrals,
    ];
  },
};
