/**
 * An exhibit that is an image file goes into the packet as the scan itself: the sample chart plus
 * a faxed TIFF certifying Chen's Medicare plan; the records-request packet for Chen must
 * carry the fax page as an image (qpdf clean), not its OCR text typeset.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartReadyService } from '../../src-main/core/api/service';
import { importPaths } from '../../src-main/core/import/pipeline';
import { closeOcrEngine, decodeImagePage } from '../../src-main/core/ocr';
import { embedScanPages, scanPageSize } from '../../src-main/core/packet/scan-pages';
import { openDatabase } from '../../src-main/core/store/db';
import type { EpisodeDocument } from '../../shared/episode';
import { faxJpeg, faxTiff, textPageRaster } from '../../scripts/sample-chart/fax';
import { CERT_FAX, writeCertFax } from '../ocr/cert-fax';
import { pageText, qpdfCheck } from './pdf-inspect';

const SAMPLE = join(import.meta.dirname, '../../assets/sample-chart');

let dir: string;
let service: ChartReadyService;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-scan-exhibit-'));
  const chart = join(dir, 'chart');
  cpSync(SAMPLE, chart, { recursive: true });
  await writeCertFax(chart);
  const dbPath = join(dir, 'scan.db');
  const db = openDatabase(dbPath);
  await importPaths(db, [chart]);
  db.close();
  service = new ChartReadyService({ dbPath, asOf: '2026-12-01' });
}, 180_000);

afterAll(async () => {
  service?.close();
  await closeOcrEngine();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `pdfimages -list` rows of one page: width, height, colour, bits per component. */
function imagesOn(file: string, page: number): Array<[number, number, string, number]> {
  const out = execFileSync('pdfimages', ['-list', '-f', String(page), '-l', String(page), file], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const c = l.trim().split(/\s+/);
      return [Number(c[3]), Number(c[4]), c[5]!, Number(c[7])];
    });
}

describe('image files in packets', () => {
  it('embeds the faxed TIFF as its scan image, one packet page, not its OCR text', async () => {
    const chen = (await service.listEpisodes()).find((e) => e.patientName === 'Chen, Robert')!;
    const detail = await service.getEpisode({ id: chen.id });
    const fax = detail.documents.find((d) => d.file === CERT_FAX)!;
    expect(fax).toBeDefined();
    // Chen's denials are unprocessable (CO-4/MA130, no appeal rights): a records response.
    const built = await service.buildPacket({ episodeId: chen.id, kind: 'adr' });
    const exhibit = built.plan.exhibits.find((x) => x.documentIds.includes(fax.id))!;
    expect(exhibit, 'the certification fax is an exhibit').toBeDefined();
    const file = join(dir, 'chen-adr.pdf');
    writeFileSync(file, Buffer.from(built.pdfBase64, 'base64'));
    const check = qpdfCheck(file);
    expect(check.ok, check.output).toBe(true);
    // The exhibit's pages: the separator sheet, then the fax page as one grey image at its size
    // as read (1728 px across, rows of the 98 dpi "normal" fax doubled).
    const faxPage = exhibit.lastPage;
    expect(faxPage - exhibit.firstPage).toBe(1);
    const images = imagesOn(file, faxPage);
    expect(images).toHaveLength(1);
    const [width, height, colour, bits] = images[0]!;
    expect([colour, bits]).toEqual(['gray', 8]);
    expect(width).toBeGreaterThan(1600);
    expect(height).toBeGreaterThan(width);
    expect(pageText(file, faxPage)).not.toMatch(/typeset from text|I have reviewed this plan/);
  });

  it('sizes pages from the scan resolution, and fits an implausible one into a letter page', () => {
    expect(scanPageSize({ width: 1728, height: 2200 }, 204)).toEqual({
      width: (1728 / 204) * 72,
      height: (2200 / 204) * 72,
    });
    // A phone photo with no real resolution (4000 px "at 300 dpi" is 13 in wide): letter-fitted.
    const photo = scanPageSize({ width: 4000, height: 3000 }, 300);
    expect(photo.width).toBeCloseTo(612, 5);
    expect(photo.height).toBeCloseTo(459, 5);
  });

  it('embeds only the document’s own TIFF page, and a JPEG as its own bytes', async () => {
    const pages = [
      await textPageRaster(['Page one of the fax']),
      await textPageRaster(['Page two of the fax']),
    ];
    const tiff = faxTiff(pages, 196);
    const target = await PDFDocument.create();
    const doc = { file: 'x.tif', pageStart: 2, pageEnd: 2 } as EpisodeDocument;
    const tiffExhibit = await embedScanPages(target, doc, tiff);
    expect(tiffExhibit.pages).toHaveLength(1);
    expect([...tiffExhibit.sourcePageMap.keys()]).toEqual([2]);
    const second = await decodeImagePage(tiff, 'tiff', 2);
    const page = tiffExhibit.pages[0]!;
    if (page.kind !== 'embedded') throw new Error('expected an embedded page');
    expect(page.page.width).toBeCloseTo((second.raster.width / second.dpi) * 72, 2);

    const jpeg = faxJpeg(pages[0]!);
    const before = target.context.enumerateIndirectObjects().length;
    await embedScanPages(target, { ...doc, file: 'x.jpg', pageStart: 1, pageEnd: 1 }, jpeg);
    const bytes = await target.save();
    expect(target.context.enumerateIndirectObjects().length).toBeGreaterThan(before);
    // The JPEG's bytes are in the PDF unchanged (DCT passthrough, no re-encoding).
    expect(Buffer.from(bytes).includes(Buffer.from(jpeg))).toBe(true);
  });
});
