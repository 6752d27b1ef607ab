import type { Migration } from './types';

/**
 * The user's choice of patient for billing that names its patient only ambiguously: a ledger line
 * or a remit claim that gives a name two patients of the store share, and no date of birth or
 * chart number. Keyed like `document_assignments` by the file's content hash (re-importing the same
 * file keeps the choice) and the row within it: `line:N` (the ledger's line number) or `claim:ID`
 * (the remit's claim id). A change is a change to what a review reads (see 0009).
 */
export const billingAssignments: Migration = {
  version: 17,
  name: 'billing-assignments',
  up: `
    CREATE TABLE billing_assignments (
      file_sha256 TEXT NOT NULL,
      ref TEXT NOT NULL,
      patient_name TEXT,
      patient_dob TEXT,
      patient_mrn TEXT,
      assigned_at TEXT NOT NULL,
      PRIMARY KEY (file_sha256, ref)
    );
    ${['INSERT', 'UPDATE', 'DELETE']
      .map(
        (op) => `
    CREATE TRIGGER review_inputs_billing_assignments_${op.toLowerCase()}
      AFTER ${op} ON billing_assignments BEGIN
      UPDATE review_inputs SET generation = generation + 1 WHERE id = 1;
    END;`,
      )
      .join('\n')}
  `,
};
