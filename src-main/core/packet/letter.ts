/**
 * The appeal cover letter and the ADR cover sheet, as layout blocks. Content follows rules.md
 * section 5 ("every appeal letter: identify patient, claim number, DOS, codes/units, denial code;
 * state the disagreement; map each element to page numbers") and 42 CFR 405.944(b) for Medicare
 * redeterminations (beneficiary, Medicare number, services and dates, party) [S32].
 */
import { format, parseISO } from 'date-fns';
import type { EpisodeModel } from '../../../shared/episode';
import type { ClinicSettings } from '../../../shared/settings';
import type { ArgumentParagraph, Segment } from './arguments';
import { citationText, type ExhibitPlacement } from './citations';
import { lineWords } from './confirmed-lines';
import type { DenialTemplate } from './denial-templates';
import { listWords } from './format';
import type { PacketIdentity } from './identity';
import { placeholder, settingOrPlaceholder } from './settings-check';
import type { Block, Run } from './text-layout';
import type { PacketPlan } from './types';
import { denialCodeText } from '../../../shared/denial-code';

export interface LetterContext {
  episode: EpisodeModel;
  plan: PacketPlan;
  template: DenialTemplate;
  paragraphs: ArgumentParagraph[];
  settings: ClinicSettings;
  identity: PacketIdentity;
  today: string;
  placements: Map<number, ExhibitPlacement>;
  indexPage: number;
  totalExhibits: number;
  /** True when some exhibit came from a text export and was typeset rather than copied. */
  hasTypesetExhibits: boolean;
}

function copiesSentence(ctx: LetterContext): string {
  return ctx.hasTypesetExhibits
    ? 'exhibit pages are copies of the original records, except records exported as text, which are typeset and marked as such.'
    : 'exhibit pages are copies of the original records.';
}

const para = (text: string, extra: Partial<Extract<Block, { kind: 'para' }>> = {}): Block => ({
  kind: 'para',
  runs: [{ text }],
  ...extra,
});

function letterhead(settings: ClinicSettings): Block[] {
  const address = settings.addressLines.filter((l) => l.trim());
  const phone = settingOrPlaceholder(settings, 'phone');
  const contact = [
    `Phone ${phone}`,
    settings.fax?.trim() ? `Fax ${settings.fax.trim()}` : null,
    settings.contactEmail?.trim() || null,
  ]
    .filter((x): x is string => !!x)
    .join('   |   ');
  return [
    para(settingOrPlaceholder(settings, 'clinicName'), {
      runs: [{ text: settingOrPlaceholder(settings, 'clinicName'), style: 'bold' }],
      size: 16,
      spaceAfter: 3,
    }),
    ...(address.length
      ? address.map((l) => para(l, { size: 9.5, spaceAfter: 0 }))
      : [para(placeholder('addressLines'), { size: 9.5, spaceAfter: 0 })]),
    para(contact, { size: 9.5, spaceAfter: 0 }),
    para(
      `NPI ${settingOrPlaceholder(settings, 'npi')}   |   Tax ID ${settingOrPlaceholder(settings, 'taxId')}`,
      { size: 9.5, spaceAfter: 4 },
    ),
    { kind: 'rule', spaceAfter: 16 },
  ];
}

function labelled(label: string, value: string): Extract<Block, { kind: 'para' }> {
  return {
    kind: 'para',
    runs: [{ text: `${label}: `, style: 'bold' }, { text: value }],
    size: 10,
    spaceAfter: 1,
    indent: 0,
  };
}

function segmentsToRuns(segments: Segment[], placements: Map<number, ExhibitPlacement>): Run[] {
  return segments.map((s) =>
    'text' in s ? { text: s.text } : { text: citationText(s.cite, placements) },
  );
}

function denialLine(plan: PacketPlan): string {
  // Without its group the bare number is named as what it is: "CARC 50".
  const code = plan.denial.group ? denialCodeText(plan.denial) : `CARC ${plan.denial.carc}`;
  const remarks = plan.denial.remarks?.length
    ? ` Remark codes: ${plan.denial.remarks.join(', ')}.`
    : '';
  return `${code} - ${plan.denialMeaning} (CARC wording paraphrased.)${remarks}`;
}

