import type { IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument } from '../../lib/evidence';
import {
  authorKind,
  docDate,
  docsOfOneType,
  docsOfType,
  evidenceForDay,
  hasFact,
  hasSection,
  isWorkProgram,
  treatmentDaysView,
} from '../../lib/documents';
import { ELEMENTS, missingElementsFinding, type MissingElement } from '../../lib/elements';
import type { Rule } from '../../types';

export const docDischarge: Rule = {
  meta: {
    id: 'DOC-DISCHARGE',
    title: 'Discharge summary for a completed episode',
    group: 'documentation',
    source:
      'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3 (Discharge Note: a progress report by the clinician covering the last progress report to discharge)',
    sources: [
      {
        text: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3 (Discharge Note: a progress report by the clinician covering the last progress report to discharge)',
        payers: ['medicare'],
      },
    ],
    severity: 'warning',
    payers: ['ALL'],
  },
  check(episode) {
    if (!episode.ended) {
      return [
        {
          status: 'n/a',
          message: 'The episode has not ended, so no discharge summary is due yet.',
          dates: [],
          evidence: [],
        },
      ];
    }
    const days = treatmentDaysView(episode);
    const lastDay = days[days.length - 1];
    const end = lastDay?.date ?? episode.end;
    const summaries = docsOfOneType(episode, 'discharge-summary');
    if (summaries.length === 0) {
      // Medicare: error when the last period has no progress report either, i.e. treatment days
      // after the last clinician report go undocumented as to progress (rules.md DOC-DISCHARGE).
      const reports = docsOfType(episode, 'progress-report', 're-evaluation')
        .filter((d) => authorKind(d) !== 'assistant')
        .map(docDate)
        .filter((d): d is IsoDate => !!d)
        .sort();
      const lastReport = reports[reports.length - 1];
      const uncovered = days.some((d) => !lastReport || d.date > lastReport);
      return [
        {
          status: 'fail',
          ...(episode.payer.kind === 'medicare' && uncovered ? { severity: 'error' as const } : {}),
          message: `No discharge summary for episode ending ${end}${lastReport ? ` (last progress report ${lastReport})` : ' (and no progress report)'}.`,
          dates: [end],
          evidence: lastDay ? evidenceForDay(lastDay) : [],
        },
      ];
    }
    const doc = summaries[summaries.length - 1]!;
    const date = docDate(doc);
    const missing: MissingElement[] = [];
    if (authorKind(doc) === 'assistant') missing.push(ELEMENTS.clinicianAuthor);
    if (!hasFact(doc, 'goal-assessment') && !hasSection(doc, 'goals'))
      missing.push(ELEMENTS.goalStatus);
    // A "Functional status:" statement is the functional status at discharge, as measures are.
    if (
      !hasFact(doc, 'objective-measure') &&
      !hasSection(doc, 'objective', 'functional-limitations')
    )
      missing.push(ELEMENTS.functionalStatus);
    if (!hasFact(doc, 'discharge-reason')) missing.push(ELEMENTS.dischargeReason);
    if (isWorkProgram(episode)) {
      if (!hasSection(doc, 'job-demands') && !hasFact(doc, 'physical-demand-level')) {
        missing.push(ELEMENTS.finalTesting);
      }
      if (!hasFact(doc, 'rtw-status')) missing.push(ELEMENTS.rtwRecommendation);
    }
    if (missing.length) {
      const what = `Discharge summary${date ? ` dated ${date}` : ''}`;
      return [missingElementsFinding(doc, what, missing, date ? [date] : [end])];
    }
    return [
      {
        status: 'pass',
        message: `Discharge summary${date ? ` dated ${date}` : ''} documents goal status, functional status at discharge and the reason for discharge.`,
        dates: date ? [date] : [],
        evidence: [evidenceFromDocument(doc, ['signer', 'document-date'])],
      },
    ];
  },
};
