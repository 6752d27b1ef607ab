import { readFileSync, readdirSync } from 'node:fs';
const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
(globalThis as any).pdfjsWorker = worker;
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const mode = process.argv[2];
const files = readdirSync('/tmp/bq/pdfs');
const shared = mode === 'shared' ? new pdfjs.PDFWorker({ name: 'x' } as any) : undefined;
const t = performance.now();
for (const f of files) {
  const t1 = performance.now();
  const task = pdfjs.getDocument({
    data: new Uint8Array(readFileSync('/tmp/bq/pdfs/' + f)),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
    worker: shared,
    standardFontDataUrl: mode === 'fonts' ? undefined : undefined,
    stopAtErrors: false,
  } as any);
  const doc = await task.promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await doc.getPage(n);
    await p.getTextContent();
    p.cleanup();
  }
  await task.destroy();
  if (f.endsWith('1.pdf'))
    console.log(
      f,
      (performance.now() - t1).toFixed(1),
      'ms',
      (process.memoryUsage().rss / 1e6).toFixed(0),
      'MB rss',
    );
}
console.log(
  mode,
  (performance.now() - t).toFixed(0),
  'ms',
  (process.resourceUsage().maxRSS / 1024).toFixed(0),
  'MB',
);
