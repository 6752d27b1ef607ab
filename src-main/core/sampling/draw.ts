/**
 * Drawing a probe sample: simple random sampling without replacement from the ordered frame
 * (a partial Fisher-Yates shuffle driven by the seeded generator), or, with strata, the same
 * within each stratum (strata in name order, one generator throughout) with the sample size
 * allocated in proportion to stratum size (largest remainder; every stratum at least one claim
 * while n allows, never more than it holds).
 */
import { RefusedError } from '../../../shared/errors';
import { seededPrng, type Prng } from './prng';
import { stratumOf, type FrameUnit, type Stratification } from './frame';

export interface DrawnUnit extends FrameUnit {
  stratum: string | null;
}

export class SampleError extends RefusedError {}

function drawFrom<T>(units: readonly T[], n: number, prng: Prng): T[] {
  const pool = [...units];
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    const j = i + prng.below(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    out.push(pool[i]!);
  }
  return out;
}

/** Proportional allocation of n over strata sizes, by largest remainder. */
export function allocate(sizes: readonly number[], n: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const quotas = sizes.map((s) => (s * n) / total);
  const alloc = quotas.map((q, i) => Math.min(sizes[i]!, Math.floor(q)));
  // At least one per stratum while n allows: a stratum with none drawn says nothing about itself.
  if (n >= sizes.length) sizes.forEach((s, i) => (alloc[i] = Math.max(alloc[i]!, Math.min(1, s))));
  let left = n - alloc.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, r: q - Math.floor(q) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  while (left > 0) {
    let moved = false;
    for (const { i } of order) {
      if (left === 0) break;
      if (alloc[i]! < sizes[i]!) {
        alloc[i]!++;
        left--;
        moved = true;
      }
    }
    if (!moved) break;
  }
  // Minimums may have overshot n: take back from the largest allocations.
  while (left < 0) {
    const i = alloc.indexOf(Math.max(...alloc));
    alloc[i]!--;
    left++;
  }
  return alloc;
}

export function drawSample(
  frame: readonly FrameUnit[],
  opts: { n: number; per: Stratification | null; seed: bigint },
): DrawnUnit[] {
  if (!Number.isInteger(opts.n) || opts.n < 1)
    throw new SampleError('the sample size must be at least 1');
  if (opts.n > frame.length)
    throw new SampleError(
      `the frame has ${frame.length} claim(s): a sample of ${opts.n} is more than it holds`,
    );
  const prng = seededPrng(opts.seed);
  if (opts.per === null) return drawFrom(frame, opts.n, prng).map((u) => ({ ...u, stratum: null }));
  const strata = new Map<string, FrameUnit[]>();
  for (const u of frame) {
    const s = stratumOf(u, opts.per)!;
    const list = strata.get(s);
    if (list) list.push(u);
    else strata.set(s, [u]);
  }
  const names = [...strata.keys()].sort();
  const alloc = allocate(
    names.map((s) => strata.get(s)!.length),
    opts.n,
  );
  return names.flatMap((s, i) =>
    drawFrom(strata.get(s)!, alloc[i]!, prng).map((u) => ({ ...u, stratum: s })),
  );
}
