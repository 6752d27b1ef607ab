/**
 * End to end: documents that name no patient. The sample chart plus two loose documents (a home
 * exercise sheet naming nobody, a utilization review letter with a claim number no patient
 * carries) is imported through the path field; the Import screen lists the two, the Episodes
 * screen points to them, and one is assigned by keyboard only, at 1366x768 and 1920x1080, with an
 * axe check of each state. Also two patients of one name (different dates of birth) and an old
 * ledger that gives only the name: its lines wait, listed with the two, and are assigned by
 * keyboard. Screenshots go to test-results/screenshots/ (unassigned-*).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { EpisodeDetail, EpisodeSummary, UnassignedDocument } from '../../shared/api';
import { startHarness, type Harness } from '../../src-main/server/harness';
import {
  apiCall,
  checkA11y,
  launchChromium,
  SAMPLE,
  SHOTS,
  STATIC,
  tabTo,
  openWatchedPage,
} from './kit';

const AS_OF = '2026-12-01';

const HEP = [
  'HOME EXERCISE PROGRAM',
  'Date: 09/10/2026',
  'Heel raises 3 x 10, twice daily',
  'Wall squats 3 x 10',
].join('\n');
const UR_LETTER = [
  'UTILIZATION REVIEW DETERMINATION',
  'Date: 09/05/2026',
  'Claim number: ZZ-0000-9999',
  'Work conditioning: 10 visits certified.',
].join('\n');

const evaluation = (dob: string, mrn: string, dos: string) =>
  [
    'PHYSICAL THERAPY INITIAL EVALUATION',
    `Patient: Marsh, Daniel   DOB: ${dob}   MRN: ${mrn}`,
    `Date of Service: ${dos}`,
    `Electronically signed by Evan Castellano, PT, DPT ${dos}`,
  ].join('\n');
const OLD_LEDGER = [
  'Patient Name,Date of Service,CPT,Units,Charge,Payer',
  '"MARSH, DANIEL",09/03/2026,97161,1,150.00,Medicare',
  '"MARSH, DANIEL",09/10/2026,97110,2,80.00,Medicare',
].join('\n');

let dir: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'chartready-e2e-unassigned-'));
  const chart = join(dir, 'chart');
  cpSync(SAMPLE, chart, { recursive: true });
  mkdirSync(join(chart, 'loose'));
  writeFileSync(join(chart, 'loose', 'home-exercise.txt'), HEP);
  writeFileSync(join(chart, 'loose', 'ur-letter.txt'), UR_LETTER);
  mkdirSync(join(chart, 'marsh'));
  writeFileSync(
    join(chart, 'marsh', 'eval-a.txt'),
    evaluation('04/02/1961', 'MA-100', '09/03/2026'),
  );
  writeFileSync(
    join(chart, 'marsh', 'eval-b.txt'),
    evaluation('10/19/1979', 'MB-200', '09/08/2026'),
  );
  writeFileSync(join(chart, 'marsh', 'old-ledger.csv'), OLD_LEDGER);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('documents without a patient at $width x $height', (viewport) => {
  let harness: Harness;
  let page: Page;
  const errors: string[] = [];
  const focusDrops: string[] = [];
  const tag = `${viewport.width}x${viewport.height}`;

  beforeAll(async () => {
    harness = await startHarness({
      dbPath: join(dir, `${tag}.db`),
      staticDir: STATIC,
      asOf: AS_OF,
    });
    page = await openWatchedPage(browser, { viewport }, { errors, focusDrops });
  });

  afterAll(async () => {
    await page?.context().close();
    await harness?.close();
  });

  it('lists them after the import, with what each says', async () => {
    await page.goto(harness.url);
    await page.getByLabel('Or type paths on this computer').fill(join(dir, 'chart'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    const section = page.getByTestId('unassigned-documents');
    await section.getByRole('heading', { name: 'Documents without a patient (2)' }).waitFor();
    const rows = section.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('loose/home-exercise.txt');
    expect(await rows.nth(0).textContent()).toContain(
      'no patient label, date of birth or claim number found',
    );
    expect(await rows.nth(1).textContent()).toContain('claim ZZ-0000-9999 (no patient carries it)');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `unassigned-1-listed-${tag}.png`) });
    await checkA11y(page, 'import with unassigned documents');
  });

  it('points to them from the Episodes screen', async () => {
    await page.getByRole('link', { name: 'Episodes', exact: true }).first().click();
    const notice = page.getByTestId('unassigned-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('2 documents name no patient');
    expect(await notice.textContent()).toContain(
      'Billing for 1 name that several patients share is in no episode.',
    );
    await page.screenshot({ path: join(SHOTS, `unassigned-2-episodes-notice-${tag}.png`) });
    await checkA11y(page, 'episodes with unassigned notice');
    await notice.getByRole('link', { name: 'Assign them to a patient' }).click();
    await page.getByTestId('unassigned-documents').waitFor();
  });

  it('assigns one by keyboard only; the episode then includes it', async () => {
    const patients = await apiCall<Array<{ key: string; name: string }>>(harness, 'listPatients');
    const alvarez = patients.find((p) => p.name === 'Alvarez, Maria')!;
    const choice = page.getByLabel('Patient for loose/ur-letter.txt p. 1');
    await tabTo(page, 'select[id^="assign-"]');
    // The first row's list has focus; the UR letter is the second row.
    await tabTo(page, `select#${await choice.getAttribute('id')}`);
    // Keyboard selection on a closed list: arrows move through the options.
    const target = patients.findIndex((p) => p.key === alvarez.key) + 1;
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    expect(await choice.inputValue()).toBe(alvarez.key);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Assign loose/ur-letter.txt p. 1',
    );
    await page.keyboard.press('Enter');

    const section = page.getByTestId('unassigned-documents');
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toBe(
        "Assigned loose/ur-letter.txt p. 1 to Alvarez, Maria; it is now part of that patient's episodes. 1 left.",
      );
    await expect.poll(() => section.locator('tbody tr').count()).toBe(1);
    // Focus stays on the work: the remaining row's patient list (set once the table re-renders).
    const remaining = await page
      .getByLabel('Patient for loose/home-exercise.txt p. 1')
      .getAttribute('id');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(remaining);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `unassigned-3-assigned-${tag}.png`) });
    await checkA11y(page, 'after assigning');

    const left = await apiCall<UnassignedDocument[]>(harness, 'listUnassigned');
    expect(left.map((d) => d.file)).toEqual(['loose/home-exercise.txt']);
    const episodes = await apiCall<EpisodeSummary[]>(harness, 'listEpisodes');
    const episode = episodes.find((e) => e.patientName === 'Alvarez, Maria')!;
    const detail = await apiCall<EpisodeDetail>(harness, 'getEpisode', { id: episode.id });
    expect(detail.documents.map((d) => d.file)).toContain('loose/ur-letter.txt');
  });

  it('lists billing that gives only a shared name, and assigns it by keyboard only', async () => {
    const section = page.getByTestId('unassigned-billing');
    await section
      .getByRole('heading', { name: 'Billing for a name several patients share (1)' })
      .waitFor();
    const row = section.locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('MARSH, DANIEL');
    expect(await row.textContent()).toContain('2 ledger lines');
    expect(await row.textContent()).toContain('2026-09-03 to 2026-09-10');
    // Only the two patients of that name are offered.
    const select = section.getByLabel('Patient for MARSH, DANIEL in marsh/old-ledger.csv');
    expect(await select.locator('option').allTextContents()).toEqual([
      'Choose a patient…',
      'Marsh, Daniel · DOB 1961-04-02 · MRN MA-100',
      'Marsh, Daniel · DOB 1979-10-19 · MRN MB-200',
    ]);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `unassigned-4-billing-${tag}.png`) });
    await checkA11y(page, 'import with held billing');

    await tabTo(page, 'select#assign-billing-0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await select.inputValue()).toBe('MB-200');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Assign billing of MARSH, DANIEL in marsh/old-ledger.csv',
    );
    await page.keyboard.press('Enter');
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toBe(
        'Assigned 2 ledger lines of MARSH, DANIEL in marsh/old-ledger.csv to Marsh, Daniel (DOB 1979-10-19). 0 left.',
      );
    // Nothing left: focus goes to the section's heading, not the page body.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('unassigned-billing-h');
    await checkA11y(page, 'after assigning billing');

    const episodes = await apiCall<EpisodeSummary[]>(harness, 'listEpisodes');
    expect(
      episodes
        .filter((e) => e.patientName === 'Marsh, Daniel')
        .map((e) => e.dob)
        .sort(),
    ).toEqual(['1961-04-02', '1979-10-19']);
    const b = episodes.find((e) => e.mrn === 'MB-200')!;
    const detail = await apiCall<EpisodeDetail>(harness, 'getEpisode', { id: b.id });
    expect(detail.timeline.flatMap((d) => d.codes.map((c) => `${d.date} ${c.code}`))).toEqual(
      expect.arrayContaining(['2026-09-03 97161', '2026-09-10 97110']),
    );
  });

  it('raised no CSP violations or page errors', () => {
    expect(errors).toEqual([]);
  });

  it('never let focus fall to the page body', () => {
    expect(focusDrops).toEqual([]);
  });
});
