/**
 * The small part of Electron's API this shell uses, typed locally. Electron is an optional
 * dependency (its binary cannot be downloaded on every machine), so the shell must type-check and
 * its tests must run without the `electron` package installed. See docs/desktop.md.
 */

export interface IpcMainInvokeEventLike {
  senderFrame: { url: string } | null;
  sender?: { id: number };
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export interface WebUtilsLike {
  getPathForFile(file: File): string;
}

export interface WebContentsLike {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  on(event: string, listener: (...args: never[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
  session: SessionLike;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void;
  webRequest?: unknown;
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: string, listener: () => void): unknown;
  show(): void;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export interface OpenDialogResult {
  canceled: boolean;
  filePaths: string[];
}

export interface SaveDialogResult {
  canceled: boolean;
  filePath?: string;
}

export interface ElectronMainLike {
  app: {
    requestSingleInstanceLock(): boolean;
    quit(): void;
    on(event: string, listener: (...args: never[]) => void): unknown;
    whenReady(): Promise<void>;
    getPath(name: 'userData' | 'documents'): string;
    getVersion(): string;
    setAppUserModelId?(id: string): void;
  };
  BrowserWindow: {
    new (options: Record<string, unknown>): BrowserWindowLike;
    getAllWindows(): BrowserWindowLike[];
  };
  ipcMain: IpcMainLike;
  dialog: {
    showOpenDialog(
      win: BrowserWindowLike,
      opts: Record<string, unknown>,
    ): Promise<OpenDialogResult>;
    showSaveDialog(
      win: BrowserWindowLike,
      opts: Record<string, unknown>,
    ): Promise<SaveDialogResult>;
  };
  Menu: {
    buildFromTemplate(template: unknown[]): unknown;
    setApplicationMenu(menu: unknown): void;
  };
  protocol: {
    registerSchemesAsPrivileged(
      schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>,
    ): void;
    handle(scheme: string, handler: (req: Request) => Response | Promise<Response>): void;
  };
  session: { defaultSession: SessionLike };
  shell: { openExternal(url: string): Promise<void> };
}
