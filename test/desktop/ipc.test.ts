import { describe, expect, it } from 'vitest';
import { API_METHODS, type ChartReadyApi } from '../../shared/api';
import { REQUEST_SCHEMAS, validateRequest } from '../../shared/api-schemas';
import { handleApiCall, registerIpcHandlers } from '../../src-main/electron/ipc';
import { apiChannel, SHELL_CHANNELS } from '../../src-main/electron/channels';
import type { IpcMainInvokeEventLike } from '../../src-main/electron/electron-types';

const APP = { senderFrame: { url: 'app://chartready/index.html#/episodes' } };
const FOREIGN = { senderFrame: { url: 'https://example.com/' } };

function fakeService(): ChartReadyApi & { calls: string[] } {
  const calls: string[] = [];
  const svc: Record<string, unknown> = { calls };
  for (const m of API_METHODS) {
    svc[m] = async (req: unknown) => {
      calls.push(m);
      return { method: m, req };
    };
  }
  return svc as unknown as ChartReadyApi & { calls: string[] };
}

describe('IPC handlers', () => {
  it('registers one handler per API method plus the shell channels', () => {
    const channels: string[] = [];
    registerIpcHandlers(
      { handle: (c) => void channels.push(c), removeHandler: () => undefined },
      fakeService(),
      {
        pickImportPaths: async () => [],
        savePacket: async () => null,
        saveReport: async () => null,
      },
    );
    expect(channels.sort()).toEqual(
      [
        ...API_METHODS.map(apiChannel),
        SHELL_CHANNELS.pickImportPaths,
        SHELL_CHANNELS.savePacket,
        SHELL_CHANNELS.saveReport,
      ].sort(),
    );
  });

  it('accepts a valid request from the app window', async () => {
    const svc = fakeService();
    await expect(handleApiCall(svc, 'getEpisode', APP, { id: 'ep-1' })).resolves.toEqual({
      method: 'getEpisode',
      req: { id: 'ep-1' },
    });
  });

  it.each([FOREIGN, { senderFrame: null }, { senderFrame: { url: 'file:///app/index.html' } }])(
    'refuses a foreign sender %#',
    async (event) => {
      const svc = fakeService();
      await expect(
        handleApiCall(svc, 'listEpisodes', event as IpcMainInvokeEventLike, undefined),
      ).rejects.toThrow(/sender/);
      expect(svc.calls).toEqual([]);
    },
  );

  it.each([
    ['importPaths', { paths: [] }, /paths/],
    ['importPaths', { paths: [42] }, /paths\.0/],
    ['importPaths', { paths: ['a'], extra: 1 }, /extra/],
    ['importUploads', { files: [{ name: 'a.pdf', dataBase64: 'not base64!' }] }, /dataBase64/],
    ['getEpisode', { id: '' }, /id/],
    ['getEvidence', { file: 'a.pdf', page: 0 }, /page/],
    ['planPacket', { episodeId: 'e', exclude: ['x'] }, /exclude\.0/],
    ['buildPacket', { episodeId: 'e', savePath: '/tmp/x.pdf' }, /savePath/],
    ['saveSettings', { clinicName: 'x' }, /addressLines/],
  ] as const)('refuses invalid %s payload', async (method, payload, field) => {
    const svc = fakeService();
    await expect(handleApiCall(svc, method, APP, payload)).rejects.toThrow(field);
    expect(svc.calls).toEqual([]);
  });
});

describe('request schemas', () => {
  it('cover every API method', () => {
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([...API_METHODS].sort());
  });

  it('cap the total upload size', () => {
    const big = 'A'.repeat(4 * 1024 * 1024); // 3 MiB decoded
    const files = Array.from({ length: 70 }, (_, i) => ({ name: `f${i}.pdf`, dataBase64: big }));
    const r = validateRequest('importUploads', { files });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/exceeds/);
  });
});
