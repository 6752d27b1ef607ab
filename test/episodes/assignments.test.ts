/**
 * Documents that name no patient are reported by import and the API; the user assigns one, the
 * audit log records it (no names), and the assignment holds through reanalyze and every review.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateRequest } from '../../shared/api-schemas';
import { main } from '../../src-main/cli/main';
import { ChartReadyService } from '../../src-main/core/api/service';
import { readAuditLog } from '../../src-main/core/store/audit';

const AS_OF = '2026-11-24';

function chart(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cr-assign-'));
  mkdirSync(join(dir, 'export'));
  writeFileSync(
    join(dir, 'export', 'eval.txt'),
    [
      'WORK CONDITIONING EVALUATION',
      'Patient: Keel, Brandon   DOB: 08/30/1988   MRN: TWR-004417',
      'Date of Service: 09/03/2026',
      'Electronically signed by Evan Castellano, PT, DPT 09/03/2026',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'export', 'job.txt'),
    [
      'JOB DESCRIPTION',
      'Piedmont Beverage Distributors - Human Resources',
      'Position: Route Delivery Driver',
      'Physical demand level: Heavy',
      'Date: 09/02/2026',
    ].join('\n'),
  );
  return dir;
}

describe('assigning a document that names no patient', () => {
  it('lists it after import, assigns it, and keeps the assignment through reanalyze', async () => {
    const dir = chart();
    const service = new ChartReadyService({ dbPath: join(dir, 'store.db'), asOf: AS_OF });
    try {
      const imported = await service.importPaths({ paths: [join(dir, 'export')] });
      expect(imported.unassigned).toEqual([
        expect.objectContaining({
          file: 'job.txt',
          type: 'job-description',
          date: '2026-09-02',
          clues: [
            'no patient label, date of birth or claim number found (a name in a subject line or prose is not taken as the patient)',
          ],
        }),
      ]);
      const [job] = imported.unassigned!;
      const episodeDocs = async () => {
        const [episode] = await service.listEpisodes();
        return (await service.getEpisode({ id: episode!.id })).documents.map((d) => d.file);
      };
      expect(await episodeDocs()).toEqual(['eval.txt']);

      const patients = await service.listPatients();
      expect(patients).toEqual([
        { key: 'TWR-004417', name: 'Keel, Brandon', dob: '1988-08-30', mrn: 'TWR-004417' },
      ]);
      await expect(
        service.assignDocument({ documentId: job!.documentId, patientKey: 'NOBODY' }),
      ).rejects.toThrow('no patient with key NOBODY');
      expect(
        await service.assignDocument({ documentId: job!.documentId, patientKey: 'TWR-004417' }),
      ).toEqual([]);
      expect(await episodeDocs()).toEqual(['job.txt', 'eval.txt']);

      const entry = readAuditLog(service.db).find((e) => e.detail['assignment'] === true)!;
      expect(entry.action).toBe('import');
      expect(JSON.stringify(entry.detail)).not.toMatch(/Keel|TWR-004417/);

      // Reading every file again makes new document ids; the assignment still holds.
      service.db.prepare('UPDATE file_readings SET extractor_version = 1').run();
      expect((await service.reanalyze()).files).toBe(2);
      const jobId = service.db
        .prepare(
          "SELECT d.id FROM documents d JOIN files f ON f.id = d.file_id WHERE f.path = 'job.txt'",
        )
        .pluck()
        .get();
      expect(jobId).not.toBe(job!.documentId);
      expect(await service.listUnassigned()).toEqual([]);
      expect(await episodeDocs()).toEqual(['job.txt', 'eval.txt']);
    } finally {
      service.close();
    }
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

afterEach(() => vi.restoreAllMocks());

describe('chartready import and assign', () => {
  it('prints the unassigned documents, --json includes them, and assign places one', async () => {
    const dir = chart();
    const db = join(dir, 'store.db');
    const imported = await cli(['import', join(dir, 'export'), '--db', db]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(
      '1 document(s) name no patient the database knows, or only a name several patients share; they are in no episode until assigned',
    );
    expect(imported.out).toMatch(
      /unassigned #(\d+) job\.txt p\.1 \(job-description, 2026-09-02\): no patient label, date of birth or claim number found/,
    );
    const id = /unassigned #(\d+)/.exec(imported.out)![1]!;

    const listed = await cli(['assign', '--db', db, '--json']);
    const json = JSON.parse(listed.out) as { unassigned: unknown[]; patients: unknown[] };
    expect(json.unassigned).toHaveLength(1);
    expect(json.patients).toEqual([expect.objectContaining({ key: 'TWR-004417' })]);

    const wrong = await cli(['assign', '--db', db, '--document', id, '--patient', 'X9']);
    expect(wrong).toMatchObject({ code: 1, err: 'chartready assign: no patient with key X9' });
    const done = await cli(['assign', '--db', db, '--document', id, '--patient', 'TWR-004417']);
    expect(done.code).toBe(0);
    expect(done.out).toBe(`assigned document ${id}\nno unassigned documents`);
  });
});

describe('assignDocument requests from a renderer', () => {
  it('accept a document number and a patient key, and nothing else', () => {
    expect(validateRequest('assignDocument', { documentId: 7, patientKey: 'TWR-004417' })).toEqual({
      ok: true,
      value: { documentId: 7, patientKey: 'TWR-004417' },
    });
    expect(validateRequest('assignDocument', { documentId: -1, patientKey: 'K' })).toMatchObject({
      ok: false,
      field: 'documentId',
    });
    expect(validateRequest('assignDocument', { documentId: 1, patientKey: '' })).toMatchObject({
      ok: false,
      field: 'patientKey',
    });
    expect(
      validateRequest('assignDocument', { documentId: 1, patientKey: 'K', name: 'x' }),
    ).toMatchObject({ ok: false });
  });
});
