/**
 * A document's facts as stored: one JSON array per document (migration 0003), each fact as
 * `[kind, value, page, start, end, quote]`. The cited file is the document's own, so it is not
 * repeated on every fact.
 */
import type { Fact, FactKind } from '../../../shared/model';

type StoredFact = [FactKind, string, number, number, number, string];

export function encodeFacts(facts: readonly Fact[]): string {
  return JSON.stringify(
    facts.map((f): StoredFact => {
      const p = f.provenance;
      return [f.kind, f.value, p.page, p.start, p.end, p.quote];
    }),
  );
}

/** Facts of a document stored in `file`; `kinds` keeps one copy of each kind string. */
export function decodeFacts(json: string, file: string, kinds?: Map<string, FactKind>): Fact[] {
  const stored = JSON.parse(json) as StoredFact[];
  const facts: Fact[] = new Array<Fact>(stored.length);
  for (let i = 0; i < stored.length; i++) {
    const [kind, value, page, start, end, quote] = stored[i]!;
    let k = kind;
    if (kinds) {
      const known = kinds.get(kind);
      if (known === undefined) kinds.set(kind, kind);
      else k = known;
    }
    facts[i] = { kind: k, value, provenance: { file, page, start, end, quote } };
  }
  return facts;
}
