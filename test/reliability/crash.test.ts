/**
 * Crash safety: a child process imports a generated batch (300 small note PDFs and ledgers, one
 * of them large) and is killed with SIGKILL at several points, including in the middle of the big
 * ledger. After each kill the database must pass integrity_check, hold every file the child
 * reported (complete), hold nothing partial, and a re-run must finish the batch with the same
 * counts as one clean run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/store/db';

const ROOT = join(__dirname, '../..');
const CHILD = join(ROOT, 'dist/node/import-child.mjs');
const NOTES = 300;
const BIG_LEDGER_ROWS = 150_000;

const dir = mkdtempSync(join(tmpdir(), 'cr-crash-'));
const batch = join(dir, 'batch');
/** Rows per ledger file name, to check a ledger is all there or not there at all. */
const ledgerRows = new Map<string, number>();
/** The file walked just before the big ledger: killing shortly after it lands mid-ledger. */
let beforeBig = '';

function ledger(rows: number, seed: number): string {
  const out = [
    'Patient Name,Acct #,DOS,CPT,Mod1,Mod2,Units,Charge,Primary Insurance,Claim #,Rendering Provider',
  ];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    out.push(
      `"TESTER, PAT${seed}",${900000 + seed},09/${day}/2026,97110,GP,,1,"$${(50 + (i % 40)).toFixed(2)}","Acme Health",CL-${seed}-${i},"SMITH, JO PT"`,
    );
  }
  return out.join('\n') + '\n';
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build-node.mjs'], { cwd: ROOT });
  expect(build.status, String(build.stderr)).toBe(0);
  mkdirSync(batch);
  for (let i = 0; i < NOTES; i++) {
    const doc = await PDFDocument.create();
    const f = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const lines = [
      'Daily Note',
      `Patient: Tester, Pat${i}`,
      'DOB: 01/02/1970',
      `Date of Service: 09/${String((i % 28) + 1).padStart(2, '0')}/2026`,
      `Therapeutic exercise 97110 x 2 units, visit ${i}`,
    ];
    lines.forEach((t, k) => page.drawText(t, { x: 50, y: 740 - k * 16, size: 11, font: f }));
    writeFileSync(join(batch, `n${String(i).padStart(3, '0')}.pdf`), await doc.save());
    // A small ledger after every 25 notes, and one big one in the middle of the batch.
    if (i % 25 === 24) {
      const name = `n${String(i).padStart(3, '0')}z-ledger.csv`;
      const rows = i === 149 ? BIG_LEDGER_ROWS : 40;
      if (i === 149) beforeBig = `n${String(i).padStart(3, '0')}.pdf`;
      ledgerRows.set(name, rows);
      writeFileSync(join(batch, name), ledger(rows, i));
    }
  }
}, 120_000);

interface ChildRun {
  reported: string[];
  done: boolean;
  killed: boolean;
}

/** Runs the child; kills it once `killAfter` files are reported (+ delayMs), if given. */
function runChild(
  db: string,
  kill?: { afterFile?: string; afterCount?: number; delayMs?: number },
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, db, batch], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const reported: string[] = [];
    let buf = '';
    let done = false;
    let killing = false;
    let stderr = '';
    const killNow = () => {
      if (killing) return;
      killing = true;
      const go = () => child.kill('SIGKILL');
      if (kill?.delayMs) setTimeout(go, kill.delayMs);
      else go();
    };
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('imported ')) {
          // Lines that arrive after the kill was decided were still committed before printing.
          reported.push(line.slice('imported '.length));
          const path = line.slice('imported '.length);
          if (kill?.afterCount !== undefined && reported.length >= kill.afterCount) killNow();
          if (kill?.afterFile !== undefined && path === kill.afterFile) killNow();
        } else if (line.startsWith('done ')) done = true;
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (!kill && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ reported, done, killed: signal === 'SIGKILL' });
    });
  });
}

const count = (db: Db, sql: string, ...args: unknown[]) =>
  (db.prepare(sql).get(...args) as { n: number }).n;

function tableCounts(db: Db) {
  return {
    files: count(db, 'SELECT count(*) AS n FROM files'),
    pages: count(db, 'SELECT count(*) AS n FROM pages'),
    documents: count(db, 'SELECT count(*) AS n FROM documents'),
    facts: count(db, 'SELECT coalesce(sum(json_array_length(facts)), 0) AS n FROM document_facts'),
    billing: count(db, 'SELECT count(*) AS n FROM billing_lines'),
    imported: count(db, "SELECT count(*) AS n FROM import_log WHERE status = 'imported'"),
    distinctHashes: count(db, 'SELECT count(DISTINCT sha256) AS n FROM files'),
  };
}

