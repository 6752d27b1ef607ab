import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPaths, type FileResult } from '../../src-main/core/import/pipeline';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { makeZip } from '../ingest-docs/zip-writer';

const REAL_835 = join(__dirname, '../fixtures/x12-835/oopfactory-5010-Example1.txt');

/** A note PDF; extra pages are continuation pages (no title), as long notes have. */
async function notePdf(lines: string[], pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([612, 792]);
    const text =
      p === 0 ? lines : [`Page ${p + 1} of ${pages}`, 'Plan: continue per plan of care.'];
    text.forEach((t, i) => page.drawText(t, { x: 50, y: 740 - i * 16, size: 11, font }));
  }
  return doc.save();
}

async function imagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawRectangle({ x: 40, y: 600, width: 300, height: 120 });
  return doc.save();
}

const NOTE = [
  'Daily Treatment Note',
  'Patient: Rivera, Sofia   DOB: 02/14/1985   MRN: 77001',
  'Insurance: Acme Health Plan',
  'Date of Service: 10/05/2026',
  'Time In: 9:00 AM   Time Out: 9:45 AM',
  'Therapeutic exercise 30 min; manual therapy 15 min',
  'Electronically signed by Jane Roe, PT, DPT on 10/05/2026 12:00',
];

let dir: string;
let db: Db;
let results: Map<string, FileResult>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cr-import-'));
  const chart = join(dir, 'chart');
  mkdirSync(join(chart, 'notes'), { recursive: true });
  writeFileSync(join(chart, 'notes', 'good.pdf'), await notePdf(NOTE, 2));
  writeFileSync(join(chart, 'notes', 'good.txt'), NOTE.join('\r\n'));
  writeFileSync(join(chart, 'notes', 'scan.pdf'), await imagePdf());
  writeFileSync(join(chart, 'notes', 'corrupt.pdf'), (await notePdf(NOTE)).slice(0, 400));
  writeFileSync(join(chart, 'notes', 'empty.txt'), '');
  writeFileSync(
    join(chart, 'notes', 'letter.docx'),
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
  );
  writeFileSync(
    join(chart, 'ledger.csv'),
    'Patient,MRN,DOS,CPT,Units,Payer,Claim\n"RIVERA, SOFIA",77001,10/05/2026,97110-GP,2,Acme Health Plan,C1\n"RIVERA, SOFIA",77001,10/05/2026,97140,1,Acme Health Plan,C1\n',
  );
  writeFileSync(join(chart, 'weird.csv'), 'Foo,Bar,Baz\n1,2,3\n');
  const bad = ['DOS;CPT;Patient'];
  for (let i = 0; i < 40; i++)
    bad.push(`2026-10-${String((i % 28) + 1).padStart(2, '0')};97110;Rivera, Sofia`);
  bad.push('2026-13-45;97110;Rivera, Sofia');
  writeFileSync(join(chart, 'bad-date.csv'), bad.join('\n') + '\n');
  copyFileSync(REAL_835, join(chart, 'remit.835'));
  writeFileSync(join(chart, 'truncated.835'), readFileSync(REAL_835, 'utf8').slice(0, 900));
  writeFileSync(
    join(chart, 'bundle.json'),
    '{"resourceType": "Bundle", "type": "collection", "entry": [ {"resource": ',
  );
  db = openDatabase(join(dir, 'test.db'));
  const summary = await importPaths(db, [chart]);
  results = new Map(summary.files.map((f) => [f.path, f]));
});

