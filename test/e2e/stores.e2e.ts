/**
 * End to end: a consultant's databases, one per client (issue 15), at 1366x768 and 1920x1080 with
 * axe. Settings › Data names the database in use; creating a new one by path restarts the app on
 * it (an empty database: the welcome); the recent list opens the first again (its episodes, on
 * Readiness); the audit log verifies; About shows the versions; an encrypted copy is written by
 * keyboard (too short and mismatched passphrases refused beside their fields) and opened with its
 * passphrase, with the same episodes. Screenshots: stores-*.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../../src-main/server/harness';
import { apiCall, checkA11y, launchChromium, SAMPLE, SHOTS, STATIC, openWatchedPage } from './kit';

let dir: string;
let browser: Browser;
const savedEnv = process.env['CHARTREADY_CONFIG_DIR'];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'chartready-e2e-stores-'));
  // The recent list lives in the user's config folder: a private one for the test.
  process.env['CHARTREADY_CONFIG_DIR'] = join(dir, 'config');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (savedEnv === undefined) delete process.env['CHARTREADY_CONFIG_DIR'];
  else process.env['CHARTREADY_CONFIG_DIR'] = savedEnv;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('databases at $width x $height', (viewport) => {
  let harness: Harness;
  let page: Page;
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;
  const first = () => join(dir, `riverside-${tag}.db`);
  const second = () => join(dir, `lakeside-${tag}.db`);

  beforeAll(async () => {
    harness = await startHarness({ dbPath: first(), staticDir: STATIC, asOf: '2026-11-24' });
    await apiCall(harness, 'importPaths', { paths: [SAMPLE] });
    page = await openWatchedPage(browser, { viewport, locale: 'en-US' }, { errors, focusDrops });
  });

  afterAll(async () => {
    await page?.context().close();
    await harness?.close();
  });

  it('creates a client database, switches back from the recent list, verifies the audit log', async () => {
    await page.goto(`${harness.url}#/settings`);
    const data = page.getByTestId('data-section');
    await expect.poll(() => data.getByTestId('db-path').textContent()).toBe(first());
    expect(await data.getByTestId('about').textContent()).toMatch(/Rulescatalog-v2/);
    await data.getByRole('button', { name: 'Verify audit log' }).click();
    await expect
      .poll(() => data.getByTestId('audit-check').textContent())
      .toMatch(/^Audit log verified: \d+ entries, hash chain intact\.$/);
    await data.scrollIntoViewIfNeeded();
    await data.screenshot({ path: join(SHOTS, `stores-1-data-${tag}.png`) });
    await checkA11y(page, 'settings data');

    // A refusal by its code (not-found), in plain words beside the path, which takes focus.
    const missing = join(dir, `missing-${tag}.db`);
    await data.getByLabel('Database file').fill(missing);
    await data.getByRole('button', { name: 'Open database' }).click();
    await expect
      .poll(() => data.getByTestId('path-error').textContent())
      .toBe(
        `There is no database at ${missing}. Check the path, or choose Create new database to start one there.`,
      );
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value))
      .toBe(missing);
    await checkA11y(page, 'settings data, no database at the path');

    await data.getByLabel('Database file').fill(second());
    await data.getByRole('button', { name: 'Create new database' }).click();
    // The app starts again on the new, empty database: the welcome.
    await page.getByTestId('welcome').waitFor();
    await page.goto(`${harness.url}#/settings`);
    await expect.poll(() => data.getByTestId('db-path').textContent()).toBe(second());
    const recent = data.getByRole('list', { name: 'Recent databases' });
    expect(await recent.textContent()).toContain(first());
    await data.screenshot({ path: join(SHOTS, `stores-2-recent-${tag}.png`) });
    await checkA11y(page, 'settings data, recent list');

    await recent.getByRole('button', { name: `Open ${first()}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Readiness' }).waitFor();
    const info = await apiCall<{ dbPath: string }>(harness, 'getDataInfo');
    expect(info.dbPath).toBe(first());
    expect(errors).toEqual([]);
  });

  it('writes an encrypted copy by keyboard and opens it with its passphrase', async () => {
    const copy = join(dir, `riverside-encrypted-${tag}.db`);
    const before = await apiCall<Array<{ id: string }>>(harness, 'listEpisodes');
    await page.goto(`${harness.url}#/settings`);
    const data = page.getByTestId('data-section');
    await expect.poll(() => data.getByTestId('db-path').textContent()).toBe(first());
    const focusedLabel = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
      });

    await data.getByLabel('Encrypted copy file (new)').focus();
    await page.keyboard.type(copy);
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('New passphrase');
    await page.keyboard.type('too short');
    await page.keyboard.press('Tab');
    await page.keyboard.type('too short');
    await page.keyboard.press('Enter');
    // Too short: said beside the passphrase, which is marked and takes focus.
    await expect
      .poll(() => data.getByTestId('newPassphrase-error').textContent())
      .toBe('Choose a passphrase of at least 12 characters.');
    await expect.poll(focusedLabel).toBe('New passphrase');
    expect(await data.getByLabel('New passphrase').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.type(' but longer now');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => data.getByTestId('confirmPassphrase-error').textContent())
      .toMatch(/two passphrases differ/);
    await expect.poll(focusedLabel).toBe('Confirm passphrase');
    await data.screenshot({ path: join(SHOTS, `stores-3-encrypt-error-${tag}.png`) });
    await checkA11y(page, 'settings data, encrypted copy refused');
    await page.keyboard.type(' but longer now');
    await page.keyboard.press('Enter');

    const status = data.getByTestId('encrypt-status');
    await expect
      .poll(() => status.textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`^Encrypted copy written to ${copy} \\(\\d+(\\.\\d)? [KM]B\\)\\.`));
    // The page keeps no passphrase once the copy is written.
    expect(await data.getByLabel('New passphrase').inputValue()).toBe('');
    expect(await data.getByLabel('Confirm passphrase').inputValue()).toBe('');
    await data.screenshot({ path: join(SHOTS, `stores-4-encrypted-${tag}.png`) });
    await checkA11y(page, 'settings data, encrypted copy written');

    // Offered to open (after the form's button): the open form takes the path and asks for the
    // passphrase.
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Write encrypted copy');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Open the encrypted copy');
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('Passphrase (encrypted databases only)');
    expect(await data.getByLabel('Database file').inputValue()).toBe(copy);
    await page.keyboard.type('too short but longer now');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Readiness' }).waitFor();
    const info = await apiCall<{ dbPath: string; encrypted: boolean }>(harness, 'getDataInfo');
    expect(info).toMatchObject({ dbPath: copy, encrypted: true });
    const after = await apiCall<Array<{ id: string }>>(harness, 'listEpisodes');
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
