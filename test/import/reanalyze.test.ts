/**
 * `reanalyze`: imported notes read again with this version's reader. On the bundled sample chart
 * (PDF, text, HTML notes and a FHIR bundle) reading again changes nothing; on a store whose facts
 * an older reader made, the new facts appear and the review sees them; a file that cannot be read
 * again keeps what it had.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { textPdf } from './text-pdf';
import { main } from '../../src-main/cli/main';
import { reviewStore } from '../../src-main/core/api/review';
import { EXTRACTOR_VERSION } from '../../src-main/core/extract';
import { importPaths } from '../../src-main/core/import/pipeline';
import { filesReadByOlderReader, reanalyzeStore } from '../../src-main/core/import/reanalyze';
import { formatJson } from '../../src-main/core/review/format';
import { openDatabase, type Db } from '../../src-main/core/store/db';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');

/** Every document with its identity and facts, by file path and position: what a reader made. */
function readings(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT f.path, d.ordinal, d.type, d.title, d.date, d.page_start, d.page_end, d.discipline,
              d.patient_name, d.patient_dob, d.patient_mrn, d.payer, x.facts
         FROM documents d JOIN files f ON f.id = d.file_id
         LEFT JOIN document_facts x ON x.document_id = d.id
        ORDER BY f.path, d.ordinal`,
    )
    .all();
}

/** Every stored page (FHIR bundles' attached notes included), its file's import time, and search. */
function pagesAndSearch(db: Db): unknown[] {
  const pages = db
    .prepare(
      `SELECT f.path, f.kind, f.imported_at, f.batch_id, p.page, p.text, p.items
         FROM pages p JOIN files f ON f.id = p.file_id ORDER BY f.path, p.page`,
    )
    .all();
  const hits = db
    .prepare(
      `SELECT f.path, p.page FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid
         JOIN files f ON f.id = p.file_id WHERE pages_fts MATCH 'signature OR evaluation'
        ORDER BY f.path, p.page`,
    )
    .all();
  return [pages, hits];
}

function reviewJson(db: Db): string {
  const json = formatJson(reviewStore(db, { asOf: '2026-11-24', audit: false }));
  return json.replace(/"generatedAt": "[^"]*"/, '');
}

/** Runs a CLI command in process; returns its exit code and what it printed. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('reanalyze on the sample chart', () => {
  let dir: string;
  let db: Db;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cr-reanalyze-'));
    db = openDatabase(join(dir, 'sample.db'));
    await importPaths(db, [SAMPLE]);
  }, 120_000);

  it("records this reader's version on every note and FHIR file, and nothing else", () => {
    const rows = db
      .prepare(
        `SELECT f.kind, r.extractor_version AS v FROM files f
           LEFT JOIN file_readings r ON r.file_id = f.id WHERE f.parent_id IS NULL`,
      )
      .all() as Array<{ kind: string; v: number | null }>;
    for (const r of rows) {
      const read = r.kind.startsWith('notes-') || r.kind === 'fhir';
      expect(r.v, r.kind).toBe(read ? EXTRACTOR_VERSION : null);
    }
    expect(rows.filter((r) => r.kind === 'fhir')).toHaveLength(1);
    expect(filesReadByOlderReader(db)).toBe(0);
  });

  it('reads every file again (--all) into the same documents, facts and review', async () => {
    const before = readings(db);
    const pages = pagesAndSearch(db);
    const review = reviewJson(db);
    const notes = db
      .prepare(
        `SELECT count(*) FROM files WHERE parent_id IS NULL AND (kind LIKE 'notes-%' OR kind = 'fhir')`,
      )
      .pluck()
      .get() as number;
    const summary = await reanalyzeStore(db, { all: true });
    expect(summary).toMatchObject({ files: notes, failed: [] });
    expect(summary.documentsAfter).toBe(summary.documentsBefore);
    expect(summary.documentsBefore).toBe(before.length);
    expect(readings(db)).toEqual(before);
    expect(pagesAndSearch(db)).toEqual(pages);
    expect(reviewJson(db)).toBe(review);
  }, 60_000);

  it("a failure inside one file's transaction rolls that file back; the others are read", async () => {
    const note = db
      .prepare(
        `SELECT id, path FROM files WHERE kind = 'notes-txt' AND parent_id IS NULL ORDER BY path LIMIT 1`,
      )
      .get() as { id: number; path: string };
    const before = readings(db);
    // Its old documents are deleted first, then the insert fails: the delete must not stay.
    db.exec(`CREATE TEMP TRIGGER fail_one BEFORE INSERT ON documents
             WHEN NEW.file_id = ${note.id} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const summary = await reanalyzeStore(db, { all: true });
      expect(summary.failed).toEqual([{ path: note.path, reason: 'disk full' }]);
      expect(summary.files).toBeGreaterThan(40);
    } finally {
      db.exec('DROP TRIGGER fail_one');
    }
    expect(readings(db)).toEqual(before);
  }, 60_000);

  it('a file that cannot be read again keeps what it had, named with the reason (exit 1)', async () => {
    const bundle = db.prepare(`SELECT id, path FROM files WHERE kind = 'fhir'`).get() as {
      id: number;
      path: string;
    };
    const before = readings(db);
    db.prepare('UPDATE files SET content = ? WHERE id = ?').run(
      Buffer.from('{"resourceType": "Bundle", "entry": ['),
      bundle.id,
    );
    db.prepare('DELETE FROM file_readings WHERE file_id = ?').run(bundle.id);
    expect(filesReadByOlderReader(db)).toBe(1);
    const run = await cli(['reanalyze', '--db', join(dir, 'sample.db')]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(
      new RegExp(`^failed {4}${bundle.path.replace(/[.\\/]/g, '\\$&')}: .+`, 'm'),
    );
    expect(run.out).toContain('read 0 file(s) again');
    expect(readings(db)).toEqual(before);
  }, 60_000);
});

