/**
 * The corpus measures reading only while the readers cannot see it: no code under src-main/ or
 * shared/ may import the corpus or the accuracy harness, and the corpus holds data, not code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('corpus independence', () => {
  it('no reader, rule or shared module imports the corpus or the accuracy harness', () => {
    const offenders = [...files(join(root, 'src-main')), ...files(join(root, 'shared'))]
      .filter((f) => /\.(?:ts|tsx|mjs|js)$/.test(f))
      .filter((f) => /(?:test\/corpus|scripts\/accuracy|\bcorpus\/)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('the corpus holds chart exports and expectations, no code', () => {
    const code = files(join(root, 'test/corpus'))
      .filter((f) => /\.(?:ts|tsx|js|mjs|cjs)$/.test(f))
      .map((f) => relative(root, f));
    expect(code).toEqual([]);
  });
});
