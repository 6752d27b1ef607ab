import { RefusedError } from '../../../shared/errors';
import type { DocumentSummary, PacketPlanView, PacketRequest } from '../../../shared/api';
import type { EpisodeDocument, EpisodeModel } from '../../../shared/episode';
import type { Finding, IsoDate } from '../../../shared/model';
import {
  buildPacket,
  parseDenialCode,
  planPacket,
  type DenialReason,
  type PacketInput,
  type PacketPlan,
} from '../packet';
import { resolve } from 'node:path';
import { log, pathRef } from '../log';
import { recordAudit, sha256Hex } from '../store/audit';
import { savePacket } from '../packet/history';
import { denialCodeText } from '../packet/denial-code';
import { denialConfirmedBy } from '../packet/confirmed-lines';
import type { Db } from '../store/db';
import { claimDenial } from './denials';
import { fixesOn, unprocessableRemark } from './corrected-claim';
import { getSettings } from './settings';
import { loadDocumentSource } from './sources';

/** A packet that cannot be made as asked (no denial to appeal, no appeal rights, a bad code). */
export class PacketRequestError extends RefusedError {}

/**
 * The denial a packet answers: the user's code when given, else the claim's 835 denial, else a
 * general medical-necessity appeal (the contract's default), marked as such.
 */
export function resolveDenial(
  episode: EpisodeModel,
  claimId: string | null,
  code: string | null | undefined,
): DenialReason {
  if (code) {
    const parsed = parseDenialCode(code);
    if (!parsed)
      throw new PacketRequestError(
        `"${code}" is not a denial code (a claim adjustment reason code such as 50, CO-50, 97 or 197)`,
      );
    return {
      carc: parsed.carc,
      group: parsed.group,
      source: 'user',
      remitDate: remitDate(episode, claimId),
    };
  }
  const claims = claimId ? episode.claims.filter((c) => c.claimId === claimId) : episode.claims;
  for (const c of claims) {
    // The remit's payment date starts the appeal clock (the packet states the deadline).
    const d = claimDenial(c, c.remitDate ?? null);
    if (d)
      return {
        carc: d.carc,
        group: d.group,
        source: 'remit',
        remarks: d.remarks,
        remitDate: d.remitDate,
        ...(d.linesOnly ? { deniedLines: d.dates } : {}),
        claimId: d.claimId,
      };
  }
  return { carc: '50', group: null, source: 'default', remitDate: remitDate(episode, claimId) };
}

/**
 * What the review found on the returned lines' dates, as the refusal quotes it: what to correct
 * before resubmitting, in the review's own words.
 */
function foundOn(findings: readonly Finding[], dates: readonly IsoDate[]): string {
  const on = fixesOn(findings, dates);
  if (on.length === 0) return '';
  return ` The review found on those dates: ${on.map((f) => `${f.message.replace(/\.$/, '')} (${f.rule})`).join('; ')}.`;
}

/** The records response as the packet builder offers it: an ADR response for Medicare. */
function recordsResponseWords(episode: EpisodeModel): string {
  return episode.payer.kind === 'medicare'
    ? 'a Medicare ADR response (the records, no argument)'
    : 'a records-request response (the records, no argument)';
}

/**
 * An appeal answers a denial. Without one on file there is nothing to appeal (the packet never
 * invents a denial code), and a claim returned as unprocessable has no appeal rights: it is
 * corrected and resubmitted, and no appeal deadline runs.
 */
function refuseAppealWithoutRights(
  episode: EpisodeModel,
  denial: DenialReason,
  claimId: string | null,
  findings: readonly Finding[],
): void {
  // The 835's claim when the whole episode is asked for: never "this episode" for one claim's denial.
  const denied = claimId ?? denial.claimId ?? null;
  const claim = denied ? `claim ${denied}` : 'this episode';
  if (denial.source === 'default')
    throw new PacketRequestError(
      `No denial is on file for ${claim} (no 835 denial and no denial code entered), so there is no denial for an appeal letter to answer. Enter the denial code from the payer's notice, or build ${recordsResponseWords(episode)} if the payer asked for the records.`,
    );
  const remark = unprocessableRemark(denial.remarks);
  if (!remark) return;
  const code = `${denial.group ? `${denial.group}-` : ''}${denial.carc} with remark ${remark}`;
  // Only some lines returned: the rest of the claim was processed, and only those lines go back.
  if (denial.deniedLines)
    throw new PacketRequestError(
      `The lines of ${claim} dated ${denial.deniedLines.join(', ')} were returned as unprocessable (${code}); the claim's other lines were processed. Those lines have no appeal rights and no appeal deadline: correct what the remit names on them and resubmit them; ${recordsResponseWords(episode)} can still be built if the payer asks for the records.${foundOn(findings, denial.deniedLines)}`,
    );
  throw new PacketRequestError(
    `${claim[0]!.toUpperCase()}${claim.slice(1)} was returned as unprocessable (${code}): it has no appeal rights and no appeal deadline. Correct what the remit names and resubmit the claim; ${recordsResponseWords(episode)} can still be built if the payer asks for the records.`,
  );
}

