/**
 * The renderer's only way out: a ChartReadyApi from the Electron preload (`window.chartready`) or,
 * in a browser, an HTTP client for the loopback harness using the token injected into the page.
 */
import {
  API_METHODS,
  type ChartReadyApi,
  type EpisodeSummary,
  type ImportProgressEvent,
  type ShellBridge,
} from '../shared/api';
import { isRefusalCode, type RefusalCode } from '../shared/errors';
import { makeFixtureEpisodes } from './lib/fixtures';

export const TOKEN_HEADER = 'x-chartready-token';

export interface Backend {
  mode: 'desktop' | 'browser';
  api: ChartReadyApi;
  /** Electron-only helpers (dialogs, paths of dropped files); null in a browser. */
  shell: ShellBridge | null;
  onImportProgress(listener: (e: ImportProgressEvent) => void): () => void;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
    /** A refusal's stable name (shared/errors.ts REFUSAL_CODES), when the core gave one. */
    readonly code: RefusalCode | null = null,
  ) {
    super(message);
  }
}

export function readToken(doc: Document = document): string {
  return doc.querySelector('meta[name="chartready-token"]')?.getAttribute('content') ?? '';
}

export function httpApi(token: string, base = '/api/'): ChartReadyApi {
  const api: Record<string, (req?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    api[method] = async (req?: unknown) => {
      const res = await fetch(base + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(req ?? {}),
      });
      const body = (await res.json().catch(() => null)) as
        { error?: string; field?: string; code?: string } | null | unknown;
      if (!res.ok) {
        const e = (body ?? {}) as { error?: string; field?: string; code?: string };
        throw new ApiError(
          e.error ?? `request failed (${res.status})`,
          res.status,
          e.field,
          isRefusalCode(e.code) ? e.code : null,
        );
      }
      return body;
    };
  }
  return api as unknown as ChartReadyApi;
}

function sseProgress(token: string) {
  return (listener: (e: ImportProgressEvent) => void) => {
    const es = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    const onMessage = (m: MessageEvent<string>) => {
      try {
        listener(JSON.parse(m.data) as ImportProgressEvent);
      } catch {
        /* ignore malformed events */
      }
    };
    es.addEventListener('progress', onMessage);
    return () => {
      es.removeEventListener('progress', onMessage);
      es.close();
    };
  };
}

/** Wrap an API so listEpisodes returns N synthetic rows (`?fixture=10000`): for scale testing. */
export function withEpisodeFixture(api: ChartReadyApi, rows: number): ChartReadyApi {
  const fixture: EpisodeSummary[] = makeFixtureEpisodes(rows);
  return { ...bindAll(api), listEpisodes: async () => fixture };
}

function bindAll(api: ChartReadyApi): ChartReadyApi {
  const out: Record<string, unknown> = {};
  for (const m of API_METHODS) out[m] = (api[m] as (...a: unknown[]) => unknown).bind(api);
  return out as unknown as ChartReadyApi;
}

export function connectBackend(win: Window = window): Backend {
  const fixtureRows = Number(new URLSearchParams(win.location.search).get('fixture') ?? '0');
  if (win.chartready) {
    const shell = win.chartreadyShell ?? null;
    return {
      mode: 'desktop',
      api: win.chartready,
      shell,
      onImportProgress: (l) => shell?.onImportProgress(l) ?? (() => undefined),
    };
  }
  const token = readToken(win.document);
  const base = httpApi(token);
  return {
    mode: 'browser',
    api: fixtureRows > 0 ? withEpisodeFixture(base, Math.min(fixtureRows, 100_000)) : base,
    shell: null,
    onImportProgress: sseProgress(token),
  };
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function fileToBase64(file: Blob): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < buf.length; i += CHUNK) {
    bin += String.fromCharCode(...buf.subarray(i, i + CHUNK));
  }
  return btoa(bin);
}
