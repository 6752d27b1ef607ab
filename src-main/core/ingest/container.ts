/**
 * Walks import arguments (files, folders, zips) into a flat list of entries with root-relative
 * paths. Unsafe or unreadable pieces become SourceProblems and the walk goes on: one bad zip
 * never stops a batch. Zip entries are inflated during the walk, with every size limit enforced
 * on the bytes actually produced, so a lying header cannot get a bomb past it.
 */
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import yauzl from 'yauzl';
import type { Rejection } from '../../../shared/model';
import { extensionOf, isJunkPath } from './detect';

export interface SourceEntry {
  /** Relative to the import root, `/` separators; zip members as `<zip>/<member path>`. */
  path: string;
  size: number;
  read(): Promise<Buffer>;
}

export interface SourceProblem {
  path: string;
  rejection: Rejection;
}

export interface ZipLimits {
  /** Total inflated bytes from one archive, nested archives included. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  maxEntries: number;
  /** Largest inflated/compressed ratio allowed for entries bigger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 512 * 1024 ** 2,
  maxEntries: 20_000,
  maxRatio: 200,
  ratioFloorBytes: 1024 ** 2,
};

/** An archive inside an archive is expanded; one more level down is refused. */
const MAX_ZIP_DEPTH = 2;

export function isSourceProblem(x: SourceEntry | SourceProblem): x is SourceProblem {
  return 'rejection' in x;
}

function problem(path: string, reason: string, code?: Rejection['code']): SourceProblem {
  return { path, rejection: code ? { reason, code } : { reason } };
}

function isZipName(name: string): boolean {
  return extensionOf(name) === 'zip';
}

export async function* walkSources(
  args: string[],
  limits: Partial<ZipLimits> = {},
): AsyncGenerator<SourceEntry | SourceProblem> {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  for (const arg of args) {
    let info;
    try {
      // The user named this path, so a symlink here is followed; inside folders they are not.
      info = await stat(arg);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      yield code === 'ENOENT' || code === 'ENOTDIR'
        ? problem(arg, 'no such file or folder')
        : problem(arg, `cannot open: ${code ?? String(err)}`, 'invalid');
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(arg, '', lim);
    else if (info.isFile()) yield* fileOrZip(arg, basename(arg), info.size, lim);
    else yield problem(arg, 'not a regular file or folder', 'invalid');
  }
}

async function* walkFolder(
  dir: string,
  prefix: string,
  lim: ZipLimits,
): AsyncGenerator<SourceEntry | SourceProblem> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    const where = prefix === '' ? dir : prefix.replace(/\/$/, '');
    yield problem(where, `cannot read folder: ${(err as NodeJS.ErrnoException).code}`, 'invalid');
    return;
  }
  // Code-point order, so the walk (and the import log) is the same on every machine.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const rel = prefix + name;
    if (isJunkPath(rel)) continue;
    const abs = join(dir, name);
    let info;
    try {
      info = await lstat(abs);
    } catch {
      yield problem(rel, 'no such file or folder');
      continue;
    }
    if (info.isSymbolicLink()) continue;
    if (info.isDirectory()) yield* walkFolder(abs, `${rel}/`, lim);
    else if (info.isFile()) yield* fileOrZip(abs, rel, info.size, lim);
  }
}

async function* fileOrZip(
  abs: string,
  rel: string,
  size: number,
  lim: ZipLimits,
): AsyncGenerator<SourceEntry | SourceProblem> {
  if (!isZipName(rel)) {
    yield { path: rel, size, read: () => readFile(abs) };
    return;
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(abs, zipOptions);
  } catch (err) {
    yield problem(rel, `not a readable zip archive: ${messageOf(err)}`, 'corrupt');
    return;
  }
  yield* walkZip(zip, rel, lim, { bytes: 0, entries: 0 }, 1);
}

const zipOptions: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  validateEntrySizes: true,
  // Names are decoded and checked here, so one bad name is one problem, not a dead archive.
  decodeStrings: false,
};

interface ArchiveBudget {
  bytes: number;
  entries: number;
}

function messageOf(err: unknown): string {
  return String((err as { message?: string })?.message ?? err);
}

/** Member name as a safe relative path, or the reason it is not one. */
export function safeMemberPath(name: string): { path: string } | { unsafe: string } {
  const slashed = name.replace(/\\/g, '/');
  if (slashed.includes('\0')) return { unsafe: 'name contains a NUL character' };
  if (slashed.startsWith('/')) return { unsafe: 'absolute path' };
  if (/^[A-Za-z]:/.test(slashed)) return { unsafe: 'drive-letter path' };
  const parts = slashed.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return { unsafe: 'path escapes the archive (..)' };
  return { path: parts.join('/') };
}

