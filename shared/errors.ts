/**
 * How a "not found" crosses every boundary (HTTP harness, Electron IPC, CLI): the message starts
 * with this, so a screen can show a not-found page whatever carried the error.
 */
export const NOT_FOUND_PREFIX = 'not found: ';

export class NotFoundError extends Error {
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
