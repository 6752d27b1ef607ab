import type { EpisodeModel } from '../../../../../shared/episode';
import type { IsoDate, Severity } from '../../../../../shared/model';
import { evidenceFromDocument, evidenceFromLine } from '../../lib/evidence';
import {
  docDate,
  docsOfType,
  firstTreatmentDate,
  isIsoDate,
  isWorkProgram,
  mentionsWorkProgram,
  physicianSignature,
  programDates,
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
    case 'medicare': {
      const certified = docsOfType(
        episode,
        'plan-of-care',
        'certification',
        'evaluation',
        're-evaluation',
      ).some((d) => physicianSignature(d) !== null);
      return certified ? 'info' : 'error';
    }
    default:
      return 'warning';
  }
}

export const docOrderReferral: Rule = {
  meta: {
    id: 'DOC-ORDER-REFERRAL',
    title: 'Signed physician order or referral on or before the first date of service',
    group: 'documentation',
    source:
      'Noridian JE, Outpatient Therapy Certification Plan of Care (2025 order + transmission rule); Medicare Program Integrity Manual, Pub. 100-08, Ch. 3, §3.3.2.4 (unsigned orders disregarded)',
    severity: 'warning',
    payers: ['ALL'],
    unverified: [
      'WC requirement of a program-specific prescription (payer practice, state-specific)',
    ],
  },
  check(episode) {
    const first = programDates(episode)[0] ?? firstTreatmentDate(episode);
    if (!first) return [];
    const severity = severityFor(episode);
    const orders = docsOfType(episode, 'physician-order');
    const firstLine = episode.billing.find((l) => l.dos === first);
    const dosEvidence = firstLine ? [evidenceFromLine(firstLine)] : [];
    const program = isWorkProgram(episode);
    const what = program ? 'work conditioning' : 'therapy';
    if (orders.length === 0) {
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
