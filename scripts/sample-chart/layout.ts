/**
 * A tiny document model for the sample chart and three renderers: PDF (pdf-lib, standard fonts),
 * plain text and HTML. Everything is deterministic: fixed metadata dates, no randomness.
 */
import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from 'pdf-lib';

export type Block =
  | { k: 'title'; text: string }
  | { k: 'sub'; text: string }
  | { k: 'h'; text: string }
  | { k: 'p'; text: string }
  | { k: 'kv'; pairs: Array<[string, string]> }
  | { k: 'list'; items: string[] }
  | { k: 'table'; widths: number[]; rows: string[][] }
  | { k: 'gap' }
  | { k: 'rule' }
  | { k: 'pagebreak' };

export interface PdfStyle {
  regular: StandardFonts;
  bold: StandardFonts;
  size: number;
  titleSize: number;
  headingSize: number;
  upperHeadings: boolean;
  /** Text drawn at the top of the first page of every document (letterhead). */
  letterhead: string[];
  margin: number;
}

export const FIXED_DATE = new Date('2026-11-13T18:00:00Z');

export function setFixedMetadata(doc: PDFDocument, title: string, creator: string): void {
  doc.setTitle(title);
  doc.setAuthor('Riverbend Physical Therapy & Work Rehab');
  doc.setCreator(creator);
  doc.setProducer('ChartReady sample generator (pdf-lib)');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
}

const PAGE_W = 612;
const PAGE_H = 792;

export interface PlacedDocument {
  pageStart: number;
  pageEnd: number;
}

/** Lays out documents into one PDF; each document starts on a new page. */
export class PdfBook {
  private cur!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  private constructor(
    readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly boldFont: PDFFont,
    private readonly style: PdfStyle,
    /** Space reserved for running header/footer. */
    private readonly topReserve: number,
    private readonly bottomReserve: number,
  ) {}

  static async create(style: PdfStyle, reserve = { top: 0, bottom: 0 }): Promise<PdfBook> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(style.regular);
    const bold = await doc.embedFont(style.bold);
    return new PdfBook(doc, font, bold, style, reserve.top, reserve.bottom);
  }

  private newPage(): void {
    this.cur = this.doc.addPage([PAGE_W, PAGE_H]);
    this.pages.push(this.cur);
    this.y = PAGE_H - this.style.margin - this.topReserve;
  }

  private get bottom(): number {
    return this.style.margin + this.bottomReserve;
  }

  private ensure(h: number): void {
    if (this.y - h < this.bottom) this.newPage();
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const out: string[] = [];
    for (const para of text.split('\n')) {
      const words = para.split(' ');
      let line = '';
      for (const w of words) {
        const cand = line === '' ? w : `${line} ${w}`;
        if (font.widthOfTextAtSize(cand, size) <= width || line === '') line = cand;
        else {
          out.push(line);
          line = w;
        }
      }
      out.push(line);
    }
    return out;
  }

  private text(s: string, x: number, font: PDFFont, size: number): void {
    this.cur.drawText(s, { x, y: this.y, size, font, color: rgb(0, 0, 0) });
  }

  private lines(text: string, font: PDFFont, size: number, indent = 0): void {
    const width = PAGE_W - 2 * this.style.margin - indent;
    for (const l of this.wrap(text, font, size, width)) {
      this.ensure(size * 1.35);
      this.y -= size * 1.35;
      this.text(l, this.style.margin + indent, font, size);
    }
  }

  addDocument(blocks: Block[]): PlacedDocument {
    this.newPage();
    const pageStart = this.pages.length;
    const s = this.style;
    for (const l of s.letterhead)
      this.lines(l, l === s.letterhead[0] ? this.boldFont : this.font, s.size);
    if (s.letterhead.length > 0) this.rule();
    for (const b of blocks) this.block(b);
    return { pageStart, pageEnd: this.pages.length };
  }

  private rule(): void {
    this.ensure(8);
    this.y -= 5;
    this.cur.drawLine({
      start: { x: this.style.margin, y: this.y },
      end: { x: PAGE_W - this.style.margin, y: this.y },
      thickness: 0.6,
      color: rgb(0.2, 0.2, 0.2),
    });
    this.y -= 3;
  }

  private block(b: Block): void {
    const s = this.style;
    switch (b.k) {
      case 'title':
        this.y -= 6;
        this.lines(b.text, this.boldFont, s.titleSize);
        this.y -= 2;
        break;
      case 'sub':
        this.lines(b.text, this.font, s.size);
        break;
      case 'h':
        this.y -= 5;
        this.ensure(s.headingSize * 3);
        this.lines(s.upperHeadings ? b.text.toUpperCase() : b.text, this.boldFont, s.headingSize);
        break;
      case 'p':
        this.lines(b.text, this.font, s.size);
        break;
      case 'kv':
        for (const [k, v] of b.pairs) this.lines(k === '' ? v : `${k}: ${v}`, this.font, s.size);
        break;
      case 'list':
        for (const it of b.items) this.lines(`- ${it}`, this.font, s.size, 8);
        break;
      case 'table': {
        const total = b.widths.reduce((a, c) => a + c, 0);
        const avail = PAGE_W - 2 * s.margin;
        b.rows.forEach((row, ri) => {
          const font = ri === 0 ? this.boldFont : this.font;
          const cells = row.map((c, ci) =>
            this.wrap(c, font, s.size - 1, ((b.widths[ci] ?? 1) / total) * avail - 6),
          );
          const h = Math.max(...cells.map((c) => c.length));
          this.ensure(h * (s.size - 1) * 1.3 + 2);
          const top = this.y;
          for (let li = 0; li < h; li++) {
            this.y -= (s.size - 1) * 1.3;
            let x = s.margin;
            cells.forEach((c, ci) => {
              const t = c[li];
              if (t) this.text(t, x, font, s.size - 1);
              x += ((b.widths[ci] ?? 1) / total) * avail;
            });
          }
          if (ri === 0) {
            this.cur.drawLine({
              start: { x: s.margin, y: this.y - 2 },
              end: { x: PAGE_W - s.margin, y: this.y - 2 },
              thickness: 0.4,
            });
          }
          this.y = Math.min(this.y, top) - 2;
        });
        break;
      }
      case 'gap':
        this.y -= s.size;
        break;
      case 'rule':
        this.rule();
        break;
      case 'pagebreak':
        this.newPage();
        break;
    }
  }

  /** Draws running header/footer text on every page (needs the final page count). */
  decorate(fn: (page: number, total: number) => { top: string; bottom: string }): void {
    const total = this.pages.length;
    this.pages.forEach((p, i) => {
      const { top, bottom } = fn(i + 1, total);
      const size = this.style.size - 1;
      p.drawText(top, { x: this.style.margin, y: PAGE_H - 30, size, font: this.font });
      p.drawLine({
        start: { x: this.style.margin, y: PAGE_H - 34 },
        end: { x: PAGE_W - this.style.margin, y: PAGE_H - 34 },
        thickness: 0.4,
      });
      p.drawText(bottom, { x: this.style.margin, y: 24, size, font: this.font });
    });
  }

  async save(title: string, creator: string): Promise<Uint8Array> {
    setFixedMetadata(this.doc, title, creator);
    return this.doc.save({ useObjectStreams: false });
  }
}

