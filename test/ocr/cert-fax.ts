/**
 * A faxed TIFF that certifies Chen's Medicare plan of care (the sample chart's Medicare episode):
 * one "normal" resolution page (rows doubled on reading), turned 1.4 degrees, with fax noise.
 * The review cites it for DOC-POC-CERT; the e2e and packet tests show and embed it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHEN_STYLE, chenEvaluation } from '../../scripts/sample-chart/chen';
import { faxify, faxTiff, normalResolution, textPageRaster } from '../../scripts/sample-chart/fax';
import { PdfBook } from '../../scripts/sample-chart/layout';

/** Where the fax goes in a copy of the sample chart. */
export const CERT_FAX = 'chen-robert/2026-08-12_certification_fax.tif';

export const CERT_LINES = [
  'FAX 08/12/2026 09:14 FROM: Ortiz Orthopedics P.1/1',
  'Physician Certification of Plan of Care',
  'Patient: Chen, Robert    DOB: 06/22/1951',
  'MRN: 200533',
  'Certification period: 08/03/2026 to 09/14/2026',
  'I have reviewed this plan of care and certify that the services are',
  'medically necessary and that the patient is under my care.',
  'Physician signature: Samuel Ortiz, MD   Date: 08/12/2026   NPI 1609876545',
];

/** Writes the fax into `chartDir` (a copy of the sample chart); returns its path. */
export async function writeCertFax(chartDir: string): Promise<string> {
  const page = faxify(await textPageRaster(CERT_LINES), { skew: 1.4, seed: 5 });
  const path = join(chartDir, CERT_FAX);
  writeFileSync(path, faxTiff([normalResolution(page)], 98));
  return path;
}

/**
 * Writes Chen's evaluation and plan of care into `dir` without its own certification block (rule,
 * heading, statement, signature), so the plan is certified only by what arrives on its own: a fax.
 */
export async function writeChenEvaluationUncertified(dir: string): Promise<void> {
  const evaluation = chenEvaluation();
  const heading = evaluation.findIndex(
    (b) => b.k === 'h' && b.text === 'Physician Certification of Plan of Care',
  );
  if (heading <= 0)
    throw new Error("the sample's evaluation has no certification block to leave out");
  const ev = await PdfBook.create(CHEN_STYLE);
  ev.addDocument(evaluation.slice(0, heading - 1));
  writeFileSync(join(dir, '2026-08-03_PT_Evaluation_POC.pdf'), await ev.save('Evaluation', 'EMR'));
}
