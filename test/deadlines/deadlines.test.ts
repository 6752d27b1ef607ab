/**
 * Deadlines, records requests and probe samples on the bundled sample chart (issue 17): the 835
 * denials' appeal dates (CO-50, CO-97; CO-4 with MA130 has none), an ADR due 45 days from its
 * letter, packet status, the ICS file parsed back, samples reproducible by seed, migration 0011,
 * and the commands refusing a database that does not exist.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getSettings, saveSettings } from '../../src-main/core/api/settings';
import { validateRequest } from '../../shared/api-schemas';
import { main } from '../../src-main/cli/main';
import { ChartReadyService } from '../../src-main/core/api/service';
import { buildPacketForEpisode } from '../../src-main/core/api/packets';
import { runReview } from '../../src-main/core/api/review';
import { dueDate } from '../../src-main/core/deadlines/due';
import { listDeadlines, type DeadlineItem } from '../../src-main/core/deadlines/list';
import {
  parsePayerDeadlines,
  setPayerDeadlines,
} from '../../src-main/core/deadlines/payer-deadlines';
import { deadlineProfile } from '../../src-main/core/deadlines/profiles';
import { recordRequest, RequestError } from '../../src-main/core/deadlines/requests';
import { importPaths } from '../../src-main/core/import/pipeline';
import { createSample, loadSample, sampleReport } from '../../src-main/core/sampling/samples';
import { readAuditLog, recordAudit, verifyAuditLog } from '../../src-main/core/store/audit';
import { migrate, openDatabase, schemaVersion, type Db } from '../../src-main/core/store/db';
import { MIGRATIONS } from '../../src-main/core/store/migrations';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';
const PATIENTS = ['Alvarez', 'Chen', 'Nguyen', 'Okafor'];

let dir: string;
let dbPath: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-deadlines-'));
  dbPath = join(dir, 'store.db');
  db = openDatabase(dbPath);
  await importPaths(db, [SAMPLE]);
}, 120_000);

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(argv: string[]): { code: Promise<number>; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi
    .spyOn(console, 'log')
    .mockImplementation((...a) => void out.push(a.join(' ') + '\n'));
  const write = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const code = main(argv).finally(() => {
    log.mockRestore();
    write.mockRestore();
    error.mockRestore();
  });
  return { code, out: () => out.join(''), err: () => err.join('\n') };
}

const byClaim = (items: DeadlineItem[], claim: string, origin = 'denial') =>
  items.find((i) => i.claimId === claim && i.origin === origin)!;

describe('deadline windows (data)', () => {
  it('counts Medicare as rules.md section 6 says, with sources', () => {
    const medicare = deadlineProfile('medicare', null);
    // Redetermination: 120 days from receipt, receipt presumed 5 days after the notice.
    expect(dueDate(medicare.appeal, '2026-10-20')).toBe('2027-02-22');
    expect(medicare.appeal).toMatchObject({ days: 120, receiptDays: 5, verified: true });
    expect(medicare.appeal.source).toContain('405.942');
    expect(medicare.laterLevels.map((l) => l.days)).toEqual([180, 60]);
    // ADR: 45 days from the date on the letter (no presumed receipt).
    expect(dueDate(medicare.requests.adr, '2026-11-02')).toBe('2026-12-17');
    expect(medicare.requests.rac.days).toBe(45);
    // Workers' comp and commercial defaults are data marked unverified.
    for (const kind of ['workers-comp', 'commercial'] as const) {
      const p = deadlineProfile(kind, null);
      expect(p.appeal.verified).toBe(false);
      expect(p.appeal.source).toMatch(/^UNVERIFIED/);
    }
    expect(deadlineProfile('workers-comp', 'CA').appeal.days).toBe(90);
  });
});

describe('deadlines on the sample chart', () => {
  it('stops listing the clinic details once Settings holds them', () => {
    const before = getSettings(db);
    saveSettings(db, {
      ...before,
      clinicName: 'Riverbend Physical Therapy',
      addressLines: ['1420 Riverside Drive', 'Springfield, IL 62704'],
      phone: '217-555-0100',
      npi: '1234567893',
      taxId: '99-0000001',
      signerName: 'Dana Whitfield',
      signerTitle: 'Clinic Director',
    });
    const co50 = byClaim(listDeadlines(db, { asOf: AS_OF }).items, 'RB26-0921-ALV');
    expect(co50.missing.join('\n')).not.toContain('clinic details');
    saveSettings(db, before);
  });

  it("dates each 835 denial's appeal; the MA130 claims have none and say to resubmit", () => {
    const { items } = listDeadlines(db, { asOf: AS_OF });
    const co50 = byClaim(items, 'RB26-0921-ALV');
    expect(co50).toMatchObject({
      kind: 'appeal',
      denial: { code: 'CO-50' },
      // The claim's own 835 transaction's payment date, not the file's first.
      noticeDate: '2026-10-08',
      due: '2026-12-07', // the workers' comp default: 60 days from the remit date
      daysLeft: 13,
      status: 'due-soon',
      verified: false,
      packet: { kind: 'appeal', builtAt: null },
    });
    expect(co50.missing).toContain('no appeal packet built');
    // The clinic's details the letter prints are missing on a new store: said, not "nothing".
    expect(co50.missing).toContain(
      'clinic details the letter prints (Settings): clinic name, clinic address, clinic phone, clinic NPI, clinic tax ID, signer name, signer title',
    );
    const co97 = byClaim(items, 'RB26-1012-OKA');
    expect(co97).toMatchObject({ denial: { code: 'CO-97' }, due: '2026-12-28', daysLeft: 34 });
    // Open error findings on the claim's dates are what is still missing.
    expect(co97.openErrors.map((e) => e.rule)).toEqual(['BILL-97546-REQUIRES-97545']);
    expect(co97.missing.join('\n')).toContain('BILL-97546-REQUIRES-97545');
    // The review confirms that denial on every line: no appeal is offered, and the list says why
    // rather than "no appeal packet built"; the CO-50 claim has an appeal to build.
    expect(co97.appealConfirmedBy).toMatch(/\(BILL-97546-REQUIRES-97545\)$/);
    expect(co97.missing).not.toContain('no appeal packet built');
    expect(co97.missing[0]).toMatch(
      /^no appeal is offered: the review confirms the denial on every line at issue \(.*\(BILL-97546-REQUIRES-97545\)\); send the records if asked/,
    );
    expect(co50.appealConfirmedBy).toBeNull();
    for (const claim of ['RB26-0817-CHE', 'RB26-0831-CHE']) {
      const ma130 = byClaim(items, claim);
      expect(ma130).toMatchObject({
        kind: 'corrected-claim',
        denial: { code: 'CO-4', remarks: ['MA130'] },
        due: null,
        daysLeft: null,
        status: 'no-deadline',
      });
      // Only the lines without GP came back: the claim's other lines were paid.
      expect(ma130.label).toMatch(/^Corrected lines \(2026-08-\d\d returned as unprocessable\)$/);
      expect(ma130.missing[0]).toMatch(
        /on the lines of 2026-08-\d\d and resubmit them \(the claim's other lines were processed\): no appeal deadline runs/,
      );
    }
    // Overdue first, then fewest days left, then those without a deadline.
    expect(items.map((i) => i.claimId)).toEqual([
      'RB26-0921-ALV',
      'RB26-1012-OKA',
      'RB26-0817-CHE',
      'RB26-0831-CHE',
    ]);
  });

  it("takes a payer's own window from the clinic's payer list", () => {
    const before = listDeadlines(db, { asOf: AS_OF });
    const payer = byClaim(before.items, 'RB26-1012-OKA').payer.name!;
    setPayerDeadlines(db, payer.toUpperCase(), {
      appealDays: 90,
      requestDays: null,
      source: 'provider agreement 2026, section 7',
    });
    const item = byClaim(listDeadlines(db, { asOf: AS_OF }).items, 'RB26-1012-OKA');
    expect(item).toMatchObject({ due: '2027-01-27', verified: true });
    expect(item.basis).toContain('provider agreement 2026');
    // Medicare's windows are regulation: a payer-list entry does not change them.
    setPayerDeadlines(db, 'Medicare Part B', { appealDays: 10, requestDays: 10, source: 'x' });
    const req = recordRequest(db, {
      claimId: 'RB26-0803-CHE',
      kind: 'tpe',
      dated: '2026-11-02',
      received: null,
      from: null,
    });
    const tpe = listDeadlines(db, { asOf: AS_OF }).items.find((i) => i.id === `request:${req.id}`);
    expect(tpe?.due).toBe('2026-12-17');
  });

  it('records an ADR (due 45 days from its letter) in the audit log; refuses an unknown claim', () => {
    expect(() =>
      recordRequest(db, {
        claimId: 'NO-SUCH',
        kind: 'adr',
        dated: '2026-11-02',
        received: null,
        from: null,
      }),
    ).toThrow(RequestError);
    const req = recordRequest(db, {
      claimId: 'RB26-0907-CHE',
      kind: 'adr',
      dated: '2026-11-02',
      received: '2026-11-12',
      from: 'Novitas Solutions',
    });
    const item = listDeadlines(db, { asOf: AS_OF }).items.find(
      (i) => i.id === `request:${req.id}`,
    )!;
    expect(item).toMatchObject({
      kind: 'adr',
      label: 'Records (ADR) response',
      noticeDate: '2026-11-02',
      received: '2026-11-12',
      due: '2026-12-17',
      daysLeft: 23,
      status: 'open',
      verified: true,
      payer: { kind: 'medicare' },
      packet: { kind: 'adr', builtAt: null },
    });
    expect(item.missing).toContain('no records-request (ADR) packet built');
    expect(item.missing.join('\n')).toContain('received 10 days after');
    const entry = readAuditLog(db)
      .filter((e) => e.action === 'request')
      .at(-1)!;
    expect(entry.detail).toMatchObject({
      claim: 'RB26-0907-CHE',
      kind: 'adr',
      dated: '2026-11-02',
    });
    expect(JSON.stringify(entry.detail)).not.toMatch(/Chen|Robert/);
    expect(verifyAuditLog(db).ok).toBe(true);
  });

  it('shows the packet as built once one is', async () => {
    // Alvarez's CO-50 (Okafor's CO-97 appeal is refused: the review confirms that denial).
    const report = runReview(db, { asOf: AS_OF, audit: false });
    const idx = report.episodes.findIndex((e) => e.claims.includes('RB26-0921-ALV'));
    await buildPacketForEpisode(
      db,
      report.models[idx]!,
      report.episodes[idx]!.findings,
      {
        episodeId: report.episodes[idx]!.id,
        claimId: 'RB26-0921-ALV',
        kind: 'appeal',
        denial: null,
      },
      AS_OF,
    );
    const item = byClaim(listDeadlines(db, { asOf: AS_OF }).items, 'RB26-0921-ALV');
    expect(item.packet.builtAt).not.toBeNull();
    expect(item.missing).not.toContain('no appeal packet built');
  });
});

/** Unfolds an iCalendar text (RFC 5545 3.1) into content lines, checking CRLF and 75 octets. */
function parseIcs(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const raw = text.slice(0, -2).split('\r\n');
  for (const l of raw) {
    expect(l).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  }
  const lines: string[] = [];
  for (const l of raw) {
    if (l.startsWith(' ')) lines[lines.length - 1] += l.slice(1);
    else lines.push(l);
  }
  return lines;
}

