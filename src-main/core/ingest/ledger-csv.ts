/**
 * Billing ledger CSV reader. Streams rows through csv-parse so a million-line export is never held in
 * memory; the header row and delimiter are found from the first lines (see csv-sniff).
 */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { BillingLine, ReadResult } from '../../../shared/model';
import { ReaderError, reject } from './errors';
import {
  DIAGNOSIS_CODE_TYPE,
  NOT_A_CHARGE_TRANSACTION,
  describeMissingColumn,
  type LedgerColumns,
  type LedgerField,
} from './csv-headers';
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
  /** What the reader had to assume about columns it did not find ("no units column: ..."). */
  assumed?: string[];
  delimiter: string;
}

/** A header row further in than this is not a ledger we can recognise. */
const MAX_PREFIX_CHARS = 1 << 20;

/** "Total", "Grand total", "Subtotal", "REPORT TOTAL", "Page totals:". */
// Report writers decorate their totals ("*** REPORT TOTAL ***", "-- Page total --").
const TOTAL_LABEL =
  /^[\s*=#\-–—.:]*(?:(?:grand|sub|report|rpt|page|batch|run|provider|account|patient|claim)\s*)?totals?\b/i;

/** Newlines inside quoted fields: the record spans that many extra physical lines. */
function innerNewlines(record: string[]): number {
  let n = 0;
  for (const field of record) {
    for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/**
 * Drains whatever the parser has ready in one go: per-row async iteration costs a promise per row,
 * which dominated million-line imports.
 */
async function* batches<T>(stream: Readable): AsyncGenerator<T[]> {
  let ended = false;
  let failure: unknown = null;
  stream.on('end', () => (ended = true));
  stream.on('error', (err) => (failure = err));
  for (;;) {
    const batch: T[] = [];
    for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) {
      batch.push(item);
    }
    if (failure) throw failure;
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        stream.off('readable', wake);
        stream.off('end', wake);
        stream.off('error', wake);
        resolve();
      };
      stream.on('readable', wake);
      stream.on('end', wake);
      stream.on('error', wake);
    });
  }
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
  const gen = readLedgerBatches(input);
  for (;;) {
    const next = await gen.next();
    if (next.done) return next.value;
    yield* next.value;
  }
}

/** The same rows as readLedger, in batches (the import pipeline's fast path). */
export async function* readLedgerBatches(
  input: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<BillingLine[], LedgerStats> {
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
  const stats: LedgerStats = {
    rows: 0,
    skippedRows: [],
    delimiter,
    assumed: columnAssumptions(columns),
  };
  const decimalComma = delimiter === ';';

  // Blank lines come through as records (skip_empty_lines off), so a record always starts on the
  // line after the previous one ended and ends after the newlines inside its quoted fields: line
  // numbers without csv-parse's per-record info objects, which cost a third of a large import.
  // Cells are trimmed where they are read.
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const source = Readable.from(prefixThenRest(prefix, text));
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);

  let previousEnd = 0;
  try {
    for await (const recs of batches<string[]>(parser)) {
      const out: BillingLine[] = [];
      for (const record of recs) {
        const start = previousEnd + 1;
        previousEnd = start + innerNewlines(record);
        if (previousEnd <= header.line) continue; // title lines and the header itself
        const skip = skipReason(record, columns);
        if (skip !== null) {
          stats.skippedRows.push({ line: start, reason: skip });
          continue;
        }
        stats.rows++;
        out.push(toBillingLine(record, start, columns, decimalComma));
      }
      if (out.length > 0) yield out;
    }
  } catch (err) {
    if (err instanceof CsvError) {
      const line = typeof err.lines === 'number' ? err.lines : undefined;
      reject(`line ${line ?? '?'}: ${err.message}`, { line, code: 'invalid' });
    }
    throw err;
  }
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

/**
 * What a review will take for granted because a column is missing: said at import, so a ledger
 * whose units column went unrecognized does not silently bill one unit a row.
 */
function columnAssumptions(columns: LedgerColumns): string[] {
  const f = columns.fields;
  const out: string[] = [];
  if (f.units === undefined) out.push('no units column found: each row counts as 1 unit');
  if (f.payer === undefined && f.payerClass === undefined)
    out.push('no payer column found: the payer comes from remittances and the notes');
  if (f.modifiers === undefined && columns.modifierColumns.length === 0)
    out.push('no modifier column found: lines are read without modifiers');
  return out;
}

/** Why a row is not a billing line (totals, blanks, stray notes), or null for a data row. */
function skipReason(record: string[], columns: LedgerColumns): string | null {
  const values = record.map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) return 'blank line';
  if (TOTAL_LABEL.test(values[0]!)) return `total row "${values[0]}"`;
  const identity = ['patient', 'lastName', 'firstName', 'dos', 'code'] as const;
  if (identity.every((f) => cell(record, columns, f) === ''))
    return 'total row (no patient, date or code)';
  if (cell(record, columns, 'code') === '') {
    const dated = cell(record, columns, 'dos') !== '';
    // A claim's total line under its services (UB-04 revenue code 0001 "TOTAL CHARGES"): the
    // claim's patient, no date and no code.
    if (!dated && values.some((v) => TOTAL_LABEL.test(v)))
      return 'total row (a total label, no date or code)';
    // A sales export lists products, fees and payments beside the services ("Pelvic Wand
    // (retail)"): dated, with no procedure code, they bill nothing a rule reads.
    if (dated) return 'no procedure code: not a billed service (a product, fee or payment)';
  }
  if (values.length === 1 && columns.headers.length > 2) return 'only one value: not a billing row';
  const codeType = cell(record, columns, 'codeType');
  if (DIAGNOSIS_CODE_TYPE.test(codeType)) return `diagnosis row (code type "${codeType}")`;
  const transaction = cell(record, columns, 'transactionType');
  if (NOT_A_CHARGE_TRANSACTION.test(transaction))
    return `not a charge (transaction type "${transaction}"): money posted against a billed line`;
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

  // An allowed amount that does not read as one is left unknown rather than failing the file:
  // the charge still stands, and the review falls back to it.
  const rawAllowed = cell(record, columns, 'allowed');
  const allowed = rawAllowed === '' ? null : parseAmount(rawAllowed, decimalComma);

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
    ...(columns.fields.allowed !== undefined ? { allowed } : {}),
    payer: orNull(cell(record, columns, 'payer')),
    payerClass: orNull(cell(record, columns, 'payerClass')),
    claimId: orNull(cell(record, columns, 'claim')),
    provider: orNull(cell(record, columns, 'provider')),
  };
}
