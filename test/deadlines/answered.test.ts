/**
 * Marking a deadline answered (issue 17) on the bundled sample chart: the CO-50 appeal marked
 * answered stops counting down, goes last, has nothing missing and is cancelled in the calendar;
 * the mark survives a re-review and is in the audit log (chain verifying); reopening restores the
 * deadline; unknown ids, future dates and reopening an open deadline are refused, by the command
 * line and through the API the app uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRequest } from '../../shared/api-schemas';
import { ChartReadyService } from '../../src-main/core/api/service';
import { formatDeadlinesCsv, formatDeadlinesText } from '../../src-main/core/deadlines/format';
import { formatDeadlinesIcs } from '../../src-main/core/deadlines/ics';
import { listDeadlines } from '../../src-main/core/deadlines/list';
import { markAnswered, reopenDeadline } from '../../src-main/core/deadlines/answers';
import { importPaths } from '../../src-main/core/import/pipeline';
import { readAuditLog, verifyAuditLog } from '../../src-main/core/store/audit';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { runCli } from '../cli-run';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';
const CO50 = 'denial:RB26-0921-ALV';

let dir: string;
let dbPath: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-answered-'));
  dbPath = join(dir, 'store.db');
  db = openDatabase(dbPath);
  await importPaths(db, [SAMPLE]);
}, 120_000);

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = runCli;

/** The ICS event of a claim, unfolded enough for STATUS and SUMMARY (short lines here). */
function eventOf(ics: string, claim: string): string {
  const events = ics.split('BEGIN:VEVENT').slice(1);
  const hit = events.find((e) => e.includes(claim));
  if (!hit) throw new Error(`no event for ${claim}`);
  return hit;
}

describe('a deadline marked answered', () => {
  it('stops counting down, goes last, has nothing missing and is cancelled in the calendar', () => {
    const before = listDeadlines(db, { asOf: AS_OF });
    const open = before.items.find((i) => i.id === CO50)!;
    expect(open).toMatchObject({ status: 'due-soon', daysLeft: 13, answered: null });
    expect(open.missing).toContain('no appeal packet built');
    expect(before.items[0]!.id).toBe(CO50);
    expect(eventOf(formatDeadlinesIcs(before), 'RB26-0921-ALV')).toContain('STATUS:CONFIRMED');

    markAnswered(db, {
      itemId: CO50,
      on: '2026-11-20',
      how: 'faxed, confirmation 4471',
      by: 'Pat Reviewer',
      asOf: AS_OF,
    });
    const after = listDeadlines(db, { asOf: AS_OF });
    const done = after.items.find((i) => i.id === CO50)!;
    expect(done).toMatchObject({
      status: 'answered',
      // The dates stay what they were: the record of when it was due.
      due: '2026-12-07',
      answered: { on: '2026-11-20', how: 'faxed, confirmation 4471', by: 'Pat Reviewer' },
      missing: [],
    });
    expect(after.items.at(-1)!.id).toBe(CO50);
    expect(after.items.filter((i) => i.status === 'answered')).toHaveLength(1);
    const event = eventOf(formatDeadlinesIcs(after), 'RB26-0921-ALV');
    expect(event).toContain('STATUS:CANCELLED');
    expect(event).toMatch(/SUMMARY:Answered: /);
    expect(formatDeadlinesText(after)).toMatch(
      /ANSWERED 2026-11-20 {2}2026-12-07 .*RB26-0921-ALV[\s\S]*answered: 2026-11-20 \(faxed, confirmation 4471\), marked by Pat Reviewer/,
    );
    const csv = formatDeadlinesCsv(after).split('\r\n');
    expect(csv[0]).toMatch(/,answered_on,answered_how$/);
    expect(csv.find((l) => l.startsWith(`${CO50},`))).toMatch(
      /,answered,.*,2026-11-20,"?faxed, confirmation 4471"?$/,
    );
  });

  it('keeps the mark across a later review date and logs mark and reopening', () => {
    const later = listDeadlines(db, { asOf: '2026-12-20' });
    expect(later.items.find((i) => i.id === CO50)!.status).toBe('answered');
    // Without the mark the appeal would be overdue by then.
    reopenDeadline(db, CO50);
    const reopened = listDeadlines(db, { asOf: '2026-12-20' }).items.find((i) => i.id === CO50)!;
    expect(reopened).toMatchObject({ status: 'overdue', daysLeft: -13, answered: null });
    const trail = readAuditLog(db).filter(
      (e) => e.action === 'request' && (e.detail as { deadline?: string }).deadline === CO50,
    );
    expect(trail.map((e) => (e.detail as { event: string }).event)).toEqual([
      'answered',
      'reopened',
    ]);
    expect(verifyAuditLog(db).ok).toBe(true);
  });

  it('refuses an unknown deadline, a date after today and reopening an open one', () => {
    expect(() => markAnswered(db, { itemId: 'denial:NOPE', on: AS_OF, asOf: AS_OF })).toThrow(
      /no deadline denial:NOPE/,
    );
    expect(() => markAnswered(db, { itemId: 'claim 7', on: AS_OF, asOf: AS_OF })).toThrow(
      /not a deadline id/,
    );
    expect(() => markAnswered(db, { itemId: 'request:999', on: AS_OF, asOf: AS_OF })).toThrow(
      /no deadline request:999/,
    );
    expect(() => markAnswered(db, { itemId: CO50, on: '2026-11-25', asOf: AS_OF })).toThrow(
      /after today/,
    );
    expect(() => reopenDeadline(db, CO50)).toThrow(/not marked answered/);
  });
});

