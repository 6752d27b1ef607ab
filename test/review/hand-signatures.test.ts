/**
 * Signatures drawn as images (issue 18): note PDFs signed with a pasted scribble, vector ink, an
 * Ink annotation or a Stamp annotation, imported into a store and reviewed. Each outcome is what
 * DOC-SIGNED (and DOC-POC-CERT for the physician's certification) says, not just the reader.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewStore } from '../../src-main/core/api/review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { reanalyzeStore } from '../../src-main/core/import/reanalyze';
import { readPdf } from '../../src-main/core/ingest/pdf';
import { openDatabase } from '../../src-main/core/store/db';
import { textPdf } from '../import/text-pdf';
import { notePdf, stacked, type Mark, type PlacedLine } from './hand-signature-pdfs';

const PATIENT = 'Patient: Okafor, Grace   DOB: 06/30/1979   MRN: 55120';

const EVALUATION = [
  'Physical Therapy Initial Evaluation',
  PATIENT,
  'Insurance: Medicare Part B',
  'Date of Service: 10/01/2026',
  'Assessment: low back pain limits lifting.',
  'Signature: Jane Roe, PT, DPT   Date: 10/01/2026',
];

const NOTE_BODY = [
  'Daily Treatment Note',
  PATIENT,
  'Insurance: Medicare Part B',
  'Date of Service: 10/05/2026',
  'Time In: 9:00 AM   Time Out: 9:45 AM',
  'Therapeutic exercise 30 min; manual therapy 15 min',
];

const LEDGER =
  'Patient,DOB,DOS,CPT,Units,Payer,Claim\n"OKAFOR, GRACE",06/30/1979,10/05/2026,97110-GP,2,Medicare Part B,C9\n';

/** The body from the top of the page, the signature block from `SIGNATURE_Y` down. */
const SIGNATURE_Y = 160;
function page(signature: string[]): PlacedLine[] {
  return [...stacked(NOTE_BODY), ...stacked(signature, SIGNATURE_Y)];
}

/** A "Therapist Signature: ____  Date: __" form row, the signer's name printed under it or not. */
function formRow(printedName: boolean): PlacedLine[] {
  return page([
    'Therapist Signature: ______________________   Date: 10/05/2026',
    ...(printedName ? ['Jane Roe, PT, DPT'] : []),
  ]);
}
/** A mark on the form row's rule, from just under its baseline up. */
const onFormRow = (kind: Mark['kind']): Mark => ({
  kind,
  x: 175,
  y: SIGNATURE_Y - 4,
  w: 110,
  h: 26,
});

/** A rule with the signer's name and credentials printed under it, the date under that. */
const UNDER_LINE = page(['______________________________', 'Sam Lee, PTA', 'Date: 10/05/2026']);
const aboveRule = (kind: Mark['kind']): Mark => ({
  kind,
  x: 70,
  y: SIGNATURE_Y + 2,
  w: 120,
  h: 28,
});

async function reviewOf(files: Record<string, Uint8Array | string>, rule = 'DOC-SIGNED') {
  const dir = mkdtempSync(join(tmpdir(), 'cr-hand-'));
  const chart = join(dir, 'chart');
  mkdirSync(chart);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(chart, name), body);
  const db = openDatabase(join(dir, 'store.db'));
  try {
    await importPaths(db, [chart]);
    const report = reviewStore(db, { asOf: '2026-11-24', audit: false });
    expect(report.episodes).toHaveLength(1);
    return report.episodes[0]!.findings.filter((f) => f.rule === rule);
  } finally {
    db.close();
  }
}

async function signedNote(lines: PlacedLine[], marks: Mark[]) {
  return reviewOf({
    'eval.pdf': await textPdf(EVALUATION),
    'note-1005.pdf': await notePdf(lines, marks),
    'ledger.csv': LEDGER,
  });
}

