import { expect } from 'vitest';
import type { ExtractedDocument, Fact, FactKind, PageText } from '../../shared/model';
import { extractDocuments } from '../../src-main/core/extract';

/** Every fact's quote is exactly the cited span of its page. */
export function expectQuotesExact(docs: ExtractedDocument[], pages: PageText[]): void {
  const byPage = new Map(pages.map((p) => [p.page, p.text]));
  for (const doc of docs) {
    for (const f of doc.facts) {
      const text = byPage.get(f.provenance.page);
      expect(text, `page ${f.provenance.page} exists`).toBeDefined();
      expect(text!.slice(f.provenance.start, f.provenance.end)).toBe(f.provenance.quote);
      expect(f.provenance.quote.length).toBeGreaterThan(0);
    }
  }
}

/** A document's facts of one kind (none when the document is missing). */
export function factsOf(doc: ExtractedDocument | undefined, kind: FactKind): Fact[] {
  return (doc?.facts ?? []).filter((f) => f.kind === kind);
}

export function values(doc: ExtractedDocument | undefined, kind: FactKind): string[] {
  return factsOf(doc, kind).map((f) => f.value);
}

export function quotes(doc: ExtractedDocument, kind: FactKind): string[] {
  return doc.facts.filter((f) => f.kind === kind).map((f) => f.provenance.quote);
}

export function onePage(text: string): PageText[] {
  return [{ page: 1, text }];
}

/** Values of one fact kind extracted from a one-page text note, every quote checked exact. */
export function factValues(text: string, kind: FactKind): string[] {
  const pages = onePage(text);
  const docs = extractDocuments('note.txt', pages);
  expectQuotesExact(docs, pages);
  return docs.flatMap((d) => values(d, kind));
}

/** The documents of a one-page text file, every quote checked exact. */
export function readText(text: string, file = 'note.txt'): ExtractedDocument[] {
  return readPages([text], file);
}

/** The documents of a file of several pages, every quote checked exact. */
export function readPages(texts: string[], file = 'chart.pdf'): ExtractedDocument[] {
  const pages: PageText[] = texts.map((text, i) => ({ page: i + 1, text }));
  const docs = extractDocuments(file, pages);
  expectQuotesExact(docs, pages);
  return docs;
}
