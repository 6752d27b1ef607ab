/**
 * End to end: the defects an acceptance walk-through of issue 15 found in the screens, on the
 * sample chart at 1366x768 and 1920x1080 with axe. A filter that matches nothing says so (not the
 * welcome) and offers Clear filters, focus going to the search; truncated episode cells have the
 * full text as a tooltip and an MRN such as "FR-20533" fits whole; the decision form has no
 * default decision and a refused save puts focus on the first field to fix; a claim with no
 * denial opens on the records response, its "no denial" note information, not an error, and the
 * episode's button is named by what its claims allow; the evidence viewer's heading follows the
 * page shown and the quote's highlight is scrolled into view; J/K/D/E work from the page body
 * after a reload (focus starting on the patient's heading), not while typing or in a dialog; the
 * corrective actions table names the rule by its title. Screenshots: walk17-*.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EpisodeDetail, EpisodeSummary } from '../../shared/api';
import { startHarness, type Harness } from '../../src-main/server/harness';
import { apiCall, fileBrowser, checkA11y, openWatchedPage, SAMPLE, SHOTS, STATIC } from './kit';

const AS_OF = '2026-11-24';

const run = fileBrowser('chartready-e2e-walk17-');

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('walk-through 17 fixes at $width x $height', (viewport) => {
  let harness: Harness;
  let page: Page;
  let episodes: EpisodeSummary[];
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;
  const shot = (name: string, fullPage = false) =>
    page.screenshot({ path: join(SHOTS, `walk17-${name}-${tag}.png`), fullPage });
  const api = <T>(method: string, body: unknown = {}) => apiCall<T>(harness, method, body);
  const episodeOf = (name: string) => episodes.find((e) => e.patientName === name)!;
  const active = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        text: el?.textContent?.trim().slice(0, 60) ?? '',
        label: el?.getAttribute('aria-label') ?? '',
        type: el?.getAttribute('type') ?? '',
        findingId: el?.getAttribute('data-finding-id') ?? null,
        invalid: el?.getAttribute('aria-invalid') ?? null,
        id: el?.id ?? '',
      };
    });
  const openEpisode = async (name: string) => {
    await page.goto(`${harness.url}#/episode/${encodeURIComponent(episodeOf(name).id)}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
  };

  beforeAll(async () => {
    harness = await startHarness({
      dbPath: join(run.dir, `${tag}.db`),
      staticDir: STATIC,
      asOf: AS_OF,
    });
    await api('importPaths', { paths: [SAMPLE] });
    episodes = await api<EpisodeSummary[]>('listEpisodes');
    expect(episodes.length).toBeGreaterThan(1);
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

  it('says no episode matches a filter, with the count of all, and Clear filters by keyboard', async () => {
    // No episode of the sample has a warning: "With warnings" matches nothing.
    expect(episodes.every((e) => e.warnings === 0)).toBe(true);
    await page.goto(`${harness.url}#/episodes?severity=warnings`);
    const none = page.getByTestId('no-match');
    await none.waitFor();
    const all = episodes.length;
    expect(await none.textContent()).toContain(
      `No episode matches the search and filters (${all} episodes in all).`,
    );
    expect(await page.getByText('No episodes yet').count()).toBe(0);
    expect(await page.getByTestId('episode-totals').textContent()).toBe(
      `None of the ${all} episodes matches the filters.`,
    );
    expect(await page.getByTestId('episode-count').textContent()).toBe(`0 of ${all} episodes`);
    await shot('1-filter-none');
    await checkA11y(page, 'episodes, no match');
    // Clear filters under the message, by keyboard: the list is back, focus on the search.
    await none.getByRole('button', { name: 'Clear filters' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('table.episodes tbody tr[data-index]').count()).toBe(all);
    expect(await active()).toMatchObject({ tag: 'input', type: 'search' });
    expect(page.url()).not.toContain('severity=');
    expect(await page.getByTestId('no-match').count()).toBe(0);
  });

  it('gives every cut-off episode cell its full text as a tooltip; an MRN fits whole', async () => {
    await page.goto(`${harness.url}#/episodes`);
    const rows = page.locator('table.episodes tbody tr[data-index]');
    await expect.poll(() => rows.count()).toBe(episodes.length);
    const cells = await page.locator('table.episodes tbody td').evaluateAll((tds) =>
      tds.map((td) => ({
        text: td.textContent ?? '',
        title: td.getAttribute('title'),
        cut: td.scrollWidth > td.clientWidth,
      })),
    );
    const cut = cells.filter((c) => c.cut);
    // The payer names are cut at 1366 (the walk-through's "Midwest Work…").
    if (viewport.width === 1366) expect(cut.length).toBeGreaterThan(0);
    for (const c of cut) expect(c.title, c.text).toBeTruthy();
    for (const c of cells.filter((x) => /[A-Za-z]/.test(x.text) && !x.text.includes('+')))
      expect(c.title, c.text).toBe(c.text);
    // A clinic's MRN as long as "FR-20533" is not cut at this width.
    const mrn = await page
      .locator('table.episodes tbody tr[data-index="0"] td')
      .nth(1)
      .evaluate((td) => {
        const probe = document.createElement('span');
        probe.textContent = 'FR-20533';
        probe.style.font = getComputedStyle(td).font;
        probe.style.position = 'absolute';
        document.body.append(probe);
        const need = probe.getBoundingClientRect().width;
        probe.remove();
        const cs = getComputedStyle(td);
        const room = td.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        return { need, room };
      });
    expect(mrn.room).toBeGreaterThanOrEqual(mrn.need);
    await page.locator('table.episodes tbody td[title]').first().hover();
    await shot('2-episodes-tooltips');
    await checkA11y(page, 'episodes list');
  });

  it('has no default decision; a refused save puts focus on the first field to fix', async () => {
    await openEpisode('Okafor, James');
    const finding = page.locator('li.finding.fail').first();
    await finding.getByText('Record a decision').click();
    const form = finding.getByRole('form');
    const decision = form.getByLabel('Decision', { exact: true });
    expect(await decision.inputValue()).toBe('');
    // Save with nothing chosen: no decision is recorded; focus on the decision, its error beside.
    await form.getByRole('button', { name: 'Save decision' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await active()).tag).toBe('select');
    expect(await decision.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByTestId('as-error').textContent()).toBe('Choose a decision.');
    expect(await form.getByTestId('reason-error').textContent()).toBe(
      'Give the reason for the decision.',
    );
    const id = await finding.getAttribute('data-finding-id');
    const stored = await api<EpisodeDetail>('getEpisode', { id: episodeOf('Okafor, James').id });
    expect(stored.findings.find((f) => f.id === id)?.decision).toBeFalsy();
    await shot('3-decision-none');
    await checkA11y(page, 'decision form, nothing chosen');

    // A confirmed defect without its action and due date: focus goes to the action.
    await decision.selectOption('confirmed');
    expect(await form.getByTestId('as-error').count()).toBe(0);
    await form.getByLabel('Reason').fill('The note is unsigned');
    await form.getByRole('button', { name: 'Save decision' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await active()).label || (await active()).id).toBeTruthy();
    const action = form.getByLabel('Corrective action');
    await expect.poll(() => action.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await action.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByTestId('due-error').textContent()).toBe(
      'A confirmed defect needs a due date.',
    );
    await finding.scrollIntoViewIfNeeded();
    await shot('3-decision-confirmed-refused');
    await checkA11y(page, 'decision form, confirmed without action');
    await action.fill('Sign a dated attestation for the note');
    await form.getByLabel('Due').fill('2026-12-15');
    // Who decides is asked, not taken from the computer's login.
    expect(await form.getByTestId('by-error').textContent()).toBe(
      'Give your name: it is recorded with the decision.',
    );
    await form.getByLabel('Decided by').fill('R. Auditor');
    await form.getByRole('button', { name: 'Save decision' }).click();
    await expect
      .poll(() => finding.locator('p.decision').textContent())
      .toContain('Sign a dated attestation for the note');
  });

  it('names the corrective action by its rule title, the id secondary', async () => {
    await page.goto(`${harness.url}#/actions`);
    const cell = page.getByTestId('action-rule').first();
    await cell.waitFor();
    const rules = await api<Array<{ id: string; title: string }>>('listRules');
    const id = (await cell.locator('.rule-id').textContent())!;
    const title = rules.find((r) => r.id === id)!.title;
    await expect.poll(() => cell.locator('.rule-title').textContent()).toBe(`${title} `);
    expect(await cell.textContent()).toBe(`${title} ${id}`);
    await shot('7-actions');
    await checkA11y(page, 'corrective actions');
  });

  it('opens a claim with no denial on the records response, its note information', async () => {
    // Nguyen: no claim denied. The episode offers a packet, the screen opens on the records response.
    await openEpisode('Nguyen, Linda');
    await page.getByRole('link', { name: 'Build packet', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Records-request response' }).waitFor();
    const kind = page.getByLabel('Packet type');
    expect(await kind.inputValue()).toBe('adr');
    await expect
      .poll(() => page.getByTestId('exhibit').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await shot('4-nguyen-records');
    await checkA11y(page, 'records response for a paid claim');
    // Asking for an appeal: the note says why there is none, as a status, not an error.
    await kind.focus();
    await kind.selectOption('appeal');
    await page.getByRole('heading', { level: 1, name: 'Appeal packet' }).waitFor();
    const note = page.getByTestId('no-denial');
    await note.waitFor();
    expect(await note.getAttribute('role')).toBe('status');
    expect(await note.textContent()).toMatch(
      /^No denial is on file for claim RB26-\S+-NGU .*no appeal letter to write\. If the payer asked for the records, choose the Records-request response/,
    );
    await page.waitForTimeout(500);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByTestId('exhibit').count()).toBe(0);
    await shot('4-nguyen-appeal-note');
    await checkA11y(page, 'appeal asked for with no denial');

    // Chen's paid Medicare claim opens on the ADR response.
    const chen = await api<EpisodeDetail>('getEpisode', { id: episodeOf('Chen, Robert').id });
    const paid = chen.claims.find((c) => !c.denial)!;
    await page.goto(
      `${harness.url}#/packet/${encodeURIComponent(chen.summary.id)}?${new URLSearchParams({ claim: paid.claimId })}`,
    );
    await page.getByRole('heading', { level: 1, name: 'Medicare ADR response' }).waitFor();
    expect(await page.getByLabel('Packet type').inputValue()).toBe('adr');
  });

  it("names the episode's packet button by what its claims allow", async () => {
    for (const e of episodes) {
      const d = await api<EpisodeDetail>('getEpisode', { id: e.id });
      const want = d.claims.some((c) => c.denial && !c.correction && !c.denialConfirmedBy)
        ? 'Build appeal packet'
        : d.claims.some((c) => c.correction)
          ? 'Corrected claim'
          : 'Build packet';
      await openEpisode(e.patientName);
      const link = page.locator('.title-row a.button');
      expect(await link.textContent(), e.patientName).toBe(want);
    }
    // Chen's only denials were returned as unprocessable (CO-4 with MA130): what to correct.
    await openEpisode('Chen, Robert');
    expect(await page.locator('.title-row a.button').textContent()).toBe('Corrected claim');
    await page.getByRole('link', { name: 'Corrected claim', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Corrected claim' }).waitFor();
  });

  it('heads the evidence viewer with the page shown and scrolls the quote into view', async () => {
    // A failing finding quoting a PDF page with a page after it.
    let found: { episode: string; finding: string; file: string; page: number } | null = null;
    for (const e of episodes) {
      if (found) break;
      const d = await api<EpisodeDetail>('getEpisode', { id: e.id });
      for (const f of d.findings.filter((x) => x.id && x.status === 'fail')) {
        const ev = f.evidence.find((x) => /\.pdf$/i.test(x.file) && x.line == null && x.quote);
        if (!ev) continue;
        const p = await api<{ pageCount: number }>('getEvidence', { file: ev.file, page: ev.page });
        if (p.pageCount > ev.page) {
          found = { episode: e.patientName, finding: f.id!, file: ev.file, page: ev.page };
          break;
        }
      }
    }
    expect(found, 'a failing finding quoting a PDF page').toBeTruthy();
    const { episode, finding, file, page: cited } = found!;
    await openEpisode(episode);
    const base = file.split('/').pop()!;
    await page
      .locator(`li.finding[data-finding-id="${finding}"] .evidence-links button`)
      .filter({ hasText: `${base} p. ${cited}` })
      .first()
      .click();
    const viewer = page.getByTestId('evidence-viewer');
    const heading = viewer.getByRole('heading', { level: 2 });
    await expect.poll(() => heading.textContent()).toContain(`page ${cited}`);
    const hl = viewer.getByTestId('evidence-highlight').first();
    await hl.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(600);
    // The highlight is in the window and in the viewer's scrolled area.
    const box = (await hl.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    const area = (await viewer.locator('.viewer-body').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(area.y - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height + 1);
    await shot('5-evidence-opened');
    await checkA11y(page, 'evidence viewer');
    // Paging: the heading names the page shown; back on the cited page it names that again.
    await viewer.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => heading.textContent()).toContain(`page ${cited + 1}`);
    await expect
      .poll(() => viewer.locator('p.muted', { hasText: /^Page \d+ of/ }).textContent())
      .toContain(`Page ${cited + 1} of`);
    await expect
      .poll(() => viewer.getByTestId('evidence-status').textContent(), { timeout: 30_000 })
      .not.toBe('Rendering page…');
    await shot('5-evidence-next-page');
    await viewer.getByRole('button', { name: 'Back to the cited page' }).click();
    await expect.poll(() => heading.textContent()).toContain(`page ${cited}`);
    await viewer.getByRole('button', { name: 'Close evidence' }).click();
    // Closed before the next test navigates: a route change under an open viewer would take its
    // focused heading with it (the focus watch counts that as a drop the app did not make).
    await expect.poll(() => viewer.count()).toBe(0);
  });

  it('focuses the heading on a reload, and J/K/D/E work from the page body', async () => {
    const okafor = episodeOf('Okafor, James');
    await openEpisode('Okafor, James');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: okafor.patientName }).waitFor();
    await expect.poll(async () => (await active()).tag).toBe('h1');
    expect((await active()).text).toBe(okafor.patientName);
    const items = page.locator('li.finding');
    const ids = await items.evaluateAll((lis) =>
      lis.map((li) => li.getAttribute('data-finding-id')),
    );
    expect(ids.length).toBeGreaterThan(1);
    // From the page body (a click on the page's background): J enters the checklist.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('j');
    expect((await active()).findingId).toBe(ids[0]);
    await page.keyboard.press('j');
    expect((await active()).findingId).toBe(ids[1]);
    await page.keyboard.press('k');
    expect((await active()).findingId).toBe(ids[0]);
    // E opens the focused finding's first evidence.
    await page.keyboard.press('e');
    await page.getByTestId('evidence-viewer').waitFor();
    // Escape gives focus back to the finding as the viewer goes, in the same task: not a frame
    // later, with focus on the page body in between (the focus watch samples, so it can miss it).
    const backOn = await page.evaluate(async () => {
      document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
      );
      for (let i = 0; i < 3; i++) await Promise.resolve();
      const el = document.activeElement;
      return el instanceof HTMLElement ? (el.dataset.findingId ?? el.tagName) : null;
    });
    expect(backOn).toBe(ids[0]);
    await expect.poll(() => page.getByTestId('evidence-viewer').count()).toBe(0);
    // D opens the decision form of the first undecided finding, on its first field.
    const undecided = await items.evaluateAll((lis) =>
      lis.findIndex((li) => li.querySelector('details.decide')),
    );
    expect(undecided).toBeGreaterThanOrEqual(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i <= undecided; i++) await page.keyboard.press('j');
    expect((await active()).findingId).toBe(ids[undecided]);
    await page.keyboard.press('d');
    expect((await active()).tag).toBe('select');
    // Typing in a field is typing: J in the reason moves nowhere.
    await items.nth(undecided).getByLabel('Reason').focus();
    await page.keyboard.type('jk');
    expect((await active()).tag).toBe('textarea');
    expect(await items.nth(undecided).getByLabel('Reason').inputValue()).toBe('jk');
    await items.nth(undecided).getByLabel('Reason').fill('');
    // A dialog open over the screen keeps the keys: J there does not leave it.
    await page.getByRole('button', { name: 'Change profile' }).click();
    const dialog = page.getByTestId('profile-dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('j');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await shot('6-keyboard');
    await checkA11y(page, 'episode after keyboard use');
  });

  it('raised no CSP violations or page errors', () => {
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