describe('DOC-SIGNED on notes signed by hand', () => {
  it('a scribble image on the form row with the name printed under it is a handwritten signature', async () => {
    const f = await signedNote(formRow(true), [onFormRow('image')]);
    expect(f.map((x) => x.status)).toEqual(['pass']);
    expect(f[0]!.message).toContain(
      'Treatment note dated 2026-10-05 signed by hand (image in the signature area), Jane Roe, PT, DPT',
    );
  });

  it('vector ink above a rule with the printed name under it signs the note', async () => {
    const f = await signedNote(UNDER_LINE, [aboveRule('drawn')]);
    expect(f.map((x) => x.status)).toEqual(['pass']);
    expect(f[0]!.message).toContain(
      'signed by hand (ink drawn in the signature area), Sam Lee, PTA',
    );
  });

  it('an Ink annotation on the form row with the name under it signs the note', async () => {
    const f = await signedNote(formRow(true), [onFormRow('ink')]);
    expect(f.map((x) => x.status)).toEqual(['pass']);
    expect(f[0]!.message).toContain('signed by hand (ink drawn in the signature area), Jane Roe');
  });

  it('a mark with no printed name or credentials is an illegible signature (warning)', async () => {
    const f = await signedNote(formRow(false), [onFormRow('image')]);
    expect(f.map((x) => [x.status, x.severity])).toEqual([['warn', 'warning']]);
    expect(f[0]!.message).toContain(
      'Treatment note dated 2026-10-05 is signed by hand (image in the signature area) with no printed name or credentials beside it: signature illegible without signature log or attestation',
    );
    expect(f[0]!.evidence[0]).toMatchObject({ file: 'note-1005.pdf', page: 1 });
  });

  it('the blank form row stays unsigned', async () => {
    const f = await signedNote(formRow(false), []);
    expect(f.map((x) => [x.status, x.severity])).toEqual([['fail', 'error']]);
    expect(f[0]!.message).toContain('is unsigned');
  });

  it('a Stamp annotation on the signature line is never a pass: confirm stamp or signature image', async () => {
    const f = await signedNote(formRow(true), [onFormRow('stamp')]);
    // A viewer's signing tool can store a signature image as a stamp annotation, and a rubber
    // stamp looks the same to the reader: the reviewer confirms on the page.
    expect(f.map((x) => [x.status, x.severity])).toEqual([['warn', 'warning']]);
    expect(f[0]!.message).toContain('is signed with a stamp annotation');
    expect(f[0]!.message).toContain('rubber stamp, which is not accepted');
    expect(f[0]!.evidence[0]).toMatchObject({ file: 'note-1005.pdf', page: 1 });
  });

  it('a logo at the top or a body diagram mid-page signs nothing', async () => {
    const marks: Mark[] = [
      { kind: 'logo', x: 480, y: 730, w: 60, h: 40 },
      { kind: 'diagram', x: 350, y: 420, w: 140, h: 140 },
    ];
    // Both are found on the page: the reader, not the scan, leaves them out.
    const read = await readPdf(await notePdf(formRow(false), marks));
    expect(read.kind === 'notes' && read.pages[0]!.marks!.map((m) => m.kind)).toEqual([
      'image',
      'drawn',
    ]);
    const f = await signedNote(formRow(false), marks);
    expect(f.map((x) => x.status)).toEqual(['fail']);
    expect(f[0]!.message).toContain('is unsigned');
  });

  it('ink far from any signature line signs nothing', async () => {
    const far: Mark = { kind: 'drawn', x: 300, y: 330, w: 120, h: 28 };
    const f = await signedNote(formRow(false), [far]);
    expect(f.map((x) => x.status)).toEqual(['fail']);
  });
});

