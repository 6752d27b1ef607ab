/**
 * End to end: the built renderer on the loopback harness over the real core, in Debian's Chromium.
 * Imports the sample chart through the path field, checks the episode table against the API,
 * opens the Medicare episode with the missing progress report, views highlighted evidence, builds
 * and downloads a packet (qpdf --check), runs axe on every screen, and drives one flow by keyboard.
 * Screenshots go to test-results/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Dashboard, EpisodeDetail, EpisodeSummary } from '../../shared/api';
import { startHarness, TOKEN_HEADER, type Harness } from '../../src-main/server/harness';
import { openDatabase } from '../../src-main/core/store/db';
import {
  apiCall,
  checkA11y as checkPage,
  findPdfCitation,
  launchChromium,
  watchFocus,
  ROOT,
  SAMPLE,
  SHOTS,
  STATIC,
} from './kit';

const AS_OF = '2026-12-01';

let dir: string;
let harness: Harness;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const cspViolations: string[] = [];
const pageErrors: string[] = [];
const focusDrops: string[] = [];

function api<T>(method: string, body: unknown = {}): Promise<T> {
  return apiCall<T>(harness, method, body);
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core on the current screen (see kit.ts). */
function checkA11y(screen: string): Promise<void> {
  return checkPage(page, screen);
}

