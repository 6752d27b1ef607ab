/**
 * `chartready profile` (issue 15) on the sample chart: sets an episode's profile with a reason,
 * the next `review --format json` reviews it with that profile and says who set it and why;
 * `--clear` goes back; an unknown profile or episode is refused naming the valid ones, a missing
 * reason or database path as other store commands refuse them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewReport } from '../../shared/review';
import { runCli } from '../cli-run';

const SAMPLE = join(import.meta.dirname, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

let dir: string;
let db: string;

async function review(): Promise<ReviewReport> {
  const out = join(dir, 'review.json');
  const r = await runCli([
    'review',
    '--db',
    db,
    '--format',
    'json',
    '--as-of',
    AS_OF,
    '--out',
    out,
  ]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as ReviewReport;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-cli-profile-'));
  db = join(dir, 'store.db');
  const r = await runCli(['import', SAMPLE, '--db', db]);
  expect(r.code, r.err).toBe(0);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chartready profile', () => {
  it('sets an episode profile with a reason, the review follows it, --clear goes back', async () => {
    const before = await review();
    const ep = before.episodes.find((e) => e.profile === 'medicare')!;
    expect(ep.profileSource).toEqual({ from: 'payer', payer: ep.payer.name, payerList: null });

    const set = await runCli([
      'profile',
      '--db',
      db,
      '--episode',
      ep.id,
      '--as',
      'texas-wc',
      '--reason',
      'claim is with a Texas WC carrier',
      '--by',
      'J. Ruiz',
      '--as-of',
      AS_OF,
    ]);
    expect(set.code, set.err).toBe(0);
    expect(set.out).toMatch(
      new RegExp(`^recorded: episode ${ep.id} reviewed as texas-wc, set by J\\. Ruiz at 20`),
    );

    const after = (await review()).episodes.find((e) => e.id === ep.id)!;
    expect(after.profile).toBe('texas-wc');
    expect(after.profileSource).toMatchObject({
      from: 'episode',
      by: 'J. Ruiz',
      reason: 'claim is with a Texas WC carrier',
    });

    const cleared = await runCli([
      'profile',
      '--db',
      db,
      '--episode',
      ep.id,
      '--clear',
      '--as-of',
      AS_OF,
    ]);
    expect(cleared.code, cleared.err).toBe(0);
    expect(cleared.out).toContain('back to the profile its payer chooses');
    const back = (await review()).episodes.find((e) => e.id === ep.id)!;
    expect(back.profile).toBe('medicare');
    // The same findings, with the same ids (the "new" mark says only when a finding first appeared).
    const marksOff = (e: typeof ep) => e.findings.map(({ new: _n, ...f }) => f);
    expect(marksOff(back)).toEqual(marksOff(ep));
  }, 120_000);

  it('refuses an unknown profile or episode naming the valid ones, and a missing reason or db', async () => {
    const ep = (await review()).episodes[0]!;
    const base = ['profile', '--db', db, '--as-of', AS_OF];
    const badProfile = await runCli([
      ...base,
      '--episode',
      ep.id,
      '--as',
      'ohio-wc',
      '--reason',
      'x',
    ]);
    expect(badProfile.code).toBe(1);
    expect(badProfile.err).toBe(
      'chartready profile: unknown profile ohio-wc: choose one of medicare, workers-comp, texas-wc, california-wc, commercial',
    );
    const badEpisode = await runCli([
      ...base,
      '--episode',
      'ep-nope',
      '--as',
      'texas-wc',
      '--reason',
      'x',
    ]);
    expect(badEpisode.code).toBe(1);
    expect(badEpisode.err).toContain(
      'no episode with id ep-nope in the current review (episodes: ',
    );
    expect(badEpisode.err).toContain(ep.id);
    const noReason = await runCli([...base, '--episode', ep.id, '--as', 'texas-wc']);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('--reason TEXT');
    const missing = join(dir, 'typo.db');
    const noDb = await runCli([
      'profile',
      '--db',
      missing,
      '--episode',
      ep.id,
      '--as',
      'texas-wc',
      '--reason',
      'x',
    ]);
    expect(noDb.code).not.toBe(0);
    expect(noDb.err).toContain(`no ChartReady database at ${missing}`);
    const both = await runCli([...base, '--episode', ep.id, '--as', 'texas-wc', '--clear']);
    expect(both.code).toBe(2);
    const help = await runCli(['profile', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain(
      'chartready profile --db FILE --episode ID --as PROFILE --reason TEXT',
    );
  }, 120_000);
});
