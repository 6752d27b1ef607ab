/** How a reviewer's decision on a finding reads, the same in the CLI, the reports and the app. */
import { localStamp } from './dates';
import type { DecisionKind, Finding } from './model';

export const DECISION_WORDS: Record<DecisionKind, string> = {
  confirmed: 'Confirmed defect',
  'not-a-defect': 'Not a defect',
  fixed: 'Fixed',
};

/** "Not a defect: documented elsewhere (J. Roe, 2026-12-05)", or the reopened decision and why. */
export function decisionLine(f: Pick<Finding, 'decision' | 'reopened'>): string | null {
  if (f.decision) {
    const d = f.decision;
    const action = d.action
      ? `; action: ${d.action}${d.clinician ? ` (${d.clinician})` : ''}${d.due ? ` by ${d.due}` : ''}`
      : '';
    // A reason written as a sentence ("... midpoint rule.") ends where the action begins.
    const reason = action ? d.reason.replace(/[\s.;,]+$/, '') : d.reason;
    return `${DECISION_WORDS[d.as]}: ${reason}${action} (${d.by}, ${localStamp(d.at, false)})`;
  }
  if (f.reopened)
    return `Reopened (was: ${DECISION_WORDS[f.reopened.previous.as].toLowerCase()}): ${f.reopened.why}`;
  return null;
}
