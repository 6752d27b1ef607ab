import { describe, expect, it } from 'vitest';
import type { EpisodeDocument } from '../../shared/episode';
import {
  READ_AHEAD,
  SourceLoads,
  type SourceResult,
} from '../../src-main/core/packet/exhibit-sources';

const doc = (i: number, file = `f${i}.pdf`): EpisodeDocument => ({
  id: i,
  type: 'daily-note',
  title: 'Daily Note',
  date: '2026-09-01',
  file,
  pageStart: 1,
  pageEnd: 1,
  discipline: 'PT',
  facts: [],
});

describe('SourceLoads', () => {
  it('reads a few files ahead of use, never the whole packet at once', async () => {
    const calls: string[] = [];
    const docs = Array.from({ length: 30 }, (_, i) => doc(i));
    // Two documents of one printed chart share a file: it is read once.
    docs.splice(3, 0, doc(99, 'f2.pdf'));
    const loads = new SourceLoads(docs, async (d) => {
      calls.push(d.file);
      return { kind: 'text', pages: [{ page: 1, text: d.file }] };
    });
    expect(calls).toHaveLength(READ_AHEAD);
    const first = (await loads.take('f0.pdf')) as Extract<SourceResult, { source: unknown }>;
    expect(first.source).toEqual({ kind: 'text', pages: [{ page: 1, text: 'f0.pdf' }] });
    expect(calls).toHaveLength(READ_AHEAD + 1);
    for (let i = 1; i < 30; i++) await loads.take(`f${i}.pdf`);
    expect(calls).toEqual(Array.from({ length: 30 }, (_, i) => `f${i}.pdf`));
    // Taken once: the bytes are not kept after use.
    expect(() => loads.take('f5.pdf')).toThrow(/was not planned/);
  });

  it('keeps a failed read until the exhibit that needs it', async () => {
    const loads = new SourceLoads([doc(1), doc(2)], async (d) => {
      if (d.file === 'f1.pdf') throw new Error('file is gone');
      return { kind: 'text', pages: [] };
    });
    const failed = await loads.take('f1.pdf');
    expect('error' in failed && String(failed.error)).toBe('Error: file is gone');
    expect('source' in (await loads.take('f2.pdf'))).toBe(true);
  });
});
