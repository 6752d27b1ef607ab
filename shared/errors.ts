/**
 * How a "not found" crosses every boundary (HTTP harness, Electron IPC, CLI): the message starts
 * with this, so a screen can show a not-found page whatever carried the error.
 */
export const NOT_FOUND_PREFIX = 'not found: ';

/**
 * Stable names for refusals a screen explains in its own words, so it never matches the core's
 * message text (which names internals and may be reworded). They cross every boundary: the harness
 * sends `{ error, code }` with the 4xx, Electron's IPC carries them in the message
 * (`withRefusalCode` / `refusalFromIpc`), and the renderer's api client exposes `code`.
 */
export const REFUSAL_CODES = [
  /** Nothing at the path or id asked for. */
  'not-found',
  /** A file is already where a new one would be written. */
  'exists',
  /** The file is not a ChartReady database, or it is encrypted and no passphrase was given. */
  'needs-passphrase',
  /** A passphrase was given and does not open the file (or it is not a database). */
  'wrong-passphrase',
  /** An empty passphrase for an encrypted database. */
  'passphrase-empty',
  /** The database was written by a newer ChartReady. */
  'newer-schema',
  /** An import is writing to the database in use. */
  'import-running',
  /** The folder of the path does not exist. */
  'no-folder',
  /** ChartReady may not write (or read) at the path. */
  'not-permitted',
  /** A path typed without its folder: the app has no "current folder" to put it in. */
  'relative-path',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export function isRefusalCode(v: unknown): v is RefusalCode {
  return typeof v === 'string' && (REFUSAL_CODES as readonly string[]).includes(v);
}

export class NotFoundError extends Error {
  readonly code: RefusalCode = 'not-found';
  constructor(what: string) {
    super(NOT_FOUND_PREFIX + what);
    this.name = 'NotFoundError';
  }
}

export function isNotFound(err: unknown): boolean {
  return err instanceof Error && err.message.includes(NOT_FOUND_PREFIX);
}

/**
 * A request understood and refused as asked, which the user can change: an appeal for a claim
 * with no denial on file, a file that already exists, a decision without its reason. Not a
 * failure of the app: the harness answers it with a 4xx (422, or 409 for a conflict with what
 * exists or is running), never 500. Only the message crosses Electron's IPC, as with not-found.
 */
export class RefusedError extends Error {
  constructor(
    message: string,
    /** 'conflict': clashes with what exists or is running (a file, an import); else 'invalid'. */
    readonly reason: 'invalid' | 'conflict' = 'invalid',
    /** The refusal's stable name, for refusals a screen explains (REFUSAL_CODES). */
    readonly code: RefusalCode | null = null,
  ) {
    super(message);
    this.name = 'RefusedError';
  }
}

/** The HTTP status for an error from the core: 404 not found, 409/422 refused, else 500. */
export function httpStatusOf(err: unknown): number {
  if (isNotFound(err)) return 404;
  if (err instanceof RefusedError) return err.reason === 'conflict' ? 409 : 422;
  return 500;
}

/** The refusal code an error carries (from the core, the harness client or the IPC bridge). */
export function refusalCodeOf(err: unknown): RefusalCode | null {
  const code = (err as { code?: unknown } | null)?.code;
  return isRefusalCode(code) ? code : null;
}

const IPC_CODE = /\[refused:([a-z-]+)\] /;

/** For Electron's IPC, which carries only the message: the code goes in front of it. */
export function withRefusalCode(err: unknown): unknown {
  const code = refusalCodeOf(err);
  return code && err instanceof Error ? new Error(`[refused:${code}] ${err.message}`) : err;
}

/** In the preload: the IPC's error back as the message (Electron's prefix dropped) and its code. */
export function refusalFromIpc(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const m = IPC_CODE.exec(err.message);
  if (!m || !isRefusalCode(m[1])) return err;
  return Object.assign(new Error(err.message.slice(m.index + m[0].length)), { code: m[1] });
}
