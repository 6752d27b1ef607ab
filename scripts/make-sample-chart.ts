/**
 * Generates the bundled sample chart (assets/sample-chart/): a fictional outpatient rehab clinic's
 * chart export with four patients, a ledger and three 835 remits. Deterministic: running it twice
 * produces identical bytes. `npm run sample` regenerates the committed copy.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StandardFonts } from 'pdf-lib';
import { blockLines, faxify, imageOnlyPdf, textPageRaster } from './sample-chart/fax';
import { billingReadme } from './sample-chart/readme';
import { ledgerCsv, remits } from './sample-chart/billing';
import {
  ALVAREZ_CASE,
  NGUYEN_CASE,
  OKAFOR_CASE,
  VOICE_A,
  VOICE_B,
  VOICE_C,
  buildComms,
} from './sample-chart/cases';
import {
  CHEN_DC,
  CHEN_EVAL,
  CHEN_STYLE,
  chenBundle,
  chenDischarge,
  chenEvaluation,
} from './sample-chart/chen';
import { ALVAREZ, NGUYEN, OKAFOR, type Patient } from './sample-chart/episodes';
import { PdfBook, renderHtml, renderText, type Block, type PdfStyle } from './sample-chart/layout';
import {
  authorization,
  communication,
  dailyNote,
  discharge,
  evaluation,
  fce,
  jobDescription,
  order,
  progressReport,
  type Voice,
  type WcCase,
} from './sample-chart/wc-content';

export interface GenDoc {
  date: string;
  slug: string;
  title: string;
  blocks: Block[];
}

/** Where each planted defect / notable document ended up (file and page), for README and tests. */
export interface Placement {
  file: string;
  date: string;
  slug: string;
  pageStart: number;
  pageEnd: number;
}

