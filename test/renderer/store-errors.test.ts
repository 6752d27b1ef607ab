/** Settings › Data refusals in plain words, beside the right field (src-renderer/lib/store-errors.ts). */
import { describe, expect, it } from 'vitest';
import { storeProblem } from '../../src-renderer/lib/store-errors';

describe('database refusals as people read them', () => {
  it('says there is no database at the path, beside the path, without the not-found prefix', () => {
    const p = storeProblem('not found: no database at /x/a.db', 'open', '/x/a.db');
    expect(p.field).toBe('path');
    expect(p.text).toBe(
      'There is no database at /x/a.db. Check the path, or choose Create new database to start one there.',
    );
    expect(p.text).not.toMatch(/not found:/);
  });

  it('says a file exists, for creating and for a backup (beside the backup field)', () => {
    const msg = '/x/a.db already exists: open it instead, or choose a new file name';
    expect(storeProblem(msg, 'create', '/x/a.db').text).toMatch(
      /^A file already exists at \/x\/a\.db/,
    );
    const b = storeProblem('/x/b.db already exists; choose a new file', 'backup', '/x/b.db');
    expect(b.field).toBe('backup');
    expect(b.text).toMatch(/new file name for the copy/);
  });

  it('puts a wrong passphrase beside the passphrase', () => {
    const p = storeProblem('wrong passphrase or not a ChartReady database: /x', 'open', '/x');
    expect(p.field).toBe('passphrase');
  });
});
