/**
 * One cell, safe for spreadsheets: a leading = + - @ (or tab/CR) would be read as a formula
 * (OWASP CSV injection), so it gets a leading apostrophe; then RFC 4180 quoting.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
