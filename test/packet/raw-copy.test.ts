/**
 * Exhibit pages copied from the source file's own bytes (raw-embed.ts) must show what the source
 * shows, whichever program wrote the source; files the raw reader does not take (encrypted,
 * damaged cross-references) go through pdf-lib and still land in the packet.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../src-main/core/log';
import { appendUpdate, inheritedDocument, type HandmadeObject } from '../pdf-objects/handmade';
import { adrWithOrderFile } from './fixture';
import { pageTexts, qpdfCheck } from './pdf-inspect';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

async function pdfLibSource(objectStreams: boolean): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= 3; p++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`RAWCOPY producer page ${p}`, { x: 60, y: 700, size: 14, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: objectStreams }));
}

/** A page whose text is split over two content streams, drawn by a second pdf-lib session. */
async function twoStreamSource(): Promise<Buffer> {
  const first = await PDFDocument.load(await pdfLibSource(false));
  const font = await first.embedFont(StandardFonts.HelveticaBold);
  first.getPage(1).drawText('ADDED in a later session', { x: 60, y: 600, size: 12, font });
  return Buffer.from(await first.save({ useObjectStreams: false }));
}

/** The handmade file with its first content stream replaced by an incremental update. */
function updated(): Buffer {
  return appendUpdate(
    inheritedDocument(),
    new Map<number, HandmadeObject>([
      [6, { dict: '<< /Length 42 >>', data: 'BT /F1 12 Tf 20 300 Td (Updated one) Tj ET' }],
    ]),
    11,
  );
}

function qpdfRewrite(input: Buffer, ...args: string[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'cr-rawcopy-'));
  writeFileSync(join(dir, 'in.pdf'), input);
  execFileSync('qpdf', ['--warning-exit-0', ...args, join(dir, 'in.pdf'), join(dir, 'out.pdf')], {
    stdio: 'pipe',
  });
  return readFileSync(join(dir, 'out.pdf'));
}

function cairoRewrite(input: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'cr-rawcopy-'));
  writeFileSync(join(dir, 'in.pdf'), input);
  execFileSync('pdftocairo', ['-pdf', join(dir, 'in.pdf'), join(dir, 'out.pdf')], {
    stdio: 'pipe',
  });
  return readFileSync(join(dir, 'out.pdf'));
}

/** Each page's words as pdftotext reads them from the source file. */
function sourcePageWords(bytes: Buffer): string[][] {
  const file = join(mkdtempSync(join(tmpdir(), 'cr-rawcopy-')), 'src.pdf');
  writeFileSync(file, bytes);
  return pageTexts(file).map(words);
}

/**
 * Builds an ADR packet with `bytes` as the physician order's file (all its pages), and returns
 * the exhibit's packet pages as words, the packet's qpdf verdict and whether pdf-lib was needed.
 */
async function packetOf(bytes: Buffer) {
  const logged: string[] = [];
  setLogSink((line) => logged.push(line), 'debug');
  const { pdf, exhibit } = await adrWithOrderFile(bytes, sourcePageWords(bytes).length);
  setLogSink(null);
  const file = join(mkdtempSync(join(tmpdir(), 'cr-rawcopy-')), 'packet.pdf');
  writeFileSync(file, pdf);
  return {
    pages: pageTexts(file).slice(exhibit.firstPage, exhibit.lastPage).map(words),
    qpdf: qpdfCheck(file),
    fellBack: logged.some((l) => l.includes('packet.raw-copy-fallback')),
  };
}

afterEach(() => setLogSink(null));

describe('exhibit pages copied raw', () => {
  const producers: Array<[string, () => Promise<Buffer>]> = [
    ['pdf-lib, object streams', () => pdfLibSource(true)],
    ['pdf-lib, classic table', () => pdfLibSource(false)],
    [
      'qpdf object streams (PNG predictor)',
      async () => qpdfRewrite(await pdfLibSource(false), '--object-streams=generate'),
    ],
    ['qpdf linearized', async () => qpdfRewrite(await pdfLibSource(true), '--linearize')],
    [
      'qpdf QDF (comments, uncompressed)',
      async () => qpdfRewrite(await pdfLibSource(true), '--qdf'),
    ],
    ['cairo (embedded font subsets)', async () => cairoRewrite(await pdfLibSource(true))],
    ['two content streams on one page', twoStreamSource],
    ['inherited resources, indirect /Length, split contents', async () => inheritedDocument().pdf],
    ['an incremental update', async () => updated()],
  ];

  it.each(producers)('copies pages written by %s without pdf-lib', async (_, make) => {
    const bytes = await make();
    const source = sourcePageWords(bytes);
    const packet = await packetOf(bytes);
    expect(packet.fellBack).toBe(false);
    expect(packet.qpdf.ok, packet.qpdf.output).toBe(true);
    expect(packet.pages).toHaveLength(source.length);
    // Every word of each source page is on its packet page (which adds the stamp bands).
    source.forEach((sourceWords, i) => {
      expect(sourceWords.length).toBeGreaterThan(0);
      for (const w of sourceWords) expect(packet.pages[i]).toContain(w);
    });
  });

  it('reads the newest version of an updated object', async () => {
    const packet = await packetOf(updated());
    expect(packet.pages[0]).toContain('Updated');
    expect(packet.pages[0]).not.toContain('(one)');
  });

  it('copies a scanned page image as stored (size, colour space and encoding)', async () => {
    // A PNG of a rendered page stands in for a scan.
    const dir = mkdtempSync(join(tmpdir(), 'cr-rawcopy-'));
    writeFileSync(join(dir, 'text.pdf'), await pdfLibSource(false));
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '30',
      '-f',
      '1',
      '-l',
      '1',
      join(dir, 'text.pdf'),
      join(dir, 'scan'),
    ]);
    const doc = await PDFDocument.create();
    const image = await doc.embedPng(readFileSync(join(dir, 'scan-1.png')));
    doc.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
    const source = Buffer.from(await doc.save());
    const { pdf } = await adrWithOrderFile(source, 1);
    writeFileSync(join(dir, 'packet.pdf'), pdf);
    expect(qpdfCheck(join(dir, 'packet.pdf')).ok).toBe(true);
    // pdfimages -list: page num type width height color comp bpc enc ...
    const images = (file: string) =>
      execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.trim().split(/\s+/).slice(3, 9).join(' '));
    writeFileSync(join(dir, 'source.pdf'), source);
    const stored = images(join(dir, 'source.pdf'));
    expect(stored).toHaveLength(1);
    expect(images(join(dir, 'packet.pdf'))).toEqual(stored);
  });

  it('refuses an encrypted file, naming it', async () => {
    const encrypted = qpdfRewrite(await pdfLibSource(false), '--encrypt', 'u', 'o', '256', '--');
    await expect(adrWithOrderFile(encrypted, 3)).rejects.toThrow(/order\.pdf.*encrypted/s);
  });

  it('falls back to pdf-lib for a damaged cross-reference table, with the same pages', async () => {
    const good = await pdfLibSource(false);
    const damaged = Buffer.from(
      good.toString('latin1').replace(/startxref\n\d+/, 'startxref\n3'),
      'latin1',
    );
    const packet = await packetOf(damaged);
    expect(packet.fellBack).toBe(true);
    expect(packet.qpdf.ok, packet.qpdf.output).toBe(true);
    expect(packet.pages.map((p) => p.join(' '))).toEqual([
      expect.stringContaining('RAWCOPY producer page 1'),
      expect.stringContaining('RAWCOPY producer page 2'),
      expect.stringContaining('RAWCOPY producer page 3'),
    ]);
  });
});
