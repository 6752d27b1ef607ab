/**
 * End to end: a claim returned as unprocessable (the sample chart's CO-4 with remark MA130 on
 * Robert Chen's Medicare lines) opens its own screen, at 1366x768 and 1920x1080 with axe (issue
 * 15). From Deadlines and from the episode's denial list, by keyboard: "Corrected claim" with each
 * returned line and what the review found wrong on it, a note on resubmitting, and no appeal
 * letter (no exhibits, no Build) and no appeal deadline; the records-request response is still
 * offered. A denied claim with appeal rights (CO-50) keeps the appeal packet.
 * Screenshots: corrected-claim-*.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EpisodeSummary } from '../../shared/api';
import { startHarness, type Harness } from '../../src-main/server/harness';
import { apiCall, fileBrowser, checkA11y, SAMPLE, SHOTS, STATIC, openWatchedPage } from './kit';

const AS_OF = '2026-11-24';

const run = fileBrowser('chartready-e2e-corrected-');

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('corrected claims at $width x $height', (viewport) => {
  let harness: Harness;
  let page: Page;
  let chen: EpisodeSummary;
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;

  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return `${el?.tagName.toLowerCase()}: ${el?.textContent?.trim() ?? ''}`;
    });
  /** Follows a link by keyboard: focus on it, Enter. */
  const follow = async (name: string) => {
    await page.getByRole('link', { name }).focus();
    await page.keyboard.press('Enter');
  };
  const correctedScreen = async (claim: string, date: string) => {
    await page.getByRole('heading', { level: 1, name: 'Corrected claim' }).waitFor();
    await expect.poll(focused).toBe('h1: Corrected claim');
    expect(await page.getByLabel('Claim', { exact: true }).inputValue()).toBe(claim);
    const panel = page.getByTestId('corrected-claim');
    // The code says where it came from: the remit that returned the lines (issue 15).
    expect(await panel.textContent()).toMatch(
      new RegExp(
        `The lines of claim ${claim} dated ${date} were returned as unprocessable \\(CO-4 with remark MA130 from the 835 dated \\d{4}-\\d{2}-\\d{2}\\)`,
      ),
    );
    expect(await panel.textContent()).toContain('no appeal rights');
    const line = panel.getByTestId('returned-line');
    expect(await line.count()).toBe(1);
    expect(await line.getByRole('heading').textContent()).toBe(`Line of ${date}`);
    // What to fix on the line: the review's failing finding on its date, severity in words.
    const fix = line.getByTestId('correction-fix').first();
    await expect.poll(() => fix.textContent()).toMatch(/^Error: .*lacks GP\/GO\/GN/);
    expect(await fix.textContent()).toContain('BILL-THERAPY-MODIFIER');
    expect(await panel.getByTestId('resubmit-note').textContent()).toMatch(
      /as a new claim \(not a reopening or a redetermination request\)/,
    );
    // No appeal: no letter to build, no exhibits, no deadline, no refusal.
    expect(await page.getByText(/Appeal deadline/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Build packet' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Exhibits' }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  };

  beforeAll(async () => {
    harness = await startHarness({
      dbPath: join(run.dir, `${tag}.db`),
      staticDir: STATIC,
      asOf: AS_OF,
    });
    await apiCall(harness, 'importPaths', { paths: [SAMPLE] });
    const episodes = await apiCall<EpisodeSummary[]>(harness, 'listEpisodes');
    chen = episodes.find((e) => e.patientName === 'Chen, Robert')!;
    expect(chen).toBeTruthy();
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

  it('opens from Deadlines on what to correct, with no appeal letter or deadline', async () => {
    await page.goto(`${harness.url}#/deadlines`);
    await page.getByTestId('deadlines-screen').waitFor();
    await follow('What to correct on claim RB26-0817-CHE');
    await correctedScreen('RB26-0817-CHE', '2026-08-19');
    await page.screenshot({
      path: join(SHOTS, `corrected-claim-1-deadlines-${tag}.png`),
      fullPage: true,
    });
    await checkA11y(page, 'corrected claim');
  });

  it("opens from the episode's denial list; a records response is still offered", async () => {
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(chen.id)}`);
    const denials = page.getByTestId('denial');
    await expect.poll(() => denials.count()).toBe(2);
    expect(await denials.first().textContent()).toMatch(
      /returned as unprocessable: CO-4 \(MA130\) from the 835 dated \d{4}-\d{2}-\d{2}\. No appeal rights: what to correct/,
    );
    await checkA11y(page, 'episode with unprocessable claims');
    await follow('what to correct on claim RB26-0831-CHE');
    await correctedScreen('RB26-0831-CHE', '2026-08-31');
    await page.screenshot({ path: join(SHOTS, `corrected-claim-2-episode-${tag}.png`) });

    // The payer may still ask for the records: the records-request packet is built as before.
    const kind = page.getByLabel('Packet type');
    expect(await kind.locator('option:checked').textContent()).toBe(
      'Corrected claim (no appeal rights)',
    );
    await kind.focus();
    await kind.selectOption('adr');
    await page.getByRole('heading', { level: 1, name: 'Medicare ADR response' }).waitFor();
    await page.getByTestId('exhibit').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('corrected-claim').count()).toBe(0);
    await checkA11y(page, 'records request for an unprocessable claim');
  });

  it('keeps the appeal packet for a denial with appeal rights', async () => {
    await page.goto(`${harness.url}#/deadlines`);
    await page.getByTestId('deadlines-screen').waitFor();
    await follow('Build the packet for claim RB26-0921-ALV');
    await page.getByRole('heading', { level: 1, name: 'Appeal packet' }).waitFor();
    expect(await page.getByLabel('Claim', { exact: true }).inputValue()).toBe('RB26-0921-ALV');
    await expect
      .poll(() => page.getByTestId('denial-meaning').textContent(), { timeout: 30_000 })
      .toMatch(/^CO-50: .*\(from the 835 dated 2026-10-08\)$/);
    expect(await page.getByLabel('Packet type').locator('option:checked').textContent()).toBe(
      'Appeal (reconsideration)',
    );
    await page.getByTestId('exhibit').first().waitFor();
    expect(await page.getByRole('button', { name: 'Build packet' }).count()).toBe(1);
    expect(await page.getByTestId('corrected-claim').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
