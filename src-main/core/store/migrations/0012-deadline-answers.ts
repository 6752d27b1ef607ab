import type { Migration } from './types';

/**
 * A deadline marked answered (issue 17): the appeal or records response went out on `answered_on`.
 * Keyed by the deadline's stable id (`denial:CLAIM` or `request:N`), so a re-review keeps it;
 * reopening deletes the row. Who and when also go into the audit log.
 */
export const deadlineAnswers: Migration = {
  version: 12,
  name: 'deadline-answers',
  up: `
    CREATE TABLE deadline_answers (
      item_id TEXT PRIMARY KEY,
      answered_on TEXT NOT NULL,
      how TEXT,
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    );
  `,
};
