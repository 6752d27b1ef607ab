import { readFileSync, readdirSync } from 'node:fs';
import { readPdf } from '../../src-main/core/ingest';
import { extractDocuments } from '../../src-main/core/extract';
const mode = process.argv[2];
const files = readdirSync('/tmp/bq/pdfs');
const t = performance.now();
for (const f of files) {
  const r = await readPdf(new Uint8Array(readFileSync('/tmp/bq/pdfs/' + f)));
  if (mode === 'extract' && r.kind === 'notes') {
    const t2 = performance.now();
    extractDocuments(f, r.pages);
    if (f.endsWith('0.pdf')) console.log('extract ms', (performance.now() - t2).toFixed(0));
  }
}
console.log(
  mode,
  (performance.now() - t).toFixed(0),
  'ms',
  (process.resourceUsage().maxRSS / 1024).toFixed(0),
  'MB',
  'heap',
  (process.memoryUsage().heapUsed / 1e6).toFixed(0),
);
