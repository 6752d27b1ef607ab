/**
 * Sample statistics checked against values computed here without jstat: Clopper-Pearson limits by
 * bisection on the exact binomial CDF and against published table values, the projection against a
 * hand computation with a printed t quantile; the seeded generator, the allocation and ICS text.
 */
import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine } from '../../src-main/core/deadlines/ics';
import { allocate, drawSample } from '../../src-main/core/sampling/draw';
import type { FrameUnit } from '../../src-main/core/sampling/frame';
import { parseSeed, seededPrng, splitmix64, xoshiro128ss } from '../../src-main/core/sampling/prng';
import { clopperPearson, projectTotal } from '../../src-main/core/sampling/stats';

/** P(X <= k) for X ~ Binomial(n, p), summed term by term (n is small here). */
function binomCdf(k: number, n: number, p: number): number {
  let term = (1 - p) ** n; // P(X = 0)
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return sum;
}

/** The p in (0, 1) where a decreasing f crosses the target, by bisection. */
function bisect(f: (p: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Clopper-Pearson by definition: P(X >= x | lower) = a/2 and P(X <= x | upper) = a/2. */
function referenceInterval(x: number, n: number, conf: number): [number, number] {
  const a = (1 - conf) / 2;
  // P(X >= x | p) = 1 - P(X <= x - 1 | p) rises with p; P(X <= x - 1 | p) falls.
  const lower = x === 0 ? 0 : bisect((p) => binomCdf(x - 1, n, p), 1 - a);
  const upper = x === n ? 1 : bisect((p) => binomCdf(x, n, p), a);
  return [lower, upper];
}

describe('Clopper-Pearson interval (90% two-sided)', () => {
  it.each([
    [0, 20],
    [1, 10],
    [5, 20],
    [20, 20],
    [3, 30],
    [12, 50],
  ])('x=%i, n=%i matches the exact binomial limits found by bisection', (x, n) => {
    const [lower, upper] = referenceInterval(x, n, 0.9);
    const ci = clopperPearson(x, n, 0.9);
    expect(ci.lower).toBeCloseTo(lower, 6);
    expect(ci.upper).toBeCloseTo(upper, 6);
  });

  it('matches published values', () => {
    // x = 0: the upper limit has the closed form 1 - (a/2)^(1/n) ("rule of three" family).
    expect(clopperPearson(0, 20).upper).toBeCloseTo(1 - 0.05 ** (1 / 20), 8);
    expect(clopperPearson(0, 20).upper).toBeCloseTo(0.1391, 4);
    // x = 1, n = 10: lower 1 - 0.95^(1/10) = 0.0051; upper 0.3942 (exact binomial tables).
    expect(clopperPearson(1, 10).lower).toBeCloseTo(0.0051, 4);
    expect(clopperPearson(1, 10).upper).toBeCloseTo(0.3942, 4);
    // x = 5, n = 20: 0.1041 to 0.4556.
    expect(clopperPearson(5, 20).lower).toBeCloseTo(0.1041, 3);
    expect(clopperPearson(5, 20).upper).toBeCloseTo(0.4556, 3);
    expect(() => clopperPearson(3, 2)).toThrow(RangeError);
  });
});

describe('dollars at risk projected to the frame', () => {
  it('gives N x mean and the lower limit of the two-sided 90% t interval', () => {
    // Hand computation: mean 150, s^2 = 2500, SE = 20 * sqrt((1 - 5/20) * 2500 / 5) = 387.298;
    // t(0.95, 4 df) = 2.132 (printed t tables): lower = 3000 - 2.132 * 387.298 = 2174.28.
    const p = projectTotal([{ name: null, size: 20, values: [100, 100, 200, 200, 150] }]);
    expect(p.point).toBe(3000);
    expect(p.standardError).toBeCloseTo(387.3, 1);
    expect(p.degreesOfFreedom).toBe(4);
    expect(p.lower!).toBeCloseTo(2174.28, 0);
    expect(p.upper!).toBeCloseTo(3825.72, 0);
  });

  it('floors the lower limit at zero and says when no interval can be had', () => {
    expect(projectTotal([{ name: null, size: 10, values: [0, 0, 0, 500] }]).lower).toBe(0);
    expect(projectTotal([{ name: null, size: 10, values: [80] }]).lower).toBeNull();
    const strat = projectTotal([
      { name: 'a', size: 10, values: [10, 20] },
      { name: 'b', size: 4, values: [5, 5, 5, 5] }, // a census: no sampling error
    ]);
    expect(strat.point).toBe(170);
    // Only stratum a varies: SE = 10 * sqrt((1 - 2/10) * 50 / 2) = 44.72, 1 df.
    expect(strat.standardError).toBeCloseTo(44.72, 2);
    expect(strat.degreesOfFreedom).toBe(1);
  });
});

describe('seeded sampling', () => {
  const frame: FrameUnit[] = Array.from({ length: 40 }, (_, i) => ({
    claimId: `C${String(i).padStart(3, '0')}`,
    episodeId: `ep-${i % 7}`,
    payer: i % 3 === 0 ? 'Medicare' : 'Carrier',
    clinician: `PT ${i % 4}`,
    charge: 100,
  }));

  it('draws the same claims for the same seed, others for another, without repeats', () => {
    const a = drawSample(frame, { n: 10, per: null, seed: 42n });
    expect(drawSample(frame, { n: 10, per: null, seed: 42n })).toEqual(a);
    expect(drawSample(frame, { n: 10, per: null, seed: 43n })).not.toEqual(a);
    expect(new Set(a.map((u) => u.claimId)).size).toBe(10);
    expect(
      drawSample(frame, { n: 40, per: null, seed: 5n })
        .map((u) => u.claimId)
        .sort(),
    ).toEqual(frame.map((u) => u.claimId));
  });

  it('is uniform enough: every claim drawn about equally often over many seeds', () => {
    const counts = new Map<string, number>();
    for (let s = 0; s < 2000; s++)
      for (const u of drawSample(frame, { n: 5, per: null, seed: BigInt(s) }))
        counts.set(u.claimId, (counts.get(u.claimId) ?? 0) + 1);
    // Expected 250 each (2000 x 5 / 40); 5 standard deviations is about +-75.
    for (const c of counts.values()) expect(Math.abs(c - 250)).toBeLessThan(80);
  });

  it('allocates a stratified sample in proportion, at least one per stratum', () => {
    expect(allocate([30, 10], 8)).toEqual([6, 2]);
    expect(allocate([50, 45, 5], 10)).toEqual([5, 4, 1]);
    expect(allocate([98, 1, 1], 3)).toEqual([1, 1, 1]);
    expect(allocate([2, 2], 4)).toEqual([2, 2]);
    const s = drawSample(frame, { n: 8, per: 'payer', seed: 1n });
    expect(s.filter((u) => u.stratum === 'Medicare')).toHaveLength(Math.round((14 / 40) * 8));
    expect(s.every((u) => u.payer === u.stratum)).toBe(true);
  });

  it('computes the reference outputs of splitmix64 and xoshiro128**', () => {
    // splitmix64 from 0 (the reference C code's first output).
    expect(splitmix64(0n)()).toBe(0xe220a8397b1dcdafn);
    // xoshiro128** from state {1, 2, 3, 4}: worked by hand from the reference C code.
    const next = xoshiro128ss([1, 2, 3, 4]);
    expect([next(), next(), next()]).toEqual([11520, 0, 5927040]);
  });

  it('takes seeds as whole numbers up to 2^64 - 1', () => {
    expect(parseSeed('18446744073709551615')).toBe(18446744073709551615n);
    expect(parseSeed('18446744073709551616')).toBeNull();
    expect(parseSeed('-1')).toBeNull();
    expect(parseSeed('1.5')).toBeNull();
    const g = seededPrng(0n);
    for (let i = 0; i < 1000; i++) expect(g.below(7)).toBeLessThan(7);
  });
});

describe('ICS text', () => {
  it('escapes TEXT values and folds at 75 octets without splitting a character', () => {
    expect(escapeIcsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldIcsLine(long).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const l of folded) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(long);
  });
});
