/**
 * Documents that name no patient are placed by what they say (claim number, date of birth), never
 * by their folder alone; what stays unplaced is listed for the user.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePatients } from '../../src-main/core/episodes';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase, type Db } from '../../src-main/core/store/db';

const EVAL = (name: string, dob: string, mrn: string, claim: string) =>
  [
    'WORK CONDITIONING EVALUATION',
    `Patient: ${name}   DOB: ${dob}   MRN: ${mrn}`,
    `Claim #: ${claim}`,
    'Date of Service: 09/03/2026',
    'Electronically signed by Evan Castellano, PT, DPT 09/03/2026',
  ].join('\n');

const KEEL = EVAL('Keel, Brandon', '08/30/1988', 'TWR-004417', '1000-26-318842');
const PICKETT = EVAL('Pickett, Gerald', '12/05/1969', 'TWR-004452', 'CC-77-20931');

async function store(files: Record<string, string>): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'cr-place-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'export', name)), { recursive: true });
    writeFileSync(join(dir, 'export', name), text);
  }
  const db = openDatabase(join(dir, 'store.db'));
  await importPaths(db, [join(dir, 'export')]);
  return db;
}

/** The patient name each file's documents were placed with ('' = unassigned). */
function placement(db: Db): Record<string, string> {
  const r = resolvePatients(db);
  const out: Record<string, string> = {};
  const fileOf = db
    .prepare('SELECT f.path FROM documents d JOIN files f ON f.id = d.file_id WHERE d.id = ?')
    .pluck();
  r.rows.forEach((rows, p) => {
    for (const id of rows.documents) out[fileOf.get(id) as string] = r.patients[p]!.name;
  });
  for (const id of r.unassigned) out[fileOf.get(id) as string] = '';
  return out;
}

describe('placing documents that name no patient', () => {
  it('by the claim number another document of the patient carries, in a flat folder', async () => {
    const db = await store({
      'doc1.txt': KEEL,
      'doc2.txt': PICKETT,
      'doc3.txt': [
        'PRE-AUTHORIZATION',
        'Date: 08/31/2026',
        'Claim number: 100026318842',
        'Work conditioning: 10 visits / 30 hours approved.',
      ].join('\n'),
    });
    expect(placement(db)['doc3.txt']).toBe('Keel, Brandon');
  });

  it('by the claim number a remit carries (the member id workers comp payers fill with it)', async () => {
    const db = await store({
      'ur.txt': [
        'UTILIZATION REVIEW APPROVAL',
        'Date: 02/27/2026',
        'Claim number: 004871-226613-WC-01',
        'Work conditioning 97545/97546: 10 visits approved.',
      ].join('\n'),
    });
    // The Gallagher Bassett remit of the c04 corpus chart: Wrobel's claim in NM1*QC ... MI.
    const remit = 'ERA_GallagherBassett_20260324.835';
    const dir = mkdtempSync(join(tmpdir(), 'cr-place-remit-'));
    copyFileSync(
      join(__dirname, '../corpus/c04-terse-abbrev-txt/export/billing', remit),
      join(dir, remit),
    );
    await importPaths(db, [join(dir, remit)]);
    expect(placement(db)['ur.txt']).toBe('Wrobel, Tomasz');
  });

  it('by the date of birth when only one patient has it', async () => {
    const db = await store({
      'a.txt': KEEL,
      'b.txt': PICKETT,
      'fax.txt': ['FAX COVER SHEET', 'Date: 09/20/2026', 'DOB: 12/05/1969', 'Pages: 3'].join('\n'),
    });
    expect(placement(db)['fax.txt']).toBe('Pickett, Gerald');
  });

  it('leaves a document with no evidence unassigned, even in a patient folder', async () => {
    const db = await store({
      'keel/eval.txt': KEEL,
      'keel/hep.txt': ['HOME EXERCISE PROGRAM', 'Date: 09/08/2026', 'Heel raises 3x10 daily'].join(
        '\n',
      ),
    });
    expect(placement(db)).toEqual({ 'keel/eval.txt': 'Keel, Brandon', 'keel/hep.txt': '' });
  });

  it('lets the folder choose only between patients the evidence allows', async () => {
    const twin = EVAL('Keel, Brenda', '08/30/1988', 'TWR-004418', 'X-1');
    const fax = ['FAX COVER SHEET', 'Date: 09/20/2026', 'DOB: 08/30/1988'].join('\n');
    const nested = await store({
      'keel/eval.txt': KEEL,
      'keel/fax.txt': fax,
      'brenda/eval.txt': twin,
    });
    expect(placement(nested)['keel/fax.txt']).toBe('Keel, Brandon');
    const flat = await store({ 'a.txt': KEEL, 'b.txt': twin, 'fax.txt': fax });
    expect(placement(flat)['fax.txt']).toBe('');
  });

  it('by the surname an e-mail subject gives alone, only when one patient has it', async () => {
    const email = (subject: string) =>
      [
        'From: Dana Whit <dwhit@carrier.example>',
        'Sent: Friday, September 11, 2026 9:05 AM',
        'To: Intake <intake@clinic.example>',
        `Subject: ${subject}`,
        '',
        'Thanks for the update; keep me posted.',
      ].join('\n');
    const db = await store({
      'doc1.txt': KEEL,
      'doc2.txt': PICKETT,
      'mail1.txt': email('RE: Keel week 2'),
      'mail2.txt': email('Pickett - CC-77-20931 - status'),
      'mail3.txt': email('RE: Ambrose week 2'),
      'mail4.txt': email('RE: Weekly update'),
    });
    const placed = placement(db);
    expect(placed['mail1.txt']).toBe('Keel, Brandon');
    expect(placed['mail2.txt']).toBe('Pickett, Gerald');
    expect(placed['mail3.txt']).toBe('');
    expect(placed['mail4.txt']).toBe('');
  });
});

describe("a physician office's own chart number (round 46, c134, in other words)", () => {
  it('joins the patient the clinic bills under its number, however many of its notes carry it', async () => {
    const officeNote = (date: string) =>
      [
        'OFFICE VISIT',
        `Date of service: ${date}`,
        'Patient: Vasquez-Lindahl, Corinne   DOB: 06/14/1966   MRN: NVM-883021',
        'Knee improving with PT. Continue.',
        `Electronically signed by Ignatius Varga, DO ${date}`,
      ].join('\n');
    const db = await store({
      'clinic/eval.txt': [
        'PHYSICAL THERAPY EVALUATION',
        'Patient: Vasquez-Lindahl, Corinne   DOB: 06/14/1966   Acct #: 55120',
        'Date of Service: 07/06/2026',
        'Electronically signed by Rhea Sokolowski, PT, DPT 07/06/2026',
      ].join('\n'),
      'outside/office-0701.txt': officeNote('07/01/2026'),
      'outside/office-0729.txt': officeNote('07/29/2026'),
      'billing/charges.csv': [
        'Patient Name,Acct #,DOS,CPT,Units,Charge',
        '"VASQUEZ-LINDAHL, CORINNE",55120,07/06/2026,97162,1,185.00',
      ].join('\n'),
    });
    const r = resolvePatients(db);
    expect(r.patients.map((p) => p.name)).toEqual(['Vasquez-Lindahl, Corinne']);
    expect(r.patients[0]!.mrn).toBe('55120');
  });
});
