/**
 * End to end (issue 15, what the app says about clinicians and payers), at 1366x768 and
 * 1920x1080 on the sample chart with corpus charts c25 (Illinois WC with a carrier's UR nurse and
 * a nurse case manager) and c29 (Medicare HOPD whose payer only the 835s name):
 * - the episode list's clinician column and the dashboard's "By clinician" table name the
 *   clinic's therapists, never the UR nurse, the case manager or an "Audit Trail" heading;
 * - c29's episodes name the 835's payer, not "Unknown payer";
 * - Chen's claims returned as unprocessable (CO-4, MA130) are not counted as denied claims;
 * - Settings › Payers shows each payer once whatever its spellings, and a choice on the row
 *   reaches every episode billed under any spelling; focus goes to the outcome after saving.
 * axe finds nothing serious. Screenshots: test-results/screenshots/clinicians-payers-*.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EpisodeSummary } from '../../shared/api';
import { startHarness, type Harness } from '../../src-main/server/harness';
import {
  apiCall,
  checkA11y,
  fileBrowser,
  openWatchedPage,
  ROOT,
  SAMPLE,
  SHOTS,
  STATIC,
  tabTo,
} from './kit';

const AS_OF = '2026-11-24';
const C25 = join(ROOT, 'test/corpus/c25-illinois-wc-case-manager/export');
const C29 = join(ROOT, 'test/corpus/c29-medicare-hopd-cerner/export');
/** People outside the clinic, and a heading, that the screens once named as clinicians. */
const NOT_CLINICIANS = ['Donna Pietrzak', 'Patricia Gunderson', 'Audit Trail'];
const MIDWEST = "Midwest Workers' Compensation Insurance Co.";

const run = fileBrowser('chartready-e2e-clinicians-');

