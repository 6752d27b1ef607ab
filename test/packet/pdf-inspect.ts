/** Reads built packets back with poppler (pdftotext, qpdf) and pdf.js, as a reviewer's tools would. */
import { execFileSync, spawnSync } from 'node:child_process';

/** Text of each page (`pdftotext -layout`), index 0 = page 1. */
export function pageTexts(file: string): string[] {
  const out = execFileSync('pdftotext', ['-layout', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = out.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** One page's text, the way the brief asks: `pdftotext -f N -l N -layout file -`. */
export function pageText(file: string, n: number): string {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], {
    encoding: 'utf8',
  });
}

export interface Word {
  text: string;
  yMin: number;
  yMax: number;
}

/** Words with their boxes (top-left origin, points) from `pdftotext -bbox`. */
export function pageWords(file: string, n: number): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), file, '-'], {
    encoding: 'utf8',
  });
  const words: Word[] = [];
  for (const m of html.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    words.push({ text: m[5] ?? '', yMin: Number(m[2]), yMax: Number(m[4]) });
  }
  return words;
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  // qpdf exits 0 when clean, 3 for warnings only; both mean a readable file, but we want clean.
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export interface OutlineItem {
  title: string;
  pageIndex: number;
}

export async function readOutlineAndLabels(
  bytes: Uint8Array,
): Promise<{ outline: OutlineItem[]; labels: string[] | null; title: string | null }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    const raw = (await pdf.getOutline()) ?? [];
    const outline: OutlineItem[] = [];
    for (const item of raw) {
      const dest = item.dest;
      const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
      const ref = explicit?.[0];
      const pageIndex =
        ref && typeof ref === 'object'
          ? await pdf.getPageIndex(ref as { num: number; gen: number })
          : -1;
      outline.push({ title: item.title, pageIndex });
    }
    const labels = await pdf.getPageLabels();
    const meta = await pdf.getMetadata();
    const info = meta.info as { Title?: string };
    return { outline, labels, title: info.Title ?? null };
  } finally {
    await pdf.destroy();
  }
}
