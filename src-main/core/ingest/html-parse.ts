/**
 * HTML as balanced element events, from htmlparser2's tokenizer.
 *
 * The tokenizer does the parsing (tags, quoted attributes, comments, CDATA, raw-text elements,
 * entities as a browser decodes them); this module only keeps the element stack. htmlparser2's
 * own Parser keeps its stack with `unshift` and scans it for every closing tag, which takes
 * quadratic time on deeply nested input (a 1.4 MB file of stray closing tags took 46 s here):
 * this stack pushes and pops, and finds an open element through an index per tag name.
 *
 * Every element opened is closed exactly once, innermost first (unclosed ones at the end of the
 * input), so a sink can keep its own state in step with the stack.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import {
  CLOSES_P,
  HEAD_CONTENT,
  HEADINGS,
  IMPLIED_CLOSE,
  P_SCOPE,
  RAW_TEXT,
  VOID,
} from './html-elements';

export type Attributes = ReadonlyMap<string, string>;

export interface HtmlSink {
  /** `ahead` tells whether the element's closing tag appears later in the source. */
  open(name: string, attrs: Attributes, ahead: ClosingTagLookup): void;
  close(name: string): void;
  /** Text with character references decoded, in one or more pieces. */
  text(text: string): void;
}

export interface ClosingTagLookup {
  hasClosingTag(name: string): boolean;
}

const NO_ATTRIBUTES: Attributes = new Map();

/**
 * A raw-text element (script, style, title, textarea, xmp) that is never closed would make the
 * tokenizer read the rest of the file as its text; a browser does that too, but then the note is
 * lost. Such a tag is renamed so the rest reads as HTML, as the reader before this one did.
 */
function openRawTextElements(source: string): string {
  let out = source;
  let lower = source.toLowerCase();
  for (const name of RAW_TEXT) {
    const from = lower.lastIndexOf(`</${name}`) + 1;
    if (lower.indexOf(`<${name}`, from) === -1) continue;
    const tail = out.slice(from).replace(new RegExp(`<${name}(?=[\\s/>])`, 'gi'), `<x-${name}`);
    out = out.slice(0, from) + tail;
    lower = out.toLowerCase();
  }
  return out;
}

class ElementStack implements TokenizerCallbacks, ClosingTagLookup {
  private readonly stack: string[] = [];
  /** Stack indexes of the open elements of each name, innermost last. */
  private readonly open = new Map<string, number[]>();
  private readonly lower: string;
  private readonly lastClosingTag = new Map<string, number>();
  private tagName = '';
  private tagEnd = 0;
  private attrs = new Map<string, string>();
  private attrName = '';
  private attrValue = '';

  constructor(
    private readonly source: string,
    private readonly sink: HtmlSink,
  ) {
    this.lower = source.toLowerCase();
  }

  hasClosingTag(name: string): boolean {
    let last = this.lastClosingTag.get(name);
    if (last === undefined) {
      last = this.lower.lastIndexOf(`</${name}`);
      this.lastClosingTag.set(name, last);
    }
    return last > this.tagEnd;
  }

  // Tokenizer callbacks: indexes into the one source string written.

  ontext(start: number, end: number): void {
    this.text(this.source.slice(start, end));
  }
  ontextentity(codePoint: number): void {
    this.text(String.fromCodePoint(codePoint));
  }
  oncdata(start: number, end: number, offset: number): void {
    // XHTML exports wrap text in CDATA sections; keep it.
    this.text(this.source.slice(start, end - offset));
  }
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}

  onopentagname(start: number, end: number): void {
    this.tagName = this.source.slice(start, end).toLowerCase();
    this.attrs = new Map();
  }
  onattribname(start: number, end: number): void {
    this.attrName = this.source.slice(start, end).toLowerCase();
    this.attrValue = '';
  }
  onattribdata(start: number, end: number): void {
    this.attrValue += this.source.slice(start, end);
  }
  onattribentity(codePoint: number): void {
    this.attrValue += String.fromCodePoint(codePoint);
  }
  onattribend(): void {
    // The first of two attributes with one name counts, as in a browser.
    if (!this.attrs.has(this.attrName)) this.attrs.set(this.attrName, this.attrValue);
  }
  onopentagend(end: number): void {
    this.tagEnd = end;
    this.openElement(this.tagName, this.attrs);
  }
  onselfclosingtag(end: number): void {
    this.tagEnd = end;
    const name = this.tagName;
    this.openElement(name, this.attrs);
    // XHTML exports write <td/> and <div/>: honoured, as the reader before this one did.
    if (!VOID.has(name) && this.stack[this.stack.length - 1] === name) this.pop();
  }
  onclosetag(start: number, end: number): void {
    this.tagEnd = end;
    this.closeElement(this.source.slice(start, end).toLowerCase());
  }
  onend(): void {
    while (this.stack.length > 0) this.pop();
  }

  private text(text: string): void {
    if (this.top() === 'head' && /[^ \t\n\f\r]/.test(text)) this.closeTo(this.lastOpen('head'));
    this.sink.text(text);
  }

  private openElement(name: string, attrs: Attributes): void {
    const head = this.lastOpen('head');
    if (head >= 0 && !HEAD_CONTENT.has(name)) this.closeTo(head);
    const rule = IMPLIED_CLOSE.get(name);
    if (rule) {
      const open = this.lastOpen(rule.closes);
      if (open > this.lastOpen(rule.scope)) this.closeTo(open);
    }
    if (CLOSES_P.has(name)) {
      const p = this.lastOpen('p');
      if (p > this.lastOpen(P_SCOPE)) this.closeTo(p);
    }
    if (HEADINGS.has(name) && HEADINGS.has(this.top())) this.pop();

    this.push(name);
    this.sink.open(name, attrs, this);
    if (VOID.has(name)) this.pop();
  }

  private closeElement(name: string): void {
    if (VOID.has(name)) {
      // </br> is a line break in a browser; other void closing tags mean nothing.
      if (name === 'br') this.openElement('br', NO_ATTRIBUTES);
      return;
    }
    const at = this.lastOpen(name);
    if (at >= 0) this.closeTo(at);
    else if (name === 'p') {
      // A stray </p> is an empty paragraph in a browser.
      this.openElement('p', NO_ATTRIBUTES);
      this.pop();
    }
  }

  private top(): string {
    return this.stack[this.stack.length - 1] ?? '';
  }

  private push(name: string): void {
    let indexes = this.open.get(name);
    if (!indexes) this.open.set(name, (indexes = []));
    indexes.push(this.stack.length);
    this.stack.push(name);
  }

  private pop(): void {
    const name = this.stack.pop();
    if (name === undefined) return;
    this.open.get(name)?.pop();
    this.sink.close(name);
  }

  /** Closes the element at this stack index and everything inside it. */
  private closeTo(index: number): void {
    while (this.stack.length > index) this.pop();
  }

  /** The stack index of the innermost open element among `names`, or -1. */
  private lastOpen(names: string | readonly string[]): number {
    if (typeof names === 'string') return this.open.get(names)?.at(-1) ?? -1;
    let last = -1;
    for (const name of names) last = Math.max(last, this.open.get(name)?.at(-1) ?? -1);
    return last;
  }
}

/** Walks an HTML document, calling the sink for every element and text, in linear time. */
export function walkHtml(html: string, sink: HtmlSink): void {
  const source = openRawTextElements(html);
  const tokenizer = new Tokenizer({ decodeEntities: true }, new ElementStack(source, sink));
  tokenizer.write(source);
  tokenizer.end();
}
