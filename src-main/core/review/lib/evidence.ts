import type { EpisodeBillingLine, EpisodeDocument } from '../../../../shared/episode';
import type { Evidence, Fact, FactKind } from '../../../../shared/model';

/** Evidence pointing at the exact quote a fact was read from. */
export function evidenceFromFact(fact: Fact): Evidence {
  return { file: fact.provenance.file, page: fact.provenance.page, quote: fact.provenance.quote };
}

/** Evidence pointing at a billing line (CSV line or 835 segment). */
export function evidenceFromLine(line: EpisodeBillingLine): Evidence {
  return { file: line.file, page: 1, line: line.line, quote: line.quote };
}

/** Evidence pointing at a whole document: its first fact of the preferred kinds, else its title. */
export function evidenceFromDocument(
  doc: EpisodeDocument,
  prefer: FactKind[] = ['date-of-service', 'document-date', 'signed-date'],
): Evidence {
  for (const kind of prefer) {
    const fact = doc.facts.find((f) => f.kind === kind);
    if (fact) return evidenceFromFact(fact);
  }
  return { file: doc.file, page: doc.pageStart, quote: doc.title };
}

export function factsOf(doc: EpisodeDocument, kind: FactKind): Fact[] {
  return doc.facts.filter((f) => f.kind === kind);
}

export function firstFact(doc: EpisodeDocument, kind: FactKind): Fact | undefined {
  return doc.facts.find((f) => f.kind === kind);
}
