/**
 * An 835 claim as a reviewer reads it: the claim, each service line and its adjustments and
 * remarks in words, so evidence cited to a segment of a remittance file opens to something
 * readable instead of raw X12.
 */
import type { Adjustment, RemitClaim, RemitService } from '../../../shared/model';
import { ROUTINE_CARCS } from '../domain/carc';
import { lineQuote } from '../episodes/build';
import { templateForCarc } from '../packet/denial-templates';

/** CLP02 claim status codes (X12 835). */
const CLAIM_STATUS: Readonly<Record<string, string>> = {
  '1': 'processed as primary',
  '2': 'processed as secondary',
  '3': 'processed as tertiary',
  '4': 'denied',
  '19': 'processed as primary, forwarded to another payer',
  '20': 'processed as secondary, forwarded to another payer',
  '21': 'processed as tertiary, forwarded to another payer',
  '22': 'reversal of a previous payment',
  '23': 'not our claim, forwarded to another payer',
};

/** CAS01 claim adjustment group codes. */
const GROUP: Readonly<Record<string, string>> = {
  CO: 'contractual obligation',
  PR: 'patient responsibility',
  OA: 'other adjustment',
  PI: 'payer initiated reduction',
  CR: 'correction or reversal',
};

/** RARCs whose meaning changes what the clinic does next. */
const REMARKS: Readonly<Record<string, string>> = {
  MA130: 'the claim is unprocessable and has no appeal rights: correct it and submit it again',
};

const money = (n: number) => n.toFixed(2);

function carcWords(carc: string): string {
  const routine = ROUTINE_CARCS[carc];
  if (routine) return routine;
  const { template, known } = templateForCarc(carc);
  return known ? template.meaning : 'see the CARC list for this code';
}

function adjustmentLine(a: Adjustment): string {
  const group = GROUP[a.group] ?? a.group;
  return `${a.group}-${a.carc} ${money(a.amount)} (${group}): ${carcWords(a.carc)}`;
}

function remarkLine(code: string): string {
  return `remark ${code}${REMARKS[code] ? `: ${REMARKS[code]}` : ''}`;
}

function serviceLines(claim: RemitClaim, s: RemitService): string[] {
  const out = [
    `${lineQuote('remit', s.segment, s.dos ?? claim.periodStart ?? '', s.code, s.modifiers, s.units, claim.claimId)}`,
    `    charged ${money(s.charge)}, paid ${money(s.paid)}`,
  ];
  for (const a of s.adjustments) out.push(`    ${adjustmentLine(a)}`);
  for (const r of s.remarks) out.push(`    ${remarkLine(r)}`);
  return out;
}

/** The claim and its service lines in words; the service lines read as findings quote them. */
export function remitClaimInWords(file: string, claim: RemitClaim): string {
  const status = CLAIM_STATUS[claim.status] ?? `status code ${claim.status}`;
  const lines = [
    `Remittance advice (835) read from ${file}`,
    '',
    `Claim ${claim.claimId} (segment ${claim.segment}): ${status}; charged ${money(claim.charge)}, paid ${money(claim.paid)}, patient responsibility ${money(claim.patientResponsibility)}`,
  ];
  if (claim.payerName) lines.push(`  Payer: ${claim.payerName}`);
  if (claim.payerClaimNumber) lines.push(`  Payer claim number: ${claim.payerClaimNumber}`);
  if (claim.patientName) lines.push(`  Patient: ${claim.patientName}`);
  for (const a of claim.adjustments) lines.push(`  Claim adjustment ${adjustmentLine(a)}`);
  for (const r of claim.remarks) lines.push(`  Claim ${remarkLine(r)}`);
  lines.push('', 'Service lines (segment: date code-modifiers x units):');
  for (const s of claim.services) lines.push(...serviceLines(claim, s));
  return lines.join('\n');
}
