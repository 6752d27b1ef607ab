/**
 * Reviewer decisions on the sample chart (issue 16): stable finding ids, decisions carried across
 * re-reviews, reopened when the finding changes or a fixed one comes back, every decision in the
 * hash-chained audit log; the findings and decide commands; a store path that does not exist.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../shared/model';
import type { ReviewedEpisode } from '../../shared/review';
import {
  applyDecisions,
  decideFinding,
  DecisionError,
  resolvedDecisions,
} from '../../src-main/core/api/decisions';
import { reviewStore } from '../../src-main/core/api/review';
import { getSettings, saveSettings } from '../../src-main/core/api/settings';
import { importPaths } from '../../src-main/core/import/pipeline';
import { reviewReportSchema } from '../../src-main/core/review/format';
import { readAuditLog, verifyAuditLog } from '../../src-main/core/store/audit';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { main } from '../../src-main/cli/main';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

let dir: string;
let dbPath: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-decisions-'));
  dbPath = join(dir, 'store.db');
  db = openDatabase(dbPath);
  await importPaths(db, [SAMPLE]);
}, 120_000);

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const decidable = (episodes: ReviewedEpisode[]): Array<{ ep: ReviewedEpisode; f: Finding }> =>
  episodes.flatMap((ep) =>
    ep.findings.filter((f) => f.status === 'fail' || f.status === 'warn').map((f) => ({ ep, f })),
  );

describe('finding ids and decisions', () => {
  it('gives each fail and warn finding a stable id, new only in the review that first reports it', () => {
    const first = reviewStore(db, { asOf: AS_OF });
    const open = decidable(first.episodes);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every(({ f }) => /^f-[0-9a-f]{28}$/.test(f.id ?? ''))).toBe(true);
    expect(new Set(open.map(({ f }) => f.id)).size).toBe(open.length);
    expect(open.every(({ f }) => f.new === true && !f.decision)).toBe(true);
    // Pass and n/a findings are not decided and carry no id.
    const quiet = first.episodes.flatMap((e) => e.findings).filter((f) => f.status === 'pass');
    expect(quiet.every((f) => f.id === undefined)).toBe(true);
    const second = reviewStore(db, { asOf: AS_OF });
    expect(decidable(second.episodes).map(({ f }) => f.id)).toEqual(open.map(({ f }) => f.id));
    expect(decidable(second.episodes).every(({ f }) => f.new === undefined)).toBe(true);
    expect(reviewReportSchema.safeParse(second).success).toBe(true);
  });

  it('carries a decision to the same finding in later reviews and logs it in the audit chain', () => {
    const report = reviewStore(db, { asOf: AS_OF, audit: false });
    const { f } = decidable(report.episodes)[0]!;
    expect(() =>
      decideFinding(db, report.episodes, { findingId: f.id!, as: 'confirmed', reason: 'real' }),
    ).toThrow(DecisionError);
    expect(() =>
      decideFinding(db, report.episodes, { findingId: 'f-0000', as: 'not-a-defect', reason: 'x' }),
    ).toThrow(/no fail or warn finding/);
    const decision = decideFinding(db, report.episodes, {
      findingId: f.id!,
      as: 'not-a-defect',
      reason: 'documented in the physician order, p. 1',
      by: 'R. Reviewer',
    });
    expect(decision).toMatchObject({ as: 'not-a-defect', by: 'R. Reviewer' });
    const again = reviewStore(db, { asOf: AS_OF });
    const same = decidable(again.episodes).find(({ f: g }) => g.id === f.id)!.f;
    expect(same.decision).toMatchObject({
      as: 'not-a-defect',
      reason: 'documented in the physician order, p. 1',
    });
    const entry = readAuditLog(db).find((e) => e.action === 'decision');
    expect(entry?.detail).toMatchObject({ finding: f.id, as: 'not-a-defect', rule: f.rule });
    // The log holds the decision, never the reason's words.
    expect(JSON.stringify(entry?.detail)).not.toContain('physician order');
    expect(verifyAuditLog(db).ok).toBe(true);
  });

  it('reopens a decision when its finding changed, saying what changed', () => {
    const report = reviewStore(db, { asOf: AS_OF, audit: false });
    const { ep, f } = decidable(report.episodes)[1]!;
    decideFinding(db, report.episodes, {
      findingId: f.id!,
      as: 'confirmed',
      reason: 'note is late',
      action: 'sign the note',
      due: '2026-12-15',
    });
    // As if the decision had been made on an earlier version of the finding, with other dates.
    db.prepare(
      "UPDATE finding_decisions SET finding_id = 'f-earlier', dates = ? WHERE finding_id = ?",
    ).run(JSON.stringify(['2026-01-02']), f.id);
    const again = reviewStore(db, { asOf: AS_OF, audit: false });
    const now = again.episodes.find((e) => e.id === ep.id)!.findings.find((g) => g.id === f.id)!;
    expect(now.decision).toBeUndefined();
    expect(now.reopened?.previous.as).toBe('confirmed');
    expect(now.reopened?.why).toContain('dates 2026-01-02 are now');
  });

  it('a finding marked fixed that goes away is resolved, and reopens if it comes back', () => {
    const report = reviewStore(db, { asOf: AS_OF, audit: false });
    const target = decidable(report.episodes).find(({ f }) => !f.decision && !f.reopened)!;
    decideFinding(db, report.episodes, {
      findingId: target.f.id!,
      as: 'fixed',
      reason: 'late entry imported: addendum 2026-11-20',
    });
    // A review of the episode that no longer reports it (the addendum was read as fixing it).
    const without = report.episodes.map((e) =>
      e.id === target.ep.id
        ? { ...e, findings: e.findings.filter((g) => g.id !== target.f.id) }
        : e,
    );
    applyDecisions(db, without, { record: true });
    expect(resolvedDecisions(db).map((r) => r.findingId)).toContain(target.f.id);
    // The next review reports it again: the fix did not hold.
    const back = reviewStore(db, { asOf: AS_OF });
    const f = back.episodes
      .find((e) => e.id === target.ep.id)!
      .findings.find((g) => g.id === target.f.id)!;
    expect(f.decision).toBeUndefined();
    expect(f.reopened?.why).toMatch(/marked fixed .* reported again/);
    expect(resolvedDecisions(db).map((r) => r.findingId)).not.toContain(target.f.id);
  });
});

describe('findings and decide commands', () => {
  function run(argv: string[]): { code: Promise<number>; out: () => string; err: () => string } {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
    const error = vi
      .spyOn(console, 'error')
      .mockImplementation((...a) => void err.push(a.join(' ')));
    const code = main(argv).finally(() => {
      log.mockRestore();
      error.mockRestore();
    });
    return { code, out: () => out.join('\n'), err: () => err.join('\n') };
  }

  it('records the reviewer named in Settings when --by is not given', async () => {
    saveSettings(db, { ...getSettings(db), reviewerName: 'R. Lindahl' });
    const report = reviewStore(db, { asOf: AS_OF, audit: false });
    const target = decidable(report.episodes).find(({ f }) => !f.decision && !f.reopened)!;
    db.close();
    try {
      const r = run([
        'decide',
        '--db',
        dbPath,
        '--finding',
        target.f.id!,
        '--as',
        'not-a-defect',
        '--reason',
        'documented in the plan, p. 2',
        '--as-of',
        AS_OF,
      ]);
      expect(await r.code).toBe(0);
      expect(r.out()).toContain('by R. Lindahl');
    } finally {
      db = openDatabase(dbPath);
    }
  });

  it('review applies the default payer profile chosen in Settings unless --payer-profile says otherwise', async () => {
    saveSettings(db, { ...getSettings(db), defaultPayerProfile: 'commercial' });
    db.close();
    try {
      const out = join(dir, 'settings-profile.json');
      const r = run(['review', '--db', dbPath, '--format', 'json', '--as-of', AS_OF, '--out', out]);
      expect(await r.code).toBe(0);
      const report = JSON.parse(readFileSync(out, 'utf8')) as {
        episodes: Array<{ profile: string }>;
      };
      expect(report.episodes.every((e) => e.profile === 'commercial')).toBe(true);
      // findings (and so decide, whose ids it lists) reviews with the same default profile.
      const listed = run(['findings', '--db', dbPath, '--json', '--as-of', AS_OF]);
      expect(await listed.code).toBe(0);
      const { findings } = JSON.parse(listed.out()) as { findings: Array<{ id: string }> };
      const reviewed = report as unknown as {
        episodes: Array<{ findings: Array<{ id?: string; status: string }> }>;
      };
      expect(findings.map((f) => f.id).sort()).toEqual(
        reviewed.episodes
          .flatMap((e) => e.findings)
          .flatMap((f) => (f.id ? [f.id] : []))
          .sort(),
      );
      const own = run([
        'review',
        '--db',
        dbPath,
        '--format',
        'json',
        '--payer-profile',
        'medicare',
        '--out',
        out,
      ]);
      expect(await own.code).toBe(0);
      const mine = JSON.parse(readFileSync(out, 'utf8')) as {
        episodes: Array<{ profile: string }>;
      };
      expect(mine.episodes.every((e) => e.profile === 'medicare')).toBe(true);
    } finally {
      db = openDatabase(dbPath);
      saveSettings(db, { ...getSettings(db), defaultPayerProfile: null });
    }
  });

  it('refuses a store path that does not exist instead of creating an empty one', async () => {
    const missing = join(dir, 'typo.db');
    for (const command of ['review', 'findings', 'payers', 'reanalyze']) {
      const r = run([command, '--db', missing]);
      expect(await r.code, command).toBe(1);
      expect(r.err()).toContain(`no ChartReady database at ${missing}`);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('lists open findings as JSON and records a decision from the command line', async () => {
    db.close();
    try {
      const listed = run(['findings', '--db', dbPath, '--open', '--json', '--as-of', AS_OF]);
      expect(await listed.code).toBe(0);
      const { findings } = JSON.parse(listed.out()) as {
        findings: Array<{ id: string; rule: string; decision: unknown; severity: string }>;
      };
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((f) => f.decision === null)).toBe(true); // the listing says null
      // Errors first.
      const firstWarning = findings.findIndex((f) => f.severity !== 'error');
      if (firstWarning > 0)
        expect(findings.slice(firstWarning).every((f) => f.severity !== 'error')).toBe(true);
      const usage = run(['decide', '--db', dbPath, '--finding', findings[0]!.id, '--as', 'maybe']);
      expect(await usage.code).toBe(2);
      const decided = run([
        'decide',
        '--db',
        dbPath,
        '--finding',
        findings[0]!.id,
        '--as',
        'not-a-defect',
        '--reason',
        'payer does not require it',
        '--by',
        'QA',
        '--as-of',
        AS_OF,
      ]);
      expect(await decided.code).toBe(0);
      expect(decided.out()).toContain(`recorded: ${findings[0]!.id} not-a-defect by QA`);
      const after = run(['findings', '--db', dbPath, '--decided', '--json', '--as-of', AS_OF]);
      expect(await after.code).toBe(0);
      const decidedList = JSON.parse(after.out()) as {
        findings: Array<{ id: string; decision: { as: string; by: string } | null }>;
      };
      expect(decidedList.findings.find((f) => f.id === findings[0]!.id)?.decision).toMatchObject({
        as: 'not-a-defect',
        by: 'QA',
      });
    } finally {
      db = openDatabase(dbPath);
    }
  });
});
