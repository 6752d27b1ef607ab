import type { IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument, evidenceFromFact, firstFact } from '../../lib/evidence';
import {
  docDate,
  docsOfType,
  isStructuredPlan,
  plansToJudge,
  signatureStatus,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

const SIGNED_TYPES = [
  'evaluation',
  're-evaluation',
  'plan-of-care',
  'progress-report',
  'daily-note',
  'discharge-summary',
  'physician-order',
] as const;

const LABEL: Record<(typeof SIGNED_TYPES)[number], string> = {
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
    severity: 'error',
    payers: ['ALL'],
  },
  check(episode) {
    // A structured plan (FHIR CarePlan) is checked for a signature only when it is the only plan.
    const judged = new Set(plansToJudge(episode));
    const docs = docsOfType(episode, ...SIGNED_TYPES).filter(
      (d) => !isStructuredPlan(d) || judged.has(d),
    );
    if (docs.length === 0) return [];
    const findings: RuleFinding[] = [];
    const signed = [];
    for (const doc of docs) {
      const sig = signatureStatus(doc);
      const date = docDate(doc);
      const what = `${LABEL[doc.type as (typeof SIGNED_TYPES)[number]]}${date ? ` dated ${date}` : ` "${doc.title}" (undated)`}`;
      // PIM §3.3.2.4: a record entry can be cured by the author's signed attestation; an order
      // cannot (the reviewer disregards it).
      const cure =
        doc.type === 'physician-order'
          ? 'an unsigned order cannot be cured by attestation'
          : 'cure with a signed, dated attestation by the author identifying the beneficiary';
      // A stamped signature is not accepted: the entry counts as unsigned.
      const stamp = firstFact(doc, 'signature-stamped');
      if (stamp) {
        findings.push({
          status: 'fail',
          message: `${what} is signed with a stamp, which is not accepted and counts as unsigned; ${cure}.`,
          dates: date ? [date] : [],
          evidence: [evidenceFromFact(stamp)],
        });
        continue;
      }
      if (sig.status === 'signed') {
        signed.push(sig.evidence);
        continue;
      }
      if (sig.status === 'unsigned') {
        findings.push({
          status: 'fail',
          message: `${what} is unsigned; ${cure}.`,
          dates: date ? [date] : [],
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
        message: `${what} is signed without ${parts.join(' or ')}.`,
        dates: date ? [date] : [],
        evidence: [sig.evidence],
      });
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        message: `All ${docs.length} evaluations, plans, notes, reports and orders are signed with credentials and a date.`,
        dates: docs.map(docDate).filter((d): d is IsoDate => !!d),
        evidence: signed.length ? signed : docs.map((d) => evidenceFromDocument(d)),
      },
    ];
  },
};
