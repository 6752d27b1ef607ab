/**
 * Dictation as a typed note would write it. Speech recognition transcribes the punctuation and
 * the numbers a clinician speaks ("Objective colon", "forty pounds", "from nine fifteen AM to
 * twelve fifteen PM", "March eleventh, 2026", "Goals colon one, lift ... Two, carry ..."). Every
 * reader reads the written form; each replacement keeps the text's length, so every offset into
 * the page, and so every quote, stays the page's own words. The room a shorter form leaves is
 * filled with no-break spaces, which read as a space but never as a gap between a form's columns
 * (that takes plain spaces), and the space before a spoken label becomes a line break.
 */
import { CARDINAL_WORDS, ORDINAL_DAY_WORDS, numberValue, ordinalDayValue } from './numbers';

/** What a spoken count measures: a number in words before one of these is a measure. */
const UNIT_WORD = String.raw`(?:minutes?|mins?|hours?|hrs?|seconds?|secs?|pounds?|lbs?|kilograms?|kgs?|feet|foot|ft|inches|yards?|meters?|degrees|percent|sets?|reps?|repetitions?|times|trips|laps|steps|stairs|flights|rungs|visits?|sessions?|treatments?|weeks?|days?|months?|years?|year-old|cases|crates|boxes)`;
const CARDINAL_BEFORE_UNIT = new RegExp(
  String.raw`(?<![\w-])${CARDINAL_WORDS}(?=[ -]+${UNIT_WORD}\b)`,
  'gi',
);

const OCCASION = /^[ -]+(?:session|visit|treatment)\b/i;

