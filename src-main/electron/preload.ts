/**
 * Preload (sandboxed, bundled to CommonJS by build.ts): exposes ONE typed ChartReadyApi as
 * `window.chartready` and the shell helpers as `window.chartreadyShell`. Nothing else from Node
 * or Electron reaches the page. A sandboxed preload may only require('electron').
 */
import type { ContextBridgeLike, IpcRendererLike, WebUtilsLike } from './electron-types';
import { buildApiBridge, buildShellBridge } from './preload-api';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contextBridge, ipcRenderer, webUtils } = require('electron') as {
  contextBridge: ContextBridgeLike;
  ipcRenderer: IpcRendererLike;
  webUtils: WebUtilsLike;
};

contextBridge.exposeInMainWorld('chartready', buildApiBridge(ipcRenderer));
contextBridge.exposeInMainWorld('chartreadyShell', buildShellBridge(ipcRenderer, webUtils));
