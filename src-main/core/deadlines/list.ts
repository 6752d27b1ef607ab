/**
 * Every deadline the store knows (issue 17): the first appeal of each 835 denial, and the response
 * to each records request the user entered; each with its due date, days left, the window's source
 * and what is still missing (no packet built, open error findings on the claim's dates). A claim
 * returned as unprocessable (remark MA130) has no appeal rights and so no appeal deadline: it is
 * listed as a corrected claim to send.
 */
import type { EpisodeClaim, EpisodeModel } from '../../../shared/episode';
import type {
  DeadlineItem,
  DeadlineKind,
  DeadlineList,
  DeadlineStatus,
} from '../../../shared/deadlines';
import type { Finding, IsoDate } from '../../../shared/model';
import type { ReviewedEpisode } from '../../../shared/review';
import { claimDenial } from '../api/denials';
import { denialConfirmedBy } from '../packet/confirmed-lines';
import { unprocessableRemark } from '../api/corrected-claim';
import { todayIso } from '../api/review';
import { forEachReviewedEpisode } from '../claims/reviewed-episodes';
import { claimOpenErrors } from '../claims/open-errors';
import { log } from '../log';
import { getSettings } from '../api/settings';
import { missingSettings, SETTING_LABELS } from '../packet/settings-check';
import type { PacketKind } from '../packet/types';
import type { Db } from '../store/db';
import { payerNameKey } from '../store/payer-list';
import { countedFrom, daysLeft, dueDate } from './due';
import { readPayerDeadlines, withPayerDeadlines } from './payer-deadlines';
import { deadlineProfile, type DeadlineProfile, type DeadlineWindow } from './profiles';
import { readAnswers } from './answers';
import { listRequests, type RecordsRequest } from './requests';
import { denialCodeText } from '../../../shared/denial-code';

/** Within this many days a deadline is "due soon" (a biller's two working weeks). */
export const DUE_SOON_DAYS = 14;

export type { DeadlineItem, DeadlineKind, DeadlineList, DeadlineStatus };

/** When the latest packet of each kind was built, by claim (and by episode for episode packets). */
function packetsBuilt(db: Db): Map<string, string> {
  const rows = db
    .prepare("SELECT at, detail FROM audit_log WHERE action = 'packet' ORDER BY id")
    .raw()
    .all() as Array<[string, string]>;
  const built = new Map<string, string>();
  for (const [at, text] of rows) {
    let d: { claimId?: string | null; episodeId?: string; kind?: string };
    try {
      d = JSON.parse(text) as typeof d;
    } catch {
      continue;
    }
    const kind = d.kind === 'adr' ? 'adr' : 'appeal';
    if (d.claimId) built.set(`claim\0${d.claimId}\0${kind}`, at);
    else if (d.episodeId) built.set(`episode\0${d.episodeId}\0${kind}`, at);
  }
  return built;
}

function statusOf(left: number | null, due: IsoDate | null): DeadlineStatus {
  if (due === null || left === null) return 'no-date';
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'due-soon' : 'open';
}

function errorsMissing(errors: Finding[], before: string): string[] {
  if (errors.length === 0) return [];
  const rules = [...new Set(errors.map((f) => f.rule))].sort();
  return [
    `${errors.length} open error finding(s) on the claim's dates (${rules.join(', ')}): fix or decide them before ${before}`,
  ];
}

interface ClaimContext {
  /** What the deadline needs of the episode (a large store's models are not kept). */
  model: Pick<EpisodeModel, 'id' | 'patient' | 'payer'>;
  /** Its findings in the current review. */
  reviewed: Pick<ReviewedEpisode, 'findings'>;
  claim: EpisodeClaim;
  /**
   * The review's own findings confirming the denial on every line at issue, in words, when they
   * do (the packet builder then writes no argued appeal: packet/confirmed-lines.ts), else null.
   */
  confirmedBy: string | null;
}

