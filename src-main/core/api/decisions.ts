/**
 * Reviewer decisions on findings (issue 16): a fail or warn finding gets a stable id, the decision
 * recorded for it is carried to it in every later review while it is the same finding, and a
 * decision that no longer holds reopens with the reason (the finding changed, or a fixed one came
 * back). Each decision is a row of its own and an entry of the audit log.
 */
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { DecisionKind, Finding, FindingDecision, IsoDate } from '../../../shared/model';
import type { ReviewedEpisode } from '../../../shared/review';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';

export const DECISION_KINDS: readonly DecisionKind[] = ['confirmed', 'not-a-defect', 'fixed'];

/** Findings a reviewer decides: those that say something may be wrong. */
export const isDecidable = (f: Pick<Finding, 'status'>): boolean =>
  f.status === 'fail' || f.status === 'warn';

/** The same episode, rule, dates and evidence give the same id, whatever else changed. */
export function findingId(
  episodeId: string,
  f: Pick<Finding, 'rule' | 'dates' | 'evidence'>,
): string {
  const h = createHash('sha256').update(`${episodeId}\0${f.rule}\0${f.dates.join(',')}`);
  for (const e of f.evidence) h.update(`\0${e.file}\0${e.page}\0${e.line ?? ''}\0${e.quote}`);
  return `f-${h.digest('hex').slice(0, 16)}`;
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
  decided_by: string;
  decided_at: string;
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

interface HistoryRow {
  finding_id: string;
  episode_id: string;
  resolved_at: string | null;
}

/**
 * Gives every fail and warn finding its `id`, `new` and `decision` (or `reopened`), in place. With
 * `record`, the review is remembered: when each finding was first and last reported, and which
 * findings of the reviewed episodes are gone (resolved), so one that comes back can be told.
 */
export function applyDecisions(
  db: Db,
  episodes: readonly ReviewedEpisode[],
  opts: { record: boolean },
): void {
  const decisions = latestDecisions(db);
  const history = new Map(
    (
      db
        .prepare('SELECT finding_id, episode_id, resolved_at FROM finding_history')
        .all() as HistoryRow[]
    ).map((h) => [h.finding_id, h]),
  );
  // Decided findings by episode and rule: a decided finding absent from its episode has changed.
  const decidedByEpisodeRule = new Map<string, DecisionRow[]>();
  for (const d of decisions.values()) {
    const key = `${d.episode_id}\0${d.rule}`;
    decidedByEpisodeRule.set(key, [...(decidedByEpisodeRule.get(key) ?? []), d]);
  }
  const seen = new Set<string>();
  for (const ep of episodes) {
    const open: Finding[] = [];
    const ids = new Set<string>();
    for (const f of ep.findings) {
      if (!isDecidable(f)) continue;
      const id = findingId(ep.id, f);
      f.id = id;
      ids.add(id);
      seen.add(id);
      const h = history.get(id);
      f.new = h === undefined;
      const d = decisions.get(id);
      if (d && d.decision === 'fixed' && h?.resolved_at) {
        f.decision = null;
        f.reopened = {
          previous: toDecision(d),
          why: `marked fixed on ${d.decided_at.slice(0, 10)}, resolved, and reported again`,
        };
      } else if (d) {
        f.decision = toDecision(d);
      } else {
        f.decision = null;
        open.push(f);
      }
    }
    for (const f of open) {
      const changed = (decidedByEpisodeRule.get(`${ep.id}\0${f.rule}`) ?? []).find(
        (d) => !ids.has(d.finding_id),
      );
      if (!changed) continue;
      const before = changed.dates ? JSON.parse(changed.dates).join(', ') : 'no dates';
      const now = f.dates.length ? f.dates.join(', ') : 'no dates';
      f.reopened = {
        previous: toDecision(changed),
        why:
          before === now
            ? 'the finding changed since it was decided: its evidence differs'
            : `the finding changed since it was decided: dates ${before} are now ${now}`,
      };
    }
  }
  if (opts.record) recordHistory(db, episodes, seen, history);
}

function recordHistory(
  db: Db,
  episodes: readonly ReviewedEpisode[],
  seen: Set<string>,
  history: Map<string, HistoryRow>,
): void {
  const now = new Date().toISOString();
  const upsert = db.prepare(
    `INSERT INTO finding_history (finding_id, episode_id, rule, first_seen, last_seen, resolved_at)
     VALUES (?, ?, ?, ?, ?, NULL)
     ON CONFLICT(finding_id) DO UPDATE SET last_seen = excluded.last_seen, resolved_at = NULL`,
  );
  const resolve = db.prepare('UPDATE finding_history SET resolved_at = ? WHERE finding_id = ?');
  const reviewed = new Set(episodes.map((e) => e.id));
  db.transaction(() => {
    for (const ep of episodes)
      for (const f of ep.findings) if (f.id) upsert.run(f.id, ep.id, f.rule, now, now);
    for (const h of history.values())
      if (!h.resolved_at && reviewed.has(h.episode_id) && !seen.has(h.finding_id))
        resolve.run(now, h.finding_id);
  })();
}

export interface DecisionInput {
  findingId: string;
  as: DecisionKind;
  reason: string;
  action?: string | null;
  due?: IsoDate | null;
  /** Who decides; default the operating-system user. */
  by?: string | null;
}

export class DecisionError extends Error {}

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
  db.transaction(() => {
    db.prepare(
      `INSERT INTO finding_decisions
         (finding_id, episode_id, rule, dates, decision, reason, action, due, decided_by, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.findingId,
      episode!.id,
      finding!.rule,
      JSON.stringify(finding!.dates),
      decision.as,
      decision.reason,
      decision.action ?? null,
      decision.due ?? null,
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

/** Decisions whose finding the latest recorded review no longer reports: resolved. */
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
      `SELECT d.*, h.resolved_at FROM finding_decisions d
         JOIN finding_history h ON h.finding_id = d.finding_id
        WHERE h.resolved_at IS NOT NULL
          AND d.id = (SELECT max(id) FROM finding_decisions x WHERE x.finding_id = d.finding_id)
        ORDER BY h.resolved_at, d.id`,
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
