import { backupDatabase, encryptDatabase } from '../../core/store/backup';
import { openDatabase } from '../../core/store/db';
import { parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const BACKUP_HELP = `Usage: chartready backup --db FILE --out FILE [--passphrase-env VAR]

Writes a consistent copy of the database to a new file while it stays in use (SQLite's online
backup API; an encrypted database is copied with VACUUM INTO and stays encrypted with the same
passphrase). Prints the row counts copied; the backup is recorded in the audit log.`;

export const ENCRYPT_HELP = `Usage: chartready encrypt --db FILE --out FILE --passphrase-env VAR
                         [--source-passphrase-env VAR]

Writes an encrypted copy of a database (SQLite3 Multiple Ciphers, ChaCha20-Poly1305) keyed with the
passphrase held in environment variable VAR. The source is left as it is; check the copy with
"chartready audit-log --db OUT --passphrase-env VAR --verify", then delete the plain file.`;

function printCounts(counts: Record<string, number>): void {
  for (const [t, n] of Object.entries(counts)) console.log(`  ${t.padEnd(16)} ${n}`);
}

export async function backupCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    out: { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(BACKUP_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const out = requireString(values.out, '--out FILE');
  const key = passphraseFromEnv(values['passphrase-env']);
  const db = openDatabase(dbPath, { key, mustExist: true });
  try {
    const { counts, bytes } = await backupDatabase(db, out, { encrypted: key !== undefined });
    console.log(`wrote ${out} (${bytes} bytes${key !== undefined ? ', encrypted' : ''})`);
    printCounts(counts);
    return 0;
  } finally {
    db.close();
  }
}

export async function encryptCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    out: { type: 'string' },
    ...PASSPHRASE_OPTION,
    'source-passphrase-env': { type: 'string' },
  });
  if (values.help) {
    console.log(ENCRYPT_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const out = requireString(values.out, '--out FILE');
  const key = passphraseFromEnv(values['passphrase-env']);
  if (key === undefined) throw new UsageError('missing --passphrase-env VAR');
  const { counts } = encryptDatabase(dbPath, out, key, {
    sourceKey: passphraseFromEnv(values['source-passphrase-env']),
  });
  console.log(`wrote ${out} (encrypted)`);
  printCounts(counts);
  return 0;
}
