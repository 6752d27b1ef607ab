/**
 * Round 33's styles the readers missed, written here in other words than the held-out charts': a
 * running log whose entries open on their date and weekday, loads in "#", weekly memos that give
 * their period after the report's number, program hours "not to exceed", a hospital flowsheet
 * whose columns are dated entries and whose PDF text drops the empty cells, its "Filed By" row
 * and the user key printed at the foot of each page, post-session vital signs as the response.
 */
import { describe, expect, it } from 'vitest';
import type { PageText, TextItem } from '../../shared/model';
import { extractDocuments } from '../../src-main/core/extract';
import { parseLedgerDate } from '../../src-main/core/ingest/csv-values';
import { factsOf, readText, values } from './helpers';

describe('a typed running log of program sessions', () => {
  const LOG = [
    'DAILY TREATMENT LOG - WORK HARDENING',
    'Client: Ray Duchene    DOB 02/03/1980',
    '',
    '09/14/26 (Mon)   Visit 1   7:30a-10:40a',
    'Warm up bike 10 min. Crate lift 30# x 10, carry 40# x 100 ft. Post HR 104, BP 132/80.',
    '/s/ Lena Brooks, PT   09/14/26',
    '',
    '09/16/26 (Wed)   Visit 2   7:30a-10:35a',
    'Crate lift 35# x 10 with cues. Tolerated well.',
    '/s/ Lena Brooks, PT   09/16/26',
  ].join('\n');

  it('splits the log at each date-and-weekday line and reads its times and loads', () => {
    const docs = readText(LOG);
    expect(docs.map((d) => d.date)).toEqual(['2026-09-14', '2026-09-16']);
    expect(values(docs[0], 'total-minutes')).toEqual(['190']);
    expect(values(docs[0], 'objective-measure').join(' ')).toMatch(/30# x 10/);
    // The vital signs after the session say how the patient took it.
    expect(values(docs[0], 'section')).toContain('patient-response');
  });
});

describe('weekly memos and approvals in words', () => {
  it("reads a status report's period after its number", () => {
    const [doc] = readText(
      [
        'MEMO',
        'TO: Case Manager',
        'RE: Ray Duchene - Work Hardening Status Report #2, period 09/21/2026 - 09/25/2026',
        'Goal 1, crate lift: 30# -> 45# (job 50#). Progressing.',
      ].join('\n'),
    );
    expect(values(doc, 'report-period-start')).toEqual(['2026-09-21']);
    expect(values(doc, 'report-period-end')).toEqual(['2026-09-25']);
  });

  it('reads the program hours an approval caps, and the sessions it names with their program', () => {
    const [doc] = readText(
      [
        'AUTHORIZATION NOTICE',
        'Services approved: work hardening, up to twelve (12) work hardening sessions;',
        'not to exceed forty (40) total program hours. Authorization No.: AH-7731',
      ].join('\n'),
    );
    expect(values(doc, 'auth-hours')).toEqual(['40']);
    expect(values(doc, 'auth-visits')).toEqual(['12']);
  });

  it('reads a ledger date written year first with slashes', () => {
    expect(parseLedgerDate('2026/05/12')).toBe('2026-05-12');
    expect(parseLedgerDate('2026/5/2')).toBe('2026-05-02');
    expect(parseLedgerDate('2026/13/02')).toBeNull();
    expect(parseLedgerDate('2026-05/12')).toBeNull();
  });
});

/**
 * A PDF page as the PDF reader gives it: tab-separated cells, each with its x; an empty cell is
 * simply absent from the text.
 */
function pdfPage(rows: Array<Array<[number, string]>>): PageText {
  let text = '';
  const items: TextItem[] = [];
  rows.forEach((cells, r) => {
    if (r > 0) text += '\n';
    cells.forEach(([x, str], k) => {
      if (k > 0) text += '\t';
      items.push({
        str,
        x,
        y: 700 - r * 12,
        width: str.length * 4,
        height: 8,
        offset: text.length,
      });
      text += str;
    });
  });
  return { page: 1, text, items };
}

describe('a hospital flowsheet whose columns are dated entries', () => {
  const X = [40, 200, 280, 360];
  const page = pdfPage([
    [[40, 'Therapy Flowsheet - Minutes']],
    [[40, 'Patient: Gray, Edwin   MRN 5512']],
    [
      [X[0]!, 'Row Name'],
      [X[1]!, '10/05/26 0800'],
      [X[2]!, '10/07/26 0815'],
      [X[3]!, '10/09/26 0800'],
    ],
    [
      [X[0]!, 'Ther Ex Minutes'],
      [X[1]!, '25'],
      [X[2]!, '30'],
      [X[3]!, '20'],
    ],
    // Gait training on the second and third days only: the first column's cell is empty.
    [
      [X[0]!, 'Gait Training Minutes'],
      [X[2]!, '10'],
      [X[3]!, '15'],
    ],
    [
      [X[0]!, 'Total Treatment Time'],
      [X[1]!, '25'],
      [X[2]!, '40'],
      [X[3]!, '35'],
    ],
    [
      [X[0]!, 'Filed By'],
      [X[1]!, 'JQR'],
      [X[2]!, 'JQR'],
      [X[3]!, 'JQR'],
    ],
    [[40, 'User Key']],
    [
      [X[0]!, 'Initials'],
      [X[1]!, 'Name'],
    ],
    [
      [X[0]!, 'JQR'],
      [X[1]!, 'Quinn, Jada R, PT, DPT'],
    ],
  ]);

  it('reads each dated column as that day, a value under the column it stands in', () => {
    const docs = extractDocuments('flowsheet.pdf', [page]);
    expect(docs.map((d) => d.date)).toEqual(['2026-10-05', '2026-10-07', '2026-10-09']);
    expect(docs.map((d) => values(d, 'total-minutes'))).toEqual([['25'], ['40'], ['35']]);
    // The first day had no gait training: its text never reads the second day's 10 minutes.
    const first = docs[0]!.facts.map((f) => f.provenance.quote).join(' ');
    expect(first).not.toMatch(/Gait Training Minutes/);
  });

  it("signs each day with the initials the record filed it under, named by the sheet's key", () => {
    const docs = extractDocuments('flowsheet.pdf', [page]);
    for (const d of docs) {
      expect(values(d, 'signer')).toEqual(['JQR']);
      const entry = factsOf(d, 'signature-log-entry')[0];
      expect(entry?.detail).toMatchObject({ name: 'Quinn, Jada R', credentials: 'PT, DPT' });
    }
  });

  it('without positions (a text export), keeps a row that drops a cell out of the grid', () => {
    const plain = extractDocuments('flowsheet.txt', [{ page: 1, text: page.text }]);
    // Rows of full width still split the sheet by day; the short row is read by no day.
    for (const d of plain) expect(values(d, 'total-minutes')).toHaveLength(1);
  });
});
