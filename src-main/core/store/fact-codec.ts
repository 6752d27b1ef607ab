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
  // Reading the arrays in place spares the 6-element array JSON.parse builds per fact only for it
  // to be copied into the fact (a fifth of the review's fact memory). Strings with escapes are
  // rare: those documents, and anything else unexpected, go through JSON.parse.
  if (!json.includes('\\')) {
    const facts = new StoredFactsReader(json, file, kinds).read();
    if (facts) return facts;
  }
  return parseFacts(json, file, kinds);
}

function parseFacts(json: string, file: string, kinds?: Map<string, FactKind>): Fact[] {
  const stored = JSON.parse(json) as StoredFact[];
  const facts: Fact[] = new Array<Fact>(stored.length);
  for (let i = 0; i < stored.length; i++) {
    const [kind, value, page, start, end, quote] = stored[i]!;
    facts[i] = {
      kind: internKind(kind, kinds),
      value,
      provenance: { file, page, start, end, quote },
    };
  }
  return facts;
}

function internKind(kind: FactKind, kinds: Map<string, FactKind> | undefined): FactKind {
  if (!kinds) return kind;
  const known = kinds.get(kind);
  if (known !== undefined) return known;
  kinds.set(kind, kind);
  return kind;
}

/**
 * Reads `[[kind, value, page, start, end, quote], ...]` exactly as encodeFacts writes it (no
 * whitespace, integer numbers) from JSON without backslashes, where a string ends at the next
 * quote. `read` gives null at the first unexpected character: the caller then uses JSON.parse.
 */
class StoredFactsReader {
  private pos = 0;

  constructor(
    private readonly json: string,
    private readonly file: string,
    private readonly kinds: Map<string, FactKind> | undefined,
  ) {}

  read(): Fact[] | null {
    const facts: Fact[] = [];
    if (!this.take('[')) return null;
    if (this.take(']')) return this.pos === this.json.length ? facts : null;
    do {
      const fact = this.fact();
      if (!fact) return null;
      facts.push(fact);
    } while (this.take(','));
    return this.take(']') && this.pos === this.json.length ? facts : null;
  }

  private fact(): Fact | null {
    if (!this.take('[')) return null;
    const kind = this.string();
    if (kind === null || !this.take(',')) return null;
    const value = this.string();
    if (value === null || !this.take(',')) return null;
    const page = this.int();
    if (page === null || !this.take(',')) return null;
    const start = this.int();
    if (start === null || !this.take(',')) return null;
    const end = this.int();
    if (end === null || !this.take(',')) return null;
    const quote = this.string();
    if (quote === null || !this.take(']')) return null;
    return {
      kind: internKind(kind as FactKind, this.kinds),
      value,
      provenance: { file: this.file, page, start, end, quote },
    };
  }

  /** Consumes `ch` when it comes next. */
  private take(ch: string): boolean {
    if (this.json[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }

  /** A string without escapes: everything up to the next quote. */
  private string(): string | null {
    if (!this.take('"')) return null;
    const close = this.json.indexOf('"', this.pos);
    if (close < 0) return null;
    const text = this.json.slice(this.pos, close);
    this.pos = close + 1;
    return text;
  }

  /** An integer as JSON.stringify writes one: optional minus, then digits. */
  private int(): number | null {
    const negative = this.take('-');
    const first = this.pos;
    let n = 0;
    for (let c = this.digitAt(this.pos); c >= 0; c = this.digitAt(++this.pos)) n = n * 10 + c;
    if (this.pos === first || !Number.isSafeInteger(n)) return null;
    return negative ? -n : n;
  }

  private digitAt(i: number): number {
    const c = this.json.charCodeAt(i) - 48; // '0'
    return c >= 0 && c <= 9 ? c : -1;
  }
}