function identifierBlocks(ctx: LetterContext): Block[] {
  const { identity, plan } = ctx;
  return [
    labelled('Patient', identity.patientName),
    labelled('Date of birth', identity.dob),
    labelled(
      ctx.episode.payer.kind === 'medicare' ? 'Medicare number (MBI)' : 'Member ID',
      identity.memberId ?? '[not on the remit - add before sending]',
    ),
    ...claimNumberBlocks(identity),
    labelled(
      'Payer claim number',
      identity.payerClaimNumber ?? '[not on the remit - add before sending]',
    ),
    labelled('Dates of service', identity.dosRange),
    labelled('Denial reason', denialLine(plan)),
    {
      ...labelled('Services at issue', identity.servicesAtIssue.length ? '' : 'none listed'),
      keepWithNext: true,
    },
    ...identity.servicesAtIssue.map((s) =>
      para(s, { size: 10, indent: 24, marker: '-', spaceAfter: 0 }),
    ),
  ];
}

/** The claim number line: the claim's, else the episode's claims, else none (no internal ids). */
function claimNumberBlocks(identity: PacketIdentity): Block[] {
  if (identity.claimNumber) return [labelled('Claim number', identity.claimNumber)];
  const all = identity.episodeClaimNumbers;
  if (all.length === 0) return [];
  return [labelled(all.length === 1 ? 'Claim number' : 'Claim numbers', all.join(', '))];
}

/**
 * A records response answers the payer's request for the records. "Additional documentation
 * request" (ADR) is Medicare's term; other payers get a neutral title.
 */
export function recordsResponseTitle(medicare: boolean): string {
  return medicare
    ? 'Response to Additional Documentation Request'
    : 'Response to Request for Records';
}

function signature(settings: ClinicSettings): Block[] {
  return [
    { kind: 'space', height: 6 },
    para('Sincerely,', { spaceAfter: 30 }),
    para(settingOrPlaceholder(settings, 'signerName'), {
      runs: [{ text: settingOrPlaceholder(settings, 'signerName'), style: 'bold' }],
      spaceAfter: 0,
    }),
    para(settingOrPlaceholder(settings, 'signerTitle'), { spaceAfter: 0 }),
    para(settingOrPlaceholder(settings, 'clinicName'), { spaceAfter: 0 }),
  ];
}

