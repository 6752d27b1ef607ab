import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with errors turned into UsageError (exit 2, no stack trace). */
export function parse<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean' }, debug: { type: 'boolean' } },
      allowPositionals,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function requireString(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`missing ${flag}`);
  return value;
}

export function isoDateOption(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw new UsageError(`${flag} takes a date as YYYY-MM-DD`);
  }
  return value;
}

/**
 * The database passphrase from the environment variable named by --passphrase-env. Never taken
 * from argv (visible in process lists and shell history) and never printed.
 */
export function passphraseFromEnv(varName: unknown): string | undefined {
  if (varName === undefined) return undefined;
  if (typeof varName !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(varName)) {
    throw new UsageError('--passphrase-env takes the NAME of an environment variable');
  }
  const value = process.env[varName];
  if (value === undefined || value === '') {
    throw new UsageError(`environment variable ${varName} (from --passphrase-env) is not set`);
  }
  return value;
}

export const PASSPHRASE_OPTION = { 'passphrase-env': { type: 'string' } } as const;
