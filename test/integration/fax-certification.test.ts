/**
 * A Medicare episode whose plan of care is certified only on a faxed page (an image-only PDF, no
 * text layer) reviews as the same episode with the certification as a text PDF: DOC-POC-CERT
 * passes both ways, and the fax's evidence says it was read by OCR.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/model';
import { runReview } from '../../src-main/core/api/review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { closeOcrEngine } from '../../src-main/core/ocr';
import { openDatabase } from '../../src-main/core/store/db';
import { CHEN_STYLE, chenBundle, chenDischarge } from '../../scripts/sample-chart/chen';
import { writeChenEvaluationUncertified } from '../ocr/cert-fax';
import { CHEN, fmt } from '../../scripts/sample-chart/episodes';
import { faxify, imageOnlyPdf, textPageRaster } from '../../scripts/sample-chart/fax';
import { PdfBook } from '../../scripts/sample-chart/layout';
import { textPdf } from '../import/text-pdf';

const doctor = CHEN.physician;
const CERT_LINES = [
  'Physician Certification of Plan of Care',
  `Patient: Chen, Robert    DOB: ${fmt.mdy(CHEN.dob)}    MRN: ${CHEN.mrn}`,
  'Payer: Medicare Part B',
  'Re: Physical Therapy Evaluation and Plan of Care dated 08/03/2026',
  'I have reviewed this plan of care and certify that the services are medically',
  'necessary and that the patient is under my care.',
  `Physician signature: ${doctor.first} ${doctor.last}, ${doctor.cred}   Date: 08/12/2026   NPI 1609876545`,
];

let root: string;
const certFindings = new Map<string, Finding[]>();

async function chenFolder(dir: string, certification: Uint8Array): Promise<void> {
  mkdirSync(dir, { recursive: true });
  // The evaluation's own certification block is left out: the certification arrives on its own.
  await writeChenEvaluationUncertified(dir);
  const dc = await PdfBook.create(CHEN_STYLE);
  dc.addDocument(chenDischarge());
  writeFileSync(join(dir, '2026-09-09_Discharge_Summary.pdf'), await dc.save('Discharge', 'EMR'));
  writeFileSync(join(dir, 'chen_robert_fhir_bundle.json'), await chenBundle(7));
  writeFileSync(join(dir, 'physician_certification.pdf'), certification);
}

async function review(name: string, certification: Uint8Array): Promise<Finding[]> {
  const dir = join(root, name);
  await chenFolder(join(dir, 'chart'), certification);
  const db = openDatabase(join(dir, 'review.db'));
  try {
    const summary = await importPaths(db, [join(dir, 'chart')]);
    expect(summary.files.filter((f) => f.status === 'rejected')).toEqual([]);
    const report = runReview(db, { asOf: '2026-11-24' });
    const episode = report.episodes.find((e) => e.patient.name === 'Chen, Robert');
    expect(episode).toBeDefined();
    return episode!.findings.filter((f) => f.rule === 'DOC-POC-CERT');
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'chartready-fax-cert-'));
  certFindings.set('text', await review('text', await textPdf(CERT_LINES)));
  const scan = faxify(
    await textPageRaster(CERT_LINES, {
      header: 'FROM: Springfield Orthopedics  (217) 555-0188   08/12/2026 16:05   P.01/01',
    }),
    { skew: -1.8, seed: 18 },
  );
  certFindings.set('fax', await review('fax', await imageOnlyPdf([scan])));
}, 240_000);

afterAll(async () => {
  await closeOcrEngine();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('plan of care certified only on a fax', () => {
  it('passes DOC-POC-CERT with the text certification', () => {
    expect(certFindings.get('text')!.map((f) => f.status)).toEqual(['pass']);
  });

  it('passes DOC-POC-CERT the same with the faxed certification', () => {
    const text = certFindings.get('text')!;
    const fax = certFindings.get('fax')!;
    const plain = (fs: Finding[]) =>
      fs.map((f) => ({ status: f.status, message: f.message, dates: f.dates }));
    expect(plain(fax)).toEqual(plain(text));
    expect(fax[0]!.evidence.map((e) => e.quote)).toEqual(text[0]!.evidence.map((e) => e.quote));
  });

  it('says the fax evidence was read by OCR, with its confidence', () => {
    const fax = certFindings.get('fax')!;
    const ocr = fax[0]!.evidence.filter((e) => e.file.endsWith('physician_certification.pdf'));
    expect(ocr.length).toBeGreaterThan(0);
    for (const e of ocr) {
      expect(e.source).toBe('ocr');
      expect(e.confidence).toBeGreaterThan(70);
    }
    const text = certFindings.get('text')!;
    expect(text[0]!.evidence.every((e) => e.source === undefined)).toBe(true);
  });
});