/** The episode list's rows as header -> cell text (and the clinician cell's tooltip). */
async function episodeRows(page: Page): Promise<Array<Record<string, string>>> {
  await page.locator('table.episodes tbody tr.clickable').first().waitFor();
  return page.locator('table.episodes').evaluate((table) => {
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    return [...table.querySelectorAll('tbody tr.clickable')].map((tr) => {
      const row: Record<string, string> = {};
      [...tr.querySelectorAll('td')].forEach((td, i) => {
        row[headers[i]!] = td.textContent!.trim();
        if (headers[i] === 'Clinician')
          // The full list is the cell's tooltip (on the cell or an element inside it).
          row['Clinician title'] =
            td.getAttribute('title') ?? td.querySelector('[title]')?.getAttribute('title') ?? '';
      });
      return row;
    });
  });
}

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('clinicians and payers at $width x $height', (viewport) => {
  let harness: Harness;
  let page: Page;
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;
  const shot = (name: string) =>
    page.screenshot({ path: join(SHOTS, `clinicians-payers-${name}-${tag}.png`), fullPage: true });

  beforeAll(async () => {
    harness = await startHarness({
      dbPath: join(run.dir, `${tag}.db`),
      staticDir: STATIC,
      asOf: AS_OF,
    });
    await apiCall(harness, 'importPaths', { paths: [SAMPLE, C25, C29] });
    page = await openWatchedPage(
      run.browser,
      { viewport, locale: 'en-US' },
      { errors, focusDrops },
    );
  }, 240_000);

  afterAll(async () => {
    await page?.context().close();
    await harness?.close();
  });

  it('the episode list names the clinic’s clinicians, the 835’s payer, and denials apart from returns', async () => {
    await page.goto(`${harness.url}#/episodes`);
    const rows = await episodeRows(page);
    const of = (patient: string) => rows.find((r) => r['Patient'] === patient)!;
    expect(of('Hollis, Trevor')['Clinician']).toBe('Megan Sorensen +2');
    expect(of('Hollis, Trevor')['Clinician title']).toBe('Megan Sorensen; Brian Kwan; Tyler Lind');
    // How many more clinicians ("+2") stays in sight at either width; the name gives way.
    const cutOff = await page
      .locator('table.episodes tbody tr.clickable td .name-and-more .muted')
      .evaluateAll(
        (more) =>
          more.filter((el) => {
            const cell = el.closest('td')!.getBoundingClientRect();
            return el.getBoundingClientRect().right > cell.right + 0.5;
          }).length,
      );
    expect(cutOff).toBe(0);
    expect(of('Kowalski, Jakub')['Clinician title']).toBe('Megan Sorensen; Tyler Lind');
    expect(of('Pruitt, Harlan')['Clinician']).toBe('Faulkner, Megan');
    for (const p of ['Pruitt, Harlan', 'Hollingsworth, Dorothy', 'Castellanos, Ruben'])
      expect(of(p)['Payer']).toBe('CGS ADMINISTRATORS, LLC');
    expect(of('Chen, Robert')['Denied claims']).toBe('0');
    const text = await page.locator('table.episodes').textContent();
    for (const name of [...NOT_CLINICIANS, 'Unknown payer']) expect(text).not.toContain(name);
    for (const r of rows)
      for (const name of NOT_CLINICIANS) expect(r['Clinician title']).not.toContain(name);
    await shot('1-episodes');
    await checkA11y(page, 'episode list with corpus charts');
  });

  it('the dashboard counts by the clinic’s clinicians only', async () => {
    await page.goto(`${harness.url}#/dashboard`);
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'By clinician' }),
    });
    await table.waitFor();
    const names = await table.locator('tbody th').allTextContents();
    expect(names).toEqual(
      expect.arrayContaining(['Megan Sorensen', 'Faulkner, Megan', 'Dana Whitfield']),
    );
    for (const name of NOT_CLINICIANS) expect(names).not.toContain(name);
    await shot('2-dashboard');
    await checkA11y(page, 'dashboard by clinician');
  });

  it('Settings › Payers shows each payer once; a choice on the row changes every episode of it', async () => {
    await page.goto(`${harness.url}#/settings`);
    const table = page.getByTestId('payers');
    await table.waitFor();
    const names = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-payer')!));
    expect(names.filter((n) => /^midwest/i.test(n))).toEqual([MIDWEST]);
    expect(names.filter((n) => /^midlothian/i.test(n))).toHaveLength(1);
    expect(names.filter((n) => /^cgs/i.test(n))).toEqual(['CGS ADMINISTRATORS, LLC']);
    const row = table.locator(`tr[data-payer="${MIDWEST}"]`);
    expect(await row.locator('.payer-spellings').textContent()).toBe(
      "Also written: Midwest Workers' Compensation",
    );
    await row.scrollIntoViewIfNeeded();
    await shot('3-payers');
    await checkA11y(page, 'payers section');

    await row.getByLabel(`Kind of ${MIDWEST}`).focus();
    await row.getByLabel(`Kind of ${MIDWEST}`).selectOption('commercial');
    await tabTo(page, 'tr[data-payer^="Midwest"] button');
    await page.keyboard.press('Enter');
    const status = page.getByTestId('payer-status');
    await status.waitFor();
    expect(await status.textContent()).toBe(
      `${MIDWEST} saved as Commercial; its episodes were reviewed again.`,
    );
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('payer-status');
    expect(await table.locator('tbody tr[data-payer^="Midwest"]').count()).toBe(1);

    const list = await apiCall<EpisodeSummary[]>(harness, 'listEpisodes');
    const midwest = list.filter((e) => e.payerName === MIDWEST);
    expect(midwest.map((e) => e.patientName).sort()).toEqual(['Alvarez, Maria', 'Nguyen, Linda']);
    for (const e of midwest) {
      expect(e.payerKind).toBe('commercial');
      expect(e.profileSource).toEqual({ from: 'payer', payer: MIDWEST, payerList: MIDWEST });
    }
    await page.goto(`${harness.url}#/episodes`);
    const rows = await episodeRows(page);
    for (const p of ['Alvarez, Maria', 'Nguyen, Linda'])
      expect(rows.find((r) => r['Patient'] === p)!['Kind']).toBe('Commercial');
    await shot('4-episodes-after');

    // Back to the record's decision, for the other viewport's fresh store it does not matter.
    await apiCall(harness, 'setPayerKind', { name: MIDWEST, kind: null });
  });

  it('raised no CSP violations or page errors', () => {
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
