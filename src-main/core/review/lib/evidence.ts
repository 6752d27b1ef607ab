import type { EpisodeBillingLine, EpisodeDocument } from '../../../../shared/episode';
import type { Evidence, Fact, FactKind } from '../../../../shared/model';
import { bundleItemQuote, isBundleFile } from '../../claims/remit-words';

/** Evidence pointing at the exact quote a fact was read from. */
export function evidenceFromFact(fact: Fact): Evidence {
  const p = fact.provenance;
  if (p.source === 'ocr') {
    return {
      file: p.file,
      page: p.page,
      quote: p.quote,
      source: 'ocr',
      confidence: p.confidence ?? 0,
    };
  }
  return { file: p.file, page: p.page, quote: p.quote };
}

/** Evidence pointing at a billing line (CSV line, 835 segment, FHIR claim item). */
export function evidenceFromLine(line: EpisodeBillingLine): Evidence {
  // A FHIR ExplanationOfBenefit is read as a remittance, but its lines are items, not segments.
  const bundleItem = line.source === 'remit' && isBundleFile(line.file);
  const quote = bundleItem ? bundleItemQuote(line.quote) : line.quote;
  const e: Evidence = { file: line.file, page: 1, line: line.line, quote };
  // A FHIR bundle numbers items within each claim and an 835 its segments: "line 2" of one file
  // would name different claims' lines alike.
  if ((line.source === 'fhir' || bundleItem) && line.claimId)
    e.place = `claim ${line.claimId}, item ${line.line}`;
  else if (line.source === 'remit' && line.claimId)
    e.place = `claim ${line.claimId}, segment ${line.line}`;
  return e;
}

const DOCUMENT_DATE_KINDS: readonly FactKind[] = [
  'date-of-service',
  'document-date',
  'signed-date',
];

/** Evidence pointing at a whole document: its first fact of the preferred kinds, else its title. */
export function evidenceFromDocument(
  doc: EpisodeDocument,
  prefer: readonly FactKind[] = DOCUMENT_DATE_KINDS,
): Evidence {
  for (const kind of prefer) {
    const fact = firstFact(doc, kind);
    if (fact) return evidenceFromFact(fact);
  }
  return { file: doc.file, page: doc.pageStart, quote: doc.title };
}

export function factsOf(doc: EpisodeDocument, kind: FactKind): Fact[] {
  const facts: Fact[] = [];
  for (const f of doc.facts) if (f.kind === kind) facts.push(f);
  return facts;
}

// Loops rather than find/filter with an arrow: these run for every document and rule, and each
// arrow that captures `kind` is a new closure per call.
export function firstFact(doc: EpisodeDocument, kind: FactKind): Fact | undefined {
  for (const f of doc.facts) if (f.kind === kind) return f;
  return undefined;
}
