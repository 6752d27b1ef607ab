import type { Migration } from './types';

/**
 * What patient matching and duplicate detection read from a document beyond its name, DOB and MRN:
 * the claim number it carries (an authorization that names only the claim still finds its patient)
 * and the hash of its normalized text (a re-exported note is the same document). Documents imported
 * before have neither until `chartready reanalyze` reads them again (the reader's version says so).
 *
 * `document_assignments` keeps the user's choice of patient for a document the import could not
 * place. It is keyed by the file's content hash and the document's first page, not by document id:
 * reading the file again (reanalyze) makes new document rows, and the choice must survive that.
 */
export const documentIdentity: Migration = {
  version: 7,
  name: 'document-identity',
  up: `
    ALTER TABLE documents ADD COLUMN claim_number TEXT;
    ALTER TABLE documents ADD COLUMN text_hash TEXT;
    CREATE INDEX documents_text_hash ON documents(text_hash) WHERE text_hash IS NOT NULL;
    -- Matching reads the claim numbers of identified documents; most documents carry none.
    CREATE INDEX documents_claim ON documents(claim_number, patient_name, patient_dob, patient_mrn)
      WHERE claim_number IS NOT NULL;

    CREATE TABLE document_assignments (
      file_sha256 TEXT NOT NULL,
      page_start INTEGER NOT NULL,
      patient_name TEXT,
      patient_dob TEXT,
      patient_mrn TEXT,
      assigned_at TEXT NOT NULL,
      PRIMARY KEY (file_sha256, page_start)
    );
  `,
};
