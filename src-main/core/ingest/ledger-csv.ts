/**
 * Billing ledger CSV reader. Streams rows through csv-parse so a million-line export is never held in
 * memory; the header row and delimiter are found from the first lines (see csv-sniff).
 */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { BillingLine, ReadResult } from '../../../shared/model';
import { ReaderError, reject } from './errors';
import { describeMissingColumn, type LedgerColumns, type LedgerField } from './csv-headers';
import { HEADER_SEARCH_LINES, findHeaderRow } from './csv-sniff';
import { decodeToLfText } from './csv-text';
import {
  parseAmount,
  parseLedgerDate,
  parseUnits,
  splitCodeAndModifiers,
  splitModifierCell,
} from './csv-values';

export interface LedgerStats {
  rows: number;
  skippedRows: Array<{ line: number; reason: string }>;
  delimiter: string;
}

/** A header row further in than this is not a ledger we can recognise. */
const MAX_PREFIX_CHARS = 1 << 20;

const TOTAL_LABEL = /^(grand\s*|sub\s*)?totals?\b/i;

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** Physical line where a record starts: csv-parse reports where it ends. */
function recordStartLine(rec: ParsedRecord): number {
  const body = rec.raw.replace(/^(?:[ \t]*\n)+/, '').replace(/\n$/, '');
  const inner = body.match(/\n/g)?.length ?? 0;
  return rec.info.lines - inner;
}

async function* prefixThenRest(
  prefix: string,
  rest: AsyncIterator<string>,
): AsyncGenerator<string, void, undefined> {
  if (prefix !== '') yield prefix;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

export async function* readLedger(
  input: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<BillingLine, LedgerStats> {
  const text = decodeToLfText(input)[Symbol.asyncIterator]();
  let prefix = '';
  while ((prefix.match(/\n/g)?.length ?? 0) <= HEADER_SEARCH_LINES) {
    if (prefix.length > MAX_PREFIX_CHARS) break;
    const next = await text.next();
    if (next.done) break;
    prefix += next.value;
  }
  if (prefix.trim() === '') reject('the ledger file is empty', { line: 1, code: 'empty' });

  const header = findHeaderRow(prefix);
  if (!header.found) {
    reject(`line ${header.line}: ${describeMissingColumn(header.missing, header.headers)}`, {
      line: header.line,
      code: 'invalid',
    });
  }
  const { columns, delimiter } = header;
  const stats: LedgerStats = { rows: 0, skippedRows: [], delimiter };
  const decimalComma = delimiter === ';';

  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    raw: true,
  });
  const source = Readable.from(prefixThenRest(prefix, text));
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);

  let previousEnd = header.line;
  try {
    for await (const rec of parser as AsyncIterable<ParsedRecord>) {
      const start = recordStartLine(rec);
      if (rec.info.lines <= header.line) continue; // title lines and the header itself
      for (let l = previousEnd + 1; l < start; l++)
        stats.skippedRows.push({ line: l, reason: 'blank line' });
      previousEnd = rec.info.lines;
      const skip = skipReason(rec.record, columns);
      if (skip !== null) {
        stats.skippedRows.push({ line: start, reason: skip });
        continue;
      }
      stats.rows++;
      yield toBillingLine(rec.record, start, columns, decimalComma);
    }
  } catch (err) {
    if (err instanceof CsvError) {
      const line = typeof err.lines === 'number' ? err.lines : undefined;
      reject(`line ${line ?? '?'}: ${err.message}`, { line, code: 'invalid' });
    }
    throw err;
  }
  const lastLine = parser.info.lines;
  for (let l = previousEnd + 1; l < lastLine; l++)
    stats.skippedRows.push({ line: l, reason: 'blank line' });
  return stats;
}

