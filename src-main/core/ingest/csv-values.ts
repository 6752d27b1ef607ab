/**
 * Value parsers for billing-ledger cells: dates, amounts, units and CPT codes with modifiers.
 * Each returns null for a value it cannot read, so the caller can name the line and column.
 */

/** Two-digit years: 00-69 are 20xx, 70-99 are 19xx (the usual spreadsheet pivot). */
function expandYear(year: string): number {
  const n = Number(year);
  if (year.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function isoIfValid(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1800 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Some exports append a midnight time to every date; it carries no information.
const TIME_SUFFIX = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AP]M)?Z?)?`;
// Year first, with dashes (ISO) or slashes as older billing systems print it ("2026/05/12").
const ISO_DATE = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})${TIME_SUFFIX}$`, 'i');
const US_DATE = new RegExp(
  String.raw`^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})${TIME_SUFFIX}$`,
  'i',
);
// Dotted dates are European exports: day first.
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/;

/** `MM/DD/YYYY`, `M/D/YY`, `YYYY-MM-DD`, `YYYY/MM/DD`, `DD.MM.YYYY` to `YYYY-MM-DD`; null if not a real date. */
export function parseLedgerDate(raw: string): string | null {
  const s = raw.trim();
  let m = ISO_DATE.exec(s);
  if (m) return isoIfValid(Number(m[1]), Number(m[3]), Number(m[4]));
  m = US_DATE.exec(s);
  if (m) return isoIfValid(expandYear(m[3]!), Number(m[1]), Number(m[2]));
  m = DOTTED_DATE.exec(s);
  if (m) return isoIfValid(expandYear(m[3]!), Number(m[2]), Number(m[1]));
  return null;
}

/**
 * Money: `$1,234.50`, `1.234,50` (decimal comma), `(12.00)` or `-12.00` for negatives.
 * `decimalComma` is the file's convention (semicolon-delimited files use it); a lone separator
 * followed by one or two digits is read as the decimal point whatever the convention.
 */
export function parseAmount(raw: string, decimalComma: boolean): number | null {
  let s = raw.trim().replace(/\s+/g, '');
  if (s === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  s = s.replace(/^[$€£]|^USD|[$€£]$/gi, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  let normalized: string;
  if (/^\d+[.,]\d{1,2}$/.test(s)) {
    normalized = s.replace(',', '.');
  } else if (decimalComma) {
    if (!/^\d{1,3}(\.\d{3})*(,\d+)?$|^\d+(,\d+)?$/.test(s)) return null;
    normalized = s.replace(/\./g, '').replace(',', '.');
  } else {
    if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$|^\.\d+$/.test(s)) return null;
    normalized = s.replace(/,/g, '');
  }
  const n = Number(normalized);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

/** Units: blank means 1; otherwise a whole number (negative allowed for reversal rows). */
export function parseUnits(raw: string, decimalComma: boolean): number | null {
  if (raw.trim() === '') return 1;
  const n = parseAmount(raw, decimalComma);
  if (n === null || !Number.isInteger(n)) return null;
  return n;
}

const MODIFIER = /^[A-Z0-9]{2}$/;
const CODE_WITH_SUFFIXES = /^([A-Z0-9]{4,5}[A-Z0-9]?)((?:[-\s:]+[A-Z0-9]+)+)$/;

/**
 * Splits `97110-59`, `97110 59`, `97110:GP`, `97110-59-GP` into code and modifiers. A suffix is only
 * split off when every piece is a two-character modifier; otherwise the text stays the code.
 */
export function splitCodeAndModifiers(raw: string): { code: string; modifiers: string[] } {
  const s = raw.trim().toUpperCase();
  const m = CODE_WITH_SUFFIXES.exec(s);
  if (m) {
    const pieces = m[2]!.split(/[-\s:]+/).filter((p) => p !== '');
    if (pieces.every((p) => MODIFIER.test(p))) return { code: m[1]!, modifiers: pieces };
  }
  return { code: s, modifiers: [] };
}

/** A modifiers cell may hold several: `59 GP`, `59,GP`, `59:GP`. */
export function splitModifierCell(raw: string): string[] {
  return raw
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((p) => p !== '');
}
