/**
 * End to end: the Deadlines screen on the sample chart, at 1366x768 and 1920x1080. The 835
 * denials are listed fewest days left first (the CO-50 appeal due soon, said in words), the MA130
 * claims without a deadline; a Medicare ADR is recorded by keyboard only, due 45 days from its
 * letter and so already overdue, and goes first; the CO-50 appeal is marked answered and reopened
 * by keyboard, focus following it; axe finds nothing serious in any state. Screenshots go to
 * test-results/screenshots/ (deadlines-*).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DeadlineList } from '../../shared/deadlines';
import { startHarness, TOKEN_HEADER, type Harness } from '../../src-main/server/harness';
import {
  apiCall,
  checkA11y,
  fileBrowser,
  SAMPLE,
  SHOTS,
  STATIC,
  tabTo,
  openWatchedPage,
} from './kit';

const AS_OF = '2026-11-24';

const run = fileBrowser('chartready-e2e-deadlines-');

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('deadlines at $width x $height', (viewport) => {
  let harness: Harness;
  let page: Page;
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;

  beforeAll(async () => {
    harness = await startHarness({
      dbPath: join(run.dir, `${tag}.db`),
      staticDir: STATIC,
      asOf: AS_OF,
    });
    await apiCall(harness, 'importPaths', { paths: [SAMPLE] });
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

  it('lists the denials, fewest days left first, with packet status and what is missing', async () => {
    await page.goto(harness.url);
    await page.getByRole('link', { name: 'Deadlines', exact: true }).click();
    await page.getByTestId('deadlines-screen').waitFor();
    const rows = page.getByTestId('deadline-row');
    await expect.poll(() => rows.count()).toBe(4);
    // Written for people: no command-line command or flag anywhere on the screen.
    const screenText = (await page.getByTestId('deadlines-screen').textContent()) ?? '';
    expect(screenText).not.toMatch(/chartready |\s--[a-z]/);
    const first = (await rows.nth(0).textContent()) ?? '';
    expect(first).toContain('due soon: 13 days left');
    expect(first).toContain('RB26-0921-ALV');
    expect(first).toContain('Appeal packet not built');
    expect(await rows.nth(1).textContent()).toContain('34 days left');
    expect(await rows.nth(1).textContent()).toContain('BILL-97546-REQUIRES-97545');
    // The review confirms that CO-97 on every line: no appeal offered, and the row says why.
    expect(await rows.nth(1).textContent()).toContain('No appeal: the review confirms the denial');
    expect(await rows.nth(1).textContent()).toContain(
      'Why no appeal, and what to send, for claim RB26-1012-OKA',
    );
    expect(await rows.nth(1).textContent()).not.toContain('Appeal packet not built');
    for (const k of [2, 3]) {
      const text = (await rows.nth(k).textContent()) ?? '';
      expect(text).toContain('NO DEADLINE');
      expect(text).toContain('MA130');
    }
    expect(await page.getByTestId('deadlines-summary').textContent()).toContain(
      '2 deadlines: 0 overdue, 1 due within 14 days. 2 more rows have no deadline (returned as unprocessable: correct and resubmit).',
    );
    await page.screenshot({ path: join(SHOTS, `deadlines-1-list-${tag}.png`), fullPage: true });
    await checkA11y(page, 'deadlines');
  });

  it('records an ADR by keyboard only; due 45 days from the letter, it is overdue and first', async () => {
    await tabTo(page, 'select#req-claim');
    const claims = await page.locator('#req-claim option').allTextContents();
    const target = claims.indexOf('RB26-0907-CHE');
    expect(target).toBeGreaterThan(0);
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#req-claim').inputValue()).toBe('RB26-0907-CHE');
    await page.keyboard.press('Tab'); // kind: ADR is the default
    expect(await page.locator('#req-kind').inputValue()).toBe('adr');
    await page.keyboard.press('Tab');
    await page.keyboard.type('10012026'); // the date field, month day year
    expect(await page.locator('#req-dated').inputValue()).toBe('2026-10-01');
    await tabTo(page, 'input#req-from');
    await page.keyboard.type('Novitas Solutions');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Record request');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('request-status').textContent())
      .toBe(
        'Recorded the ADR request for claim RB26-0907-CHE: due 2026-11-15 (OVERDUE by 9 days).',
      );
    const rows = page.getByTestId('deadline-row');
    await expect.poll(() => rows.count()).toBe(5);
    const adr = rows.nth(0);
    expect(await adr.textContent()).toContain('ADR dated 2026-10-01');
    expect(await adr.textContent()).toContain('OVERDUE by 9 days');
    expect(await adr.textContent()).toContain('2026-11-15');
    expect(await adr.textContent()).toContain('Records packet not built');
    expect(await page.getByTestId('deadlines-summary').textContent()).toContain('1 overdue');
    await page.screenshot({ path: join(SHOTS, `deadlines-2-recorded-${tag}.png`), fullPage: true });
    await checkA11y(page, 'after recording a request');
    const list = await apiCall<DeadlineList>(harness, 'listDeadlines');
    expect(list.items.find((i) => i.kind === 'adr')).toMatchObject({
      claimId: 'RB26-0907-CHE',
      due: '2026-11-15',
      status: 'overdue',
      from: 'Novitas Solutions',
    });
  });

  it('marks the CO-50 appeal answered by keyboard: it goes last, focus stays on it; reopens', async () => {
    const mark = page.getByLabel('Mark answered: deadline for claim RB26-0921-ALV');
    await mark.focus();
    await page.keyboard.press('Enter'); // opens the <details>
    await page.keyboard.press('Tab');
    const row = page.getByTestId('deadline-row').filter({ hasText: 'RB26-0921-ALV' });
    const date = row.locator('input[type=date]');
    expect(await date.inputValue()).toBe(AS_OF); // today by default
    await page.keyboard.type('11202026');
    expect(await date.inputValue()).toBe('2026-11-20');
    await tabTo(page, 'input[placeholder="faxed, confirmation number"]');
    await page.keyboard.type('faxed, confirmation 4471');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('deadlines-status').textContent())
      .toBe('Marked the deadline for claim RB26-0921-ALV answered on 2026-11-20.');
    const rows = page.getByTestId('deadline-row');
    const last = rows.nth((await rows.count()) - 1);
    expect(await last.getAttribute('data-status')).toBe('answered');
    expect(await last.textContent()).toContain('ANSWERED 2026-11-20');
    expect(await last.textContent()).toContain('Answered 2026-11-20 (faxed, confirmation 4471)');
    expect(await page.getByTestId('deadlines-summary').textContent()).toContain('1 answered');
    // Focus follows the moved row to its Reopen button, not the page body.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Reopen: deadline for claim RB26-0921-ALV',
    );
    await page.screenshot({ path: join(SHOTS, `deadlines-3-answered-${tag}.png`), fullPage: true });
    await checkA11y(page, 'after marking a deadline answered');
    await page.keyboard.press('Enter'); // Reopen
    await expect
      .poll(() => page.getByTestId('deadlines-status').textContent())
      .toBe('Reopened the deadline for claim RB26-0921-ALV.');
    expect(await row.getAttribute('data-status')).toBe('due-soon');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Mark answered: deadline for claim RB26-0921-ALV',
    );
  });

  it('refuses a request the API cannot check', async () => {
    const res = await fetch(`${harness.url}api/recordRequest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
      body: JSON.stringify({ claimId: 'RB26-0907-CHE', kind: 'phone', dated: '2026-11-02' }),
    });
    expect(res.status).toBe(400);
  });

  it('raised no CSP violations or page errors', () => {
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