describe('the deadlines command', () => {
  it('writes ICS a calendar reads back: one all-day event per due date, no patient names', async () => {
    db.close();
    try {
      const ics = run(['deadlines', '--db', dbPath, '--format', 'ics', '--as-of', AS_OF]);
      expect(await ics.code).toBe(0);
      const text = ics.out();
      const lines = parseIcs(text);
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines).toContain('VERSION:2.0');
      expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
      expect(lines.at(-1)).toBe('END:VCALENDAR');
      const events: Array<Record<string, string>> = [];
      let current: Record<string, string> | null = null;
      for (const l of lines) {
        if (l === 'BEGIN:VEVENT') current = {};
        else if (l === 'END:VEVENT') {
          events.push(current!);
          current = null;
        } else if (current) {
          const colon = l.indexOf(':');
          current[l.slice(0, colon)] = l.slice(colon + 1);
        }
      }
      const json = run(['deadlines', '--db', dbPath, '--format', 'json', '--as-of', AS_OF]);
      expect(await json.code).toBe(0);
      const dated = (JSON.parse(json.out()) as { items: DeadlineItem[] }).items.filter(
        (i) => i.due,
      );
      expect(events).toHaveLength(dated.length);
      expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);
      for (const [k, e] of events.entries()) {
        expect(e['DTSTART;VALUE=DATE']).toBe(dated[k]!.due!.replace(/-/g, ''));
        expect(e['DTEND;VALUE=DATE']).toMatch(/^\d{8}$/);
        expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
        expect(e.UID).toMatch(/@chartready\.local$/);
        expect(e.SUMMARY).toContain(`claim ${dated[k]!.claimId}`);
      }
      for (const name of PATIENTS) expect(text).not.toContain(name);
      expect(text).not.toMatch(/Novitas|Midwest|Great Lakes/);
      // The text and CSV forms say overdue in words.
      const plain = run(['deadlines', '--db', dbPath, '--as-of', AS_OF]);
      expect(await plain.code).toBe(0);
      expect(plain.out()).toContain('due soon: 13 days left');
      const csv = run(['deadlines', '--db', dbPath, '--format', 'csv', '--as-of', AS_OF]);
      expect(await csv.code).toBe(0);
      expect(csv.out().split('\r\n')[0]).toMatch(/^id,kind,label,claim,/);
      expect(csv.out()).toContain(',13,due-soon,');
    } finally {
      db = openDatabase(dbPath);
    }
  });

  it('records a request from the command line and refuses what it cannot check', async () => {
    db.close();
    try {
      const ok = run([
        'request',
        '--db',
        dbPath,
        '--claim',
        'RB26-0921-ALV',
        '--kind',
        'carrier',
        '--dated',
        '2026-11-20',
        '--from',
        'Midwest WC',
        '--json',
      ]);
      expect(await ok.code).toBe(0);
      expect(JSON.parse(ok.out())).toMatchObject({ claimId: 'RB26-0921-ALV', kind: 'carrier' });
      const unknown = run([
        'request',
        '--db',
        dbPath,
        '--claim',
        'NOPE',
        '--kind',
        'adr',
        '--dated',
        '2026-11-20',
      ]);
      expect(await unknown.code).toBe(1);
      expect(unknown.err()).toContain('no claim NOPE');
      const badKind = run([
        'request',
        '--db',
        dbPath,
        '--claim',
        'RB26-0921-ALV',
        '--kind',
        'audit',
        '--dated',
        '2026-11-20',
      ]);
      expect(await badKind.code).toBe(2);
      const badDate = run([
        'request',
        '--db',
        dbPath,
        '--claim',
        'RB26-0921-ALV',
        '--kind',
        'adr',
        '--dated',
        '11/20/2026',
      ]);
      expect(await badDate.code).toBe(2);
    } finally {
      db = openDatabase(dbPath);
    }
  });

  it("sets a payer's own windows with payers --deadlines, and wants their source", async () => {
    expect(parsePayerDeadlines('Acme Health=appeal:180')).toEqual({
      name: 'Acme Health',
      appealDays: 180,
      requestDays: null,
    });
    expect(() => parsePayerDeadlines('Acme=appeal:0')).toThrow();
    expect(() => parsePayerDeadlines('appeal:30')).toThrow();
    db.close();
    try {
      const noSource = run(['payers', '--db', dbPath, '--deadlines', 'X=appeal:30']);
      expect(await noSource.code).toBe(2);
      const ok = run([
        'payers',
        '--db',
        dbPath,
        '--deadlines',
        "Midwest Workers' Compensation Insurance Co.=appeal:120,request:15",
        '--source',
        'carrier letter 2026-01-05',
        '--as-of',
        AS_OF,
      ]);
      expect(await ok.code).toBe(0);
    } finally {
      db = openDatabase(dbPath);
    }
    const item = byClaim(listDeadlines(db, { asOf: AS_OF }).items, 'RB26-0921-ALV');
    expect(item).toMatchObject({ due: '2027-02-05', status: 'open', verified: true });
  });

  it('refuses a store path that does not exist instead of creating an empty one', async () => {
    const missing = join(dir, 'typo.db');
    for (const argv of [
      ['deadlines', '--db', missing],
      ['request', '--db', missing, '--claim', 'X', '--kind', 'adr', '--dated', '2026-11-02'],
      ['sample', '--db', missing, '--n', '2', '--seed', '1'],
      ['sample-report', '--db', missing, '--sample', '1'],
    ]) {
      const r = run(argv);
      expect(await r.code, argv[0]).toBe(1);
      expect(r.err()).toContain(`no ChartReady database at ${missing}`);
    }
    expect(existsSync(missing)).toBe(false);
  });
});

