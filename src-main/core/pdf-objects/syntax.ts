/**
 * PDF object syntax (ISO 32000-1 §7.2-7.3): a parser for one object at a byte offset, and a writer
 * that gives the same object back as PDF text. Strings keep their bytes exactly as written, so
 * what is copied reads the same; names and numbers are written back in canonical form.
 *
 * The parser reads latin1 text (one character per byte) and lets regular expressions skip runs of
 * white space, names and nested brackets: a packet parses a few objects of many files, once, in a
 * process that has not optimised any of this yet, and native scans do not wait for the JIT.
 */

export class PdfName {
  constructor(readonly name: string) {}
}

/** A literal `(...)` or hex `<...>` string, delimiters included, as latin1 text of its bytes. */
export class PdfString {
  constructor(readonly raw: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfDict {
  constructor(readonly map: Map<string, PdfValue> = new Map()) {}
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
}

/** A stream: its dictionary and its bytes as stored (still encoded by its filters). */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly data: Uint8Array,
  ) {}
}

/**
 * A dictionary or array nested in an object, kept as its text until asked for: most of what a
 * packet copies (a page's fonts and images) is only written back, which `writeValue` does from the
 * text, references renumbered.
 */
export class PdfSpan {
  constructor(readonly text: string) {}

  /** The value, parsed one level deep (what it nests stays spans). */
  parse(): PdfValue {
    return new PdfParser(this.text).value(0);
  }
}

/** A value with a span parsed (one level). */
export function expand(v: PdfValue | undefined): PdfValue | undefined {
  return v instanceof PdfSpan ? v.parse() : v;
}

export type PdfValue =
  | number
  | boolean
  | null
  | PdfName
  | PdfString
  | PdfRef
  | PdfDict
  | PdfStream
  | PdfSpan
  | PdfValue[];

/** A file this reader does not handle; the caller falls back to a full PDF library. */
export class UnsupportedPdf extends Error {}

/** The parser reached the end of a text cut from a longer buffer: read a longer piece. */
export class TruncatedText extends Error {}

const DELIMITERS = '()<>[]{}/%';
/** PDF white space for a character class (JavaScript's \s also takes NBSP and more). */
const SPACE = '\\x00\\t\\n\\f\\r ';
const REGULAR_CLASS = `[^${SPACE}()<>\\[\\]{}/%]`;
/** White space and comments (§7.2.2-7.2.3). */
const WHITE_RUN = new RegExp(`(?:[${SPACE}]+|%[^\\r\\n]*)*`, 'y');
const REGULAR_RUN = new RegExp(`${REGULAR_CLASS}*`, 'y');
const DIGITS = /\d+/y;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** What changes bracket depth or hides brackets: strings, comments, brackets. */
const STRUCTURE = /[()<>[\]%]/g;
const HEX_BODY = new RegExp(`[0-9A-Fa-f${SPACE}]*>`, 'y');

const isWhite = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0;
// A table, not DELIMITERS.includes: every token end asks, and that would build a string each time.
const DELIMITER_CODES = new Uint8Array(256);
for (const c of DELIMITERS) DELIMITER_CODES[c.charCodeAt(0)] = 1;
const isDelimiter = (c: number) => DELIMITER_CODES[c] === 1;

/** Latin1 text of bytes: one character per byte. */
export function latin1(buf: Uint8Array, start = 0, end = buf.length): string {
  return Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1');
}

/**
 * Runs `read` over the text of buf from `offset` on: a few kilobytes first (a file may be mostly
 * image data that nothing parses), more while the read runs into the end of what it was given.
 */
export function readAt<T>(buf: Uint8Array, offset: number, read: (p: PdfParser) => T): T {
  for (let size = 4096; ; size *= 8) {
    const end = Math.min(buf.length, offset + size);
    const p = new PdfParser(latin1(buf, offset, end), 0, end < buf.length, offset);
    try {
      return read(p);
    } catch (err) {
      if (!(err instanceof TruncatedText)) throw err;
    }
  }
}

/** Finds `needle` (ASCII) in buf from `from`, or -1. */
export function indexOfAscii(buf: Uint8Array, needle: string, from = 0): number {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.length).indexOf(needle, from, 'latin1');
}

export class PdfParser {
  /**
   * `text` is latin1; `truncated` says it was cut from a longer buffer, so running into its end
   * throws TruncatedText instead of reading a token short.
   */
  constructor(
    readonly text: string,
    public pos = 0,
    readonly truncated = false,
    /** Where the text starts in its file, for error messages. */
    readonly base = 0,
  ) {}

