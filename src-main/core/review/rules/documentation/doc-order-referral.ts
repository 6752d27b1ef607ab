import type { EpisodeModel } from '../../../../../shared/episode';
import type { IsoDate, Severity } from '../../../../../shared/model';
import { evidenceFromDocument, evidenceFromLine } from '../../lib/evidence';
import {
  docDate,
  docsOfOneType,
  docsOfType,
  firstTreatmentDate,
  isIsoDate,
  isWorkProgram,
  mentionsWorkProgram,
  physicianSignature,
  programDatesView,
  signatureStatus,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

/** Date an order was signed or written: physician-signed date, signed date, else its own date. */
function orderDate(doc: Parameters<typeof docDate>[0]): IsoDate | null {
  const f = doc.facts.find(
    (x) => (x.kind === 'physician-signed-date' || x.kind === 'signed-date') && isIsoDate(x.value),
  );
  return f?.value ?? docDate(doc);
}

/**
 * Severity per payer (rules.md DOC-ORDER-REFERRAL): WC error, commercial warning, Medicare info,
 * except when the order is what satisfies the 2025 certification alternative (no physician
 * signature on the plan), where it becomes an error ([S6]).
 */
function severityFor(episode: EpisodeModel): Severity {
  switch (episode.payer.kind) {
    case 'workers-comp':
      return 'error';
    case 'medicare':
      return certifyingDocument(episode) ? 'info' : 'error';
    default:
      return 'warning';
  }
}

/** A plan (or evaluation serving as plan) carrying the physician's dated certification signature. */
function certifyingDocument(episode: EpisodeModel) {
  return (
    docsOfType(episode, 'plan-of-care', 'certification', 'evaluation', 're-evaluation').find(
      (d) => physicianSignature(d) !== null,
    ) ?? null
  );
}

export const docOrderReferral: Rule = {
  meta: {
    id: 'DOC-ORDER-REFERRAL',
    title: 'Signed physician order or referral on or before the first date of service',
    group: 'documentation',
    source:
      'Medicare Program Integrity Manual, Pub. 100-08, Ch. 3, §3.3.2.4 (unsigned orders disregarded); Noridian\'s "Outpatient Therapy Certification Plan of Care" (2025; one Medicare contractor\'s guidance on an order sent to the therapist before treatment)',
    sources: [
      {
        text: 'Medicare Program Integrity Manual, Pub. 100-08, Ch. 3, §3.3.2.4 (unsigned orders disregarded); Noridian\'s "Outpatient Therapy Certification Plan of Care" (2025; one Medicare contractor\'s guidance on an order sent to the therapist before treatment)',
        payers: ['medicare'],
      },
    ],
    severity: 'warning',
    payers: ['ALL'],
    unverified: [
      'WC requirement of a program-specific prescription (payer practice, state-specific)',
    ],
  },
  check(episode) {
    const first = programDatesView(episode)[0] ?? firstTreatmentDate(episode);
    if (!first) return [];
    const severity = severityFor(episode);
    const orders = docsOfOneType(episode, 'physician-order');
    const firstLine = episode.billing.find((l) => l.dos === first);
    const dosEvidence = firstLine ? [evidenceFromLine(firstLine)] : [];
    const program = isWorkProgram(episode);
    const what = program ? 'work conditioning' : 'therapy';
    if (orders.length === 0) {
      // Medicare requires no separate order when the plan of care is certified (rules.md
      // DOC-ORDER-REFERRAL): the certification is the physician's approval, so nothing is missing.
      const cert = episode.payer.kind === 'medicare' ? certifyingDocument(episode) : null;
      if (cert) {
        const sig = physicianSignature(cert)!;
        return [
          {
            status: 'pass',
            message: `No separate order in the chart; none is needed for Medicare because the plan of care is certified (${sig.signer.value}, ${sig.date}).`,
            dates: [sig.date],
            evidence: [evidenceFromDocument(cert, ['physician-signer', 'physician-signed-date'])],
          },
        ];
      }
      return [
        {
          status: 'fail',
          severity,
          message: `No signed referral/order for ${what} dated on or before ${first}.`,
          dates: [first],
          evidence: dosEvidence,
        },
      ];
    }
    const findings: RuleFinding[] = [];
    // WC/commercial carriers want the prescription to name the program itself (rules.md).
    const needsProgram = program && episode.payer.kind !== 'medicare';
    const good = orders.find((o) => {
      const d = orderDate(o);
      return (
        signatureStatus(o).status !== 'unsigned' &&
        !!d &&
        d <= first &&
        (!needsProgram || mentionsWorkProgram(o))
      );
    });
    if (good) {
      return [
        {
          status: 'pass',
          message: `Signed order dated ${orderDate(good)} precedes the first date of service (${first}).`,
          dates: [orderDate(good) as IsoDate],
          evidence: [
            evidenceFromDocument(good, [
              'physician-signer',
              'signer',
              'physician-signed-date',
              'document-date',
            ]),
          ],
        },
      ];
    }
    for (const o of orders) {
      const d = orderDate(o);
      const sig = signatureStatus(o);
      const problems: string[] = [];
      if (sig.status === 'unsigned')
        problems.push('is unsigned, and an unsigned order is disregarded by reviewers');
      if (!d) problems.push('has no readable date');
      else if (d > first) problems.push(`is dated after the first date of service (${first})`);
      if (needsProgram && !mentionsWorkProgram(o))
        problems.push('does not prescribe work conditioning or work hardening');
      if (problems.length === 0) continue;
      findings.push({
        status: !d && problems.length === 1 ? 'warn' : 'fail',
        severity,
        message: `The order${d ? ` dated ${d}` : ''} ${problems.join('; ')}.`,
        dates: d ? [d] : [first],
        evidence: [
          sig.status === 'unsigned' ? sig.evidence : evidenceFromDocument(o),
          ...dosEvidence,
        ],
      });
    }
    return findings;
  },
};
