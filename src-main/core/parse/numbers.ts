/**
 * Numbers written as words, as dictation transcribes them ("Fifteen minutes of therapeutic
 * exercise", "forty pounds", "one hundred fifty pounds", "March eleventh"): cardinals to 999 and
 * the ordinal days of a month.
 */
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_UNITS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
];
const ORDINAL_TEENS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];

const alt = (words: readonly string[]) => words.join('|');
/** One to ninety-nine in words ("forty five", "forty-five", "twelve"). */
const BELOW_HUNDRED = `(?:(?:${alt(TENS)})(?:[- ](?:${alt(UNITS)}))?|${alt(TEENS)}|${alt(UNITS)})`;

/** A number in digits (up to three) or in words below a hundred, as a regex source (no groups). */
export const NUMBER_SOURCE = `(?:\\d{1,3}|${BELOW_HUNDRED})`;

/** A cardinal in words to 999 ("two hundred", "a hundred and fifty", "thirty five"), no groups. */
export const CARDINAL_WORDS = `(?:(?:${alt(UNITS)}|a) hundred(?: (?:and )?${BELOW_HUNDRED})?|${BELOW_HUNDRED})`;

/** A day of the month as an ordinal in words ("eleventh", "twenty fourth", "thirty-first"). */
export const ORDINAL_DAY_WORDS = `(?:(?:twenty|thirty)(?:[- ](?:${alt(ORDINAL_UNITS)}))|twentieth|thirtieth|${alt(ORDINAL_TEENS)}|${alt(ORDINAL_UNITS)})`;

/** The value of a number in digits or words (as NUMBER_SOURCE or CARDINAL_WORDS match it). */
export function numberValue(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,3}$/.test(t)) return Number(t);
  const hundred = /^(\w+) hundred(?: (?:and )?(.+))?$/.exec(t);
  if (hundred) {
    const h = hundred[1] === 'a' ? 1 : UNITS.indexOf(hundred[1]!) + 1;
    const rest = hundred[2] === undefined ? 0 : belowHundred(hundred[2]);
    return h > 0 && rest !== null ? h * 100 + rest : null;
  }
  return belowHundred(t);
}

function belowHundred(t: string): number | null {
  const [first, second] = t.split(/[- ]/);
  const unit = (w: string | undefined) => (w ? UNITS.indexOf(w) + 1 : 0);
  const tens = TENS.indexOf(first ?? '');
  if (tens >= 0) {
    const u = unit(second);
    return second && u === 0 ? null : (tens + 2) * 10 + u;
  }
  const teen = TEENS.indexOf(first ?? '');
  if (teen >= 0 && !second) return teen + 10;
  const u = unit(first);
  return u > 0 && !second ? u : null;
}

/** The day an ordinal in words names ("eleventh" 11, "twenty fourth" 24), else null. */
export function ordinalDayValue(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === 'twentieth') return 20;
  if (t === 'thirtieth') return 30;
  const teen = ORDINAL_TEENS.indexOf(t);
  if (teen >= 0) return teen + 10;
  const [first, second] = t.split(/[- ]/);
  if (second === undefined) {
    const u = ORDINAL_UNITS.indexOf(first!);
    return u >= 0 ? u + 1 : null;
  }
  const tens = first === 'twenty' ? 20 : first === 'thirty' ? 30 : -1;
  const u = ORDINAL_UNITS.indexOf(second);
  return tens > 0 && u >= 0 && tens + u + 1 <= 31 ? tens + u + 1 : null;
}
