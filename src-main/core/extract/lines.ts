/** Page text split into lines that remember where they sit, so every fact can cite its exact span. */
import type { PageText } from '../../../shared/model';
import { asWritten, FILL } from '../parse/spoken';
import { withoutGlosses } from './glosses';
import { isRuleLine } from './layout';

export interface Line {
  page: number;
  /** Offsets of the line within its page's text (end exclusive, line break excluded). */
  start: number;
  end: number;
  text: string;
  /** Running header/footer ("Page 2 of 3", "Printed 11/14/2026"): never starts a document or dates one. */
  running: boolean;
}

/**
 * @param written the page's text as the readers read it (dictation as typed, see asWritten),
 *   offset for offset the page's own.
 */
export function pageLines(page: PageText, written = asWritten(page.text)): Line[] {
  const lines: Line[] = [];
  const t = written;
  let start = 0;
  while (start <= t.length) {
    let nl = t.indexOf('\n', start);
    if (nl < 0) nl = t.length;
    const end = nl > start && t[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({
      page: page.page,
      start,
      end,
      text: withoutEmphasis(withoutBoxDrawing(withoutDotLeaders(t.slice(start, end)))),
      running: false,
    });
    start = nl + 1;
  }
  const unglossed = withoutGlosses(lines.map((l) => l.text));
  lines.forEach((l, i) => (l.text = unglossed[i]!));
  return lines;
}

/**
 * A legacy report's dot leaders between a label and its colon ("PT NAME.......: ROE, JAN") read
 * as spaces, so every reader sees "PT NAME       : ROE, JAN"; the length (and every offset into
 * the page) stays the same. Leaders with no colon after them stand for one.
 */
const DOT_LEADER = /(?<=[A-Za-z0-9#)/])\.{2,}(?=\s*:)/g;
/**
 * Dot leaders that stand for the colon ("DATE WRITTEN.......... 10/26/26", "OBJECTIVE......"): the
 * last dot becomes the colon, so the field reads "DATE WRITTEN         : 10/26/26".
 */
const DOT_LEADER_AS_COLON = /(?<=[A-Za-z0-9#)/])\.{3,}(?=\s+\S|\s*$)/g;

/**
 * A word processor's leaders set off from their label by a space ("Date of Service .......... May
 * 12", "Signature ........ electronically signed"): the label is a field's when it is a few words
 * starting with a letter, with figures only inside brackets ("Manual therapy (97140)"), so a
 * numbered goal's row ("2. Lift 5 lb to shelf ...... achieved", "STG 1 Lift 30 lb ..... Met") and
 * a prose ellipsis (three dots) stay as written.
 */
const SPACED_LEADER = /^(\s*)([A-Za-z][^.:]*?[A-Za-z.)]) (\.{4,})(?=\s+\S|\s*$)/;
const SPACED_LABEL_WORDS = 5;

function spacedLeaderAsColon(text: string): string {
  const m = SPACED_LEADER.exec(text);
  if (!m) return text;
  const label = m[2] ?? '';
  const unbracketed = label.replace(/\([^()]*\)/g, '');
  if (/\d/.test(unbracketed) || unbracketed.trim().split(/\s+/).length > SPACED_LABEL_WORDS)
    return text;
  if (/^(?:goal|stg|ltg)\b/i.test(label)) return text;
  // The colon goes right after the label, as a form prints "Label:" and its value across a gap.
  const leader = m[3] ?? '';
  const at = (m[1] ?? '').length + label.length;
  return `${text.slice(0, at)}:${' '.repeat(leader.length)}${text.slice(at + leader.length + 1)}`;
}

function withoutDotLeaders(text: string): string {
  if (!text.includes('..')) return text;
  return spacedLeaderAsColon(
    text
      .replace(DOT_LEADER, (m) => ' '.repeat(m.length))
      .replace(DOT_LEADER_AS_COLON, (m) => `${' '.repeat(m.length - 1)}:`),
  );
}

/**
 * Markdown's strong emphasis ("**Payer:** UMR", "__Met__"): a pair of marks on one line, never
 * part of a longer run (a form's blank "Date: ____", a masked "***-**-1234").
 */
const EMPHASIS = /(?<![*_])(\*\*|__)(?![\s*_])(.+?)(?<![\s*_])\1(?![*_])/g;

/**
 * A note written in Markdown (a cloud EMR's export) reads as the words it emphasises: the marks
 * become fill, which reads as a space but never as a gap between columns, so "**Payer:** UMR" is
 * the field "Payer: UMR". Offsets and quotes stay the page's.
 */
function withoutEmphasis(text: string): string {
  if (!text.includes('**') && !text.includes('__')) return text;
  return text.replace(EMPHASIS, (_, mark: string, body: string) => {
    const pad = FILL.repeat(mark.length);
    return `${pad}${body}${pad}`;
  });
}

/** Words as the record says them, without Markdown's emphasis marks (a goal's statement). */
export function withoutMarkup(text: string): string {
  // A span may hold one mark of a pair ("Goal 1:** Lift 70 lb"); a rule of underscores stays.
  return text.replace(/\*\*|(?<!_)__(?!_)/g, '');
}

/** Box-drawing characters a legacy report draws its forms and tables with. */
const BOX_VERTICAL = /[│┃║╎╏┆┇┊┋]/g;
const BOX_HORIZONTAL = /[─━═╌╍┄┅┈┉]/g;
const BOX_JOINT = /[┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫┏┓┗┛┣┫┳┻╋]/g;

/**
 * A report drawn in boxes ("│ Date of Service: 10/05/2026 │ Therapist: ... │", "┌───┬───┐") reads
 * as the form it draws: a border line is a rule ("+---+---+"), a box's edges are margins and a bar
 * inside a row parts its cells (" | "). An ASCII box row ("| Goal | Status |") loses its edges
 * the same way. Every character keeps its place, so offsets and quotes stay the page's.
 */
function withoutBoxDrawing(text: string): string {
  const boxed = /[│┃║─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬]/.test(text);
  const ascii = !boxed && /^\s*\|.*\|\s*$/.test(text);
  if (!boxed && !ascii) return text;
  let out = text.replace(BOX_HORIZONTAL, '-').replace(BOX_JOINT, '+').replace(BOX_VERTICAL, '|');
  // The box's own edges: the first and last bar of the line, with only spaces outside them.
  out = out.replace(/^(\s*)\|/, '$1 ').replace(/\|(\s*)$/, ' $1');
  return labelledBoxRow(out);
}

/** A box row's label cell: a few words, no figures, no colon of its own. */
const BOX_LABEL = /^[A-Za-z][A-Za-z /&()#'.-]{0,39}$/;

/**
 * A box row of two cells whose first is a label ("Reason for discharge │ All goals met") is that
 * label's field: the colon goes after the label and the bar becomes a space.
 */
function labelledBoxRow(text: string): string {
  const bar = text.indexOf('|');
  if (bar < 0 || text.indexOf('|', bar + 1) >= 0) return text;
  const label = text.slice(0, bar).trim();
  if (!BOX_LABEL.test(label) || label.split(/\s+/).length > 5 || text.slice(bar + 1).trim() === '')
    return text;
  const end = text.indexOf(label) + label.length;
  if (end >= bar) return text;
  return `${text.slice(0, end)}:${text.slice(end + 1, bar)} ${text.slice(bar + 1)}`;
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** A file's lines grouped by their page, in page order. */
export function linesByPage(lines: readonly Line[]): Map<number, Line[]> {
  const pages = new Map<number, Line[]>();
  for (const l of lines) {
    const list = pages.get(l.page);
    if (list) list.push(l);
    else pages.set(l.page, [l]);
  }
  return pages;
}

/**
 * A page's header band: its lines from the top up to the first blank or ruled line (the
 * practice's name, the report's title, "Patient: ...  Claim # ...").
 */
export function headerBand(page: readonly Line[]): Line[] {
  const band: Line[] = [];
  for (const l of page) {
    if (!l.running && (isBlank(l) || isRuleLine(l.text))) break;
    band.push(l);
  }
  return band;
}

/** Lines that carry note content (not blank, not running headers/footers). */
export function contentLines(lines: Line[]): Line[] {
  return lines.filter((l) => !l.running && !isBlank(l));
}

/** A phrase read across a line break: its text as one line, and its span on the page. */
export interface BrokenMatch {
  text: string;
  start: number;
  end: number;
}

/**
 * Matches of `re` (global) that begin on `line` and end on `next`, the following line of the same
 * paragraph: prose wraps wherever the width runs out ("ON TRACK FOR FULL" / "DUTY BY PLANNED
 * END"). Spans are page offsets, so a fact quotes both lines' words.
 */
export function matchesOverBreak(line: Line, next: Line | undefined, re: RegExp): BrokenMatch[] {
  if (!next || next.page !== line.page || next.running || isBlank(next) || isBlank(line)) return [];
  const head = line.text.trimEnd();
  const lead = next.text.length - next.text.trimStart().length;
  const joined = `${head} ${next.text.trimStart()}`;
  const out: BrokenMatch[] = [];
  for (const m of joined.matchAll(re)) {
    const end = m.index + m[0].length;
    if (m.index >= head.length || end <= head.length + 1) continue;
    out.push({
      text: m[0],
      start: line.start + m.index,
      end: next.start + lead + (end - head.length - 1),
    });
  }
  return out;
}
