/**
 * A hospital report's signature table: a header row naming its columns ("Action | Electronically
 * Signed By | Signed Date/Time | Credentials") and a row per signature under it ("Performed By |
 * Kowalczyk, Meredith A | 03/06/2026 10:50 EST | PT, DPT"; "Certified | Okonkwo MD, Harold V |
 * 03/09/2026 08:47 EDT | MD NPI ..."). Each row is read by its columns. A row whose signer cell
 * is empty (the note not signed yet) prints fewer cells and signs nothing.
 */
import { findDates } from '../parse/dates';
import { authorRoleOf, credentialsIn } from '../domain/credentials';
import type { FactSink } from './facts';
import { BOX_NUMBER, cellsOf, type Cell } from './layout';
import { isBlank, type Line } from './lines';

const SIGNER_COLUMN =
  /^(?:electronically\s+|e-?)?signed\s+by$|^signature$|^signer$|^e-?signature$|^signing\s+(?:clinician|provider)$|^(?:physician|provider)(?:'s)?\s+signature$/i;
/** A signer's column that is a physician's ("15. PHYSICIAN SIGNATURE" on the CMS-700). */
const PHYSICIAN_COLUMN = /^physician/i;
const DATE_COLUMN = /^(?:signed\s+)?date(?:\s*\/\s*time)?(?:\s+signed)?$|^signed\s+on$/i;
const CREDENTIALS_COLUMN = /^credentials?$|^title$/i;
const ACTION_COLUMN = /^action$|^role$|^type$/i;
/** An action that certifies or orders: the physician's, whatever the credentials say. */
const PHYSICIAN_ACTION = /^(?:certified|ordered|order signed|co-?signed by physician)$/i;
/** An action that reviews another's note: a countersignature, not its author's. */
const COSIGN_ACTION = /^(?:co-?signed|reviewed|verified|countersigned)(?:\s+by)?$/i;

/** The rest of a header's label wrapped below it: a few words, no figures, closing a bracket. */
const WRAPPED_LABEL = /^\s*[A-Za-z][A-Za-z' ]{0,40}\)\s*$/;
/** A few words without figures or a colon's value: a table's caption. */
const CAPTION = /^\s*[A-Za-z][A-Za-z &/'-]{2,60}:?\s*$/;

interface Columns {
  width: number;
  signer: number;
  date: number;
  credentials: number;
  action: number;
  /** The signer's column is a physician's. */
  physician: boolean;
}

function columnsOf(row: Cell[]): Columns | null {
  const cells = row.map((c) => ({ ...c, text: c.text.trim().replace(BOX_NUMBER, '') }));
  const at = (re: RegExp) => cells.findIndex((c) => re.test(c.text));
  const signer = at(SIGNER_COLUMN);
  // A header names columns: no figures, no field's value after a colon ("SIGNED BY   : NAME"), and
  // a date or credentials column beside the signer's.
  if (signer < 0 || cells.some((c) => /\d|^:/.test(c.text))) return null;
  const date = at(DATE_COLUMN);
  const credentials = at(CREDENTIALS_COLUMN);
  if (date < 0 && credentials < 0) return null;
  return {
    width: cells.length,
    signer,
    date,
    credentials,
    action: at(ACTION_COLUMN),
    physician: PHYSICIAN_COLUMN.test(cells[signer]!.text),
  };
}

/** Reads every signature table; returns the rows read, which no other signature reader reads. */
export function extractSignatureGrids(lines: Line[], sink: FactSink): Set<Line> {
  const read = new Set<Line>();
  for (let i = 0; i < lines.length; i++) {
    const cols = columnsOf(cellsOf(lines[i]!.text));
    if (!cols) continue;
    read.add(lines[i]!);
    // The table's caption above it ("Signature Summary", "Ordering Provider Signature") names it.
    const caption = lines[i - 1];
    if (caption && CAPTION.test(caption.text) && cellsOf(caption.text).length === 0)
      read.add(caption);
    for (let j = i + 1; j < lines.length && !isBlank(lines[j]!); j++) {
      const row = lines[j]!;
      const cells = cellsOf(row.text);
      // A label wrapped onto a line of its own ("physician's name)") under the header.
      if (j === i + 1 && cells.length === 0 && WRAPPED_LABEL.test(row.text)) {
        read.add(row);
        continue;
      }
      if (cells.length !== cols.width) break;
      read.add(row);
      signatureRow(row, cells, cols, sink);
      i = j;
    }
  }
  return read;
}

function signatureRow(row: Line, cells: Cell[], cols: Columns, sink: FactSink): void {
  const signed = cells[cols.signer]!;
  if (!/[A-Za-z]{2}/.test(signed.text)) return;
  // A signature cell may carry its credentials and numbers: "/s/ Harold T. Vance, MD  NPI 15482".
  const [name, written] = cols.credentials >= 0 ? [signed, null] : splitSignerCell(signed);
  const creds = cols.credentials >= 0 ? cells[cols.credentials]! : written;
  const credList = creds ? credentialsIn(creds.text) : [];
  const action = cols.action >= 0 ? cells[cols.action]!.text.trim() : '';
  const physician =
    cols.physician ||
    PHYSICIAN_ACTION.test(action) ||
    authorRoleOf(credList.join(', ')) === 'physician';
  const detail = COSIGN_ACTION.test(action) ? { cosigner: true } : undefined;
  sink.add(physician ? 'physician-signer' : 'signer', name.text, row, name.start, name.end, detail);
  if (creds && credList.length > 0) {
    // The credentials as written, before any number after them ("MD  NPI 1277053819").
    const written = /^[A-Za-z./,\s-]*?[A-Za-z.](?=\s{2,}|\s+(?:NPI|Lic|#)|$)/.exec(creds.text);
    const end = creds.start + (written ? written[0].length : creds.text.length);
    sink.add('credentials', row.text.slice(creds.start, end), row, creds.start, end, detail);
  }
  const dateCell = cols.date >= 0 ? cells[cols.date]! : null;
  const date = dateCell ? findDates(dateCell.text)[0] : undefined;
  if (dateCell && date)
    sink.add(
      physician ? 'physician-signed-date' : 'signed-date',
      date.iso,
      row,
      dateCell.start + date.start,
      dateCell.start + date.end,
    );
}

/** A signature cell's name and the credentials written after it, each as a cell of the row. */
function splitSignerCell(cell: Cell): [Cell, Cell | null] {
  const mark = /^\/e?s\/\s*/i.exec(cell.text)?.[0].length ?? 0;
  const tail = /\s+(?:NPI|Lic(?:ense|\.)?|#)\b.*$/i.exec(cell.text);
  const text = cell.text.slice(0, tail ? tail.index : cell.text.length);
  const comma = text.indexOf(',', mark);
  const credText = comma >= 0 ? text.slice(comma + 1).trim() : '';
  if (comma < 0 || credentialsIn(credText).length === 0)
    return [
      { text: text.slice(mark), start: cell.start + mark, end: cell.start + text.length },
      null,
    ];
  const credStart = cell.start + text.indexOf(credText, comma);
  return [
    { text: text.slice(mark, comma), start: cell.start + mark, end: cell.start + comma },
    { text: credText, start: credStart, end: credStart + credText.length },
  ];
}
