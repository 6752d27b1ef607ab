/**
 * A small flow layout for typeset pages: paragraphs of styled words wrapped to the text box and
 * split across pages. Measured with the same pdf-lib fonts that draw, so page counts are exact
 * (the letter's exhibit page references depend on them).
 */
import type { PDFFont } from 'pdf-lib';
import { rgbColor, type PageContent } from './page-content';
import { TEXT_BOX } from './page-geometry';
import { toWinAnsi } from './winansi';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  mono: PDFFont;
}

export type FontStyle = keyof Fonts;

export interface Run {
  text: string;
  style?: FontStyle;
}

export type Block =
  | {
      kind: 'para';
      runs: Run[];
      size?: number;
      /** Left indent in points. */
      indent?: number;
      /** Drawn in the indent before the first line (e.g. a bullet). */
      marker?: string;
      align?: 'left' | 'center';
      spaceAfter?: number;
      /** Keep the whole paragraph on one page when it fits. */
      keepTogether?: boolean;
      /** Never leave this paragraph alone at the foot of a page (a lead-in to a list). */
      keepWithNext?: boolean;
    }
  | { kind: 'space'; height: number }
  | { kind: 'rule'; spaceAfter?: number }
  | { kind: 'page-break' };

export interface DrawOp {
  kind: 'text' | 'rule';
  text: string;
  x: number;
  y: number;
  size: number;
  style: FontStyle;
  width: number;
}

export type LaidOutPage = DrawOp[];

/** Non-breaking space: the wrapper keeps `Exhibit C, pp. 12-14` on one line. */
export const NBSP = '\u00a0';

interface Word {
  text: string;
  style: FontStyle;
  /** Width including a trailing space when one follows. */
  width: number;
  spaceAfter: boolean;
}

/** Text widths per font and size, remembered: layout measures the same words and spaces often. */
const widthCache = new WeakMap<PDFFont, Map<string, number>>();

