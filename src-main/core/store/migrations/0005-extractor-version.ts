import type { Migration } from './types';

/**
 * Which version of the note reader (`EXTRACTOR_VERSION`) read each file's documents and facts.
 * A table beside `files`, not a column of it: a column added to `files` would sit after the
 * original bytes, and reading or writing it would walk (or rewrite) every stored PDF. Files
 * imported before this migration have no row: `chartready reanalyze` reads them again from their
 * stored pages and content, and the review says when some are due.
 */
export const extractorVersion: Migration = {
  version: 5,
  name: 'extractor-version',
  up: `
    CREATE TABLE file_readings (
      file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
      extractor_version INTEGER NOT NULL
    );
  `,
};
