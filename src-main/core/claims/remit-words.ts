/**
 * An 835 claim (or a FHIR ExplanationOfBenefit, read the same way) as a reviewer reads it: the
 * claim, each service line and its adjustments and remarks in words, so evidence cited to a
 * segment of a remittance file or an item of a bundle opens to something readable instead of raw
 * X12 or JSON.
 */
import type { Adjustment, RemitClaim, RemitService } from '../../../shared/model';
import { ROUTINE_CARCS } from '../domain/carc';
import { lineQuote } from '../episodes/build';
import { templateForCarc } from '../packet/denial-templates';
import { denialCodeText } from '../../../shared/denial-code';

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
  return `${denialCodeText(a)} ${money(a.amount)} (${group}): ${carcWords(a.carc)}`;
}

function remarkLine(code: string): string {
  return `remark ${code}${REMARKS[code] ? `: ${REMARKS[code]}` : ''}`;
}

/**
 * A remittance file that is a FHIR bundle (JSON), whose ExplanationOfBenefit numbers items, not
 * X12 segments. An 835 is never JSON.
 */
export function isBundleFile(file: string): boolean {
  return /\.(json|ndjson)$/i.test(file.split('#')[0]!);
}

/** A remit line's quote as an EOB item: "item 1: ..." where an 835's would read "segment 1: ...". */
export function bundleItemQuote(quote: string): string {
  return quote.replace(/^segment (\d+): /, 'item $1: ');
}

function serviceLines(claim: RemitClaim, s: RemitService, where: Where): string[] {
  const quote = lineQuote(
    'remit',
    s.segment,
    s.dos ?? claim.periodStart ?? '',
    s.code,
    s.modifiers,
    s.units,
    claim.claimId,
  );
  const out = [
    where === 'segment' ? quote : bundleItemQuote(quote),
    `    charged ${money(s.charge)}, paid ${money(s.paid)}`,
  ];
  for (const a of s.adjustments) out.push(`    ${adjustmentLine(a)}`);
  for (const r of s.remarks) out.push(`    ${remarkLine(r)}`);
  return out;
}

/** The claim and its service lines in words; the service lines read as findings quote them. */
export function remitClaimInWords(file: string, claim: RemitClaim): string {
  return [`Remittance advice (835) read from ${file}`, '', ...claimLines(claim, 'segment')].join(
    '\n',
  );
}

/**
 * The ExplanationOfBenefit resources of a FHIR bundle that have an item numbered `item`, each in
 * words as an 835 claim is: an EOB numbers its items from 1, so the item a finding cites is told
 * apart by its claim and date, which its quote carries and the viewer highlights.
 */
export function bundleClaimsInWords(
  file: string,
  claims: readonly RemitClaim[],
  item: number,
): string | null {
  const citing = claims.filter((c) => c.services.some((s) => s.segment === item));
  if (citing.length === 0) return null;
  return [
    `Explanations of benefit read from ${file} (FHIR ExplanationOfBenefit resources with an item ${item})`,
    ...citing.flatMap((c) => ['', ...claimLines(c, 'bundle entry')]),
  ].join('\n');
}

type Where = 'segment' | 'bundle entry';

function claimLines(claim: RemitClaim, where: Where): string[] {
  const status = CLAIM_STATUS[claim.status] ?? `status code ${claim.status}`;
  const lines = [
    `Claim ${claim.claimId} (${where} ${claim.segment}): ${status}; charged ${money(claim.charge)}, paid ${money(claim.paid)}, patient responsibility ${money(claim.patientResponsibility)}`,
  ];
  if (claim.payerName) lines.push(`  Payer: ${claim.payerName}`);
  if (claim.payerClaimNumber) lines.push(`  Payer claim number: ${claim.payerClaimNumber}`);
  if (claim.patientName) lines.push(`  Patient: ${claim.patientName}`);
  for (const a of claim.adjustments) lines.push(`  Claim adjustment ${adjustmentLine(a)}`);
  for (const r of claim.remarks) lines.push(`  Claim ${remarkLine(r)}`);
  lines.push(
    '',
    where === 'segment'
      ? 'Service lines (segment: date code-modifiers x units):'
      : 'Items (item: date code-modifiers x units):',
  );
  for (const s of claim.services) lines.push(...serviceLines(claim, s, where));
  return lines;
}