export function appealLetterBlocks(ctx: LetterContext): Block[] {
  const { settings, plan, template, identity } = ctx;
  const medicare = ctx.episode.payer.kind === 'medicare';
  const request = medicare ? 'redetermination' : 'reconsideration';
  const clinic = settingOrPlaceholder(settings, 'clinicName');
  const blocks: Block[] = [
    ...letterhead(settings),
    para(format(parseISO(ctx.today), 'MMMM d, yyyy'), { spaceAfter: 12 }),
    para(identity.payerName, {
      runs: [{ text: identity.payerName, style: 'bold' }],
      spaceAfter: 0,
    }),
    para('Attn: Appeals', { spaceAfter: 14 }),
    para(`Re: Request for ${request} - ${template.issue}`, {
      runs: [{ text: `Re: Request for ${request} - ${template.issue}`, style: 'bold' }],
      size: 11.5,
      spaceAfter: 6,
    }),
    ...identifierBlocks(ctx),
    { kind: 'space', height: 10 },
    para('To the reviewer:', { spaceAfter: 8 }),
    para(
      `${clinic} requests ${request} of the denial of the services listed above. ${template.disagreement}`,
      { spaceAfter: 8 },
    ),
  ];
  // Denied lines the record does not support are named as not contested, never argued.
  if (plan.linesNotArgued.length > 0)
    blocks.push(
      para(
        `This request does not cover ${listWords(plan.linesNotArgued.map(lineWords))}; we do not ask that ${plan.linesNotArgued.length === 1 ? 'it' : 'they'} be reprocessed.`,
        { spaceAfter: 8 },
      ),
    );
  for (const p of ctx.paragraphs) {
    blocks.push({
      kind: 'para',
      runs: segmentsToRuns(p.body, ctx.placements),
      spaceAfter: p.items.length ? 3 : 8,
      keepWithNext: p.items.length > 0,
    });
    p.items.forEach((item, i) =>
      blocks.push({
        kind: 'para',
        runs: segmentsToRuns(item, ctx.placements),
        indent: 24,
        marker: '-',
        spaceAfter: i === p.items.length - 1 ? 8 : 2,
      }),
    );
  }
  if (ctx.paragraphs.length === 0) {
    blocks.push(
      para('The complete record for the dates at issue is enclosed for your review.', {
        spaceAfter: 8,
      }),
    );
  }
  blocks.push(
    para(
      `The enclosed record holds ${ctx.totalExhibits} exhibit${ctx.totalExhibits === 1 ? '' : 's'}, listed in the exhibit index on page ${ctx.indexPage}. Every page carries the patient name, the claim number and a sequential page number; ${copiesSentence(ctx)}`,
      { spaceAfter: 8 },
    ),
    para(
      `We ask that you reverse the denial and reprocess the services listed above for payment. Please direct questions to ${settings.contactName?.trim() || settingOrPlaceholder(settings, 'signerName')} at ${settingOrPlaceholder(settings, 'phone')}.`,
      { spaceAfter: 8 },
    ),
    ...signature(settings),
  );
  if (plan.exhibits.length > 0)
    blocks.push(
      { kind: 'space', height: 10 },
      para(
        `Enclosures: Exhibits ${plan.exhibits[0]?.letter}-${plan.exhibits[plan.exhibits.length - 1]?.letter}`,
        { size: 9.5 },
      ),
    );
  return blocks;
}

export function adrCoverBlocks(ctx: LetterContext): Block[] {
  const { settings, identity } = ctx;
  const medicare = ctx.episode.payer.kind === 'medicare';
  return [
    ...letterhead(settings),
    para(recordsResponseTitle(medicare), {
      runs: [{ text: recordsResponseTitle(medicare), style: 'bold' }],
      size: 17,
      align: 'center',
      spaceAfter: 4,
    }),
    para(format(parseISO(ctx.today), 'MMMM d, yyyy'), { align: 'center', spaceAfter: 18 }),
    labelled('To', identity.payerName),
    labelled(medicare ? 'Beneficiary name' : 'Patient name', identity.patientName),
    labelled('Date of birth', identity.dob),
    labelled(
      medicare ? 'Medicare number (MBI)' : 'Member ID',
      identity.memberId ?? '[not on the remit - add before sending]',
    ),
    ...claimNumberBlocks(identity),
    labelled(
      medicare ? 'Claim control number (CCN)' : 'Payer claim number',
      identity.payerClaimNumber ?? '[not on the remit - add before sending]',
    ),
    labelled('Dates of service', identity.dosRange),
    labelled('Provider', settingOrPlaceholder(settings, 'clinicName')),
    labelled('Provider NPI', settingOrPlaceholder(settings, 'npi')),
    labelled(
      'Contact',
      `${settingOrPlaceholder(settings, 'contactName')}, ${settingOrPlaceholder(settings, 'phone')}${settings.contactEmail?.trim() ? `, ${settings.contactEmail.trim()}` : ''}`,
    ),
    { kind: 'space', height: 14 },
    para(
      `Enclosed is the complete record for the ${identity.episodeClaimNumbers.length > 1 ? 'claims' : 'claim'} above: ${ctx.totalExhibits} exhibit${ctx.totalExhibits === 1 ? '' : 's'} in the order of the exhibit index on page ${ctx.indexPage}. Every page carries the patient name, the claim number and a sequential page number; ${copiesSentence(ctx)}`,
    ),
  ];
}