export function textWidth(font: PDFFont, text: string, size: number): number {
  let widths = widthCache.get(font);
  if (!widths) {
    widths = new Map();
    widthCache.set(font, widths);
  }
  const key = `${size} ${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    // Glyph by glyph: pdf-lib's widthOfTextAtSize applies kerning pairs, but drawText does not
    // kern, so a kerned measure is shorter than the text drawn and eats the space after it
    // ("pp. 15-16).The plan").
    width = 0;
    for (const ch of text) width += font.widthOfTextAtSize(ch, size);
    widths.set(key, width);
  }
  return width;
}

function lineHeight(size: number): number {
  return size * 1.35;
}

function toWords(runs: Run[], fonts: Fonts, size: number): Word[] {
  const words: Word[] = [];
  for (const run of runs) {
    const style = run.style ?? 'regular';
    const clean = run.text.split(NBSP).map(toWinAnsi).join(NBSP);
    // Split on spaces, remembering where spaces were so runs join correctly ("(Exhibit" + "C").
    const parts = clean.split(/( +)/);
    for (const part of parts) {
      if (part === '') continue;
      const last = words[words.length - 1];
      if (/^ +$/.test(part)) {
        if (last) last.spaceAfter = true;
        continue;
      }
      // No space between runs ("(" + "Exhibit C, p. 5" + ")."): keep them one unbreakable word.
      if (last && !last.spaceAfter && last.style === style) {
        last.text += part;
        last.width = textWidth(fonts[style], last.text.replace(/\u00a0/g, ' '), size);
        continue;
      }
      words.push({
        text: part,
        style,
        width: textWidth(fonts[style], part.replace(/\u00a0/g, ' '), size),
        spaceAfter: false,
      });
    }
  }
  return words;
}

/** Breaks a word wider than the line into pieces (long URLs, IDs). */
function splitLongWord(word: Word, max: number, font: PDFFont, size: number): Word[] {
  if (word.width <= max) return [word];
  const out: Word[] = [];
  let current = '';
  for (const ch of word.text) {
    if (current && textWidth(font, current + ch, size) > max) {
      out.push({
        text: current,
        style: word.style,
        width: textWidth(font, current, size),
        spaceAfter: false,
      });
      current = '';
    }
    current += ch;
  }
  out.push({
    text: current,
    style: word.style,
    width: textWidth(font, current, size),
    spaceAfter: word.spaceAfter,
  });
  return out;
}

function wrap(words: Word[], max: number, fonts: Fonts, size: number): Word[][] {
  const lines: Word[][] = [];
  let line: Word[] = [];
  let width = 0;
  const spaceWidth = (w: Word) => (w.spaceAfter ? textWidth(fonts[w.style], ' ', size) : 0);
  for (const whole of words) {
    for (const word of splitLongWord(whole, max, fonts[whole.style], size)) {
      const prev = line[line.length - 1];
      const gap = prev ? spaceWidth(prev) : 0;
      if (line.length > 0 && width + gap + word.width > max) {
        lines.push(line);
        line = [];
        width = 0;
      }
      const lead = line.length > 0 ? spaceWidth(line[line.length - 1] as Word) : 0;
      line.push(word);
      width += lead + word.width;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** A plain text's lines when wrapped to a width in one style (the exhibit index's titles). */
export function wrapText(text: string, max: number, fonts: Fonts, size: number): string[] {
  const words = toWords([{ text }], fonts, size);
  return wrap(words, max, fonts, size).map((line) =>
    line.map((w, i) => w.text + (w.spaceAfter && i < line.length - 1 ? ' ' : '')).join(''),
  );
}

export interface LayoutBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Lays blocks out into pages; returns at least one page. */
export function layoutBlocks(
  blocks: Block[],
  fonts: Fonts,
  box: LayoutBox = TEXT_BOX,
): LaidOutPage[] {
  const pages: LaidOutPage[] = [[]];
  let y = box.top;
  const current = () => pages[pages.length - 1] as LaidOutPage;
  const newPage = () => {
    pages.push([]);
    y = box.top;
  };
  for (const block of blocks) {
    if (block.kind === 'page-break') {
      if (current().length > 0) newPage();
      continue;
    }
    if (block.kind === 'space') {
      y -= block.height;
      continue;
    }
    if (block.kind === 'rule') {
      if (y - 6 < box.bottom) newPage();
      current().push({
        kind: 'rule',
        text: '',
        x: box.left,
        y: y + 4,
        size: 0.75,
        style: 'regular',
        width: box.right - box.left,
      });
      y -= block.spaceAfter ?? 10;
      continue;
    }
    const size = block.size ?? 10.5;
    const indent = block.indent ?? 0;
    const max = box.right - box.left - indent;
    const lines = wrap(toWords(block.runs, fonts, size), max, fonts, size);
    const lh = lineHeight(size);
    const needed = lines.length * lh + (block.keepWithNext ? 2 * lh : 0);
    if (
      (block.keepTogether || block.keepWithNext) &&
      needed <= box.top - box.bottom &&
      y - needed < box.bottom
    )
      newPage();
    lines.forEach((line, i) => {
      if (y - size < box.bottom) newPage();
      const widthOf = (w: Word, idx: number) =>
        w.width +
        (idx < line.length - 1 && w.spaceAfter ? textWidth(fonts[w.style], ' ', size) : 0);
      const total = line.reduce((n, w, idx) => n + widthOf(w, idx), 0);
      let x =
        block.align === 'center'
          ? box.left + (box.right - box.left - total) / 2
          : box.left + indent;
      if (i === 0 && block.marker) {
        current().push({
          kind: 'text',
          text: block.marker,
          x: box.left + indent - 12,
          y: y - size,
          size,
          style: 'regular',
          width: 0,
        });
      }
      line.forEach((w, idx) => {
        current().push({
          kind: 'text',
          text: w.text.replace(/\u00a0/g, ' '),
          x,
          y: y - size,
          size,
          style: w.style,
          width: w.width,
        });
        x += widthOf(w, idx);
      });
      y -= lh;
    });
    y -= block.spaceAfter ?? 6;
  }
  return pages;
}

const TEXT_COLOR = rgbColor(0, 0, 0);
const RULE_COLOR = rgbColor(0.35, 0.35, 0.35);

export function drawLaidOutPage(content: PageContent, ops: LaidOutPage, fonts: Fonts): void {
  for (const op of ops) {
    if (op.kind === 'rule') content.line(op.x, op.y, op.x + op.width, op.y, op.size, RULE_COLOR);
    else content.text(op.text, op.x, op.y, op.size, fonts[op.style], TEXT_COLOR);
  }
}
