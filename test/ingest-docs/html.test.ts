import { describe, expect, it } from 'vitest';
import { ReaderError } from '../../src-main/core/ingest/errors';
import { htmlToText, readHtmlNote } from '../../src-main/core/ingest/html';

describe('htmlToText', () => {
  it('turns blocks and <br> into lines and collapses source whitespace', () => {
    const html = `<html><body><h1>Daily   Note</h1>
      <p>Date of Service:
         03/04/2026<br>Visit 7 of 20</p><div>Signed: J. Roe PT</div></body></html>`;
    expect(htmlToText(html)).toBe(
      'Daily Note\n\nDate of Service: 03/04/2026\nVisit 7 of 20\n\nSigned: J. Roe PT',
    );
  });

  it('decodes named, decimal and hex entities, and cp1252 numeric references', () => {
    expect(
      htmlToText('<p>R&amp;D &lt;5&gt; 98.6&deg;F &#8211; &#x2014; caf&eacute; &#146;s&nbsp;x</p>'),
    ).toBe('R&D <5> 98.6°F \u2013 \u2014 café \u2019s x');
    expect(htmlToText('AT&T &unknown; &#0;')).toBe('AT&T &unknown; \ufffd');
  });

  it('puts table cells of a row on one line separated by tabs, one row per line', () => {
    const html =
      '<table><tr><th>CPT</th><th>Units</th></tr><tr><td>97545</td><td>1</td></tr>' +
      '<tr><td>97546</td><td>2</td></tr></table>';
    expect(htmlToText(html)).toBe('CPT\tUnits\n97545\t1\n97546\t2');
  });

  it('drops head, script, style and comments but keeps the body', () => {
    const html = `<!DOCTYPE html><html><head><title>Export</title><style>p{color:red}</style></head>
      <body><script>var patient = "x";</script><!-- internal id 42 --><p>Assessment: tolerated well</p></body></html>`;
    expect(htmlToText(html)).toBe('Assessment: tolerated well');
  });

  it('keeps text after a stray unclosed <head>, and handles > inside attribute values', () => {
    expect(htmlToText('<head><p title="a>b">Plan: continue</p>')).toBe('Plan: continue');
  });

  it('keeps line breaks inside <pre>', () => {
    expect(htmlToText('<pre>S: pain 3/10\nO: ROM WNL</pre>')).toBe('S: pain 3/10\nO: ROM WNL');
  });
});

describe('readHtmlNote', () => {
  it('reads an HTML note into one html page', () => {
    const bytes = new TextEncoder().encode('<html><body><p>Progress Report</p></body></html>');
    expect(readHtmlNote(bytes)).toEqual({
      kind: 'notes',
      format: 'html',
      pages: [{ page: 1, text: 'Progress Report' }],
    });
  });

  it('rejects HTML with no readable text', () => {
    const bytes = new TextEncoder().encode(
      '<html><head><title>x</title></head><body> <br> </body></html>',
    );
    expect(() => readHtmlNote(bytes)).toThrow(ReaderError);
    try {
      readHtmlNote(bytes);
    } catch (err) {
      expect((err as ReaderError).rejection.code).toBe('empty');
    }
  });
});
