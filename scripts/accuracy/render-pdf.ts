/**
 * Renders a corpus `NAME.pdf.txt` to a text-layer PDF (test/corpus/README.md): a form-feed line
 * starts a page, `%%` lines at the top set font, size and column positions, tab-separated lines
 * are drawn as one text run per cell (as PDF tables are), long lines wrap at word boundaries.
 * Knows nothing of clinical content.
 */
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';

const PAGE_W = 612;
const PAGE_H = 792;
const MARGIN = 54;

const FONTS: Record<string, StandardFonts> = {
  helvetica: StandardFonts.Helvetica,
  'times-roman': StandardFonts.TimesRoman,
  courier: StandardFonts.Courier,
};

interface Options {
  font: StandardFonts;
  size: number;
  columns: number[] | null;
}

function readOptions(lines: string[]): { options: Options; body: string[] } {
  const options: Options = { font: StandardFonts.Helvetica, size: 10, columns: null };
  let i = 0;
  for (; i < lines.length && lines[i]!.startsWith('%%'); i++) {
    const m = /^%%\s*(\w+)\s*:\s*(.+?)\s*$/.exec(lines[i]!);
    if (!m) continue;
    const [, key, value] = m;
    if (key === 'font') options.font = FONTS[value!.toLowerCase()] ?? options.font;
    else if (key === 'size') options.size = Number(value) || options.size;
    else if (key === 'columns') options.columns = value!.split(',').map((v) => Number(v.trim()));
  }
  return { options, body: lines.slice(i) };
}

/** WinAnsi cannot draw every character a writer may type: map the usual ones, drop the rest. */
function drawable(text: string): string {
  return (
    text
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014]/g, '-')
      // A writer's comparison signs and arrows, as an EMR's embedded font would still show them.
      .replace(/\u2265/g, '>=')
      .replace(/\u2264/g, '<=')
      .replace(/\u2192/g, '->')
      .replace(/\u2610/g, '[ ]')
      .replace(/[\u2611\u2612]/g, '[X]')
      .replace(/[\u2713\u2714]/g, 'X')
      .replace(/[^\t\x20-\x7e\u00a0-\u00ff]/g, '?')
  );
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  if (font.widthOfTextAtSize(text, size) <= width) return [text];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/(\s+)/)) {
    const next = line + word;
    if (line.trim() !== '' && font.widthOfTextAtSize(next.trimEnd(), size) > width) {
      out.push(line.trimEnd());
      line = word.trimStart();
    } else line = next;
  }
  if (line.trim() !== '') out.push(line.trimEnd());
  return out;
}

export async function renderPdf(source: string): Promise<Uint8Array> {
  const { options, body } = readOptions(source.replace(/\r\n?/g, '\n').split('\n'));
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(options.font);
  const size = options.size;
  const leading = size * 1.3;
  const pages: string[][] = [[]];
  for (const line of body) {
    if (line.trim() === '\f' || line === '\f') pages.push([]);
    else pages.at(-1)!.push(line);
  }
  for (const lines of pages) {
    let page = doc.addPage([PAGE_W, PAGE_H]);
    let y = PAGE_H - MARGIN;
    const newLine = () => {
      y -= leading;
      if (y < MARGIN) {
        page = doc.addPage([PAGE_W, PAGE_H]);
        y = PAGE_H - MARGIN - leading;
      }
    };
    for (const raw of lines) {
      const text = drawable(raw);
      if (text.includes('\t')) {
        newLine();
        const cells = text.split('\t');
        const cols =
          options.columns ??
          cells.map((_, k) => MARGIN + (k * (PAGE_W - 2 * MARGIN)) / cells.length);
        cells.forEach((cell, k) => {
          if (cell.trim() === '') return;
          page.drawText(cell.trim(), { x: cols[k] ?? cols.at(-1)!, y, size, font });
        });
        continue;
      }
      const parts = text.trim() === '' ? [''] : wrap(text, font, size, PAGE_W - 2 * MARGIN);
      for (const part of parts) {
        newLine();
        const indent = /^\s*/.exec(part)![0].length * font.widthOfTextAtSize(' ', size);
        if (part.trim() !== '') page.drawText(part.trim(), { x: MARGIN + indent, y, size, font });
      }
    }
  }
  return doc.save({ useObjectStreams: false });
}
