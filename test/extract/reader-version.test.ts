/**
 * The reader version moves with what the readers extract: files read differently than the record
 * says fail this test until EXTRACTOR_VERSION is bumped and the record renewed
 * (`npm run reader-golden`), so stores imported earlier are offered a re-read.
 */
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../src-main/core/extract';
import { diffGolden, loadGolden, readerFingerprints } from '../../scripts/reader-golden';

describe('reader version', () => {
  it('matches what the readers extract from the sample chart and the corpus', async () => {
    const golden = loadGolden();
    const diff = diffGolden(golden, await readerFingerprints());
    expect(
      golden.extractorVersion,
      'record made by a newer reader than this one',
    ).toBeLessThanOrEqual(EXTRACTOR_VERSION);
    if (golden.extractorVersion === EXTRACTOR_VERSION)
      expect(
        diff.changed,
        'the readers now read these files differently: bump EXTRACTOR_VERSION, then npm run reader-golden',
      ).toEqual([]);
    expect(
      { ...diff, changed: golden.extractorVersion < EXTRACTOR_VERSION ? diff.changed : [] },
      'record out of date: npm run reader-golden',
    ).toEqual({ changed: [], added: [], removed: [] });
    // Reads every note file of the corpus (1,500 and growing): minutes on a busy 2-core machine.
  }, 600_000);

  it('tells a changed reading from a new or removed file', () => {
    const golden = { extractorVersion: 1, files: { a: '1', b: '2' } };
    expect(diffGolden(golden, { a: '1', b: '3', c: '4' })).toEqual({
      changed: ['b'],
      added: ['c'],
      removed: [],
    });
    expect(diffGolden(golden, { a: '1' }).removed).toEqual(['b']);
  });
});
