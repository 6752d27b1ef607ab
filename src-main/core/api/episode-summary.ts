import type { EpisodeSummary } from '../../../shared/api';
import type { EpisodeModel } from '../../../shared/episode';
import type { ReviewedEpisode } from '../../../shared/review';
import { countFindings, countVisits } from '../review/format/report';
import { claimDenial } from './denials';
import { unprocessableRemark } from './corrected-claim';
import { episodeClinicians } from './episode-clinicians';

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
    ...claimOutcomes(m),
    clinicians: episodeClinicians(m),
    rules: [
      ...new Set(
        reviewed.findings
          .filter((f) => f.status === 'fail' || f.status === 'warn')
          .map((f) => f.rule),
      ),
    ],
  };
}

/**
 * Denied claims and claims returned as unprocessable (CO-4 with MA130), counted apart as the
 * episode page names them: an unprocessable claim has no appeal rights and is not a denial.
 */
function claimOutcomes(m: EpisodeModel): { deniedClaims: number; unprocessableClaims: number } {
  let deniedClaims = 0;
  let unprocessableClaims = 0;
  for (const claim of m.claims) {
    const denial = claimDenial(claim);
    if (!denial) continue;
    if (unprocessableRemark(denial.remarks)) unprocessableClaims++;
    else deniedClaims++;
  }
  return { deniedClaims, unprocessableClaims };
}
