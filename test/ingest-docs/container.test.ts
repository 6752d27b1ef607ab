import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isSourceProblem,
  walkSources,
  type SourceEntry,
  type SourceProblem,
  type ZipLimits,
} from '../../src-main/core/ingest/container';
import { makeZip } from './zip-writer';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cr-ingest-docs-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A fresh folder under the temp root, filled from a path -> content map. */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(root, name);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function walk(args: string[], limits?: Partial<ZipLimits>) {
  const entries: SourceEntry[] = [];
  const problems: SourceProblem[] = [];
  for await (const x of walkSources(args, limits)) {
    if (isSourceProblem(x)) problems.push(x);
    else entries.push(x);
  }
  return { entries, problems };
}

async function contents(entries: SourceEntry[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of entries) out[e.path] = (await e.read()).toString('utf8');
  return out;
}

describe('walkSources: folders and files', () => {
  it('walks nested folders in sorted order with folder-relative paths, skipping junk', async () => {
    const dir = folder('nested', {
      'doe/eval.txt': 'Initial Evaluation',
      'doe/.DS_Store': 'junk',
      'Thumbs.db': 'junk',
      '__MACOSX/doe/._eval.txt': 'junk',
      'ledger.csv': 'Patient,DOS,CPT',
      'doe/daily/2026-03-05.txt': 'Daily Note 2',
      'doe/daily/2026-03-04.txt': 'Daily Note 1',
    });
    const { entries, problems } = await walk([dir]);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.path)).toEqual([
      'doe/daily/2026-03-04.txt',
      'doe/daily/2026-03-05.txt',
      'doe/eval.txt',
      'ledger.csv',
    ]);
    expect(entries[2]!.size).toBe('Initial Evaluation'.length);
    expect((await contents(entries))['doe/daily/2026-03-05.txt']).toBe('Daily Note 2');
  });

  it('does not follow symlinks inside a folder', async () => {
    const target = folder('outside', { 'secret.txt': 'outside the import' });
    const dir = folder('with-links', { 'note.txt': 'Daily Note' });
    symlinkSync(join(target, 'secret.txt'), join(dir, 'linked.txt'));
    symlinkSync(target, join(dir, 'linked-folder'));
    const { entries } = await walk([dir]);
    expect(entries.map((e) => e.path)).toEqual(['note.txt']);
  });

  it('names a single file argument by its base name, and reports missing arguments', async () => {
    const dir = folder('single', { 'sub/remit.835': 'ISA*' });
    const missing = join(root, 'does-not-exist.pdf');
    const { entries, problems } = await walk([join(dir, 'sub/remit.835'), missing]);
    expect(entries.map((e) => e.path)).toEqual(['remit.835']);
    expect(problems).toEqual([{ path: missing, rejection: { reason: 'no such file or folder' } }]);
  });
});

