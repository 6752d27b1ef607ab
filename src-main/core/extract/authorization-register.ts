/**
 * A practice system's own list of a case's authorizations, one row each ("Auth #: TW-26-0558213
 * Type: therapy window Start: 03/02/2026 End: 04/30/2026 Visits auth: 10 Used: 10"): a state
 * fund's therapy window or a plan's visits verified by phone has no letter, only this row. Each
 * row becomes one `auth-entry` fact (value the number; detail the period and the approved count).
 */
import { labeledDates, type LabeledDate } from '../parse/dates';
import type { FactSink } from './facts';
import type { Line } from './lines';

/** The row's number, labelled: "Auth #:", "Authorization No.", "Auth ID:". */
const ENTRY_NUMBER =
  /\b(?:Prior\s+)?(?:Authori[sz]ation|Auth\.?)\s*(?:#|No\.?|Number|ID)\s*:?\s*([A-Z0-9][A-Z0-9-]{2,24})\b/di;
/** Its period's ends, labelled ("Start: 03/02/2026 End: 04/30/2026", "From ... Thru ..."). */
const START_LABEL = /\b(?:Start|Begin|From|Effective|Eff\.?)(?:\s+Date)?\s*:\s*/gi;
const END_LABEL = /\b(?:End|Expires|Expiration|Exp\.?|Through|Thru|To|Until)(?:\s+Date)?\s*:\s*/gi;
/**
 * The count it approves, labelled as approved or as the field of the row: "Visits auth: 10",
 * "Approved visits: 12", "Visits: 8". What was used or remains is the practice's tally, not the
 * approval.
 */
const APPROVED_COUNT =
  /(?<!\b(?:used|remaining|scheduled|left|pending)\s+)\b(?:(?:visits?|sessions?|treatments?)\s*(?:auth(?:ori[sz]ed)?\.?|approved|allowed)?|(?:auth(?:ori[sz]ed)?\.?|approved|allowed)\s+(?:visits?|sessions?|treatments?))\s*:\s*(\d{1,3})\b(?![/:.-]\d)/di;

/** The first date a label leads straight to ("Start: 03/02/2026"). */
function labelledDate(text: string, label: RegExp): LabeledDate | undefined {
  return labeledDates(text, label).find((d) => d.start === d.valueStart);
}

/** Reads every line that is a whole authorization row: number, start, end and approved count. */
export function extractAuthorizationEntries(lines: readonly Line[], sink: FactSink): void {
  for (const line of lines) {
    const t = line.text;
    const number = ENTRY_NUMBER.exec(t);
    if (!number || !/\d/.test(number[1]!)) continue;
    const start = labelledDate(t, START_LABEL);
    const end = labelledDate(t, END_LABEL);
    const count = APPROVED_COUNT.exec(t);
    if (!start || !end || !count || end.iso < start.iso) continue;
    const rowEnd = Math.max(end.end, count.indices![1]![1]);
    sink.add('auth-entry', number[1]!, line, number.index, rowEnd, {
      start: start.iso,
      end: end.iso,
      visits: Number(count[1]),
    });
  }
}