describe('reanalyze on a store an older reader made', () => {
  const PATIENT = 'Patient: Okafor, Grace   DOB: 06/30/1979   MRN: 55120';
  let dbPath: string;
  let db: Db;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cr-reanalyze-old-'));
    const chart = join(dir, 'chart');
    mkdirSync(chart);
    writeFileSync(
      join(chart, 'eval.pdf'),
      await textPdf([
        'Physical Therapy Initial Evaluation',
        PATIENT,
        'Insurance: Medicare Part B',
        'Date of Service: 10/01/2026',
        'Signature: Jane Roe, PT, DPT   Date: 10/01/2026',
      ]),
    );
    writeFileSync(
      join(chart, 'note.txt'),
      [
        'Daily Treatment Note',
        PATIENT,
        'Insurance: Medicare Part B',
        'Date of Service: 10/05/2026',
        'Time In: 9:00 AM   Time Out: 9:45 AM',
        'Therapeutic exercise 30 min',
        'Signature: [illegible], PT   Date: 10/05/2026',
      ].join('\r\n'),
    );
    writeFileSync(join(chart, 'log.txt'), `Signature Log\n${PATIENT}\nJane Roe, PT, DPT    JR\n`);
    writeFileSync(
      join(chart, 'ledger.csv'),
      'Patient,DOB,DOS,CPT,Units,Payer\n"OKAFOR, GRACE",06/30/1979,10/05/2026,97110-GP,2,Medicare Part B\n',
    );
    dbPath = join(dir, 'old.db');
    db = openDatabase(dbPath);
    await importPaths(db, [chart]);
    // What a reader before EXTRACTOR_VERSION 1 stored: no version, none of the new fact kinds.
    db.prepare('DELETE FROM file_readings').run();
    const rows = db.prepare('SELECT document_id, facts FROM document_facts').all() as Array<{
      document_id: number;
      facts: string;
    }>;
    for (const r of rows) {
      const old = (JSON.parse(r.facts) as string[][]).filter(
        (f) => f[0] !== 'signature-illegible' && f[0] !== 'signature-log',
      );
      db.prepare('UPDATE document_facts SET facts = ? WHERE document_id = ?').run(
        JSON.stringify(old),
        r.document_id,
      );
    }
  }, 60_000);

  const signed = () =>
    reviewStore(db, { asOf: '2026-11-24', audit: false })
      .episodes.flatMap((e) => e.findings)
      .filter((f) => f.rule === 'DOC-SIGNED');

  it('the review says which files an older reader read and how to read them again', async () => {
    expect(filesReadByOlderReader(db)).toBe(3); // the ledger is not a note
    expect(signed().map((f) => f.status)).toEqual(['fail']); // read as unsigned
    const run = await cli(['review', '--db', dbPath, '--format', 'csv', '--as-of', '2026-11-24']);
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      `note: 3 imported file(s) were read by an older version of ChartReady's note reader; run "chartready reanalyze --db ${dbPath}"`,
    );
  });

  it('reads only those files again; the review then sees the illegible signature and the log', async () => {
    const run = await cli(['reanalyze', '--db', dbPath]);
    expect(run.code).toBe(0);
    expect(run.out).toBe('read 3 file(s) again: 3 document(s) before, 3 now');
    expect(filesReadByOlderReader(db)).toBe(0);
    const f = signed();
    expect(f.map((x) => x.status)).toEqual(['pass']);
    expect(f[0]!.evidence).toContainEqual({ file: 'log.txt', page: 1, quote: 'Signature Log' });
    expect((await cli(['reanalyze', '--db', dbPath])).out).toContain('nothing to do');
    const audit = db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 2`)
      .pluck()
      .all() as string[];
    expect(audit.map((d) => JSON.parse(d) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ reanalyze: true, files: 0 }),
      expect.objectContaining({ reanalyze: true, files: 3, documentsAfter: 3, failed: 0 }),
    ]);
  });
});
