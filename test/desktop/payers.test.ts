/**
 * The clinic's payer list through the CLI and the desktop service: the decided kind with its
 * evidence, the user's choice (audit-logged, validated), and the re-review of exactly the
 * episodes the choice touches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EpisodeSummary } from '../../shared/api';
import { validateRequest } from '../../shared/api-schemas';
import { parsePayerAssignment } from '../../src-main/core/api/payers';
import { ChartReadyService } from '../../src-main/core/api/service';
import { importPaths } from '../../src-main/core/import/pipeline';
import { readAuditLog } from '../../src-main/core/store/audit';
import { openDatabase } from '../../src-main/core/store/db';
import { runCli } from '../cli-run';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-payers-'));
  dbPath = join(dir, 'payers.db');
  const db = openDatabase(dbPath);
  await importPaths(db, [SAMPLE]);
  db.close();
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterEach(() => vi.restoreAllMocks());

const cli = runCli;

describe('parsePayerAssignment', () => {
  it('reads NAME=kind[,state], with = allowed in the name and auto to clear', () => {
    expect(parsePayerAssignment('Texas Mutual=workers-comp,tx')).toEqual({
      name: 'Texas Mutual',
      kind: 'workers-comp',
      state: 'TX',
    });
    expect(parsePayerAssignment('A=B Health=commercial')).toEqual({
      name: 'A=B Health',
      kind: 'commercial',
      state: null,
    });
    expect(parsePayerAssignment('Acme=auto')).toEqual({ name: 'Acme', kind: null, state: null });
  });

  it('names what is wrong', () => {
    expect(() => parsePayerAssignment('Acme')).toThrow('expected NAME=kind[,state]');
    expect(() => parsePayerAssignment('Acme=wc')).toThrow(
      'kind "wc": expected medicare, workers-comp, commercial, other or auto',
    );
    expect(() => parsePayerAssignment('Acme=medicare,TX')).toThrow(
      "state: a state is the jurisdiction of a workers' comp payer only",
    );
    expect(() => parsePayerAssignment('Acme=workers-comp,ZZ')).toThrow(
      'state: must be a two-letter US state',
    );
  });
});

describe('chartready payers', () => {
  it('lists each payer with its decided kind and evidence', async () => {
    const r = await cli(['payers', '--db', dbPath, '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Array<{ name: string; kind: string; basis: string[] }>;
    const medicare = rows.find((p) => p.name === 'Medicare Part B')!;
    expect(medicare.kind).toBe('medicare');
    expect(medicare.basis[0]).toBe('835 CLP06 = MB, Medicare Part B (remits/medicare_835.835)');
    const wc = rows.find((p) => p.name === "Midwest Workers' Compensation Insurance Co.")!;
    expect(wc.kind).toBe('workers-comp');
  });

  it('refuses a bad --set before recording any, and records a good one in the audit log', async () => {
    const bad = await cli([
      'payers',
      '--db',
      dbPath,
      '--set',
      'Acme=commercial',
      '--set',
      'Acme=wc',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--set kind "wc"');
    const good = await cli([
      'payers',
      '--db',
      dbPath,
      '--as-of',
      AS_OF,
      '--set',
      'MEDICARE PART B=other',
    ]);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(
      /^Medicare Part B: other \(1 patient\(s\)\) {2}\[your choice: other\]$/m,
    );
    expect(good.out).toContain('- clinic payer list: "MEDICARE PART B" = other');
    const db = openDatabase(dbPath);
    try {
      const entries = readAuditLog(db).filter((e) => e.action === 'settings');
      expect(entries.at(-1)!.detail).toEqual({
        payerKind: { payer: 'MEDICARE PART B', kind: 'other', state: null, before: null },
      });
      expect(entries.some((e) => JSON.stringify(e.detail).includes('Acme'))).toBe(false);
    } finally {
      db.close();
    }
    const cleared = await cli([
      'payers',
      '--db',
      dbPath,
      '--as-of',
      AS_OF,
      '--set',
      'Medicare Part B=auto',
    ]);
    expect(cleared.out).toMatch(/^Medicare Part B: medicare \(1 patient\(s\)\)$/m);
  });
});

describe('payers in the desktop service', () => {
  it('re-reviews only the episodes of the payer it changes, and says why in the basis', async () => {
    const service = new ChartReadyService({ dbPath, asOf: AS_OF });
    try {
      const before = await service.listEpisodes();
      const chen = before.find((e) => e.payerName === 'Medicare Part B')!;
      expect(chen.payerKind).toBe('medicare');
      const others = before.filter((e) => e !== chen);

      const payers = await service.setPayerKind({ name: 'Medicare Part B', kind: 'other' });
      expect(payers.find((p) => p.name === 'Medicare Part B')).toMatchObject({
        kind: 'other',
        listed: { kind: 'other', state: null },
      });
      const after = await service.listEpisodes();
      const changed = after.find((e) => e.payerName === 'Medicare Part B')!;
      expect(changed).toMatchObject({ payerKind: 'other', profile: 'commercial' });
      expect(changed.payerBasis[0]).toBe('clinic payer list: "Medicare Part B" = other');
      expect(changed.payerBasis.at(-1)).toBe(
        'reviewed with the commercial profile: no built-in profile for this kind of payer',
      );
      // Every other episode kept its review; the list keeps the report's order. (Its findings are
      // no longer "new": this review did not first report them.)
      const withoutNew = (e: EpisodeSummary) => ({ ...e, review: { ...e.review, new: 0 } });
      expect(after.filter((e) => e.payerName !== 'Medicare Part B').map(withoutNew)).toEqual(
        others.map(withoutNew),
      );
      expect(after.every((e) => e.payerName === 'Medicare Part B' || e.review?.new === 0)).toBe(
        true,
      );
      expect(after.map((e) => e.patientName)).toEqual(before.map((e) => e.patientName));
      const detail = await service.getEpisode({ id: changed.id });
      expect(detail.summary.payerKind).toBe('other');

      await service.setPayerKind({ name: 'Medicare Part B', kind: null });
      expect(
        withoutNew((await service.listEpisodes()).find((e) => e.patientName === chen.patientName)!),
      ).toEqual(withoutNew(chen));
    } finally {
      service.close();
    }
  });

  it('validates the request at the boundary', () => {
    expect(validateRequest('setPayerKind', { name: 'Acme', kind: 'wc' })).toMatchObject({
      ok: false,
      field: 'kind',
    });
    expect(validateRequest('setPayerKind', { name: '', kind: 'other' })).toMatchObject({
      ok: false,
      field: 'name',
    });
    expect(validateRequest('setPayerKind', { name: 'Acme', kind: null })).toMatchObject({
      ok: true,
    });
    expect(validateRequest('listPayers', {})).toMatchObject({ ok: true });
  });
});
