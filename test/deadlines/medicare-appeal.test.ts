/**
 * A Medicare denial with appeal rights, from a stored 835: the sample chart's Medicare remit with
 * its MA130 remarks taken out, so the CO-4 claim is an ordinary denial. Its redetermination is due
 * 120 days from receipt, receipt presumed 5 days after the remit's payment date (rules.md
 * section 6), and the packet states the same date.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReview } from '../../src-main/core/api/review';
import { planPacketForEpisode } from '../../src-main/core/api/packets';
import { listDeadlines } from '../../src-main/core/deadlines/list';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase, type Db } from '../../src-main/core/store/db';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-medicare-appeal-'));
  const chart = join(dir, 'chart');
  for (const part of ['chen-robert', 'billing'])
    cpSync(join(SAMPLE, part), join(chart, part), { recursive: true });
  const remit = readFileSync(join(SAMPLE, 'remits/medicare_835.835'), 'utf8');
  const segments = remit.split('~');
  const removed = segments.filter((s) => s.trim() === 'LQ*HE*MA130').length;
  expect(removed).toBe(5);
  // Two remarks sit in the third transaction, three in the fifth: their segment counts drop.
  const counts: Record<string, string> = { 'SE*66*0003': 'SE*64*0003', 'SE*65*0005': 'SE*62*0005' };
  const edited = segments
    .filter((s) => s.trim() !== 'LQ*HE*MA130')
    .map((s) => (counts[s.trim()] ? s.replace(s.trim(), counts[s.trim()]!) : s))
    .join('~');
  cpSync(join(SAMPLE, 'remits'), join(chart, 'remits'), { recursive: true });
  writeFileSync(join(chart, 'remits/medicare_835.835'), edited);
  db = openDatabase(join(dir, 'store.db'));
  const summary = await importPaths(db, [chart]);
  expect(summary.files.filter((f) => f.status === 'rejected')).toEqual([]);
}, 120_000);

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a Medicare denial with appeal rights', () => {
  it('is due for redetermination 125 days after the remit date, verified, with the later levels', () => {
    const items = listDeadlines(db, { asOf: AS_OF }).items.filter(
      (i) => i.payer.kind === 'medicare' && i.origin === 'denial',
    );
    // Each claim's notice date is its own 835 transaction's payment date (BPR16).
    expect(items.map((i) => [i.claimId, i.kind, i.noticeDate, i.due])).toEqual([
      ['RB26-0817-CHE', 'appeal', '2026-08-31', '2027-01-03'],
      ['RB26-0831-CHE', 'appeal', '2026-09-14', '2027-01-17'],
    ]);
    const appeal = items.find((i) => i.kind === 'appeal')!;
    expect(appeal).toMatchObject({
      label: 'Redetermination request',
      denial: { code: 'CO-4', remarks: [] },
      verified: true,
      payer: { profile: 'medicare' },
    });
    const notice = appeal.noticeDate!;
    const due = new Date(Date.parse(`${notice}T00:00:00Z`) + 125 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(appeal.due).toBe(due);
    expect(appeal.counted).toBe(`120 days from receipt (presumed 5 days after ${notice})`);
    expect(appeal.basis).toContain('42 CFR 405.942');
    expect(appeal.next.join('\n')).toMatch(
      /Reconsideration \(QIC\): 180 days[\s\S]*ALJ hearing \(OMHA\): 60 days/,
    );
    // The packet for the same claim states the same date. Its CO-4 is the review's own finding
    // (no therapy modifier), so that appeal is refused (issue 15): the deadline is checked on an
    // appeal of the same remit with a code the review does not confirm.
    const report = runReview(db, { asOf: AS_OF, audit: false });
    const i = report.episodes.findIndex((e) => e.claims.includes(appeal.claimId));
    const plan = planPacketForEpisode(
      db,
      report.models[i]!,
      report.episodes[i]!.findings,
      {
        episodeId: report.episodes[i]!.id,
        claimId: appeal.claimId,
        kind: 'appeal',
        denial: 'CO-50',
      },
      AS_OF,
    );
    expect(plan.deadline?.date).toBe(appeal.due);
    expect(plan.deadline?.daysLeft).toBe(appeal.daysLeft);
  });
});
