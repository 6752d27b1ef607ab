/**
 * A document's facts as stored: one JSON array per document (migration 0003), each fact as
 * `[kind, value, page, start, end, quote]`, plus its typed detail as a seventh element when it has
 * one, and for a quote read by OCR its confidence as an eighth (the seventh then null when there
 * is no detail). The cited file is the document's own, so it is not repeated on every fact.
 */
import type { Fact, FactDetail, FactKind } from '../../../shared/model';

type StoredFact =
  | [FactKind, string, number, number, number, string]
  | [FactKind, string, number, number, number, string, FactDetail]
  | [FactKind, string, number, number, number, string, FactDetail | null, number];

export function encodeFacts(facts: readonly Fact[]): string {
  return JSON.stringify(
    facts.map((f): StoredFact => {
      const p = f.provenance;
      if (p.source === 'ocr') {
        return [
          f.kind,
          f.value,
          p.page,
          p.start,
          p.end,
          p.quote,
          f.detail ?? null,
          p.confidence ?? 0,
        ];
      }
      return f.detail
        ? [f.kind, f.value, p.page, p.start, p.end, p.quote, f.detail]
        : [f.kind, f.value, p.page, p.start, p.end, p.quote];
    }),
  );
}

/** Facts of a document stored in `file`; `kinds` keeps one copy of each kind string. */
export function decodeFacts(json: string, file: string, kinds?: Map<string, FactKind>): Fact[] {
  const stored = JSON.parse(json) as StoredFact[];
  const facts: Fact[] = new Array<Fact>(stored.length);
  for (let i = 0; i < stored.length; i++) {
    const [kind, value, page, start, end, quote, detail, ocrConfidence] = stored[i]!;
    let k = kind;
    if (kinds) {
      const known = kinds.get(kind);
      if (known === undefined) kinds.set(kind, kind);
      else k = known;
    }
    if (ocrConfidence !== undefined) {
      const provenance = {
        file,
        page,
        start,
        end,
        quote,
        source: 'ocr' as const,
        confidence: ocrConfidence,
      };
      facts[i] = detail ? { kind: k, value, provenance, detail } : { kind: k, value, provenance };
      continue;
    }
    // Facts without detail keep the three-field shape most facts have (one hidden class).
    facts[i] =
      detail === undefined || detail === null
        ? { kind: k, value, provenance: { file, page, start, end, quote } }
        : { kind: k, value, provenance: { file, page, start, end, quote }, detail };
  }
  return facts;
}
