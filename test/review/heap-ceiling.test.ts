import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heapCeiling } from '../../src-main/core/heap-ceiling';

describe('heap ceiling', () => {
  it('collects the garbage of a long job once the heap in use passes the ceiling, and not before', () => {
    const used = () => getHeapStatistics().used_heap_size;
    let garbage: unknown[] | null = Array.from({ length: 400_000 }, (_, i) => ({
      i,
      s: `row ${i}`,
    }));
    expect(garbage.length).toBe(400_000);
    garbage = null;
    const before = used();
    // A ceiling far above what is in use leaves the heap as it is.
    heapCeiling(1_000_000)();
    expect(used()).toBeGreaterThan(before * 0.9);
    // Under the heap in use, it collects what nothing holds.
    heapCeiling(1)();
    expect(used()).toBeLessThan(before - 20 * 1024 * 1024);
  });
});
