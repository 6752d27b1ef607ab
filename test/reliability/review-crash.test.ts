/**
 * Crash safety of the stored review (issue 16): `chartready review` is killed with SIGKILL at
 * several points while it reviews a store again (another profile for every episode: every patient
 * is rebuilt and every stored row rewritten). After each kill the database passes integrity_check
 * and its stored review is either the one before or the one a finished run stores, never a mix;
 * a run after the kill finishes with the new results.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/store/db';
import { generateEpisodes } from '../../scripts/bench/episodes';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/node/cli.mjs');
const AS_OF = '2026-11-24';

const dir = mkdtempSync(join(tmpdir(), 'cr-review-crash-'));
const pristine = join(dir, 'pristine.db');
let before = '';
let after = '';
let fullMs = 0;

/** The stored review's content: every stored row and the state it answers (not when it ran). */
function storedState(path: string): string {
  const db = openDatabase(path, { mustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    expect(check).toBe('ok');
    const h = createHash('sha256');
    for (const sql of [
      'SELECT episode_id, patient_key, ord, summary, reviewed FROM episode_reviews ORDER BY episode_id',
      'SELECT patient_key, fingerprint, as_of_sensitive, claims, payers FROM patient_reviews ORDER BY patient_key',
      'SELECT generation, settings_key, as_of FROM stored_review',
    ])
      for (const row of db.prepare(sql).raw().all()) h.update(JSON.stringify(row));
    return h.digest('hex');
  } finally {
    db.close();
  }
}

/**
 * `chartready review` on DB with another profile; killed after `killMs` when given. `workers`
 * sets CHARTREADY_REVIEW_WORKERS (the stored review's rebuild in worker threads, or not).
 */
function review(
  db: string,
  killMs?: number,
  workers = '0',
): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(
      process.execPath,
      [
        CLI,
        'review',
        '--db',
        db,
        '--as-of',
        AS_OF,
        '--payer-profile',
        'commercial',
        '--format',
        'json',
        '--out',
        `${db}.json`,
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, CHARTREADY_REVIEW_WORKERS: workers },
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = killMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0)
        reject(new Error(`review failed (${code}): ${stderr}`));
      else resolve({ killed: signal === 'SIGKILL', ms: performance.now() - t });
    });
  });
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build-node.mjs'], { cwd: ROOT });
  expect(build.status, String(build.stderr)).toBe(0);
  const db = openDatabase(pristine);
  generateEpisodes(db, 600, 10);
  db.close();
  // The first review stores results under each payer's own profile.
  const first = spawnSync(
    process.execPath,
    [
      CLI,
      'review',
      '--db',
      pristine,
      '--as-of',
      AS_OF,
      '--format',
      'json',
      '--out',
      join(dir, 'first.json'),
    ],
    { cwd: ROOT },
  );
  expect(first.status, String(first.stderr)).toBe(0);
  before = storedState(pristine);
  const done = join(dir, 'done.db');
  copyFileSync(pristine, done);
  fullMs = (await review(done)).ms;
  after = storedState(done);
  expect(after).not.toBe(before);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash safety (SIGKILL during a re-review)', () => {
  it.each([
    ['in the process', '0'],
    ['in two worker threads', '2'],
  ])(
    'leaves the stored review old or new, never a mix, and a later run finishes it (%s)',
    async (_how, workers) => {
      // The full run in this mode: the same stored review as in the process.
      const full = join(dir, `full-${workers}.db`);
      copyFileSync(pristine, full);
      const runMs = (await review(full, undefined, workers)).ms;
      expect(storedState(full)).toBe(after);
      const outcomes: string[] = [];
      let killed = 0;
      for (const share of [0.2, 0.6, 0.85, 0.97]) {
        const db = join(dir, `kill-${workers}-${share}.db`);
        copyFileSync(pristine, db);
        const run = await review(db, Math.round(runMs * share), workers);
        if (run.killed) killed++;
        const state = storedState(db);
        expect([before, after], `killed at ${share} of a full run`).toContain(state);
        outcomes.push(state === before ? 'old' : 'new');
        if (state === before) {
          await review(db, undefined, workers);
          expect(storedState(db)).toBe(after);
        }
      }
      console.log(
        `review crash (${workers} workers): full run ${Math.round(runMs)} ms (in the process ${Math.round(fullMs)} ms); outcomes ${outcomes.join(', ')}`,
      );
      expect(killed).toBeGreaterThan(0);
      // Kills early in the run leave the old results.
      expect(outcomes[0]).toBe('old');
    },
    300_000,
  );
});
