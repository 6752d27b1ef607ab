import type { Migration } from './types';

/**
 * Deadlines and probe samples (issue 17).
 *
 * `records_requests`: what a payer asked for that the user entered (ADR, RAC, TPE, a carrier's
 * request): the claim, the date on the letter, when it arrived and who asked. The due date is not
 * stored: it is computed from the deadline profiles, so a corrected value applies to every request.
 *
 * `payer_deadlines`: the clinic's own appeal and records-request windows for a payer (by the same
 * name key as `payer_kinds`), with the source the clinic read them in; they replace the profile's
 * defaults (which are UNVERIFIED for workers' comp and commercial payers).
 *
 * `samples` / `sample_members`: a probe sample of claims, with what makes it reproducible (the
 * frame as described and hashed, the seed, the method) and the claims drawn, in draw order.
 *
 * The audit log gains 'request' and 'sample': the table is rebuilt with its rows copied as they
 * are (SQLite cannot change a CHECK; the hash chain covers values, not the table). An action added
 * by another migration must be listed here too when it runs before this one.
 */
export const requestsSamples: Migration = {
  version: 11,
  name: 'requests-samples',
  up: `
    CREATE TABLE records_requests (
      id INTEGER PRIMARY KEY,
      claim_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('adr', 'rac', 'tpe', 'carrier')),
      dated TEXT NOT NULL,
      received TEXT,
      requested_by TEXT,
      recorded_at TEXT NOT NULL
    );
    CREATE INDEX records_requests_claim ON records_requests (claim_id);
    -- A request changes what DOC-LATE-ENTRY says of entries written after it: the stored review
    -- (migration 9) is stale when one is recorded.
    CREATE TRIGGER review_inputs_records_requests_insert AFTER INSERT ON records_requests BEGIN
      UPDATE review_inputs SET generation = generation + 1 WHERE id = 1;
    END;
    CREATE TRIGGER review_inputs_records_requests_update AFTER UPDATE ON records_requests BEGIN
      UPDATE review_inputs SET generation = generation + 1 WHERE id = 1;
    END;
    CREATE TRIGGER review_inputs_records_requests_delete AFTER DELETE ON records_requests BEGIN
      UPDATE review_inputs SET generation = generation + 1 WHERE id = 1;
    END;
    CREATE TABLE payer_deadlines (
      name_key TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      appeal_days INTEGER CHECK (appeal_days IS NULL OR appeal_days > 0),
      request_days INTEGER CHECK (request_days IS NULL OR request_days > 0),
      source TEXT NOT NULL CHECK (length(trim(source)) > 0),
      set_at TEXT NOT NULL
    );
    CREATE TABLE samples (
      id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      method TEXT NOT NULL,
      per TEXT CHECK (per IS NULL OR per IN ('clinician', 'payer')),
      seed TEXT NOT NULL,
      n INTEGER NOT NULL CHECK (n > 0),
      frame TEXT NOT NULL,
      frame_size INTEGER NOT NULL,
      frame_hash TEXT NOT NULL
    );
    CREATE TABLE sample_members (
      sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      claim_id TEXT NOT NULL,
      episode_id TEXT NOT NULL,
      stratum TEXT,
      PRIMARY KEY (sample_id, ordinal)
    );
    DROP TRIGGER audit_log_no_update;
    DROP TRIGGER audit_log_no_delete;
    CREATE TABLE audit_log_v11 (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL
        CHECK (action IN ('import', 'review', 'export', 'packet', 'backup', 'settings', 'decision',
                          'request', 'sample')),
      detail TEXT NOT NULL,
      app_version TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE
    );
    INSERT INTO audit_log_v11 (id, at, action, detail, app_version, prev_hash, hash)
      SELECT id, at, action, detail, app_version, prev_hash, hash FROM audit_log ORDER BY id;
    DROP TABLE audit_log;
    ALTER TABLE audit_log_v11 RENAME TO audit_log;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
  `,
};