describe('walkSources: zips', () => {
  it('expands a zip argument as <zip name>/<entry>, stored and deflated alike', async () => {
    const zip = makeZip([
      { name: 'notes/', data: '' },
      { name: 'notes/a.txt', data: 'Daily Note A' },
      { name: 'notes/b.txt', data: 'Daily Note B '.repeat(50), deflate: true },
      { name: 'notes\\c.txt', data: 'backslash name' },
      { name: '__MACOSX/notes/._a.txt', data: 'junk' },
    ]);
    const dir = folder('zip-arg', { 'chart.zip': zip });
    const { entries, problems } = await walk([join(dir, 'chart.zip')]);
    expect(problems).toEqual([]);
    const got = await contents(entries);
    expect(Object.keys(got)).toEqual([
      'chart.zip/notes/a.txt',
      'chart.zip/notes/b.txt',
      'chart.zip/notes/c.txt',
    ]);
    expect(got['chart.zip/notes/b.txt']).toBe('Daily Note B '.repeat(50));
    expect(entries[1]!.size).toBe('Daily Note B '.repeat(50).length);
  });

  it('expands zips found inside folders, and one level of zip inside a zip', async () => {
    const inner = makeZip([{ name: 'eob.txt', data: 'inner note' }]);
    const innermost = makeZip([{ name: 'deep.txt', data: 'too deep' }]);
    const middle = makeZip([
      { name: 'x.txt', data: 'x' },
      { name: 'deeper.zip', data: innermost },
    ]);
    const outer = makeZip([
      { name: 'notes/a.txt', data: 'outer note' },
      { name: 'remits.zip', data: inner, deflate: true },
      { name: 'two-levels.zip', data: middle },
    ]);
    const dir = folder('zip-in-folder', { 'sub/chart.zip': outer, 'top.txt': 'top' });
    const { entries, problems } = await walk([dir]);
    expect(entries.map((e) => e.path)).toEqual([
      'sub/chart.zip/notes/a.txt',
      'sub/chart.zip/remits.zip/eob.txt',
      'sub/chart.zip/two-levels.zip/x.txt',
      'top.txt',
    ]);
    expect((await contents(entries))['sub/chart.zip/remits.zip/eob.txt']).toBe('inner note');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path: 'sub/chart.zip/two-levels.zip/deeper.zip',
      rejection: { code: 'unsafe' },
    });
  });

  it('refuses members that would escape the import root, and keeps the rest', async () => {
    const zip = makeZip([
      { name: '../../etc/evil.txt', data: 'x' },
      { name: '/abs/evil.txt', data: 'x' },
      { name: 'C:/Windows/evil.txt', data: 'x' },
      { name: 'notes/..\\..\\evil.txt', data: 'x' },
      { name: 'notes/./ok.txt', data: 'kept' },
    ]);
    const dir = folder('traversal', { 'chart.zip': zip });
    const { entries, problems } = await walk([dir]);
    expect(entries.map((e) => e.path)).toEqual(['chart.zip/notes/ok.txt']);
    expect(problems.map((p) => p.rejection.code)).toEqual(['unsafe', 'unsafe', 'unsafe', 'unsafe']);
    expect(problems[0]!.path).toBe('chart.zip/../../etc/evil.txt');
    expect(problems[2]!.rejection.reason).toMatch(/drive-letter/);
  });

  it('refuses a highly compressed entry as a possible bomb but keeps ordinary ones', async () => {
    const zeros = Buffer.alloc(300_000);
    const zip = makeZip([
      { name: 'bomb.txt', data: zeros, deflate: true },
      { name: 'note.txt', data: 'Daily Note', deflate: true },
    ]);
    const dir = folder('bomb', { 'chart.zip': zip });
    const { entries, problems } = await walk([dir], { ratioFloorBytes: 10_000, maxRatio: 50 });
    expect(entries.map((e) => e.path)).toEqual(['chart.zip/note.txt']);
    expect(problems).toEqual([
      { path: 'chart.zip/bomb.txt', rejection: expect.objectContaining({ code: 'too-large' }) },
    ]);
    // The same archive passes under the default limits (300 kB is under the 1 MiB floor).
    expect((await walk([dir])).problems).toEqual([]);
  });

  it('counts inflated bytes against the archive total while streaming', async () => {
    const zip = makeZip([
      { name: 'a.txt', data: 'a'.repeat(2000) },
      { name: 'b.txt', data: 'b'.repeat(2000) },
      { name: 'c.txt', data: 'c'.repeat(10) },
    ]);
    const dir = folder('total', { 'chart.zip': zip });
    const { entries, problems } = await walk([dir], { maxTotalBytes: 3000 });
    expect(entries.map((e) => e.path)).toEqual(['chart.zip/a.txt']);
    expect(problems).toEqual([
      { path: 'chart.zip/b.txt', rejection: expect.objectContaining({ code: 'too-large' }) },
    ]);
  });

  it('refuses entries over the per-entry size, whether the header tells or lies', async () => {
    const zip = makeZip([
      { name: 'big.txt', data: 'x'.repeat(5000) },
      { name: 'liar.txt', data: 'y'.repeat(5000), deflate: true, claimedSize: 100 },
      { name: 'ok.txt', data: 'fine' },
    ]);
    const dir = folder('per-entry', { 'chart.zip': zip });
    const { entries, problems } = await walk([dir], { maxEntryBytes: 1000 });
    expect(entries.map((e) => e.path)).toEqual(['chart.zip/ok.txt']);
    expect(problems.map((p) => p.path)).toEqual(['chart.zip/big.txt', 'chart.zip/liar.txt']);
    expect(problems[0]!.rejection.code).toBe('too-large');
    // The lie is caught while inflating: more bytes came out than the header promised.
    expect(problems[1]!.rejection.code).toBe('corrupt');
    expect(problems[1]!.rejection.reason).toMatch(/too many bytes/);
  });

  it('refuses an archive with too many entries', async () => {
    const zip = makeZip(Array.from({ length: 5 }, (_, i) => ({ name: `n${i}.txt`, data: 'x' })));
    const dir = folder('many', { 'chart.zip': zip });
    const { entries, problems } = await walk([dir], { maxEntries: 4 });
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      { path: 'chart.zip', rejection: expect.objectContaining({ code: 'too-large' }) },
    ]);
  });

  it('reports a corrupt zip by name and goes on with the batch', async () => {
    const dir = folder('corrupt', {
      'a-broken.zip': Buffer.from('PK\x03\x04 this is not really a zip'),
      'b-note.txt': 'Daily Note',
    });
    const { entries, problems } = await walk([dir]);
    expect(entries.map((e) => e.path)).toEqual(['b-note.txt']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('a-broken.zip');
    expect(problems[0]!.rejection.code).toBe('corrupt');
    expect(problems[0]!.rejection.reason).toMatch(/not a readable zip archive/);
  });
});
