/**
 * One payer, one row: spellings of one payer ("Midwest Workers' Compensation" on the notes,
 * "Midwest Workers' Compensation Insurance Co." on the ledger and the 835; a remark in brackets;
 * capitals) are one row of the payer list, and a choice made on it reaches every episode whose
 * payer name is that payer, whichever spelling the choice was made with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayerSummary } from '../../shared/api';
import { reviewStore } from '../../src-main/core/api/review';
import { ChartReadyService } from '../../src-main/core/api/service';
import {
  readPayerDeadlines,
  setPayerDeadlines,
} from '../../src-main/core/deadlines/payer-deadlines';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase } from '../../src-main/core/store/db';
import { payerNameKey, readPayerList, setPayerKind } from '../../src-main/core/store/payer-list';
import { runCli } from '../cli-run';

const SAMPLE = join(__dirname, '../../assets/sample-chart');
const C25 = join(__dirname, '../corpus/c25-illinois-wc-case-manager/export');
const AS_OF = '2026-11-24';

let dir: string;
let samplePath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-payer-spellings-'));
  samplePath = join(dir, 'sample.db');
  const db = openDatabase(samplePath);
  await importPaths(db, [SAMPLE]);
  db.close();
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function payerRows(dbPath: string): Promise<PayerSummary[]> {
  const r = await runCli(['payers', '--db', dbPath, '--as-of', AS_OF, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as PayerSummary[];
}

describe('payerNameKey', () => {
  it('folds case, punctuation, bracketed remarks and company-form endings', () => {
    const same = [
      "Midwest Workers' Compensation",
      "Midwest Workers' Compensation Insurance Co.",
      "MIDWEST WORKERS' COMPENSATION INSURANCE COMPANY",
      'Midwest Workers Compensation, Inc.',
    ];
    expect(new Set(same.map(payerNameKey))).toEqual(new Set(['midwest workers compensation']));
    expect(payerNameKey('Midlothian Mutual Casualty Co. (adjuster A. Ferris)')).toBe(
      payerNameKey('MIDLOTHIAN MUTUAL CASUALTY CO.'),
    );
    expect(payerNameKey('CGS ADMINISTRATORS, LLC')).toBe('cgs administrators');
    // The words that tell payers apart stay.
    expect(payerNameKey('Texas Mutual Insurance Co.')).not.toBe(payerNameKey('Midwest Mutual'));
    expect(payerNameKey('Insurance Co.')).toBe('insurance');
  });
});

describe('the payer list with spellings of one payer', () => {
  it('shows the sample chart Midwest payer as one row', async () => {
    const rows = await payerRows(samplePath);
    const midwest = rows.filter((p) => p.name.startsWith('Midwest'));
    expect(midwest).toHaveLength(1);
    expect(midwest[0]).toMatchObject({ kind: 'workers-comp', state: 'IL', patients: 2 });
    expect(midwest[0]!.basis[0]).toBe(
      "835 CLP06 = WC, workers' compensation (remits/midwest_wc_835.edi)",
    );
  });

  it("a choice made with the notes' spelling changes both episodes billed under the ledger's", async () => {
    const set = await runCli([
      'payers',
      '--db',
      samplePath,
      '--as-of',
      AS_OF,
      '--set',
      "Midwest Workers' Compensation=commercial",
    ]);
    expect(set.code).toBe(0);
    expect(set.out.match(/^Midwest/gm)).toHaveLength(1);
    const db = openDatabase(samplePath);
    try {
      const report = reviewStore(db, { asOf: AS_OF, audit: false });
      const midwest = report.episodes.filter((e) => e.payer.name.startsWith('Midwest'));
      expect(midwest.map((e) => e.patient.name).sort()).toEqual([
        'Alvarez, Maria',
        'Nguyen, Linda',
      ]);
      for (const e of midwest) {
        expect(e.payer.name).toBe("Midwest Workers' Compensation Insurance Co.");
        expect(e.payer.kind).toBe('commercial');
        expect(e.profile).toBe('commercial');
        expect(e.profileSource).toEqual({
          from: 'payer',
          payer: "Midwest Workers' Compensation Insurance Co.",
          payerList: "Midwest Workers' Compensation",
        });
      }
    } finally {
      db.close();
    }
    // The app's list says the same, and the other spelling clears the one choice.
    const service = new ChartReadyService({ dbPath: samplePath, asOf: AS_OF });
    try {
      const kinds = (await service.listEpisodes())
        .filter((e) => e.payerName.startsWith('Midwest'))
        .map((e) => e.payerKind);
      expect(kinds).toEqual(['commercial', 'commercial']);
      await service.setPayerKind({
        name: "MIDWEST WORKERS' COMPENSATION INSURANCE CO.",
        kind: null,
      });
      const after = (await service.listEpisodes()).filter((e) => e.payerName.startsWith('Midwest'));
      expect(after.map((e) => e.payerKind)).toEqual(['workers-comp', 'workers-comp']);
    } finally {
      service.close();
    }
  }, 120_000);

  it('c25: the carrier in capitals and with an adjuster remark is one row', async () => {
    const dbPath = join(dir, 'c25.db');
    const db = openDatabase(dbPath);
    await importPaths(db, [C25]);
    db.close();
    const rows = await payerRows(dbPath);
    expect(rows.filter((p) => /midlothian/i.test(p.name))).toHaveLength(1);
  }, 120_000);

  it('rows stored under an older key are read, replaced and cleared under the new one', () => {
    const db = openDatabase(join(dir, 'keys.db'));
    try {
      // As a version that kept company endings in the key stored them.
      db.prepare(
        `INSERT INTO payer_kinds (name_key, name, kind, state, set_at) VALUES (?, ?, ?, ?, ?)`,
      ).run('acme insurance co', 'Acme Insurance Co.', 'commercial', null, '2026-01-01T00:00:00Z');
      expect(readPayerList(db).get('acme')).toMatchObject({ kind: 'commercial' });
      setPayerKind(db, 'ACME', 'workers-comp', 'TX');
      const rows = db.prepare('SELECT name_key, kind FROM payer_kinds').all();
      expect(rows).toEqual([{ name_key: 'acme', kind: 'workers-comp' }]);
      setPayerDeadlines(db, 'Acme Inc', { appealDays: 30, requestDays: null, source: 'contract' });
      setPayerDeadlines(db, 'ACME', { appealDays: 45, requestDays: null, source: 'contract' });
      expect([...readPayerDeadlines(db).values()].map((d) => d.appealDays)).toEqual([45]);
    } finally {
      db.close();
    }
  });
});
