/**
 * Text drawing for packet pages: the operators pdf-lib's PDFPage.drawText writes, but with one
 * font resource per font and page. PDFPage.drawText adds a fresh /Font entry (with a generated
 * name) on every call, and again when it restores the previous font, which made stamping and
 * typesetting slow and the page dictionaries large. What the page shows is the same.
 */
import {
  degrees,
  drawLinesOfText,
  type Color,
  type PDFFont,
  type PDFName,
  type PDFPage,
} from 'pdf-lib';

/** pdf-lib's default line height for a page (only written as TL; one-line texts never use it). */
const LINE_HEIGHT = 24;

const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

function fontKey(page: PDFPage, font: PDFFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) {
    keys = new Map();
    fontKeys.set(page, keys);
  }
  let key = keys.get(font);
  if (!key) {
    key = page.node.newFontDictionary(font.name, font.ref);
    keys.set(font, key);
  }
  return key;
}

export interface TextOptions {
  x: number;
  y: number;
  size: number;
  font: PDFFont;
  color: Color;
}

/** Same line handling as PDFPage.drawText without maxWidth (tabs to spaces, split on newlines). */
export function drawText(page: PDFPage, text: string, o: TextOptions): void {
  const lines = text
    .replace(/\t|\u0085|\u2028|\u2029/g, '    ')
    .replace(/[\b\v]/g, '')
    .split(/[\n\f\r]/); // pdf-lib also splits on \v, removed just above
  page.pushOperators(
    ...drawLinesOfText(
      lines.map((line) => o.font.encodeText(line)),
      {
        color: o.color,
        font: fontKey(page, o.font),
        size: o.size,
        rotate: degrees(0),
        xSkew: degrees(0),
        ySkew: degrees(0),
        x: o.x,
        y: o.y,
        lineHeight: LINE_HEIGHT,
      },
    ),
  );
}
