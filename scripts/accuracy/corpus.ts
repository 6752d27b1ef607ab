/** Finds the corpus charts and copies an export to a working folder, rendering `*.pdf.txt` to PDFs. */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPdf } from './render-pdf';
import { parseChartExpectation, type ChartExpectation } from './score';

export interface CorpusChart {
  id: string;
  exportDir: string;
  expectation: ChartExpectation;
}

/** The corpus's charts (`only`: just these ids, so a chart being written does not stop the rest). */
export function loadCorpus(dir: string, only?: readonly string[]): CorpusChart[] {
  const charts: CorpusChart[] = [];
  for (const id of readdirSync(dir).sort()) {
    if (only?.length && !only.includes(id)) continue;
    const chartDir = join(dir, id);
    if (!statSync(chartDir).isDirectory()) continue;
    const file = join(chartDir, 'chart.json');
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`${id}/chart.json: ${(err as Error).message}`);
    }
    charts.push({
      id,
      exportDir: join(chartDir, 'export'),
      expectation: parseChartExpectation(data, `${id}/chart.json`),
    });
  }
  return charts;
}

/** Copies `from` to `to`, `NAME.pdf.txt` becoming `NAME.pdf`; returns `to`. */
export async function materializeExport(from: string, to: string): Promise<string> {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort()) {
    const src = join(from, name);
    if (statSync(src).isDirectory()) {
      await materializeExport(src, join(to, name));
    } else if (name.endsWith('.pdf.txt')) {
      writeFileSync(join(to, name.slice(0, -4)), await renderPdf(readFileSync(src, 'utf8')));
    } else {
      writeFileSync(join(to, name), readFileSync(src));
    }
  }
  return to;
}
