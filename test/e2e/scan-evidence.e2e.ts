/**
 * End to end: scanned evidence with the quote highlighted on the image. The sample chart (its
 * faxed physician order is a PDF page with no text layer) plus a faxed TIFF certifying Chen's
 * Medicare plan of care, which is certified nowhere else (the typed certification left out), is
 * imported; from each episode's finding the evidence viewer opens the
 * scan and must draw the quote's box over the printed words (measured: the image under the box
 * holds ink), at 1366x768 and 1920x1080, with axe. Then a long faxed TIFF is imported through the
 * path field: the Import screen shows "page N of M (OCR)" and its Cancel stops the import.
 * Screenshots: test-results/screenshots/scan-*.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { EpisodeDetail, EpisodeSummary, ImportResponse } from '../../shared/api';
import { startHarness, type Harness } from '../../src-main/server/harness';
import { closeOcrEngine } from '../../src-main/core/ocr';
import { faxTiff, textPageRaster } from '../../scripts/sample-chart/fax';
import { writeCertFax, writeChenEvaluationUncertified } from '../ocr/cert-fax';
import { apiCall, checkA11y, launchChromium, SAMPLE, SHOTS, STATIC, openWatchedPage } from './kit';

const AS_OF = '2026-12-01';
let dir: string;
let harness: Harness;
let browser: Browser;
let episodes: EpisodeSummary[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'chartready-e2e-scan-'));
  const chart = join(dir, 'chart');
  cpSync(SAMPLE, chart, { recursive: true });
  // Chen's plan is certified only by the fax: the typed evaluation's certification is left out.
  await writeChenEvaluationUncertified(join(chart, 'chen-robert'));
  await writeCertFax(chart);
  // Four pages of fax, read by OCR for seconds each: time to see the progress and cancel.
  const pages = [];
  for (const n of [1, 2, 3, 4])
    pages.push(await textPageRaster([`Long fax, page ${n} of 4`, 'Patient: Doe, Jane']));
  mkdirSync(join(dir, 'long'));
  writeFileSync(join(dir, 'long', 'long_fax.tif'), faxTiff(pages, 196));
  harness = await startHarness({ dbPath: join(dir, 'scan.db'), staticDir: STATIC, asOf: AS_OF });
  const imported = await apiCall<ImportResponse>(harness, 'importPaths', { paths: [chart] });
  expect(imported.files.find((f) => f.path.endsWith('.tif'))?.status).toBe('imported');
  episodes = await apiCall<EpisodeSummary[]>(harness, 'listEpisodes');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await closeOcrEngine();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The episode and finding evidence of `rule` that cites `file` (as the API reports it). */
async function citing(rule: string, file: RegExp) {
  for (const ep of episodes) {
    const d = await apiCall<EpisodeDetail>(harness, 'getEpisode', { id: ep.id });
    for (const f of d.findings.filter((x) => x.rule === rule)) {
      const e = f.evidence.find((x) => file.test(x.file));
      if (e) return { episode: ep, finding: f, evidence: e };
    }
  }
  throw new Error(`no ${rule} finding cites ${file}`);
}

/**
 * Share of dark pixels of the page image (an <img>, or the pdf.js canvas) under a highlight:
 * text is a fifth to a half ink; white paper around it is none.
 */
async function inkUnder(image: Locator, highlight: Locator): Promise<number> {
  const handle = await image.elementHandle();
  return highlight.evaluate((hl, img) => {
    const src = img as HTMLImageElement | HTMLCanvasElement;
    const w = src instanceof HTMLImageElement ? src.naturalWidth : src.width;
    const h = src instanceof HTMLImageElement ? src.naturalHeight : src.height;
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(src, 0, 0);
    const shown = src.getBoundingClientRect();
    const box = hl.getBoundingClientRect();
    const k = w / shown.width;
    const x = Math.max(0, Math.round((box.left - shown.left) * k));
    const y = Math.max(0, Math.round((box.top - shown.top) * k));
    const bw = Math.max(1, Math.round(box.width * k));
    const bh = Math.max(1, Math.round(box.height * k));
    const data = ctx.getImageData(x, y, bw, bh).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
    return dark / (data.length / 4);
  }, handle);
}

