/**
 * Re-exported notes (the same text in new bytes: CRLF, a trailing newline, an export stamp) are
 * one document: import keeps the first copy and says which file the others duplicate, within a
 * batch, across batches, and when a store imported before this was known is read again.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../src-main/core/import/pipeline';
import { reanalyzeStore } from '../../src-main/core/import/reanalyze';
import { openDatabase } from '../../src-main/core/store/db';

const note = (
  date: string,
  patient = 'Patient: Keel, Brandon   DOB: 08/30/1988   MRN: TWR-004417',
) =>
  [
    'DAILY NOTE - WORK CONDITIONING',
    '',
    patient,
    `Date of Service: ${date}`,
    'Time In 0800   Time Out 1020',
    'Total Treatment Time: 130 min',
    'S: Sore calf, ankle 2/10.',
    'O: Treadmill 2.8 mph 3% 12 min; case stacking 25 lb x 20',
    'A: Improved tolerance.',
    'P: Progress to 3 hr per POC.',
    'Electronically signed by Kayla Dunn, LPTA 09/09/2026 11:40',
  ].join('\n');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cr-dup-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A database outside the folders imported. */
const storePath = () => join(mkdtempSync(join(tmpdir(), 'cr-dup-db-')), 'store.db');

const documentCount = (db: ReturnType<typeof openDatabase>) =>
  db.prepare('SELECT count(*) FROM documents').pluck().get() as number;

describe('re-exported notes', () => {
  it('keeps one copy within a batch and names the file each copy duplicates', async () => {
    const original = note('09/09/2026');
    const dir = folder({
      'a.txt': original + '\n',
      'b-no-trailing-newline.txt': original,
      'c-crlf.txt': original.replace(/\n/g, '\r\n'),
      'd-stamp.txt': `${original}\n\n\nRe-exported 11/20/2026 08:02  HIM release  TWR-004417\n`,
      'e-stamp-crlf.txt': `${original}\n\n-- re-export date: 11/20/2026 --\n`.replace(
        /\n/g,
        '\r\n',
      ),
    });
    const db = openDatabase(storePath());
    const s = await importPaths(db, [dir]);
    const byName = new Map(s.files.map((f) => [f.path, f]));
    expect(byName.get('a.txt')!.status).toBe('imported');
    for (const copy of [
      'b-no-trailing-newline.txt',
      'c-crlf.txt',
      'd-stamp.txt',
      'e-stamp-crlf.txt',
    ]) {
      const f = byName.get(copy)!;
      expect(f.status, copy).toBe('skipped');
      expect(f.reason).toMatch(/^duplicate of a\.txt/);
      expect(f.duplicateOf).toBe('a.txt');
    }
    expect(documentCount(db)).toBe(1);
    db.close();
  });

  it('finds a copy of a document imported in an earlier batch', async () => {
    const first = folder({ 'keel/2026-09-09.txt': note('09/09/2026') });
    const second = folder({ 'DOC000191.txt': `${note('09/09/2026')}\r\n` });
    const db = openDatabase(storePath());
    await importPaths(db, [join(first, 'keel')]);
    const s = await importPaths(db, [second]);
    expect(s.files[0]).toMatchObject({ status: 'skipped', duplicateOf: '2026-09-09.txt' });
    expect(documentCount(db)).toBe(1);
    db.close();
  });

  it('keeps notes of another date or another patient with the same words', async () => {
    const dir = folder({
      'a.txt': note('09/09/2026'),
      'b.txt': note('09/10/2026'),
      'c.txt': note('09/09/2026', 'Patient: Pickett, Gerald   DOB: 12/05/1969   MRN: TWR-004452'),
    });
    const db = openDatabase(storePath());
    const s = await importPaths(db, [dir]);
    expect(s.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported']);
    expect(documentCount(db)).toBe(3);
    db.close();
  });

  it('leaves out the copied document of a file that also holds new ones, and says so', async () => {
    const dir = folder({
      'a.txt': note('09/09/2026'),
      'chart.txt': `${note('09/09/2026')}\f${note('09/10/2026')}`,
    });
    const db = openDatabase(storePath());
    const s = await importPaths(db, [dir]);
    const chart = s.files.find((f) => f.path === 'chart.txt')!;
    expect(chart).toMatchObject({ status: 'imported', documents: 1, duplicates: 1 });
    expect(chart.warnings).toContain(
      'page 1 duplicate a.txt (same patient, type, date and text): kept once',
    );
    expect(documentCount(db)).toBe(2);
    db.close();
  });

  it('drops the later copy when a store imported before duplicates were known is read again', async () => {
    const dir = folder({ 'a.txt': note('09/09/2026'), 'b.txt': `${note('09/09/2026')}\r\n` });
    const db = openDatabase(storePath());
    // As an older version stored them: both copies, no text hash, read by reader version 1.
    await importPaths(db, [join(dir, 'a.txt')]);
    db.prepare('UPDATE documents SET text_hash = NULL').run();
    await importPaths(db, [join(dir, 'b.txt')]);
    db.prepare('UPDATE documents SET text_hash = NULL').run();
    db.prepare('UPDATE file_readings SET extractor_version = 1').run();
    expect(documentCount(db)).toBe(2);
    const r = await reanalyzeStore(db);
    expect(r).toMatchObject({ files: 2, documentsBefore: 2, documentsAfter: 1, duplicates: 1 });
    const kept = db
      .prepare('SELECT f.path FROM documents d JOIN files f ON f.id = d.file_id')
      .pluck()
      .all();
    expect(kept).toEqual(['a.txt']);
    db.close();
  });
});
