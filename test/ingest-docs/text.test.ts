import { describe, expect, it } from 'vitest';
import type { PageText, ReadResult } from '../../shared/model';
import { ReaderError } from '../../src-main/core/ingest/errors';
import { readTextNote } from '../../src-main/core/ingest/text';

const utf8 = (s: string) => new TextEncoder().encode(s);

function pagesOf(r: ReadResult): PageText[] {
  if (r.kind !== 'notes' || r.format !== 'txt') throw new Error('expected txt notes');
  return r.pages;
}

function rejectionOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof ReaderError) return err.rejection;
    throw err;
  }
  throw new Error('expected a ReaderError');
}

describe('readTextNote', () => {
  it('reads a UTF-8 note with a BOM and CRLF line ends as one page', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Daily Note\r\nDOS 3/4/26\r\n')]);
    expect(pagesOf(readTextNote(bytes))).toEqual([{ page: 1, text: 'Daily Note\nDOS 3/4/26\n' }]);
  });

  it('splits pages on form feeds and numbers them from 1, ignoring a final form feed', () => {
    const pages = pagesOf(readTextNote(utf8('Evaluation\fPlan of Care\f\fDischarge\f')));
    expect(pages).toEqual([
      { page: 1, text: 'Evaluation' },
      { page: 2, text: 'Plan of Care' },
      { page: 3, text: '' },
      { page: 4, text: 'Discharge' },
    ]);
  });

  it('decodes invalid UTF-8 as Windows-1252 instead of failing', () => {
    // “Pain 3/10” – 98.6°F, written by an old EMR in cp1252
    const bytes = new Uint8Array([
      0x93,
      ...utf8('Pain 3/10'),
      0x94,
      0x20,
      0x96,
      ...utf8(' 98.6'),
      0xb0,
      0x46,
    ]);
    expect(pagesOf(readTextNote(bytes))[0]!.text).toBe('\u201cPain 3/10\u201d \u2013 98.6\u00b0F');
  });

  it('keeps valid UTF-8 multibyte text as written', () => {
    expect(pagesOf(readTextNote(utf8('Temp 98.6°F – José')))[0]!.text).toBe('Temp 98.6°F – José');
  });

  it('reads UTF-16 text that carries a BOM', () => {
    const body = Buffer.from('Visit 7 of 20\r\n', 'utf16le');
    const bytes = new Uint8Array([0xff, 0xfe, ...body]);
    expect(pagesOf(readTextNote(bytes))[0]!.text).toBe('Visit 7 of 20\n');
  });

  it('rejects an empty or whitespace-only file', () => {
    expect(rejectionOf(() => readTextNote(new Uint8Array()))).toMatchObject({ code: 'empty' });
    expect(rejectionOf(() => readTextNote(utf8(' \r\n\f\t ')))).toMatchObject({ code: 'empty' });
    expect(rejectionOf(() => readTextNote(new Uint8Array([0xef, 0xbb, 0xbf])))).toMatchObject({
      code: 'empty',
    });
  });
});