async function openEvidence(page: Page, episodeId: string, file: string, pageNo: number) {
  await page.goto(`${harness.url}#/episode/${encodeURIComponent(episodeId)}`);
  await page.getByRole('checkbox', { name: 'Show passing and N/A' }).check();
  const label = `Show evidence: ${file.split('/').pop()} p. ${pageNo}`;
  await page.getByRole('button', { name: label }).first().click();
  const viewer = page.getByTestId('evidence-viewer');
  await viewer.waitFor();
  return { viewer, label };
}

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('scanned evidence at $width x $height', (viewport) => {
  let page: Page;
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;

  beforeAll(async () => {
    page = await openWatchedPage(browser, { viewport }, { errors, focusDrops });
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('shows the faxed TIFF certifying a Medicare plan with the quote boxed over its words', async () => {
    const { episode, finding, evidence } = await citing('DOC-POC-CERT', /\.tif$/);
    expect(episode.payerKind).toBe('medicare');
    expect(finding.status).toBe('pass');
    // Certified only by the fax: every piece of the pass's evidence is the scan, read by OCR.
    expect(finding.evidence.every((e) => e.file.endsWith('.tif') && e.source === 'ocr')).toBe(true);
    expect(evidence.source).toBe('ocr');
    const { viewer, label } = await openEvidence(page, episode.id, evidence.file, evidence.page);
    const image = viewer.getByRole('img', { name: /scanned image/ });
    await image.waitFor();
    const status = viewer.getByTestId('evidence-status');
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .toMatch(/^Quoted text is highlighted on the scanned page \(read by OCR, confidence \d+%\)/);
    const boxes = viewer.getByTestId('evidence-highlight');
    expect(await boxes.count()).toBeGreaterThan(0);
    const img = (await image.boundingBox())!;
    for (const b of await boxes.all()) {
      const r = (await b.boundingBox())!;
      // On the image, and on printed words, not on blank paper.
      expect(r.x).toBeGreaterThanOrEqual(img.x - 4);
      expect(r.x + r.width).toBeLessThanOrEqual(img.x + img.width + 4);
      expect(r.y).toBeGreaterThanOrEqual(img.y - 4);
      expect(r.y + r.height).toBeLessThanOrEqual(img.y + img.height + 4);
      expect(await inkUnder(image, b)).toBeGreaterThan(0.1);
    }
    const last = boxes.last();
    await last.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `scan-tiff-${tag}.png`) });
    await checkA11y(page, `scanned TIFF evidence ${tag}`);

    // Zoom: the image and its boxes grow together, and the boxes stay on the words.
    const before = (await last.boundingBox())!.width;
    const imgBefore = img.width;
    await viewer.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await image.boundingBox())!.width).toBeGreaterThan(imgBefore);
    const grown = (await image.boundingBox())!.width / imgBefore;
    await expect.poll(async () => (await last.boundingBox())!.width / before).toBeCloseTo(grown, 1);
    expect(await inkUnder(image, last)).toBeGreaterThan(0.1);
    // Escape closes the viewer; focus goes back to the link that opened it.
    await viewer.getByRole('button', { name: 'Fit to width' }).focus();
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe(label);
  });

  it('shows the sample chart’s faxed order (a PDF scan) with the OCR quote boxed', async () => {
    const { episode, evidence } = await citing('DOC-SIGNED', /fax_scan_referral\.pdf$/);
    const { viewer } = await openEvidence(page, episode.id, evidence.file, evidence.page);
    const status = viewer.getByTestId('evidence-status');
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .toMatch(/^Quoted text is highlighted on the scanned page \(read by OCR, confidence \d+%\)/);
    const canvas = viewer.getByRole('img', { name: /\(scanned\)/ });
    const boxes = viewer.getByTestId('evidence-highlight');
    expect(await boxes.count()).toBeGreaterThan(0);
    for (const b of await boxes.all()) expect(await inkUnder(canvas, b)).toBeGreaterThan(0.1);
    await boxes.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `scan-pdf-${tag}.png`) });
    await checkA11y(page, `scanned PDF evidence ${tag}`);
    await viewer.getByRole('button', { name: 'Close evidence' }).click();
    expect(errors).toEqual([]);
  });

  it('shows which page OCR is reading during an import, and cancels it', async () => {
    await page.goto(`${harness.url}#/import`);
    await page.getByLabel('Or type paths on this computer').fill(join(dir, 'long'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const progress = page.getByTestId('import-progress');
    await expect
      .poll(() => progress.textContent(), { timeout: 60_000 })
      .toMatch(/reading long_fax\.tif: page [12] of 4 \(OCR\)/);
    await page.screenshot({ path: join(SHOTS, `scan-import-ocr-${tag}.png`) });
    await checkA11y(page, `import with OCR progress ${tag}`);
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await page.getByTestId('import-cancelled').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-summary').textContent()).toMatch(/^0 imported/);
    await page.screenshot({ path: join(SHOTS, `scan-import-cancelled-${tag}.png`) });
    await checkA11y(page, `import cancelled ${tag}`);
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
