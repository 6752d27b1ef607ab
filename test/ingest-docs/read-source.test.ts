import { describe, expect, it } from 'vitest';
import type { ReadOutcome } from '../../shared/model';
import {
  detectKind,
  isJunkPath,
  isSourceProblem,
  readPdf,
  readSource,
  ReaderError,
  walkSources,
} from '../../src-main/core/ingest';
import { pdfWithPages, pdfWithoutText } from './pdf-fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

function notesOf(o: ReadOutcome) {
  if (!o.ok) throw new Error(`rejected: ${o.rejection.reason}`);
  if (o.result.kind !== 'notes') throw new Error(`expected notes, got ${o.result.kind}`);
  return o.result;
}

describe('readSource', () => {
  it('reads a PDF, a text note and an HTML note through the matching reader', async () => {
    const pdf = await pdfWithPages([[{ text: 'Progress Report', x: 72, y: 700 }]]);
    const fromPdf = notesOf(await readSource('chart/pr.pdf', pdf));
    expect(fromPdf.format).toBe('pdf');
    expect(fromPdf.pages[0]!.text).toBe('Progress Report');

    const fromTxt = notesOf(await readSource('note.txt', utf8('Daily Note\r\nVisit 7')));
    expect(fromTxt).toEqual({
      kind: 'notes',
      format: 'txt',
      pages: [{ page: 1, text: 'Daily Note\nVisit 7' }],
    });

    const fromHtml = notesOf(await readSource('note.html', utf8('<p>Discharge&nbsp;Summary</p>')));
    expect(fromHtml.format).toBe('html');
    expect(fromHtml.pages[0]!.text).toBe('Discharge Summary');
  });

  it('trusts content over a misleading extension', async () => {
    const pdf = await pdfWithPages([[{ text: 'Evaluation', x: 72, y: 700 }]]);
    expect(notesOf(await readSource('export.txt', pdf)).format).toBe('pdf');
  });

  it('rejects empty files, unknown types and zips with the right codes', async () => {
    expect(await readSource('a.txt', new Uint8Array())).toEqual({
      ok: false,
      rejection: { reason: 'empty file', code: 'empty' },
    });
    expect(await readSource('a.pdf', utf8('  \r\n\t'))).toMatchObject({
      ok: false,
      rejection: { code: 'empty' },
    });
    expect(await readSource('letter.xyz', utf8('Dear adjuster'))).toEqual({
      ok: false,
      rejection: { reason: 'unsupported file type ".xyz"', code: 'unknown-type' },
    });
    // Random bytes named .pdf, and text renamed to .pdf: damaged or renamed, not an unknown type.
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    for (const bytes of [noise, utf8('Dear adjuster, please find enclosed')])
      expect(await readSource('scan_0412.pdf', bytes)).toEqual({
        ok: false,
        rejection: {
          reason:
            'not a PDF (damaged or renamed): the file does not begin with the PDF signature "%PDF-"',
          code: 'corrupt',
        },
      });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await readSource('inner.zip', zip)).toMatchObject({
      ok: false,
      rejection: { code: 'unknown-type' },
    });
  });

  it('names a Word document as one and says to export it as PDF, not "zip archive found"', async () => {
    // A .docx is a zip archive inside (its first bytes are a zip's); a .doc is binary.
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]);
    const word =
      'which ChartReady does not read: export it as PDF (in Word, File › Save As › PDF) and import the PDF';
    expect(await readSource('chart/PT Eval 2026-08-03.docx', docx)).toEqual({
      ok: false,
      rejection: { reason: `a Word document (.docx), ${word}`, code: 'unknown-type' },
    });
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await readSource('notes/old-note.DOC', doc)).toEqual({
      ok: false,
      rejection: { reason: `a Word document (.doc), ${word}`, code: 'unknown-type' },
    });
    // A zip named as a zip (inside another archive) is still the archive it is.
    const zip = await readSource('inner.zip', docx);
    expect(zip.ok || zip.rejection.reason).toBe(
      'zip archive found where a single file was expected',
    );
  });

  it('turns reader refusals into outcomes instead of exceptions', async () => {
    expect(await readSource('scan.pdf', await pdfWithoutText())).toMatchObject({
      ok: false,
      rejection: { code: 'needs-ocr' },
    });
    expect(await readSource('broken.pdf', utf8('%PDF-1.4\n1 0 obj <<'))).toMatchObject({
      ok: false,
      rejection: { code: 'corrupt' },
    });
  });

  it('re-exports the walker, detector and PDF reader', () => {
    expect(typeof walkSources).toBe('function');
    expect(typeof readPdf).toBe('function');
    expect(isSourceProblem({ path: 'x', rejection: { reason: 'r' } })).toBe(true);
    expect(isJunkPath('.DS_Store')).toBe(true);
    expect(detectKind('a.csv', utf8('x'))).toBe('ledger');
    expect(new ReaderError({ reason: 'r' })).toBeInstanceOf(Error);
  });
});
