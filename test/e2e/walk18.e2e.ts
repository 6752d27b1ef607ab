/**
 * End to end: the defects an acceptance walk-through of issue 15 found (walk 18), at 1366x768 and
 * 1920x1080 with axe, on the sample chart with corpus charts c23 (FHIR ExplanationOfBenefit) and
 * c37 (a commercial hand-therapy chart) in the same database. Paging back onto the cited page keeps
 * focus on the paging button; an episode or packet URL read after a not-found shows that episode;
 * each checklist heading counts what it lists; the episode's claim count says "unprocessable"
 * apart from "denied", as the Episodes table does; an Episodes URL edited while the list is open
 * sets the search. Screenshots: walk18-*.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EpisodeDetail, EpisodeSummary } from '../../shared/api';
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
} from './kit';

const AS_OF = '2026-11-24';
const C23 = join(ROOT, 'test/corpus/c23-fhir-eob-html-attachments/export');
const C37 = join(ROOT, 'test/corpus/c37-commercial-ot-hand-portal/export');

const run = fileBrowser('chartready-e2e-walk18-');

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('walk-through 18 fixes at $width x $height', (viewport) => {
  let harness: Harness;
  let page: Page;
  let episodes: EpisodeSummary[];
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;
  const shot = (name: string, fullPage = false) =>
    page.screenshot({ path: join(SHOTS, `walk18-${name}-${tag}.png`), fullPage });
  const api = <T>(method: string, body: unknown = {}) => apiCall<T>(harness, method, body);
  const episodeOf = (name: RegExp) => {
    const e = episodes.find((x) => name.test(x.patientName));
    if (!e) throw new Error(`no episode of ${String(name)}`);
    return e;
  };
  const active = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.tagName.toLowerCase() ?? '', text: el?.textContent?.trim() ?? '' };
    });
  const openEpisode = async (name: RegExp) => {
    const e = episodeOf(name);
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(e.id)}`);
    await page.getByRole('heading', { level: 1, name: e.patientName }).waitFor();
    return e;
  };
  /** A URL change inside the app (typed in the address bar, or a link): a hashchange. */
  const setHash = (hash: string) =>
    page.evaluate((h) => {
      window.location.hash = h;
    }, hash);

  beforeAll(async () => {
    harness = await startHarness({
      dbPath: join(run.dir, `${tag}.db`),
      staticDir: STATIC,
      asOf: AS_OF,
    });
    await api('importPaths', { paths: [SAMPLE, C23, C37] });
    episodes = await api<EpisodeSummary[]>('listEpisodes');
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

  it('keeps focus on the paging button when paging back onto the cited page', async () => {
    const okafor = await openEpisode(/^Okafor, James/);
    const detail = await api<EpisodeDetail>('getEpisode', { id: okafor.id });
    const cited = detail.findings
      .filter((f) => f.status === 'fail' || f.status === 'warn')
      .flatMap((f) => f.evidence)
      .find((e) => /\.pdf$/i.test(e.file) && e.line == null && e.page >= 4);
    expect(cited, 'a finding of Okafor cites page 4 or later of a PDF').toBeTruthy();
    const link = page
      .getByRole('button', { name: new RegExp(`^Show evidence: .*\\.pdf p\\. ${cited!.page}\\b`) })
      .first();
    await link.focus();
    await page.keyboard.press('Enter');
    const viewer = page.getByTestId('evidence-viewer');
    const shown = (n: number) =>
      expect
        .poll(() => viewer.getByText(/^Page \d+ of \d+$/).textContent())
        .toMatch(new RegExp(`^Page ${n} of `));
    await shown(cited!.page);
    // Opening puts focus on the viewer's heading.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('evidence-h');
    await viewer.getByRole('button', { name: 'Previous page' }).focus();
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press('Enter');
      await shown(cited!.page - i);
    }
    await viewer.getByRole('button', { name: 'Next page' }).focus();
    for (let i = 2; i >= 0; i--) {
      await page.keyboard.press('Enter');
      await shown(cited!.page - i);
      expect(await active()).toMatchObject({ tag: 'button', text: 'Next page' });
    }
    // Back on the cited page, the quote is highlighted and focus stayed: Enter goes on paging.
    await viewer.getByTestId('evidence-highlight').first().waitFor();
    await shot('1-paged-back-to-cited');
    await page.keyboard.press('Enter');
    await shown(cited!.page + 1);
    expect(await active()).toMatchObject({ tag: 'button', text: 'Next page' });
    // Back to the cited page goes away once pressed: focus to the heading, not the page body.
    await viewer.getByRole('button', { name: 'Back to the cited page' }).focus();
    await page.keyboard.press('Enter');
    await shown(cited!.page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('evidence-h');
    await checkA11y(page, 'evidence viewer paged');
  });

  it('shows the episode again after a not-found, on Back and on another id in the URL', async () => {
    const okafor = await openEpisode(/^Okafor, James/);
    const chen = episodeOf(/^Chen/);
    await setHash('#/episode/ep-missing');
    await page.getByRole('heading', { level: 1, name: 'Episode not found' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: okafor.patientName }).waitFor();
    expect(await page.getByText('Episode not found').count()).toBe(0);
    // Not found, then another episode's id typed in the URL.
    await setHash('#/episode/ep-missing');
    await page.getByRole('heading', { level: 1, name: 'Episode not found' }).waitFor();
    await setHash(`#/episode/${encodeURIComponent(chen.id)}`);
    await page.getByRole('heading', { level: 1, name: chen.patientName }).waitFor();
    await shot('2-episode-after-not-found');
    await checkA11y(page, 'episode after a not-found');
    // The packet builder likewise.
    await setHash('#/packet/ep-missing');
    await page.getByRole('heading', { level: 1, name: 'Episode not found' }).waitFor();
    await setHash(`#/packet/${encodeURIComponent(okafor.id)}`);
    await page.locator('p.crumbs').getByRole('link', { name: okafor.patientName }).waitFor();
    expect(await page.getByText('Episode not found').count()).toBe(0);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Episode not found' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: chen.patientName }).waitFor();
    await checkA11y(page, 'packet after a not-found');
  });

  it('counts in each checklist heading only what that section lists (c37)', async () => {
    await openEpisode(/^Whitcomb/);
    const sections = await page.locator('section.group').evaluateAll((els) =>
      els.map((s) => ({
        heading: s.querySelector('h3')?.textContent ?? '',
        count: s.querySelector('[data-testid="section-count"]')?.textContent ?? null,
        listed: s.querySelectorAll('li.finding').length,
      })),
    );
    const docErrors = sections.find((s) => s.heading.startsWith('Documentation: errors'));
    const docWarnings = sections.find((s) => s.heading.startsWith('Documentation: warnings'));
    expect(docErrors, JSON.stringify(sections)).toBeTruthy();
    expect(docWarnings, JSON.stringify(sections)).toBeTruthy();
    expect(docErrors!.count).toBe(
      `${docErrors!.listed} error${docErrors!.listed === 1 ? '' : 's'}`,
    );
    expect(docWarnings!.count).toBe(
      `${docWarnings!.listed} warning${docWarnings!.listed === 1 ? '' : 's'}`,
    );
    for (const s of sections)
      if (s.listed > 0) expect(s.count, s.heading).toMatch(new RegExp(`^${s.listed} `));
    await page.getByRole('heading', { name: /^Documentation: errors/ }).scrollIntoViewIfNeeded();
    await shot('3-c37-section-counts');
    await checkA11y(page, 'c37 checklist');
  });

  it('says "unprocessable" apart from "denied" as the Episodes table and its filter do', async () => {
    const chen = await openEpisode(/^Chen/);
    expect(chen.deniedClaims).toBe(0);
    expect(chen.unprocessableClaims ?? 0).toBeGreaterThan(0);
    const claims = page
      .locator('dl.facts div')
      .filter({ hasText: /^Claims/ })
      .locator('dd');
    expect(await claims.textContent()).toBe(
      `${chen.claims.length} (${chen.unprocessableClaims} unprocessable)`,
    );
    expect(await claims.textContent()).not.toContain('denied');
    await shot('4-chen-claims');
    await checkA11y(page, 'Chen episode');
    // An episode with a real denial says "denied", and the table's filter keeps it.
    const okafor = await openEpisode(/^Okafor, James/);
    expect(okafor.deniedClaims).toBeGreaterThan(0);
    expect(await claims.textContent()).toContain(`${okafor.deniedClaims} denied`);
  });

  it('reads the search and filters again when the Episodes URL changes while it is open', async () => {
    await page.goto(`${harness.url}#/episodes`);
    const rows = page.locator('table.episodes tbody tr[data-index]');
    await expect.poll(() => rows.count()).toBe(episodes.length);
    await setHash('#/episodes?q=whitcomb');
    const search = page.getByRole('searchbox');
    await expect.poll(() => search.inputValue()).toBe('whitcomb');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Whitcomb');
    // Back to the unfiltered URL: every row and an empty search.
    await page.goBack();
    await expect.poll(() => search.inputValue()).toBe('');
    await expect.poll(() => rows.count()).toBe(episodes.length);
    await setHash('#/episodes?denied=1');
    await expect.poll(() => page.getByLabel('Claims', { exact: true }).inputValue()).toBe('1');
    await expect.poll(() => rows.count()).toBe(episodes.filter((e) => e.deniedClaims > 0).length);
    await shot('5-episodes-url-filter');
    await checkA11y(page, 'episodes after a URL change');
  });

  const openPacket = async (name: RegExp, claim?: string) => {
    const e = episodeOf(name);
    const q = claim ? `?claim=${encodeURIComponent(claim)}` : '';
    await page.goto(`${harness.url}#/packet/${encodeURIComponent(e.id)}${q}`);
    await page.locator('p.crumbs').getByRole('link', { name: e.patientName }).waitFor();
  };
  const denialMeaning = () =>
    expect.poll(() => page.getByTestId('denial-meaning').textContent(), { timeout: 30_000 });

  it('names where a denial came from: the FHIR ExplanationOfBenefit (c23), the 835 and its date', async () => {
    await openPacket(/^Ferreira/);
    await denialMeaning().toMatch(/^CO-50: .*\(from the FHIR ExplanationOfBenefit\)$/);
    expect(await page.getByLabel('Denial reason (CARC)').getAttribute('placeholder')).toBe(
      'CO-50 (from the FHIR ExplanationOfBenefit)',
    );
    expect(await page.locator('main').textContent()).not.toContain('835');
    await shot('6-c23-denial-source');
    await checkA11y(page, 'c23 appeal packet');
    await openPacket(/^Alvarez/, 'RB26-0921-ALV');
    await denialMeaning().toMatch(/^CO-50: .*\(from the 835 dated 2026-10-08\)$/);
    expect(await page.getByLabel('Denial reason (CARC)').getAttribute('placeholder')).toBe(
      'CO-50 (from the 835)',
    );
  });

  it('shows each claim of the claim list whole, with its words as a tooltip', async () => {
    await openPacket(/^Chen/);
    const select = page.getByLabel('Claim', { exact: true });
    for (const option of await select.locator('option').allTextContents()) {
      const value = await select
        .locator('option')
        .filter({ hasText: option })
        .first()
        .getAttribute('value');
      await select.selectOption(value ?? '');
      // The selected text's width against the room the closed list gives it.
      const fit = await select.evaluate((el: HTMLSelectElement) => {
        const probe = document.createElement('span');
        probe.textContent = el.selectedOptions[0]?.textContent ?? '';
        probe.style.font = getComputedStyle(el).font;
        probe.style.position = 'absolute';
        probe.style.whiteSpace = 'pre';
        document.body.append(probe);
        const need = probe.getBoundingClientRect().width;
        probe.remove();
        const cs = getComputedStyle(el);
        // Room for the text: the box less its padding and the arrow (about 24px).
        const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 24;
        return { need, room, title: el.title };
      });
      expect(fit.need, option).toBeLessThanOrEqual(fit.room);
      expect(fit.title).toBe(option);
    }
    await select.selectOption('RB26-0817-CHE');
    expect(await select.locator('option:checked').textContent()).toBe(
      'RB26-0817-CHE (unprocessable, MA130)',
    );
    await shot('7-claim-list-whole');
  });

  it('names the records response as its Packet type option does, in the corrected-claim advice', async () => {
    await openPacket(/^Chen/, 'RB26-0817-CHE');
    await page.getByRole('heading', { level: 1, name: 'Corrected claim' }).waitFor();
    const option = await page
      .getByLabel('Packet type')
      .locator('option[value="adr"]')
      .textContent();
    expect(option).toBe('Medicare ADR response (records only)');
    expect(await page.getByTestId('resubmit-note').textContent()).toContain(
      `If the payer asks for the records, choose the ${option} under Packet type.`,
    );
    await page.getByTestId('resubmit-note').scrollIntoViewIfNeeded();
    await shot('8-corrected-claim-advice');
    await checkA11y(page, 'corrected claim');
  });

  it('says why a claim whose denial the review confirms opens on the records response', async () => {
    await openPacket(/^Okafor, James/, 'RB26-1012-OKA');
    await expect.poll(() => page.getByLabel('Packet type').inputValue()).toBe('adr');
    const note = page.getByTestId('denial-confirmed');
    await note.waitFor();
    const said = (await note.textContent()) ?? '';
    // The code with where it came from (issue 15: "say where each code came from").
    expect(said).toMatch(
      /The review confirms the denial of claim RB26-1012-OKA \(CO-97 from the 835 dated \d{4}-\d{2}-\d{2}\)/,
    );
    expect(said).toContain('This records response sends the records only');
    expect(await note.getAttribute('role')).toBe('status');
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('exhibit').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await shot('9-okafor-records-why');
    await checkA11y(page, 'records response with the confirmed-denial note');
  });

  it('calls a FHIR claim line an item in its link and the viewer heading (c23)', async () => {
    const ferreira = await openEpisode(/^Ferreira/);
    await page.getByLabel('Show passing and N/A').check();
    const links = page.getByRole('button', { name: /^Show evidence: .*, item \d+/ });
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /segment \d+/ }).count()).toBe(0);
    const link = links.first();
    const label = (await link.textContent()) ?? '';
    const place = /(claim \S+, item \d+)/.exec(label)![1]!;
    await link.focus();
    await page.keyboard.press('Enter');
    const heading = page.locator('#evidence-h');
    await expect.poll(() => heading.textContent()).toContain(place);
    expect(await heading.textContent()).not.toMatch(/line \d+|segment/);
    // The EOB in words calls its lines items too, and the cited one is highlighted.
    const viewer = page.getByTestId('evidence-viewer');
    await viewer.getByTestId('evidence-highlight').first().waitFor();
    expect(await viewer.getByTestId('evidence-highlight').first().textContent()).toMatch(
      /^item \d+: /,
    );
    expect(await viewer.getByTestId('evidence-page').textContent()).not.toContain('segment');
    await shot('10-c23-item-evidence');
    await checkA11y(page, 'c23 evidence of a FHIR claim item');
    expect(ferreira.profile).toBe('commercial');
  });

  it("names the profile by its display name in 'Why the … profile'", async () => {
    await openEpisode(/^Chen/);
    const why = page.locator('details.payer-basis summary');
    await expect.poll(() => why.textContent()).toBe('Why the Medicare Part B profile');
    await openEpisode(/^Okafor, James/);
    const okafor = episodeOf(/^Okafor, James/);
    const info = await api<{ profiles: Array<{ name: string; label: string }> }>('info');
    const label = info.profiles.find((p) => p.name === okafor.profile)!.label;
    expect(label).not.toBe(okafor.profile);
    await expect.poll(() => why.textContent()).toBe(`Why the ${label} profile`);
    await shot('11-profile-display-name');
    await checkA11y(page, 'episode with the profile named');
  });

  it('raised no page errors and never dropped focus to the page body', () => {
    expect(errors).toEqual([]);
    expect(focusDrops).toEqual([]);
  });
});
