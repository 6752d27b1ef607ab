/** Collects facts with provenance whose quote is always the exact page text of the span. */
import type { Fact, FactDetail, FactKind, PageText, Provenance } from '../../../shared/model';
import { spanConfidence } from '../ocr/page-text';
import type { Line } from './lines';
import { withoutFill } from '../parse/spoken';

export class FactSink {
  readonly facts: Fact[] = [];
  private readonly seen = new Set<string>();

  /**
   * @param ocrPage the page when OCR read it, so its facts say so (with the confidence of the
   *   words the quote covers).
   * @param readText the page as the readers read it (dictation as written), offset for offset.
   */
  constructor(
    private readonly file: string,
    private readonly pageText: (page: number) => string,
    private readonly ocrPage: (page: number) => PageText | undefined = () => undefined,
    private readonly readText: (page: number) => string = pageText,
  ) {}

  /** Adds a fact for `line.text.slice(relStart, relEnd)`, trimmed of surrounding whitespace. */
  add(
    kind: FactKind,
    value: string,
    line: Line,
    relStart: number,
    relEnd: number,
    detail?: FactDetail,
  ): Fact | null {
    return this.addSpan(kind, value, line.page, line.start + relStart, line.start + relEnd, detail);
  }

  /** Adds a fact for a span of a page (it may cover several lines of that page). */
  addSpan(
    kind: FactKind,
    value: string,
    page: number,
    start: number,
    end: number,
    detail?: FactDetail,
  ): Fact | null {
    const text = this.pageText(page);
    const read = this.readText(page);
    let s = Math.max(0, start);
    let e = Math.min(text.length, end);
    // A span that starts or ends inside words the readers read rewritten ("seven thirty AM" read
    // as "7:30 AM") quotes all of them.
    if (read !== text) {
      while (s > 0 && read[s - 1] !== text[s - 1]) s--;
      while (e < text.length && read[e] !== text[e]) e++;
    }
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    const v = withoutFill(value).trim();
    if (e <= s || v === '') return null;
    const key = `${kind}|${v}|${page}|${s}`;
    if (this.seen.has(key)) return null;
    this.seen.add(key);
    const provenance: Provenance = {
      file: this.file,
      page,
      start: s,
      end: e,
      quote: text.slice(s, e),
    };
    const ocr = this.ocrPage(page);
    if (ocr) {
      provenance.source = 'ocr';
      provenance.confidence = spanConfidence(ocr.ocr?.words ?? [], s, e) ?? ocr.confidence ?? 0;
    }
    const fact: Fact = detail
      ? { kind, value: v, provenance, detail: readDetail(detail) }
      : { kind, value: v, provenance };
    this.facts.push(fact);
    return fact;
  }

  /** The page's own words of a span, as the record has them (a goal's statement). */
  said(page: number, start: number, end: number): string {
    return this.pageText(page).slice(start, end);
  }

  /** The text of a span as the readers read it (for facts that cover wrapped lines). */
  slice(page: number, start: number, end: number): string {
    return withoutFill(this.readText(page).slice(start, end));
  }

  /**
   * Takes back a fact a later reading contradicts (a "blank" signature line with ink on it, a
   * form's section whose fields were all left empty).
   */
  remove(fact: Fact): void {
    const i = this.facts.indexOf(fact);
    if (i >= 0) this.facts.splice(i, 1);
  }

  has(kind: FactKind): boolean {
    return this.facts.some((f) => f.kind === kind);
  }

  first(kind: FactKind): Fact | undefined {
    return this.facts.find((f) => f.kind === kind);
  }
}

/** Span of capture group `i` of a match made with the `d` flag, relative to the searched string. */
export function groupSpan(
  m: RegExpExecArray | RegExpMatchArray,
  i: number | string,
): [number, number] | null {
  const idx = m.indices;
  if (!idx) return null;
  const span = typeof i === 'number' ? idx[i] : idx.groups?.[i];
  return span ? [span[0], span[1]] : null;
}

/** A detail's words as read, with the room dictation's figures left closed up ("in 3 weeks"). */
function readDetail(detail: FactDetail): FactDetail {
  let out: FactDetail | null = null;
  for (const [k, v] of Object.entries(detail))
    if (typeof v === 'string' && v !== withoutFill(v))
      (out ??= { ...detail })[k as keyof FactDetail] = withoutFill(v) as never;
  return out ?? detail;
}
