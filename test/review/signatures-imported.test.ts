/**
 * Illegible signatures end to end: note PDFs made here, imported into a store, reviewed. DOC-SIGNED
 * warns (not fails) on an illegible signature, and accepts it once a signature log is imported.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textPdf } from '../import/text-pdf';
import { reviewStore } from '../../src-main/core/api/review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase } from '../../src-main/core/store/db';

const PATIENT = 'Patient: Okafor, Grace   DOB: 06/30/1979   MRN: 55120';

const EVALUATION = [
  'Physical Therapy Initial Evaluation',
  PATIENT,
  'Insurance: Medicare Part B',
  'Date of Service: 10/01/2026',
  'Assessment: low back pain limits lifting.',
  'Signature: Jane Roe, PT, DPT   Date: 10/01/2026',
];

const ILLEGIBLE_NOTE = [
  'Daily Treatment Note',
  PATIENT,
  'Insurance: Medicare Part B',
  'Date of Service: 10/05/2026',
  'Time In: 9:00 AM   Time Out: 9:45 AM',
  'Therapeutic exercise 30 min; manual therapy 15 min',
  'Signature: [illegible], PT   Date: 10/05/2026',
];

const SIGNATURE_LOG = [
  'Signature Log',
  PATIENT,
  'Jane Roe, PT, DPT        JR',
  'Sam Lee, PTA             SL',
];

async function reviewOf(files: Record<string, Uint8Array | string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cr-sig-'));
  const chart = join(dir, 'chart');
  mkdirSync(chart);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(chart, name), body);
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

const LEDGER =
  'Patient,DOB,DOS,CPT,Units,Payer,Claim\n"OKAFOR, GRACE",06/30/1979,10/05/2026,97110-GP,2,Medicare Part B,C9\n';

describe('DOC-SIGNED on imported notes', () => {
  it('warns on the illegible signature, citing the note page and the words', async () => {
    const f = await reviewOf({
      'eval.pdf': await textPdf(EVALUATION),
      'note-1005.pdf': await textPdf(ILLEGIBLE_NOTE),
      'ledger.csv': LEDGER,
    });
    expect(f.map((x) => [x.status, x.severity])).toEqual([['warn', 'warning']]);
    expect(f[0]!.dates).toEqual(['2026-10-05']);
    expect(f[0]!.message).toContain('Treatment note dated 2026-10-05 has an illegible signature');
    expect(f[0]!.evidence).toEqual([{ file: 'note-1005.pdf', page: 1, quote: '[illegible]' }]);
  });

  it('passes once the signature log is in the record, citing it', async () => {
    const f = await reviewOf({
      'eval.pdf': await textPdf(EVALUATION),
      'note-1005.pdf': await textPdf(ILLEGIBLE_NOTE),
      'signature-log.pdf': await textPdf(SIGNATURE_LOG),
      'ledger.csv': LEDGER,
    });
    expect(f.map((x) => x.status)).toEqual(['pass']);
    expect(f[0]!.evidence).toContainEqual({
      file: 'signature-log.pdf',
      page: 1,
      quote: 'Signature Log',
    });
  });
});
