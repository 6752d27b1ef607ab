/**
 * Lines of text as a browser lays them out, written piece by piece: whitespace collapses to one
 * space between words, and line breaks asked for by block elements wait until the next text, so
 * a block that opens or closes many times in a row still makes one break, and breaks at the start
 * or end of a table cell make none.
 *
 * Output grows as a list of parts: reading the end of one long concatenated string would flatten
 * it on every block tag and make big exports quadratic.
 */

/** A place kept empty in the text, to be filled later (the tick box of a label written before it). */
export interface Slot {
  layout: TextLayout;
  index: number;
}

const COLLAPSIBLE = /[ \t\n\f\r]+/g;

export class TextLayout {
  private readonly parts: string[] = [];
  /** Newlines wanted before the next text: 1 a new line, 2 a blank line. */
  private blockBreak = 0;
  /** Newlines of <br> elements since the last text. */
  private forcedBreaks = 0;
  private space = false;
  /** Written instead of any break before the next text: ": " between a term and its value. */
  private separator: string | null = null;
  /** Written at the start of the next line: "- " of a list item. */
  private prefix = '';
  private slots: Slot[] = [];
  private lineEmpty = true;
  private written = false;
  private onlyMark = false;
  private done = false;
  /** An inline element has just closed, with no text after it yet. */
  private abutting = false;
  /** The next text starts an inline box that abuts the one before: a cell gap, not nothing. */
  private cellGap = false;

  /**
   * An inline element opens. Two that abut with no text between ("<span><b>Client:</b> ROE,
   * JANE</span><span><b>DOB:</b> ...") are boxes a style sets apart (a flex banner, a nav bar):
   * their words are not one word, so the next text starts a cell.
   */
  openInline(): void {
    if (this.abutting) this.cellGap = true;
    this.abutting = false;
  }

  closeInline(): void {
    this.abutting = true;
  }

  /** Collapsible text: runs of spaces, tabs and newlines are one space. */
  text(raw: string): void {
    this.abutting = false;
    const collapsed = raw.replace(COLLAPSIBLE, ' ');
    if (collapsed === '') return;
    let body = collapsed;
    if (body.startsWith(' ')) {
      this.space = true;
      body = body.slice(1);
    }
    const trailingSpace = body.endsWith(' ');
    if (trailingSpace) body = body.slice(0, -1);
    if (body !== '') this.write(body);
    if (trailingSpace) this.space = true;
  }

  /** Text of <pre> and <textarea>: spaces and line breaks kept. */
  preformatted(raw: string): void {
    if (raw === '') return;
    this.write(raw);
    this.lineEmpty = raw.endsWith('\n');
  }

  /** A tick box: "[X]" or "[ ]", with a space before the label that follows. */
  mark(mark: string): void {
    const first = !this.written;
    this.write(mark);
    this.onlyMark = first;
    this.space = true;
  }

  /** <br>: each one is a line break. */
  lineBreak(): void {
    this.forcedBreaks++;
    this.space = false;
  }

  /** A block boundary: 1 for a new line, 2 for a blank line. */
  block(level: 1 | 2): void {
    this.blockBreak = Math.max(this.blockBreak, level);
    this.space = false;
    this.abutting = false;
    this.cellGap = false;
  }

  setSeparator(separator: string): void {
    this.separator = separator;
  }

  clearSeparator(): void {
    this.separator = null;
  }

  setPrefix(prefix: string): void {
    this.prefix = prefix;
  }

  /** Keeps an empty part where the next text goes, for `fill` to write into later. */
  reserve(): Slot {
    const slot = { layout: this, index: -1 };
    this.slots.push(slot);
    return slot;
  }

  /** Writes into a slot whose text has come; false when there is none or the text is finished. */
  static fill(slot: Slot, text: string): boolean {
    const layout = slot.layout;
    if (layout.done || slot.index < 0 || layout.parts[slot.index] !== '') return false;
    layout.parts[slot.index] = text;
    return true;
  }

  /** Where the text is now, for `textSince`. */
  position(): number {
    return this.parts.length;
  }

  /** The text written since a position, on one line. */
  textSince(position: number): string {
    return this.parts.slice(position).join('').replace(/\s+/g, ' ').trim();
  }

  /** Nothing but a tick box has been written. */
  holdsOnlyMark(): boolean {
    return this.onlyMark;
  }

  isEmpty(): boolean {
    return !this.written;
  }

  /** Finishes the text (slots can no longer be filled) and returns it. */
  finish(): string {
    this.done = true;
    return this.parts.join('');
  }

  /** Lines written elsewhere (a table's rows), each on its own line. */
  lines(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.block(1);
    this.write(lines.join('\n'));
    this.onlyMark = false;
    this.block(1);
  }

  private write(text: string): void {
    if (this.written) {
      const newlines = Math.max(this.blockBreak, this.forcedBreaks);
      if (this.separator !== null) this.push(this.separator);
      else if (newlines > 0) {
        this.push('\n'.repeat(newlines));
        this.lineEmpty = true;
      } else if (this.cellGap && !this.space && !this.lineEmpty) this.push('\t');
      else if (this.space && !this.lineEmpty) this.push(' ');
    }
    this.cellGap = false;
    this.abutting = false;
    this.blockBreak = 0;
    this.forcedBreaks = 0;
    this.space = false;
    this.separator = null;
    if (this.prefix !== '' && this.lineEmpty) this.push(this.prefix);
    this.prefix = '';
    if (this.slots.length > 0) {
      for (const slot of this.slots) slot.index = this.parts.length;
      this.parts.push('');
      this.slots = [];
    }
    this.push(text);
    this.written = true;
    this.onlyMark = false;
  }

  private push(text: string): void {
    this.parts.push(text);
    this.lineEmpty = false;
  }
}