/**
 * An appeal argues the denied lines the record supports. When the review's own failing findings
 * confirm the denial on every one of them, a letter would state what the record does not support:
 * refuse it, quote the findings, and name what can still be done.
 */
function refuseAppealTheReviewConfirms(
  episode: EpisodeModel,
  denial: DenialReason,
  claimId: string | null,
  findings: readonly Finding[],
): void {
  const confirmedBy = denialConfirmedBy(episode, findings, claimId, denial.carc);
  if (confirmedBy === null) return;
  const denied = claimId ?? denial.claimId ?? null;
  const claim = denied ? `claim ${denied}` : 'this episode';
  const code = `${denial.group ? `${denial.group}-` : ''}${denial.carc}`;
  throw new PacketRequestError(
    `The review confirms the denial of ${claim} (${code}) on every line at issue: ${confirmedBy}. An appeal would argue what the record does not support, so no appeal letter is written. Build ${recordsResponseWords(episode)} if the payer asks for the records, or correct the claim and resubmit it where the payer accepts a corrected claim.`,
  );
}

/**
 * A denial code entered for the whole episode would have its letter ask to reverse the denial of
 * every service, paid ones too: where remits show claims paid, the appeal is for a claim.
 */
function refuseEpisodeAppealOverPaidClaims(episode: EpisodeModel): void {
  const paid = episode.claims.filter(
    (c) => c.remit && claimDenial(c, c.remitDate ?? null) === null,
  );
  if (paid.length === 0) return;
  throw new PacketRequestError(
    `An appeal answers one claim's denial, and the payer paid ${paid.length === 1 ? 'claim' : 'claims'} ${paid.map((c) => c.claimId).join(', ')} of this episode: choose the denied claim to appeal, or build ${recordsResponseWords(episode)} for the whole episode.`,
  );
}

/**
 * The remit of a claim for which a denial code was typed, when it shows the claim paid with no
 * denial: a post-payment denial (a review or a recoupment notice) is appealed, but the packet
 * says what the remit shows so the biller does not send an appeal the payer's record contradicts.
 */
function paidByRemit(
  episode: EpisodeModel,
  denial: DenialReason,
  claimId: string | null,
): PacketInput['paidByRemit'] {
  if (denial.source !== 'user' || claimId === null) return undefined;
  const claim = episode.claims.find((c) => c.claimId === claimId);
  if (!claim?.remit || claimDenial(claim, claim.remitDate ?? null) !== null) return undefined;
  return { date: claim.remitDate ?? null, paid: claim.remit.paid, charge: claim.remit.charge };
}

function remitDate(episode: EpisodeModel, claimId: string | null): IsoDate | null {
  const c = episode.claims.find((x) => x.claimId === claimId);
  return c?.remitDate ?? null;
}

