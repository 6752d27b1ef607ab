/**
 * What the episode list and the dashboard say about clinicians, payers and denials, on corpus
 * charts written in other clinics' styles (test/corpus): the clinicians are the therapists who
 * rendered the care (never a carrier's UR nurse, a case manager or a heading), initials resolve
 * through the signature log, a payer named only by the 835 names the episode, and a claim
 * returned as unprocessable is not counted as a denial.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeSummary } from '../../shared/api';
import { ChartReadyService } from '../../src-main/core/api/service';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase } from '../../src-main/core/store/db';

const CORPUS = join(__dirname, '../corpus');
const SAMPLE = join(__dirname, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-summaries-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The episode list and dashboard of a chart imported into a fresh store. */
async function open(chart: string) {
  const dbPath = join(dir, `${chart.replace(/\W+/g, '-')}.db`);
  const db = openDatabase(dbPath);
  await importPaths(db, [chart]);
  db.close();
  const service = new ChartReadyService({ dbPath, asOf: AS_OF });
  try {
    const episodes = await service.listEpisodes();
    const dashboard = await service.getDashboard();
    const byPatient = (name: string): EpisodeSummary => {
      const found = episodes.filter((e) => e.patientName === name);
      expect(found, name).toHaveLength(1);
      return found[0]!;
    };
    return { episodes, dashboard, byPatient };
  } finally {
    service.close();
  }
}

describe('clinicians of an episode', () => {
  it('c25: the work hardening staff, not the carrier UR nurse or the nurse case manager', async () => {
    const c25 = await open(join(CORPUS, 'c25-illinois-wc-case-manager/export'));
    expect(c25.byPatient('Hollis, Trevor').clinicians).toEqual([
      'Megan Sorensen',
      'Brian Kwan',
      'Tyler Lind',
    ]);
    expect(c25.byPatient('Kowalski, Jakub').clinicians).toEqual(['Megan Sorensen', 'Tyler Lind']);
    const named = c25.dashboard.byClinician.map((s) => s.label);
    expect(named).toContain('Megan Sorensen');
    for (const outside of ['Donna Pietrzak', 'Patricia Gunderson'])
      expect(JSON.stringify([c25.episodes, named])).not.toContain(outside);
  }, 120_000);

  it('c29: the signing therapist, never the "Audit Trail" heading of a signature certificate', async () => {
    const c29 = await open(join(CORPUS, 'c29-medicare-hopd-cerner/export'));
    expect(c29.byPatient('Pruitt, Harlan').clinicians).toEqual(['Faulkner, Megan']);
    expect(c29.byPatient('Hollingsworth, Dorothy').clinicians).toEqual(['Kwan, Jennifer']);
    expect(c29.byPatient('Castellanos, Ruben').clinicians).toEqual(['Reinholt, Thomas']);
    expect(c29.dashboard.byClinician.map((s) => s.label).sort()).toEqual([
      'Faulkner, Megan',
      'Kwan, Jennifer',
      'Reinholt, Thomas',
    ]);
    // Item 3: the 835s (N1*PR) name the payer the notes and the charge detail leave unnamed.
    for (const e of c29.episodes) {
      expect(e.payerName).toBe('CGS ADMINISTRATORS, LLC');
      expect(e.payerKind).toBe('medicare');
    }
  }, 120_000);

  it('c33: initials on the treatment logs are the people the signature log names', async () => {
    const c33 = await open(join(CORPUS, 'c33-medicare-ot-signature-log/export'));
    expect(c33.byPatient('Halvorsen, Margit').clinicians).toEqual([
      'Katherine L. Brandt',
      'Marcus D. Fenwick',
    ]);
    expect(c33.byPatient('Pruitt, Lorraine').clinicians).toEqual([
      'Jennifer R. Salas',
      'Tasha A. Wills',
    ]);
  }, 120_000);

  it('c32: no state abbreviation ("PA") read as a signer', async () => {
    const c32 = await open(join(CORPUS, 'c32-pennsylvania-wc-dap-pdf/export'));
    expect(c32.byPatient('Kowalczyk, Daniel').clinicians).toEqual([
      'Gregory T. Stauffer',
      'Alana M. Ruiz',
    ]);
  }, 120_000);

  it('c03: a ledger printing "TAKEDA BRIAN PT" last name first names the therapist the notes sign', async () => {
    const c03 = await open(join(CORPUS, 'c03-california-checkbox-printed/export'));
    const all = c03.episodes.flatMap((e) => e.clinicians ?? []);
    expect(all).toContain('Brian Takeda');
    expect(all).not.toContain('Brian, Takeda');
    expect(all).not.toContain('Takeda Brian');
    // "PHAM LAUREN OTR/L" likewise is the "Lauren Pham" of Garcia's notes, one person.
    expect(new Set(all.filter((n) => /pham/i.test(n)))).toEqual(new Set(['Lauren Pham']));
  }, 120_000);

  it('sample chart: one person on the notes and the ledger is one clinician', async () => {
    const sample = await open(SAMPLE);
    expect(sample.byPatient('Alvarez, Maria').clinicians).toEqual(['Dana Whitfield']);
    // "T. Brooks" on the notes, "BROOKS, TERRENCE PT" on the ledger: the fuller name.
    expect(sample.byPatient('Okafor, James').clinicians).toEqual(['Brooks, Terrence']);
    // Chen's two claims came back CO-4 with MA130: returned as unprocessable, not denied.
    expect(sample.byPatient('Chen, Robert')).toMatchObject({
      deniedClaims: 0,
      unprocessableClaims: 2,
    });
  }, 120_000);
});
