import type { EpisodeSummary } from '../../../shared/api';
import type { EpisodeModel } from '../../../shared/episode';
import type { ReviewedEpisode } from '../../../shared/review';
import { countFindings, countVisits } from '../review/format/report';
import { claimDenial } from './denials';

/** An episode's row in the app's list, made while its model is at hand and stored with its review. */
export function summarizeEpisode(m: EpisodeModel, reviewed: ReviewedEpisode): EpisodeSummary {
  const c = countFindings(reviewed.findings);
  return {
    id: m.id,
    patientName: m.patient.name,
    mrn: m.patient.mrn,
    dob: m.patient.dob,
    payerName: m.payer.name,
    payerKind: m.payer.kind,
    payerBasis: reviewed.payer.basis ?? m.payer.basis,
    profile: reviewed.profile ?? '',
    ...(reviewed.profileSource ? { profileSource: reviewed.profileSource } : {}),
    start: m.start,
    end: m.end,
    visits: countVisits(m),
    errors: c.errors,
    warnings: c.warnings,
    claims: m.claims.map((x) => x.claimId),
    deniedClaims: m.claims.filter((x) => claimDenial(x) !== null).length,
    clinicians: signers(m),
    rules: [
      ...new Set(
        reviewed.findings
          .filter((f) => f.status === 'fail' || f.status === 'warn')
          .map((f) => f.rule),
      ),
    ],
  };
}

/** The names that signed the episode's documents, each once, in order of first signature. */
export function signers(m: EpisodeModel): string[] {
  const names = new Set<string>();
  for (const d of m.documents) for (const f of d.facts) if (f.kind === 'signer') names.add(f.value);
  return [...names];
}
