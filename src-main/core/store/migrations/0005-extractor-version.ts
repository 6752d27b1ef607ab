import type { Migration } from './types';

/**
 * Which version of the note reader (`EXTRACTOR_VERSION`) read each file's documents and facts.
 * Files imported before this migration have none: `chartready reanalyze` reads them again from
 * their stored pages and content, and the review says when some are due.
 */
export const extractorVersion: Migration = {
  version: 5,
  name: 'extractor-version',
  up: `
    ALTER TABLE files ADD COLUMN extractor_version INTEGER;
  `,
};
