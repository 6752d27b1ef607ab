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
