/**
 * End to end: appeal packets hold against the record (issue 15), on the sample chart at 1366x768
 * and 1920x1080. Okafor's CO-97 appeal is refused with the review's finding quoted and the records
 * response offered; Alvarez's RB26-0907 with CO-50 lists the over-billed 09/11 97546 as not
 * argued; Nguyen's records response (no denial) shows and sends no denial code, and its history
 * row names none. axe on every state; focus never falls to the page body. Screenshots go to
 * test-results/screenshots/ (packet-record-*).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { EpisodeSummary } from '../../shared/api';
import { startHarness, type Harness } from '../../src-main/server/harness';
import { apiCall, checkA11y, launchChromium, openWatchedPage, SAMPLE, SHOTS, STATIC } from './kit';

const AS_OF = '2026-11-24';

let dir: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'chartready-e2e-packet-record-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('packets that hold against the record at $width x $height', (viewport) => {
  let harness: Harness;
  let page: Page;
  let episodes: EpisodeSummary[];
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;
  const shot = (name: string) =>
    page.screenshot({ path: join(SHOTS, `packet-record-${name}-${tag}.png`), fullPage: true });
  const episodeOf = (patient: string) => episodes.find((e) => e.patientName === patient)!;
  const openPacket = async (patient: string) => {
    await page.goto(`${harness.url}#/packet/${encodeURIComponent(episodeOf(patient).id)}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
  };

  beforeAll(async () => {
    harness = await startHarness({
      dbPath: join(dir, `${tag}.db`),
      staticDir: STATIC,
      asOf: AS_OF,
    });
    await apiCall(harness, 'importPaths', { paths: [SAMPLE] });
    episodes = await apiCall<EpisodeSummary[]>(harness, 'listEpisodes');
    page = await openWatchedPage(browser, { viewport, locale: 'en-US' }, { errors, focusDrops });
  });

  afterAll(async () => {
    await page?.context().close();
    await harness?.close();
  });

  it("refuses Okafor's CO-97 appeal, quoting the review, and offers the records response", async () => {
    await openPacket('Okafor, James');
    expect(await page.getByLabel('Claim', { exact: true }).inputValue()).toBe('RB26-1012-OKA');
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent(), { timeout: 30_000 })
      .toContain('The review confirms the denial of claim RB26-1012-OKA (CO-97)');
    const said = (await alert.textContent()) ?? '';
    expect(said).toContain(
      '97546 billed on 2026-10-14 without 97545 on the same date (BILL-97546-REQUIRES-97545)',
    );
    expect(said).toMatch(/records-request response.*corrected claim/);
    expect(await page.getByTestId('exhibit').count()).toBe(0);
    await shot('1-okafor-refused');
    await checkA11y(page, 'packet refused: the review confirms the denial');

    // The records response is what can be built: it plans, and shows no denial code.
    await page.getByLabel('Packet type').selectOption('adr');
    await expect
      .poll(() => page.getByTestId('exhibit').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByLabel('Denial reason (CARC)').count()).toBe(0);
    expect(await page.getByTestId('denial-meaning').count()).toBe(0);
    await shot('2-okafor-records');
    await checkA11y(page, 'records response for a refused appeal');
  });

  it('lists the over-billed 09/11 97546 of Alvarez RB26-0907 as not argued', async () => {
    await openPacket('Alvarez, Maria');
    await page.getByLabel('Claim', { exact: true }).selectOption('RB26-0907-ALV');
    const denial = page.getByLabel('Denial reason (CARC)');
    await denial.fill('CO-50');
    const gaps = page.getByRole('region', { name: 'Before you send' });
    await expect
      .poll(async () => (await gaps.count()) && gaps.textContent(), { timeout: 30_000 })
      .toContain('Not argued and not asked to be paid: 09/11/2026: 97546 x1.');
    expect(await gaps.textContent()).toContain('(BILL-WC-TIME-UNITS)');
    // Focus stays where the user typed.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await denial.getAttribute('id'),
    );
    await gaps.scrollIntoViewIfNeeded();
    await shot('3-alvarez-not-argued');
    await checkA11y(page, 'appeal with a line not argued');
  });

  it("builds Nguyen's records response without a denial code anywhere on screen", async () => {
    await openPacket('Nguyen, Linda');
    // No claim of Nguyen's was denied: the appeal is refused until the records response is chosen.
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
      .toContain('No denial is on file');
    await page.getByLabel('Packet type').selectOption('adr');
    await expect.poll(() => page.getByRole('alert').count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => page.getByTestId('exhibit').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('denial-meaning').count()).toBe(0);
    const claimAndDenial = page.getByRole('region', { name: 'Claim and denial' });
    expect(await claimAndDenial.textContent()).not.toMatch(/\b50\b|default/);
    await page.getByRole('button', { name: 'Build packet' }).click();
    await page.getByTestId('built-status').waitFor({ timeout: 120_000 });
    const row = page.getByTestId('history-row').first();
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('Records response');
    expect(rowText).not.toMatch(/\(\d+\)/);
    await shot('4-nguyen-records-built');
    await checkA11y(page, 'records response built');
  });

  it('raised no CSP violations or page errors', () => {
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