async function* walkZip(
  zip: yauzl.ZipFile,
  zipPath: string,
  lim: ZipLimits,
  budget: ArchiveBudget,
  depth: number,
): AsyncGenerator<SourceEntry | SourceProblem> {
  try {
    if (zip.entryCount + budget.entries > lim.maxEntries) {
      yield problem(
        zipPath,
        `archive holds ${zip.entryCount} entries, more than the limit of ${lim.maxEntries}`,
        'too-large',
      );
      return;
    }
    for await (const entry of zip.eachEntry()) {
      budget.entries++;
      const rawName = entry.fileName as unknown as Buffer;
      const decoded = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        rawName,
        entry.extraFields,
        false,
      );
      const safe = safeMemberPath(decoded);
      if ('unsafe' in safe) {
        yield problem(`${zipPath}/${decoded}`, `unsafe name in archive: ${safe.unsafe}`, 'unsafe');
        continue;
      }
      if (decoded.endsWith('/') || safe.path === '') continue; // folder entry
      const path = `${zipPath}/${safe.path}`;
      if (isJunkPath(safe.path)) continue;
      if (isZipName(safe.path) && depth >= MAX_ZIP_DEPTH) {
        yield problem(path, 'archive nested too deeply inside other archives', 'unsafe');
        continue;
      }
      const inflated = await inflateEntry(zip, entry, lim, budget);
      if ('reason' in inflated) {
        yield problem(path, inflated.reason, inflated.code);
        if (inflated.stopArchive) return;
        continue;
      }
      const data = inflated.data;
      if (isZipName(safe.path)) {
        let inner: yauzl.ZipFile;
        try {
          inner = await yauzl.fromBufferPromise(data, zipOptions);
        } catch (err) {
          yield problem(path, `not a readable zip archive: ${messageOf(err)}`, 'corrupt');
          continue;
        }
        yield* walkZip(inner, path, lim, budget, depth + 1);
        continue;
      }
      yield { path, size: data.length, read: async () => data };
    }
  } catch (err) {
    yield problem(zipPath, `zip archive is damaged: ${messageOf(err)}`, 'corrupt');
  } finally {
    zip.close();
  }
}

type Inflated =
  { data: Buffer } | { reason: string; code: Rejection['code']; stopArchive: boolean };

/** Inflates one member, counting real output bytes against every limit as they arrive. */
async function inflateEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  lim: ZipLimits,
  budget: ArchiveBudget,
): Promise<Inflated> {
  const tooLarge = (reason: string, stopArchive = false): Inflated => ({
    reason,
    code: 'too-large',
    stopArchive,
  });
  // Headers are checked first to skip obvious bombs cheaply, then the stream is checked anyway.
  if (entry.uncompressedSize > lim.maxEntryBytes) {
    return tooLarge(
      `entry is ${entry.uncompressedSize} bytes, over the limit of ${lim.maxEntryBytes}`,
    );
  }
  const ratioExceeded = (out: number) =>
    out > lim.ratioFloorBytes && out / Math.max(1, entry.compressedSize) > lim.maxRatio;
  if (ratioExceeded(entry.uncompressedSize)) {
    return tooLarge(`entry compresses more than ${lim.maxRatio}:1; refused as a possible zip bomb`);
  }
  if (entry.isEncrypted()) {
    return { reason: 'entry is encrypted', code: 'invalid', stopArchive: false };
  }
  let stream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (err) {
    return { reason: `cannot read entry: ${messageOf(err)}`, code: 'corrupt', stopArchive: false };
  }
  const chunks: Buffer[] = [];
  let out = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      out += chunk.length;
      budget.bytes += chunk.length;
      let refusal: Inflated | null = null;
      if (out > lim.maxEntryBytes) {
        refusal = tooLarge(`entry inflates past the limit of ${lim.maxEntryBytes} bytes`);
      } else if (ratioExceeded(out)) {
        refusal = tooLarge(
          `entry compresses more than ${lim.maxRatio}:1; refused as a possible zip bomb`,
        );
      } else if (budget.bytes > lim.maxTotalBytes) {
        refusal = tooLarge(
          `archive inflates past the limit of ${lim.maxTotalBytes} bytes in total`,
          true,
        );
      }
      if (refusal) {
        stream.destroy();
        return refusal;
      }
      chunks.push(chunk);
    }
  } catch (err) {
    return { reason: `entry is damaged: ${messageOf(err)}`, code: 'corrupt', stopArchive: false };
  }
  return { data: Buffer.concat(chunks, out) };
}