/** Reads a whole (small) ledger into one result. */
export async function readLedgerBytes(bytes: Uint8Array): Promise<ReadResult> {
  const lines: BillingLine[] = [];
  const generator = readLedger(
    (async function* () {
      yield bytes;
    })(),
  );
  for (;;) {
    const next = await generator.next();
    if (next.done) return { kind: 'ledger', lines, skippedRows: next.value.skippedRows };
    lines.push(next.value);
  }
}

function cell(record: string[], columns: LedgerColumns, field: LedgerField): string {
  const index = columns.fields[field];
  return index === undefined ? '' : (record[index] ?? '').trim();
}

function columnName(columns: LedgerColumns, field: LedgerField): string {
  const index = columns.fields[field];
  return index === undefined ? field : (columns.headers[index] ?? field);
}

/** Why a row is not a billing line (totals, blanks, stray notes), or null for a data row. */
function skipReason(record: string[], columns: LedgerColumns): string | null {
  const values = record.map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) return 'blank line';
  if (TOTAL_LABEL.test(values[0]!)) return `total row "${values[0]}"`;
  const identity = ['patient', 'lastName', 'firstName', 'dos', 'code'] as const;
  if (identity.every((f) => cell(record, columns, f) === ''))
    return 'total row (no patient, date or code)';
  if (values.length === 1 && columns.headers.length > 2) return 'only one value: not a billing row';
  return null;
}

function patientName(record: string[], columns: LedgerColumns): string | null {
  const full = cell(record, columns, 'patient');
  if (full !== '') return full;
  const last = cell(record, columns, 'lastName');
  const first = cell(record, columns, 'firstName');
  if (last !== '' && first !== '') return `${last}, ${first}`;
  return last !== '' ? last : first !== '' ? first : null;
}

function orNull(value: string): string | null {
  return value === '' ? null : value;
}

function toBillingLine(
  record: string[],
  line: number,
  columns: LedgerColumns,
  decimalComma: boolean,
): BillingLine {
  const bad = (field: LedgerField, label: string, value: string, why: string): never => {
    throw new ReaderError({
      reason: `line ${line}: ${label} "${value}" in column "${columnName(columns, field)}" ${why}`,
      line,
      code: 'invalid',
    });
  };

  const rawDos = cell(record, columns, 'dos');
  if (rawDos === '') bad('dos', 'date of service', rawDos, 'is blank');
  const dos =
    parseLedgerDate(rawDos) ?? bad('dos', 'date of service', rawDos, 'is not a valid date');

  const rawCode = cell(record, columns, 'code');
  if (rawCode === '') bad('code', 'procedure code', rawCode, 'is blank');
  const { code, modifiers } = splitCodeAndModifiers(rawCode);
  const extra = [
    ...splitModifierCell(cell(record, columns, 'modifiers')),
    ...columns.modifierColumns.flatMap((i) => splitModifierCell(record[i] ?? '')),
  ];
  for (const m of extra) if (!modifiers.includes(m)) modifiers.push(m);

  const rawUnits = cell(record, columns, 'units');
  const units =
    parseUnits(rawUnits, decimalComma) ?? bad('units', 'units', rawUnits, 'is not a whole number');

  const rawCharge = cell(record, columns, 'charge');
  const charge =
    rawCharge === ''
      ? null
      : (parseAmount(rawCharge, decimalComma) ??
        bad('charge', 'charge', rawCharge, 'is not an amount'));

  const rawDob = cell(record, columns, 'dob');
  const dob =
    rawDob === ''
      ? null
      : (parseLedgerDate(rawDob) ?? bad('dob', 'date of birth', rawDob, 'is not a valid date'));

  return {
    source: 'ledger',
    line,
    patientName: patientName(record, columns),
    mrn: orNull(cell(record, columns, 'mrn')),
    dob,
    dos,
    code,
    modifiers,
    units,
    charge,
    payer: orNull(cell(record, columns, 'payer')),
    claimId: orNull(cell(record, columns, 'claim')),
    provider: orNull(cell(record, columns, 'provider')),
  };
}
