/// <reference types="vite/client" />
import type { ChartReadyApi, ShellBridge } from '../shared/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser. */
    chartready?: ChartReadyApi;
    chartreadyShell?: ShellBridge;
  }
}