describe('importPaths on a mixed folder', () => {
  it('imports the good files and says what each contributed', () => {
    expect(results.get('notes/good.pdf')).toMatchObject({ status: 'imported', documents: 1 });
    expect(results.get('notes/good.txt')).toMatchObject({ status: 'imported', documents: 1 });
    expect(results.get('ledger.csv')).toMatchObject({ status: 'imported', billingLines: 2 });
    expect(results.get('remit.835')?.status).toBe('imported');
    expect(results.get('remit.835')?.claims).toBeGreaterThan(0);
  });

  it('rejects each bad file with its name, the line or page, and a reason, and goes on', () => {
    expect(results.get('notes/scan.pdf')).toMatchObject({ status: 'rejected', code: 'needs-ocr' });
    expect(results.get('notes/scan.pdf')?.reason).toMatch(/OCR/);
    expect(results.get('notes/corrupt.pdf')).toMatchObject({ status: 'rejected', code: 'corrupt' });
    expect(results.get('notes/empty.txt')).toMatchObject({ status: 'rejected', code: 'empty' });
    expect(results.get('notes/letter.docx')).toMatchObject({
      status: 'rejected',
      code: 'unknown-type',
    });
    expect(results.get('weird.csv')?.status).toBe('rejected');
    expect(results.get('weird.csv')?.reason).toMatch(/headers found.*Foo/);
    expect(results.get('bad-date.csv')).toMatchObject({ status: 'rejected', line: 42 });
    expect(results.get('bad-date.csv')?.reason).toMatch(/2026-13-45/);
    expect(results.get('truncated.835')?.status).toBe('rejected');
    expect(results.get('truncated.835')?.reason).toMatch(/segment \d+/);
    expect(results.get('bundle.json')?.status).toBe('rejected');
    expect(results.get('bundle.json')?.reason).toMatch(/line \d+/);
  });

  it('leaves nothing of a rejected file in the store', () => {
    const paths = (db.prepare('SELECT path FROM files').all() as Array<{ path: string }>).map(
      (r) => r.path,
    );
    for (const rejected of [
      'bad-date.csv',
      'weird.csv',
      'truncated.835',
      'bundle.json',
      'notes/scan.pdf',
    ]) {
      expect(paths).not.toContain(rejected);
    }
    // 40 good rows came before the bad date: none of them may have landed.
    const lines = db.prepare('SELECT count(*) AS n FROM billing_lines').get() as { n: number };
    expect(lines.n).toBe(2);
  });

  it('keeps the original pages, page text and the import log', () => {
    const pdf = db
      .prepare(
        "SELECT id, page_count, length(content) AS size FROM files WHERE path = 'notes/good.pdf'",
      )
      .get() as {
      id: number;
      page_count: number;
      size: number;
    };
    expect(pdf.page_count).toBe(2);
    expect(pdf.size).toBeGreaterThan(500);
    const pages = db
      .prepare('SELECT page, text FROM pages WHERE file_id = ? ORDER BY page')
      .all(pdf.id) as Array<{ page: number; text: string }>;
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(pages[0]!.text).toContain('Date of Service: 10/05/2026');
    const log = db
      .prepare('SELECT status, count(*) AS n FROM import_log GROUP BY status')
      .all() as Array<{ status: string; n: number }>;
    expect(Object.fromEntries(log.map((r) => [r.status, r.n]))).toEqual({
      imported: 4,
      rejected: 8,
    });
  });

  it('is idempotent: importing the same export again skips every file and adds no rows', async () => {
    const before = db
      .prepare('SELECT (SELECT count(*) FROM documents) d, (SELECT count(*) FROM billing_lines) b')
      .get();
    const again = await importPaths(db, [join(dir, 'chart')]);
    const goodPaths = ['notes/good.pdf', 'notes/good.txt', 'ledger.csv', 'remit.835'];
    for (const p of goodPaths)
      expect(again.files.find((f) => f.path === p)?.status).toBe('skipped');
    expect(again.imported).toBe(0);
    expect(
      db
        .prepare(
          'SELECT (SELECT count(*) FROM documents) d, (SELECT count(*) FROM billing_lines) b',
        )
        .get(),
    ).toEqual(before);
  });

  it('recognises the same content inside a zip, and imports new zip entries', async () => {
    const pdf = readFileSync(join(dir, 'chart', 'notes', 'good.pdf'));
    const other = await notePdf(NOTE.map((l) => l.replace('10/05/2026', '10/07/2026')));
    const archive = join(dir, 'export.zip');
    writeFileSync(
      archive,
      makeZip([
        { name: 'notes/good-copy.pdf', data: pdf, deflate: true },
        { name: 'notes/visit2.pdf', data: other, deflate: true },
      ]),
    );
    const s = await importPaths(db, [archive]);
    expect(s.files.map((f) => [f.path, f.status])).toEqual([
      ['export.zip/notes/good-copy.pdf', 'skipped'],
      ['export.zip/notes/visit2.pdf', 'imported'],
    ]);
  });
});
