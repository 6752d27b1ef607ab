/**
 * The lazy PDF object reader behind raw page copying: cross-reference tables and streams, object
 * streams, incremental updates, inherited page attributes, and the writer's reference renumbering
 * that must never touch what only looks like a reference (inside strings and names).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PdfFile } from '../../src-main/core/pdf-objects/document';
import {
  PdfDict,
  PdfName,
  PdfParser,
  PdfRef,
  PdfSpan,
  PdfStream,
  UnsupportedPdf,
  writeValue,
  type PdfValue,
} from '../../src-main/core/pdf-objects/syntax';
import { decodeStream } from '../../src-main/core/pdf-objects/xref';
import { appendUpdate, handmadePdf, inheritedDocument, type HandmadeObject } from './handmade';

const renumber = (r: PdfRef) => `${r.num + 100} ${r.gen} R`;
const parse = (text: string): PdfValue => new PdfParser(text).value(0);

describe('PDF object syntax', () => {
  it('parses numbers, references, names, strings, arrays and dictionaries', () => {
    const v = parse(
      '<< /Type /Page /N 12 /R 3 0 R /Neg -4.5 /Dot .5 /T (a \\) b) /H <48 65> /A [1 2 0 R null true] /Esc /A#20B >>',
    ) as PdfDict;
    expect(v).toBeInstanceOf(PdfDict);
    expect((v.get('Type') as PdfName).name).toBe('Page');
    expect(v.get('N')).toBe(12);
    expect(v.get('R')).toEqual(new PdfRef(3, 0));
    expect(v.get('Neg')).toBe(-4.5);
    expect(v.get('Dot')).toBe(0.5);
    expect((v.get('Esc') as PdfName).name).toBe('A B');
    // Nested arrays stay text until asked for.
    const a = v.get('A');
    expect(a).toBeInstanceOf(PdfSpan);
    expect((a as PdfSpan).parse()).toEqual([1, new PdfRef(2, 0), null, true]);
  });

  it('writes references renumbered and leaves strings, names and comments alone', () => {
    const v = parse(
      '<< /Font << /F1 5 0 R /F2 6 0 R >> /Note (see 5 0 R \\( and \\)) /Hex <35203020> /X 7 0 R % 8 0 R\n /Name5 0 /Arr [9 0 R [10 0 R] 1.5 0 R] >>',
    );
    const text = writeValue(v, renumber);
    expect(text).toContain('/F1 105 0 R');
    expect(text).toContain('/F2 106 0 R');
    expect(text).toContain('(see 5 0 R \\( and \\))');
    expect(text).toContain('<35203020>');
    expect(text).toContain('/X 107 0 R');
    expect(text).not.toContain('8 0 R');
    expect(text).toContain('/Name5 0');
    expect(text).toContain('109 0 R');
    expect(text).toContain('110 0 R');
    // "1.5 0 R" is no reference: a real number is never an object number.
    expect(text).not.toContain('101.5');
    // What was written parses back to the same structure.
    const back = parse(text) as PdfDict;
    expect((back.get('Font') as PdfSpan).parse()).toBeInstanceOf(PdfDict);
  });

  it('renumbers references in a span without strings by the same rules', () => {
    const v = parse(
      '<< /R << /A 1 0 R /B 22 0 R /C [3 0 R] /N /X4 /D <4142> /E 5 >> >>',
    ) as PdfDict;
    expect(writeValue(v.get('R')!, renumber)).toBe(
      '<< /A 101 0 R /B 122 0 R /C [103 0 R] /N /X4 /D <4142> /E 5 >>',
    );
  });

  it('refuses what is not PDF syntax', () => {
    expect(() => parse('<< /A >>')).toThrow(UnsupportedPdf);
    expect(() => parse('(unterminated')).toThrow(UnsupportedPdf);
    expect(() => parse('1.2.3')).toThrow(UnsupportedPdf);
    expect(() => parse('<< /A [1 2 >>')).toThrow(UnsupportedPdf);
  });
});

describe('PdfFile', () => {
  it('reads a classic table and applies inherited attributes', () => {
    const file = new PdfFile(inheritedDocument({ wrongLength: true }).pdf);
    const pages = file.pages();
    expect(pages).toHaveLength(2);
    expect(pages[0]!.mediaBox).toEqual([0, 0, 300, 400]);
    expect(pages[0]!.rotate).toBe(90);
    expect(pages[0]!.resources).toEqual(new PdfRef(5, 0));
    expect(pages[1]!.mediaBox).toEqual([10, 20, 210, 120]);
    expect(pages[1]!.rotate).toBe(0);
    const second = file.resolve(pages[1]!.dict.get('Contents'));
    expect(second).toBeInstanceOf(PdfStream);
    expect(Buffer.from((second as PdfStream).data).toString('latin1')).toBe(
      'BT /F1 10 Tf 10 50 Td (Second page) Tj ET',
    );
    const split = file.resolve(pages[0]!.dict.get('Contents')) as PdfValue[];
    expect(Buffer.from(decodeStream(file.resolve(split[1]) as PdfStream)).toString()).toContain(
      'Part two',
    );
  });

  it('sees the newest version of an object after an incremental update', () => {
    const base = inheritedDocument({ wrongLength: true });
    const updated = appendUpdate(
      base,
      new Map<number, HandmadeObject>([
        [4, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 500 500] /Contents 9 0 R >>'],
      ]),
      11,
    );
    const pages = new PdfFile(updated).pages();
    expect(pages[1]!.mediaBox).toEqual([0, 0, 500, 500]);
    // Inherited again now that the page no longer sets them.
    expect(pages[1]!.rotate).toBe(90);
    expect(pages[1]!.resources).toEqual(new PdfRef(5, 0));
  });

  it('reads cross-reference and object streams as pdf-lib and qpdf write them', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 3; i++) {
      const page = doc.addPage([400 + i, 500]);
      page.drawText(`page ${i + 1}`, { x: 20, y: 400, size: 12, font });
      if (i === 2) page.setRotation(degrees(270));
    }
    const compact = Buffer.from(await doc.save({ useObjectStreams: true }));
    const dir = mkdtempSync(join(tmpdir(), 'cr-pdfobj-'));
    writeFileSync(join(dir, 'in.pdf'), compact);
    // qpdf's object streams use the PNG predictor on their cross-reference stream.
    execFileSync('qpdf', ['--object-streams=generate', join(dir, 'in.pdf'), join(dir, 'os.pdf')]);
    execFileSync('qpdf', ['--linearize', join(dir, 'in.pdf'), join(dir, 'lin.pdf')]);
    execFileSync('qpdf', ['--qdf', join(dir, 'in.pdf'), join(dir, 'qdf.pdf')]);
    for (const bytes of [
      compact,
      readFileSync(join(dir, 'os.pdf')),
      readFileSync(join(dir, 'lin.pdf')),
      readFileSync(join(dir, 'qdf.pdf')),
    ]) {
      const pages = new PdfFile(bytes).pages();
      expect(pages.map((p) => p.mediaBox[2])).toEqual([400, 401, 402]);
      expect(pages.map((p) => p.rotate)).toEqual([0, 0, 270]);
    }
  });

  it('leaves encrypted files and broken cross-references to the fallback', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cr-pdfobj-'));
    writeFileSync(join(dir, 'plain.pdf'), inheritedDocument({ wrongLength: true }).pdf);
    execFileSync(
      'qpdf',
      [
        '--warning-exit-0',
        '--encrypt',
        'user',
        'owner',
        '256',
        '--',
        join(dir, 'plain.pdf'),
        join(dir, 'enc.pdf'),
      ],
      { stdio: 'pipe' },
    );
    expect(() => new PdfFile(readFileSync(join(dir, 'enc.pdf')))).toThrow(/encrypted/);
    const broken = Buffer.from(
      inheritedDocument({ wrongLength: true })
        .pdf.toString('latin1')
        .replace(/startxref\n\d+/, 'startxref\n9'),
      'latin1',
    );
    expect(() => new PdfFile(broken).pages()).toThrow(UnsupportedPdf);
    expect(() => new PdfFile(Buffer.from('not a pdf at all'))).toThrow(UnsupportedPdf);
  });

  it('refuses a stream that inflates past its limit (a compression bomb)', () => {
    const bomb = new PdfStream(
      new PdfDict(new Map([['Filter', new PdfName('FlateDecode')]])),
      deflateSync(Buffer.alloc(65 * 1024 * 1024)),
    );
    expect(() => decodeStream(bomb)).toThrow(/inflates past/);
  });

  it('reads a dictionary longer than the first piece of text it takes', () => {
    const fonts = Array.from({ length: 600 }, (_, i) => `/F${i} 5 0 R`).join(' ');
    const objects: HandmadeObject[] = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << ${fonts} >> >> /Contents 4 0 R >>`,
      { dict: '<< /Length 2 >>', data: 'q Q' },
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    const [page] = new PdfFile(handmadePdf(objects).pdf).pages();
    const text = writeValue(page!.resources!, renumber);
    expect(text).toContain('/F599 105 0 R');
    expect(text.match(/105 0 R/g)).toHaveLength(600);
  });
});
