import { describe, expect, it } from 'vitest';
import { findQuote, itemsForQuote, splitAtQuote } from '../../src-renderer/lib/quote';
import { parseRoute, href } from '../../src-renderer/lib/route';
import { makeFixtureEpisodes } from '../../src-renderer/lib/fixtures';

describe('quote search', () => {
  it('finds a quote across different whitespace and case', () => {
    const text = 'Time In: 7:30 AM\nTime Out:  10:00 AM\nTotal Time: 150 minutes';
    const span = findQuote(text, 'time out: 10:00 am');
    expect(span && text.slice(span.start, span.end)).toBe('Time Out:  10:00 AM');
    expect(splitAtQuote(text, 'Total Time: 150').filter((p) => p.mark)).toEqual([
      { text: 'Total Time: 150', mark: true },
    ]);
    expect(findQuote(text, 'not there')).toBeNull();
  });

  it('maps a quote onto PDF text items', () => {
    const items = [{ str: 'Therapist' }, { str: 'signature: ________' }, { str: 'Date' }];
    const hits = itemsForQuote(items, 'Therapist signature:');
    expect(hits.map((h) => h.index)).toEqual([0, 1]);
    expect(hits[0]).toMatchObject({ from: 0, to: 1 });
    expect(hits[1]!.to).toBeLessThan(1);
  });
});

describe('routes and fixtures', () => {
  it('round-trips routes', () => {
    for (const r of [
      { name: 'import' },
      { name: 'episodes' },
      { name: 'episode', id: 'ep-1/x' },
      { name: 'packet', id: 'ep-2' },
      { name: 'settings' },
    ] as const)
      expect(parseRoute(href(r))).toEqual(r);
  });

  it('makes 10,000 synthetic episodes quickly', () => {
    const t = performance.now();
    const rows = makeFixtureEpisodes(10_000);
    expect(rows).toHaveLength(10_000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(10_000);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
