/**
 * What every e2e file needs: where things are, the harness's API by HTTP, Debian's Chromium, axe
 * (serious and critical violations fail), a watch for focus falling to the page body, and Tab
 * until a selector has focus.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import axe from 'axe-core';
import type { EpisodeDetail } from '../../shared/api';
import { TOKEN_HEADER, type Harness } from '../../src-main/server/harness';

export const ROOT = resolve(import.meta.dirname, '../..');
export const STATIC = join(ROOT, 'dist/renderer');
export const SAMPLE = join(ROOT, 'assets/sample-chart');
export const SHOTS = join(ROOT, 'test-results/screenshots');

export async function apiCall<T>(h: Harness, method: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${h.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A file's Chromium and scratch folder: opened before its tests (with the screenshot folder),
 * closed and removed after them. Read `dir` and `browser` inside tests and hooks.
 */
export function fileBrowser(prefix: string): { readonly dir: string; readonly browser: Browser } {
  let dir = '';
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), prefix));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts before the tests');
      return browser;
    },
  };
}

/** axe-core on the current screen; fails on serious or critical violations, naming them. */
export async function checkA11y(page: Page, screen: string): Promise<void> {
  // page.evaluate is not subject to the page's CSP (an inline <script> tag would be refused).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: Document,
          opts: object,
        ): Promise<{
          violations: Array<{
            id: string;
            impact: string | null;
            help: string;
            nodes: Array<{ target: unknown }>;
          }>;
        }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `${screen}: ${JSON.stringify(bad, null, 1)}`).toEqual([]);
}

/** Presses Tab until the focused element matches, or fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
      return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * Records every time focus falls to the page body because the focused element left the page (a
 * dialog closed, an exhibit excluded, a screen replaced) and nothing took it: keyboard users are
 * then sent back to the top. Each drop is pushed to `drops` as a sentence naming the element and
 * the screen. Checked every 50 ms, so focus the app moves on its own within a frame is no drop.
 */
export async function watchFocus(context: BrowserContext, drops: string[]): Promise<void> {
  await context.exposeBinding('__chartreadyFocusDrop', (_source, said: string) => {
    drops.push(said);
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __chartreadyFocusDrop(said: string): void };
    const name = (el: Element): string => {
      const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}> "${label}"`;
    };
    let last: { el: Element; name: string } | null = null;
    setInterval(() => {
      const active = document.activeElement;
      if (active && active !== document.body) {
        if (last?.el !== active) last = { el: active, name: name(active) };
        return;
      }
      if (last && !last.el.isConnected)
        w.__chartreadyFocusDrop(
          `focus fell to the page body when ${last.name} left the page (${location.hash || '/'})`,
        );
      last = null;
    }, 50);
  });
}

/**
 * A page in a fresh context, watched: page errors and CSP refusals go to `errors`, focus falling
 * to the page body to `focusDrops` (each file's last tests expect both empty).
 */
export async function openWatchedPage(
  browser: Browser,
  options: BrowserContextOptions,
  watch: { errors: string[]; focusDrops: string[] },
): Promise<Page> {
  const context = await browser.newContext(options);
  await watchFocus(context, watch.focusDrops);
  const page = await context.newPage();
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) watch.errors.push(m.text());
  });
  return page;
}

/** A finding's citation of a page in a PDF, with the file's page count. */
export interface PdfCitation {
  id: string;
  file: string;
  page: number;
  count: number;
}

/**
 * The first fail, warn or pass finding (not n/a) that cites a page of a PDF with at least
 * `pagesAfter` pages after it, asked of the harness episode by episode; undefined when none does.
 */
export async function findPdfCitation(
  h: Harness,
  episodes: ReadonlyArray<{ id: string }>,
  pagesAfter: number,
): Promise<PdfCitation | undefined> {
  for (const ep of episodes) {
    const d = await apiCall<EpisodeDetail>(h, 'getEpisode', { id: ep.id });
    for (const e of d.findings.filter((f) => f.status !== 'n/a').flatMap((f) => f.evidence)) {
      if (!/\.pdf$/i.test(e.file) || e.line != null) continue;
      const ev = await apiCall<{ pageCount: number }>(h, 'getEvidence', {
        file: e.file,
        page: e.page,
      });
      if (ev.pageCount >= e.page + pagesAfter)
        return { id: ep.id, file: e.file, page: e.page, count: ev.pageCount };
    }
  }
  return undefined;
}
