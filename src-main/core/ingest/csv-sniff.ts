/**
 * Finds the delimiter and the header row of a ledger from its first lines, before streaming the rest
 * through csv-parse (which needs the delimiter up front).
 */
import { mapLedgerHeaders, missingRequiredField, type LedgerColumns } from './csv-headers';

export const LEDGER_DELIMITERS = [',', ';', '\t', '|'] as const;
/** Title lines and blank lines may precede the header; it must be within this many lines. */
export const HEADER_SEARCH_LINES = 10;

/** Counts each candidate delimiter outside double-quoted text; the most frequent wins (comma on ties). */
export function sniffDelimiter(line: string): string {
  const counts = new Map<string, number>(LEDGER_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const d of LEDGER_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Splits one physical line into trimmed fields, honouring double quotes and `""` escapes. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

export type HeaderSearch =
  | { found: true; line: number; delimiter: string; columns: LedgerColumns }
  /** `line`/`headers` are the best candidate (the line with the most fields), for the message. */
  | { found: false; line: number; headers: string[]; missing: 'dos' | 'code' | 'patient' };

/** Looks through the first lines for one whose headers map to the required fields. */
export function findHeaderRow(prefix: string): HeaderSearch {
  const lines = prefix
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .slice(0, HEADER_SEARCH_LINES);
  let best: { line: number; headers: string[]; missing: 'dos' | 'code' | 'patient' } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    const delimiter = sniffDelimiter(text);
    const headers = splitCsvLine(text, delimiter);
    const columns = mapLedgerHeaders(headers);
    const missing = missingRequiredField(columns);
    if (missing === null) return { found: true, line: i + 1, delimiter, columns };
    if (best === null || headers.length > best.headers.length) {
      best = { line: i + 1, headers, missing };
    }
  }
  return { found: false, ...(best ?? { line: 1, headers: [], missing: 'dos' }) };
}
