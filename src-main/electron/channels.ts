/** IPC channel names: one per ChartReadyApi method, plus the shell's own few. No Electron import. */
import type { ApiMethod } from '../../shared/api';

export const apiChannel = (method: ApiMethod): string => `chartready:${method}`;

export const SHELL_CHANNELS = {
  pickImportPaths: 'chartready-shell:pickImportPaths',
  savePacket: 'chartready-shell:savePacket',
  saveReport: 'chartready-shell:saveReport',
  importProgress: 'chartready-shell:importProgress',
} as const;