describe('probe samples', () => {
  it('draws the same claims from the same frame and seed, and records frame, seed and method', () => {
    const a = createSample(db, { n: 6, per: null, seed: 20261124n, asOf: AS_OF });
    const b = createSample(db, { n: 6, per: null, seed: 20261124n, asOf: AS_OF });
    const c = createSample(db, { n: 6, per: null, seed: 7n, asOf: AS_OF });
    expect(b.members.map((m) => m.claimId)).toEqual(a.members.map((m) => m.claimId));
    expect(c.members.map((m) => m.claimId)).not.toEqual(a.members.map((m) => m.claimId));
    expect(new Set(a.members.map((m) => m.claimId)).size).toBe(6);
    expect(a.frame.hash).toBe(b.frame.hash);
    const stored = loadSample(db, a.id)!;
    expect(stored).toMatchObject({
      seed: '20261124',
      n: 6,
      per: null,
      frame: { size: 15, unit: 'claim' },
    });
    expect(stored.method).toContain('simple random sampling');
    expect(stored.members).toEqual(a.members);
    const entry = readAuditLog(db)
      .filter((e) => e.action === 'sample')
      .at(-1)!;
    expect(entry.detail).toMatchObject({ sample: c.id, seed: '7', n: 6, frameSize: 15 });
  });

  it('stratifies by payer and by clinician, every stratum drawn from its own claims', () => {
    for (const per of ['payer', 'clinician'] as const) {
      const s = createSample(db, { n: 6, per, seed: 99n, asOf: AS_OF });
      expect(s.members).toHaveLength(6);
      const strata = s.frame.strata!;
      expect(Object.values(strata).reduce((x, y) => x + y, 0)).toBe(15);
      // Every stratum gets a claim while n allows.
      expect(new Set(s.members.map((m) => m.stratum)).size).toBe(
        Math.min(6, Object.keys(strata).length),
      );
      expect(createSample(db, { n: 6, per, seed: 99n, asOf: AS_OF }).members).toEqual(s.members);
    }
  });

  it("reports the error rate and dollars at risk from the review's open error findings", () => {
    const s = createSample(db, { n: 15, per: null, seed: 1n, asOf: AS_OF });
    const r = sampleReport(db, s, { asOf: AS_OF });
    const report = runReview(db, { asOf: AS_OF, audit: false });
    // A census: the error count is the number of claims with an open error fail on their dates.
    let expected = 0;
    report.models.forEach((m, i) => {
      for (const claim of m.claims) {
        const dates = new Set(claim.lines.map((l) => l.dos));
        const open = report.episodes[i]!.findings.some(
          (f) =>
            f.status === 'fail' &&
            f.severity === 'error' &&
            f.decision?.as !== 'not-a-defect' &&
            (f.dates.length === 0 || f.dates.some((d) => dates.has(d))),
        );
        if (open) expected++;
      }
    });
    expect(r.errorRate.inError).toBe(expected);
    expect(r.errorRate.n).toBe(15);
    expect(r.errorRate.interval.lower).toBeLessThanOrEqual(r.errorRate.rate);
    expect(r.errorRate.interval.upper).toBeGreaterThanOrEqual(r.errorRate.rate);
    // A census projects exactly what it holds, with no sampling error.
    expect(r.dollarsAtRisk.projected.point).toBeCloseTo(r.dollarsAtRisk.sampled, 2);
    expect(r.dollarsAtRisk.projected.lower).toBeCloseTo(r.dollarsAtRisk.sampled, 2);
    expect(r.frameChanged).toBe(false);
  });

  it('prints the sample and its statistics as JSON, and again by id', async () => {
    db.close();
    try {
      const args = ['--db', dbPath, '--n', '5', '--seed', '314', '--as-of', AS_OF, '--json'];
      const first = run(['sample', ...args]);
      expect(await first.code).toBe(0);
      const one = JSON.parse(first.out()) as {
        sample: { id: number };
        members: Array<{ claimId: string }>;
        errorRate: { interval: { confidence: number } };
      };
      expect(one.errorRate.interval.confidence).toBe(0.9);
      const second = run(['sample', ...args]);
      expect(await second.code).toBe(0);
      const two = JSON.parse(second.out()) as typeof one;
      expect(two.members.map((m) => m.claimId)).toEqual(one.members.map((m) => m.claimId));
      const again = run([
        'sample-report',
        '--db',
        dbPath,
        '--sample',
        String(one.sample.id),
        '--as-of',
        AS_OF,
      ]);
      expect(await again.code).toBe(0);
      expect(again.out()).toContain('90% CI (Clopper-Pearson, two-sided)');
      const tooMany = run(['sample', '--db', dbPath, '--n', '99', '--seed', '1']);
      expect(await tooMany.code).toBe(1);
      const noSeed = run(['sample', '--db', dbPath, '--n', '5']);
      expect(await noSeed.code).toBe(2);
      const none = run(['sample-report', '--db', dbPath, '--sample', '999']);
      expect(await none.code).toBe(1);
    } finally {
      db = openDatabase(dbPath);
    }
  });
});

