import { reanalyzeStore } from '../../core/import/reanalyze';
import { openDatabase } from '../../core/store/db';
import { parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { countProgress } from '../progress';

export const REANALYZE_HELP = `Usage: chartready reanalyze --db FILE [--all] [--json] [--passphrase-env VAR]

Reads the imported notes again with this version's reader, so the review sees what it reads (a
fact kind or pattern added since the import). Notes are read from their stored page text, FHIR
bundles from their stored content; ledgers and remits are not touched. By default only files read
by an older version are read again; --all reads every one. Each file is replaced on its own: a
file that fails keeps what it had and is named with the reason (exit 1). Packets and findings
cite the same files and pages afterwards; document numbers change.`;

export async function reanalyzeCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    all: { type: 'boolean' },
    json: { type: 'boolean' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(REANALYZE_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    const progress = countProgress('reading again');
    const summary = await reanalyzeStore(db, { all: values.all, onProgress: progress.update });
    progress.done();
    if (values.json) console.log(JSON.stringify(summary, null, 2));
    else {
      for (const f of summary.failed) console.log(`failed    ${f.path}: ${f.reason}`);
      console.log(
        summary.files === 0 && summary.failed.length === 0
          ? 'every imported file was read by this version; nothing to do (--all reads them again)'
          : `read ${summary.files} file(s) again: ${summary.documentsBefore} document(s) before, ${summary.documentsAfter} now${summary.failed.length ? `; ${summary.failed.length} failed and kept what they had` : ''}`,
      );
    }
    return summary.failed.length ? 1 : 0;
  } finally {
    db.close();
  }
}
