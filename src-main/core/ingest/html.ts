import type { ReadResult } from '../../../shared/model';
import { normalizeNewlines } from './decode';
import { reject } from './errors';
import { decodeHtmlBytes } from './html-charset';
import { DROPPED, LINE, PARAGRAPH, PREFORMATTED } from './html-elements';
import { TextLayout, type Slot } from './html-layout';
import { walkHtml, type Attributes, type ClosingTagLookup, type HtmlSink } from './html-parse';
import { TableFrame } from './html-tables';
import { contentForClasses, generatedContent, type GeneratedContent } from './html-generated';

/** Input types whose value a browser shows as text in the box. */
const VALUE_INPUTS = new Set([
  'text',
  'date',
  'datetime-local',
  'email',
  'month',
  'number',
  'search',
  'tel',
  'time',
  'url',
  'week',
]);

const CHECKED = '[X]';
const UNCHECKED = '[ ]';

interface OpenLabel {
  slot: Slot;
  /** A tick box has been written for this label. */
  ticked: boolean;
  htmlFor: string | undefined;
}

interface OpenSelect {
  multiple: boolean;
  chosen: string[];
  option: { selected: boolean; label: string | undefined; text: string } | null;
}

interface OpenDefinitionList {
  layout: TextLayout;
  termStart: number;
  term: string;
  values: number;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text a reader sees in a browser, element by element: blocks break lines, tables become
 * tab-separated rows, forms show their ticks and choices. Every open gets a close (html-parse), so
 * each element pushes what undoes it.
 */
class NoteText implements HtmlSink {
  private readonly document = new TextLayout();
  private out = this.document;
  private readonly closers: ((() => void) | null)[] = [];
  private dropped = 0;
  private preformatted = 0;
  /** A newline right after <pre> is not text, as in a browser. */
  private preStart = false;
  private readonly tables: TableFrame[] = [];
  private listItems = 0;
  private readonly lists: OpenDefinitionList[] = [];
  private readonly looseLists = new WeakMap<TextLayout, OpenDefinitionList>();
  private readonly labels: OpenLabel[] = [];
  /** Labels written before the tick box they name (<label for="id">). */
  private readonly labelsFor = new Map<string, Slot>();
  private select: OpenSelect | null = null;
  /** The text of the style element being read, or null outside one. */
  private css: string | null = null;
  /** What the page's style adds before and after elements of a class. */
  private readonly generated = new Map<string, GeneratedContent>();

  result(): string {
    return this.document.finish();
  }

  text(text: string): void {
    if (this.css !== null) {
      this.css += text;
      return;
    }
    if (this.dropped > 0) return;
    if (this.select) {
      if (this.select.option) this.select.option.text += text;
      return;
    }
    if (this.preformatted > 0) {
      const body = this.preStart ? text.replace(/^\n/, '') : text;
      this.preStart = false;
      this.out.preformatted(body);
      return;
    }
    this.out.text(text);
  }

  open(name: string, attrs: Attributes, ahead: ClosingTagLookup): void {
    this.preStart = false;
    // A style sheet is not text, but what it adds to elements is (generatedContent).
    if (name === 'style' && ahead.hasClosingTag('style')) {
      this.css = '';
      this.dropped++;
      return this.push(() => {
        for (const [k, v] of generatedContent(this.css ?? '')) this.generated.set(k, v);
        this.css = null;
        this.dropped--;
      });
    }
    if (this.dropped > 0) return this.push(null);
    // An element that is never closed is not dropped: a stray <svg> must not eat the note.
    if (DROPPED.has(name) && (name === 'head' || ahead.hasClosingTag(name))) {
      this.dropped++;
      return this.push(() => this.dropped--);
    }
    if (this.select) return this.push(this.openInSelect(name, attrs));
    const closer = this.openElement(name, attrs, ahead);
    const added = contentForClasses(this.generated, attrs.get('class'));
    if (added?.before) this.out.text(added.before);
    const after = added?.after;
    this.push(
      after
        ? () => {
            this.out.text(after);
            closer?.();
          }
        : closer,
    );
  }

  close(): void {
    this.closers.pop()?.();
  }

  private push(closer: (() => void) | null): void {
    this.closers.push(closer);
  }

  private openElement(
    name: string,
    attrs: Attributes,
    ahead: ClosingTagLookup,
  ): (() => void) | null {
    const layout = this.out;
    switch (name) {
      case 'br':
        layout.lineBreak();
        return null;
      case 'table':
        return this.openTable();
      case 'tr':
      case 'td':
      case 'th':
        return this.openTablePart(name);
      case 'li':
        layout.block(1);
        layout.setPrefix('- ');
        this.listItems++;
        return () => {
          this.listItems--;
          layout.block(1);
        };
      case 'ul':
      case 'ol':
      case 'menu':
      case 'dir': {
        // A list inside a list item has no margins: its items follow on the next lines.
        const level = this.listItems > 0 ? 1 : 2;
        layout.block(level);
        return () => layout.block(level);
      }
      case 'dl':
        return this.openDefinitionList();
      case 'dt':
      case 'dd':
        return this.openDefinitionPart(name);
      case 'input':
        this.input(attrs);
        return null;
      case 'select':
        // An unclosed <select> would hold the rest of the note as options.
        if (!ahead.hasClosingTag('select')) return null;
        this.select = { multiple: attrs.has('multiple'), chosen: [], option: null };
        return () => this.closeSelect(layout);
      case 'label':
        return this.openLabel(attrs);
    }
    if (PREFORMATTED.has(name)) {
      const block = name !== 'textarea';
      if (block) layout.block(2);
      this.preformatted++;
      this.preStart = true;
      return () => {
        this.preformatted--;
        if (block) layout.block(2);
      };
    }
    const level = PARAGRAPH.has(name) ? 2 : LINE.has(name) ? 1 : 0;
    if (level === 0) {
      layout.openInline();
      return () => layout.closeInline();
    }
    layout.block(level);
    return () => layout.block(level);
  }

