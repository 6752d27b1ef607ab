import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api';
import {
  ALLOWED_PERMISSIONS,
  APP_START_URL,
  CSP,
  isAppUrl,
  isNavigationAllowed,
  WEB_PREFERENCES,
} from '../../src-main/electron/security';
import { HARNESS_CSP } from '../../src-main/server/harness';
import { buildApiBridge, buildShellBridge } from '../../src-main/electron/preload-api';
import { apiChannel, SHELL_CHANNELS } from '../../src-main/electron/channels';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('Electron security settings', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(WEB_PREFERENCES.contextIsolation).toBe(true);
    expect(WEB_PREFERENCES.sandbox).toBe(true);
    expect(WEB_PREFERENCES.nodeIntegration).toBe(false);
    expect(WEB_PREFERENCES.nodeIntegrationInWorker).toBe(false);
    expect(WEB_PREFERENCES.webSecurity).toBe(true);
    expect(WEB_PREFERENCES.allowRunningInsecureContent).toBe(false);
    expect(WEB_PREFERENCES.webviewTag).toBe(false);
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
  });

  it.each([
    ['Electron', CSP],
    ['harness', HARNESS_CSP],
  ])('%s CSP allows no inline or eval script and no remote origin', (_name, csp) => {
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('denies every permission and allows navigation only inside the app', () => {
    expect(ALLOWED_PERMISSIONS).toEqual([]);
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isNavigationAllowed('app://chartready/index.html#/episodes')).toBe(true);
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'http://127.0.0.1:3000/',
      'javascript:alert(1)',
      '',
    ]) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });
});

describe('preload bridge', () => {
  it('exposes exactly API_METHODS, each over its own invoke channel', async () => {
    const calls: Array<[string, unknown[]]> = [];
    const bridge = buildApiBridge({
      invoke: async (channel: string, ...args: unknown[]) => {
        calls.push([channel, args]);
        return 'ok';
      },
    });
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    await bridge.getEpisode({ id: 'e1' });
    expect(calls).toEqual([[apiChannel('getEpisode'), [{ id: 'e1' }]]]);
  });

  it('shell bridge forwards progress without leaking the IPC event', () => {
    const listeners = new Map<string, (e: unknown, ...a: unknown[]) => void>();
    const shell = buildShellBridge(
      {
        invoke: async () => null,
        on: (c, l) => listeners.set(c, l),
        removeListener: (c) => listeners.delete(c),
      },
      { getPathForFile: () => '/x' },
    );
    const got: unknown[] = [];
    const off = shell.onImportProgress((e) => got.push(e));
    listeners.get(SHELL_CHANNELS.importProgress)!({ sender: 'secret' }, { done: 1 });
    expect(got).toEqual([{ done: 1 }]);
    off();
    expect(listeners.size).toBe(0);
  });
});
