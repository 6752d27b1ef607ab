/**
 * The episode list's review counts (issue 16) on the sample chart: open and decided fail and warn
 * findings per episode, following each decision without a review.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartReadyService } from '../../src-main/core/api/service';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
let dir: string;
let service: ChartReadyService;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-review-counts-'));
  service = new ChartReadyService({ dbPath: join(dir, 'store.db'), asOf: '2026-11-24' });
  await service.importPaths({ paths: [SAMPLE] });
}, 120_000);

afterAll(() => {
  service?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the episode list's review counts", () => {
  it('counts open and decided findings per episode, following each decision', async () => {
    const row = async (id: string) =>
      (await service.listEpisodes()).find((e) => e.id === id)!.review!;
    const episode = (await service.listEpisodes()).find((e) => e.errors + e.warnings >= 2)!;
    const before = await row(episode.id);
    expect(before.decided).toBe(0);
    expect(before.open).toBe(episode.errors + episode.warnings);
    const detail = await service.getEpisode({ id: episode.id });
    const finding = detail.findings.find(
      (f) => f.id && (f.status === 'fail' || f.status === 'warn'),
    )!;
    await service.decideFinding({
      episodeId: episode.id,
      findingId: finding.id!,
      as: 'not-a-defect',
      reason: 'Documented in the physician order',
    });
    expect(await row(episode.id)).toMatchObject({ open: before.open - 1, decided: 1 });
  });
});
