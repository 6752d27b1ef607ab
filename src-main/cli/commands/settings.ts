import { readFileSync } from 'node:fs';
import type { ClinicSettings } from '../../../shared/settings';
import { getSettings, saveSettings } from '../../core/api/settings';
import { openDatabase } from '../../core/store/db';
import { parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const SETTINGS_HELP = `Usage: chartready settings --db FILE [--from FILE.json] [--set KEY=VALUE]...
                          [--passphrase-env VAR]

Shows or changes the clinic settings used for packet letterheads and signature blocks:
clinicName, addressLines (separate lines with |), phone, fax, npi, taxId, contactName,
contactEmail, signerName, signerTitle, defaultPayerProfile, reviewerName.`;

export async function settingsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    from: { type: 'string' },
    set: { type: 'string', multiple: true },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(SETTINGS_HELP);
    return 0;
  }
  const db = openDatabase(requireString(values.db, '--db FILE'), {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    let s: ClinicSettings = getSettings(db);
    if (values.from)
      s = { ...s, ...(JSON.parse(readFileSync(values.from, 'utf8')) as Partial<ClinicSettings>) };
    for (const kv of values.set ?? []) {
      const eq = kv.indexOf('=');
      if (eq < 1) throw new UsageError(`--set takes KEY=VALUE (got ${kv})`);
      const key = kv.slice(0, eq) as keyof ClinicSettings;
      const value = kv.slice(eq + 1);
      if (!(key in s)) throw new UsageError(`unknown setting ${key}`);
      (s as unknown as Record<string, unknown>)[key] =
        key === 'addressLines'
          ? value.split('|').map((x) => x.trim())
          : value === ''
            ? null
            : value;
    }
    if (values.from || values.set) {
      try {
        s = saveSettings(db, s);
      } catch (err) {
        throw new UsageError(`invalid settings: ${(err as Error).message}`);
      }
    }
    console.log(JSON.stringify(s, null, 2));
    return 0;
  } finally {
    db.close();
  }
}
