/**
 * Numbers written as words, as dictation transcribes them at the start of a sentence ("Fifteen
 * minutes of therapeutic exercise", "Forty-five minutes"): one to ninety-nine.
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

/** A number in digits (up to three) or in words, as a regex source (no groups of its own). */
export const NUMBER_SOURCE = `(?:\\d{1,3}|(?:${TENS.join('|')})(?:[- ](?:${UNITS.join('|')}))?|${TEENS.join('|')}|${UNITS.join('|')})`;

/** The value of a number in digits or words (as NUMBER_SOURCE matches it), else null. */
export function numberValue(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,3}$/.test(t)) return Number(t);
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
