import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ChartReadyApi } from '../../shared/api';
import { startHarness, TOKEN_HEADER, type Harness } from '../../src-main/server/harness';

let dir: string;
let h: Harness;
const calls: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-harness-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<html><head><meta name="chartready-token" content="" /></head><body></body></html>',
  );
  const svc: Record<string, unknown> = {};
  for (const m of API_METHODS)
    svc[m] = async (req: unknown) => {
      calls.push(m);
      if (m === 'getEpisode') throw new Error('no episode with id nope');
      return { ok: m, req: req ?? null };
    };
  h = await startHarness({
    dbPath: ':memory:',
    staticDir: dir,
    service: svc as unknown as ChartReadyApi,
  });
});

afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (method: string, body: unknown, token: string | null = h.token) =>
  fetch(`${h.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
    body: JSON.stringify(body),
  });

describe('loopback harness', () => {
  it('binds to 127.0.0.1 with a random port', () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(h.token.length).toBeGreaterThanOrEqual(40);
  });

  it('rejects a missing or wrong token with 401', async () => {
    const before = calls.length;
    expect((await post('listEpisodes', {}, null)).status).toBe(401);
    expect((await post('listEpisodes', {}, 'x'.repeat(h.token.length))).status).toBe(401);
    expect((await post('listEpisodes', {}, h.token.slice(1))).status).toBe(401);
    const sse = await fetch(`${h.url}api/events?token=wrong`);
    expect(sse.status).toBe(401);
    expect(calls.length).toBe(before);
  });

  it('serves a valid request', async () => {
    const res = await post('getEpisode', { id: 'ep' }).then((r) => r.status);
    expect(res).toBe(500); // a plain Error from the service: a failure, not a refusal
    const ok = await post('importPaths', { paths: ['/tmp/a'] });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: 'importPaths', req: { paths: ['/tmp/a'] } });
  });

  it('answers errors as JSON without a stack', async () => {
    const r = await post('getEpisode', { id: 'nope' });
    const body = (await r.json()) as Record<string, unknown>;
    expect(body).toEqual({ error: 'no episode with id nope' });
  });

  it('validates bodies: 400 naming the field', async () => {
    const r = await post('getEvidence', { file: 'a.pdf', page: -1 });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: string; field: string };
    expect(body.field).toBe('page');
    expect(body.error).toMatch(/^page:/);
    const r2 = await post('buildPacket', { episodeId: 'e', savePath: '/etc/x' });
    expect(r2.status).toBe(400);
    expect(((await r2.json()) as { field: string }).field).toBe('savePath');
    expect((await post('nosuchmethod', {})).status).toBe(404);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((ok, fail) => {
      const u = new URL(h.url);
      const req = request(
        { host: '127.0.0.1', port: u.port, path: '/', headers: { host: 'evil.example:80' } },
        (res) => ok(res.statusCode ?? 0),
      );
      req.on('error', fail);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('serves the page with a strict CSP and the token injected', async () => {
    const r = await fetch(h.url);
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await r.text()).toContain(`content="${h.token}"`);
    expect((await fetch(`${h.url}..%2f..%2fetc%2fpasswd`)).status).not.toBe(500);
  });
});