export function listDeadlines(
  db: Db,
  opts: { asOf?: IsoDate; profile?: string | null } = {},
): DeadlineList {
  const asOf = opts.asOf ?? todayIso();
  const requested = new Set(listRequests(db).map((r) => r.claimId));
  const byClaim = new Map<string, ClaimContext>();
  // The review as it stands (decisions carried), not recorded: listing deadlines changes nothing.
  // Only denied or requested claims are kept, never the episode models.
  forEachReviewedEpisode(db, { asOf, profile: opts.profile }, (model, findings) => {
    for (const claim of model.claims) {
      if (byClaim.has(claim.claimId)) continue;
      const denial = claimDenial(claim);
      if (!requested.has(claim.claimId) && !denial) continue;
      const { id, patient, payer } = model;
      byClaim.set(claim.claimId, {
        model: { id, patient, payer },
        reviewed: { findings },
        claim,
        confirmedBy: denial ? denialConfirmedBy(model, findings, claim.claimId, denial.carc) : null,
      });
    }
  });
  const own = readPayerDeadlines(db);
  const packets = packetsBuilt(db);
  // The clinic details a letter or cover sheet prints: missing ones are printed as placeholders.
  const settings = getSettings(db);
  const settingsMissing = (kind: PacketKind): string[] => {
    const keys = missingSettings(settings, kind);
    return keys.length
      ? [
          `clinic details the ${kind === 'appeal' ? 'letter' : 'cover sheet'} prints (Settings): ${keys.map((k) => SETTING_LABELS[k]).join(', ')}`,
        ]
      : [];
  };
  const profileOf = (ctx: ClaimContext | undefined): DeadlineProfile => {
    const base = deadlineProfile(
      ctx?.model.payer.kind ?? 'unknown',
      ctx?.model.payer.state ?? null,
    );
    // Medicare's windows are regulation; a clinic's values apply to the other payers.
    if (!ctx || base.name === 'medicare') return base;
    return withPayerDeadlines(base, own.get(payerNameKey(ctx.model.payer.name)));
  };
  const packetAt = (ctx: ClaimContext | undefined, claimId: string, kind: 'appeal' | 'adr') =>
    packets.get(`claim\0${claimId}\0${kind}`) ??
    (ctx ? packets.get(`episode\0${ctx.model.id}\0${kind}`) : undefined) ??
    null;

  const items: DeadlineItem[] = [];
  for (const ctx of byClaim.values()) {
    const denial = claimDenial(ctx.claim, ctx.claim.remitDate ?? null);
    if (!denial) continue;
    const profile = profileOf(ctx);
    const unprocessable = unprocessableRemark(denial.remarks);
    const errors = claimOpenErrors(ctx.reviewed, ctx.claim);
    const base = baseItem(ctx, ctx.claim.claimId, profile);
    base.noticeDate = denial.remitDate;
    base.denial = { code: denialCodeText(denial), remarks: denial.remarks };
    base.openErrors = errors.map((f) => ({ id: f.id ?? null, rule: f.rule, dates: f.dates }));
    if (unprocessable) {
      items.push({
        ...base,
        id: `denial:${ctx.claim.claimId}`,
        origin: 'denial',
        kind: 'corrected-claim',
        label: denial.linesOnly
          ? `Corrected lines (${denial.dates.join(', ')} returned as unprocessable)`
          : 'Corrected claim (returned as unprocessable)',
        status: 'no-deadline',
        basis: `rules.md section 6: remark ${unprocessable} means unprocessable, no appeal rights; correct and resubmit (Noridian [S24])`,
        verified: true,
        missing: [
          denial.linesOnly
            ? `correct what the remit names (${denialCodeText(denial)}, ${unprocessable}) on the lines of ${denial.dates.join(', ')} and resubmit them (the claim's other lines were processed): no appeal deadline runs`
            : `correct what the remit names (${denialCodeText(denial)}, ${unprocessable}) and resubmit the claim: no appeal deadline runs`,
          ...errorsMissing(errors, 'the claim is resubmitted'),
        ],
      });
      continue;
    }
    const builtAt = packetAt(ctx, ctx.claim.claimId, 'appeal');
    items.push(
      withWindow(
        {
          ...base,
          id: `denial:${ctx.claim.claimId}`,
          origin: 'denial',
          kind: 'appeal',
          packet: { kind: 'appeal', builtAt },
          appealConfirmedBy: ctx.confirmedBy,
          missing: [
            ...(ctx.confirmedBy
              ? [
                  `no appeal is offered: the review confirms the denial on every line at issue (${ctx.confirmedBy}); send the records if asked, correct the claim where the payer allows, or decide those findings "not a defect" to argue it`,
                ]
              : builtAt
                ? []
                : ['no appeal packet built']),
            // No letter is written for a confirmed denial: neither its settings nor the
            // findings (already named above) stand between the clinic and an appeal.
            ...(ctx.confirmedBy ? [] : settingsMissing('appeal')),
            ...(ctx.confirmedBy ? [] : errorsMissing(errors, 'the appeal goes')),
            ...(denial.remitDate
              ? []
              : ["the remit's payment date is not on file: count from the notice's date"]),
          ],
          next: profile.laterLevels.map(
            (w) => `${w.label}: ${w.days} days from receipt of the previous decision`,
          ),
        },
        profile.appeal,
        denial.remitDate,
        asOf,
      ),
    );
  }
  for (const req of listRequests(db)) {
    const ctx = byClaim.get(req.claimId);
    const profile = profileOf(ctx);
    const errors = ctx ? claimOpenErrors(ctx.reviewed, ctx.claim) : [];
    const builtAt = packetAt(ctx, req.claimId, 'adr');
    const base = baseItem(ctx, req.claimId, profile);
    items.push(
      withWindow(
        {
          ...base,
          id: `request:${req.id}`,
          origin: 'request',
          kind: req.kind,
          noticeDate: req.dated,
          received: req.received,
          from: req.from,
          packet: { kind: 'adr', builtAt },
          openErrors: errors.map((f) => ({ id: f.id ?? null, rule: f.rule, dates: f.dates })),
          missing: [
            ...(builtAt ? [] : ['no records-request (ADR) packet built']),
            ...settingsMissing('adr'),
            ...errorsMissing(errors, 'the records go'),
            ...(ctx ? [] : ['the claim belongs to no reviewed episode: its payer is not known']),
            ...receivedLate(req),
          ],
        },
        profile.requests[req.kind],
        req.dated,
        asOf,
      ),
    );
  }
  // An answered deadline keeps its dates (the calendar cancels it) but no longer counts down.
  const answers = readAnswers(db);
  for (const item of items) {
    const answer = answers.get(item.id) ?? null;
    item.answered = answer;
    if (answer) {
      item.status = 'answered';
      item.missing = [];
    }
  }
  items.sort(compareDeadlines);
  // Counts only: claim ids and payers stay out of the log.
  log.debug('deadlines', {
    items: items.length,
    overdue: items.filter((i) => i.status === 'overdue').length,
    requests: items.filter((i) => i.origin === 'request').length,
    answered: answers.size,
    asOf,
  });
  return { asOf, items };
}

