import type { PayerKind } from '../../../shared/model';

/**
 * Payer kind from a payer name as clinics write it. Order matters: "Medicare Advantage" plans are
 * run by commercial insurers under their own rules, so they count as commercial.
 */
const PAYER_PATTERNS: Array<[PayerKind, RegExp]> = [
  ['commercial', /medicare\s+(advantage|replacement)|\bMA\s+plan\b/i],
  ['medicare', /\bmedicare\b|\bMCR\b|\bpart\s+b\b/i],
  [
    'workers-comp',
    /worker'?s'?\s*comp|workmen'?s|work(ers)?\s*comp|\bW\/?C\b|compensation|industrial|labor\s*(&|and)\s*industries|\bL&I\b|state\s+fund|\bBWC\b/i,
  ],
  ['other', /self[\s-]*pay|\bcash\b|auto\s*(insurance)?|\bPIP\b|letter of protection/i],
];

export function payerKind(name: string | null | undefined): PayerKind {
  if (!name || !name.trim()) return 'other';
  for (const [kind, re] of PAYER_PATTERNS) if (re.test(name)) return kind;
  return 'commercial';
}

// State names match in any case; two-letter abbreviations only in upper case ("ca" is not a state).
const STATES: Array<[string, RegExp, RegExp]> = [
  ['TX', /\btexas\b/i, /\bTX\b/],
  ['CA', /\bcalifornia\b/i, /\bCA\b/],
  ['WA', /\bwashington\b|\bL&I\b/i, /\bWA\b/],
  ['NC', /\bnorth carolina\b/i, /\bNC\b/],
  ['IL', /\billinois\b/i, /\bIL\b/],
];

/** Two-letter state for a WC jurisdiction when the payer name says it. */
export function payerState(name: string | null | undefined): string | null {
  if (!name) return null;
  for (const [code, full, abbr] of STATES) if (full.test(name) || abbr.test(name)) return code;
  return null;
}
