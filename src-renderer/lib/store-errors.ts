import { MIN_PASSPHRASE_CHARS } from '../../shared/api';
import { NOT_FOUND_PREFIX } from '../../shared/errors';

/** What Settings › Data was doing when refused. */
export type StoreAction = 'open' | 'create' | 'backup' | 'encrypt';

const FAILED: Record<StoreAction, string> = {
  open: 'The database could not be opened',
  create: 'The database could not be created',
  backup: 'The backup could not be written',
  encrypt: 'The encrypted copy could not be written',
};

/** Which field of Settings › Data a refusal belongs beside. */
export type StoreField =
  'path' | 'passphrase' | 'backup' | 'encrypt' | 'newPassphrase' | 'confirmPassphrase';

export interface StoreProblem {
  field: StoreField;
  text: string;
}

/**
 * A refusal from opening, creating or backing up a database, in plain words and placed beside
 * the field to correct (the core's messages name internals: "not found: no database at ...").
 */
export function storeProblem(message: string, action: StoreAction, path: string): StoreProblem {
  const field: StoreField = action === 'backup' || action === 'encrypt' ? action : 'path';
  if (action === 'encrypt' && /passphrase/i.test(message))
    return {
      field: 'newPassphrase',
      text: `Choose a passphrase of at least ${MIN_PASSPHRASE_CHARS} characters.`,
    };
  if (/already exists/i.test(message))
    return action === 'backup' || action === 'encrypt'
      ? { field, text: `A file already exists at ${path}. Choose a new file name for the copy.` }
      : {
          field,
          text: `A file already exists at ${path}. Choose Open database to open it, or a new file name to create one.`,
        };
  if (message.includes(NOT_FOUND_PREFIX) || /no (ChartReady )?database at/i.test(message))
    return {
      field,
      text: `There is no database at ${path}. Check the path, or choose Create new database to start one there.`,
    };
  if (/passphrase is empty/i.test(message))
    return { field: 'passphrase', text: 'Enter the passphrase of the encrypted database.' };
  if (/wrong passphrase/i.test(message))
    return {
      field: 'passphrase',
      text: 'The passphrase does not open this database (or the file is not a ChartReady database).',
    };
  if (/encrypted one/i.test(message))
    return {
      field: 'path',
      text: `${path} is not a ChartReady database, or it is encrypted: enter its passphrase below.`,
    };
  if (/newer than this ChartReady/i.test(message))
    return {
      field,
      text: 'This database was made by a newer ChartReady. Update ChartReady to open it.',
    };
  if (/import is already running/i.test(message))
    return {
      field,
      text: 'An import is running. Wait for it to finish, or cancel it on the Import screen, then try again.',
    };
  if (/EACCES|EPERM|permission/i.test(message))
    return {
      field,
      text: `ChartReady may not write at ${path}. Choose a folder you can write to.`,
    };
  if (/ENOENT|no such file or directory/i.test(message))
    return { field, text: `The folder for ${path} does not exist. Check the path.` };
  return {
    field,
    text: `${FAILED[action]}: ${message}`,
  };
}
