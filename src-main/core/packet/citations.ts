/** Turns a citation into "Exhibit C, pp. 12-14" with the page numbers of the built packet. */
import type { Citation } from './arguments';
import { NBSP } from './text-layout';

export interface ExhibitPlacement {
  letter: string;
  /** Packet page (1-based) of the separator. */
  separatorPage: number;
  /** Packet pages (1-based) of the exhibit's content. */
  contentFirst: number;
  contentLast: number;
  /** Original page -> [first, last] 0-based offsets into the content. */
  sourcePageMap: Map<number, [number, number]>;
}

function pagesText(first: number, last: number): string {
  return first === last ? `p.${NBSP}${first}` : `pp.${NBSP}${first}-${last}`;
}

export function citationText(c: Citation, placements: Map<number, ExhibitPlacement>): string {
  const parts: string[] = [];
  for (const id of c.documentIds) {
    const at = placements.get(id);
    if (!at) continue;
    let first = at.contentFirst;
    let last = at.contentLast;
    const spans = c.sourcePages
      .map((p) => at.sourcePageMap.get(p))
      .filter((s): s is [number, number] => !!s);
    if (c.documentIds.length === 1 && spans.length > 0) {
      first = at.contentFirst + Math.min(...spans.map((s) => s[0]));
      last = at.contentFirst + Math.max(...spans.map((s) => s[1]));
    }
    parts.push(`Exhibit${NBSP}${at.letter},${NBSP}${pagesText(first, last)}`);
  }
  return parts.length ? parts.join('; ') : 'enclosed';
}
