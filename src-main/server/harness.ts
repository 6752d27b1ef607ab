/**
 * Loopback HTTP harness: serves the built renderer and the ChartReadyApi to a browser on this
 * machine only. Used by the Playwright e2e suite and for running the UI without Electron.
 *
 * Security: bound to 127.0.0.1, a random per-run token on every API call (constant-time compare),
 * Host header pinned to the loopback origin (no DNS rebinding), zod validation of every body,
 * errors as `{ error }` without stacks, strict CSP on the page. Never logs request bodies.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ApiMethod, ChartReadyApi, ImportProgressEvent } from '../../shared/api';
import { isApiMethod, validateRequest } from '../../shared/api-schemas';
import { ChartReadyService } from '../core/api/service';
import { RENDERER_CSP } from '../../shared/csp';
import { httpStatusOf, refusalCodeOf } from '../../shared/errors';

export const TOKEN_HEADER = 'x-chartready-token';
/** Largest JSON body accepted (uploads are capped at 200 MB decoded by the schema). */
export const MAX_BODY_BYTES = 300 * 1024 * 1024;

/** CSP for the harness page: the renderer's policy, the same as in Electron. */
export const HARNESS_CSP = RENDERER_CSP;

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

export interface HarnessOptions {
  dbPath: string;
  /** 0 or undefined: a random free port. */
  port?: number;
  /** Built renderer (dist/renderer). Without it only the API is served. */
  staticDir?: string;
  /** Review date, pinned by tests. */
  asOf?: string;
  /** Replace the core service (tests of the harness itself). */
  service?: ChartReadyApi & { close?: () => void };
}

export interface Harness {
  url: string;
  token: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Constant-time token check (hash first so lengths never leak through timing). */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  return timingSafeEqual(digest(expected), digest(given));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(data.length),
  });
  res.end(data);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body too large');
    chunks.push(b);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const token = randomBytes(32).toString('base64url');
  const listeners = new Set<ServerResponse>();
  const broadcast = (e: ImportProgressEvent): void => {
    const line = `event: progress\ndata: ${JSON.stringify(e)}\n\n`;
    for (const res of listeners) res.write(line);
  };
  const service: ChartReadyApi & { close?: () => void } =
    opts.service ??
    new ChartReadyService({ dbPath: opts.dbPath, asOf: opts.asOf, onImportProgress: broadcast });
  const staticRoot = opts.staticDir ? resolve(opts.staticDir) : null;
  let allowedHosts = new Set<string>();

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: ApiMethod) {
    if (req.method !== 'POST') throw new HttpError(405, 'use POST');
    if (!tokenMatches(token, req.headers[TOKEN_HEADER] as string | undefined)) {
      throw new HttpError(401, 'missing or wrong token');
    }
    const ct = req.headers['content-type'] ?? '';
    if (!ct.startsWith('application/json')) {
      throw new HttpError(415, 'content-type must be application/json');
    }
    const body = await readBody(req);
    const v = validateRequest(method, body);
    if (!v.ok) {
      send(res, 400, { error: v.message, field: v.field });
      return;
    }
    if (method === 'buildPacket' && (v.value as { savePath?: string | null }).savePath) {
      send(res, 400, {
        error: 'savePath: not accepted over HTTP; download the returned PDF instead',
        field: 'savePath',
      });
      return;
    }
    const fn = service[method] as (arg: unknown) => Promise<unknown>;
    const result = await fn.call(service, v.value);
    send(res, 200, result ?? null);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!tokenMatches(token, url.searchParams.get('token'))) {
      throw new HttpError(401, 'missing or wrong token');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!staticRoot) throw new HttpError(404, 'not found');
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'use GET');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      throw new HttpError(400, 'bad path');
    }
    if (rel.includes('\0')) throw new HttpError(400, 'bad path');
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = normalize(join(staticRoot, rel));
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) {
      throw new HttpError(404, 'not found');
    }
    const info = await stat(file).catch(() => null);
    const target = info?.isFile() ? file : join(staticRoot, 'index.html');
    const isIndex = target.endsWith(`${sep}index.html`);
    let data = await readFile(target).catch(() => null);
    if (!data) throw new HttpError(404, 'not found');
    if (isIndex) {
      const html = data
        .toString('utf8')
        .replace(
          /<meta name="chartready-token" content="[^"]*"\s*\/?>/,
          `<meta name="chartready-token" content="${token}" />`,
        );
      data = Buffer.from(html, 'utf8');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': MIME[extname(target)] ?? 'application/octet-stream',
      'content-length': String(data.length),
      ...(isIndex ? { 'content-security-policy': HARNESS_CSP } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (!allowedHosts.has(req.headers.host ?? '')) {
          throw new HttpError(421, 'unexpected Host header');
        }
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname === '/api/events') return handleEvents(req, res, url);
        if (url.pathname.startsWith('/api/')) {
          const name = url.pathname.slice('/api/'.length);
          if (!isApiMethod(name)) throw new HttpError(404, 'unknown API method');
          return await handleApi(req, res, name);
        }
        return await handleStatic(req, res, url);
      } catch (err) {
        if (res.headersSent) {
          res.end();
          return;
        }
        if (err instanceof HttpError) send(res, err.status, { error: err.message });
        // Not found and refusals (the user can change the request) are 4xx; the rest is ours.
        else
          send(res, httpStatusOf(err), {
            error: err instanceof Error ? err.message : 'internal error',
            // A refusal's stable name, for the screen to explain it (shared/errors.ts).
            ...(refusalCodeOf(err) ? { code: refusalCodeOf(err) } : {}),
          });
      }
    })();
  });
  server.requestTimeout = 0;

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: async () => {
      for (const res of listeners) res.end();
      listeners.clear();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      service.close?.();
    },
  };
}
