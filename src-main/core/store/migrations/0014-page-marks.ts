import type { Migration } from './types';

/**
 * Marks drawn on a page (issue 18: hand signatures): `pages.marks` holds, as JSON, what the
 * reader found drawn on the page that could be a signature or a stamp ([{ kind, x0, y0, x1, y1 }],
 * kind `drawn` | `image` | `stamp` | `scan-ink`), so `reanalyze` reads signatures as the import
 * did. NULL: read before marks were looked for. Column only: nothing else touched.
 */
export const pageMarks: Migration = {
  version: 14,
  name: 'page-marks',
  up: `
    ALTER TABLE pages ADD COLUMN marks TEXT;
  `,
};
