/**
 * Encryption at rest, the audit trail (hash chain, append-only), backups and PHI-free logs, all
 * on the bundled sample chart.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPacketForEpisode } from '../../src-main/core/api/packets';
import { runReview, writeReviewExport } from '../../src-main/core/api/review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { setLogSink } from '../../src-main/core/log';
import { auditLogCommand } from '../../src-main/cli/commands/audit-log';
import { UsageError } from '../../src-main/cli/usage';
import { auditHead, readAuditLog, verifyAuditLog } from '../../src-main/core/store/audit';
import { backupDatabase, encryptDatabase } from '../../src-main/core/store/backup';
import { DatabaseKeyError, openDatabase, type Db } from '../../src-main/core/store/db';

const SAMPLE = join(__dirname, '../../assets/sample-chart');
const AS_OF = '2026-11-24';
const NAMES = ['alvarez', 'okafor', 'chen', 'nguyen'];
const DOBS = ['1984-03-17', '03/17/1984', '1951-06-22', '1990-07-09', '1979-11-02'];
const NOTE_PHRASE = 'Motivated to return to work as Warehouse Associate';
const PASS = 'correct horse battery staple';

const dir = mkdtempSync(join(tmpdir(), 'cr-security-'));
const rawBytes = (file: string) =>
  Buffer.concat(
    ['', '-wal', '-shm']
      .map((s) => file + s)
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f)),
  );

const counts = (db: Db) =>
  Object.fromEntries(
    [
      'files',
      'pages',
      'documents',
      'document_facts',
      'billing_lines',
      'remit_claims',
      'import_log',
    ].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );

let plainFile: string;
let plain: Db;
const logLines: string[] = [];

beforeAll(async () => {
  plainFile = join(dir, 'plain.db');
  plain = openDatabase(plainFile);
  setLogSink((l) => logLines.push(l), 'debug');
  try {
    await importPaths(plain, [SAMPLE]);
    const { models, ...report } = runReview(plain, { asOf: AS_OF });
    writeReviewExport(plain, join(dir, 'review.json'), 'json', JSON.stringify(report));
    const idx = report.episodes.findIndex((e) => e.claims.length > 0);
    await buildPacketForEpisode(
      plain,
      models[idx]!,
      report.episodes[idx]!.findings,
      { episodeId: report.episodes[idx]!.id, kind: 'appeal' },
      AS_OF,
      join(dir, 'packet.pdf'),
    );
  } finally {
    setLogSink(null);
  }
});

afterAll(() => plain?.close());

describe('encryption at rest', () => {
  it('keeps note text and names out of the encrypted file; a plain file has them', async () => {
    const file = join(dir, 'enc.db');
    const db = openDatabase(file, { key: PASS });
    await importPaths(db, [SAMPLE]);
    expect(counts(db)).toEqual(counts(plain));
    db.close();
    const enc = rawBytes(file);
    const clear = rawBytes(plainFile);
    for (const needle of ['Alvarez', 'OKAFOR', NOTE_PHRASE]) {
      expect(clear.includes(needle), `plain has ${needle}`).toBe(true);
      expect(enc.includes(needle), `encrypted has ${needle}`).toBe(false);
    }
    // Reopens with the right passphrase.
    const again = openDatabase(file, { key: PASS });
    expect(counts(again)).toEqual(counts(plain));
    again.close();
  });

  it('refuses a wrong passphrase, or no passphrase, with a clear error', () => {
    const file = join(dir, 'enc-wrong.db');
    openDatabase(file, { key: PASS }).close();
    expect(() => openDatabase(file, { key: 'nope' })).toThrow(DatabaseKeyError);
    expect(() => openDatabase(file, { key: 'nope' })).toThrow(
      `wrong passphrase or not a ChartReady database: ${file}`,
    );
    expect(() => openDatabase(file)).toThrow(/encrypted one \(give its passphrase\)/);
  });

  it('encrypts an existing plain database into a new file with the same rows', () => {
    const out = join(dir, 'encrypted-copy.db');
    encryptDatabase(plainFile, out, PASS);
    const db = openDatabase(out, { key: PASS });
    expect(counts(db)).toEqual(counts(plain));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Full-text index rebuilt from the copied pages.
    const hits = db.prepare(
      "SELECT count(*) AS n FROM pages_fts WHERE pages_fts MATCH 'treadmill'",
    );
    expect((hits.get() as { n: number }).n).toBeGreaterThan(0);
    expect(verifyAuditLog(db).ok).toBe(true);
    db.close();
    expect(rawBytes(out).includes(NOTE_PHRASE)).toBe(false);
  });
});

describe('audit trail', () => {
  it('records import, review, export and packet entries with hashes and no PHI', () => {
    const entries = readAuditLog(plain);
    expect(entries.map((e) => e.action)).toEqual(['import', 'review', 'export', 'packet']);
    const imp = entries[0]!.detail as { files: Array<{ sha256: string | null }>; imported: number };
    // Every file of the sample chart, its scanned fax (read by OCR) included.
    expect(imp.imported).toBe(50);
    expect(imp.files.filter((f) => f.sha256 && /^[0-9a-f]{64}$/.test(f.sha256)).length).toBe(50);
    expect(entries[3]!.detail.sha256).toMatch(/^[0-9a-f]{64}$/);
    const text = JSON.stringify(entries).toLowerCase();
    for (const n of NAMES) expect(text).not.toContain(n);
    for (const d of DOBS) expect(text).not.toContain(d);
    expect(verifyAuditLog(plain)).toEqual({ ok: true, entries: 4 });
  });

  it('forbids UPDATE and DELETE through triggers', () => {
    expect(() =>
      plain.prepare("UPDATE audit_log SET action = 'review' WHERE id = 1").run(),
    ).toThrow(/append-only/);
    expect(() => plain.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
  });

  it('detects an edited entry at that entry, and a deleted one at the entry after it', async () => {
    const copy = join(dir, 'tamper.db');
    await plain.backup(copy);
    const db = openDatabase(copy);
    expect(verifyAuditLog(db).ok).toBe(true);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const detail = (
      db.prepare('SELECT detail FROM audit_log WHERE id = 2').get() as { detail: string }
    ).detail;
    db.prepare('UPDATE audit_log SET detail = ? WHERE id = 2').run(
      detail.replace('"fail":', '"fail":1'),
    );
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, brokenId: 2, reason: /edited/ });
    db.prepare('UPDATE audit_log SET detail = ? WHERE id = 2').run(detail);
    expect(verifyAuditLog(db).ok).toBe(true);
    db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, brokenId: 4, reason: /entry 3 missing/ });
    // Renumbering to hide the gap still breaks the chain.
    db.prepare('UPDATE audit_log SET id = 3 WHERE id = 4').run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, brokenId: 3, reason: /prev_hash/ });
    db.close();
  });

  it('detects entries cut off the end only against an anchor kept outside the database', async () => {
    const copy = join(dir, 'truncate.db');
    await plain.backup(copy);
    const db = openDatabase(copy);
    const head = auditHead(db)!;
    expect(head.id).toBe(readAuditLog(db).length);
    expect(verifyAuditLog(db, head)).toMatchObject({ ok: true });
    db.exec('DROP TRIGGER audit_log_no_delete;');
    db.prepare('DELETE FROM audit_log WHERE id >= ?').run(head.id - 1);
    // What is left is a valid chain: the cut cannot be seen without the anchor.
    expect(verifyAuditLog(db)).toEqual({ ok: true, entries: head.id - 2 });
    expect(verifyAuditLog(db, head)).toMatchObject({
      ok: false,
      brokenId: head.id,
      reason: `anchor entry ${head.id} is missing: the log ends at entry ${head.id - 2} (entries were cut off its end)`,
    });
    // An older anchor still matches; a forged hash for it does not.
    const first = readAuditLog(db)[0]!;
    expect(verifyAuditLog(db, { id: 1, hash: first.hash }).ok).toBe(true);
    expect(verifyAuditLog(db, { id: 1, hash: 'f'.repeat(64) })).toMatchObject({
      ok: false,
      reason: /does not match the anchor/,
    });
    db.close();
  });

  it('audit-log --head prints the anchor and --verify --anchor exits 1 on a cut log', async () => {
    const copy = join(dir, 'cli-anchor.db');
    await plain.backup(copy);
    const out: string[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => void out.push(a.join(' '));
    try {
      expect(await auditLogCommand(['--db', copy, '--head'])).toBe(0);
      const anchor = out.pop()!;
      expect(anchor).toMatch(/^\d+:[0-9a-f]{64}$/);
      expect(await auditLogCommand(['--db', copy, '--verify', '--anchor', anchor])).toBe(0);
      expect(out.pop()).toMatch(/hash chain intact, anchor entry \d+ matches$/);
      const db = openDatabase(copy);
      db.exec('DROP TRIGGER audit_log_no_delete;');
      db.prepare('DELETE FROM audit_log WHERE id = ?').run(Number(anchor.split(':')[0]));
      db.close();
      expect(await auditLogCommand(['--db', copy, '--verify', '--anchor', anchor])).toBe(1);
      expect(out.pop()).toMatch(/^BROKEN at entry \d+: anchor entry \d+ is missing/);
      await expect(
        auditLogCommand(['--db', copy, '--verify', '--anchor', '12:abc']),
      ).rejects.toThrow(UsageError);
    } finally {
      console.log = log;
    }
  });
});

describe('backup', () => {
  it('writes an online backup that opens, passes integrity_check, has the same counts, and is audited', async () => {
    const out = join(dir, 'backup.db');
    const before = readAuditLog(plain).length;
    const { counts: copied } = await backupDatabase(plain, out);
    expect(copied.files).toBe(counts(plain).files);
    const db = openDatabase(out);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(counts(db)).toEqual(counts(plain));
    db.close();
    const entries = readAuditLog(plain);
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ action: 'backup', detail: { output: out } });
    await expect(backupDatabase(plain, out)).rejects.toThrow(/already exists/);
  });

  it('backs up an encrypted database as an encrypted file', async () => {
    const file = join(dir, 'enc-bk-src.db');
    const db = openDatabase(file, { key: PASS });
    await importPaths(db, [join(SAMPLE, 'billing')]);
    const out = join(dir, 'enc-bk.db');
    await backupDatabase(db, out, { encrypted: true });
    db.close();
    expect(rawBytes(out).includes('Alvarez')).toBe(false);
    const copy = openDatabase(out, { key: PASS });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT count(*) AS n FROM billing_lines').get() as { n: number }).n).toBe(
      104,
    );
    copy.close();
  });
});

describe('logs', () => {
  it('debug logs of import, review and packet carry no names, DOBs or note text', () => {
    expect(logLines.length).toBeGreaterThan(50);
    const events = new Set(logLines.map((l) => (JSON.parse(l) as { event: string }).event));
    for (const e of ['import.file', 'import.batch', 'review', 'review.episode', 'packet']) {
      expect(events).toContain(e);
    }
    const all = logLines.join('\n').toLowerCase();
    for (const n of NAMES) expect(all).not.toContain(n);
    for (const d of DOBS) expect(all).not.toContain(d);
    for (const s of [NOTE_PHRASE, 'Floor-to-waist crate lift', 'Patient reports']) {
      expect(all).not.toContain(s.toLowerCase());
    }
  });
});
