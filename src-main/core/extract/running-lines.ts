/** Running headers and footers that printed charts repeat on every page. */
import type { Line } from './lines';
import { isSignatureLine, isSignerNameLine } from './signatures';
import { isTitleLine } from './classify';
import { findDates } from '../parse/dates';
import { isRuleLine } from './layout';
import { PRINT_STAMPS } from './print-stamp';

/**
 * A fax machine's transmission header: the time sent, the sender and "TO" the receiving number
 * ("09/14/2026 10:12 AM  FROM: CASCADE ORTHO  541-555-0191  TO: 5415550149  P.2/2"), also the
 * original transmission's, printed again under it when a form comes back.
 */
const FAX_HEADER =
  /^\W*(?:\[[^\]]{0,40}\]\s*)?\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\s+\d{1,2}:\d{2}\s*(?:[AaPp][Mm])?\s.*(?:\bFROM\b|\d{3}[-. ]\d{3}[-. ]\d{4}).*\bTO\b:?\s*(?:\(?\d{3}|$)/;
/** The rest of a fax header wrapped onto the next line: the number it went to, its page count. */
const FAX_HEADER_TAIL =
  /^\s*(?:\(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}|\d{10})?\s*(?:P(?:age|g)?\.?\s*\d+\s*\/\s*\d+)?\s*$/i;

/** Patterns that mark a line as page furniture wherever it appears. */
const RUNNING_PATTERNS: RegExp[] = [
  /\bPage\s+\d+\s*(?:of|\/)\s*\d+\b/i,
  /^\s*Page\s+\d+\s*$/i,
  // A hospital system's report header: "RUN DATE: 03/02/26   <facility>   PAGE 2", "RUN TIME:".
  /^\s*RUN\s+(?:DATE|TIME|USER)\s*:/i,
  /\S\s{2,}PAGE\s+\d+\s*$/i,
  /^\s*[-–(]*\s*(?:continued|cont\.?|cont'd)(?:\s+(?:on|from)\s+(?:next|previous)\s+page)?\s*[-–)]*\s*$/i,
  // A note's title repeated over its next page, marked as carried over ("PHYSICAL THERAPY
  // INITIAL EVALUATION / PLAN OF CARE - 09/15/2026 (continued)").
  /\((?:continued|cont\.?|cont'd)\)\s*$/i,
  ...PRINT_STAMPS,
  /\bConfidential(?:ity)?\b.*\b(?:notice|information|health)\b/i,
  // An export stamp: "Re-exported 11/20/2026 08:02 HIM release", "-- re-export date: 11/20/2026 --".
  /^\W*(?:re-?export(?:ed)?|export(?:ed)? (?:on|by|date)|export date)\b.*\d/i,
  // A fax machine's transmission header: the time sent, the sender and "TO" the receiving number
  // ("09/14/2026 10:12 AM  FROM: CASCADE ORTHO  541-555-0191  TO: 5415550149  P.2/2"), also the
  // original transmission's, printed again under it when a form comes back.
  FAX_HEADER,
];

/** Digits vary between pages ("Page 3", dates), so compare lines with digits removed. */
function shape(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

const EDGE_LINES = 3;
/** A measured value: a load, a distance, a duration, repetitions. */
const MEASURED =
  /\b\d+(?:\.\d+)?\s*(?:lbs?|#|kg|ft|feet|in|min|mins|minutes|sec|reps?)\b|\b\d+\s*x\s*\d+\b/i;

/** Marks running lines in place. Lines repeated at the top or bottom of most pages also count. */
export function markRunningLines(pages: Line[][]): void {
  for (const lines of pages) {
    lines.forEach((line, k) => {
      if (RUNNING_PATTERNS.some((re) => re.test(line.text))) line.running = true;
      const above = lines[k - 1];
      if (
        above &&
        FAX_HEADER.test(above.text) &&
        line.text.trim() &&
        FAX_HEADER_TAIL.test(line.text)
      )
        line.running = true;
    });
  }
  markRepeatedHeaders(pages);
  if (pages.length < 3) return;
  const counts = new Map<string, number>();
  // Furniture prints the same date on every page ("Printed 11/24/2026"); a line of the same shape
  // whose date changes from page to page is each page's first entry ("Date: 10/02/26 ...").
  const datesOf = new Map<string, Set<string>>();
  // A line whose measured values change from page to page ("tote lift 20 lb" then "25 lb") is a
  // day's record on a form printed once a day, however alike its words.
  const textsOf = new Map<string, Set<string>>();
  for (const lines of pages) {
    const seen = new Set<string>();
    const top = lines.filter((l) => l.text.trim() !== '').slice(EDGE_LINES, TOP_LINES);
    for (const line of [...edgeLines(lines), ...top]) {
      const s = shape(line.text);
      if (s.length < 6) continue;
      seen.add(s);
      const dates = findDates(line.text)
        .map((d) => d.iso)
        .join(' ');
      if (dates) datesOf.set(s, (datesOf.get(s) ?? new Set()).add(dates));
      if (MEASURED.test(line.text))
        textsOf.set(s, (textsOf.get(s) ?? new Set()).add(line.text.trim()));
    }
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length * 0.6));
  const repeatedOnPages = (line: Line, least: number) => {
    const s = shape(line.text);
    return (
      (counts.get(s) ?? 0) >= least &&
      (datesOf.get(s)?.size ?? 0) <= 1 &&
      (textsOf.get(s)?.size ?? 0) <= 1
    );
  };
  const repeated = (line: Line) => repeatedOnPages(line, threshold);
  for (const lines of pages) {
    const edges = edgeLines(lines);
    const nonBlank = lines.filter((l) => l.text.trim() !== '');
    for (const line of edges) {
      // A printed chart ends most pages with the same clinician's "Signed: J. Roe PT 3/4/26": that
      // is each note's signature, not page furniture, however often it repeats; so is the typed
      // name under a signature line, above its "Signed:" date.
      if (isSignatureLine(line.text)) continue;
      const at = nonBlank.indexOf(line);
      const beside = [nonBlank[at - 1], nonBlank[at + 1]];
      if (beside.some((l) => l && isSignatureLine(l.text)) && isSignerNameLine(line.text)) continue;
      if (repeated(line) && !isTitleLine(line.text)) line.running = true;
    }
    // A title repeated on every page is furniture only while the lines under it are: a chart
    // print of one note a page repeats "DAILY TREATMENT NOTE" over a different date each time,
    // which may stand under a band of the form's number and the patient's fields.
    for (const line of edges) {
      if (line.running || !repeated(line) || !isTitleLine(line.text)) continue;
      const at = nonBlank.indexOf(line);
      const under = nonBlank.slice(at + 1, at + 1 + TOP_LINES);
      if (under.every((l) => l.running || repeated(l))) line.running = true;
    }
    // A band line between the running ones and the band's rule that changes with the case (a
    // chart print of a year's episodes: "Case: R Shoulder ... Status: D/C 04/23/2026", then
    // "Case: L Hip OA ...") repeats on each case's pages, not on most of the chart's. A line the
    // note itself starts with ("Dx: ..." under a header, no rule between) is the note's.
    for (let k = 1; k + 1 < Math.min(EDGE_LINES + 1, nonBlank.length); k++) {
      const line = nonBlank[k]!;
      if (line.running || !nonBlank[k - 1]!.running) continue;
      if (!isRuleLine(nonBlank[k + 1]!.text)) break;
      if (!repeatedOnPages(line, CASE_BAND_PAGES)) break;
      if (isTitleLine(line.text) || isSignatureLine(line.text)) break;
      line.running = true;
    }
    // A deeper header (an EMR's three header lines and a department banner under them) runs on
    // while the lines under the top ones repeat too; a title stops it, however often it repeats.
    if (nonBlank.length <= TOP_LINES) continue;
    if (!nonBlank.slice(0, EDGE_LINES).every((l) => l.running)) continue;
    for (const line of nonBlank.slice(EDGE_LINES, TOP_LINES)) {
      if (!repeated(line) || isTitleLine(line.text) || isSignatureLine(line.text)) break;
      line.running = true;
    }
  }
}

/** How deep a running header may go. */
const TOP_LINES = 6;
/** Pages a case's band line must repeat on, under the running header, to be furniture. */
const CASE_BAND_PAGES = 3;

function edgeLines(lines: Line[]): Line[] {
  const nonBlank = lines.filter((l) => l.text.trim() !== '');
  if (nonBlank.length <= EDGE_LINES * 2) return nonBlank;
  return [...nonBlank.slice(0, EDGE_LINES), ...nonBlank.slice(-EDGE_LINES)];
}

/**
 * The header a note repeats at the top of its later pages (the clinic, the patient band) is page
 * furniture there, however few pages it has: the first page keeps it as the note's own header.
 * A title or a signature is never furniture.
 */
function markRepeatedHeaders(pages: Line[][]): void {
  if (pages.length < 2) return;
  const top = (lines: Line[]) => lines.filter((l) => l.text.trim() !== '').slice(0, BAND_LINES);
  const first = new Set(top(pages[0]!).map((l) => l.text.trim()));
  for (const lines of pages.slice(1)) {
    // Lines already furniture ("RUN DATE: ... PAGE 2", a title "(CONTINUED)") and, once the band
    // has begun, rules between its lines do not end the repeated band (the patient's fields, the
    // service).
    let inBand = false;
    for (const line of top(lines)) {
      const t = line.text.trim();
      if (line.running || (inBand && isRuleLine(t))) continue;
      if (!first.has(t)) break;
      if (isTitleLine(t) || isSignatureLine(t)) break;
      line.running = true;
      inBand = true;
    }
  }
}

/** How many lines of a page's top a note's repeated header band may take. */
const BAND_LINES = 10;