  private sticky(re: RegExp): string {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    const s = m ? m[0] : '';
    this.pos += s.length;
    if (this.truncated && this.pos >= this.text.length) throw new TruncatedText();
    return s;
  }

  skipWhite(): void {
    this.sticky(WHITE_RUN);
  }

  private endsAt(at: number): boolean {
    if (at >= this.text.length) {
      if (this.truncated) throw new TruncatedText();
      return true;
    }
    const c = this.text.charCodeAt(at);
    return isWhite(c) || isDelimiter(c);
  }

  /** Reads the keyword at the cursor if it is `word`, else leaves the cursor where it was. */
  keyword(word: string): boolean {
    this.skipWhite();
    if (!this.text.startsWith(word, this.pos) || !this.endsAt(this.pos + word.length)) return false;
    this.pos += word.length;
    return true;
  }

  /** A non-negative integer at the cursor, or undefined (cursor unchanged). */
  integer(): number | undefined {
    this.skipWhite();
    const at = this.pos;
    const digits = this.sticky(DIGITS);
    if (digits && this.endsAt(this.pos)) return Number(digits);
    this.pos = at;
    return undefined;
  }

  error(what: string): UnsupportedPdf {
    return new UnsupportedPdf(`${what} at byte ${this.base + this.pos}`);
  }

  fail(what: string): never {
    throw this.error(what);
  }

  private end(what: string): never {
    if (this.truncated) throw new TruncatedText();
    return this.fail(what);
  }

  value(depth = 0): PdfValue {
    if (depth > 100) this.fail('objects nested too deeply');
    this.skipWhite();
    const { text } = this;
    if (this.pos >= text.length) this.end('unexpected end of data');
    const c = text[this.pos]!;
    if (c === '/') return this.name();
    if (c === '(') return this.literalString();
    const dict = c === '<' && text[this.pos + 1] === '<';
    // Nested dictionaries and arrays are read when asked for (PdfSpan).
    if (depth > 0 && (dict || c === '[')) return new PdfSpan(this.span());
    if (dict) return this.dict(depth);
    if (c === '<') return this.hexString();
    if (c === '[') {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipWhite();
        if (this.pos >= text.length) this.end('unterminated array');
        if (text[this.pos] === ']') {
          this.pos++;
          return items;
        }
        items.push(this.value(depth + 1));
      }
    }
    if (DELIMITERS.includes(c)) this.fail(`unexpected "${c}"`);
    if ((c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') return this.number();
    const word = this.sticky(REGULAR_RUN);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return this.fail(`unexpected "${word.slice(0, 20)}"`);
  }

  /** A number, or a reference `num gen R` (looked ahead for after a whole number). */
  private number(): number | PdfRef {
    const whole = this.integer();
    if (whole !== undefined) {
      const after = this.pos;
      const gen = this.integer();
      if (gen !== undefined && this.keyword('R')) return new PdfRef(whole, gen);
      this.pos = after;
      return whole;
    }
    const start = this.pos;
    const word = this.sticky(REGULAR_RUN);
    if (!NUMBER.test(word)) {
      this.pos = start;
      this.fail(`unexpected "${word.slice(0, 20)}"`);
    }
    return Number(word);
  }

  /** Skips a dictionary or array, whatever it nests, and returns its text. */
  private span(): string {
    const { text } = this;
    const start = this.pos;
    let depth = 0;
    for (;;) {
      STRUCTURE.lastIndex = this.pos;
      if (!STRUCTURE.exec(text)) return this.end('unterminated dictionary or array');
      this.pos = STRUCTURE.lastIndex - 1;
      const c = text[this.pos]!;
      const twice = text[this.pos + 1] === c;
      if (c === '(') this.literalString();
      else if (c === '%') this.skipWhite();
      else if (c === '<' && !twice) this.hexString();
      else if (c === '<' || c === '>') {
        if (!twice) this.fail('stray ">"');
        depth += c === '<' ? 1 : -1;
        this.pos += 2;
      } else {
        depth += c === '[' ? 1 : c === ']' ? -1 : 0;
        this.pos++;
      }
      if (depth === 0) return text.slice(start, this.pos);
      if (depth < 0) this.fail('unbalanced brackets');
    }
  }

  private dict(depth: number): PdfDict {
    const { text } = this;
    this.pos += 2;
    const map = new Map<string, PdfValue>();
    for (;;) {
      this.skipWhite();
      if (this.pos >= text.length) this.end('unterminated dictionary');
      if (text.startsWith('>>', this.pos)) {
        this.pos += 2;
        return new PdfDict(map);
      }
      if (text[this.pos] !== '/') this.fail('dictionary key is not a name');
      const key = this.name().name;
      map.set(key, this.value(depth + 1));
    }
  }

  private name(): PdfName {
    this.pos++;
    const raw = this.sticky(REGULAR_RUN);
    if (!raw.includes('#')) return new PdfName(raw);
    // #xx escapes (§7.3.5); a malformed one stays as written.
    return new PdfName(
      raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    );
  }

  private literalString(): PdfString {
    const { text } = this;
    const start = this.pos++;
    let depth = 1;
    while (this.pos < text.length) {
      const c = text[this.pos++];
      if (c === '\\') this.pos++;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return new PdfString(text.slice(start, this.pos));
    }
    return this.end('unterminated string');
  }

  private hexString(): PdfString {
    const start = this.pos++;
    HEX_BODY.lastIndex = this.pos;
    if (!HEX_BODY.exec(this.text)) {
      if (this.truncated && this.text.indexOf('>', this.pos) < 0) throw new TruncatedText();
      this.fail('bad hex string');
    }
    this.pos = HEX_BODY.lastIndex;
    return new PdfString(this.text.slice(start, this.pos));
  }
}

/** A name as written in PDF: characters outside the regular printable range escaped as #xx. */
export function writeName(name: string): string {
  let out = '/';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 0x20 && c < 0x7f && !isDelimiter(c) && c !== 0x23) out += name[i];
    else out += '#' + (c & 0xff).toString(16).padStart(2, '0');
  }
  return out;
}

