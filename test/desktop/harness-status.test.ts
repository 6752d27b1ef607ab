/**
 * What the harness answers when the core says no (issue 15): a missing thing is 404, a request the
 * user can change is refused with 422 (409 when it clashes with a file that exists), and only a
 * failure of the app itself is 500. Through the real service on an empty database, and through a
 * stand-in service for refusals that need a chart (an appeal with no denial, a CO-4 claim).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ChartReadyApi } from '../../shared/api';
import { EMPTY_SETTINGS } from '../../shared/settings';
import { httpStatusOf, NotFoundError, RefusedError } from '../../shared/errors';
import { startHarness, TOKEN_HEADER, type Harness } from '../../src-main/server/harness';
import { PacketRequestError } from '../../src-main/core/api/packets';
import { DecisionError } from '../../src-main/core/api/decisions';
import { DatabaseKeyError } from '../../src-main/core/store/db';

let dir: string;
let real: Harness;
let standIn: Harness;
const savedEnv = process.env['CHARTREADY_CONFIG_DIR'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-status-'));
  // The recent-databases list is written by openStore: keep it out of the user's folder.
  process.env['CHARTREADY_CONFIG_DIR'] = join(dir, 'config');
  real = await startHarness({ dbPath: join(dir, 'real.db'), asOf: '2026-12-01' });
  const svc: Record<string, unknown> = {};
  for (const m of API_METHODS)
    svc[m] = async () => {
      if (m === 'planPacket')
        throw new PacketRequestError(
          'No denial is on file for claim C1 (no 835 denial and no denial code entered)',
        );
      if (m === 'buildPacket')
        throw new PacketRequestError('Claim C2 was returned as unprocessable (CO-4 with MA130)');
      throw new Error('disk on fire');
    };
  standIn = await startHarness({ dbPath: ':memory:', service: svc as unknown as ChartReadyApi });
});

afterAll(async () => {
  await real?.close();
  await standIn?.close();
  if (savedEnv === undefined) delete process.env['CHARTREADY_CONFIG_DIR'];
  else process.env['CHARTREADY_CONFIG_DIR'] = savedEnv;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function post(h: Harness, method: string, body: unknown) {
  const res = await fetch(`${h.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { error?: string; field?: string; code?: string },
  };
}

describe('harness status codes for what the core refuses', () => {
  it('maps each kind of error to its status', () => {
    expect(httpStatusOf(new NotFoundError('no episode x'))).toBe(404);
    expect(httpStatusOf(new PacketRequestError('no denial'))).toBe(422);
    expect(httpStatusOf(new DecisionError('a decision needs a reason'))).toBe(422);
    expect(httpStatusOf(new DatabaseKeyError('wrong passphrase'))).toBe(422);
    expect(httpStatusOf(new RefusedError('x already exists', 'conflict'))).toBe(409);
    expect(httpStatusOf(new Error('disk on fire'))).toBe(500);
    expect(httpStatusOf('not even an error')).toBe(500);
  });

  it('refuses a backup over an existing file with 409, saying so', async () => {
    const taken = join(dir, 'taken.db');
    writeFileSync(taken, 'x');
    const r = await post(real, 'backupStore', { path: taken });
    expect(r.status).toBe(409);
    expect(r.body.error).toContain('already exists');
    expect(r.body.code).toBe('exists');
    const copy = await post(real, 'encryptStore', {
      path: taken,
      passphrase: 'long enough phrase',
    });
    expect(copy).toMatchObject({ status: 409, body: { code: 'exists' } });
  });

  it('sends each store refusal with its code, for the screen to explain', async () => {
    const noFolder = await post(real, 'backupStore', { path: join(dir, 'no', 'such', 'b.db') });
    expect(noFolder).toMatchObject({ status: 422, body: { code: 'no-folder' } });
    // A name without its folder would land wherever the app runs: refused, nothing written.
    rmSync(resolve('relative-copy.db'), { force: true });
    const relative = await post(real, 'backupStore', { path: 'relative-copy.db' });
    expect(relative).toMatchObject({ status: 422, body: { code: 'relative-path' } });
    expect(existsSync(resolve('relative-copy.db'))).toBe(false);
    const relOpen = await post(real, 'openStore', { path: 'clinic.db', create: true });
    expect(relOpen).toMatchObject({ status: 422, body: { code: 'relative-path' } });
    const notDb = join(dir, 'not-a-db.db');
    writeFileSync(notDb, 'this is not a database file at all, just words'.repeat(200));
    const plain = await post(real, 'openStore', { path: notDb, create: false });
    expect(plain).toMatchObject({ status: 422, body: { code: 'needs-passphrase' } });
    const keyed = await post(real, 'openStore', {
      path: notDb,
      create: false,
      passphrase: 'some passphrase',
    });
    expect(keyed).toMatchObject({ status: 422, body: { code: 'wrong-passphrase' } });
    // A refusal without a code, and a failure, send none.
    expect((await post(standIn, 'planPacket', { episodeId: 'e', claimId: 'C1' })).body.code).toBe(
      undefined,
    );
  });

  it('refuses creating a database over an existing file with 409, and 404 for opening none', async () => {
    const taken = join(dir, 'taken2.db');
    writeFileSync(taken, 'x');
    const created = await post(real, 'openStore', { path: taken, create: true });
    expect(created).toMatchObject({ status: 409, body: { code: 'exists' } });
    const missing = await post(real, 'openStore', { path: join(dir, 'nope.db'), create: false });
    expect(missing).toMatchObject({ status: 404, body: { code: 'not-found' } });
  });

  it('refuses an appeal with no denial, and one for an unprocessable claim, with 422', async () => {
    const plan = await post(standIn, 'planPacket', { episodeId: 'e', claimId: 'C1' });
    expect(plan.status).toBe(422);
    expect(plan.body.error).toContain('No denial is on file');
    const build = await post(standIn, 'buildPacket', { episodeId: 'e', claimId: 'C2' });
    expect(build.status).toBe(422);
  });

  it('keeps 500 for a failure of the app itself', async () => {
    expect((await post(standIn, 'listEpisodes', {})).status).toBe(500);
  });

  it('refuses settings the Settings screen refuses, naming the field (400)', async () => {
    for (const [field, value] of [
      ['contactEmail', 'not-an-email'],
      ['phone', 'abc'],
      ['fax', '555-12'],
      ['taxId', '12'],
    ] as const) {
      const r = await post(real, 'saveSettings', { ...EMPTY_SETTINGS, [field]: value });
      expect(r.status, field).toBe(400);
      expect(r.body.field).toBe(field);
    }
    const ok = await post(real, 'saveSettings', {
      ...EMPTY_SETTINGS,
      contactEmail: 'billing@riverbend.example',
      phone: '(217) 555-0142',
      fax: '217.555.0143 ext 4',
      taxId: '36-5550142',
    });
    expect(ok.status).toBe(200);
  });
});