describe('the API (desktop app and harness)', () => {
  it('lists deadlines and records a request through ChartReadyService, validated', async () => {
    expect(
      validateRequest('recordRequest', { claimId: 'X', kind: 'adr', dated: '2026-11-02' }).ok,
    ).toBe(true);
    for (const bad of [
      { claimId: 'X', kind: 'phone', dated: '2026-11-02' },
      { claimId: 'X', kind: 'adr', dated: '11/02/2026' },
      { claimId: '', kind: 'adr', dated: '2026-11-02' },
      { claimId: 'X', kind: 'adr', dated: '2026-11-02', extra: 1 },
    ])
      expect(validateRequest('recordRequest', bad).ok, JSON.stringify(bad)).toBe(false);
    const service = new ChartReadyService({ dbPath, asOf: AS_OF });
    try {
      const before = await service.listDeadlines();
      expect(before.asOf).toBe(AS_OF);
      const after = await service.recordRequest({
        claimId: 'RB26-0803-CHE',
        kind: 'rac',
        dated: '2026-10-01',
        received: null,
        from: 'Performant',
      });
      expect(after.items).toHaveLength(before.items.length + 1);
      const rac = after.items.find((i) => i.kind === 'rac' && i.noticeDate === '2026-10-01')!;
      expect(rac).toMatchObject({ due: '2026-11-15', status: 'overdue', daysLeft: -9 });
      // Overdue items come first.
      expect(after.items[0]!.daysLeft).toBeLessThanOrEqual(-9);
      await expect(
        service.recordRequest({ claimId: 'NOPE', kind: 'adr', dated: '2026-11-02' }),
      ).rejects.toThrow(/no claim NOPE/);
    } finally {
      service.close();
    }
  });
});

describe('migration 0011', () => {
  it('keeps the audit trail of a version-8 store, chain intact, and takes the new actions', () => {
    const old = new Database(':memory:') as unknown as Db;
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 8),
    );
    recordAudit(old, 'import', { files: 1 });
    recordAudit(old, 'decision', { finding: 'f-1' });
    const before = readAuditLog(old);
    migrate(old, MIGRATIONS);
    expect(schemaVersion(old)).toBe(MIGRATIONS.at(-1)!.version);
    expect(readAuditLog(old)).toEqual(before);
    expect(recordAudit(old, 'request', { claim: 'X' })?.action).toBe('request');
    expect(recordAudit(old, 'sample', { sample: 1 })?.action).toBe('sample');
    expect(verifyAuditLog(old).ok).toBe(true);
    expect(() => old.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() =>
      old
        .prepare(
          "INSERT INTO records_requests (claim_id, kind, dated, recorded_at) VALUES ('X', 'phone', 'd', 'n')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