/** A number as PDF writes it: no exponent (PDF has none), at most 10 decimals. */
export function writeNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const s = String(n);
  if (!s.includes('e')) return s;
  return n.toFixed(10).replace(/\.?0+$/, '') || '0';
}

/**
 * The PDF text of a direct value. `ref` rewrites each reference (to its number in the file being
 * written). Streams are indirect only, so one inside a value is an error.
 */
export function writeValue(v: PdfValue, ref: (r: PdfRef) => string): string {
  if (typeof v === 'number') return writeNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  if (v instanceof PdfName) return writeName(v.name);
  if (v instanceof PdfString) return v.raw;
  if (v instanceof PdfRef) return ref(v);
  if (v instanceof PdfSpan) return copySpan(v.text, ref);
  if (Array.isArray(v)) return '[' + v.map((x) => writeValue(x, ref)).join(' ') + ']';
  if (v instanceof PdfDict) {
    let out = '<<';
    for (const [k, x] of v.map) out += writeName(k) + ' ' + writeValue(x, ref);
    return out + '>>';
  }
  throw new UnsupportedPdf('a stream inside a direct object');
}

/**
 * Tokens a reference could hide in (names, hex strings) and references themselves, for a span
 * with no literal strings or comments. A reference starts at a token boundary.
 */
const REF_OR_OPAQUE = new RegExp(
  `/${REGULAR_CLASS}*|<[0-9A-Fa-f${SPACE}]*>|(?<!${REGULAR_CLASS})(\\d+)[${SPACE}]+(\\d+)[${SPACE}]+R(?!${REGULAR_CLASS})`,
  'g',
);

/**
 * A span's text with its references rewritten by `ref`. Names and strings are copied as they are,
 * so nothing inside them is taken for a reference; comments are dropped.
 */
function copySpan(text: string, ref: (r: PdfRef) => string): string {
  if (!text.includes('(') && !text.includes('%')) {
    return text.replace(REF_OR_OPAQUE, (token, num?: string, gen?: string) =>
      num === undefined ? token : ref(new PdfRef(Number(num), Number(gen))),
    );
  }
  // Literal strings may hold anything, brackets included: walk the tokens.
  const p = new PdfParser(text);
  let out = '';
  let run = 0;
  while (p.pos < text.length) {
    const c = text[p.pos]!;
    if ((c === '<' || c === '>') && text[p.pos + 1] === c) p.pos += 2;
    else if (c === '(' || c === '<') p.value(0);
    else if (c === '%') {
      // A newline in place of the comment keeps the tokens around it apart.
      out += text.slice(run, p.pos) + '\n';
      p.skipWhite();
      run = p.pos;
    } else if (c >= '0' && c <= '9') {
      const at = p.pos;
      const v = p.value(1);
      if (v instanceof PdfRef) {
        out += text.slice(run, at) + ref(v);
        run = p.pos;
      }
    } else if (c === '/' || !(isWhite(c.charCodeAt(0)) || isDelimiter(c.charCodeAt(0)))) {
      p.pos++;
      REGULAR_RUN.lastIndex = p.pos;
      p.pos += REGULAR_RUN.exec(text)![0].length;
    } else p.pos++;
  }
  return out + text.slice(run);
}
