/**
 * What the note reader takes from a fixed set of files (the bundled sample chart and the accuracy
 * corpus), one fingerprint per file, recorded with the `EXTRACTOR_VERSION` that read them. A test
 * compares the readers' current output with the record, so a change to what they extract cannot
 * land without a version bump (stores imported earlier are then offered `chartready reanalyze`).
 *
 *   npm run reader-golden            record new files; refuses changed ones without a version bump
 *   npm run reader-golden -- --check report differences, change nothing (exit 1 if any)
 *   npm run reader-golden -- --unreleased-version
 *                                    re-record at the same version, for a version no release has
 *                                    shipped yet (no store outside the branch was read with it)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyzeSource } from '../src-main/core/import/analyze';
import { EXTRACTOR_VERSION } from '../src-main/core/extract';
import type { ExtractedDocument } from '../shared/model';
import { renderPdf } from './accuracy/render-pdf';

const ROOT = join(import.meta.dirname, '..');
export const GOLDEN_FILE = join(ROOT, 'test', 'extract', 'reader-golden.json');
const SOURCES = [join(ROOT, 'assets', 'sample-chart'), join(ROOT, 'test', 'corpus')];
/** Note formats the reader handles (FHIR bundles embed notes); ledgers and remits are not its job. */
const NOTE_FILE = /\.(pdf|pdf\.txt|txt|html?|json)$/i;

export interface ReaderGolden {
  extractorVersion: number;
  /** Repository-relative path → fingerprint of the documents and facts read from it. */
  files: Record<string, string>;
}

function* noteFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* noteFiles(path);
    else if (NOTE_FILE.test(name) && (!dir.includes('corpus') || path.includes('/export/')))
      yield path;
  }
}

/** Documents in a stable, comparable form: everything a rule can see. */
function canonical(docs: readonly ExtractedDocument[]): unknown {
  return docs.map((d) => [
    d.type,
    d.title,
    d.date,
    d.pageStart,
    d.pageEnd,
    d.discipline,
    d.facts.map((f) => [f.kind, f.value, f.detail ?? null, f.provenance.page, f.provenance.quote]),
  ]);
}

async function fingerprint(path: string): Promise<string | null> {
  let bytes: Uint8Array = readFileSync(path);
  let name = path;
  if (path.endsWith('.pdf.txt')) {
    bytes = await renderPdf(readFileSync(path, 'utf8'));
    name = path.slice(0, -'.txt'.length);
  }
  const analysis = await analyzeSource(name, bytes);
  if (analysis.status !== 'ok') return null;
  let read: unknown;
  if (analysis.kind === 'notes') read = canonical(analysis.documents);
  else if (analysis.kind === 'fhir')
    read = analysis.embedded.map((e) => [e.name.slice(name.length), canonical(e.documents)]);
  else return null;
  return createHash('sha256').update(JSON.stringify(read)).digest('hex').slice(0, 16);
}

/** Fingerprints of every note file the readers are held to, keyed by repository-relative path. */
export async function readerFingerprints(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const dir of SOURCES)
    for (const path of noteFiles(dir)) {
      const print = await fingerprint(path);
      if (print) out[relative(ROOT, path)] = print;
    }
  return out;
}

export function loadGolden(): ReaderGolden {
  return JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as ReaderGolden;
}

export interface GoldenDiff {
  changed: string[];
  added: string[];
  removed: string[];
}

export function diffGolden(golden: ReaderGolden, now: Record<string, string>): GoldenDiff {
  const changed: string[] = [];
  const added: string[] = [];
  for (const [path, print] of Object.entries(now)) {
    const was = golden.files[path];
    if (was === undefined) added.push(path);
    else if (was !== print) changed.push(path);
  }
  const removed = Object.keys(golden.files).filter((p) => !(p in now));
  return { changed, added, removed };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const now = await readerFingerprints();
  let golden: ReaderGolden = { extractorVersion: EXTRACTOR_VERSION, files: {} };
  try {
    golden = loadGolden();
  } catch {
    // First run: everything is new.
  }
  const diff = diffGolden(golden, now);
  const bumped =
    EXTRACTOR_VERSION > golden.extractorVersion || process.argv.includes('--unreleased-version');
  for (const [label, list] of Object.entries(diff))
    if (list.length) console.log(`${label} (${list.length}):\n  ${list.join('\n  ')}`);
  if (check) {
    process.exitCode = diff.changed.length || diff.added.length || diff.removed.length ? 1 : 0;
    return;
  }
  if (diff.changed.length && !bumped) {
    console.error(
      `The readers now read ${diff.changed.length} file(s) differently. Bump EXTRACTOR_VERSION in src-main/core/extract/index.ts (and say why in its comment), then run this again.`,
    );
    process.exitCode = 1;
    return;
  }
  const sorted = Object.fromEntries(Object.entries(now).sort(([a], [b]) => a.localeCompare(b)));
  const record: ReaderGolden = { extractorVersion: EXTRACTOR_VERSION, files: sorted };
  writeFileSync(GOLDEN_FILE, JSON.stringify(record, null, 2) + '\n');
  console.log(
    `Recorded ${Object.keys(sorted).length} files read by reader version ${EXTRACTOR_VERSION}.`,
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