/** A plan of care whose physician certification block is signed by hand, or stamped. */
const PLAN = [
  'Plan of Care',
  PATIENT,
  'Insurance: Medicare Part B',
  'Date: 10/01/2026',
  'Diagnosis: M54.50 low back pain',
  'Long-term goal: lift 20 lb floor to waist within 4 weeks.',
  'Frequency: 2x/week for 4 weeks',
  'Therapist: Jane Roe, PT, DPT (electronically signed 10/01/2026)',
];
const CERTIFICATION = [
  'Physician Certification',
  'I certify that I have examined the patient and the plan of care is necessary.',
  'Physician Signature: ________________________   Date: 10/03/2026',
  'Alan Park, MD',
];
const CERT_Y = 200;
const onCertLine = (kind: Mark['kind']): Mark => ({
  kind,
  x: 190,
  y: CERT_Y - 32 - 4,
  w: 120,
  h: 26,
});

async function certified(marks: Mark[]) {
  const plan = await notePdf([...stacked(PLAN), ...stacked(CERTIFICATION, CERT_Y)], marks);
  return reviewOf(
    {
      'eval.pdf': await textPdf(EVALUATION),
      'plan.pdf': plan,
      'note-1005.pdf': await textPdf([
        ...NOTE_BODY,
        'Signature: Jane Roe, PT, DPT   Date: 10/05/2026',
      ]),
      'ledger.csv': LEDGER,
    },
    'DOC-POC-CERT',
  );
}

describe('DOC-POC-CERT on a plan certified by hand', () => {
  it('a physician signature image on the certification line certifies the plan', async () => {
    const f = await certified([onCertLine('image')]);
    expect(f.map((x) => x.status)).toEqual(['pass']);
    expect(f[0]!.evidence[0]).toMatchObject({ file: 'plan.pdf', page: 1, quote: '10/03/2026' });
  });

  it('nothing on the certification line certifies nothing', async () => {
    const f = await certified([]);
    expect(f.map((x) => x.status)).toEqual(['fail']);
    expect(f[0]!.message).toContain('no physician/NPP signature and date on the plan');
  });

  it('a stamp annotation on the certification line is a warning to confirm, not a pass', async () => {
    const f = await certified([onCertLine('stamp')]);
    expect(f.map((x) => [x.status, x.severity])).toEqual([['warn', 'warning']]);
    expect(f[0]!.message).toContain('is a stamp annotation: confirm on the page');
    expect(f[0]!.evidence[0]).toMatchObject({ file: 'plan.pdf', page: 1 });
  });
});

describe('reanalyze of a store imported before marks were looked for', () => {
  it('reads the marks from the stored PDF and the review sees the hand signature', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cr-hand-old-'));
    const chart = join(dir, 'chart');
    mkdirSync(chart);
    writeFileSync(join(chart, 'eval.pdf'), await textPdf(EVALUATION));
    writeFileSync(
      join(chart, 'note-1005.pdf'),
      await notePdf(formRow(false), [onFormRow('image')]),
    );
    writeFileSync(join(chart, 'ledger.csv'), LEDGER);
    const db = openDatabase(join(dir, 'store.db'));
    try {
      await importPaths(db, [chart]);
      // What a reader before version 4 stored: no marks, and the blank line read as unsigned.
      db.prepare('UPDATE pages SET marks = NULL').run();
      db.prepare('DELETE FROM file_readings').run();
      await reanalyzeStore(db, { all: true });
      const stored = db
        .prepare(
          `SELECT p.marks FROM pages p JOIN files f ON f.id = p.file_id WHERE f.path LIKE '%note-1005.pdf'`,
        )
        .pluck()
        .get() as string;
      expect(JSON.parse(stored)).toEqual([expect.objectContaining({ kind: 'image' })]);
      const f = reviewStore(db, { asOf: '2026-11-24', audit: false })
        .episodes.flatMap((e) => e.findings)
        .filter((x) => x.rule === 'DOC-SIGNED');
      expect(f.map((x) => x.status)).toEqual(['warn']);
      expect(f[0]!.message).toContain('signed by hand (image in the signature area)');
    } finally {
      db.close();
    }
  });
});
