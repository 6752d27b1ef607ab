import type { Migration } from './types';

/**
 * The audit trail: an append-only, hash-chained log of what was done to the database (imports,
 * reviews, exports, packets, backups, settings). Entries carry hashes, counts and output paths,
 * never patient names or note text. Triggers refuse UPDATE and DELETE; `--verify` recomputes the
 * chain, which catches edits made after dropping the triggers.
 */
export const auditLog: Migration = {
  version: 2,
  name: 'audit-log',
  up: `
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL
        CHECK (action IN ('import', 'review', 'export', 'packet', 'backup', 'settings')),
      detail TEXT NOT NULL,
      app_version TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE
    );
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
  `,
};
