/** The hand-written page content streams: numbers, text encoding, and what a reader sees. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  PageContent,
  PageFonts,
  pdfNumber,
  rgbColor,
} from '../../src-main/core/packet/page-content';
import { pageText, pageWords, qpdfCheck } from './pdf-inspect';

describe('pdfNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [612, '612'],
    [-12, '-12'],
    [7.5, '7.5'],
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.3333'],
    [2 / 3, '0.6667'],
    [29.363636363636374, '29.3636'],
    [-0.00004, '0'],
    [0.00005, '0.0001'],
    [1e-7, '0'],
    [123456.78915, '123456.7892'],
  ])('writes %d as %s', (n, text) => expect(pdfNumber(n)).toBe(text));

  it.each([NaN, Infinity, -Infinity, 1e21])('refuses %d', (n) =>
    expect(() => pdfNumber(n)).toThrow(/Cannot write/),
  );

  it('writes a scale to 6 decimals without an exponent', () => {
    expect(pdfNumber(0.9040404040404041, 6)).toBe('0.90404');
    expect(pdfNumber(0.000001, 6)).toBe('0.000001');
    expect(pdfNumber(0.0000004, 6)).toBe('0');
    expect(() => pdfNumber(1, 7)).toThrow(/6 decimals/);
  });
});

/** Saves a document whose pages were written with PageContent and returns the file path. */
async function save(doc: PDFDocument, refs: PDFRef[]): Promise<string> {
  const tree = doc.catalog.Pages();
  for (const ref of refs) tree.pushLeafNode(ref);
  const file = join(mkdtempSync(join(tmpdir(), 'cr-content-')), 'page.pdf');
  writeFileSync(file, await doc.save({ addDefaultPage: false }));
  return file;
}

async function setup() {
  const doc = await PDFDocument.create();
  const fonts = {
    regular: doc.embedStandardFont(StandardFonts.Helvetica),
    bold: doc.embedStandardFont(StandardFonts.HelveticaBold),
  };
  const pageFonts = new PageFonts(doc);
  const parent = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
  const mediaBox = [0, 0, 612, 792];
  return { doc, fonts, pageFonts, parent, mediaBox };
}

/** The operators of a saved page (small streams are stored uncompressed). */
async function operators(file: string, page: number): Promise<string> {
  const doc = await PDFDocument.load(readFileSync(file));
  const stream = doc.getPage(page).node.Contents();
  if (!(stream instanceof PDFRawStream)) throw new Error('expected one content stream');
  return Buffer.from(stream.getContents()).toString('latin1');
}

describe('PageContent', () => {
  it('writes text a reader extracts, at the baseline it was given', async () => {
    const { doc, fonts, pageFonts, parent, mediaBox } = await setup();
    const content = new PageContent(pageFonts);
    content.text('Caf\u00e9 costs \u20ac5', 100, 700, 12, fonts.regular, rgbColor(0, 0, 0));
    content.text('Claim CLM-1', 300, 100, 7.5, fonts.bold, rgbColor(0.25, 0.25, 0.25));
    content.line(24, 90, 588, 90, 0.4, rgbColor(0.25, 0.25, 0.25));
    const file = await save(doc, [content.toPage(doc, parent, mediaBox)]);

    expect(qpdfCheck(file).ok).toBe(true);
    const text = pageText(file, 1);
    expect(text).toContain('Caf\u00e9 costs \u20ac5');
    expect(text).toContain('Claim CLM-1');
    // pdftotext boxes use a top-left origin: baseline y=700 is 92 pt from the top.
    const cafe = pageWords(file, 1).find((w) => w.text === 'Caf\u00e9');
    expect(cafe).toBeDefined();
    expect(cafe!.yMin).toBeLessThan(92);
    expect(cafe!.yMax).toBeGreaterThan(92);
  });

  it('encodes text exactly as the pdf-lib font does', async () => {
    const { fonts, pageFonts } = await setup();
    const text = 'Page 12 of 604 \u2014 na\u00efve \u201cquotes\u201d';
    expect(pageFonts.hex(fonts.regular, text)).toBe(fonts.regular.encodeText(text).toString());
    expect(() => pageFonts.hex(fonts.regular, '\u0142')).toThrow();
  });

  it('sets a colour once until it changes, and a fragment sets its own on every page', async () => {
    const { doc, fonts, pageFonts, parent, mediaBox } = await setup();
    const grey = rgbColor(0.25, 0.25, 0.25);
    const fragment = PageContent.fragment(pageFonts);
    fragment.text('Bench, Patient', 24, 772, 7.5, fonts.bold, grey);
    const refs = [0, 1].map((n) => {
      const content = new PageContent(pageFonts);
      content.text(`Body ${n}`, 72, 600, 10, fonts.regular, grey);
      content.text(`More ${n}`, 72, 580, 10, fonts.regular, grey);
      content.append(fragment);
      content.text(`Page ${n + 1}`, 540, 14, 7.5, fonts.bold, grey);
      return content.toPage(doc, parent, mediaBox);
    });
    const file = await save(doc, refs);
    for (const page of [0, 1]) {
      const ops = await operators(file, page);
      // Once for the body, once more inside the fragment (which cannot know the page's state).
      expect(ops.match(/0\.25 0\.25 0\.25 rg/g)).toHaveLength(2);
      expect(pageText(file, page + 1)).toContain('Bench, Patient');
    }
  });

  it('draws a form in a fresh page state whatever was drawn before it', async () => {
    const { doc, fonts, pageFonts, parent, mediaBox } = await setup();
    const form = doc.context.register(
      PDFRawStream.of(
        doc.context.obj({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 100, 100] }),
        Buffer.from('0 0 100 100 re f'),
      ),
    );
    const content = new PageContent(pageFonts);
    content.text('Label', 72, 700, 10, fonts.regular, rgbColor(0.5, 0.5, 0.5));
    content.frame(72, 72, 100, 100, 0.5, rgbColor(0.7, 0.7, 0.7));
    content.form(form, 72, 72, 0.5);
    const file = await save(doc, [content.toPage(doc, parent, mediaBox)]);

    expect(qpdfCheck(file).ok).toBe(true);
    expect(await operators(file, 0)).toContain(
      'q 0 0 0 rg 0 0 0 RG 1 w 0.5 0 0 0.5 72 72 cm /X0 Do Q',
    );
  });
});