beforeAll(async () => {
  if (!existsSync(join(STATIC, 'index.html'))) {
    execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'chartready-e2e-'));
  harness = await startHarness({ dbPath: join(dir, 'e2e.db'), staticDir: STATIC, asOf: AS_OF });
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  await watchFocus(context, focusDrops);
  page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * At 1366x768, then 1920x1080: opens a screen from the main menu, arriving from the episode list
 * as a user does (so focus handling on navigation is exercised), then runs `check`.
 */
async function atBothSizes(menu: string, check: (size: string) => Promise<void>): Promise<void> {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Episodes' }).click();
    await page.getByRole('heading', { level: 1, name: /Episodes/ }).waitFor();
    await nav.getByRole('link', { name: menu }).click();
    await page.getByRole('heading', { level: 1, name: menu }).waitFor();
    await check(`${width}x${height}`);
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

describe('ChartReady in a browser against the real core', () => {
  let episodes: EpisodeSummary[];
  let medicare: EpisodeSummary;

  it('imports the sample chart through the path field, the scanned fax included', async () => {
    await page.goto(harness.url);
    await page.getByRole('heading', { name: 'Import chart exports' }).waitFor();
    // A new database: the welcome says what the app is for and offers the sample chart.
    await page.getByTestId('welcome').waitFor();
    await page.getByRole('button', { name: 'Try the sample chart' }).waitFor();
    await shot('01-import');
    await checkA11y('import');

    await page.getByLabel('Or type paths on this computer').fill(SAMPLE);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 120_000 });
    expect(await summary.textContent()).toMatch(/\d+ imported/);
    // The scanned fax has no text layer but is read by OCR: the sample has no rejected file.
    expect(await summary.textContent()).toMatch(/\b0 rejected/);
    expect(await page.getByRole('heading', { name: 'Rejected files' }).count()).toBe(0);
    await shot('02-import-results');
    await checkA11y('import results');
  });

  it('shows every episode with the counts the API reports', async () => {
    episodes = await api<EpisodeSummary[]>('listEpisodes');
    expect(episodes.length).toBeGreaterThanOrEqual(4);
    await page.getByRole('link', { name: 'Episodes' }).first().click();
    await page.getByTestId('episode-count').waitFor();
    expect(await page.getByTestId('episode-count').textContent()).toBe(
      `${episodes.length} episodes`,
    );
    const rows = page.locator('table.episodes tbody tr[data-index]');
    await expect.poll(() => rows.count()).toBe(episodes.length);
    for (const e of episodes) {
      const row = rows.filter({ hasText: e.patientName });
      const cells = await row.locator('td').allTextContents();
      expect(cells[0]).toBe(e.patientName);
      expect(cells.slice(1, 3)).toEqual([e.mrn ?? '', e.dob ?? '']);
      expect(cells.slice(8)).toEqual([e.visits, e.errors, e.warnings, e.deniedClaims].map(String));
    }
    // Every column fits a 1366-pixel screen: nothing hidden behind a sideways scroll.
    await page.setViewportSize({ width: 1366, height: 768 });
    const scroll = page.getByTestId('episode-scroll');
    await expect
      .poll(() => scroll.evaluate((el) => el.scrollWidth - el.clientWidth))
      .toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1400, height: 900 });
    // Filters live in the URL and survive opening an episode and coming back; totals follow.
    const withErrors = episodes.filter((e) => e.errors > 0);
    await page.getByLabel('Findings').selectOption('errors');
    await expect.poll(() => rows.count()).toBe(withErrors.length);
    expect(page.url()).toContain('severity=errors');
    expect(await page.getByTestId('episode-totals').textContent()).toContain(
      `${withErrors.length} of ${withErrors.length} episodes shown have audit errors`,
    );
    const claim = withErrors[0]!.claims[0]!;
    await page.getByLabel('Search').fill(claim);
    await expect
      .poll(() => rows.count())
      .toBe(withErrors.filter((e) => e.claims.includes(claim)).length);
    await rows.first().click();
    await page.getByRole('heading', { level: 1, name: withErrors[0]!.patientName }).waitFor();
    await page.goBack();
    await page.getByTestId('episode-count').waitFor();
    expect(await page.getByLabel('Search').inputValue()).toBe(claim);
    expect(await page.getByLabel('Findings').inputValue()).toBe('errors');
    await shot('03b-episodes-filtered');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.count()).toBe(episodes.length);
    await shot('03-episodes');
    await checkA11y('episodes');
  });

  it('opens the Medicare episode by keyboard only and shows the overdue progress report', async () => {
    medicare = episodes.find((e) => e.payerKind === 'medicare')!;
    expect(medicare).toBeTruthy();
    const detail = await api<EpisodeDetail>('getEpisode', { id: medicare.id });
    const overdue = detail.timeline.find((d) => d.progressOverdue);
    expect(overdue, 'core reports an overdue day').toBeTruthy();

    // Keyboard: skip link, then tab to the search field, type, tab to the first row, Enter.
    await page.reload();
    await page.getByTestId('episode-count').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to main content',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate(() => (document.activeElement as HTMLInputElement)?.type === 'search')
      )
        break;
    }
    await page.keyboard.type(medicare.patientName.split(',')[0]!);
    await expect.poll(() => page.locator('table.episodes tbody tr[data-index]').count()).toBe(1);
    // Down arrow from the search goes to the list, past the filters.
    await page.keyboard.press('ArrowDown');
    const onRow = await page.evaluate(() => document.activeElement?.tagName === 'TR');
    expect(onRow, 'the first row takes focus from the search by the down arrow').toBe(true);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: medicare.patientName }).waitFor();
    const flag = page.getByTestId('overdue').first();
    await flag.waitFor();
    expect(await flag.textContent()).toContain(
      `Progress report overdue (treatment day ${overdue!.treatmentDay})`,
    );
    // Rules read in plain language, the catalog ID second.
    const rules = await api<Array<{ id: string; title: string }>>('listRules');
    const progress = page.locator('li.finding[data-rule="DOC-PROGRESS-10"]').first();
    expect(await progress.locator('.rule-title').textContent()).toBe(
      rules.find((r) => r.id === 'DOC-PROGRESS-10')!.title,
    );
    expect(await progress.locator('.fix').textContent()).toMatch(/^How to fix: .+\.$/);
    await shot('04-episode-detail');
    await checkA11y('episode detail');
  });

  it('names a note kept in a FHIR bundle by its title and date, not its resource id', async () => {
    const detail = await api<EpisodeDetail>('getEpisode', { id: medicare.id });
    const cited = detail.findings
      .filter((f) => f.status === 'fail' || f.status === 'warn')
      .flatMap((f) => f.evidence)
      .find((e) => e.file.includes('#DocumentReference/'))!;
    expect(cited, 'the Medicare episode cites a FHIR note').toBeTruthy();
    const doc = detail.documents.find((d) => d.file === cited.file)!;
    const named = `${doc.title}${doc.date ? `, ${doc.date}` : ''}`;
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(medicare.id)}`);
    await page.getByRole('heading', { level: 1, name: medicare.patientName }).waitFor();
    const link = page.getByRole('button', { name: `Show evidence: ${named} p. ${cited.page}` });
    await link.first().click();
    const heading = page.locator('#evidence-h');
    await expect.poll(() => heading.textContent()).toContain(`Evidence: ${named}, `);
    expect(await link.count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });

  it('shows a finding’s evidence page with the quote highlighted', async () => {
    // Prefer the open Medicare episode; otherwise the first episode citing a PDF page.
    let withPdf:
      { id: string; e: EpisodeDetail['findings'][number]['evidence'][number] } | undefined;
    for (const ep of [medicare, ...episodes.filter((x) => x.id !== medicare.id)]) {
      const d = await api<EpisodeDetail>('getEpisode', { id: ep.id });
      const hit = d.findings
        .filter((f) => f.status === 'fail')
        .flatMap((f) => f.evidence)
        .find((e) => /\.pdf$/i.test(e.file) && e.quote.trim().length > 3);
      if (hit) {
        withPdf = { id: ep.id, e: hit };
        break;
      }
    }
    expect(withPdf, 'a failing finding cites a PDF page').toBeTruthy();
    if (withPdf!.id !== medicare.id) {
      await page.goto(`${harness.url}#/episode/${encodeURIComponent(withPdf!.id)}`);
    }
    const { e } = withPdf!;
    const label = `Show evidence: ${e.file.split('/').pop()} p. ${e.page}`;
    await page.getByRole('button', { name: label }).first().click();
    const viewer = page.getByTestId('evidence-viewer');
    await viewer.waitFor();
    await expect
      .poll(() => viewer.getByTestId('evidence-highlight').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const box = await viewer.getByTestId('evidence-highlight').first().boundingBox();
    expect(box && box.width > 1 && box.height > 1).toBe(true);
    // Fit to width draws the page at least at its printed size at 1366x768: the viewer takes the
    // wider column, so a note's 10 pt text reads at about 10 px, not 7-8.
    await page.setViewportSize({ width: 1366, height: 768 });
    const fitted = async () =>
      Number((await viewer.getByTestId('zoom-level').textContent())!.replace('%', ''));
    await expect.poll(fitted).toBeGreaterThanOrEqual(100);
    await expect
      .poll(() => viewer.getByTestId('evidence-status').textContent())
      .toBe('Quoted text is highlighted on the page.');
    await viewer.scrollIntoViewIfNeeded();
    // The viewport as the user has it (a full-page shot resizes it and the page is drawn again).
    await page.screenshot({ path: join(SHOTS, '05-evidence-pdf.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
    await checkA11y('evidence viewer');
    // Zoom: the page is drawn wider, and the highlight follows it.
    const canvas = viewer.locator('canvas');
    const before = (await canvas.boundingBox())!.width;
    await viewer.getByRole('button', { name: 'Zoom in' }).click();
    await expect
      .poll(async () => (await canvas.boundingBox())!.width)
      .toBeGreaterThan(before * 1.2);
    await expect.poll(() => viewer.getByTestId('evidence-highlight').count()).toBeGreaterThan(0);
    // Zoomed wider than the viewer, the page scrolls in the viewer's one keyboard-reachable
    // region, not in a page box of its own (axe: scrollable-region-focusable).
    await viewer.getByRole('button', { name: 'Zoom in' }).click();
    const region = viewer.getByRole('region', { name: 'Page, scrollable' });
    await expect.poll(() => region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await checkA11y('evidence viewer zoomed in');
    await viewer.getByRole('button', { name: 'Fit to width' }).click();
    // Escape closes the viewer and focus returns to the link that opened it.
    await viewer.getByRole('button', { name: 'Zoom out' }).focus();
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe(label);
  });

  it('pages through a printed chart from a finding’s evidence and back to the cited page', async () => {
    const target = await findPdfCitation(harness, episodes, 1);
    expect(target, 'a finding cites a page of a multi-page PDF').toBeTruthy();
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(target!.id)}`);
    await page.getByRole('checkbox', { name: 'Show passing and N/A' }).check();
    const label = `Show evidence: ${target!.file.split('/').pop()} p. ${target!.page}`;
    await page.getByRole('button', { name: label }).first().click();
    const viewer = page.getByTestId('evidence-viewer');
    await viewer.getByText(`Page ${target!.page} of ${target!.count}`).waitFor();
    await viewer.getByRole('button', { name: 'Next page' }).click();
    await viewer.getByText(`Page ${target!.page + 1} of ${target!.count}`).waitFor();
    await viewer.getByText('Another page of the same document').waitFor();
    await viewer.getByRole('button', { name: 'Back to the cited page' }).click();
    await viewer.getByText(`Page ${target!.page} of ${target!.count}`).waitFor();
    await viewer.getByRole('button', { name: 'Close evidence' }).click();
  });

  it("lists the episode's documents and opens each, and the timeline's, as filed", async () => {
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(medicare.id)}`);
    await page.getByRole('heading', { level: 1, name: medicare.patientName }).waitFor();
    const detail = await api<EpisodeDetail>('getEpisode', { id: medicare.id });
    const list = page.getByTestId('document-list');
    await expect.poll(() => list.locator('li').count()).toBe(detail.documents.length);
    expect(await page.getByRole('heading', { name: /^Documents \(\d+\)$/ }).textContent()).toBe(
      `Documents (${detail.documents.length})`,
    );
    // Dated first, by date.
    const dates = await list.locator('li > span.nowrap').allTextContents();
    const dated = dates.filter((d) => d !== 'undated');
    expect(dated).toEqual([...dated].sort());
    const doc = detail.documents.find((d) => d.file.endsWith('.pdf'))!;
    const open = list.getByRole('button', {
      name: `Open ${doc.title}${doc.date ? ` (${doc.date})` : ''}`,
    });
    await open.first().click();
    const viewer = page.getByTestId('evidence-viewer');
    await expect
      .poll(() => viewer.getByTestId('evidence-status').textContent())
      .toBe('The document as filed; nothing is quoted.');
    expect(await viewer.locator('blockquote.quote').count()).toBe(0);
    await shot('05e-document-open');
    await checkA11y('document opened from the list');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Open ${doc.title}${doc.date ? ` (${doc.date})` : ''}`);
    // A timeline entry opens its document the same way.
    const day = detail.timeline.find((d) => d.documents.length > 0)!;
    await page
      .getByRole('list', { name: 'Visit timeline' })
      .getByRole('button', { name: `Open ${day.documents[0]!.title} (${day.date})` })
      .first()
      .click();
    await expect
      .poll(() => viewer.getByTestId('evidence-status').textContent())
      .toBe('The document as filed; nothing is quoted.');
    await viewer.getByRole('button', { name: 'Close evidence' }).click();
  });

  it("links each denial to the findings on its claim's dates, and goes to one by keyboard", async () => {
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(medicare.id)}`);
    await page.getByRole('heading', { level: 1, name: medicare.patientName }).waitFor();
    const detail = await api<EpisodeDetail>('getEpisode', { id: medicare.id });
    const claim = detail.claims.find((c) => c.denial)!;
    const onDates = detail.findings.filter(
      (f) =>
        f.id &&
        (f.status === 'fail' || f.status === 'warn') &&
        f.dates.some((d) => claim.dates.includes(d)),
    );
    expect(onDates.length).toBeGreaterThan(0);
    const denial = page.getByTestId('denial').filter({ hasText: claim.claimId });
    expect(await denial.getByRole('button').count()).toBe(onDates.length);
    const target = onDates[0]!;
    await denial
      // Named by the rule's title, its id after it, and the claim's dates it fails on (issue 15).
      .getByRole('button', {
        name: new RegExp(
          `\\(${target.rule}\\), ${target.dates.filter((d) => claim.dates.includes(d)).join(', ')}: go to the finding$`,
        ),
      })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-finding-id')))
      .toBe(target.id);
  });

  it('shows one defect once: the owner says who else saw it, the referral goes to it by keyboard', async () => {
    const okafor = episodes.find((e) => e.patientName === 'Okafor, James')!;
    const detail = await api<EpisodeDetail>('getEpisode', { id: okafor.id });
    const referral = detail.findings.find((f) => f.refersTo?.rule === 'DOC-SIGNED')!;
    expect(referral).toMatchObject({ rule: 'DOC-DAILY-CONTENT', status: 'n/a' });
    const owner = detail.findings.find(
      (f) => f.rule === 'DOC-SIGNED' && f.status === 'fail' && f.dates.includes(referral.dates[0]!),
    )!;
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${harness.url}#/episode/${encodeURIComponent(okafor.id)}`);
      await page.getByRole('heading', { level: 1, name: okafor.patientName }).waitFor();
      const ownerItem = page.locator(`li.finding[data-finding-id="${owner.id}"]`);
      await expect
        .poll(() => ownerItem.locator('.referrers').textContent())
        .toContain('Also seen by Treatment note content (DOC-DAILY-CONTENT): counted once, here.');
      // The referral is N/A: hidden until passing and N/A findings are shown.
      const referralItem = page.locator('li.finding.na[data-rule="DOC-DAILY-CONTENT"]');
      await page.getByLabel('Show passing and N/A').setChecked(false);
      await expect.poll(() => referralItem.count()).toBe(0);
      await page.getByLabel('Show passing and N/A').setChecked(true);
      await expect
        .poll(() => referralItem.locator('.referral').first().textContent())
        .toMatch(
          /^Reported once, under Every record entry signed .* \(DOC-SIGNED\): go to that finding$/,
        );
      await referralItem.getByRole('button', { name: 'go to that finding' }).first().focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-finding-id')))
        .toBe(owner.id);
      await checkA11y(`episode referrals ${width}x${height}`);
      await ownerItem.screenshot({ path: join(SHOTS, `finding-owner-${width}x${height}.png`) });
      await referralItem
        .first()
        .screenshot({ path: join(SHOTS, `finding-referral-${width}x${height}.png`) });
      await page.getByLabel('Show passing and N/A').setChecked(false);
    }
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it("says once why a note's visit number differs from the treatment day", async () => {
    const alvarez = episodes.find((e) => e.patientName === 'Alvarez, Maria')!;
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(alvarez.id)}`);
    await page.getByRole('heading', { level: 1, name: alvarez.patientName }).waitFor();
    const detail = await api<EpisodeDetail>('getEpisode', { id: alvarez.id });
    const differing = detail.timeline.filter((d) => d.noteVisit);
    // The sample's notes number visits without the evaluation: "Visit 1" on treatment day 2.
    expect(differing[0]).toMatchObject({ treatmentDay: 2, noteVisit: { number: 1 } });
    const said = page.getByTestId('note-visit');
    await expect.poll(() => said.count()).toBe(differing.length);
    expect(await said.first().textContent()).toBe(
      ` (the note says visit 1: ${differing[0]!.noteVisit!.why})`,
    );
    expect(await said.nth(1).textContent()).toBe(' (the note says visit 2)');
  });

  it('records a decision on a finding by keyboard, shown in words with who and when', async () => {
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(medicare.id)}`);
    await page.getByRole('heading', { level: 1, name: medicare.patientName }).waitFor();
    const finding = page.locator('li.finding.fail').first();
    const summary = finding.getByText('Record a decision');
    await summary.focus();
    await page.keyboard.press('Enter');
    const form = finding.getByRole('form');
    await form.getByLabel('Decision').selectOption('not-a-defect');
    // Saving without a reason is refused with a message beside the field, focus on it.
    await form.getByRole('button', { name: 'Save decision' }).press('Enter');
    await expect
      .poll(() => form.getByTestId('reason-error').textContent())
      .toBe('Give the reason for the decision.');
    expect(await form.getByLabel('Reason').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await form.getByLabel('Reason').fill('Documented in the physician order, p. 1');
    // No reviewer name in Settings yet: the form asks who decides rather than record a login.
    const by = form.getByLabel('Decided by');
    expect(await by.inputValue()).toBe('');
    await form.getByRole('button', { name: 'Save decision' }).press('Enter');
    await expect
      .poll(() => form.getByTestId('by-error').textContent())
      .toBe('Give your name: it is recorded with the decision.');
    expect(await by.evaluate((el) => el === document.activeElement)).toBe(true);
    await by.fill('Dana Whitfield');
    await form.getByRole('button', { name: 'Save decision' }).press('Enter');
    const line = finding.locator('p.decision');
    await line.waitFor();
    expect(await line.textContent()).toMatch(
      /^Not a defect: Documented in the physician order, p\. 1 \(Dana Whitfield, \d{4}-\d{2}-\d{2}\)$/,
    );
    // The name given once is Settings' reviewer name from now on.
    expect((await api<{ reviewerName?: string }>('getSettings')).reviewerName).toBe(
      'Dana Whitfield',
    );
    await shot('05b-decision');
    await checkA11y('episode with a decision');
    // The API and the audit trail hold it.
    const detail = await api<EpisodeDetail>('getEpisode', { id: medicare.id });
    expect(detail.findings.filter((f) => f.decision?.as === 'not-a-defect')).toHaveLength(1);
  });

  it('decides with the shortcuts shown (J, D), focus back on the finding; views Open and Decided', async () => {
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(medicare.id)}`);
    await page.getByRole('heading', { level: 1, name: medicare.patientName }).waitFor();
    expect(await page.getByTestId('checklist-keys').textContent()).toBe(
      'Keyboard: J next finding · K previous finding · D decide the finding · E show its evidence',
    );
    const items = page.locator('li.finding');
    await items.first().waitFor();
    const ids = await items.evaluateAll((lis) =>
      lis.map((li) => ({
        id: li.getAttribute('data-finding-id'),
        open: !!li.querySelector('details.decide'),
      })),
    );
    const target = ids.findIndex((i) => i.open);
    expect(target).toBeGreaterThanOrEqual(0);
    const focusedId = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-finding-id') ?? null);
    // From where focus lands on arriving (the patient's heading), J enters the checklist.
    await page.getByRole('heading', { level: 1, name: medicare.patientName }).focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('j');
    expect(await focusedId()).toBe(ids[0]!.id);
    // From the view radios, J goes to the first finding, then on; K goes back.
    await page.getByRole('radio', { name: /^All \(/ }).focus();
    await page.keyboard.press('j');
    expect(await focusedId()).toBe(ids[0]!.id);
    if (ids.length > 1) {
      await page.keyboard.press('j');
      expect(await focusedId()).toBe(ids[1]!.id);
      await page.keyboard.press('k');
      expect(await focusedId()).toBe(ids[0]!.id);
    }
    for (let i = 0; i < target; i++) await page.keyboard.press('j');
    expect(await focusedId()).toBe(ids[target]!.id);
    await page.keyboard.press('d'); // opens its decision form on the first field
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    const finding = items.nth(target);
    await finding.getByLabel('Decision', { exact: true }).selectOption('not-a-defect');
    await page.keyboard.press('Tab');
    await page.keyboard.type('The payer does not require it for this claim');
    await page.keyboard.press('Tab');
    // Who decides is filled in from Settings (the name given on the first decision).
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      'Dana Whitfield',
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save decision');
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe(ids[target]!.id);
    expect(await finding.locator('p.decision').textContent()).toContain(
      'The payer does not require it for this claim',
    );
    const detail = await api<EpisodeDetail>('getEpisode', { id: medicare.id });
    const reported = detail.findings.filter((f) => f.status === 'fail' || f.status === 'warn');
    const decided = reported.filter((f) => f.decision && !f.reopened).length;
    expect(decided).toBeGreaterThanOrEqual(2);
    await page.getByRole('radio', { name: `Decided (${decided})` }).check();
    await expect.poll(() => items.count()).toBe(decided);
    expect(await page.locator('li.finding:not(:has(p.decision))').count()).toBe(0);
    await shot('05d-decided-view');
    await checkA11y('checklist, decided view');
    await page.getByRole('radio', { name: `Open (${reported.length - decided})` }).check();
    await expect.poll(() => items.count()).toBe(reported.length - decided);
    expect(await page.locator('li.finding details.decide').count()).toBe(reported.length - decided);
    await page.getByRole('radio', { name: /^All \(/ }).check();
  });

  it('confirms a defect with its corrective action and lists it under Corrective actions, with a CSV', async () => {
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(medicare.id)}`);
    await page.getByRole('heading', { level: 1, name: medicare.patientName }).waitFor();
    // The first failing finding not decided yet, held by its position (the locator must not
    // move to another finding once this one shows its decision).
    await page.locator('li.finding.fail').first().waitFor();
    const undecided = await page
      .locator('li.finding.fail')
      .evaluateAll((items) => items.findIndex((li) => !li.querySelector('p.decision')));
    expect(undecided).toBeGreaterThanOrEqual(0);
    const finding = page.locator('li.finding.fail').nth(undecided);
    const rule = await finding.getAttribute('data-rule');
    await finding.getByText('Record a decision').click();
    const form = finding.getByRole('form');
    await form.getByLabel('Decision').selectOption('confirmed');
    await form.getByLabel('Reason').fill('The record lacks it');
    await form.getByLabel('Corrective action').fill('Write the progress report at visit 10');
    await form.getByLabel('Due').fill('2026-12-20');
    await form.getByLabel('Clinician it concerns').fill('Pat Lee, PT');
    await form.getByRole('button', { name: 'Save decision' }).click();
    await expect
      .poll(() => finding.locator('p.decision').textContent())
      .toContain('action: Write the progress report at visit 10 (Pat Lee, PT) by 2026-12-20');

    await atBothSizes('Corrective actions', async (size) => {
      const row = page.locator('table.actions tbody tr').first();
      await row.waitFor();
      expect(await row.textContent()).toContain('Pat Lee, PT');
      expect(await row.textContent()).toContain(rule!);
      expect(await row.getAttribute('data-status')).toBe('open');
      // Focus moves to the screen's heading on navigation.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('actions-h');
      await shot(`05c-actions-${size}`);
      await checkA11y(`corrective actions ${size}`);
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = join(dir, 'actions.csv');
    await download.saveAs(csv);
    const { readFileSync } = await import('node:fs');
    const [header, first] = readFileSync(csv, 'utf8').split('\r\n');
    expect(header).toBe(
      'clinician,due,status,patient,rule,dates,action,finding_id,episode_id,decided_by,decided_at',
    );
    expect(first).toContain(`"Pat Lee, PT",2026-12-20,open`);
  });

  it('shows readiness and dollars at risk as the API computes them, with charts, at both sizes', async () => {
    const d = await api<Dashboard>('getDashboard');
    expect(d.totals.billedDates).toBeGreaterThan(0);
    const money = (n: number) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);
    await atBothSizes('Readiness', async (size) => {
      const kpis = page.getByRole('group', { name: /Totals as of/ });
      await kpis.waitFor();
      const text = (await kpis.textContent()) ?? '';
      expect(text).toContain(`${((d.totals.readiness ?? 0) * 100).toFixed(1)}%`);
      expect(text).toContain(money(d.totals.atRisk));
      expect(text).toContain(`${d.totals.passingDates} of ${d.totals.billedDates} billed dates`);
      // Charts are drawn (SVG bars) and described in words for screen readers.
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      expect(await page.getByRole('img', { name: /Readiness by month/ }).count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('dashboard-h');
      await shot(`01b-dashboard-${size}`);
      await checkA11y(`dashboard ${size}`);
    });
    // A clinician's row opens the list of that clinician's episodes.
    const top = d.byClinician[0]!;
    await page.getByRole('link', { name: top.label, exact: true }).click();
    await expect
      .poll(() => page.getByTestId('episode-count').textContent())
      .toBe(`${top.episodes} of ${episodes.length} episodes`);
    // A payer's row opens that payer's episodes, and the Payer filter says which payer it is.
    const payer = d.byPayer[0]!;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Readiness' })
      .click();
    await page.getByRole('link', { name: payer.label, exact: true }).click();
    await expect
      .poll(() => page.getByTestId('episode-count').textContent())
      .toBe(`${payer.episodes} of ${episodes.length} episodes`);
    expect(await page.getByLabel('Payer', { exact: true }).inputValue()).toBe(payer.label);
  });

  it('opens a month bar and a clinician bar as filtered lists, and exports the client report', async () => {
    const d = await api<Dashboard>('getDashboard');
    const nav = page.getByRole('navigation', { name: 'Main' });
    // A bar of the month chart opens that month's episodes.
    await nav.getByRole('link', { name: 'Readiness' }).click();
    const monthBars = page
      .getByRole('img', { name: /Readiness by month/ })
      .locator('.recharts-bar-rectangle');
    await monthBars.first().waitFor();
    await monthBars.first().click();
    const first = d.byMonth[0]!;
    await expect.poll(() => page.url()).toContain(`from=${first.key}-01`);
    await expect
      .poll(() => page.getByTestId('episode-count').textContent())
      .toBe(`${first.episodes} of ${episodes.length} episodes`);
    // A bar of the clinician chart opens that clinician's episodes.
    await nav.getByRole('link', { name: 'Readiness' }).click();
    const clinicianBars = page
      .getByRole('img', { name: /Dollars at risk by clinician/ })
      .locator('.recharts-bar-rectangle');
    await clinicianBars.first().waitFor();
    await clinicianBars.first().click();
    await expect
      .poll(() => decodeURIComponent(page.url()))
      .toContain(`clinician=${d.byClinician[0]!.key}`.replace(/ /g, '+'));
    // The client report: built in the main process, offered as a download, a valid PDF.
    await atBothSizes('Readiness', async (size) => {
      const panel = page.getByRole('region', { name: 'Client report' });
      await panel.getByRole('button', { name: 'Export client report' }).click();
      await expect
        .poll(() => panel.getByTestId('report-status').textContent())
        .toMatch(/^Built chartready-report-\d{4}-\d{2}-\d{2}\.pdf: Readiness /);
      // Scrolled back to the top: a full-page shot of a scrolled page misplaces sticky headers.
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(`01c-report-export-${size}`);
      await checkA11y(`report export ${size}`);
    });
    const panel = page.getByRole('region', { name: 'Client report' });
    await panel.getByLabel('Format').selectOption('xlsx');
    await panel.getByRole('button', { name: 'Export client report' }).click();
    await expect
      .poll(() => panel.getByTestId('report-status').textContent())
      .toMatch(/\.xlsx: Readiness/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('report-download').click(),
    ]);
    const file = join(dir, 'report.xlsx');
    await download.saveAs(file);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    await panel.getByLabel('Format').selectOption('pdf');
    // By keyboard: the button is unusable while the report builds, but keeps focus (a disabled
    // button would drop it to the page body).
    await panel.getByRole('button', { name: 'Export client report' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Export client report',
    );
    await expect.poll(() => panel.getByTestId('report-status').textContent()).toMatch(/\.pdf:/);
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('report-download').click(),
    ]);
    const pdfFile = join(dir, 'report.pdf');
    await pdf.saveAs(pdfFile);
    const { execFileSync } = await import('node:child_process');
    expect(() => execFileSync('qpdf', ['--check', pdfFile], { stdio: 'pipe' })).not.toThrow();
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain(`${d.totals.passingDates} of ${d.totals.billedDates}`);
  });

  it('offers no appeal for a claim returned as unprocessable, and says what to do instead', async () => {
    const detail = await api<EpisodeDetail>('getEpisode', { id: medicare.id });
    const unprocessable = detail.claims.find((c) => c.denial?.remarks.includes('MA130'));
    expect(unprocessable, 'the sample has a CO-4 / MA130 claim').toBeTruthy();
    await page.goto(`${harness.url}#/packet/${encodeURIComponent(medicare.id)}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel('Claim', { exact: true }).selectOption(unprocessable!.claimId);
    // Its own screen (test/e2e/corrected-claim.e2e.ts): what to correct, no appeal, no deadline.
    await page.getByRole('heading', { level: 1, name: 'Corrected claim' }).waitFor();
    expect(await page.getByTestId('corrected-claim').textContent()).toContain('no appeal rights');
    expect(await page.getByText(/Appeal deadline/).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await shot('06b-packet-unprocessable');
    await checkA11y('packet for an unprocessable claim');
  });

  it('opens a ledger line’s evidence as the rows read from the ledger, the cited one highlighted', async () => {
    let found: { id: string; file: string; line: number } | null = null;
    for (const ep of episodes) {
      if (found) break;
      const d = await api<EpisodeDetail>('getEpisode', { id: ep.id });
      const ev = d.findings
        .filter((f) => f.status === 'fail')
        .flatMap((f) => f.evidence)
        .find((e) => e.line != null && /\.csv$/i.test(e.file));
      if (ev) found = { id: ep.id, file: ev.file, line: ev.line! };
    }
    expect(found, 'a failing finding cites a ledger line').toBeTruthy();
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(found!.id)}`);
    await page
      .getByRole('button', {
        name: `Show evidence: ${found!.file.split('/').pop()} line ${found!.line}`,
      })
      .first()
      .click();
    const viewer = page.getByTestId('evidence-viewer');
    await viewer.locator('mark').first().waitFor({ timeout: 15_000 });
    expect(await viewer.textContent()).toContain('Billing lines read from');
    expect(await viewer.textContent()).not.toContain('of 0');
    await viewer.scrollIntoViewIfNeeded();
    await shot('06c-evidence-ledger');
    await checkA11y('ledger evidence');
  });

  it('highlights the quote in a text-only document', async () => {
    let found: { id: string; file: string; page: number } | null = null;
    for (const ep of episodes) {
      const d = await api<EpisodeDetail>('getEpisode', { id: ep.id });
      for (const f of d.findings)
        for (const ev of f.evidence)
          if (
            !found &&
            /\.(txt|html)$/i.test(ev.file) &&
            ev.quote.trim().length > 3 &&
            ev.line == null
          )
            found = { id: ep.id, file: ev.file, page: ev.page };
    }
    if (!found) return; // the core cites no text document in this sample
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(found.id)}`);
    await page.getByRole('checkbox', { name: 'Show passing and N/A' }).check();
    await page
      .getByRole('button', {
        name: `Show evidence: ${found.file.split('/').pop()} p. ${found.page}`,
      })
      .first()
      .click();
    const mark = page.getByTestId('evidence-viewer').locator('mark');
    await mark.first().waitFor({ timeout: 15_000 });
    await page.getByTestId('evidence-viewer').scrollIntoViewIfNeeded();
    await shot('06-evidence-text');
  });

  it('builds a packet, reorders an exhibit by keyboard, previews and downloads a valid PDF', async () => {
    // Alvarez's CO-50 denial is one an appeal can argue (the review confirms Okafor's CO-97).
    const denied = episodes.find((e) => e.patientName === 'Alvarez, Maria')!;
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(denied.id)}`);
    await page.getByRole('link', { name: 'Build appeal packet' }).click();
    await page.getByRole('heading', { name: 'Appeal packet' }).waitFor();
    const exhibits = page.getByTestId('exhibit');
    await expect.poll(() => exhibits.count(), { timeout: 30_000 }).toBeGreaterThan(1);
    // The denial is the claim's 835's, and the screen says so; nothing is typed for the user.
    const denial = page.getByLabel('Denial reason (CARC)');
    expect(await denial.inputValue()).toBe('');
    expect(await page.getByTestId('denial-meaning').textContent()).toContain(
      'from the 835 dated 2026-10-08',
    );

    // Each exhibit names its file: the typed order and its faxed copy share a title and a date.
    const rowTexts = await exhibits.evaluateAll((xs) => xs.map((x) => x.textContent ?? ''));
    expect(rowTexts[0]).toMatch(/\.(?:pdf|txt|html|tiff?)\b/i);
    expect(new Set(rowTexts).size).toBe(rowTexts.length);
    // An exhibit is known by its documents (data-exhibit): its letter changes as it moves.
    const firstExhibit = await exhibits.first().getAttribute('data-exhibit');
    expect(firstExhibit).toMatch(/^\d/);
    await exhibits
      .first()
      .getByRole('button', { name: /^Move .* down$/ })
      .focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => exhibits.nth(1).getAttribute('data-exhibit')).toBe(firstExhibit);

    await page.getByRole('button', { name: 'Build packet' }).click();
    await page.getByTestId('built-status').waitFor({ timeout: 120_000 });
    await page.getByTestId('preview-page').waitFor();
    await page.waitForTimeout(500);
    await shot('07-packet');
    await checkA11y('packet builder');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download packet (PDF)' }).click(),
    ]);
    const saved = join(dir, 'packet.pdf');
    await download.saveAs(saved);
    const out = execFileSync('qpdf', ['--check', saved], { encoding: 'utf8' });
    expect(out).toMatch(/No syntax or stream encoding errors found/);
  });

  it('keeps the built packet in its history, reopens it as built, and restores the exhibit order', async () => {
    const history = page.getByTestId('packet-history');
    await history.waitFor();
    const rows = history.getByTestId('history-row');
    expect(await rows.count()).toBe(1);
    // Its time in the form of every other date on screen (local, to the minute), not the locale's.
    expect(await rows.first().locator('td').first().innerText()).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
    const exhibits = page.getByTestId('exhibit');
    const order = () => exhibits.evaluateAll((xs) => xs.map((x) => x.getAttribute('data-exhibit')));
    const built = await order();
    // Leave and come back: the claim's last packet sets the order again.
    await page.getByRole('link', { name: 'Episodes', exact: true }).first().click();
    await page.goBack();
    await page.getByRole('heading', { name: 'Appeal packet' }).waitFor();
    await expect.poll(order, { timeout: 30_000 }).toEqual(built);
    await rows
      .first()
      .getByRole('button', { name: /^Open the packet built / })
      .click();
    const shown = page.getByTestId('shown-packet');
    await shown.waitFor();
    const { readFileSync } = await import('node:fs');
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256')
      .update(readFileSync(join(dir, 'packet.pdf')))
      .digest('hex');
    // The packet reopened is the one downloaded, byte for byte.
    expect(await shown.textContent()).toContain(sha);
    await page.getByTestId('preview-page').waitFor();
    await shot('07b-packet-history');
    await checkA11y('packet history');

    // A second packet in another order; the older one reopened gives its own order back.
    await exhibits
      .first()
      .getByRole('button', { name: /^Move .* down$/ })
      .click();
    await expect.poll(order).not.toEqual(built);
    const second = await order();
    await page.getByRole('button', { name: 'Build packet' }).click();
    await page.getByTestId('built-status').waitFor({ timeout: 120_000 });
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first: the first packet is the second row.
    await rows
      .nth(1)
      .getByRole('button', { name: /^Open the packet built / })
      .click();
    await shown.waitFor();
    expect(await order()).toEqual(second);
    await page.getByRole('button', { name: 'Start a new packet from this one' }).click();
    await expect.poll(order, { timeout: 30_000 }).toEqual(built);
    // The button left with the reopened packet: focus is on the list it filled, not the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('exhibits-h');
    expect(await shown.count()).toBe(0);
    await shot('07c-packet-from-older');

    // Every exhibit excluded: nothing to send, so nothing to build; the suggested exhibits return
    // in their suggested order (the first packet's order had its first two swapped).
    const count = await exhibits.count();
    for (let k = count; k > 0; k--) {
      await exhibits
        .first()
        .getByRole('button', { name: /^Exclude / })
        .click();
      await expect.poll(() => exhibits.count()).toBe(k - 1);
    }
    await page.getByTestId('no-exhibits').waitFor();
    expect(await page.getByRole('button', { name: 'Build packet' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Use the suggested exhibits' }).click();
    await expect.poll(order, { timeout: 30_000 }).toEqual([built[1], built[0], ...built.slice(2)]);
    expect(await page.getByRole('button', { name: 'Build packet' }).isDisabled()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('exhibits-h');
  });

  it('edits settings', async () => {
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Clinic name').waitFor();
    await page.getByLabel('Clinic name').fill('Riverbend Physical Therapy & Work Rehab');
    await page.getByLabel('Signer name').fill('Dana Whitfield');
    // A mistyped NPI (check digit wrong) is refused beside its field, which takes the focus.
    await page.getByLabel('NPI').fill('1234567890');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const npiError = page.locator('.field-error', { hasText: 'check digit' });
    await npiError.waitFor();
    expect(await page.getByLabel('NPI').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement)?.name)).toBe(
      'npi',
    );
    await shot('08a-settings-npi-error');
    await checkA11y('settings with a field error');
    await page.getByLabel('NPI').fill('1234567893');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    const s = await api<{ clinicName: string; npi: string }>('getSettings');
    expect(s.clinicName).toBe('Riverbend Physical Therapy & Work Rehab');
    expect(s.npi).toBe('1234567893');
    // Unsaved edits survive leaving the screen, and can be discarded.
    await page.getByLabel('Contact name').fill('Unsaved Person');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Episodes' })
      .click();
    await page.getByTestId('episode-count').waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.getByText('Your unsaved changes were kept').waitFor();
    expect(await page.getByLabel('Contact name').inputValue()).toBe('Unsaved Person');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByText('Unsaved changes discarded.').waitFor();
    expect(await page.getByLabel('Contact name').inputValue()).not.toBe('Unsaved Person');
    await shot('08-settings');
    await checkA11y('settings');
  });

  it('offers to read again the notes an older reader read, and reloads the episodes', async () => {
    // What a store imported by an earlier version looks like: one note file without a version.
    const db = openDatabase(join(dir, 'e2e.db'));
    const file = db
      .prepare(
        `SELECT id, path FROM files WHERE kind LIKE 'notes-%' AND parent_id IS NULL ORDER BY path LIMIT 1`,
      )
      .get() as { id: number; path: string };
    db.prepare('DELETE FROM file_readings WHERE file_id = ?').run(file.id);
    db.close();
    expect((await api<{ filesReadByOlderReader: number }>('info')).filesReadByOlderReader).toBe(1);

    await page.getByRole('link', { name: 'Episodes', exact: true }).click();
    const notice = page.getByTestId('reader-notice');
    await notice.getByText('1 imported file was read by an older version').waitFor();
    await checkA11y('reader notice');
    await shot('10-reader-notice-due');
    await notice.getByRole('button', { name: 'Read again' }).click();
    await expect
      .poll(() => notice.getByRole('status').textContent())
      .toMatch(/^Read 1 file again: (\d+) documents? before, \1 now\./);
    await shot('11-reader-notice-read');
    expect((await api<{ filesReadByOlderReader: number }>('info')).filesReadByOlderReader).toBe(0);
    // The menu went back to the list as last left (a search from an earlier test): clear it.
    const clear = page.getByRole('button', { name: 'Clear filters' });
    if (await clear.count()) await clear.click();
    const rows = page.locator('table.episodes tbody tr[data-index]');
    await expect.poll(() => rows.count()).toBe(episodes.length);
  });

  it('sets a payer kind in Settings > Payers by keyboard and shows the evidence on the episode', async () => {
    const medicarePayer = medicare.payerName;
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${harness.url}#/settings`);
      const table = page.getByTestId('payers');
      await table.waitFor();
      const row = table.locator(`tr[data-payer="${medicarePayer}"]`);
      expect(await row.locator('td').first().textContent()).toBe('Medicare');
      await page.getByRole('heading', { name: 'Payers' }).scrollIntoViewIfNeeded();
      await shot(`12-settings-payers-${width}x${height}`);
      await checkA11y(`settings payers ${width}x${height}`);
    }

    // Keyboard only: the payer's select, type to choose "Other", Tab to its Save button, Enter.
    await page.getByLabel(`Kind of ${medicarePayer}`).focus();
    await page.keyboard.type('Other');
    expect(await page.getByLabel(`Kind of ${medicarePayer}`).inputValue()).toBe('other');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Save ${medicarePayer}`,
    );
    await page.keyboard.press('Enter');
    await page
      .getByText(`${medicarePayer} saved as Other; its episodes were reviewed again.`)
      .waitFor();
    const row = page.getByTestId('payers').locator(`tr[data-payer="${medicarePayer}"]`);
    expect(await row.locator('td').first().textContent()).toBe('Other');
    await row.getByText('Why').click();
    await row.getByText(`clinic payer list: "${medicarePayer}" = other`).waitFor();
    await shot('13-settings-payer-set');
    await checkA11y('settings payer set');

    // Re-reviewed: the episode now says so, with the basis and the stand-in profile.
    const changed = (await api<EpisodeSummary[]>('listEpisodes')).find(
      (e) => e.patientName === medicare.patientName,
    )!;
    expect(changed).toMatchObject({ payerKind: 'other', profile: 'commercial' });
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(changed.id)}`);
    await page.getByTestId('payer-kind').waitFor();
    expect(await page.getByTestId('payer-kind').textContent()).toBe('(Other)');
    // The display name, once the app's profiles are known (never the profile's id).
    await expect.poll(() => page.getByTestId('profile-label').textContent()).toBe('Commercial');
    expect(await page.getByTestId('profile-why').textContent()).toBe(
      `(from the payer list entry “${medicarePayer}”)`,
    );
    await page.getByText('Why the Commercial profile').click();
    await expect(page.getByTestId('payer-basis').locator('li').first().textContent()).resolves.toBe(
      `clinic payer list: "${medicarePayer}" = other`,
    );
    await shot('14-episode-payer-basis');
    await checkA11y('episode payer basis');

    // Back to the record's decision: the episode is what it was.
    await api('setPayerKind', { name: medicarePayer, kind: null });
    const restored = (await api<EpisodeSummary[]>('listEpisodes')).find(
      (e) => e.patientName === medicare.patientName,
    )!;
    expect(restored).toMatchObject({ id: medicare.id, payerKind: 'medicare', profile: 'medicare' });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('answers an episode id the review does not have with 404 and a not-found page', async () => {
    const res = await fetch(`${harness.url}api/getEpisode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
      body: JSON.stringify({ id: 'ep-0000000000' }),
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/^not found: no episode/);
    await page.goto(`${harness.url}#/episode/ep-0000000000`);
    await page.getByRole('heading', { level: 1, name: 'Episode not found' }).waitFor();
    await page.getByRole('link', { name: 'episode list' }).waitFor();
    await checkA11y('episode not found');
    // The packet builder of such an id says the same, not a raw error under "Appeal packet".
    await page.goto(`${harness.url}#/packet/ep-0000000000`);
    await page.getByRole('heading', { level: 1, name: 'Episode not found' }).waitFor();
    expect(await page.getByText('not found: no episode').count()).toBe(0);
    await checkA11y('packet of a missing episode');
  });

  it('keeps 10,000 episode rows smooth (virtualized)', async () => {
    const t0 = Date.now();
    await page.goto(`${harness.url}?fixture=10000#/episodes`);
    await expect
      .poll(() => page.getByTestId('episode-count').textContent(), { timeout: 20_000 })
      .toBe('10000 episodes');
    const renderMs = Date.now() - t0;
    const rendered = await page.locator('table.episodes tbody tr[data-index]').count();
    expect(rendered).toBeLessThan(100);
    const scroll = await page.evaluate(async () => {
      const el = document.querySelector('[data-testid="episode-scroll"]') as HTMLElement;
      const frames: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 60; i++) {
        el.scrollTop += el.scrollHeight / 60;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      frames.sort((a, b) => a - b);
      return { median: frames[30]!, worst: frames[frames.length - 1]! };
    });
    await expect.poll(() => page.locator('tr[aria-rowindex="10001"]').count()).toBe(1);
    console.log(
      `10,000 rows: first render ${renderMs} ms, ${rendered} rows in the DOM, scroll frame median ${scroll.median.toFixed(1)} ms, worst ${scroll.worst.toFixed(1)} ms`,
    );
    expect(renderMs).toBeLessThan(5000);
    // Headless Chromium on a 2-core CI machine (whose speed varies by 2x or more between days)
    // scrolls a virtualized table at 15-45 ms a frame; a table rendering all 10,000 rows takes
    // hundreds. The DOM row count above is the strict check; this one catches a slow regression.
    expect(scroll.median).toBeLessThan(100);
    await shot('09-episodes-10000');
  });

  it('opens on Readiness once the database holds episodes; a new one tries the sample chart', async () => {
    await page.goto(harness.url);
    await page.getByRole('heading', { level: 1, name: 'Readiness' }).waitFor();
    const fresh = await startHarness({
      dbPath: join(dir, 'fresh.db'),
      staticDir: STATIC,
      asOf: AS_OF,
    });
    try {
      const other = await context.newPage();
      await other.goto(fresh.url);
      await other.getByRole('button', { name: 'Try the sample chart' }).click();
      const summary = other.getByTestId('import-summary');
      await summary.waitFor({ timeout: 120_000 });
      expect(await summary.textContent()).toMatch(/\d+ imported/);
      // The welcome goes once the database holds episodes.
      await expect.poll(() => other.getByTestId('welcome').count()).toBe(0);
      await other.goto(fresh.url);
      await other.getByRole('heading', { level: 1, name: 'Readiness' }).waitFor();
      await other.close();
    } finally {
      await fresh.close();
    }
  });

  it('raised no CSP violations or page errors', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('never let focus fall to the page body (dialogs, exclusions, screens replaced)', () => {
    expect(focusDrops).toEqual([]);
  });
});