/** Renders blocks as a plain-text note, wrapped at `width` columns. */
export function renderText(blocks: Block[], width = 78): string {
  const out: string[] = [];
  const wrap = (t: string, indent = ''): void => {
    for (const para of t.split('\n')) {
      let line = indent;
      for (const w of para.split(' ')) {
        if (line.length + w.length + 1 > width && line.trim() !== '') {
          out.push(line.trimEnd());
          line = indent;
        }
        line += (line.trim() === '' ? '' : ' ') + w;
      }
      out.push(line.trimEnd());
    }
  };
  for (const b of blocks) {
    switch (b.k) {
      case 'title':
        out.push(b.text.toUpperCase(), '='.repeat(Math.min(width, b.text.length)));
        break;
      case 'sub':
      case 'p':
        wrap(b.text);
        break;
      case 'h':
        out.push('', b.text, '-'.repeat(b.text.length));
        break;
      case 'kv':
        for (const [k, v] of b.pairs) wrap(k === '' ? v : `${k}: ${v}`);
        break;
      case 'list':
        for (const it of b.items) wrap(`* ${it}`, '  ');
        break;
      case 'table': {
        const w = b.widths.map((x) => Math.max(6, Math.round(x)));
        for (const row of b.rows)
          out.push(
            row
              .map((c, i) => c.padEnd(w[i] ?? 10))
              .join(' ')
              .trimEnd(),
          );
        break;
      }
      case 'gap':
        out.push('');
        break;
      case 'rule':
        out.push('-'.repeat(width));
        break;
      case 'pagebreak':
        out.push('');
        break;
    }
  }
  return `${out.join('\r\n')}\r\n`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders blocks as a simple HTML page (as some EMRs "print to HTML"). */
export function renderHtml(title: string, blocks: Block[]): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    '<style>body{font-family:Arial,sans-serif;font-size:11pt;margin:2em}' +
      'th,td{border:1px solid #999;padding:2px 6px;text-align:left}table{border-collapse:collapse}</style>',
    '</head>',
    '<body>',
  ];
  for (const b of blocks) {
    switch (b.k) {
      case 'title':
        out.push(`<h1>${esc(b.text)}</h1>`);
        break;
      case 'sub':
      case 'p':
        out.push(`<p>${esc(b.text)}</p>`);
        break;
      case 'h':
        out.push(`<h2>${esc(b.text)}</h2>`);
        break;
      case 'kv':
        out.push(
          '<p>' +
            b.pairs
              .map(([k, v]) => (k === '' ? esc(v) : `<b>${esc(k)}:</b> ${esc(v)}`))
              .join('<br>\n') +
            '</p>',
        );
        break;
      case 'list':
        out.push('<ul>', ...b.items.map((i) => `<li>${esc(i)}</li>`), '</ul>');
        break;
      case 'table':
        out.push('<table>');
        b.rows.forEach((r, i) => {
          const tag = i === 0 ? 'th' : 'td';
          out.push(`<tr>${r.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`);
        });
        out.push('</table>');
        break;
      case 'gap':
      case 'pagebreak':
        break;
      case 'rule':
        out.push('<hr>');
        break;
    }
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
