/**
 * Scanned notes signed by hand (issue 18): a page image with a pen scrawl on the signature line,
 * read through the import's OCR path, reviewed. The scrawl is ink OCR did not read as confident
 * words, so it signs the note with the name printed under it; without the scrawl the signature
 * line is blank; with no printed name the signature is illegible. Three OCR pages, ~3 s each.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewStore } from '../../src-main/core/api/review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { closeOcrEngine } from '../../src-main/core/ocr';
import { openDatabase } from '../../src-main/core/store/db';
import { textPdf } from '../import/text-pdf';
import { scannedNotePng } from '../review/hand-signature-pdfs';

const PATIENT = 'Patient: Okafor, Grace   DOB: 06/30/1979   MRN: 55120';
const EVALUATION = [
  'Physical Therapy Initial Evaluation',
  PATIENT,
  'Insurance: Medicare Part B',
  'Date of Service: 10/01/2026',
  'Assessment: low back pain limits lifting.',
  'Signature: Jane Roe, PT, DPT   Date: 10/01/2026',
];
const NOTE = [
  'Daily Treatment Note',
  PATIENT,
  'Insurance: Medicare Part B',
  'Date of Service: 10/05/2026',
  'Time In: 9:00 AM   Time Out: 9:45 AM',
  'Therapeutic exercise 30 min; manual therapy 15 min',
  '',
  'Therapist Signature: ______________________   Date: 10/05/2026',
];
const SIGNATURE_LINE = NOTE.length - 1;
const ON_THE_LINE = { line: SIGNATURE_LINE, x: 175, w: 110 };
const LEDGER =
  'Patient,DOB,DOS,CPT,Units,Payer,Claim\n"OKAFOR, GRACE",06/30/1979,10/05/2026,97110-GP,2,Medicare Part B,C9\n';

afterAll(async () => {
  await closeOcrEngine();
});

async function docSigned(scan: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'cr-hand-scan-'));
  const chart = join(dir, 'chart');
  mkdirSync(chart);
  writeFileSync(join(chart, 'eval.pdf'), await textPdf(EVALUATION));
  writeFileSync(join(chart, 'note-1005.png'), scan);
  writeFileSync(join(chart, 'ledger.csv'), LEDGER);
  const db = openDatabase(join(dir, 'store.db'));
  try {
    await importPaths(db, [chart]);
    const report = reviewStore(db, { asOf: '2026-11-24', audit: false });
    expect(report.episodes).toHaveLength(1);
    return report.episodes[0]!.findings.filter((f) => f.rule === 'DOC-SIGNED');
  } finally {
    db.close();
  }
}

describe('DOC-SIGNED on scanned notes signed by hand', () => {
  it('a scrawl on the signature line with the name printed under it signs the note', async () => {
    const f = await docSigned(await scannedNotePng([...NOTE, 'Jane Roe, PT, DPT'], ON_THE_LINE));
    expect(f.map((x) => x.status)).toEqual(['pass']);
    expect(f[0]!.message).toContain(
      'Treatment note dated 2026-10-05 signed by hand (handwriting on the scanned signature line), Jane Roe, PT, DPT',
    );
  }, 60_000);

  it('the same line left blank stays unsigned; a scrawl with no printed name is illegible', async () => {
    const blank = await docSigned(await scannedNotePng(NOTE));
    expect(blank.map((x) => [x.status, x.severity])).toEqual([['fail', 'error']]);
    expect(blank[0]!.message).toContain('is unsigned');
    const scrawl = await docSigned(await scannedNotePng(NOTE, ON_THE_LINE));
    expect(scrawl.map((x) => [x.status, x.severity])).toEqual([['warn', 'warning']]);
    expect(scrawl[0]!.message).toContain(
      'is signed by hand (handwriting on the scanned signature line) with no printed name',
    );
    expect(scrawl[0]!.evidence[0]).toMatchObject({ file: 'note-1005.png', page: 1 });
  }, 60_000);
});
