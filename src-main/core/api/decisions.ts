/**
 * Reviewer decisions on findings (issue 16): a fail or warn finding gets a stable id, the decision
 * recorded for it is carried to it in every later review while it is the same finding, and a
 * decision that no longer holds reopens with the reason (the finding changed, or a fixed one came
 * back). Each decision is a row of its own and an entry of the audit log.
 */
import { localStamp } from '../../../shared/dates';
import { RefusedError } from '../../../shared/errors';
import { userInfo } from 'node:os';
import type { DecisionKind, Finding, FindingDecision, IsoDate } from '../../../shared/model';
import type { ReviewedEpisode } from '../../../shared/review';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';

export const DECISION_KINDS: readonly DecisionKind[] = ['confirmed', 'not-a-defect', 'fixed'];

/** Findings a reviewer decides: those that say something may be wrong. */
export const isDecidable = (f: Pick<Finding, 'status'>): boolean =>
  f.status === 'fail' || f.status === 'warn';

/**
 * cyrb53 (a public-domain 53-bit string hash): two seeds give a 106-bit id. Much cheaper than a
 * cryptographic hash, which the review cannot afford on every finding of a large store; an id only
 * has to tell a store's findings apart, not resist forgery (the audit log does that).
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The same episode, rule, dates and evidence give the same id, whatever else changed. */
export function findingId(
  episodeId: string,
  f: Pick<Finding, 'rule' | 'dates' | 'evidence'>,
): string {
  let key = `${episodeId}\0${f.rule}\0${f.dates.join(',')}`;
  // Where each piece of evidence stands, and how its quote starts: enough to tell evidence apart
  // without hashing every quote in full on a large store.
  for (const e of f.evidence)
    key += `\0${e.file}\0${e.page}\0${e.line ?? ''}\0${e.quote.length}:${e.quote.slice(0, 40)}`;
  return `f-${hex14(cyrb53(key, 1))}${hex14(cyrb53(key, 2))}`;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A 53-bit hash as 14 hex digits, as `n.toString(16).padStart(14, '0')` writes it: V8 prints a
 * number above 2^31 in another base through a slow general path, which the review paid on every
 * finding of a large store.
 */
export function hex14(n: number): string {
  const hi = Math.floor(n / 4294967296); // 21 bits
  const lo = n >>> 0;
  return (
    HEX_BYTE[(hi >>> 16) & 0xff]! +
    HEX_BYTE[(hi >>> 8) & 0xff]! +
    HEX_BYTE[hi & 0xff]! +
    HEX_BYTE[lo >>> 24]! +
    HEX_BYTE[(lo >>> 16) & 0xff]! +
    HEX_BYTE[(lo >>> 8) & 0xff]! +
    HEX_BYTE[lo & 0xff]!
  );
}

interface DecisionRow {
  finding_id: string;
  episode_id: string;
  rule: string;
  dates: string;
  decision: DecisionKind;
  reason: string;
  action: string | null;
  due: string | null;
  clinician: string | null;
  decided_by: string;
  decided_at: string;
}

/**
 * A finding marked fixed that a review found resolved and then reports again has reopened: its
 * decision no longer stands. A resolution is only recorded for a finding already decided, so one
 * stamped in the same millisecond as the decision still came after it.
 */
function reopenedAfterFix(d: DecisionRow, resolvedAt: string | undefined): boolean {
  return d.decision === 'fixed' && resolvedAt !== undefined && resolvedAt >= d.decided_at;
}

function toDecision(r: DecisionRow): FindingDecision {
  const d: FindingDecision = {
    as: r.decision,
    reason: r.reason,
    by: r.decided_by,
    at: r.decided_at,
  };
  if (r.action) d.action = r.action;
  if (r.due) d.due = r.due;
  if (r.clinician) d.clinician = r.clinician;
  return d;
}

/** The latest decision per finding (a later decision supersedes an earlier one). */
function latestDecisions(db: Db): Map<string, DecisionRow> {
  const rows = db
    .prepare(
      `SELECT d.* FROM finding_decisions d
        WHERE d.id = (SELECT max(id) FROM finding_decisions x WHERE x.finding_id = d.finding_id)`,
    )
    .all() as DecisionRow[];
  return new Map(rows.map((r) => [r.finding_id, r]));
}

/** When each decided finding was last found resolved (no longer reported by its episode). */
function latestResolutions(db: Db): Map<string, string> {
  const rows = db
    .prepare(
      'SELECT finding_id, max(resolved_at) AS at FROM finding_resolutions GROUP BY finding_id',
    )
    .all() as Array<{ finding_id: string; at: string }>;
  return new Map(rows.map((r) => [r.finding_id, r.at]));
}

/** What a recorded review found new on each episode: its new finding ids, or all of them. */
export type NewFindings = ReadonlyMap<string, ReadonlySet<string> | 'all'>;

/**
 * Gives every fail and warn finding its `id`, and `new`, `decision` or `reopened` where they
 * apply (absent otherwise: an open finding has no decision), in place, an episode at a time (a
 * large store's reviews are never all in memory). With `record`, the review is remembered
 * (`flush`): each episode's finding ids (rewritten only where they changed), and when a decided
 * finding stopped being reported, so one that comes back can be told. `fresh` keeps what was new,
 * so a review read back from the store later (`newSince`) says the same.
 */
export class FindingMarks {
  private readonly decisions: Map<string, DecisionRow>;
  private readonly resolutions: Map<string, string>;
  /** Each episode's finding ids as last recorded; not read when `newSince` says what is new. */
  private readonly previous: Map<string, string> | null;
  /** Decided findings by episode and rule: a decided finding absent from its episode has changed. */
  private readonly decidedByEpisodeRule = new Map<string, DecisionRow[]>();
  private readonly changedEpisodes: Array<[string, string]> = [];
  private readonly gone: string[] = [];
  /** The new findings of each episode marked that had any (with `record`). */
  readonly fresh = new Map<string, Set<string> | 'all'>();

  constructor(
    private readonly db: Db,
    private readonly opts: { record: boolean; newSince?: NewFindings },
  ) {
    this.decisions = latestDecisions(db);
    this.resolutions = latestResolutions(db);
    this.previous = opts.newSince
      ? null
      : new Map(
          (
            db.prepare('SELECT episode_id, finding_ids FROM episode_findings').raw().all() as Array<
              [string, string]
            >
          ).map(([id, ids]) => [id, ids]),
        );
    for (const d of this.decisions.values()) {
      const key = `${d.episode_id}\0${d.rule}`;
      const list = this.decidedByEpisodeRule.get(key);
      if (list) list.push(d);
      else this.decidedByEpisodeRule.set(key, [d]);
    }
  }

  mark(ep: ReviewedEpisode): void {
    const ids: string[] = [];
    for (const f of ep.findings) {
      if (!isDecidable(f)) continue;
      f.id = findingId(ep.id, f);
      ids.push(f.id);
    }
    const isNew = this.newness(ep.id, ids);
    const current = new Set(ids);
    const open: Finding[] = [];
    for (const f of ep.findings) {
      if (!f.id) continue;
      // Only what is said is set (`new` when true, a decision when there is one): the report
      // holds hundreds of thousands of findings, and every property costs.
      if (isNew(f.id)) f.new = true;
      const d = this.decisions.get(f.id);
      const resolvedAt = this.resolutions.get(f.id);
      if (d && reopenedAfterFix(d, resolvedAt)) {
        f.reopened = {
          previous: toDecision(d),
          why: `marked fixed on ${localStamp(d.decided_at, false)}, resolved, and reported again`,
        };
      } else if (d) {
        f.decision = toDecision(d);
      } else {
        open.push(f);
      }
    }
    for (const f of open) {
      const changed = (this.decidedByEpisodeRule.get(`${ep.id}\0${f.rule}`) ?? []).find(
        (d) => !current.has(d.finding_id),
      );
      if (!changed) continue;
      const was = (JSON.parse(changed.dates) as string[]).join(', ') || 'no dates';
      const now = f.dates.length ? f.dates.join(', ') : 'no dates';
      f.reopened = {
        previous: toDecision(changed),
        why:
          was === now
            ? 'the finding changed since it was decided: its evidence differs'
            : `the finding changed since it was decided: dates ${was} are now ${now}`,
      };
    }
  }

  /**
   * Which of an episode's finding ids are new: those `newSince` names, else those the last
   * recorded review of the episode did not report (none when it reported the same ones).
   */
  private newness(episodeId: string, ids: readonly string[]): (id: string) => boolean {
    if (this.opts.newSince) {
      const fresh = this.opts.newSince.get(episodeId);
      return fresh === undefined
        ? () => false
        : fresh === 'all'
          ? () => true
          : (id) => fresh.has(id);
    }
    const text = JSON.stringify(ids);
    const before = this.previous!.get(episodeId);
    // The usual case on a re-review: the same findings as last time, nothing new, nothing to write.
    if (before === text) return () => false;
    this.changedEpisodes.push([episodeId, text]);
    const beforeIds = new Set<string>(before ? (JSON.parse(before) as string[]) : []);
    const current = new Set(ids);
    for (const id of beforeIds) if (!current.has(id) && this.decisions.has(id)) this.gone.push(id);
    if (this.opts.record) {
      const added = ids.filter((id) => !beforeIds.has(id));
      if (added.length > 0)
        this.fresh.set(episodeId, added.length === ids.length ? 'all' : new Set(added));
    }
    return (id) => !beforeIds.has(id);
  }

  /** Remembers the marked review (with `record`): finding ids that changed, decided ones gone. */
  flush(): void {
    const { changedEpisodes, gone } = this;
    if (!this.opts.record || (changedEpisodes.length === 0 && gone.length === 0)) return;
    const now = new Date().toISOString();
    const upsert = this.db.prepare(
      `INSERT INTO episode_findings (episode_id, finding_ids, reviewed_at) VALUES (?, ?, ?)
       ON CONFLICT(episode_id) DO UPDATE SET finding_ids = excluded.finding_ids,
         reviewed_at = excluded.reviewed_at`,
    );
    const resolve = this.db.prepare(
      'INSERT INTO finding_resolutions (finding_id, resolved_at) VALUES (?, ?)',
    );
    this.db.transaction(() => {
      for (const [id, text] of changedEpisodes) upsert.run(id, text, now);
      for (const id of gone) resolve.run(id, now);
    })();
    changedEpisodes.length = 0;
    gone.length = 0;
  }
}

/** `FindingMarks` over a list of episodes, remembered at once with `record`. */
export function applyDecisions(
  db: Db,
  episodes: readonly ReviewedEpisode[],
  opts: { record: boolean; newSince?: NewFindings },
): void {
  const marks = new FindingMarks(db, opts);
  for (const ep of episodes) marks.mark(ep);
  marks.flush();
}

/**
 * Per episode, how many of the fail and warn findings its last recorded review reported are
 * decided (the latest decision stands; a "fixed" that was resolved and reported again is open),
 * and how many there are: the episode list's open and decided counts, without any review JSON.
 */
export function decisionCounts(db: Db): Map<string, { reported: number; decided: number }> {
  const counts = new Map<string, { reported: number; decided: number }>();
  for (const r of db
    .prepare(
      'SELECT episode_id AS episode, json_array_length(finding_ids) AS reported FROM episode_findings',
    )
    .all() as Array<{ episode: string; reported: number }>)
    counts.set(r.episode, { reported: r.reported, decided: 0 });
  // Only the episodes holding a standing decision are looked into: decisions are few, findings many.
  const resolutions = latestResolutions(db);
  const standing = new Map<string, Set<string>>();
  for (const d of latestDecisions(db).values()) {
    if (reopenedAfterFix(d, resolutions.get(d.finding_id))) continue;
    standing.set(d.episode_id, (standing.get(d.episode_id) ?? new Set()).add(d.finding_id));
  }
  const idsOf = db.prepare('SELECT finding_ids FROM episode_findings WHERE episode_id = ?').pluck();
  for (const [episode, decided] of standing) {
    const c = counts.get(episode);
    const text = idsOf.get(episode) as string | undefined;
    if (!c || !text) continue;
    c.decided = (JSON.parse(text) as string[]).filter((id) => decided.has(id)).length;
  }
  return counts;
}

export interface DecisionInput {
  findingId: string;
  as: DecisionKind;
  reason: string;
  action?: string | null;
  due?: IsoDate | null;
  /** The clinician a confirmed defect's corrective action concerns. */
  clinician?: string | null;
  /** Who decides; default the operating-system user. */
  by?: string | null;
}

export class DecisionError extends RefusedError {}

/**
 * Records a decision on a finding of the current review. A confirmed defect needs its corrective
 * action and due date; every decision needs a reason.
 */
export function decideFinding(
  db: Db,
  episodes: readonly ReviewedEpisode[],
  input: DecisionInput,
): FindingDecision {
  let episode: ReviewedEpisode | undefined;
  let finding: Finding | undefined;
  for (const ep of episodes) {
    finding = ep.findings.find((f) => f.id === input.findingId);
    if (finding) {
      episode = ep;
      break;
    }
  }
  if (!episode || !finding)
    throw new DecisionError(
      `no fail or warn finding with id ${input.findingId} in the current review (list them with "chartready findings")`,
    );
  const reason = input.reason.trim();
  if (!reason) throw new DecisionError('a decision needs a reason');
  if (input.as === 'confirmed' && (!input.action?.trim() || !input.due))
    throw new DecisionError('a confirmed defect needs its corrective action and a due date');
  const decision: FindingDecision = {
    as: input.as,
    reason,
    by: input.by?.trim() || userInfo().username,
    at: new Date().toISOString(),
  };
  if (input.action?.trim()) decision.action = input.action.trim();
  if (input.due) decision.due = input.due;
  if (input.clinician?.trim()) decision.clinician = input.clinician.trim();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO finding_decisions
         (finding_id, episode_id, rule, dates, decision, reason, action, due, clinician, decided_by, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.findingId,
      episode!.id,
      finding!.rule,
      JSON.stringify(finding!.dates),
      decision.as,
      decision.reason,
      decision.action ?? null,
      decision.due ?? null,
      decision.clinician ?? null,
      decision.by,
      decision.at,
    );
    // The log names the finding and the decision, not the reason's words (they may name a patient).
    recordAudit(db, 'decision', {
      finding: input.findingId,
      episode: episode!.id,
      rule: finding!.rule,
      dates: finding!.dates,
      as: decision.as,
      by: decision.by,
      due: decision.due ?? null,
    });
  })();
  finding.decision = decision;
  delete finding.reopened;
  return decision;
}

