/**
 * The checklist's views of an episode's findings, by where the reviewer's work stands: open (fail
 * or warn, not decided, or reopened), decided, new since the last review, or every fail and warn.
 */
import type { Finding } from '../../shared/model';

export type FindingView = 'all' | 'open' | 'decided' | 'new';

export const FINDING_VIEWS: ReadonlyArray<{ id: FindingView; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'open', label: 'Open' },
  { id: 'decided', label: 'Decided' },
  { id: 'new', label: 'New since last review' },
];

const isReported = (f: Finding) => f.status === 'fail' || f.status === 'warn';

/** A passing or N/A finding shows only in "all" (with "show passing"); it has nothing to decide. */
export function inView(f: Finding, view: FindingView): boolean {
  if (view === 'all') return true;
  if (!isReported(f)) return false;
  if (view === 'new') return f.new === true;
  const decided = !!f.decision && !f.reopened;
  return view === 'decided' ? decided : !decided;
}

export function viewCounts(findings: readonly Finding[]): Record<FindingView, number> {
  const reported = findings.filter(isReported);
  return {
    all: reported.length,
    open: reported.filter((f) => inView(f, 'open')).length,
    decided: reported.filter((f) => inView(f, 'decided')).length,
    new: reported.filter((f) => inView(f, 'new')).length,
  };
}

/** The checklist's keyboard shortcuts, shown beside it and read by its key handler. */
export const CHECKLIST_KEYS = [
  { key: 'j', label: 'J', does: 'next finding' },
  { key: 'k', label: 'K', does: 'previous finding' },
  { key: 'd', label: 'D', does: 'decide the finding' },
  { key: 'e', label: 'E', does: 'show its evidence' },
] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number]['key'];

export function checklistKey(e: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): ChecklistKey | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const k = e.key.toLowerCase();
  return CHECKLIST_KEYS.some((c) => c.key === k) ? (k as ChecklistKey) : null;
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
const STATUS_RANK: Record<Finding['status'], number> = { fail: 0, warn: 1, pass: 2, 'n/a': 3 };

/**
 * Errors first: reported findings (fail, check) before passing and N/A ones; among them by
 * severity (Error, Warning, Info), then a fail before a check.
 */
export function byErrorsFirst(a: Finding, b: Finding): number {
  return (
    Number(!isReported(a)) - Number(!isReported(b)) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status]
  );
}

/** A finding's place in the page order: reported errors, warnings, info, then the rest. */
export function tierOf(f: Finding): number {
  return isReported(f) ? SEVERITY_RANK[f.severity] : 3;
}

/** What each tier of a split group is called in its heading. */
export const TIER_LABEL = ['errors', 'warnings', 'info', 'passing and not applicable'] as const;

const TIER_NOUN = [
  ['error', 'errors'],
  ['warning', 'warnings'],
  ['info', 'info'],
  ['passing or N/A', 'passing or N/A'],
] as const;

/**
 * A section heading's count, of what the section lists and nothing else ("1 error", "3
 * warnings"): a group's fails of every severity over its errors alone read as errors not shown.
 */
export function sectionCount(tier: number, listed: number): string {
  const [one, many] = TIER_NOUN[tier] ?? TIER_NOUN[3];
  return `${listed} ${listed === 1 ? one : many}`;
}

export interface ChecklistSection<G> {
  group: G;
  tier: number;
  findings: Finding[];
  /** The group's first section on the page. */
  first: boolean;
  /** The group shows in more than one section (the heading then names the tier). */
  split: boolean;
}

/**
 * The checklist's sections, errors first on the whole page: every group's errors, then every
 * group's warnings, then info, then passing and N/A, each tier in the usual group order. A group
 * with both errors and warnings is split, so its warnings never sit above a later group's errors.
 * A group with nothing in view keeps one (empty) section at the end. `shown` is each group's
 * findings in view, already sorted by byErrorsFirst.
 */
export function checklistSections<G>(
  groups: ReadonlyArray<{ group: G; shown: readonly Finding[] }>,
): ChecklistSection<G>[] {
  const out: ChecklistSection<G>[] = [];
  for (let tier = 0; tier <= 3; tier++)
    for (const { group, shown } of groups) {
      const findings = shown.filter((f) => tierOf(f) === tier);
      if (findings.length) out.push({ group, tier, findings, first: false, split: false });
    }
  for (const { group, shown } of groups)
    if (shown.length === 0) out.push({ group, tier: 3, findings: [], first: false, split: false });
  const seen = new Map<G, number>();
  for (const s of out) seen.set(s.group, (seen.get(s.group) ?? 0) + 1);
  const firstDone = new Set<G>();
  for (const s of out) {
    s.split = (seen.get(s.group) ?? 0) > 1;
    s.first = !firstDone.has(s.group);
    firstDone.add(s.group);
  }
  return out;
}