  private openTable(): () => void {
    const frame = new TableFrame(this.out, this.tables.length);
    this.tables.push(frame);
    return () => {
      frame.end();
      this.tables.pop();
      this.out = frame.parent;
    };
  }

  private openTablePart(name: 'tr' | 'td' | 'th'): (() => void) | null {
    const frame = this.tables[this.tables.length - 1];
    if (!frame) {
      // Cells outside any table: kept apart by a tab all the same.
      if (name === 'tr') this.out.block(1);
      else this.out.preformatted('\t');
      return null;
    }
    if (name === 'tr') {
      frame.startRow();
      return () => frame.endRow();
    }
    this.out = frame.openCell(name === 'th');
    return () => {
      this.out = frame.parent;
    };
  }

  private openDefinitionList(): () => void {
    const layout = this.out;
    layout.block(2);
    this.lists.push({ layout, termStart: 0, term: '', values: 0 });
    return () => {
      this.lists.pop();
      layout.block(2);
    };
  }

  /** Terms and values outside a list (or in another cell than their list) make a list of their own. */
  private looseList(layout: TextLayout): OpenDefinitionList {
    let list = this.looseLists.get(layout);
    if (!list) this.looseLists.set(layout, (list = { layout, termStart: 0, term: '', values: 0 }));
    return list;
  }

  /** "term: value" lines; a second value of one term repeats the term. */
  private openDefinitionPart(name: 'dt' | 'dd'): () => void {
    const layout = this.out;
    const innermost = this.lists[this.lists.length - 1];
    const current = innermost?.layout === layout ? innermost : this.looseList(layout);
    if (name === 'dt') {
      layout.block(1);
      current.termStart = layout.position();
      return () => {
        current.term = layout.textSince(current.termStart);
        current.values = 0;
        layout.block(1);
      };
    }
    if (current.term !== '' && current.values === 0) {
      layout.setSeparator(/[:?]$/.test(current.term) ? ' ' : ': ');
    } else {
      layout.block(1);
      if (current.term !== '') layout.setPrefix(`${current.term.replace(/:$/, '')}: `);
    }
    current.values++;
    return () => {
      layout.clearSeparator();
      layout.block(1);
    };
  }

  private input(attrs: Attributes): void {
    const type = (attrs.get('type') ?? 'text').trim().toLowerCase();
    if (type === 'checkbox' || type === 'radio') {
      this.tickBox(attrs.has('checked') ? CHECKED : UNCHECKED, attrs.get('id'));
      return;
    }
    const value = attrs.get('value');
    if (VALUE_INPUTS.has(type) && value !== undefined && value.trim() !== '') {
      this.out.text(` ${value} `);
    }
  }

  /** "[X] " before the box's label, wherever the label is written. */
  private tickBox(mark: string, id: string | undefined): void {
    const label = this.labels[this.labels.length - 1];
    if (label && !label.ticked) {
      label.ticked = true;
      if (TextLayout.fill(label.slot, `${mark} `)) return;
    } else if (id !== undefined) {
      const slot = this.labelsFor.get(id);
      this.labelsFor.delete(id);
      if (slot && TextLayout.fill(slot, `${mark} `)) return;
    }
    this.out.mark(mark);
  }

  private openLabel(attrs: Attributes): () => void {
    const label: OpenLabel = { slot: this.out.reserve(), ticked: false, htmlFor: attrs.get('for') };
    this.labels.push(label);
    return () => {
      this.labels.pop();
      if (!label.ticked && label.htmlFor) this.labelsFor.set(label.htmlFor, label.slot);
    };
  }

  /** Inside <select> only options count; their text is the chosen value. */
  private openInSelect(name: string, attrs: Attributes): (() => void) | null {
    const select = this.select!;
    if (name !== 'option') return null;
    const option = { selected: attrs.has('selected'), label: attrs.get('label'), text: '' };
    select.option = option;
    return () => {
      if (option.selected) {
        const text = oneLine(option.label ?? option.text);
        if (text !== '') {
          // One choice in a single select: the last one marked selected, as a browser shows.
          if (!select.multiple) select.chosen.length = 0;
          select.chosen.push(text);
        }
      }
      select.option = null;
    };
  }

  private closeSelect(layout: TextLayout): void {
    const chosen = this.select?.chosen ?? [];
    this.select = null;
    // Nothing selected shows nothing: the first option is a browser's default, not the chart's.
    if (chosen.length > 0) layout.text(` ${chosen.join(', ')} `);
  }
}

/**
 * HTML to readable text: block elements and <br> break lines, paragraphs leave a blank line,
 * table cells are separated by tabs (one row per line), whitespace collapses as a browser's would
 * except inside <pre>, and form controls show what was ticked, chosen or typed.
 */
export function htmlToText(html: string): string {
  const note = new NoteText();
  walkHtml(normalizeNewlines(html), note);
  return note
    .result()
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, '').replace(/^[ \t]+/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function readHtmlNote(bytes: Uint8Array): ReadResult {
  const text = htmlToText(decodeHtmlBytes(bytes));
  if (text === '') reject('no readable text in this HTML file', { code: 'empty' });
  return { kind: 'notes', format: 'html', pages: [{ page: 1, text }] };
}
