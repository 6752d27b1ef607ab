/**
 * Electron main process: one window, the renderer served from app://chartready with a strict CSP,
 * IPC handlers over the core service. Thin: no business logic here (docs/desktop.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportReportRequest, ImportProgressEvent, PacketRequest } from '../../shared/api';
import { ChartReadyService } from '../core/api/service';
import { readRecentStores, rememberStore } from '../core/app/recent-stores';
import type { BrowserWindowLike, ElectronMainLike } from './electron-types';
import { SHELL_CHANNELS } from './channels';
import { registerIpcHandlers } from './ipc';
import {
  ALLOWED_PERMISSIONS,
  APP_HOST,
  APP_SCHEME,
  APP_START_URL,
  CSP,
  isNavigationAllowed,
  SCHEME_PRIVILEGES,
  WEB_PREFERENCES,
} from './security';

const here = dirname(fileURLToPath(import.meta.url));
const electron = createRequire(import.meta.url)('electron') as ElectronMainLike;
const { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } = electron;

/** Built renderer and preload, next to this file once bundled (dist/electron). */
const RENDERER_DIR = process.env.CHARTREADY_RENDERER_DIR ?? join(here, '..', 'renderer');
const PRELOAD = join(here, 'preload.cjs');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { ...SCHEME_PRIVILEGES } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindowLike | null = null;
  let service: ChartReadyService | null = null;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // Block navigation, new windows and webviews in every web contents, present and future.
  app.on('web-contents-created', (_e: never, contents: never) => {
    const wc = contents as unknown as {
      on(ev: string, fn: (...a: never[]) => void): void;
      setWindowOpenHandler(fn: () => { action: 'deny' }): void;
    };
    wc.on('will-navigate', ((event: { preventDefault(): void }, url: string) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    }) as never);
    wc.on('will-redirect', ((event: { preventDefault(): void }, url: string) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    }) as never);
    wc.on('will-attach-webview', ((event: { preventDefault(): void }) =>
      event.preventDefault()) as never);
    wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    // The database named in the environment, else the one opened last (a consultant's current
    // client), else the app's own.
    const own = join(app.getPath('userData'), 'chartready.db');
    const last = readRecentStores().find((r) => existsSync(r.path))?.path;
    const onImportProgress = (e: ImportProgressEvent) =>
      win?.webContents.send(SHELL_CHANNELS.importProgress, e);
    const dbPath = process.env.CHARTREADY_DB ?? last ?? own;
    try {
      service = new ChartReadyService({ dbPath, onImportProgress });
    } catch {
      // The last one may be encrypted or gone: open the app's own; Settings › Data opens others.
      service = new ChartReadyService({ dbPath: own, onImportProgress });
    }
    try {
      rememberStore(service.getDataPath());
    } catch {
      // The recent list is a convenience.
    }

    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
      callback(ALLOWED_PERMISSIONS.includes(permission)),
    );
    session.defaultSession.setPermissionCheckHandler(() => false);

    const root = normalize(RENDERER_DIR);
    protocol.handle(APP_SCHEME, (req: Request) => {
      const url = new URL(req.url);
      if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
      const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
      const file = normalize(join(root, rel));
      if (!file.startsWith(root + sep) || !existsSync(file)) {
        return new Response('not found', { status: 404 });
      }
      return new Response(readFileSync(file), {
        headers: {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
        },
      });
    });

    const svc = service;
    registerIpcHandlers(ipcMain, svc, {
      async pickImportPaths(kind) {
        if (!win) return [];
        const r = await dialog.showOpenDialog(win, {
          title: 'Import chart export',
          properties: kind === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
          filters:
            kind === 'files'
              ? [
                  {
                    name: 'Chart exports',
                    extensions: ['pdf', 'txt', 'html', 'htm', 'csv', '835', 'edi', 'json', 'zip'],
                  },
                  { name: 'All files', extensions: ['*'] },
                ]
              : undefined,
        });
        return r.canceled ? [] : r.filePaths;
      },
      async savePacket(req: PacketRequest) {
        if (!win) return null;
        const r = await dialog.showSaveDialog(win, {
          title: 'Save appeal packet',
          defaultPath: join(
            app.getPath('documents'),
            `appeal-packet-${(req.claimId ?? req.episodeId).replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`,
          ),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        });
        if (r.canceled || !r.filePath) return null;
        const built = await svc.buildPacket({ ...req, savePath: r.filePath });
        return built.savedTo;
      },
      async saveReport(req: ExportReportRequest) {
        if (!win) return null;
        const r = await dialog.showSaveDialog(win, {
          title: 'Save client report',
          defaultPath: join(app.getPath('documents'), `chartready-report.${req.format}`),
          filters: [
            req.format === 'xlsx'
              ? { name: 'Excel workbook', extensions: ['xlsx'] }
              : { name: 'PDF', extensions: ['pdf'] },
          ],
        });
        if (r.canceled || !r.filePath) return null;
        const saved = await svc.exportReport({ ...req, savePath: r.filePath });
        return saved.savedTo;
      },
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate([
        ...(process.platform === 'darwin' ? [{ role: 'appMenu' }] : []),
        {
          label: 'File',
          submenu: [
            {
              label: 'Import…',
              accelerator: 'CmdOrCtrl+O',
              click: () => void win?.loadURL(`${APP_START_URL}#/import`),
            },
            { type: 'separator' },
            process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
          ],
        },
        { role: 'editMenu' },
        {
          label: 'View',
          submenu: [
            { role: 'resetZoom' },
            { role: 'zoomIn' },
            { role: 'zoomOut' },
            { type: 'separator' },
            { role: 'togglefullscreen' },
          ],
        },
        { role: 'windowMenu' },
      ]),
    );

    win = new BrowserWindow({
      width: 1360,
      height: 900,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'ChartReady',
      backgroundColor: '#f6f7f9',
      webPreferences: { ...WEB_PREFERENCES, preload: PRELOAD },
    });
    win.once('ready-to-show', () => win?.show());
    void win.loadURL(APP_START_URL);
  });

  app.on('window-all-closed', () => {
    service?.close();
    service = null;
    app.quit();
  });
}
