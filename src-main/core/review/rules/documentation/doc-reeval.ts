import type { IsoDate } from '../../../../../shared/model';
import {
  evidenceFromDocument,
  evidenceFromFact,
  evidenceFromLine,
  firstFact,
} from '../../lib/evidence';
import {
  REEVALUATION_CODES,
  docDate,
  docsOfOneType,
  hasFact,
  programDatesView,
  uniqueSorted,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

/** Objective re-test code (physical performance test) that counts as interim testing. */
const TEST_CODES = new Set(['97750']);

export const docReeval: Rule = {
  meta: {
    id: 'DOC-REEVAL',
    title: 'Re-evaluation has an indication; program extensions have interim testing',
    group: 'documentation',
    source:
      'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.C (re-evaluation: indications and content)',
    sources: [
      {
        text: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.C (re-evaluation: indications and content)',
        payers: ['medicare'],
      },
    ],
    severity: 'warning',
    payers: ['ALL'],
    unverified: ['Re-evaluation indications list (§220.3.C, not re-read)'],
    decided: [
      'Only a billed re-evaluation is judged where the episode has billing on file: a periodic re-examination billed as the program or treatment visit it was part of (no 97164/97168 line) asks for no indication. Without billing on file, each re-evaluation document is judged.',
    ],
  },
  check(episode) {
    const findings: RuleFinding[] = [];
    const reevalDocs = docsOfOneType(episode, 're-evaluation');
    const billed = episode.billing.filter((l) => REEVALUATION_CODES.has(l.code));
    // Billed re-evaluations need a documented indication (new findings, change in condition,
    // failure to respond); routine re-evaluation before each progress report is not covered.
    // Where the episode's billing is on file and bills no re-evaluation, a re-examination is
    // part of the visit it was done in (a program's periodic "Re-Exam"): nothing was billed for it.
    const dates = uniqueSorted(
      billed.length || episode.billing.length
        ? billed.map((l) => l.dos)
        : reevalDocs.map(docDate).filter((d): d is IsoDate => !!d),
    );
    const ok = [];
    for (const date of dates) {
      const doc = reevalDocs.find((d) => docDate(d) === date);
      const indication = doc ? firstFact(doc, 'reeval-indication') : undefined;
      if (indication) {
        ok.push(evidenceFromFact(indication));
        continue;
      }
      const line = billed.find((l) => l.dos === date);
      findings.push({
        status: 'fail',
        message: doc
          ? `Billed re-evaluation on ${date} has no documented indication (new findings, change in condition or failure to respond).`
          : `Billed re-evaluation on ${date} has no re-evaluation document.`,
        dates: [date],
        evidence: [
          ...(line ? [evidenceFromLine(line)] : []),
          ...(doc ? [evidenceFromDocument(doc)] : []),
        ],
      });
    }
    // WC: an extension request needs interim objective testing (rules.md DOC-REEVAL).
    const firstProgram = programDatesView(episode)[0];
    if (episode.payer.kind === 'workers-comp' && firstProgram) {
      const extensions = docsOfOneType(episode, 'authorization').filter((a) => {
        const d = docDate(a);
        return !!d && d > firstProgram;
      });
      for (const ext of extensions) {
        const extDate = docDate(ext) as IsoDate;
        const tested =
          episode.documents.some((d) => {
            const dd = docDate(d);
            if (!dd || dd < firstProgram || dd > extDate) return false;
            return (
              d.type === 'fce' ||
              d.type === 're-evaluation' ||
              (d.type === 'progress-report' && hasFact(d, 'objective-measure'))
            );
          }) ||
          episode.billing.some(
            (l) => TEST_CODES.has(l.code) && l.dos >= firstProgram && l.dos <= extDate,
          );
        if (tested) continue;
        findings.push({
          status: 'fail',
          message: `Program extension requested on ${extDate} without interim objective testing since the program began on ${firstProgram}.`,
          dates: [extDate],
          evidence: [evidenceFromDocument(ext)],
        });
      }
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        severity: 'info',
        message: dates.length
          ? `Re-evaluation${dates.length > 1 ? 's' : ''} on ${dates.join(', ')} document the indication.`
          : 'No re-evaluation billed and none required.',
        dates,
        evidence: ok,
      },
    ];
  },
};
