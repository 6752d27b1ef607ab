/**
 * Identifier bands on every packet page: patient, claim, Bates number and "Page X of N". CMS ADR
 * guidance asks for the beneficiary name on every sheet (rules.md section 6 [S26][S29]); reviewers
 * print and fax, so the identifiers are drawn on the page, not only in viewer labels.
 */
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { drawText } from './draw-text';
import { BAND, PAGE_HEIGHT, PAGE_WIDTH } from './page-geometry';
import { toWinAnsi } from './winansi';

export interface StampInfo {
  /** Left of the top band, e.g. `Patient: Doe, John  DOB 01/01/1980`. */
  topLeft: string;
  /** Right of the top band, e.g. `Claim CLM-1  Payer claim 2026...`. */
  topRight: string;
  /** Centre of the bottom band, e.g. the packet kind and dates of service. */
  bottomCenter: string;
}

const SIZE = 7.5;
const GREY = rgb(0.25, 0.25, 0.25);

export function batesNumber(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(6, '0')}`;
}

function fit(text: string, font: PDFFont, max: number): string {
  let t = toWinAnsi(text);
  if (font.widthOfTextAtSize(t, SIZE) <= max) return t;
  while (t.length > 1 && font.widthOfTextAtSize(t + '...', SIZE) > max) t = t.slice(0, -1);
  return t + '...';
}

export function stampPage(
  page: PDFPage,
  info: StampInfo,
  bates: string,
  pageNo: number,
  pageCount: number,
  fonts: { regular: PDFFont; bold: PDFFont },
): void {
  const { regular, bold } = fonts;
  const topY = PAGE_HEIGHT - BAND / 2 - SIZE / 3;
  const bottomY = BAND / 2 - SIZE / 3;
  const half = PAGE_WIDTH / 2 - 30;
  const topLeft = fit(info.topLeft, bold, half);
  drawText(page, topLeft, { x: 24, y: topY, size: SIZE, font: bold, color: GREY });
  const topRight = fit(info.topRight, regular, half);
  drawText(page, topRight, {
    x: PAGE_WIDTH - 24 - regular.widthOfTextAtSize(topRight, SIZE),
    y: topY,
    size: SIZE,
    font: regular,
    color: GREY,
  });
  page.drawLine({
    start: { x: 24, y: PAGE_HEIGHT - BAND + 4 },
    end: { x: PAGE_WIDTH - 24, y: PAGE_HEIGHT - BAND + 4 },
    thickness: 0.4,
    color: GREY,
  });
  page.drawLine({
    start: { x: 24, y: BAND - 4 },
    end: { x: PAGE_WIDTH - 24, y: BAND - 4 },
    thickness: 0.4,
    color: GREY,
  });
  drawText(page, bates, { x: 24, y: bottomY, size: SIZE, font: bold, color: GREY });
  const pageText = `Page ${pageNo} of ${pageCount}`;
  drawText(page, pageText, {
    x: PAGE_WIDTH - 24 - bold.widthOfTextAtSize(pageText, SIZE),
    y: bottomY,
    size: SIZE,
    font: bold,
    color: GREY,
  });
  const center = fit(info.bottomCenter, regular, PAGE_WIDTH - 260);
  drawText(page, center, {
    x: (PAGE_WIDTH - regular.widthOfTextAtSize(center, SIZE)) / 2,
    y: bottomY,
    size: SIZE,
    font: regular,
    color: GREY,
  });
}