/** One to twelve in words: a clock's hours, a goal's or a list item's number. */
const ONE_TO_TWELVE = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const MINUTE_WORDS = String.raw`(?:oh[ -](?:one|two|three|four|five|six|seven|eight|nine)|(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;
const MERIDIEM = String.raw`(?: *(?:[ap]\.? ?m\b\.?))`;
/** "nine fifteen AM", "eight o'clock", "one o'clock PM": a clock time with its cue. */
const CLOCK_CUED = new RegExp(
  String.raw`\b(${ONE_TO_TWELVE})(?: +(${MINUTE_WORDS}))?(?: +(o'?clock)\b|(?=${MERIDIEM}))`,
  'gi',
);
/**
 * "from nine fifteen to twelve fifteen", "twelve forty five to three forty five PM": a range that
 * starts with "from" or ends with its meridiem says both ends are clock times.
 */
const CLOCK_RANGE = new RegExp(
  String.raw`\b(from +)?(${ONE_TO_TWELVE}) +(${MINUTE_WORDS}) +(?:to|until|till) +(${ONE_TO_TWELVE}) +(${MINUTE_WORDS})\b(${MERIDIEM})?`,
  'gid',
);

/** "goal one", "long term goals one through four", "visit number four": a number that names. */
const NAMING_NUMBER = new RegExp(
  String.raw`(?<=\b(?:goals?|STGs?|LTGs?|number)\s+(?:${ONE_TO_TWELVE}\s+(?:through|to|and)\s+)?)${ONE_TO_TWELVE}\b`,
  'gi',
);

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** "March eleventh", "February twenty fourth": the day after its month. */
const ORDINAL_DATE = new RegExp(String.raw`(?<=\b${MONTH} +)${ORDINAL_DAY_WORDS}\b`, 'gi');

/**
 * Where a spoken label may start: a line's start, a sentence's end, another spoken label, or a
 * capital after running words (dictation drops the full stop: "fifty minutes Activities
 * performed colon").
 */
const SENTENCE_START = String.raw`(?<=^|[.!?] +|\b[Cc]olon +)`;
const LABEL_START = String.raw`(?:${SENTENCE_START}|(?<=[a-z0-9] +)(?=[A-Z]))`;
/**
 * "Subjective colon", "Response to treatment colon", "Long term goals in four weeks colon": a
 * label of up to seven words said with its colon (the words after its first in lower case, as
 * recognition writes them, so "... two hours Response to treatment colon" labels from "Response").
 */
const SPOKEN_LABEL = new RegExp(
  String.raw`${LABEL_START}([A-Za-z][\w'/-]*(?: +[a-z0-9][\w'/-]*){0,6}?) +[Cc]olon\b(?= +\S)`,
  'gm',
);
/** The bowel, not punctuation: "history of colon cancer", "sigmoid colon". */
const ANATOMY_BEFORE =
  /\b(?:of|with|and|or|the|a|an|his|her|includes|including|sigmoid|ascending|descending|transverse|s\/p|post)$/i;
const ANATOMY_AFTER = /^ +(?:cancer|carcinoma|polyps?|resection|surgery|mass|tumou?r)\b/i;
/** "colon one, lift ... Two, carry ...": a list dictated item by item. */
const SPOKEN_ITEM = new RegExp(String.raw`${SENTENCE_START}(${ONE_TO_TWELVE}),(?= +[a-z])`, 'gim');

/** The room a length-keeping rewrite leaves: reads as a space, never as a column gap. */
export const FILL = '\u00a0';

/** A span of the written text with the room its replacements left closed up. */
export function withoutFill(text: string): string {
  if (!text.includes(FILL)) return text;
  // No space is left where none stood: at either end, or after a bracket or dash ("(three").
  return text.replace(
    /(^|[([{/-])?[ \u00a0]*\u00a0[ \u00a0]*(\n|$)?/g,
    (_, before?: string, end?: string) =>
      end !== undefined ? (before ?? '') + end : before === undefined ? ' ' : before,
  );
}

/**
 * The dictated text as written, length for length. A text with nothing said aloud comes back as
 * the same string, so a reader comparing the two finds them identical at once.
 */
export function asWritten(text: string): string {
  let chars: string[] | null = null;
  const out = () => (chars ??= text.split(''));
  const put = (at: number, end: number, written: string) => {
    const padded = written.padStart(end - at, FILL);
    const o = out();
    for (let i = at; i < end; i++) o[i] = padded[i - at]!;
  };
  for (const m of text.matchAll(CARDINAL_BEFORE_UNIT)) {
    const n = numberValue(m[0].replace(/ +/g, ' '));
    // "in one session", "one visit": a single occasion, not a count to read.
    if (n === 1 && OCCASION.test(text.slice(m.index + m[0].length))) continue;
    if (n !== null) put(m.index, m.index + m[0].length, String(n));
  }
  for (const m of text.matchAll(NAMING_NUMBER)) {
    const n = numberValue(m[0]);
    if (n !== null) put(m.index, m.index + m[0].length, String(n));
  }
  for (const m of text.matchAll(CLOCK_CUED)) {
    const written = clock(m[1]!, m[2]);
    // "one o'clock" has room for "1:00"; "ten AM" has none for "10:00" and stays as said.
    if (written && written.length <= m[0].length) put(m.index, m.index + m[0].length, written);
  }
  for (const m of text.matchAll(CLOCK_RANGE)) {
    const from = clock(m[2]!, m[3]);
    const to = clock(m[4]!, m[5]);
    const at = m.indices!;
    if (!from || !to || (m[1] === undefined && m[6] === undefined)) continue;
    put(at[2]![0], at[3]![1], from);
    put(at[4]![0], at[5]![1], to);
  }
  for (const m of text.matchAll(ORDINAL_DATE)) {
    const day = ordinalDayValue(m[0].replace(/ +/g, ' '));
    if (day !== null) put(m.index, m.index + m[0].length, `${day}${suffix(day)}`);
  }
  for (const m of text.matchAll(SPOKEN_LABEL)) {
    const label = m[1]!;
    if (ANATOMY_BEFORE.test(label) || ANATOMY_AFTER.test(text.slice(m.index + m[0].length)))
      continue;
    // " colon" becomes a colon and its room, and the label starts a line of its own.
    const end = m.index + m[0].length;
    const o = out();
    for (let i = m.index + label.length; i < end; i++) o[i] = FILL;
    o[m.index + label.length] = ':';
    breakBefore(o, m.index);
  }
  for (const m of text.matchAll(SPOKEN_ITEM)) {
    const n = numberValue(m[1]!);
    if (n === null) continue;
    const written = `${n}.`.padEnd(m[0].length, FILL);
    const o = out();
    for (let i = 0; i < written.length; i++) o[m.index + i] = written[i]!;
    breakBefore(o, m.index);
  }
  return chars === null ? text : out().join('');
}

function clock(hour: string, minute: string | undefined): string | null {
  const h = numberValue(hour);
  const min = minute === undefined ? 0 : numberValue(minute.replace(/^oh[ -]/i, ''));
  return h === null || min === null || min > 59 ? null : `${h}:${String(min).padStart(2, '0')}`;
}

/** The space before a label or item becomes a line break (a line's own start needs none). */
function breakBefore(out: string[], at: number): void {
  if (at > 0 && out[at - 1] === ' ') out[at - 1] = '\n';
}

function suffix(day: number): string {
  if (day % 10 === 1 && day !== 11) return 'st';
  if (day % 10 === 2 && day !== 12) return 'nd';
  if (day % 10 === 3 && day !== 13) return 'rd';
  return 'th';
}
