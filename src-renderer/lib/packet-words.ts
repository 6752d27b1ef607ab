/**
 * How the packet screens name things the user picks or reads: the records response as its
 * Packet type option reads, where a denial code came from, and each claim in the claim list.
 */
import type { ClaimSummary } from '../../shared/api';
import { denialCodeText } from '../../shared/denial-code';

/** The records response as the screen's heading names it: an ADR response for Medicare. */
export function recordsResponseName(payerKind: string): string {
  return payerKind === 'medicare' ? 'Medicare ADR response' : 'Records-request response';
}

/** The Packet type option for the records response, word for word, so advice can name it. */
export function recordsOptionName(payerKind: string): string {
  return `${recordsResponseName(payerKind)} (records only)`;
}

/**
 * Where the packet's denial code came from: the remittance that carried it, named by its kind
 * and date ("from the 835 dated 2026-10-08", "from the FHIR ExplanationOfBenefit"), or the user.
 */
export function denialSourceWords(source: string, remit: ClaimSummary['remit']): string {
  if (source === 'user') return 'entered by you';
  if (source !== 'remit') return source;
  const dated = remit?.date ? ` dated ${remit.date}` : '';
  if (remit?.kind === 'fhir-eob') return `from the FHIR ExplanationOfBenefit${dated}`;
  return remit?.date ? `from the 835${dated}` : "from the claim's 835";
}

/** The remittance kind alone, for the denial field's placeholder ("CO-50 from the 835"). */
export function remitName(remit: ClaimSummary['remit']): string {
  return remit?.kind === 'fhir-eob' ? 'the FHIR ExplanationOfBenefit' : 'the 835';
}

/**
 * A claim in the claim list, short enough not to be cut off in the panel at 1366 wide
 * ("RB26-0817-CHE (unprocessable, MA130)"); the list's tooltip carries the same words.
 */
export function claimOptionLabel(c: ClaimSummary): string {
  if (c.correction) return `${c.claimId} (unprocessable, ${c.correction.remark})`;
  if (c.denial) return `${c.claimId} (denied ${denialCodeText(c.denial)})`;
  return c.claimId;
}
