import { describe, expect, it } from 'vitest';
import { sampleAllocations } from '../../scripts/bench/allocation';

function allocateGarbage(): number {
  // ~40 MB of short-lived arrays, none kept: only a profile that counts collected objects sees it.
  let kept = 0;
  for (let i = 0; i < 10_000; i++) kept += new Array<number>(1000).fill(i).length;
  return kept;
}

describe('sampleAllocations (npm run bench review-alloc)', () => {
  it('counts garbage already collected and names the function that allocated it', async () => {
    const profile = await sampleAllocations(allocateGarbage, 5);
    expect(profile.totalMb).toBeGreaterThan(30);
    expect(profile.sites[0]!.site).toMatch(/^(allocateGarbage|fill) /);
    expect(
      profile.sites.some((s) => s.site.startsWith('allocateGarbage allocation.test.ts:')),
    ).toBe(true);
  });
});
