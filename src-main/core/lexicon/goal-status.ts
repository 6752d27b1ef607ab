/**
 * Goal status words as progress reports and discharge summaries write them ("Met", "Goal
 * achieved", "PROGRESSING", "partially met", "not met", "ongoing", "D/C'd"), by the status they
 * mean. The goal reader and the review read statuses only through `goalStatusIn`.
 */
import type { GoalStatus } from '../../../shared/model';

/** Most specific first: "partially met" and "not met" before "met". */
const STATUS_WORDS: ReadonlyArray<{ status: GoalStatus; re: RegExp }> = [
  {
    status: 'partially-met',
    re: /\b(?:partially|partly|partial(?:ly)?)\s+(?:met|achieved|attained)\b|\bpartial\b(?=\s*(?:[-:(.;,)]|$))|\bp\/m\b/i,
  },
  {
    status: 'not-met',
    re: /\b(?:not|never|has not been|have not been|was not|were not)\s+(?:yet\s+)?(?:met|achieved|attained)\b|\bunmet\b|\bnot\s+yet\b(?=\s*(?:[-:(;,)]|\.?\s*$))|\bnot\s+progressing\b|\bno\s+(?:progress|change)\b|\bn\/m\b/i,
  },
  {
    status: 'met',
    re: /\b(?:met|achieved|attained|accomplished|completed)\b|\bgoal\s+reached\b/i,
  },
  {
    status: 'progressing',
    re: /\b(?:progressing|progress(?:ing)?\s+(?:toward|towards)|improving|improved|in\s+progress|ongoing|continu(?:e|es|ing)|on\s+track|partially\s+progressing|making\s+progress)\b/i,
  },
  {
    status: 'discontinued',
    re: /\b(?:discontinued|d\/c'?d|dropped|no longer (?:appropriate|applicable|relevant))\b/i,
  },
  {
    status: 'deferred',
    re: /\b(?:deferred|on hold|not (?:yet )?(?:assessed|tested|addressed|started|begun|initiated))\b/i,
  },
  // "Modified independent" is a level of independence, not a revised goal.
  {
    status: 'revised',
    re: /\b(?:revised|modified(?!\s+(?:indep\w*|I\b|duty|diet))|updated|upgraded|downgraded|new goal)\b/i,
  },
];

export interface StatusHit {
  status: GoalStatus;
  start: number;
  end: number;
}

/** The first goal status a text states, with its span, or null. */
export function goalStatusIn(text: string): StatusHit | null {
  let best: StatusHit | null = null;
  for (const { status, re } of STATUS_WORDS) {
    const m = re.exec(text);
    // The earliest mention wins; at the same place the more specific word (listed first) wins.
    if (m && (!best || m.index < best.start))
      best = { status, start: m.index, end: m.index + m[0].length };
  }
  return best;
}

/**
 * A statement that covers every goal at once: "All goals met", "all STGs achieved", "[X] Goals
 * met", "Goals: met", "Pt met all LTGs", "STGs (due 7/28) - all met", "STGs (05/18) on track".
 */
const ALL_GOALS =
  /\b(?:all(?:\s+(?:of\s+)?(?:the\s+)?(?:pt'?s?\s+|patient'?s?\s+|her\s+|his\s+|their\s+)?(?:short[- ]?term\s+|long[- ]?term\s+|stated\s+|functional\s+|program\s+|treatment\s+)?(?:goals?|stgs?|ltgs?)))\b|\b(?:goals?|stgs?|ltgs?)(?:\s*\([^()]{0,30}\))?\s*(?:were|have been|are|:|-)?\s*(?:all\s+)?(?:met|achieved|attained|not met|partially met|on track|progressing)\b/i;

/** Each statement of a text that covers every goal, or every goal of one term. */
export function allGoalStatements(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(new RegExp(ALL_GOALS.source, 'gi'))].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export function coversAllGoals(text: string): { start: number; end: number } | null {
  return allGoalStatements(text)[0] ?? null;
}

/** A form's key to the codes its goal grid uses: "Status key: M = Met  P = Progressing  NM = Not met". */
const STATUS_KEY_LABEL = /\b(?:status\s+)?(?:key|legend)\s*:\s*/i;
const KEY_ENTRY = /\b([A-Z]{1,3})\s*=\s*(.+?)(?=\s+[A-Z]{1,3}\s*=|\s*[;,|]\s*[A-Z]{1,3}\s*=|\s*$)/g;

/** The status each code of a form's key stands for (only codes whose meaning is a status). */
export function statusKeyIn(lines: readonly { text: string }[]): Map<string, GoalStatus> {
  const key = new Map<string, GoalStatus>();
  for (const { text } of lines) {
    const label = STATUS_KEY_LABEL.exec(text);
    if (!label) continue;
    for (const m of text.slice(label.index + label[0].length).matchAll(KEY_ENTRY)) {
      const hit = goalStatusIn(m[2]!);
      if (hit && hit.start === 0) key.set(m[1]!, hit.status);
    }
  }
  return key;
}

/**
 * A status written as a code of the form's key, alone in its cell or last in it after the target
 * date ("27-Mar P"), with its span in the cell.
 */
export function codedStatusIn(
  text: string,
  key: ReadonlyMap<string, GoalStatus>,
): StatusHit | null {
  if (key.size === 0) return null;
  const m = /(?:^|\s)([A-Z]{1,3})\s*$/.exec(text);
  const status = m ? key.get(m[1]!) : undefined;
  if (!m || !status) return null;
  const start = m.index + m[0].indexOf(m[1]!);
  return { status, start, end: start + m[1]!.length };
}
