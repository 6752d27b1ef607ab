/**
 * What the preload exposes, built from API_METHODS over ipcRenderer.invoke. Kept apart from
 * preload.ts so tests can check it without Electron.
 */
import {
  API_METHODS,
  type ChartReadyApi,
  type ExportReportRequest,
  type ImportProgressEvent,
  type PacketRequest,
  type ShellBridge,
} from '../../shared/api';
import { refusalFromIpc } from '../../shared/errors';
import { apiChannel, SHELL_CHANNELS } from './channels';
import type { IpcRendererLike, WebUtilsLike } from './electron-types';

export function buildApiBridge(ipc: Pick<IpcRendererLike, 'invoke'>): ChartReadyApi {
  const api: Record<string, (req?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    // One argument at most, never the event object or anything else from the renderer.
    api[method] = (req?: unknown) =>
      ipc.invoke(apiChannel(method), req).catch((err: unknown) => {
        throw refusalFromIpc(err);
      });
  }
  return Object.freeze(api) as unknown as ChartReadyApi;
}

export function buildShellBridge(ipc: IpcRendererLike, webUtils: WebUtilsLike): ShellBridge {
  return Object.freeze({
    onImportProgress(listener: (e: ImportProgressEvent) => void) {
      const wrapped = (_event: unknown, payload: unknown) =>
        listener(payload as ImportProgressEvent);
      ipc.on(SHELL_CHANNELS.importProgress, wrapped);
      return () => {
        ipc.removeListener(SHELL_CHANNELS.importProgress, wrapped);
      };
    },
    pickImportPaths: (kind: 'folder' | 'files') =>
      ipc.invoke(SHELL_CHANNELS.pickImportPaths, kind) as Promise<string[]>,
    savePacket: (req: PacketRequest) =>
      ipc.invoke(SHELL_CHANNELS.savePacket, req) as Promise<string | null>,
    saveReport: (req: ExportReportRequest) =>
      ipc.invoke(SHELL_CHANNELS.saveReport, req) as Promise<string | null>,
    pathForFile: (file: File) => webUtils.getPathForFile(file),
  });
}
