import type { Migration } from './types';

/**
 * Reviewer decisions on findings (issue 16): every decision is a row (a later one supersedes an
 * earlier one for the same finding, and the history stays), keyed by the finding's stable id with
 * the episode, rule and dates it concerned, so a finding that changes can be told from one that
 * went away. `episode_findings` holds, per episode, the ids of the fail and warn findings its last
 * recorded review reported (one row per episode, rewritten only when the set changes), which makes
 * "new since the last review" a lookup; `finding_resolutions` records when a decided finding was
 * no longer reported, so one that comes back can be told.
 */
export const findingDecisions: Migration = {
  version: 8,
  name: 'finding-decisions',
  up: `
    CREATE TABLE finding_decisions (
      id INTEGER PRIMARY KEY,
      finding_id TEXT NOT NULL,
      episode_id TEXT NOT NULL,
      rule TEXT NOT NULL,
      dates TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'not-a-defect', 'fixed')),
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      action TEXT,
      due TEXT,
      decided_by TEXT NOT NULL,
      decided_at TEXT NOT NULL
    );
    CREATE INDEX finding_decisions_finding ON finding_decisions (finding_id, id);
    CREATE INDEX finding_decisions_episode_rule ON finding_decisions (episode_id, rule, id);
    CREATE TABLE episode_findings (
      episode_id TEXT PRIMARY KEY,
      finding_ids TEXT NOT NULL,
      reviewed_at TEXT NOT NULL
    );
    CREATE TABLE finding_resolutions (
      id INTEGER PRIMARY KEY,
      finding_id TEXT NOT NULL,
      resolved_at TEXT NOT NULL
    );
    CREATE INDEX finding_resolutions_finding ON finding_resolutions (finding_id, id);
    -- The audit log gains the 'decision' action: SQLite cannot change a CHECK, so the table is
    -- rebuilt with its rows copied as they are (the hash chain covers the values, not the table).
    DROP TRIGGER audit_log_no_update;
    DROP TRIGGER audit_log_no_delete;
    CREATE TABLE audit_log_v8 (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL
        CHECK (action IN ('import', 'review', 'export', 'packet', 'backup', 'settings', 'decision')),
      detail TEXT NOT NULL,
      app_version TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE
    );
    INSERT INTO audit_log_v8 (id, at, action, detail, app_version, prev_hash, hash)
      SELECT id, at, action, detail, app_version, prev_hash, hash FROM audit_log ORDER BY id;
    DROP TABLE audit_log;
    ALTER TABLE audit_log_v8 RENAME TO audit_log;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
  `,
};