/** Everything the database holds is whole, and everything reported is there. */
function checkConsistent(dbFile: string, reported: string[]) {
  const db = openDatabase(dbFile);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const rows = db
      .prepare('SELECT id, path, kind, page_count, content IS NOT NULL AS has FROM files')
      .all() as Array<{
      id: number;
      path: string;
      kind: string;
      page_count: number | null;
      has: number;
    }>;
    const byPath = new Map(rows.map((r) => [r.path, r]));
    const logged = new Set(
      (
        db.prepare("SELECT path FROM import_log WHERE status = 'imported'").all() as Array<{
          path: string;
        }>
      ).map((r) => r.path),
    );
    // Every reported file is complete.
    for (const p of reported) {
      const f = byPath.get(p);
      expect(f, `reported ${p} is stored`).toBeDefined();
      expect(logged.has(p), `reported ${p} is logged imported`).toBe(true);
    }
    // Nothing partial: each stored file has all its content and a log entry.
    for (const f of rows) {
      expect(logged.has(f.path), `${f.path} stored but not logged imported`).toBe(true);
      if (f.kind === 'ledger') {
        expect(count(db, 'SELECT count(*) AS n FROM billing_lines WHERE file_id = ?', f.id)).toBe(
          ledgerRows.get(f.path),
        );
      } else {
        expect(f.has, `${f.path} has its bytes`).toBe(1);
        expect(count(db, 'SELECT count(*) AS n FROM pages WHERE file_id = ?', f.id)).toBe(
          f.page_count,
        );
        expect(
          count(db, 'SELECT count(*) AS n FROM documents WHERE file_id = ?', f.id),
        ).toBeGreaterThan(0);
      }
    }
    // No billing lines for a file that is not logged imported.
    expect(
      count(
        db,
        `SELECT count(*) AS n FROM billing_lines b JOIN files f ON f.id = b.file_id
         WHERE f.path NOT IN (SELECT path FROM import_log WHERE status = 'imported')`,
      ),
    ).toBe(0);
    return tableCounts(db);
  } finally {
    db.close();
  }
}

describe('crash safety (SIGKILL during import)', () => {
  it('never loses a reported file, never keeps a partial one, and resumes to a clean result', async () => {
    // Reference: one clean run.
    const cleanDb = join(dir, 'clean.db');
    const clean = await runChild(cleanDb);
    expect(clean.done).toBe(true);
    const expected = checkConsistent(cleanDb, clean.reported);
    expect(expected.files).toBe(NOTES + ledgerRows.size);
    expect(expected.billing).toBe([...ledgerRows.values()].reduce((a, b) => a + b, 0));

    const db = join(dir, 'crashed.db');
    const kills = [
      { afterCount: 10 },
      { afterCount: 40, delayMs: 15 },
      // Mid-ledger: the big ledger takes far longer than this delay to stream in.
      { afterFile: beforeBig, delayMs: 150 },
      { afterCount: 30, delayMs: 5 },
    ];
    const reportedSoFar: string[] = [];
    let midLedgerChecked = false;
    for (const k of kills) {
      const run = await runChild(db, k);
      expect(run.killed, `kill ${JSON.stringify(k)} happened before the batch finished`).toBe(true);
      reportedSoFar.push(...run.reported);
      checkConsistent(db, reportedSoFar);
      if (k.afterFile) {
        const big = [...ledgerRows].find(([, n]) => n === BIG_LEDGER_ROWS)![0];
        // The kill landed while the big ledger was streaming: it is all absent, not half there.
        if (!run.reported.includes(big)) {
          const c = openDatabase(db);
          expect(count(c, 'SELECT count(*) AS n FROM files WHERE path = ?', big)).toBe(0);
          c.close();
          midLedgerChecked = true;
        }
      }
    }
    expect(midLedgerChecked).toBe(true);
    // Re-running finishes the batch: same counts as the clean run, no duplicates.
    const last = await runChild(db);
    expect(last.done).toBe(true);
    const final = checkConsistent(db, [...reportedSoFar, ...last.reported]);
    expect(final).toEqual(expected);
    expect(final.distinctHashes).toBe(final.files);
    // A file can commit in the instant between its transaction and its report line, before the
    // kill: then the re-run skips it (same hash) and no run reports it as imported. What matters is
    // that everything reported is stored and the store holds exactly the whole batch.
    const reportedAll = new Set([...reportedSoFar, ...last.reported]);
    const c = openDatabase(db);
    const stored = new Set(
      (
        c.prepare('SELECT path FROM files WHERE parent_id IS NULL').all() as Array<{ path: string }>
      ).map((r) => r.path),
    );
    c.close();
    for (const p of reportedAll) expect(stored.has(p), `reported ${p} is stored`).toBe(true);
    expect(stored.size).toBe(expected.files);
  }, 240_000);
});
