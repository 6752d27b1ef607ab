/**
 * Settings › Data refusals in plain words, beside the right field, chosen by the refusal's code
 * (src-renderer/lib/store-errors.ts); and the codes crossing Electron's IPC (shared/errors.ts).
 */
import { describe, expect, it } from 'vitest';
import { storeProblem } from '../../src-renderer/lib/store-errors';
import { ApiError } from '../../src-renderer/api';
import {
  NotFoundError,
  REFUSAL_CODES,
  RefusedError,
  refusalCodeOf,
  refusalFromIpc,
  withRefusalCode,
} from '../../shared/errors';

const refused = (code: (typeof REFUSAL_CODES)[number], message = 'core words') =>
  new ApiError(message, 422, undefined, code);

describe('database refusals as people read them', () => {
  it('says there is no database at the path, beside the path, without the not-found prefix', () => {
    const p = storeProblem(
      refused('not-found', 'not found: no database at /x/a.db'),
      'open',
      '/x/a.db',
    );
    expect(p.field).toBe('path');
    expect(p.text).toBe(
      'There is no database at /x/a.db. Check the path, or choose Create new database to start one there.',
    );
    expect(p.text).not.toMatch(/not found:/);
  });

  it('asks for the full path when a path was typed without its folder', () => {
    const p = storeProblem(refused('relative-path'), 'backup', 'copy.db');
    expect(p.field).toBe('backup');
    expect(p.text).toBe(
      'Give the full path, with its folder (for example /home/you/clinic.db), not copy.db.',
    );
  });

  it('says a file exists, for creating and for a copy (beside the backup or copy field)', () => {
    expect(storeProblem(refused('exists'), 'create', '/x/a.db').text).toMatch(
      /^A file already exists at \/x\/a\.db\. Choose Open database/,
    );
    const b = storeProblem(refused('exists'), 'backup', '/x/b.db');
    expect(b.field).toBe('backup');
    expect(b.text).toMatch(/new file name for the copy/);
    expect(storeProblem(refused('exists'), 'encrypt', '/x/c.db').field).toBe('encrypt');
  });

  it('puts passphrase problems beside the passphrase, a plain-or-encrypted doubt beside the path', () => {
    expect(storeProblem(refused('wrong-passphrase'), 'open', '/x').field).toBe('passphrase');
    expect(storeProblem(refused('passphrase-empty'), 'open', '/x').field).toBe('passphrase');
    expect(storeProblem(refused('needs-passphrase'), 'open', '/x')).toEqual({
      field: 'path',
      text: '/x is not a ChartReady database, or it is encrypted: enter its passphrase below.',
    });
  });

  it('explains every code without the core words, and falls back to them without a code', () => {
    for (const code of REFUSAL_CODES) {
      const p = storeProblem(refused(code, 'INTERNAL WORDS'), 'backup', '/x/b.db');
      expect(p.text, code).not.toContain('INTERNAL WORDS');
      expect(p.text.length, code).toBeGreaterThan(20);
    }
    // Matching by text is gone: the same words without a code are only quoted.
    expect(storeProblem(new Error('/x already exists'), 'backup', '/x')).toEqual({
      field: 'backup',
      text: 'The backup could not be written: /x already exists',
    });
    expect(
      storeProblem(new ApiError('passphrase: too short', 400, 'passphrase'), 'encrypt', '/x'),
    ).toEqual({ field: 'newPassphrase', text: 'Choose a passphrase of at least 12 characters.' });
  });
});

describe('refusal codes across the boundaries', () => {
  it('reads the code of a core refusal, a not-found and an api error', () => {
    expect(refusalCodeOf(new RefusedError('x', 'conflict', 'exists'))).toBe('exists');
    expect(refusalCodeOf(new NotFoundError('no database at /x'))).toBe('not-found');
    expect(refusalCodeOf(new RefusedError('x'))).toBeNull();
    expect(refusalCodeOf(new Error('x'))).toBeNull();
    expect(refusalCodeOf(refused('import-running'))).toBe('import-running');
  });

  it("carries the code through Electron's IPC message and takes it out again", () => {
    const sent = withRefusalCode(new RefusedError('/x already exists', 'conflict', 'exists'));
    // What the renderer receives: Electron's own prefix before the message.
    const received = new Error(
      `Error invoking remote method 'api:backupStore': Error: ${(sent as Error).message}`,
    );
    const back = refusalFromIpc(received) as Error;
    expect(refusalCodeOf(back)).toBe('exists');
    expect(back.message).toBe('/x already exists');
    const plain = new Error('boom');
    expect(withRefusalCode(plain)).toBe(plain);
    expect(refusalFromIpc(plain)).toBe(plain);
  });
});