export function wcDocs(p: Patient, c: WcCase, vo: Voice): GenDoc[] {
  const ev = p.visits[0];
  const daily = p.visits.filter((v) => v.kind === 'daily');
  const pr = daily[4];
  const last = daily[daily.length - 1];
  if (!ev || !pr || !last) throw new Error('episode incomplete');
  const docs: GenDoc[] = [
    {
      date: c.orderDate,
      slug: 'physician-order',
      title: 'Physician Order',
      blocks: order(p, c, vo),
    },
    {
      date: c.jobDate,
      slug: 'job-description',
      title: 'Job Description',
      blocks: jobDescription(p, c, vo),
    },
    {
      date: c.fceDate,
      slug: 'functional-capacity-evaluation',
      title: 'FCE',
      blocks: fce(p, c, vo),
    },
    {
      date: c.authDate,
      slug: 'authorization',
      title: 'Authorization',
      blocks: authorization(p, c, vo),
    },
    {
      date: ev.dos,
      slug: 'initial-evaluation',
      title: 'Evaluation',
      blocks: evaluation(p, c, ev, vo, last.dos),
    },
  ];
  for (const v of daily) {
    docs.push({
      date: v.dos,
      slug: 'daily-note',
      title: 'Daily Note',
      blocks: dailyNote(p, c, v, vo, 10),
    });
    if (v === pr)
      docs.push({
        date: v.dos,
        slug: 'progress-report',
        title: 'Progress Report',
        blocks: progressReport(p, c, vo, ev.dos, v, last.dos),
      });
    if (v === last)
      docs.push({
        date: v.dos,
        slug: 'discharge-summary',
        title: 'Discharge Summary',
        blocks: discharge(p, c, vo, pr.dos, v),
      });
  }
  for (const m of c.comms)
    docs.push({
      date: m.date,
      slug:
        m.kind === 'phone'
          ? 'phone-note'
          : m.toRole === 'physician'
            ? 'letter-to-physician'
            : 'letter-to-adjuster',
      title: 'Communication',
      blocks: communication(p, m, vo),
    });
  return docs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const STYLE_A: PdfStyle = {
  regular: StandardFonts.Helvetica,
  bold: StandardFonts.HelveticaBold,
  size: 9.5,
  titleSize: 13,
  headingSize: 10.5,
  upperHeadings: true,
  letterhead: [
    'Riverbend Physical Therapy & Work Rehab',
    '1420 Riverside Drive, Suite 200, Springfield, IL 62704  Phone (217) 555-0142  Fax (217) 555-0143  NPI 1234567893',
  ],
  margin: 50,
};

const STYLE_B: PdfStyle = {
  regular: StandardFonts.Courier,
  bold: StandardFonts.CourierBold,
  size: 9,
  titleSize: 11,
  headingSize: 9.5,
  upperHeadings: true,
  letterhead: ['RIVERBEND PHYSICAL THERAPY & WORK REHAB - PRINTED CHART'],
  margin: 48,
};

/**
 * The physician's order as it came back by fax: the order's text set on a page, scanned at fax
 * resolution, turned 1.3 degrees, with line noise; an image-only PDF (no text layer), read by OCR.
 */
async function faxedOrder(doc: GenDoc): Promise<Uint8Array> {
  const page = faxify(
    await textPageRaster(blockLines(doc.blocks), {
      header: 'FROM: Springfield Occupational Health  (217) 555-0177   08/31/2026 15:42   P.01/01',
    }),
    { skew: 1.3, seed: 20260831 },
  );
  return imageOnlyPdf([page]);
}

export interface SampleOutput {
  files: Map<string, Uint8Array | string>;
  placements: Placement[];
}

export async function buildSampleChart(): Promise<SampleOutput> {
  buildComms();
  const files = new Map<string, Uint8Array | string>();
  const placements: Placement[] = [];

  // 1. Alvarez: one PDF per note (style A)
  const seen = new Map<string, number>();
  for (const d of wcDocs(ALVAREZ, ALVAREZ_CASE, VOICE_A)) {
    const base = `${d.date}_${d.slug}`;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    const file = `alvarez-maria/${base}${k > 1 ? `-${k}` : ''}.pdf`;
    const book = await PdfBook.create(STYLE_A);
    const pl = book.addDocument(d.blocks);
    files.set(file, await book.save(`${d.title} ${d.date}`, 'Riverbend EMR export'));
    placements.push({ file, date: d.date, slug: d.slug, ...pl });
  }
  const alvarezOrder = wcDocs(ALVAREZ, ALVAREZ_CASE, VOICE_A).find(
    (d) => d.slug === 'physician-order',
  );
  if (!alvarezOrder) throw new Error('Alvarez has no physician order');
  files.set('alvarez-maria/fax_scan_referral.pdf', await faxedOrder(alvarezOrder));

  // 2. Okafor: one printed-chart PDF (style B) with running header/footer
  {
    const file = 'okafor-james/okafor_james_chart.pdf';
    const book = await PdfBook.create(STYLE_B, { top: 14, bottom: 12 });
    for (const d of wcDocs(OKAFOR, OKAFOR_CASE, VOICE_B)) {
      const pl = book.addDocument(d.blocks);
      placements.push({ file, date: d.date, slug: d.slug, ...pl });
    }
    book.decorate((n, total) => ({
      top: `OKAFOR, JAMES  Acct 200871  Printed 11/13/2026  Page ${n} of ${total}`,
      bottom: `Riverbend Physical Therapy & Work Rehab - CONFIDENTIAL HEALTH INFORMATION - Page ${n} of ${total}`,
    }));
    files.set(file, await book.save('OKAFOR, JAMES - printed chart', 'Riverbend EMR chart print'));
  }

  // 3. Chen: eval/POC PDF, FHIR bundle with the daily notes, discharge PDF
  {
    const ev = await PdfBook.create(CHEN_STYLE);
    const evFile = `chen-robert/${CHEN_EVAL}_PT_Evaluation_POC.pdf`;
    placements.push({
      file: evFile,
      date: CHEN_EVAL,
      slug: 'initial-evaluation',
      ...ev.addDocument(chenEvaluation()),
    });
    files.set(evFile, await ev.save('PT Evaluation and Plan of Care', 'Riverbend EMR export'));
    files.set('chen-robert/chen_robert_fhir_bundle.json', await chenBundle(7));
    const dc = await PdfBook.create(CHEN_STYLE);
    const dcFile = `chen-robert/${CHEN_DC}_Discharge_Summary.pdf`;
    placements.push({
      file: dcFile,
      date: CHEN_DC,
      slug: 'discharge-summary',
      ...dc.addDocument(chenDischarge()),
    });
    files.set(dcFile, await dc.save('Discharge Summary', 'Riverbend EMR export'));
  }

  // 4. Nguyen: plain-text notes, progress report as HTML (style C)
  for (const d of wcDocs(NGUYEN, NGUYEN_CASE, VOICE_C)) {
    const base = `nguyen-linda/${d.date}_${d.slug.replace(/-/g, '_')}`;
    const file = d.slug === 'progress-report' ? `${base}.html` : `${base}.txt`;
    files.set(
      file,
      file.endsWith('.html')
        ? renderHtml(`${d.title} - Nguyen, Linda - ${d.date}`, d.blocks)
        : renderText([
            {
              k: 'p',
              text: 'Riverbend Physical Therapy & Work Rehab | NPI 1234567893 | (217) 555-0142',
            },
            { k: 'rule' },
            ...d.blocks,
          ]),
    );
    placements.push({ file, date: d.date, slug: d.slug, pageStart: 1, pageEnd: 1 });
  }

  files.set('billing/ledger.csv', ledgerCsv());
  for (const [f, t] of Object.entries(remits())) files.set(f, t);
  files.set('README.md', billingReadme(placements, files));
  return { files, placements };
}

/** Writes the sample chart under `outDir`; returns the relative paths written (sorted). */
export async function writeSampleChart(outDir: string): Promise<string[]> {
  const { files } = await buildSampleChart();
  const paths = [...files.keys()].sort();
  for (const rel of paths) {
    const full = join(outDir, rel);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, files.get(rel) ?? '');
  }
  return paths;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'sample-chart');
  writeSampleChart(out)
    .then((paths) => console.log(`wrote ${paths.length} files to ${out}`))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
