/**
 * One database per client (issue 15): the recent list (newest first, once each, at most ten, a
 * damaged file read as empty), and the service opening, creating and switching databases in
 * place: what it shows follows the open database, an existing file is not created over, a missing
 * one is not created by opening, an encrypted one needs its passphrase, nothing switches while an
 * import runs; backup and audit-log verification through the API.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRequest } from '../../shared/api-schemas';
import { ChartReadyService } from '../../src-main/core/api/service';
import {
  readRecentStores,
  recentStoresFile,
  RECENT_MAX,
  rememberStore,
} from '../../src-main/core/app/recent-stores';
import { openDatabase } from '../../src-main/core/store/db';
import { encryptDatabase } from '../../src-main/core/store/backup';
import { readAuditLog } from '../../src-main/core/store/audit';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
let dir: string;
const savedEnv = process.env['CHARTREADY_CONFIG_DIR'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-stores-'));
  process.env['CHARTREADY_CONFIG_DIR'] = join(dir, 'config');
});

afterAll(() => {
  if (savedEnv === undefined) delete process.env['CHARTREADY_CONFIG_DIR'];
  else process.env['CHARTREADY_CONFIG_DIR'] = savedEnv;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the recent list', () => {
  it('keeps each database once, newest first, at most ten, in the config folder', () => {
    const file = join(dir, 'list', 'recent.json');
    expect(recentStoresFile({ CHARTREADY_CONFIG_DIR: '/x' })).toBe('/x/recent-databases.json');
    expect(recentStoresFile({ XDG_CONFIG_HOME: '/c' })).toBe('/c/chartready/recent-databases.json');
    expect(readRecentStores(file)).toEqual([]);
    for (let i = 0; i < 12; i++)
      rememberStore(join(dir, `client-${i}.db`), file, new Date(Date.UTC(2026, 0, i + 1)));
    rememberStore(join(dir, 'client-5.db'), file, new Date(Date.UTC(2026, 1, 1)));
    const list = readRecentStores(file);
    expect(list).toHaveLength(RECENT_MAX);
    expect(list[0]).toEqual({
      path: join(dir, 'client-5.db'),
      openedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(list[1]!.path).toBe(join(dir, 'client-11.db'));
    expect(list.filter((r) => r.path.endsWith('client-5.db'))).toHaveLength(1);
    expect(list.map((r) => r.path)).not.toContain(join(dir, 'client-0.db'));
    writeFileSync(file, '{ not json');
    expect(readRecentStores(file)).toEqual([]);
  });
});

describe('switching databases in the service', () => {
  it('opens, creates and switches back, refusing what would lose or invent data', async () => {
    const first = join(dir, 'riverside.db');
    const second = join(dir, 'lakeside.db');
    const service = new ChartReadyService({ dbPath: first, asOf: '2026-11-24' });
    try {
      await service.importPaths({ paths: [SAMPLE] });
      const before = (await service.listEpisodes()).length;
      expect(before).toBeGreaterThan(0);
      expect(validateRequest('openStore', { path: second, create: true }).ok).toBe(true);
      expect(validateRequest('openStore', { path: '', create: true }).ok).toBe(false);

      const created = await service.openStore({ path: second, create: true });
      expect(created).toMatchObject({ dbPath: second, encrypted: false });
      expect(created.recent[0]).toMatchObject({ path: second, exists: true });
      expect(await service.listEpisodes()).toEqual([]);
      expect((await service.info()).dbPath).toBe(second);

      const back = await service.openStore({ path: first, create: false });
      expect(back.recent.map((r) => r.path).slice(0, 2)).toEqual([first, second]);
      expect(await service.listEpisodes()).toHaveLength(before);

      await expect(service.openStore({ path: second, create: true })).rejects.toThrow(
        /already exists: open it instead/,
      );
      await expect(
        service.openStore({ path: join(dir, 'typo.db'), create: false }),
      ).rejects.toThrow(/not found: no database at/);
      expect(existsSync(join(dir, 'typo.db'))).toBe(false);
      // Still on the first after the refusals.
      expect((await service.getDataInfo()).dbPath).toBe(first);

      const audit = await service.checkAuditLog();
      expect(audit).toMatchObject({ ok: true, brokenId: null, reason: null });
      expect(audit.entries).toBeGreaterThan(0);
      const copy = join(dir, 'riverside-backup.db');
      const backup = await service.backupStore({ path: copy });
      expect(backup.path).toBe(copy);
      expect(backup.bytes).toBeGreaterThan(0);
      const check = openDatabase(copy, { mustExist: true });
      try {
        expect(
          (check.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n,
        ).toBeGreaterThan(0);
      } finally {
        check.close();
      }
      await expect(service.backupStore({ path: copy })).rejects.toThrow(/exists/);
      // Not while an import runs: it writes to the database in use.
      const running = service.importPaths({ paths: [SAMPLE] });
      await expect(service.openStore({ path: second, create: false })).rejects.toThrow(
        /an import is already running/,
      );
      await running;
      expect((await service.getDataInfo()).dbPath).toBe(first);
    } finally {
      service.close();
    }
  }, 120_000);

  it('opens an encrypted database only with its passphrase', async () => {
    const plain = join(dir, 'plain.db');
    openDatabase(plain).close();
    const locked = join(dir, 'locked.db');
    encryptDatabase(plain, locked, 'correct horse');
    const service = new ChartReadyService({ dbPath: plain });
    try {
      await expect(service.openStore({ path: locked, create: false })).rejects.toThrow(
        /encrypted one \(give its passphrase\)/,
      );
      await expect(
        service.openStore({ path: locked, create: false, passphrase: 'wrong' }),
      ).rejects.toThrow(/wrong passphrase/);
      const opened = await service.openStore({
        path: locked,
        create: false,
        passphrase: 'correct horse',
      });
      expect(opened).toMatchObject({ dbPath: locked, encrypted: true });
    } finally {
      service.close();
    }
  });
});

describe('an encrypted copy from the service', () => {
  it('writes a copy that opens only with its passphrase, with the same episodes', async () => {
    const source = join(dir, 'to-encrypt.db');
    const copy = join(dir, 'to-encrypt-locked.db');
    const service = new ChartReadyService({ dbPath: source, asOf: '2026-11-24' });
    try {
      await service.importPaths({ paths: [SAMPLE] });
      const episodes = (await service.listEpisodes()).map((e) => e.id);
      expect(episodes.length).toBeGreaterThan(0);
      expect(validateRequest('encryptStore', { path: copy, passphrase: 'short' }).ok).toBe(false);

      const written = await service.encryptStore({ path: copy, passphrase: 'correct horse 42' });
      expect(written.path).toBe(copy);
      expect(written.bytes).toBe(statSync(copy).size);
      // The database in use is the same one, still plain, and records the copy.
      expect(await service.getDataInfo()).toMatchObject({ dbPath: source, encrypted: false });
      const entries = readAuditLog(service.db).filter((e) => e.action === 'backup');
      expect(JSON.stringify(entries.at(-1))).toContain('"operation":"encrypt"');
      expect(JSON.stringify(entries)).not.toContain('correct horse');
      await expect(
        service.encryptStore({ path: copy, passphrase: 'correct horse 42' }),
      ).rejects.toThrow(/already exists/);

      // Encrypted at rest: no patient name in its bytes, and no way in without the passphrase.
      expect(readFileSync(copy).includes(Buffer.from('Okafor'))).toBe(false);
      expect(() => openDatabase(copy, { mustExist: true })).toThrow(/encrypted one/);
      expect(() => openDatabase(copy, { mustExist: true, key: 'wrong passphrase' })).toThrow(
        /wrong passphrase/,
      );
      const opened = await service.openStore({
        path: copy,
        create: false,
        passphrase: 'correct horse 42',
      });
      expect(opened).toMatchObject({ dbPath: copy, encrypted: true });
      expect((await service.listEpisodes()).map((e) => e.id)).toEqual(episodes);
      expect((await service.checkAuditLog()).ok).toBe(true);
    } finally {
      service.close();
    }
  }, 120_000);
});
