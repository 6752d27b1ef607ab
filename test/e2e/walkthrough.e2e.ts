/**
 * End to end: the defects an acceptance walk-through found (issue 15), at 1366x768 and 1920x1080
 * with axe. Where focus lands after building a packet, moving or excluding an exhibit and paging
 * the evidence viewer; the packet's unbuilt choices kept per claim; the episode list's filters
 * kept by the menu and breadcrumbs; errors first in the checklist; rules named by title; clinic
 * settings checked beside their fields; Settings › Data refusals in plain words beside the path,
 * and focus on the heading after a new database reloads the app. Screenshots: walk-*.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { EpisodeDetail, EpisodeSummary, RuleInfo } from '../../shared/api';
import { startHarness, type Harness } from '../../src-main/server/harness';
import {
  apiCall,
  checkA11y,
  findPdfCitation,
  launchChromium,
  openWatchedPage,
  SAMPLE,
  SHOTS,
  STATIC,
} from './kit';

let dir: string;
let browser: Browser;
const savedEnv = process.env['CHARTREADY_CONFIG_DIR'];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'chartready-e2e-walk-'));
  process.env['CHARTREADY_CONFIG_DIR'] = join(dir, 'config');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (savedEnv === undefined) delete process.env['CHARTREADY_CONFIG_DIR'];
  else process.env['CHARTREADY_CONFIG_DIR'] = savedEnv;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What has focus: its test hooks, label and text, and whether it is in the viewport. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const box = el?.getBoundingClientRect();
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: el?.textContent?.trim() ?? '',
      label: el?.getAttribute('aria-label') ?? '',
      control: el?.getAttribute('data-control') ?? '',
      exhibit: el?.closest('[data-exhibit]')?.getAttribute('data-exhibit') ?? '',
      inView: !!box && box.top >= 0 && box.bottom <= window.innerHeight,
    };
  });
}

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('walk-through fixes at $width x $height', (viewport) => {
  let harness: Harness;
  let page: Page;
  let episodes: EpisodeSummary[];
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `walk-${name}-${tag}.png`) });
  const api = <T>(method: string, body: unknown = {}) => apiCall<T>(harness, method, body);

  beforeAll(async () => {
    harness = await startHarness({
      dbPath: join(dir, `walk-${tag}.db`),
      staticDir: STATIC,
      asOf: '2026-12-01',
    });
    await api('importPaths', { paths: [SAMPLE] });
    episodes = await api<EpisodeSummary[]>('listEpisodes');
    page = await openWatchedPage(browser, { viewport, locale: 'en-US' }, { errors, focusDrops });
  });

  afterAll(async () => {
    await page?.context().close();
    await harness?.close();
  });

  it('keeps focus on the exhibit moved or the next one after an exclusion, and keeps the unbuilt choices', async () => {
    const denied = episodes.find((e) => e.deniedClaims > 0 && e.payerKind !== 'medicare')!;
    await page.goto(`${harness.url}#/packet/${encodeURIComponent(denied.id)}`);
    const exhibits = page.getByTestId('exhibit');
    await expect.poll(() => exhibits.count(), { timeout: 30_000 }).toBeGreaterThan(2);
    const keys = () => exhibits.evaluateAll((xs) => xs.map((x) => x.getAttribute('data-exhibit')));
    const before = await keys();

    // Move the first exhibit down by keyboard: focus stays on its Down button, now second.
    await exhibits.first().locator('[data-control="down"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await keys())[1]).toBe(before[0]);
    await page.waitForTimeout(200);
    expect(await focused(page)).toMatchObject({ control: 'down', exhibit: before[0] });

    // Exclude it: focus goes to the Exclude button of the exhibit that took its place.
    const afterMove = await keys();
    await page.keyboard.press('Tab'); // Down -> Exclude
    expect((await focused(page)).control).toBe('exclude');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await keys()).includes(before[0]!)).toBe(false);
    await page.waitForTimeout(200);
    expect(await focused(page)).toMatchObject({ control: 'exclude', exhibit: afterMove[2] });
    const drafted = await keys();
    await shot('packet-excluded');

    // Leave without building and come back: the order and the exclusion are kept.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Episodes' })
      .click();
    await page.getByRole('heading', { level: 1, name: /Episodes/ }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Appeal packet' }).waitFor();
    await expect.poll(keys, { timeout: 30_000 }).toEqual(drafted);
    await page
      .getByText('Your unbuilt exhibit order and exclusions for this claim were kept.')
      .waitFor({ state: 'attached' });

    // Add a document back from the list of those not in the packet: focus stays in that list.
    const notIn = page.locator('details', { hasText: 'Documents not in the packet' });
    await notIn.locator('summary').click();
    const add = notIn.locator('[data-available]').first();
    const docId = await add.getAttribute('data-available');
    await add.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => notIn.locator(`[data-available="${docId}"]`).count()).toBe(0);
    await page.waitForTimeout(200);
    const afterAdd = await focused(page);
    expect(afterAdd.tag === 'summary' || afterAdd.label.startsWith('Add '), afterAdd.label).toBe(
      true,
    );

    // Build: the preview's heading comes into view with focus.
    await page.getByRole('button', { name: 'Build packet' }).click();
    await page.getByTestId('preview-page').waitFor({ timeout: 120_000 });
    await expect.poll(async () => (await focused(page)).id, { timeout: 10_000 }).toBe('preview-h');
    expect((await focused(page)).inView).toBe(true);
    await page.waitForTimeout(300);
    await shot('packet-built');
    await checkA11y(page, 'packet builder after building');
  });

  it('keeps focus on Next page while the evidence viewer loads the next page', async () => {
    const target = await findPdfCitation(harness, episodes, 2);
    expect(target, 'a finding cites a page two or more before the end of a PDF').toBeTruthy();
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(target!.id)}`);
    await page.getByRole('checkbox', { name: 'Show passing and N/A' }).check();
    const label = `Show evidence: ${target!.file.split('/').pop()} p. ${target!.page}`;
    await page.getByRole('button', { name: label }).first().click();
    const viewer = page.getByTestId('evidence-viewer');
    await viewer.getByText(`Page ${target!.page} of ${target!.count}`).waitFor();
    await viewer.getByRole('button', { name: 'Next page' }).focus();
    for (const step of [1, 2]) {
      await page.keyboard.press('Enter');
      await viewer.getByText(`Page ${target!.page + step} of ${target!.count}`).waitFor();
      await page.waitForTimeout(150);
      expect((await focused(page)).text, `after Next page ${step}`).toBe('Next page');
    }
    await shot('evidence-next-page');
    await checkA11y(page, 'evidence viewer on a later page');
    await page.keyboard.press('Escape');
  });

  it('goes back to the episode list as left (filters, search, sort) from the breadcrumb and the menu', async () => {
    const query = 'severity=errors&sort=patientName.asc';
    await page.goto(`${harness.url}#/episodes?${query}`);
    await page.getByTestId('episode-count').waitFor();
    await page.getByLabel('Search').fill('a');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('q=a');
    const listed = await page.evaluate(() => location.hash);
    const first = page.locator('table.episodes tbody tr[data-index]').first();
    await first.click();
    await page.getByRole('link', { name: 'Episodes', exact: true }).first().waitFor();
    const crumb = page.locator('.crumbs').getByRole('link', { name: 'Episodes' });
    await crumb.waitFor();
    await crumb.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(listed);
    expect(await page.getByLabel('Search').inputValue()).toBe('a');
    await page.locator('table.episodes tbody tr[data-index]').first().click();
    await page.locator('.crumbs').waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Episodes' })
      .click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(listed);
    await page.getByTestId('episode-count').waitFor();
    await checkA11y(page, 'episode list kept');
  });

  it('names rules by title with the id after it: the Rule filter, denial lines and the timeline', async () => {
    const rules = new Map(
      (await api<RuleInfo[]>('listRules')).map((r) => [r.id, r.title] as const),
    );
    await page.goto(`${harness.url}#/episodes`);
    await page.getByTestId('episode-count').waitFor();
    const options = await page
      .getByLabel('Rule', { exact: true })
      .locator('option')
      .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options.length).toBeGreaterThan(3);
    for (const [id, text] of options.slice(1)) expect(text).toBe(`${rules.get(id!)} (${id})`);

    const ep = episodes.find((e) => e.deniedClaims > 0)!;
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(ep.id)}`);
    const denial = page.getByTestId('denial').first();
    await denial.waitFor();
    const buttons = await denial.getByRole('button').allTextContents();
    for (const b of buttons) expect(b).toMatch(/^[^()]+ \([A-Z]+(-[A-Z0-9]+)+\)$/);
    const failing = await page.getByTestId('failing-rules').allTextContents();
    expect(failing.length).toBeGreaterThan(0);
    for (const line of failing)
      for (const id of line.replace(/^Failing: /, '').match(/\(([A-Z0-9-]+)\)/g) ?? [])
        expect(rules.has(id.slice(1, -1))).toBe(true);
    expect(failing.join(' ')).not.toMatch(/Failing: [A-Z]+-[A-Z]/);
    await shot('rules-by-title');
  });

  it('lists every error before any warning on the page, splitting mixed groups', async () => {
    // Held-out charts beside the sample (which has no warnings): in c05 the old order put a
    // Documentation group with only warnings above Billing errors.
    const corpus = join(SAMPLE, '../../test/corpus');
    await api('importPaths', {
      paths: ['c05-html-tables-commercial', 'c21-commercial-pt-html-portal'].map((c) =>
        join(corpus, c),
      ),
    });
    const all = await api<EpisodeSummary[]>('listEpisodes');
    const GROUP_ORDER = ['documentation', 'billing', 'authorization', 'program'];
    const rank = { error: 0, warning: 1, info: 2 } as const;
    let discriminating = 0;
    for (const ep of all.filter((e) => e.errors > 0)) {
      const d = await api<EpisodeDetail>('getEpisode', { id: ep.id });
      const reported = d.findings.filter((f) => f.status === 'fail' || f.status === 'warn');
      // The old order: groups as listed, a fail before a check within each, then by severity.
      const old = GROUP_ORDER.flatMap((g) =>
        reported
          .filter((f) => (f.group ?? 'documentation') === g)
          .sort(
            (a, b) =>
              Number(a.status === 'warn') - Number(b.status === 'warn') ||
              rank[a.severity] - rank[b.severity],
          ),
      ).map((f) => rank[f.severity]);
      const oldWasWrong = old.some((r, i) => i > 0 && r < old[i - 1]!);
      if (!oldWasWrong && ep.id !== all[0]!.id) continue;
      if (oldWasWrong) discriminating++;

      const byId = new Map(d.findings.filter((f) => f.id).map((f) => [f.id!, f]));
      await page.goto(`${harness.url}#/episode/${encodeURIComponent(ep.id)}`);
      const checklist = page.getByTestId('checklist');
      // A new hash keeps the page: wait for this episode's own findings, not the last one's
      // checklist still on screen while this one loads.
      await checklist.locator(`li.finding[data-finding-id="${reported[0]!.id}"]`).waitFor();
      const groups = await checklist
        .locator('section.group')
        .evaluateAll((gs) =>
          gs.map((g) =>
            [...g.querySelectorAll('li.finding')].map((li) => li.getAttribute('data-finding-id')),
          ),
        );
      const ranks = groups.map((ids) =>
        ids.map((id) => rank[byId.get(id ?? '')?.severity ?? 'info']),
      );
      // Errors first on the whole page: the first N items are the N reported errors (a group
      // with warnings too is split, its warnings after every group's errors).
      const onPage = ranks.flat();
      const errors = reported.filter((f) => f.severity === 'error').length;
      expect(onPage.slice(0, errors), ep.id).toEqual(Array(errors).fill(rank.error));
      expect(onPage, ep.id).toEqual([...onPage].sort((a, b) => a - b));
      if (oldWasWrong) await shot(`checklist-errors-first-${discriminating}`);
    }
    expect(discriminating, 'episodes the old order showed a warning above an error in').toBe(1);
    await checkA11y(page, 'checklist');
  });

  it('checks email, phone, fax and tax ID beside their fields, focus on the first', async () => {
    await page.goto(`${harness.url}#/settings`);
    await page.getByLabel('Contact email').waitFor();
    await page.getByLabel('Phone').fill('abc');
    await page.getByLabel('Tax ID').fill('12');
    await page.getByLabel('Contact email').fill('not-an-email');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.field-error', { hasText: 'not a phone number' }).waitFor();
    await page.locator('.field-error', { hasText: 'not a tax ID' }).waitFor();
    await page.locator('.field-error', { hasText: 'not an email address' }).waitFor();
    for (const l of ['Phone', 'Tax ID', 'Contact email'])
      expect(await page.getByLabel(l).getAttribute('aria-invalid'), l).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
      'phone',
    );
    await shot('settings-field-errors');
    await checkA11y(page, 'settings field errors');
    await page.getByLabel('Phone').fill('(217) 555-0142');
    await page.getByLabel('Tax ID').fill('36-5550142');
    await page.getByLabel('Contact email').fill('billing@riverbend.example');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    const s = await api<{ taxId: string }>('getSettings');
    expect(s.taxId).toBe('36-5550142');
  });

  it('says in plain words beside the path why a database did not open, and focuses the heading after creating one', async () => {
    await page.goto(`${harness.url}#/settings`);
    const data = page.getByTestId('data-section');
    const field = data.getByLabel('Database file');
    const missing = join(dir, `missing-${tag}.db`);
    await field.fill(missing);
    await data.getByRole('button', { name: 'Open database' }).click();
    const error = data.getByTestId('path-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      `There is no database at ${missing}. Check the path, or choose Create new database to start one there.`,
    );
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(async () => (await focused(page)).tag).toBe('input');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe(
      'true',
    );
    await error.scrollIntoViewIfNeeded();
    await shot('data-open-missing');
    await checkA11y(page, 'settings data with a path error');

    await field.fill(join(dir, `fresh-${tag}.db`));
    await data.getByRole('button', { name: 'Create new database' }).click();
    await page.getByTestId('welcome').waitFor();
    await expect.poll(async () => (await focused(page)).tag, { timeout: 10_000 }).toBe('h1');
    await shot('data-created');
    await checkA11y(page, 'new database');
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
