import { readAuditLog, verifyAuditLog } from '../../core/store/audit';
import { openDatabase } from '../../core/store/db';
import { parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';

export const AUDIT_LOG_HELP = `Usage: chartready audit-log --db FILE [--verify] [--json] [--passphrase-env VAR]

Shows the audit trail: every import, review, export, packet, backup and settings change, with
file hashes, counts and output paths (never patient names or note text). --verify recomputes the
hash chain and reports the first broken entry (exit 1 when the log was altered).`;

function summarize(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) =>
      Array.isArray(v)
        ? `${k}=[${v.length}]`
        : typeof v === 'object' && v
          ? `${k}={…}`
          : `${k}=${String(v)}`,
    )
    .join(' ');
}

export async function auditLogCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    verify: { type: 'boolean' },
    json: { type: 'boolean' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(AUDIT_LOG_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    readonly: true,
  });
  try {
    const entries = readAuditLog(db);
    const check = values.verify ? verifyAuditLog(db) : null;
    if (values.json) {
      console.log(JSON.stringify(check ? { entries, verify: check } : { entries }, null, 2));
    } else {
      for (const e of entries) {
        console.log(
          `${String(e.id).padStart(5)}  ${e.at}  ${e.action.padEnd(8)} ${summarize(e.detail)}`,
        );
      }
      if (entries.length === 0) console.log('(no audit entries)');
      if (check) {
        console.log(
          check.ok
            ? `verified: ${check.entries} entries, hash chain intact`
            : `BROKEN at entry ${check.brokenId}: ${check.reason} (${check.entries} entries)`,
        );
      }
    }
    return check && !check.ok ? 1 : 0;
  } finally {
    db.close();
  }
}
