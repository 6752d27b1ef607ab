/** Visit number: "Visit 7 of 20", "Visit #7", "Visit: 7", "Treatment day 7" (never "Page 2 of 3"). */
import type { FactSink } from './facts';
import type { Line } from './lines';

const VISIT =
  /\b(?:Visit|Treatment day|Tx day|Session|Treatment|Tx|Day)\s*(?:#|No\.?|Number|Count)?\s*:?\s*(\d{1,3})(?![\d/.:-])(?:\s*(?:of|\/)\s*\d{1,3})?\b/gi;
/** "Treatment 3x/week" or "Day 2 of lifting" are not visit numbers; require a visit-ish label. */
const NEEDS_MARKER = /^(?:Treatment|Tx|Day|Session)$/i;

export function extractVisitNumber(lines: Line[], sink: FactSink): void {
  for (const line of lines) {
    for (const m of line.text.matchAll(VISIT)) {
      const label = /^\w+/.exec(m[0])![0];
      const labelOnly = /^(?:Treatment day|Tx day)/i.test(m[0]) ? false : NEEDS_MARKER.test(label);
      // "Session 7" alone is ambiguous; accept it with "#", ":" or "of N".
      if (labelOnly && !/#|:|No\.?|Number|\bof\b|\//i.test(m[0])) continue;
      const after = line.text.slice((m.index ?? 0) + m[0].length);
      if (/^\s*(?:x|times|min|minutes|hours|hrs|lb|reps|weeks|wks)\b/i.test(after)) continue;
      sink.add(
        'visit-number',
        String(Number(m[1])),
        line,
        m.index ?? 0,
        (m.index ?? 0) + m[0].length,
      );
      return;
    }
  }
}
