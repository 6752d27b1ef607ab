/**
 * End to end: an import runs in the main process, independent of the screen (issue 15). Started
 * on the Import screen, it keeps going while the user looks at another screen; coming back shows
 * it live (files done of the total, the current file); Cancel stops it after the file being
 * stored, and the result says so; the second run reads the rest. Scans OCR cannot read say what
 * failed (a page too large, nothing legible) with advice for it. At 1366x768 and 1920x1080 with
 * axe. Screenshots: test-results/screenshots/import-*.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { OCR_ADVICE } from '../../shared/import-advice';
import type { ImportStatus } from '../../shared/api';
import { startHarness, type Harness } from '../../src-main/server/harness';
import { apiCall, checkA11y, launchChromium, SHOTS, STATIC, openWatchedPage } from './kit';

/** Enough small notes that the import takes seconds, not a blink. */
const FILES = 2500;

let dir: string;
let exportDir: string;
let scanDir: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'chartready-e2e-import-'));
  exportDir = join(dir, 'export');
  mkdirSync(exportDir);
  for (let i = 0; i < FILES; i++)
    writeFileSync(
      join(exportDir, `visit-${String(i).padStart(5, '0')}.txt`),
      `Therapy Visit Note\nPatient: Sample, Person${i % 50}\nVisit date: 2026-03-${String((i % 28) + 1).padStart(2, '0')}\nTherapeutic exercise 97110, 23 minutes. Note ${i}.\nR. Diaz, PT\n`,
    );
  // Scans OCR cannot read, for different reasons: a page too large to draw, a blank page.
  scanDir = join(dir, 'scans');
  mkdirSync(scanDir);
  const huge = await PDFDocument.create();
  huge.addPage([14_400, 14_400]);
  writeFileSync(join(scanDir, 'huge-page.pdf'), await huge.save());
  const blank = await PDFDocument.create();
  blank.addPage([612, 792]);
  writeFileSync(join(scanDir, 'blank-scan.pdf'), await blank.save());
  // Not a PDF at all: refused as a whole file, no page to name.
  writeFileSync(join(scanDir, 'damaged.pdf'), Buffer.from('random bytes, renamed to .pdf'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('import at $width x $height', (viewport) => {
  let harness: Harness;
  let page: Page;
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;

  beforeAll(async () => {
    harness = await startHarness({ dbPath: join(dir, `${tag}.db`), staticDir: STATIC });
    page = await openWatchedPage(browser, { viewport, locale: 'en-US' }, { errors, focusDrops });
  });

  afterAll(async () => {
    await page?.context().close();
    await harness?.close();
  });

  it('keeps importing on another screen, shows it live on return, and cancels', async () => {
    await page.goto(harness.url);
    await page.getByRole('heading', { name: 'Import chart exports' }).waitFor();
    await page.getByLabel('Or type paths on this computer').fill(exportDir);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const progress = page.getByTestId('import-progress');
    await expect.poll(() => progress.textContent()).toMatch(/^Importing… \d+ of 2500 file/);
    // Away to another screen and back: the import went on in the main process.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const away = await apiCall<ImportStatus>(harness, 'importStatus');
    expect(away).toMatchObject({ running: true, total: FILES });
    await nav.getByRole('link', { name: 'Import' }).click();
    await expect.poll(() => progress.textContent()).toMatch(/^Importing… \d+ of 2500 file/);
    const seen = Number(/(\d+) of/.exec((await progress.textContent()) ?? '')![1]);
    expect(seen).toBeGreaterThanOrEqual(away.done);
    await page.getByText('Current file:').waitFor();
    await page.screenshot({ path: join(SHOTS, `import-1-live-${tag}.png`) });
    await checkA11y(page, 'import running');
    // A second import while this one runs is refused with what is running.
    await page.getByLabel('Or type paths on this computer').fill(exportDir);
    expect(await page.getByRole('button', { name: 'Importing…' }).isDisabled()).toBe(true);
    const res = await fetch(`${harness.url}api/importPaths`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chartready-token': harness.token },
      body: JSON.stringify({ paths: [exportDir] }),
    });
    expect(((await res.json()) as { error: string }).error).toMatch(
      /an import is already running \(\d+ of 2500 files\)/,
    );
    await page.getByRole('button', { name: 'Cancel import' }).click();
    const cancelled = page.getByTestId('import-cancelled');
    await cancelled.waitFor({ timeout: 60_000 });
    expect(await cancelled.textContent()).toMatch(/^Import cancelled after \d+ file\(s\)/);
    const status = await apiCall<ImportStatus>(harness, 'importStatus');
    expect(status.running).toBe(false);
    expect(status.last?.cancelled).toBe(true);
    const stored = status.last!.files.length;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(FILES);
    expect(await page.getByTestId('import-summary').textContent()).toContain(
      `${status.last!.imported} imported`,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `import-2-cancelled-${tag}.png`) });
    await checkA11y(page, 'import cancelled');
    expect(errors).toEqual([]);
  });

  it('shows on return the result of an import that ended while the screen was elsewhere, once', async () => {
    await page.getByLabel('Or type paths on this computer').fill(exportDir);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const progress = page.getByTestId('import-progress');
    await expect.poll(() => progress.textContent()).toMatch(/^Importing… \d+ of 2500 file/);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    // It ends (cancelled here, to be quick) while the user is on another screen.
    await apiCall<ImportStatus>(harness, 'cancelImport');
    await expect
      .poll(async () => (await apiCall<ImportStatus>(harness, 'importStatus')).running, {
        timeout: 60_000,
      })
      .toBe(false);
    const ended = await apiCall<ImportStatus>(harness, 'importStatus');
    await nav.getByRole('link', { name: 'Import' }).click();
    await page.getByTestId('import-cancelled').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain(
      `${ended.last!.imported} imported`,
    );
    // Seen once: coming back again starts a fresh screen.
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await nav.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import chart exports' }).waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByTestId('import-summary').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says what OCR could not do on each refused scan, and what to do about it', async () => {
    await page.goto(harness.url);
    await page.getByRole('heading', { name: 'Import chart exports' }).waitFor();
    await page.getByLabel('Or type paths on this computer').fill(scanDir);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const table = page.getByRole('table', { name: 'Files that could not be imported' });
    await table.waitFor({ timeout: 60_000 });
    const row = (file: string) => table.getByRole('row').filter({ hasText: file });
    expect(await row('huge-page.pdf').textContent()).toContain(OCR_ADVICE['page-too-large']);
    expect(await row('blank-scan.pdf').textContent()).toContain(OCR_ADVICE['nothing-legible']);
    expect(await row('damaged.pdf').textContent()).toContain('not a PDF (damaged or renamed)');
    // "Where" names a place only where there is one; a whole file says so, not an empty cell.
    const headers = await table.locator('thead th').allTextContents();
    const whereAt = headers.indexOf('Where');
    if (whereAt >= 0)
      for (const cell of await table
        .locator(`tbody td:nth-child(${whereAt + 1})`)
        .allTextContents())
        expect(cell).not.toBe('');
    // File names wrap between their parts, never inside one ("damage d.pdf").
    for (const file of ['damaged.pdf', 'huge-page.pdf', 'blank-scan.pdf']) {
      const lines = await row(file)
        .locator('.path')
        .evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
      expect(lines, file).toBe(1);
    }
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `import-3-ocr-refusals-${tag}.png`) });
    await checkA11y(page, 'import with OCR refusals');
    expect(errors).toEqual([]);
  });

  it('clears a refusal ("an import is already running") when the running import ends', async () => {
    await page.goto(`${harness.url}#/import`);
    await page.getByRole('heading', { name: 'Import chart exports' }).waitFor();
    await page.waitForTimeout(300);
    // Another import starts while the screen is idle (another window, the CLI): this one refuses.
    const other = fetch(`${harness.url}api/importPaths`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chartready-token': harness.token },
      body: JSON.stringify({ paths: [exportDir] }),
    });
    await expect
      .poll(async () => (await apiCall<ImportStatus>(harness, 'importStatus')).running)
      .toBe(true);
    await page.getByLabel('Or type paths on this computer').fill(exportDir);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const refusal = page.getByRole('alert');
    await expect.poll(() => refusal.textContent()).toMatch(/an import is already running/);
    // The screen follows the import that runs, and clears the refusal when it ends.
    const progress = page.getByTestId('import-progress');
    await expect.poll(() => progress.textContent()).toMatch(/^Importing… \d+ of 2500 file/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `import-4-refused-${tag}.png`) });
    await apiCall<ImportStatus>(harness, 'cancelImport');
    await other;
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByText('an import is already running').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, `import-5-refusal-cleared-${tag}.png`) });
    await checkA11y(page, 'import ended after a refusal');
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