export function packetInput(
  db: Db,
  episode: EpisodeModel,
  findings: Finding[],
  req: PacketRequest,
  today: IsoDate,
): PacketInput {
  let claimId = req.claimId ?? null;
  if (claimId && !episode.claims.some((c) => c.claimId === claimId)) {
    throw new PacketRequestError(`claim ${claimId} is not part of episode ${episode.id}`);
  }
  const kind = req.kind ?? 'appeal';
  const denial = resolveDenial(episode, claimId, req.denial);
  if (kind === 'appeal') {
    // An appeal answers one claim's denial. Asked for the whole episode, it answers the claim
    // whose remit carries the denial, never the claims the payer paid.
    if (claimId === null && denial.claimId) claimId = denial.claimId;
    else if (claimId === null) refuseEpisodeAppealOverPaidClaims(episode);
    refuseAppealWithoutRights(episode, denial, claimId, findings);
    refuseAppealTheReviewConfirms(episode, denial, claimId, findings);
  }
  return {
    episode,
    findings,
    kind,
    denial,
    claimId,
    settings: getSettings(db),
    today,
    loadDocumentSource: async (doc) => loadDocumentSource(db, doc),
    exhibitOrder: req.exhibitOrder,
    exclude: req.exclude,
    paidByRemit: kind === 'appeal' ? paidByRemit(episode, denial, claimId) : undefined,
  };
}

export function toPlanView(plan: PacketPlan, episode: EpisodeModel): PacketPlanView {
  const inPacket = new Set(plan.exhibits.flatMap((e) => e.documentIds));
  const available: DocumentSummary[] = episode.documents
    .filter((d) => !inPacket.has(d.id))
    .map(documentSummary);
  return {
    kind: plan.kind,
    claimId: plan.claimId,
    denial:
      plan.kind === 'adr'
        ? null
        : {
            carc: plan.denial.carc,
            group: plan.denial.group,
            source: plan.denial.source,
            meaning: plan.denialMeaning,
          },
    datesAtIssue: plan.datesAtIssue,
    exhibits: plan.exhibits.map((e) => ({
      ...e,
      files: [
        ...new Set(
          e.documentIds.flatMap((id) => episode.documents.find((d) => d.id === id)?.file ?? []),
        ),
      ],
    })),
    available,
    gaps: plan.gaps,
    settingsMissing: plan.settingsMissing,
    deadline: plan.deadline,
  };
}

export function planPacketForEpisode(
  db: Db,
  episode: EpisodeModel,
  findings: Finding[],
  req: PacketRequest,
  today: IsoDate,
): PacketPlanView {
  return toPlanView(planPacket(packetInput(db, episode, findings, req, today)), episode);
}

export async function buildPacketForEpisode(
  db: Db,
  episode: EpisodeModel,
  findings: Finding[],
  req: PacketRequest,
  today: IsoDate,
  /** Where the caller will save the PDF, for the audit entry. */
  outPath: string | null = null,
): Promise<{ pdf: Uint8Array; plan: PacketPlanView; pageCount: number }> {
  const built = await buildPacket(packetInput(db, episode, findings, req, today));
  const plan = toPlanView(built.plan, episode);
  const sha256 = sha256Hex(built.pdf);
  recordAudit(db, 'packet', {
    episodeId: episode.id,
    claimId: plan.claimId,
    kind: plan.kind,
    carc: plan.denial?.carc ?? null,
    exhibits: plan.exhibits.length,
    pages: built.pageCount,
    sha256,
    output: outPath ? resolve(outPath) : null,
  });
  // Kept with its bytes: the packet as sent can be reopened, its choices start the next one.
  savePacket(db, {
    episodeId: episode.id,
    claimId: plan.claimId,
    kind: plan.kind,
    // As the remit prints it ("CO-50"): the history names the denial the packet answered.
    carc: plan.denial ? denialCodeText(plan.denial) : null,
    request: {
      denial: plan.kind === 'adr' ? null : (req.denial ?? null),
      kind: plan.kind,
      ...(req.exhibitOrder ? { exhibitOrder: req.exhibitOrder } : {}),
      ...(req.exclude ? { exclude: req.exclude } : {}),
    },
    pages: built.pageCount,
    sha256,
    output: outPath ? resolve(outPath) : null,
    pdf: built.pdf,
  });
  log.debug('packet', {
    episode: episode.id,
    kind: plan.kind,
    exhibits: plan.exhibits.length,
    pages: built.pageCount,
    sha256: sha256.slice(0, 16),
    out: outPath ? pathRef(outPath) : null,
  });
  return { pdf: built.pdf, plan, pageCount: built.pageCount };
}

/** A document as the API lists it (no facts). */
export function documentSummary(d: EpisodeDocument): DocumentSummary {
  return {
    id: d.id,
    type: d.type,
    title: d.title,
    date: d.date,
    file: d.file,
    pageStart: d.pageStart,
    pageEnd: d.pageEnd,
  };
}
