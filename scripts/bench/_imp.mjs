console.log('start', (process.memoryUsage().rss / 1e6).toFixed(0));
const w = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
console.log('worker', (process.memoryUsage().rss / 1e6).toFixed(0));
const p = await import('pdfjs-dist/legacy/build/pdf.mjs');
console.log(
  'main',
  (process.memoryUsage().rss / 1e6).toFixed(0),
  (process.memoryUsage().heapUsed / 1e6).toFixed(0),
  'heap',
  (process.memoryUsage().external / 1e6).toFixed(0),
  'ext',
  (process.memoryUsage().arrayBuffers / 1e6).toFixed(0),
  'ab',
);
