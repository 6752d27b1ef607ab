import type { Migration } from './types';

/**
 * Patient matching groups every document and billing line by the identity written on it (name,
 * date of birth, MRN, file). Without an index SQLite sorts all rows into a temporary B-tree on each
 * review; with these covering indexes it walks them in order (the row id rides along in the index).
 */
export const identityIndexes: Migration = {
  version: 4,
  name: 'identity-indexes',
  up: `
    CREATE INDEX documents_identity ON documents(patient_name, patient_dob, patient_mrn, file_id);
    CREATE INDEX billing_lines_identity ON billing_lines(patient_name, dob, mrn, file_id);
  `,
};
