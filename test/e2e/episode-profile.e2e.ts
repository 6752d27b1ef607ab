/**
 * End to end (issue 15): a reviewer sets one episode's payer profile from the Episode page, by
 * keyboard only, at 1366x768 and 1920x1080. The page says the profile in force and why; "Change
 * profile" opens a dialog (focus inside it); Save without a reason puts the error beside the field
 * and focus on it; Escape and Cancel close it with focus back on the control; saving Texas WC with
 * a reason re-reviews the episode (the checklist and counts follow the new profile, the page says
 * who set it, when and why); choosing "back to the payer's profile" restores the review. axe finds
 * nothing serious in any state. Screenshots: test-results/screenshots/episode-profile-*.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EpisodeDetail, EpisodeSummary } from '../../shared/api';
import type { ClinicSettings } from '../../shared/settings';
import { startHarness, TOKEN_HEADER, type Harness } from '../../src-main/server/harness';
import {
  apiCall,
  checkA11y,
  fileBrowser,
  openWatchedPage,
  SAMPLE,
  SHOTS,
  STATIC,
  tabTo,
} from './kit';

const AS_OF = '2026-11-24';
const REASON = 'Carrier is a Texas WC insurer; the payer entry is shared with Medicare';

const run = fileBrowser('chartready-e2e-profile-');

/** The failing or checked rules the page's checklist shows. */
const shownRules = (page: Page) =>
  page.locator('li.finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));

const activeIs = (page: Page, selector: string) =>
  page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('episode profile at $width x $height', (viewport) => {
  let harness: Harness;
  let page: Page;
  let episode: EpisodeSummary;
  let before: EpisodeDetail;
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;
  const shot = (name: string) =>
    page.screenshot({ path: join(SHOTS, `episode-profile-${name}-${tag}.png`) });
  const opener = 'button[aria-haspopup="dialog"]';

  beforeAll(async () => {
    harness = await startHarness({
      dbPath: join(run.dir, `${tag}.db`),
      staticDir: STATIC,
      asOf: AS_OF,
    });
    await apiCall(harness, 'importPaths', { paths: [SAMPLE] });
    const settings = await apiCall<ClinicSettings>(harness, 'getSettings');
    await apiCall(harness, 'saveSettings', { ...settings, reviewerName: 'J. Ruiz' });
    const list = await apiCall<EpisodeSummary[]>(harness, 'listEpisodes');
    episode = list.find((e) => e.profile === 'medicare')!;
    before = await apiCall<EpisodeDetail>(harness, 'getEpisode', { id: episode.id });
    page = await openWatchedPage(
      run.browser,
      { viewport, locale: 'en-US' },
      { errors, focusDrops },
    );
  }, 120_000);

  afterAll(async () => {
    await page?.context().close();
    await harness?.close();
  });

  it('shows the profile in force and why', async () => {
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(episode.id)}`);
    await page.getByTestId('profile-label').getByText('Medicare Part B').waitFor();
    expect(await page.getByTestId('profile-why').textContent()).toBe(
      '(chosen from the payer (Medicare) by the record’s evidence)',
    );
    await checkA11y(page, 'episode with its profile');
  });

  it('opens the dialog by keyboard; Escape and Cancel close it, focus back on the control', async () => {
    await tabTo(page, opener);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Profile for this episode' });
    await dialog.waitFor();
    expect(await activeIs(page, 'dialog select')).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await activeIs(page, opener)).toBe(true);

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, 'dialog button[type=button]');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await activeIs(page, opener)).toBe(true);
  });

  it('refuses to save without a reason: the error beside the field, focus on it', async () => {
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Profile for this episode' });
    await dialog.waitFor();
    await page.keyboard.type('Texas'); // the focused select: Texas WC (DWC)
    expect(await dialog.locator('select').inputValue()).toBe('texas-wc');
    await tabTo(page, 'dialog button[type=submit]');
    await page.keyboard.press('Enter');
    const error = page.getByTestId('profile-reason-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Give the reason for this episode’s profile.');
    expect(await activeIs(page, 'dialog textarea[aria-invalid="true"]')).toBe(true);
    const described = await page.evaluate(() =>
      document.activeElement?.getAttribute('aria-describedby'),
    );
    expect(described).toBe(await error.getAttribute('id'));
    await shot('1-reason-required');
    await checkA11y(page, 'profile dialog, reason required');
  });

  it('saves Texas WC with a reason: the episode is reviewed again and says who, when and why', async () => {
    await page.keyboard.type(REASON);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save');
    await page.keyboard.press('Enter');
    await page.getByTestId('profile-label').getByText('Texas WC (DWC)').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await activeIs(page, opener)).toBe(true);
    expect(await page.getByTestId('profile-why').textContent()).toBe(
      `(set for this episode by J. Ruiz on ${new Date().toISOString().slice(0, 10)}: ${REASON})`,
    );
    // The checklist follows the new profile: what the API's review of the episode now says.
    const after = await apiCall<EpisodeDetail>(harness, 'getEpisode', { id: episode.id });
    expect(after.summary.profile).toBe('texas-wc');
    expect(after.summary.profileSource).toMatchObject({
      from: 'episode',
      by: 'J. Ruiz',
      reason: REASON,
    });
    const failing = (d: EpisodeDetail) =>
      d.findings.filter((f) => f.status === 'fail' || f.status === 'warn').map((f) => f.rule);
    expect(failing(after)).not.toEqual(failing(before));
    await expect.poll(() => shownRules(page)).toEqual(expect.arrayContaining(failing(after)));
    const gone = failing(before).filter((r) => !failing(after).includes(r));
    expect(gone.length).toBeGreaterThan(0);
    for (const rule of gone) expect(await shownRules(page)).not.toContain(rule);
    await shot('2-saved');
    await checkA11y(page, 'episode after its profile was set');
  });

  it('goes back to the payer’s profile, the review as it was', async () => {
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Profile for this episode' });
    await dialog.waitFor();
    await page.keyboard.type('Back');
    expect(await dialog.locator('select').inputValue()).toBe('');
    await tabTo(page, 'dialog button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByTestId('profile-label').getByText('Medicare Part B').waitFor();
    expect(await activeIs(page, opener)).toBe(true);
    const back = await apiCall<EpisodeDetail>(harness, 'getEpisode', { id: episode.id });
    expect(back.summary.profileSource).toEqual({
      from: 'payer',
      payer: episode.payerName,
      payerList: null,
    });
    expect(back.findings.map((f) => [f.rule, f.status, f.dates])).toEqual(
      before.findings.map((f) => [f.rule, f.status, f.dates]),
    );
    await checkA11y(page, 'episode back to the payer profile');
  });

  it('refuses, through the harness, a profile without a reason or an unknown one', async () => {
    const post = (body: unknown) =>
      fetch(`${harness.url}api/setEpisodeProfile`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
        body: JSON.stringify(body),
      });
    expect((await post({ episodeId: episode.id, profile: 'texas-wc' })).status).toBe(400);
    expect((await post({ episodeId: episode.id, profile: 'ohio-wc', reason: 'x' })).status).toBe(
      422,
    );
    expect(
      (await post({ episodeId: 'ep-0000000000', profile: 'texas-wc', reason: 'x' })).status,
    ).toBe(404);
  });

  it('raised no CSP violations or page errors', () => {
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
