/**
 * Billing that gives only a name two patients share (a ledger without DOB or MRN columns, a remit's
 * patient name) is the user's to place: it joins neither patient, makes no patient of its own, is
 * listed with the patients it could be, and once assigned stays with the chosen one through a
 * re-import. A note that gives only that name waits the same way.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateRequest } from '../../shared/api-schemas';
import { main } from '../../src-main/cli/main';
import { ChartReadyService } from '../../src-main/core/api/service';
import { matchPatients } from '../../src-main/core/episodes';
import { readAuditLog } from '../../src-main/core/store/audit';

const AS_OF = '2026-11-24';

describe('matchPatients and a name two patients share', () => {
  it('holds a name-only record back, with both patients as candidates', () => {
    const { patientOf, patients, heldFor } = matchPatients([
      { name: 'Marsh, Daniel', dob: '1961-04-02', mrn: 'A-100' },
      { name: 'Marsh, Daniel', dob: '1979-10-19', mrn: 'B-200' },
      { name: 'MARSH, DANIEL', dob: null, mrn: null },
    ]);
    expect(patients).toHaveLength(2);
    expect(patientOf).toEqual([0, 1, -1]);
    expect(heldFor).toEqual([null, null, [0, 1]]);
  });

  it('joins the one patient of that name, and holds nothing that names no one twice', () => {
    const one = matchPatients([
      { name: 'Marsh, Daniel', dob: '1961-04-02', mrn: 'A-100' },
      { name: 'MARSH, DANIEL', dob: null, mrn: null },
      { name: 'Quill, Ada', dob: '1950-01-01', mrn: null },
    ]);
    expect(one.patientOf).toEqual([0, 0, 1]);
    expect(one.heldFor).toEqual([null, null, null]);
    // A name-only record beside a patient known by MRN alone and one known by DOB alone: nothing
    // tells them apart, so they are one patient, as before.
    const compatible = matchPatients([
      { name: 'Marsh, Daniel', dob: null, mrn: 'A-100' },
      { name: 'Marsh, Daniel', dob: '1961-04-02', mrn: null },
      { name: 'Marsh, Daniel', dob: null, mrn: null },
    ]);
    expect(new Set(compatible.patientOf)).toEqual(new Set([0]));
  });
});

function chart(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cr-held-'));
  const exp = join(dir, 'export');
  mkdirSync(exp);
  const evaluation = (dob: string, mrn: string, dos: string) =>
    [
      'PHYSICAL THERAPY INITIAL EVALUATION',
      `Patient: Marsh, Daniel   DOB: ${dob}   MRN: ${mrn}`,
      `Date of Service: ${dos}`,
      `Electronically signed by Evan Castellano, PT, DPT ${dos}`,
    ].join('\n');
  writeFileSync(join(exp, 'eval-a.txt'), evaluation('04/02/1961', 'A-100', '09/03/2026'));
  writeFileSync(join(exp, 'eval-b.txt'), evaluation('10/19/1979', 'B-200', '09/08/2026'));
  writeFileSync(
    join(exp, 'eval-c.txt'),
    evaluation('06/14/1944', 'C-300', '09/04/2026').replace('Marsh, Daniel', 'Quill, Ada'),
  );
  // A daily note that gives only the name: whose it is cannot be read from it.
  writeFileSync(
    join(exp, 'daily-0910.txt'),
    [
      'DAILY TREATMENT NOTE',
      'Patient: Marsh, Daniel',
      'Date of Service: 09/10/2026',
      'Therex 25 min',
      'Electronically signed by Evan Castellano, PT, DPT 09/10/2026',
    ].join('\n'),
  );
  writeFileSync(join(exp, 'ledger.csv'), LEDGER);
  return dir;
}

const LEDGER = [
  'Patient Name,Date of Service,CPT,Units,Charge,Payer',
  '"MARSH, DANIEL",09/03/2026,97161,1,150.00,Medicare',
  '"QUILL, ADA",09/04/2026,97161,1,150.00,Medicare',
  '"MARSH, DANIEL",09/10/2026,97110,2,80.00,Medicare',
].join('\n');

const REMIT = [
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260930*1200*^*00501*000000001*0*P*:~',
  'GS*HP*S*R*20260930*1200*1*X*005010X221A1~',
  'ST*835*0001~',
  'BPR*I*40*C*ACH*CTX***********20260930~',
  'TRN*1*CHK77*1~',
  'N1*PR*MEDICARE PART B~',
  'N1*PE*CITY PT~',
  'LX*1~',
  'CLP*RC-5511*1*80*40*0*MB*ICN77~',
  'NM1*QC*1*MARSH*DANIEL~',
  'SVC*HC:97110:GP*80*40**2~',
  'DTM*472*20260917~',
  'SE*11*0001~',
  'GE*1*1~',
  'IEA*1*000000001~',
].join('');

describe('billing for a name two patients share', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('waits for the user, is assigned to one, and stays with them through a re-import', async () => {
    dir = chart();
    writeFileSync(join(dir, 'export', 'remit.835'), REMIT);
    const service = new ChartReadyService({ dbPath: join(dir, 'store.db'), asOf: AS_OF });
    try {
      const imported = await service.importPaths({ paths: [join(dir, 'export')] });
      // No third "Marsh, Daniel" made of billing alone: two Marsh episodes and Quill's.
      const episodes = await service.listEpisodes();
      expect(episodes.map((e) => `${e.patientName} ${e.dob ?? '-'}`).sort()).toEqual([
        'Marsh, Daniel 1961-04-02',
        'Marsh, Daniel 1979-10-19',
        'Quill, Ada 1944-06-14',
      ]);
      const candidates = [
        { key: 'A-100', name: 'Marsh, Daniel', dob: '1961-04-02', mrn: 'A-100' },
        { key: 'B-200', name: 'Marsh, Daniel', dob: '1979-10-19', mrn: 'B-200' },
      ];
      expect(imported.unassignedBilling).toEqual([
        expect.objectContaining({
          file: 'ledger.csv',
          source: 'ledger',
          name: 'MARSH, DANIEL',
          claims: [],
          from: '2026-09-03',
          to: '2026-09-10',
          codes: ['97110', '97161'],
          candidates,
        }),
        expect.objectContaining({
          file: 'remit.835',
          source: 'remit',
          lineIds: [],
          claims: ['RC-5511'],
          from: '2026-09-17',
          codes: ['97110'],
          candidates,
        }),
      ]);
      expect(imported.unassignedBilling![0]!.lineIds).toHaveLength(2);
      // The daily note gives only the name too: it waits, saying why.
      expect(imported.unassigned).toEqual([
        expect.objectContaining({
          file: 'daily-0910.txt',
          clues: [
            'gives only the name Marsh, Daniel, and 2 patients have that name (DOB 1961-04-02; DOB 1979-10-19)',
          ],
        }),
      ]);

      const billedDates = async (mrn: string) => {
        const e = (await service.listEpisodes()).find((x) => x.mrn === mrn)!;
        const detail = await service.getEpisode({ id: e.id });
        return detail.timeline.flatMap((d) => d.codes.map((c) => `${d.date} ${c.code}`)).sort();
      };
      expect(await billedDates('B-200')).toEqual([]);

      const [ledger, remit] = imported.unassignedBilling!;
      await expect(
        service.assignBilling({ lineIds: ledger!.lineIds, claims: [], patientKey: 'Z-9' }),
      ).rejects.toThrow('no patient with key Z-9');
      const left = await service.assignBilling({
        lineIds: ledger!.lineIds,
        claims: [],
        patientKey: 'B-200',
      });
      expect(left.map((g) => g.source)).toEqual(['remit']);
      expect(await billedDates('B-200')).toEqual(['2026-09-03 97161', '2026-09-10 97110']);
      expect(await billedDates('A-100')).toEqual([]);
      // Lines already placed are not assigned again.
      await expect(
        service.assignBilling({ lineIds: ledger!.lineIds, claims: [], patientKey: 'A-100' }),
      ).rejects.toThrow(/is not waiting for a patient/);

      expect(
        await service.assignBilling({ lineIds: [], claims: remit!.claims, patientKey: 'B-200' }),
      ).toEqual([]);
      expect(await billedDates('B-200')).toEqual([
        '2026-09-03 97161',
        '2026-09-10 97110',
        '2026-09-17 97110',
      ]);
      const entries = readAuditLog(service.db).filter((e) => e.detail['billing'] !== undefined);
      expect(entries.map((e) => e.detail['billing'])).toEqual([2, 1]);
      expect(JSON.stringify(entries)).not.toMatch(/Marsh|MARSH|B-200|A-100/);

      // The ledger imported again (its rows read anew, new ids): the choice holds by content.
      service.db.prepare("DELETE FROM files WHERE path = 'ledger.csv'").run();
      await service.importPaths({ paths: [join(dir, 'export')] });
      expect(await service.listUnassignedBilling()).toEqual([]);
      expect(await billedDates('B-200')).toEqual([
        '2026-09-03 97161',
        '2026-09-10 97110',
        '2026-09-17 97110',
      ]);

      // The daily note is assigned like any unplaced document.
      const [daily] = await service.listUnassigned();
      expect(
        await service.assignDocument({ documentId: daily!.documentId, patientKey: 'A-100' }),
      ).toEqual([]);
      const a = (await service.listEpisodes()).find((x) => x.mrn === 'A-100')!;
      expect((await service.getEpisode({ id: a.id })).documents.map((d) => d.file)).toEqual([
        'eval-a.txt',
        'daily-0910.txt',
      ]);
    } finally {
      service.close();
    }
  });

  it('refuses a request that names no row', () => {
    expect(
      validateRequest('assignBilling', { lineIds: [], claims: [], patientKey: 'K' }),
    ).toMatchObject({
      ok: false,
    });
    expect(
      validateRequest('assignBilling', { lineIds: [3], claims: [], patientKey: 'K' }),
    ).toMatchObject({ ok: true });
  });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('chartready import and assign --billing', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the held billing with its candidates and assigns it by number', async () => {
    const dir = chart();
    try {
      const db = join(dir, 'store.db');
      const imported = await cli(['import', join(dir, 'export'), '--db', db]);
      expect(imported.out).toContain(
        '1 billing group(s) give only a name several patients share; they are in no episode until assigned (chartready assign --billing N --patient KEY):\n' +
          'held billing #1 ledger.csv "MARSH, DANIEL": 2 ledger line(s), 2026-09-03 to 2026-09-10 (97110, 97161); could be A-100 (Marsh, Daniel, DOB 1961-04-02) or B-200 (Marsh, Daniel, DOB 1979-10-19)',
      );
      const wrong = await cli(['assign', '--db', db, '--billing', '2', '--patient', 'A-100']);
      expect(wrong.code).toBe(2);
      expect(wrong.err).toContain(
        '--billing must be the number of a held billing group as listed (1 to 1), not "2"',
      );
      const done = await cli(['assign', '--db', db, '--billing', '1', '--patient', 'A-100']);
      expect(done.code).toBe(0);
      expect(done.out).toContain('assigned billing group 1');
      expect(done.out).not.toContain('held billing');
      const json = JSON.parse((await cli(['assign', '--db', db, '--json'])).out) as {
        unassignedBilling: unknown[];
      };
      expect(json.unassignedBilling).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
