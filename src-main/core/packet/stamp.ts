/**
 * Identifier bands on every packet page: patient, claim, Bates number and "Page X of N". CMS ADR
 * guidance asks for the beneficiary name on every sheet (rules.md section 6 [S26][S29]); reviewers
 * print and fax, so the identifiers are drawn on the page, not only in viewer labels.
 */
import type { PDFFont } from 'pdf-lib';
import { PageContent, rgbColor, type PageFonts } from './page-content';
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

/** Draws the stamp of one page. */
export type StampPage = (
  content: PageContent,
  bates: string,
  pageNo: number,
  pageCount: number,
) => void;

const SIZE = 7.5;
const GREY = rgbColor(0.25, 0.25, 0.25);

const BATES_DIGITS = 6;

export function batesNumber(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(BATES_DIGITS, '0')}`;
}

/** From page `first` on, each page is labelled `prefix` followed by its page number. */
export interface LabelRange {
  first: number;
  prefix: string;
}

/**
 * Bates numbers as page-label ranges, one per number of digits: within a range the zero padding is
 * the same, so a decimal label with that padding as its prefix reads as the Bates number.
 */
export function batesLabelRanges(prefix: string, pageCount: number): LabelRange[] {
  const ranges: LabelRange[] = [];
  for (let digits = 1, first = 1; first <= pageCount; digits++, first *= 10) {
    const padding = '0'.repeat(Math.max(0, BATES_DIGITS - digits));
    // From 6 digits on there is no padding: one range numbers every later page.
    ranges.push({ first, prefix: `${prefix}${padding}` });
    if (digits >= BATES_DIGITS) break;
  }
  return ranges;
}

function fit(text: string, font: PDFFont, max: number): string {
  let t = toWinAnsi(text);
  if (font.widthOfTextAtSize(t, SIZE) <= max) return t;
  while (t.length > 1 && font.widthOfTextAtSize(t + '...', SIZE) > max) t = t.slice(0, -1);
  return t + '...';
}

/** The stamp for a packet: what every page repeats is fitted, measured and written once. */
export function pageStamp(
  info: StampInfo,
  fonts: { regular: PDFFont; bold: PDFFont },
  pageFonts: PageFonts,
): StampPage {
  const { regular, bold } = fonts;
  const topY = PAGE_HEIGHT - BAND / 2 - SIZE / 3;
  const bottomY = BAND / 2 - SIZE / 3;
  const half = PAGE_WIDTH / 2 - 30;
  const topLeft = fit(info.topLeft, bold, half);
  const topRight = fit(info.topRight, regular, half);
  const center = fit(info.bottomCenter, regular, PAGE_WIDTH - 260);
  const repeated = PageContent.fragment(pageFonts);
  repeated.text(topLeft, 24, topY, SIZE, bold, GREY);
  const topRightX = PAGE_WIDTH - 24 - regular.widthOfTextAtSize(topRight, SIZE);
  repeated.text(topRight, topRightX, topY, SIZE, regular, GREY);
  repeated.line(24, PAGE_HEIGHT - BAND + 4, PAGE_WIDTH - 24, PAGE_HEIGHT - BAND + 4, 0.4, GREY);
  repeated.line(24, BAND - 4, PAGE_WIDTH - 24, BAND - 4, 0.4, GREY);
  const centerX = (PAGE_WIDTH - regular.widthOfTextAtSize(center, SIZE)) / 2;
  repeated.text(center, centerX, bottomY, SIZE, regular, GREY);
  return (content, bates, pageNo, pageCount) => {
    content.append(repeated);
    content.text(bates, 24, bottomY, SIZE, bold, GREY);
    const pageText = `Page ${pageNo} of ${pageCount}`;
    const pageTextX = PAGE_WIDTH - 24 - bold.widthOfTextAtSize(pageText, SIZE);
    content.text(pageText, pageTextX, bottomY, SIZE, bold, GREY);
  };
}
