/**
 * Page geometry shared by every packet page. Reviewers print and fax packets, so output pages are
 * US Letter with a stamp band at the top and bottom that content never enters.
 */
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
/** Height of the identifier band at the top and at the bottom of each page. */
export const BAND = 34;
/** Box an embedded original page is scaled into: between the bands, with a small gutter. */
export const EMBED_BOX = {
  x: 18,
  y: BAND + 4,
  width: PAGE_WIDTH - 36,
  height: PAGE_HEIGHT - 2 * (BAND + 4),
};
/** Text area for pages the packet typesets (letter, index, text-source exhibits). */
export const TEXT_BOX = {
  left: 72,
  right: PAGE_WIDTH - 72,
  top: PAGE_HEIGHT - BAND - 34,
  bottom: BAND + 30,
};
