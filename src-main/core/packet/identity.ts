/** Identifiers printed on the letter, the cover sheet and every page stamp. */
import type { EpisodeBillingLine, EpisodeModel } from '../../../shared/episode';
import { dateRange, usDate } from './format';
import type { PacketPlan } from './types';

export interface PacketIdentity {
  patientName: string;
  dob: string;
  memberId: string | null;
  /**
   * The claim number(s) for every page's header: the claim's, else the episode's claims (never
   * the app's own episode id, which means nothing to a payer); empty when none is on file.
   */
  claimLabel: string;
  claimNumber: string | null;
  /** The claim numbers of the whole episode, when the packet covers it. */
  episodeClaimNumbers: string[];
  payerClaimNumber: string | null;
  payerName: string;
  dosRange: string;
  /** `09/14/2026: 97545 x1, 97546-GP x2`. */
  servicesAtIssue: string[];
}

function lineCode(l: EpisodeBillingLine): string {
  return `${l.code}${l.modifiers.length ? '-' + l.modifiers.join('-') : ''} x${l.units}`;
}

export function servicesByDate(lines: EpisodeBillingLine[]): string[] {
  const byDate = new Map<string, string[]>();
  for (const l of lines) byDate.set(l.dos, [...(byDate.get(l.dos) ?? []), lineCode(l)]);
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([d, codes]) => `${usDate(d)}: ${codes.join(', ')}`);
}

/** `Claims A, B, C`; a long list is shortened to fit a page header. */
function claimsLabel(ids: string[]): string {
  if (ids.length === 0) return '';
  if (ids.length === 1) return `Claim ${ids[0]}`;
  if (ids.length <= 3) return `Claims ${ids.join(', ')}`;
  return `Claims ${ids[0]} to ${ids[ids.length - 1]} (${ids.length})`;
}

export function packetIdentity(episode: EpisodeModel, plan: PacketPlan): PacketIdentity {
  const claim = plan.claimId
    ? (episode.claims.find((c) => c.claimId === plan.claimId) ?? null)
    : null;
  const remit = claim?.remit ?? null;
  const episodeClaims = episode.claims.map((c) => c.claimId);
  return {
    patientName: episode.patient.name,
    dob: episode.patient.dob ? usDate(episode.patient.dob) : 'not on file',
    memberId: remit?.memberId ?? null,
    claimLabel: plan.claimId ? `Claim ${plan.claimId}` : claimsLabel(episodeClaims),
    claimNumber: plan.claimId,
    episodeClaimNumbers: plan.claimId ? [] : episodeClaims,
    payerClaimNumber: remit?.payerClaimNumber ?? null,
    payerName: remit?.payerName ?? episode.payer.name,
    dosRange: dateRange(
      plan.datesAtIssue.length ? plan.datesAtIssue : [episode.start, episode.end],
    ),
    servicesAtIssue: servicesByDate(plan.linesAtIssue),
  };
}
