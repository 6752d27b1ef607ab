import type { Migration } from './types';

/** The tables whose rows a review reads: any change to them makes the stored review stale. */
const INPUT_TABLES = [
  'documents',
  'document_facts',
  'billing_lines',
  'remit_claims',
  'document_assignments',
  'payer_kinds',
];

const bumpTriggers = INPUT_TABLES.flatMap((table) =>
  ['INSERT', 'UPDATE', 'DELETE'].map(
    (op) => `
    CREATE TRIGGER review_inputs_${table}_${op.toLowerCase()} AFTER ${op} ON ${table} BEGIN
      UPDATE review_inputs SET generation = generation + 1 WHERE id = 1;
    END;`,
  ),
).join('\n');

/**
 * Stored review results (issue 16). `review_inputs.generation` counts changes to what a review
 * reads (triggers, so no writer can forget; its row is made by the first stored review, so a copy
 * of the tables into a new database carries it as it is); `stored_review` says which generation, rules version,
 * profile settings and date the stored rows answer. Per patient, `patient_reviews` keeps the
 * fingerprint of its inputs and what the next fingerprint needs from this review (its claims and
 * payer names); `episode_reviews` keeps each episode's review and list summary as JSON, in report
 * order. A review rebuilds only patients whose fingerprint changed and rewrites their rows in one
 * transaction with the new state, so a crash leaves the old results or the new, never a mix.
 * A decision also gains the clinician its corrective action concerns.
 */
export const storedReview: Migration = {
  version: 9,
  name: 'stored-review',
  up: `
    CREATE TABLE review_inputs (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      generation INTEGER NOT NULL
    );
    ${bumpTriggers}
    CREATE TABLE stored_review (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      generation INTEGER NOT NULL,
      settings_key TEXT NOT NULL,
      as_of TEXT NOT NULL,
      reviewed_at TEXT NOT NULL
    );
    CREATE TABLE patient_reviews (
      patient_key TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      as_of_sensitive INTEGER NOT NULL,
      claims TEXT NOT NULL,
      payers TEXT NOT NULL
    );
    CREATE TABLE episode_reviews (
      episode_id TEXT PRIMARY KEY,
      patient_key TEXT NOT NULL,
      ord INTEGER NOT NULL,
      summary TEXT NOT NULL,
      reviewed TEXT NOT NULL,
      -- What the dashboard reads without the review: billed dates with their charges, and the
      -- error-severity failures (rule, finding id, dates).
      billed TEXT NOT NULL DEFAULT '[]',
      errors TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX episode_reviews_patient ON episode_reviews (patient_key);
    CREATE INDEX episode_reviews_ord ON episode_reviews (ord);
    -- The dashboard's totals each time they changed: its trend.
    CREATE TABLE review_snapshots (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      as_of TEXT NOT NULL,
      billed_dates INTEGER NOT NULL,
      passing_dates INTEGER NOT NULL,
      charges REAL NOT NULL,
      at_risk REAL NOT NULL
    );
    -- The clinician a confirmed defect's corrective action concerns (Corrective actions).
    ALTER TABLE finding_decisions ADD COLUMN clinician TEXT;
  `,
};
