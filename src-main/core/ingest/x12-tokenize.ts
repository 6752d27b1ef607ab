/**
 * A small X12 tokenizer. The separators are not fixed: ISA is exactly 106 characters, its 4th
 * character is the element separator, ISA16 the component separator and the character after ISA16
 * the segment terminator. Line breaks and indentation between segments are tolerated.
 */
import { reject } from './errors';

export interface X12Delimiters {
  element: string;
  component: string;
  segment: string;
  /** ISA11 in 5010 and later; in 4010 that element is a standards id, not a separator. */
  repetition: string | null;
}

export interface X12Segment {
  id: string;
  /** elements[0] is the segment id, so elements[n] is the n-th element (CLP01 = elements[1]). */
  elements: string[];
  /** 1-based position of the segment in the file. */
  index: number;
}

export const ISA_LENGTH = 106;

/** Element separator positions inside the fixed-width ISA (0-based). */
const ISA_SEPARATOR_POSITIONS = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103];

export function readDelimiters(text: string, start: number): X12Delimiters {
  const isa = text.slice(start, start + ISA_LENGTH);
  if (isa.length < ISA_LENGTH) {
    reject(
      `segment 1: ISA is ${isa.length} characters long; it must be ${ISA_LENGTH} (file truncated?)`,
      {
        line: 1,
        code: 'corrupt',
      },
    );
  }
  const element = isa[3]!;
  const misplaced = ISA_SEPARATOR_POSITIONS.find((p) => isa[p] !== element);
  // A sender that pads an id one space too many or too few still writes sixteen elements: read
  // them by the separator rather than refuse a whole remittance over its header's width.
  if (misplaced !== undefined && !/[A-Za-z0-9 ]/.test(element)) {
    const padded = unpaddedDelimiters(text, start, element);
    if (padded) return padded;
  }
  if (misplaced !== undefined || /[A-Za-z0-9 ]/.test(element)) {
    reject(
      `segment 1: ISA is not the fixed-width 106-character header (expected the element separator "${element}" at character ${(misplaced ?? 3) + 1})`,
      { line: 1, code: 'corrupt' },
    );
  }
  const version = isa.slice(84, 89);
  const isa11 = isa[82]!;
  const repetition = version >= '00501' && !/[A-Za-z0-9 ]/.test(isa11) ? isa11 : null;
  return { element, component: isa[104]!, segment: isa[105]!, repetition };
}

/**
 * The delimiters of an ISA whose ids are not padded to their fixed widths: its sixteenth element
 * is the component separator, and the character right after it ends the segment.
 */
function unpaddedDelimiters(text: string, start: number, element: string): X12Delimiters | null {
  let at = start;
  for (let n = 0; n < 16; n++) {
    at = text.indexOf(element, at + 1);
    if (at < 0 || at - start > ISA_LENGTH + 16) return null;
  }
  const component = text[at + 1];
  const segment = text[at + 2];
  if (!component || !segment || /[A-Za-z0-9 ]/.test(component + segment)) return null;
  if (component === element || segment === element) return null;
  const fields = text.slice(start, at).split(element);
  const version = fields[12] ?? '';
  const isa11 = fields[11] ?? '';
  const repetition = version >= '00501' && /^[^A-Za-z0-9 ]$/.test(isa11) ? isa11 : null;
  return { element, component, segment, repetition };
}

export function tokenizeX12(text: string): { delimiters: X12Delimiters; segments: X12Segment[] } {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.search(/\S/);
  if (start < 0) reject('the file is empty', { line: 1, code: 'empty' });
  if (body.slice(start, start + 3) !== 'ISA') {
    reject('segment 1: the file does not start with an ISA segment; this is not an X12 file', {
      line: 1,
      code: 'invalid',
    });
  }
  const delimiters = readDelimiters(body, start);
  const segments: X12Segment[] = [];
  for (const piece of body.slice(start).split(delimiters.segment)) {
    // Strip the line breaks and indentation exporters put between segments.
    const raw = piece.replace(/^[\s]+/, '').replace(/[\r\n]+$/, '');
    if (raw === '') continue;
    const elements = raw.split(delimiters.element);
    segments.push({ id: elements[0]!, elements, index: segments.length + 1 });
  }
  return { delimiters, segments };
}
