/** Billed codes as a note's billing block lists them: "CPT: 97545 x1, 97546 x2", "97110-59 x 2". */
import type { FactSink } from './facts';
import type { Line } from './lines';

/** Lines that carry billing (a label) or a billing block heading whose next lines list codes. */
const BILLING_LINE =
  /\b(?:CPT|HCPCS|Charges?|Billing|Billed|Codes? billed|Procedure codes?|Units?|Services billed)\b/i;
const BILLING_HEADING =
  /^\s*(?:Billing|Charges?|CPT Codes?|Codes? Billed|Billing Codes?|Services Billed|Procedures? Billed)\s*:?\s*$/i;

/**
 * A code with optional modifiers and units: "97545 x1", "97545 (1 unit)", "97545 - 1 unit",
 * "97110-59 x 2", "97546: 2 units", "97546 2 units". Therapy codes only (97xxx, other 9xxxx, Gxxxx).
 */
const CODE =
  /\b(9\d{4}|G\d{4})((?:-(?:[A-Z]{2}|\d{2}|[A-Z]\d))*)\b(?:\s*(?:[x×*]\s*(\d{1,2})\b|\(\s*(\d{1,2})\s*units?\s*\)|\s[-–:]\s*(\d{1,2})\s*units?\b|:\s*(\d{1,2})\b|\s+(\d{1,2})\s*units?\b))?/g;

export function extractBilledCodes(lines: Line[], sink: FactSink): void {
  let inBlock = false;
  for (const line of lines) {
    const t = line.text;
    if (BILLING_HEADING.test(t)) {
      inBlock = true;
      continue;
    }
    if (t.trim() === '') {
      inBlock = false;
      continue;
    }
    const listsCodes = /^\s*[-•*]?\s*(?:9\d{4}|G\d{4})\b/.test(t);
    if (!BILLING_LINE.test(t) && !(inBlock && listsCodes)) {
      if (!listsCodes) inBlock = false;
      continue;
    }
    for (const m of t.matchAll(CODE)) {
      const units = m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7];
      const mods = (m[2] ?? '').toUpperCase();
      const value = `${m[1]}${mods}${units ? `:${Number(units)}` : ''}`;
      sink.add('billed-code', value, line, m.index ?? 0, (m.index ?? 0) + m[0].length);
    }
  }
}
