import { auditHead, parseAuditAnchor, readAuditLog, verifyAuditLog } from '../../core/store/audit';
import { openDatabase } from '../../core/store/db';
import { parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const AUDIT_LOG_HELP = `Usage: chartready audit-log --db FILE [--verify [--anchor ID:HASH]] [--head] [--json]
                           [--passphrase-env VAR]

Shows the audit trail: every import, review, export, packet, backup and settings change, with
file hashes, counts and output paths (never patient names or note text). --verify recomputes the
hash chain and reports the first broken entry (exit 1 when the log was altered). --head prints the
latest entry as ID:HASH: keep it outside the database (print it, file it with the backup), and
later --verify --anchor ID:HASH also fails when entries were cut off the end of the log or the
whole chain was rewritten, which the chain alone cannot show.`;

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
    anchor: { type: 'string' },
    head: { type: 'boolean' },
    json: { type: 'boolean' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(AUDIT_LOG_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const anchor = values.anchor === undefined ? undefined : parseAuditAnchor(values.anchor);
  if (anchor === null)
    throw new UsageError(
      `--anchor must be ID:HASH as --head prints it, e.g. 12:<64 hex digits> (got ${values.anchor})`,
    );
  if (anchor && !values.verify) throw new UsageError('--anchor goes with --verify');
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    readonly: true,
  });
  try {
    if (values.head) {
      const head = auditHead(db);
      if (values.json) console.log(JSON.stringify({ head }));
      else console.log(head ? `${head.id}:${head.hash}` : '(no audit entries)');
      return 0;
    }
    const entries = readAuditLog(db);
    const check = values.verify ? verifyAuditLog(db, anchor) : null;
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
            ? `verified: ${check.entries} entries, hash chain intact${anchor ? `, anchor entry ${anchor.id} matches` : ''}`
            : `BROKEN at entry ${check.brokenId}: ${check.reason} (${check.entries} entries)`,
        );
      }
    }
    return check && !check.ok ? 1 : 0;
  } finally {
    db.close();
  }
}
