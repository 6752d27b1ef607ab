import type { EpisodeDocument } from '../../../../../shared/episode';
import type { IsoDate, Severity } from '../../../../../shared/model';
import { evidenceFromDocument } from '../../lib/evidence';
import {
  daysBetween,
  docDate,
  docsOfOneType,
  firstEvidenceForDay,
  isWorkProgram,
  treatmentDaysView,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

/** Parties a WC program keeps informed (28 TAC §134.230: employee, employer and carrier in RTW planning). */
const PARTIES = [
  { label: 'adjuster', values: ['adjuster', 'case-manager'] },
  { label: 'physician', values: ['physician'] },
  { label: 'employer', values: ['employer'] },
] as const;

/** A communication-party fact of the document names one of `values`. */
function namesParty(doc: EpisodeDocument, values: readonly string[]): boolean {
  for (const f of doc.facts) {
    if (f.kind === 'communication-party' && values.includes(f.value)) return true;
  }
  return false;
}

export const docCommunication: Rule = {
  meta: {
    id: 'DOC-COMMUNICATION',
    title: 'Communication with adjuster, physician and employer',
    group: 'documentation',
    source:
      '28 Texas Administrative Code §134.230 (return-to-work planning with employee, employer and carrier)',
    severity: 'warning',
    payers: ['WC'],
    unverified: ['Communication cadence default (14 days, payer-configurable)'],
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
    const comms = docsOfOneType(episode, 'communication')
      .map((doc) => ({ doc, date: docDate(doc) }))
      .filter((c): c is { doc: EpisodeDocument; date: IsoDate } => !!c.date)
      .sort((a, b) => (a.date < b.date ? -1 : 1));
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

    // Each party hears from the program at least once.
    for (const party of PARTIES) {
      if (comms.some((c) => namesParty(c.doc, party.values))) continue;
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
      if (!comms.some((c) => c.date >= last.date)) {
        findings.push({
          status: 'fail',
          severity,
          message: `No documented communication of the work status / return-to-work recommendation at discharge (${last.date}).`,
          dates: [last.date],
          evidence: firstEvidenceForDay(last),
        });
      }
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        message: `Communication with the adjuster, physician and employer documented (${comms.map((c) => c.date).join(', ')}).`,
        dates: comms.map((c) => c.date),
        evidence: comms.map((c) =>
          evidenceFromDocument(c.doc, ['communication-party', 'document-date']),
        ),
      },
    ];
  },
};
