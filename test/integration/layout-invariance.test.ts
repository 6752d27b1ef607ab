/**
 * Results do not depend on folder layout: the bundled sample chart imported as it is (one folder
 * per patient), flat (every file in one folder, renamed so no name carries a patient) and as a zip
 * gives the same review, finding by finding, once each layout's file names are mapped back. Before
 * patients came from what documents say, the flat import lost the authorizations and letters.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewedEpisode } from '../../shared/review';
import { reviewStore } from '../../src-main/core/api/review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase } from '../../src-main/core/store/db';
import { makeZip } from '../ingest-docs/zip-writer';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

/** Every file of the sample chart, relative to it, in a stable order (README left out). */
function sampleFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith('.md')) out.push(relative(SAMPLE, full));
    }
  };
  walk(SAMPLE);
  return out;
}

let work: string;

async function review(
  paths: string[],
  originalOf: (file: string) => string,
): Promise<Record<string, unknown>> {
  const db = openDatabase(join(mkdtempSync(join(work, 'db-')), 'store.db'));
  try {
    const summary = await importPaths(db, paths);
    // The scanned fax (no text layer) is read by OCR: nothing is rejected, in every layout.
    expect(
      summary.files.filter((f) => f.status === 'rejected').map((f) => originalOf(f.path)),
    ).toEqual([]);
    const report = reviewStore(db, { asOf: AS_OF, audit: false });
    // Findings per episode, each evidence file named as in the nested export.
    const original = (file: string) => {
      const [base, anchor] = file.split('#');
      return originalOf(base!) + (anchor === undefined ? '' : `#${anchor}`);
    };
    return Object.fromEntries(
      report.episodes.map((e: ReviewedEpisode) => [
        `${e.id} ${e.patient.name} ${e.start}..${e.end} ${e.payer.kind}`,
        // A finding's id hashes its evidence's file names, which differ by layout by design.
        e.findings.map(({ id: _id, ...f }) => ({
          ...f,
          evidence: f.evidence.map((x) => ({ ...x, file: original(x.file) })),
        })),
      ]),
    );
  } finally {
    db.close();
  }
}

let nested: Record<string, unknown>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cr-layout-'));
  nested = await review([SAMPLE], (f) => f);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the sample chart in three layouts', () => {
  it('has the four episodes of its README, nested as exported', () => {
    expect(Object.keys(nested)).toHaveLength(4);
  });

  it('reviews the same flat, with names that carry no patient', async () => {
    const flat = join(work, 'flat');
    mkdirSync(flat);
    const originalOf = new Map<string, string>();
    sampleFiles().forEach((file, i) => {
      const name = `export-${String(i + 1).padStart(3, '0')}${extname(file)}`;
      writeFileSync(join(flat, name), readFileSync(join(SAMPLE, file)));
      originalOf.set(name, file);
    });
    expect(await review([flat], (f) => originalOf.get(f) ?? f)).toEqual(nested);
  }, 120_000);

  it('reviews the same from a zip', async () => {
    const zip = join(work, 'sample-chart.zip');
    writeFileSync(
      zip,
      makeZip(
        sampleFiles().map((file) => ({
          name: file,
          data: readFileSync(join(SAMPLE, file)),
          deflate: true,
        })),
      ),
    );
    expect(await review([zip], (f) => f.replace(/^sample-chart\.zip\//, ''))).toEqual(nested);
  }, 120_000);
});
