import type { EpisodeModel } from '../../../../../shared/episode';
import type { Evidence, IsoDate, Severity } from '../../../../../shared/model';
import { evidenceFromDocument, evidenceFromFact } from '../../lib/evidence';
import {
  daysBetween,
  docDate,
  firstEvidenceForDay,
  isWorkProgram,
  treatmentDaysView,
  uniqueSorted,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';
import { foldedWords, payerNameKey } from '../../../store/payer-list';

/** Parties a WC program keeps informed (28 TAC §134.230: employee, employer and carrier in RTW planning). */
const PARTIES = [
  { label: 'adjuster', values: ['adjuster', 'case-manager'] },
  { label: 'physician', values: ['physician'] },
  { label: 'employer', values: ['employer'] },
] as const;

/** One documented contact: its date, who it reached, where it is written. */
interface Contact {
  date: IsoDate;
  parties: readonly string[];
  evidence: Evidence;
}

/**
 * Every contact the record documents: each communication document (a letter, a fax, a call note)
 * on its date, and each contact written anywhere (a log entry with its own date, "Spoke w/ adj"
 * in a daily note, "cc: adjuster" under a report) on its own date or its document's. In date order.
 */
function contactsOf(episode: EpisodeModel): Contact[] {
  const contacts: Contact[] = [];
  const carrier = carrierKey(episode);
  for (const doc of episode.documents) {
    const date = docDate(doc);
    // A log whose entries carry their own dates is dated entry by entry (below): its parties
    // are not all contacted on the log's own date.
    const dated = doc.facts.some((f) => f.kind === 'communication' && f.detail?.date);
    if (doc.type === 'communication' && date && !dated) {
      const parties: string[] = [];
      for (const f of doc.facts) if (f.kind === 'communication-party') parties.push(f.value);
      contacts.push({
        date,
        parties,
        evidence: evidenceFromDocument(doc, ['communication-party', 'document-date']),
      });
    }
    for (const f of doc.facts) {
      if (f.kind !== 'communication') continue;
      const when = f.detail?.date ?? date;
      if (!when) continue;
      const parties = f.detail?.parties ?? f.value.split(',');
      // "faxed to ... D. Pelletier, Granite Ridge Mutual": the claim's carrier, by name, is its
      // adjuster.
      const named =
        carrier &&
        !parties.includes('adjuster') &&
        ` ${foldedWords(f.provenance.quote)} `.includes(carrier);
      contacts.push({
        date: when,
        parties: named ? [...parties, 'adjuster'] : parties,
        evidence: evidenceFromFact(f),
      });
    }
  }
  return contacts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The workers' compensation payer's name as a contact would write it ("granite ridge mutual"),
 * when it is distinctive enough to stand for the carrier (two words or more).
 */
function carrierKey(episode: EpisodeModel): string | null {
  if (episode.payer.kind !== 'workers-comp') return null;
  const key = payerNameKey(episode.payer.name);
  return key.split(' ').length >= 2 ? ` ${key} ` : null;
}

export const docCommunication: Rule = {
  meta: {
    id: 'DOC-COMMUNICATION',
    title: 'Communication with adjuster, physician and employer',
    group: 'documentation',
    source:
      '28 Texas Administrative Code §134.230 (return-to-work planning with employee, employer and carrier)',
    sources: [
      {
        text: '28 Texas Administrative Code §134.230 (return-to-work planning with employee, employer and carrier)',
        states: ['TX'],
      },
    ],
    severity: 'warning',
    payers: ['WC'],
    unverified: ['Communication cadence default (14 days, payer-configurable)'],
    decided: [
      "Under a workers' compensation claim the work status at discharge must reach the payer's side (the adjuster or a nurse case manager): the catalog names the carrier among the parties of return-to-work planning, and a discharge faxed only to the physician leaves the claim's handler uninformed. A contact counts for the adjuster when it names the adjuster or case manager, a workers' compensation administrator, or the claim's own carrier by name (\"D. Pelletier, Granite Ridge Mutual\").",
      "A communication log whose entries carry their own dates is read entry by entry: a party its entries reached on 10/05 is not counted as contacted on the log's print date.",
      "Employer contact is asked of work programs only: the catalog's source for it is return-to-work planning in a program (28 TAC §134.230). Ordinary therapy under a workers' compensation claim must reach the adjuster and the physician at the catalog's cadence (one outbound contact per reporting period and one at discharge); the pass names the parties it checked.",
    ],
  },
  check(episode, profile) {
    const kind = episode.payer.kind;
    if (kind !== 'workers-comp' && !isWorkProgram(episode)) {
      return [
        {
          status: 'n/a',
          message:
            'Communication with the adjuster and employer is checked for workers’ compensation and work programs.',
          dates: [],
          evidence: [],
        },
      ];
    }
    const severity: Severity = kind === 'workers-comp' ? 'warning' : 'info';
    const days = treatmentDaysView(episode);
    if (days.length === 0) return [];
    const comms = contactsOf(episode);
    const findings: RuleFinding[] = [];
    const every = profile.thresholds.communicationEveryDays;
    const first = days[0]!.date;

    // Periodic: at least one outbound communication every `every` days while treatment goes on.
    let anchor = first;
    let k = 0;
    for (let i = 0; i < days.length; i++) {
      const day = days[i]!;
      while (k < comms.length && comms[k]!.date <= day.date) {
        if (comms[k]!.date > anchor) anchor = comms[k]!.date;
        k++;
      }
      if (daysBetween(anchor, day.date) < every) continue;
      findings.push({
        status: 'fail',
        severity,
        message: `No documented communication with the adjuster, physician or employer since ${anchor} (${daysBetween(anchor, day.date)} days by ${day.date}).`,
        dates: [day.date],
        evidence: firstEvidenceForDay(day),
      });
      anchor = day.date;
    }

    // Each party hears from the program at least once; an adjuster or case manager only where
    // there is one (a workers' compensation claim), the employer where there is a program to
    // plan the return to work with (§134.230); ordinary therapy under a claim reports to the
    // adjuster and the physician, as the catalog's cadence asks.
    const program = isWorkProgram(episode);
    const required: string[] = [];
    for (const party of PARTIES) {
      if (party.label === 'adjuster' && kind !== 'workers-comp') continue;
      if (party.label === 'employer' && !program) continue;
      required.push(party.label);
      if (comms.some((c) => c.parties.some((p) => (party.values as readonly string[]).includes(p))))
        continue;
      findings.push({
        status: 'fail',
        severity,
        message: `No documented communication with the ${party.label} since the program began on ${first}.`,
        dates: [first],
        evidence: firstEvidenceForDay(days[0]!),
      });
    }

    // Discharge: work status / RTW recommendation sent out.
    if (episode.ended) {
      const last = days[days.length - 1]!;
      const payerSide: readonly string[] = PARTIES.find((p) => p.label === 'adjuster')!.values;
      const told = (c: Contact) =>
        kind === 'workers-comp' ? c.parties.some((p) => payerSide.includes(p)) : true;
      if (!comms.some((c) => c.date >= last.date && told(c))) {
        findings.push({
          status: 'fail',
          severity,
          message:
            kind === 'workers-comp'
              ? `No documented communication of the work status / return-to-work recommendation to the adjuster or case manager at discharge (${last.date}).`
              : `No documented communication of the work status / return-to-work recommendation at discharge (${last.date}).`,
          dates: [last.date],
          evidence: firstEvidenceForDay(last),
        });
      }
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        message: `Communication with the ${required.slice(0, -1).join(', ')}${required.length > 1 ? ' and ' : ''}${required.at(-1) ?? ''} documented (${uniqueSorted(comms.map((c) => c.date)).join(', ')}).`,
        dates: uniqueSorted(comms.map((c) => c.date)),
        evidence: comms.map((c) => c.evidence),
      },
    ];
  },
};