/** The letter's date starts the clock, so mail time is lost time: say so when it was long. */
function receivedLate(req: RecordsRequest): string[] {
  if (!req.received) return [];
  const late = daysLeft(req.received, req.dated);
  return late > 5
    ? [`received ${late} days after the letter's date: the clock ran from the date on the letter`]
    : [];
}

function baseItem(
  ctx: ClaimContext | undefined,
  claimId: string,
  profile: DeadlineProfile,
): DeadlineItem {
  return {
    id: '',
    origin: 'denial',
    kind: 'appeal',
    label: '',
    claimId,
    episodeId: ctx?.model.id ?? null,
    patient: ctx?.model.patient.name ?? null,
    payer: {
      name: ctx?.model.payer.name ?? null,
      kind: ctx?.model.payer.kind ?? null,
      profile: profile.name,
    },
    noticeDate: null,
    received: null,
    from: null,
    denial: null,
    due: null,
    daysLeft: null,
    status: 'no-date',
    counted: null,
    basis: '',
    verified: false,
    packet: { kind: 'appeal', builtAt: null },
    openErrors: [],
    missing: [],
    next: [],
  };
}

function withWindow(
  item: DeadlineItem,
  window: DeadlineWindow,
  notice: IsoDate | null,
  asOf: IsoDate,
): DeadlineItem {
  const due = notice ? dueDate(window, notice) : null;
  const left = due ? daysLeft(due, asOf) : null;
  return {
    ...item,
    label: window.label,
    due,
    daysLeft: left,
    status: statusOf(left, due),
    counted: notice ? countedFrom(window, notice) : null,
    basis: window.source,
    verified: window.verified,
  };
}

/**
 * Fewest days left first (so overdue first), then undated, then those with no deadline, then
 * those answered.
 */
export function compareDeadlines(a: DeadlineItem, b: DeadlineItem): number {
  const rank = (i: DeadlineItem) =>
    i.answered ? 3 : i.daysLeft !== null ? 0 : i.status === 'no-date' ? 1 : 2;
  return (
    rank(a) - rank(b) ||
    (a.daysLeft ?? 0) - (b.daysLeft ?? 0) ||
    a.claimId.localeCompare(b.claimId) ||
    a.id.localeCompare(b.id)
  );
}