describe('the answered command and the API', () => {
  it('marks and reopens from the command line, and refuses what it cannot check', async () => {
    db.close();
    try {
      const ok = await run([
        'answered',
        '--db',
        dbPath,
        '--deadline',
        'denial:RB26-1012-OKA',
        '--on',
        '2026-11-21',
        '--how',
        'mailed',
      ]);
      expect(ok).toMatchObject({ code: 0 });
      expect(ok.out).toMatch(/marked deadline denial:RB26-1012-OKA answered on 2026-11-21/);
      const check = openDatabase(dbPath);
      try {
        const items = listDeadlines(check, { asOf: AS_OF }).items;
        expect(items.find((i) => i.id === 'denial:RB26-1012-OKA')!.answered).toMatchObject({
          on: '2026-11-21',
          how: 'mailed',
        });
      } finally {
        check.close();
      }
      expect(
        (await run(['answered', '--db', dbPath, '--deadline', 'denial:RB26-1012-OKA', '--reopen']))
          .code,
      ).toBe(0);
      const bad = await run(['answered', '--db', dbPath, '--deadline', 'denial:NOPE']);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/chartready answered: no deadline denial:NOPE/);
      const missing = await run(['answered', '--db', join(dir, 'typo.db'), '--deadline', CO50]);
      expect(missing.code).not.toBe(0);
    } finally {
      db = openDatabase(dbPath);
    }
  });

  it('marks answered through ChartReadyService with the reviewer from Settings, validated', async () => {
    expect(validateRequest('answerDeadline', { id: CO50, on: '2026-11-20' }).ok).toBe(true);
    expect(validateRequest('answerDeadline', { id: CO50, on: null }).ok).toBe(true);
    for (const bad of [
      { id: CO50, on: '11/20/2026' },
      { id: '', on: '2026-11-20' },
      { id: CO50 },
      { id: CO50, on: '2026-11-20', extra: 1 },
    ])
      expect(validateRequest('answerDeadline', bad).ok, JSON.stringify(bad)).toBe(false);
    db.close();
    const service = new ChartReadyService({ dbPath, asOf: AS_OF });
    try {
      const settings = await service.getSettings();
      await service.saveSettings({ ...settings, reviewerName: 'Dana Compliance' });
      const list = await service.answerDeadline({ id: CO50, on: '2026-11-22', how: 'portal' });
      expect(list.items.find((i) => i.id === CO50)!.answered).toMatchObject({
        on: '2026-11-22',
        by: 'Dana Compliance',
      });
      const back = await service.answerDeadline({ id: CO50, on: null });
      expect(back.items.find((i) => i.id === CO50)!.status).toBe('due-soon');
      await expect(service.answerDeadline({ id: CO50, on: '2026-12-01' })).rejects.toThrow(
        /after today/,
      );
    } finally {
      service.close();
      db = openDatabase(dbPath);
    }
  });
});
