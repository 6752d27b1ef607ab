/** Reads a denial code as users and remits write it: `50`, `CO-50`, `co50`, `PR 204`. */
const GROUPS = ['CO', 'PR', 'OA', 'PI', 'CR'] as const;

export function parseDenialCode(text: string): { carc: string; group: string | null } | null {
  const m = /^\s*(?:([A-Za-z]{2})\s*[-:\s]?\s*)?([A-Za-z]?\d{1,3})\s*$/.exec(text);
  if (!m) return null;
  const group = m[1] ? m[1].toUpperCase() : null;
  if (group !== null && !(GROUPS as readonly string[]).includes(group)) return null;
  // CARCs are numbers (1-300ish) or a letter plus digits for a few legacy codes (e.g. A1, B7).
  const carc = (m[2] ?? '').toUpperCase().replace(/^0+(?=\d)/, '');
  return carc ? { carc, group } : null;
}

export { denialCodeText } from '../../../shared/denial-code';
