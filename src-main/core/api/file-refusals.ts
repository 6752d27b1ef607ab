import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { NotFoundError, RefusedError } from '../../../shared/errors';

/**
 * A file system or SQLite failure to open or write a database file the user named, as a coded
 * refusal (the path is theirs to change): a missing folder, or no permission. Anything else,
 * and refusals already made, pass through unchanged.
 */
export function asFileRefusal(err: unknown, path: string): unknown {
  if (err instanceof RefusedError || err instanceof NotFoundError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : '';
  const folderMissing = !existsSync(dirname(path));
  if (code === 'EACCES' || code === 'EPERM')
    return new RefusedError(`no permission to write at ${path}`, 'invalid', 'not-permitted');
  if (code === 'ENOENT' || /directory does not exist/i.test(message) || folderMissing)
    return new RefusedError(`the folder of ${path} does not exist`, 'invalid', 'no-folder');
  if (code === 'SQLITE_CANTOPEN')
    return new RefusedError(`${path} cannot be opened or written`, 'invalid', 'not-permitted');
  return err;
}
