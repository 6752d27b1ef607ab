/**
 * End to end: appeal packets hold against the record (issue 15), on the sample chart at 1366x768
 * and 1920x1080. Okafor's CO-97 claim, whose denial the review confirms, opens on the records
 * response, and an appeal asked for is declined in words quoting the review's finding; Alvarez's RB26-0907 with CO-50 lists the over-billed 09/11 97546 as not
 * argued; Nguyen's records response (no denial) shows and sends no denial code, and its history
 * row names none; an episode with no denial offers "Build packet" and opens on the records
 * response (an appeal asked for says why there is none, as information, not an error); after
 * Build the preview's top is in view; a paid Medicare claim opens on the "Medicare ADR response"
 * the type list offers, and its no-denial note names it. axe on every state; focus never falls to the page body. Shots go to
 * test-results/screenshots/ (packet-record-*).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EpisodeSummary } from '../../shared/api';
import { startHarness, type Harness } from '../../src-main/server/harness';
import { apiCall, fileBrowser, checkA11y, openWatchedPage, SAMPLE, SHOTS, STATIC } from './kit';

const AS_OF = '2026-11-24';

const run = fileBrowser('chartready-e2e-packet-record-');

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
      dbPath: join(run.dir, `${tag}.db`),
      staticDir: STATIC,
      asOf: AS_OF,
    });
    await apiCall(harness, 'importPaths', { paths: [SAMPLE] });
    episodes = await apiCall<EpisodeSummary[]>(harness, 'listEpisodes');
    page = await openWatchedPage(
      run.browser,
      { viewport, locale: 'en-US' },
      { errors, focusDrops },
    );
  });

  afterAll(async () => {
    await page?.context().close();
    await harness?.close();
  });

  it("opens Okafor's CO-97 claim on the records response; an appeal is declined in words, quoting the review", async () => {
    await openPacket('Okafor, James');
    expect(await page.getByLabel('Claim', { exact: true }).inputValue()).toBe('RB26-1012-OKA');
    // The review confirms the denial on every line: the records response is what can be built.
    await expect.poll(() => page.getByLabel('Packet type').inputValue()).toBe('adr');
    await expect
      .poll(() => page.getByTestId('exhibit').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByLabel('Denial reason (CARC)').count()).toBe(0);
    expect(await page.getByTestId('denial-meaning').count()).toBe(0);
    await shot('2-okafor-records');
    await checkA11y(page, 'records response for a denial the review confirms');

    // Asked for an appeal, the screen says why none is written, as information, not an error.
    await page.getByLabel('Packet type').selectOption('appeal');
    const note = page.getByTestId('denial-confirmed');
    await note.waitFor();
    const said = (await note.textContent()) ?? '';
    // The code with where it came from (issue 15: "say where each code came from").
    expect(said).toMatch(
      /The review confirms the denial of claim RB26-1012-OKA \(CO-97 from the 835 dated \d{4}-\d{2}-\d{2}\)/,
    );
    expect(said).toContain(
      '97546 billed on 2026-10-14 without 97545 on the same date (BILL-97546-REQUIRES-97545)',
    );
    expect(said).toMatch(/Records-request response.*corrected claim/);
    expect(await note.getAttribute('role')).toBe('status');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByTestId('exhibit').count()).toBe(0);
    await shot('1-okafor-refused');
    await checkA11y(page, 'appeal declined: the review confirms the denial');
  });

  it('lists the over-billed 09/11 97546 of Alvarez RB26-0907 as not argued', async () => {
    await openPacket('Alvarez, Maria');
    await page.getByLabel('Claim', { exact: true }).selectOption('RB26-0907-ALV');
    // No 835 denial for this claim: it opens on the records response; an appeal is chosen, and
    // the code from the payer's notice entered.
    await expect.poll(() => page.getByLabel('Packet type').inputValue()).toBe('adr');
    await page.getByLabel('Packet type').selectOption('appeal');
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
    // No denial on file: the episode offers a packet, not an appeal, and the screen opens on the
    // records response, the one packet a claim with no denial allows.
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(episodeOf('Nguyen, Linda').id)}`);
    await page.getByRole('link', { name: 'Build packet', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Records-request response' }).waitFor();
    expect(await page.getByRole('link', { name: 'Build appeal packet' }).count()).toBe(0);
    expect(await page.getByLabel('Packet type').inputValue()).toBe('adr');
    expect(
      await page.getByLabel('Packet type').locator('option[value="adr"]').textContent(),
    ).toContain('Records-request response (records only)');
    await expect.poll(() => page.getByRole('alert').count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => page.getByTestId('exhibit').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('denial-meaning').count()).toBe(0);
    const claimAndDenial = page.getByRole('region', { name: 'Claim and request' });
    expect(await claimAndDenial.textContent()).not.toMatch(/\b50\b|default/);
    await page.getByRole('button', { name: 'Build packet' }).click();
    await page.getByTestId('built-status').waitFor({ timeout: 120_000 });
    // The preview's heading and paging are in view after Build (not scrolled above the top).
    await page.getByTestId('preview-page').waitFor();
    await page.waitForTimeout(800);
    const previewTop = await page
      .getByTestId('packet-preview')
      .evaluate((n) => n.getBoundingClientRect().top);
    const paging = await page.getByRole('button', { name: 'Next page' }).boundingBox();
    await page.screenshot({ path: join(SHOTS, `packet-record-5-preview-view-${tag}.png`) });
    expect(previewTop).toBeGreaterThanOrEqual(-1);
    expect(previewTop).toBeLessThan(viewport.height / 2);
    expect(paging!.y).toBeGreaterThanOrEqual(0);
    expect(paging!.y + paging!.height).toBeLessThanOrEqual(viewport.height);
    const row = page.getByTestId('history-row').first();
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('Records response');
    expect(rowText).not.toMatch(/\(\d+\)/);
    await shot('4-nguyen-records-built');
    await checkA11y(page, 'records response built');
  });

  it('words the Medicare records response as the packet type list offers it', async () => {
    await openPacket('Chen, Robert');
    await page.getByLabel('Claim', { exact: true }).selectOption('RB26-0803-CHE');
    // A paid claim opens on the records response, by its Medicare name.
    await page.getByRole('heading', { level: 1, name: 'Medicare ADR response' }).waitFor();
    const kind = page.getByLabel('Packet type');
    expect(await kind.inputValue()).toBe('adr');
    expect(await kind.locator('option[value="adr"]').textContent()).toBe(
      'Medicare ADR response (records only)',
    );
    // An appeal asked for: the note (information, not an alert) names the ADR response.
    await kind.selectOption('appeal');
    await expect
      .poll(() => page.getByTestId('no-denial').textContent(), { timeout: 30_000 })
      .toContain('choose the Medicare ADR response (records only) as the packet type');
    expect(await page.getByRole('alert').count()).toBe(0);
    await shot('6-medicare-no-denial');
    await checkA11y(page, 'Medicare claim with no denial');
  });

  it('raised no CSP violations or page errors', () => {
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
