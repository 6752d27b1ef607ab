import { MIN_PASSPHRASE_CHARS } from '../../shared/api';
import { refusalCodeOf, type RefusalCode } from '../../shared/errors';

/** Which field of Settings › Data a refusal belongs beside. */
export type StoreField =
  'path' | 'passphrase' | 'backup' | 'encrypt' | 'newPassphrase' | 'confirmPassphrase';

export interface StoreProblem {
  field: StoreField;
  text: string;
}

/** What Settings › Data was doing when refused. */
export type StoreAction = 'open' | 'create' | 'backup' | 'encrypt';

const FAILED: Record<StoreAction, string> = {
  open: 'The database could not be opened',
  create: 'The database could not be created',
  backup: 'The backup could not be written',
  encrypt: 'The encrypted copy could not be written',
};

/** Each refusal code in plain words, beside the field to correct. */
const BY_CODE: Record<
  RefusalCode,
  (action: StoreAction, path: string, field: StoreField) => StoreProblem
> = {
  exists: (action, path, field) =>
    action === 'backup' || action === 'encrypt'
      ? { field, text: `A file already exists at ${path}. Choose a new file name for the copy.` }
      : {
          field,
          text: `A file already exists at ${path}. Choose Open database to open it, or a new file name to create one.`,
        },
  'not-found': (_a, path, field) => ({
    field,
    text: `There is no database at ${path}. Check the path, or choose Create new database to start one there.`,
  }),
  'passphrase-empty': () => ({
    field: 'passphrase',
    text: 'Enter the passphrase of the encrypted database.',
  }),
  'wrong-passphrase': () => ({
    field: 'passphrase',
    text: 'The passphrase does not open this database (or the file is not a ChartReady database).',
  }),
  'needs-passphrase': (_a, path) => ({
    field: 'path',
    text: `${path} is not a ChartReady database, or it is encrypted: enter its passphrase below.`,
  }),
  'newer-schema': (_a, _p, field) => ({
    field,
    text: 'This database was made by a newer ChartReady. Update ChartReady to open it.',
  }),
  'import-running': (_a, _p, field) => ({
    field,
    text: 'An import is running. Wait for it to finish, or cancel it on the Import screen, then try again.',
  }),
  'not-permitted': (_a, path, field) => ({
    field,
    text: `ChartReady may not write at ${path}. Choose a folder you can write to.`,
  }),
  'relative-path': (_a, path, field) => ({
    field,
    text: `Give the full path, with its folder (for example /home/you/clinic.db), not ${path}.`,
  }),
  'no-folder': (_a, path, field) => ({
    field,
    text: `The folder for ${path} does not exist. Check the path.`,
  }),
};

/**
 * A refusal from opening, creating, backing up or encrypting a database, in plain words and
 * placed beside the field to correct, chosen by the refusal's code (never by the core's message,
 * which names internals: "not found: no database at ..."). Without a code, the message is shown
 * after what failed.
 */
export function storeProblem(err: unknown, action: StoreAction, path: string): StoreProblem {
  const field: StoreField = action === 'backup' || action === 'encrypt' ? action : 'path';
  const code = refusalCodeOf(err);
  if (code) return BY_CODE[code](action, path, field);
  // The request's own check (a 400 naming the field): only the passphrase can fail it here.
  if (action === 'encrypt' && (err as { field?: unknown } | null)?.field === 'passphrase')
    return {
      field: 'newPassphrase',
      text: `Choose a passphrase of at least ${MIN_PASSPHRASE_CHARS} characters.`,
    };
  const message = err instanceof Error ? err.message : String(err);
  return { field, text: `${FAILED[action]}: ${message}` };
}
