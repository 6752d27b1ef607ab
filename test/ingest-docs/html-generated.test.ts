/**
 * A print view that writes its field labels bare and lets its style sheet print the colon
 * (`.lbl:after { content: ":" }`) reads as a browser shows it (first met in c72).
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src-main/core/ingest/html';
import { generatedContent } from '../../src-main/core/ingest/html-generated';

const page = (css: string, body: string) =>
  `<html><head><style>${css}</style></head><body>${body}</body></html>`;

describe("a style sheet's generated content", () => {
  it('prints the colon a class adds after each label', () => {
    const html = page(
      '.k{font-weight:bold}.k::after{content:":"} .v{margin-right:12px}',
      '<div><span class="k">Client</span> <span class="v">OKAFOR, Ruth</span> <span class="k">DOS</span> <span class="v">Tue 09/01/26</span></div>',
    );
    expect(htmlToText(html)).toBe('Client: OKAFOR, Ruth DOS: Tue 09/01/26');
  });

  it('adds text before an element too, and only for the classes it names', () => {
    const html = page(
      'span.req:before { content: "* " } p.note:after { content: attr(title) }',
      '<p><span class="req">Pain</span> 3/10</p><p class="note" title="x">Seen</p>',
    );
    expect(htmlToText(html)).toBe('* Pain 3/10\n\nSeen');
  });

  it('reads class selectors with a quoted string, escapes included, and nothing else', () => {
    const rules = generatedContent(
      '/* labels */ .a:after{content:"\\:"} div > .b:after{content:":"} .c:after{content:counter(n)}',
    );
    expect([...rules]).toEqual([['a', { after: ':' }]]);
  });
});
