/** Short- and long-term goals (one fact per goal) and goal-by-goal assessments. */
import type { FactKind } from '../../../shared/model';
import type { FactSink } from './facts';
import type { Line } from './lines';
import { headingOf } from './sections';

/** Goal list headings and the goal kind their items get. */
const GOAL_HEADINGS: ReadonlyArray<{ kind: 'goal-short' | 'goal-long'; re: RegExp }> = [
  { kind: 'goal-short', re: /^\W{0,3}(?:Short[- ]?Term Goals?|STGs?)\b/i },
  { kind: 'goal-long', re: /^\W{0,3}(?:Long[- ]?Term Goals?|LTGs?)\b/i },
  // Goals without a term are the plan's treatment goals: reported as long-term.
  {
    kind: 'goal-long',
    re: /^\W{0,3}(?:Functional |Treatment |Program |Rehab |Patient )?Goals?\b(?!\s+status)/i,
  },
];

/** A list marker at the start of a goal item: "1.", "2)", "#3", "-", "•", "STG 1:", "Goal #2 -". */
const ITEM_MARKER =
  /^\s*(?:(?:(STG|LTG|Goal)\s*#?\s*\d{0,2}\s*[:.)\-–]?)|\d{1,2}\s*[.)]|#\d{1,2}\s*[:.)]?|[-•*·●▪○]|\(?[a-h]\))\s*/i;
/** "STG 1: ..." anywhere, outside goal lists. */
const INLINE_GOAL =
  /^\s*(STG|LTG|Short[- ]?term goal|Long[- ]?term goal)\s*#?\s*\d{0,2}\s*[:.)\-–]\s*/i;

const STATUS = String.raw`partially met|not met|met|not progressing|progressing|ongoing|achieved|not achieved|discontinued|deferred|revised|continue`;
const GOAL_ASSESSMENT = new RegExp(
  String.raw`\b(?:STG|LTG|Goal)\s*#?\s*\d{1,2}\b[^\n]{0,120}?\b(?:${STATUS})\b`,
  'gi',
);
const TRAILING_STATUS = new RegExp(
  String.raw`(?:[-–:(]|\bstatus:?)\s*(?:${STATUS})\b\)?\.?\s*$`,
  'i',
);
const ONLY_STATUS = new RegExp(String.raw`^\W*(?:${STATUS})\W*$`, 'i');
const RULE_LINE = /^\s*[-=_*~.]{3,}\s*$/;
const LABEL_LINE = /^\s*[A-Z][A-Za-z /&]{1,30}:\s*\S/;

function kindFor(marker: string | undefined, fallback: 'goal-short' | 'goal-long'): FactKind {
  if (!marker) return fallback;
  if (/^STG$/i.test(marker)) return 'goal-short';
  if (/^LTG$/i.test(marker)) return 'goal-long';
  return fallback;
}

export function extractGoals(lines: Line[], sink: FactSink): void {
  let listKind: 'goal-short' | 'goal-long' | null = null;
  let items = 0;
  let blanks = 0;
  let last: { kind: FactKind; line: Line; start: number; end: number } | null = null;
  /** Whether the open item began with a list marker (so unmarked lines below it continue it). */
  let lastMarked = false;

  const flush = () => {
    if (!last) return;
    const text = sink.slice(
      last.line.page,
      last.line.start + last.start,
      last.line.start + last.end,
    );
    if (!ONLY_STATUS.test(text))
      sink.add(last.kind, text.replace(/\s+/g, ' '), last.line, last.start, last.end);
    last = null;
  };

  for (const line of lines) {
    const t = line.text;
    assessGoals(line, sink);
    const heading = GOAL_HEADINGS.find((g) => g.re.test(t));
    if (heading && headingOf(t)?.name === 'goals') {
      flush();
      listKind = heading.kind;
      items = 0;
      blanks = 0;
      // "Short-term goals: lift 35 lb ..." carries its first goal inline.
      const after = /:\s*/.exec(t);
      if (after && t.slice(after.index + after[0].length).trim() !== '') {
        last = { kind: listKind, line, start: after.index + after[0].length, end: t.length };
        lastMarked = false;
        items++;
      }
      continue;
    }
    if (t.trim() === '') {
      if (++blanks >= 2 && items > 0) {
        flush();
        listKind = null;
      }
      continue;
    }
    blanks = 0;
    // A text export underlines its headings ("Goals" over "-----"): a rule, not a goal.
    if (RULE_LINE.test(t)) continue;
    const inline = INLINE_GOAL.exec(t);
    if (!listKind) {
      if (inline) {
        flush();
        const kind = /^(?:STG|Short)/i.test(inline[1]!) ? 'goal-short' : 'goal-long';
        last = { kind, line, start: inline[0].length, end: t.length };
        flush();
      }
      continue;
    }
    if (headingOf(t) || (LABEL_LINE.test(t) && !ITEM_MARKER.test(t))) {
      flush();
      listKind = null;
      continue;
    }
    const marker = ITEM_MARKER.exec(t);
    if (marker && marker[0].trim() !== '') {
      flush();
      // "- STG 1: ..." names its term after the bullet.
      const term = marker[1] ?? /^(STG|LTG)\b/i.exec(t.slice(marker[0].length))?.[1];
      last = { kind: kindFor(term, listKind), line, start: marker[0].length, end: t.length };
      lastMarked = true;
      items++;
    } else if (last && (lastMarked || /^\s*[a-z(]/.test(t))) {
      // A wrapped goal: in a marked list every unmarked line continues the item above it, whatever
      // it starts with ("20 lb.", "100% of trials."). A fact cites one page, so a goal wrapped onto
      // the next page keeps its first page's text and the rest is not a goal of its own.
      if (line.page === last.line.page)
        last = { ...last, end: line.start + t.length - last.line.start, line: last.line };
    } else if (items === 0 || !last) {
      last = { kind: listKind, line, start: 0, end: t.length };
      lastMarked = false;
      items++;
    } else {
      flush();
      last = { kind: listKind, line, start: 0, end: t.length };
      lastMarked = false;
      items++;
    }
  }
  flush();
}

/** "Goal 1: met", "STG #2 partially met", and list items ending in a status. */
function assessGoals(line: Line, sink: FactSink): void {
  const t = line.text;
  let found = false;
  for (const m of t.matchAll(GOAL_ASSESSMENT)) {
    found = true;
    sink.add('goal-assessment', m[0], line, m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  if (!found && ITEM_MARKER.test(t) && TRAILING_STATUS.test(t))
    sink.add('goal-assessment', t, line, 0, t.length);
}
