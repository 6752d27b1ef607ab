/**
 * IPC handlers: one per ChartReadyApi method. Each checks that the sender is the app's own page
 * and validates the payload with the shared zod schemas before calling the core.
 */
import {
  API_METHODS,
  type ApiMethod,
  type ChartReadyApi,
  type ExportReportRequest,
  type PacketRequest,
} from '../../shared/api';
import { ExportReportSchema, PacketRequestSchema, validateRequest } from '../../shared/api-schemas';
import { withRefusalCode } from '../../shared/errors';
import { apiChannel, SHELL_CHANNELS } from './channels';
import type { IpcMainInvokeEventLike, IpcMainLike } from './electron-types';
import { isAppUrl } from './security';

export class IpcRejection extends Error {}

export function assertTrustedSender(event: IpcMainInvokeEventLike): void {
  if (!isAppUrl(event.senderFrame?.url)) {
    throw new IpcRejection('request refused: sender is not the ChartReady window');
  }
}

/** Validate and dispatch one API call (exported for tests). */
export async function handleApiCall(
  service: ChartReadyApi,
  method: ApiMethod,
  event: IpcMainInvokeEventLike,
  payload: unknown,
): Promise<unknown> {
  assertTrustedSender(event);
  const v = validateRequest(method, payload);
  if (!v.ok) throw new IpcRejection(`invalid request: ${v.message}`);
  if (method === 'buildPacket' && (v.value as { savePath?: string | null }).savePath) {
    // The page never chooses where files are written: saving goes through the save dialog.
    throw new IpcRejection('invalid request: savePath: use the save dialog');
  }
  const fn = service[method] as (arg: unknown) => Promise<unknown>;
  try {
    return await fn.call(service, v.value);
  } catch (err) {
    // Only the message crosses IPC: a refusal's code goes in it (the preload takes it out).
    throw withRefusalCode(err);
  }
}

export interface ShellHandlers {
  pickImportPaths(kind: 'folder' | 'files'): Promise<string[]>;
  savePacket(req: PacketRequest): Promise<string | null>;
  saveReport(req: ExportReportRequest): Promise<string | null>;
}

export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  service: ChartReadyApi,
  shell: ShellHandlers,
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(apiChannel(method), (event, payload) =>
      handleApiCall(service, method, event, payload),
    );
  }
  ipcMain.handle(SHELL_CHANNELS.pickImportPaths, (event, kind) => {
    assertTrustedSender(event);
    if (kind !== 'folder' && kind !== 'files') {
      throw new IpcRejection('invalid request: kind must be folder or files');
    }
    return shell.pickImportPaths(kind);
  });
  ipcMain.handle(SHELL_CHANNELS.savePacket, (event, payload) => {
    assertTrustedSender(event);
    const r = PacketRequestSchema.safeParse(payload);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new IpcRejection(
        `invalid request: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
      );
    }
    return shell.savePacket(r.data);
  });
  ipcMain.handle(SHELL_CHANNELS.saveReport, (event, payload) => {
    assertTrustedSender(event);
    const r = ExportReportSchema.safeParse(payload);
    if (!r.success) throw new IpcRejection('invalid request: format must be pdf or xlsx');
    return shell.saveReport(r.data);
  });
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(apiChannel(method));
    ipcMain.removeHandler(SHELL_CHANNELS.pickImportPaths);
    ipcMain.removeHandler(SHELL_CHANNELS.savePacket);
    ipcMain.removeHandler(SHELL_CHANNELS.saveReport);
  };
}