/** Decisions whose finding the latest recorded review of its episode no longer reports. */
export function resolvedDecisions(db: Db): Array<{
  findingId: string;
  episodeId: string;
  rule: string;
  dates: IsoDate[];
  decision: FindingDecision;
  resolvedAt: string;
}> {
  const rows = db
    .prepare(
      `SELECT d.*, (SELECT max(r.resolved_at) FROM finding_resolutions r
                     WHERE r.finding_id = d.finding_id) AS resolved_at
         FROM finding_decisions d
        WHERE d.id = (SELECT max(id) FROM finding_decisions x WHERE x.finding_id = d.finding_id)
          AND EXISTS (SELECT 1 FROM finding_resolutions r WHERE r.finding_id = d.finding_id)
          AND NOT EXISTS (SELECT 1 FROM episode_findings e, json_each(e.finding_ids) j
                           WHERE e.episode_id = d.episode_id AND j.value = d.finding_id)
        ORDER BY resolved_at, d.id`,
    )
    .all() as Array<DecisionRow & { resolved_at: string }>;
  return rows.map((r) => ({
    findingId: r.finding_id,
    episodeId: r.episode_id,
    rule: r.rule,
    dates: JSON.parse(r.dates) as IsoDate[],
    decision: toDecision(r),
    resolvedAt: r.resolved_at,
  }));
}
