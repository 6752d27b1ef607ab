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
