/**
 * An addendum appended to a note that breaks the recordkeeping principles (no author, no date) is
 * not considered (PIM Ch. 3 §3.3.2.5): the minutes it adds do not document the visit, so the day
 * fails for its minutes and DOC-LATE-ENTRY is the error that names what leaned on the entry. A
 * compliant addendum's minutes count.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewStore } from '../../src-main/core/api/review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase } from '../../src-main/core/store/db';

const NOTE = [
  'DAILY TREATMENT NOTE',
  'Patient: Moss, Elena    DOB: 04/04/1955',
  'Date of service: 03/04/2026',
  'Interventions: therapeutic exercise - bridges 2x10, step-ups 6 in 2x10, bike 8 min.',
  'Response: tolerated well, no increase in knee pain.',
];

async function reviewNoteWith(addendum: string[]) {
  return reviewNote([...NOTE, 'Signed: Kim Lund, PT   03/04/2026', '', ...addendum]);
}

async function reviewNote(lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'chartready-addendum-'));
  try {
    writeFileSync(join(dir, 'note.txt'), lines.join('\n'));
    writeFileSync(
      join(dir, 'ledger.csv'),
      'Patient,DOB,DOS,CPT,Modifier,Units\n"Moss, Elena",04/04/1955,03/04/2026,97110,GP,2\n',
    );
    const db = openDatabase(join(dir, 'store.db'));
    try {
      await importPaths(db, [dir]);
      const [episode] = reviewStore(db, { asOf: '2026-06-30', audit: false }).episodes;
      return (rule: string) => episode!.findings.filter((f) => f.rule === rule);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('an addendum appended to a note', () => {
  it('without author or date adds no minutes; the late-entry finding names what leaned on it', async () => {
    const of = await reviewNoteWith([
      'ADDENDUM',
      'Minutes for billing: therapeutic exercise 97110 30 min.',
      'Total timed minutes: 30   Total treatment minutes: 30',
    ]);
    expect(of('DOC-DAILY-TIME').map((f) => f.status)).toContain('fail');
    const late = of('DOC-LATE-ENTRY').find((f) => f.status === 'fail');
    expect(late?.severity).toBe('error');
    expect(late?.message).toContain('DOC-DAILY-TIME');
  });

  it('dated and signed by its author in brackets after its label, its minutes count', async () => {
    const of = await reviewNoteWith([
      'ADDENDUM (03/05/2026 08:40, Kim Lund, PT): minutes for billing: therapeutic exercise 97110 30 min.',
      'Total timed minutes: 30   Total treatment minutes: 30',
    ]);
    expect(of('DOC-DAILY-TIME').map((f) => f.status)).not.toContain('fail');
    expect(of('DOC-LATE-ENTRY').map((f) => f.status)).not.toContain('fail');
  });

  it('typed into a note later opened and signed again is undated, and the note stays signed', async () => {
    const of = await reviewNote([
      ...NOTE,
      'Addendum: minutes for billing: therapeutic exercise 97110 30 min, added 03/09/2026.',
      'Total timed minutes: 30   Total treatment minutes: 30',
      'Entered 03/04/2026 17:02 by Kim Lund, PT, signed 03/04/2026 17:10; unlocked and re-signed 03/09/2026 08:00',
    ]);
    const late = of('DOC-LATE-ENTRY').find((f) => f.status === 'fail');
    expect(late?.message).toContain('has no date of its own');
    expect(of('DOC-SIGNED').map((f) => f.status)).not.toContain('fail');
    // Signed once, the block is the note's own text, dated and signed with it.
    const once = await reviewNote([
      ...NOTE,
      'Addendum: minutes for billing: therapeutic exercise 97110 30 min.',
      'Total timed minutes: 30   Total treatment minutes: 30',
      'Entered 03/04/2026 17:02 by Kim Lund, PT, signed 03/04/2026 17:10',
    ]);
    expect(once('DOC-LATE-ENTRY').map((f) => f.status)).not.toContain('fail');
  });

  it('signed and dated by its author, its minutes count', async () => {
    const of = await reviewNoteWith([
      'ADDENDUM 03/05/2026 by Kim Lund, PT',
      'Minutes for billing: therapeutic exercise 97110 30 min.',
      'Total timed minutes: 30   Total treatment minutes: 30',
    ]);
    expect(of('DOC-DAILY-TIME').map((f) => f.status)).not.toContain('fail');
    expect(of('DOC-LATE-ENTRY').map((f) => f.status)).not.toContain('fail');
  });
});
