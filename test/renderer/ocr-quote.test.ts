/** Finding a cited quote among OCR words, as the evidence viewer does to highlight a scan. */
import { describe, expect, it } from 'vitest';
import type { EvidenceOcr } from '../../shared/api';
import { LOW_OCR_CONFIDENCE } from '../../shared/model';
import { ocrHighlight } from '../../src-renderer/lib/ocr-highlight';
import { ocrErrorsAllowed, quoteMatchesInWords, wordsForQuote } from '../../src-renderer/lib/quote';

const words = (line: string) => line.split(' ').map((text) => ({ text }));

const FAX = words(
  'FAX 09/01/2026 10:42 FROM: Lakeside Ortho P. 1/1 Plan of care certified: I certify the need for these services. Physician signature: Dr. Ellen Park, MD Date: 09/01/2026',
);

describe('OCR quote matching by word sequence', () => {
  it('finds an exact quote and returns every word it covers, in order', () => {
    const hit = wordsForQuote(FAX, 'I certify the need for these services.');
    expect(hit?.map((i) => FAX[i]!.text)).toEqual([
      'I',
      'certify',
      'the',
      'need',
      'for',
      'these',
      'services.',
    ]);
  });

  it('tolerates case, punctuation, spacing and one wrong character of OCR noise', () => {
    const noisy = words('Physlcian signature; dr. Ellen Park,MD Date: 09/01/ 2026');
    const hit = wordsForQuote(noisy, 'Physician signature: Dr. Ellen Park, MD Date: 09/01/2026');
    expect(hit).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('picks the closest of two similar lines', () => {
    const page = words('Date: 09/01/2026 signed Date: 09/07/2026 certified');
    expect(wordsForQuote(page, 'Date: 09/07/2026')).toEqual([3, 4]);
  });

  it('does not match a quote that is not on the page', () => {
    expect(wordsForQuote(FAX, 'Patient refused treatment today')).toBeNull();
    // Different dates are different facts: too many wrong digits is no match.
    expect(wordsForQuote(words('Date: 10/15/2025'), 'Date: 09/01/2026')).toBeNull();
  });

  it('needs an exact match for very short quotes and finds nothing in an empty page', () => {
    expect(ocrErrorsAllowed(3)).toBe(0);
    expect(wordsForQuote(words('PT OT'), 'PX')).toBeNull();
    expect(wordsForQuote(words('PT OT'), 'ot')).toEqual([1]);
    expect(wordsForQuote([], 'anything')).toBeNull();
    expect(wordsForQuote(FAX, ' ... ')).toBeNull();
  });
});

describe('OCR highlight boxes', () => {
  // A 1000-pixel-wide scan: "Signed: Dr. Park" on one line, "09/01/2026" below it, read poorly.
  const ocr: EvidenceOcr = {
    width: 1000,
    height: 1300,
    confidence: 90,
    words: [
      { text: 'Signed:', confidence: 95, x0: 100, y0: 200, x1: 180, y1: 220 },
      { text: 'Dr.', confidence: 93, x0: 190, y0: 201, x1: 220, y1: 221 },
      { text: 'Park', confidence: 91, x0: 230, y0: 200, x1: 290, y1: 222 },
      { text: '09/0l/2026', confidence: 41, x0: 100, y0: 240, x1: 220, y1: 260 },
    ],
  };

  it('joins the words of a line into one box, scaled to the displayed width', () => {
    const hl = ocrHighlight(ocr, 'Signed: Dr. Park', 500)!;
    expect(hl.boxes).toHaveLength(1);
    const [b] = hl.boxes;
    // Half size, with 2 px of margin around the words.
    expect(b).toEqual({ left: 48, top: 98, width: 99, height: 15, low: false });
    expect(hl.confidence).toBeCloseTo(93, 5);
    // At twice the width, the box doubles (margin aside).
    const big = ocrHighlight(ocr, 'Signed: Dr. Park', 2000)!.boxes[0]!;
    expect(big.left).toBe(198);
    expect(big.width).toBe(384);
  });

  it('marks a word read with low confidence in a box of its own', () => {
    const hl = ocrHighlight(ocr, 'Dr. Park 09/01/2026', 1000)!;
    expect(hl.boxes.map((b) => b.low)).toEqual([false, true]);
    expect(hl.confidence).toBeLessThan(LOW_OCR_CONFIDENCE + 10);
  });

  it('draws nothing for a quote not on the page or on another page', () => {
    expect(ocrHighlight(ocr, 'Plan of care certified', 1000)).toBeNull();
    expect(ocrHighlight(ocr, '', 1000)).toBeNull();
  });
});

describe('a quote found in more than one place', () => {
  it('returns every closest match, not overlapping, and ignores farther ones', () => {
    const page = words(
      'FAX 08/12/2026 09:14 ... Signature: S. Ortiz, MD Date: 08/12/2026 08/12/2025',
    );
    expect(quoteMatchesInWords(page, '08/12/2026')).toEqual([[1], [9]]);
    expect(quoteMatchesInWords(words('aaa'), 'aaaa')).toEqual([[0]]);
  });

  it('highlights each place and counts them', () => {
    const ocr: EvidenceOcr = {
      width: 100,
      height: 100,
      confidence: 90,
      words: [
        { text: '08/12/2026', confidence: 90, x0: 10, y0: 5, x1: 30, y1: 9 },
        { text: 'Date:', confidence: 90, x0: 10, y0: 80, x1: 20, y1: 84 },
        { text: '08/12/2026', confidence: 90, x0: 22, y0: 80, x1: 40, y1: 84 },
      ],
    };
    const hl = ocrHighlight(ocr, '08/12/2026', 100)!;
    expect(hl.places).toBe(2);
    expect(hl.boxes.map((b) => b.top)).toEqual([3, 78]);
    expect(ocrHighlight(ocr, 'Date: 08/12/2026', 100)!.places).toBe(1);
  });
});
