/**
 * Electron security settings as data, so tests can check them without launching Electron
 * (Electron's security checklist: isolation, sandbox, CSP, no navigation, no new windows,
 * no permissions, validated IPC senders, a custom protocol instead of file://).
 */
import { RENDERER_CSP } from '../../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'chartready';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export const WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
});

/** Content-Security-Policy for every renderer response (shared with the loopback harness). */
export const CSP = RENDERER_CSP;

/** Privileges for the app:// scheme (registered before the app is ready). */
export const SCHEME_PRIVILEGES = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  stream: false,
});

/** Every permission request (camera, notifications, geolocation, ...) is denied. */
export const ALLOWED_PERMISSIONS: readonly string[] = Object.freeze([]);

/** True only for documents served by the app's own protocol. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation is allowed only within the app (hash changes); anything else is blocked. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}
