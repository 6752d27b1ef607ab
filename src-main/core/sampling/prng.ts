/**
 * A seeded pseudo-random generator for probe samples: the same seed always gives the same draws,
 * on every machine and Node version (Math.random cannot be seeded). xoshiro128** (Blackman and
 * Vigna, public domain), its state filled from the seed by splitmix64 as its authors recommend.
 */
export interface Prng {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform integer in [0, bound), without modulo bias. */
  below(bound: number): number;
}

const MASK64 = (1n << 64n) - 1n;

/** Seeds are non-negative integers as decimal text (kept as text: beyond 2^53 they stay exact). */
export function parseSeed(text: string): bigint | null {
  if (!/^\d{1,20}$/.test(text)) return null;
  const v = BigInt(text);
  return v <= MASK64 ? v : null;
}

export function splitmix64(seed: bigint): () => bigint {
  let x = seed & MASK64;
  return () => {
    x = (x + 0x9e3779b97f4a7c15n) & MASK64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  };
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/** xoshiro128** from an explicit state (not all zero); exported for the reference vectors. */
export function xoshiro128ss(state: [number, number, number, number]): () => number {
  let [s0, s1, s2, s3] = state.map((v) => v >>> 0) as [number, number, number, number];
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return result;
  };
}

export function seededPrng(seed: bigint): Prng {
  const next64 = splitmix64(seed);
  const a = next64();
  const b = next64();
  const nextUint32 = xoshiro128ss([
    Number(a & 0xffffffffn),
    Number(a >> 32n),
    Number(b & 0xffffffffn),
    Number(b >> 32n),
  ]);
  return {
    nextUint32,
    below(bound: number): number {
      if (!Number.isInteger(bound) || bound <= 0 || bound > 2 ** 32)
        throw new RangeError(`bound ${bound} out of range`);
      // Reject the top partial range so every value is equally likely.
      const limit = 2 ** 32 - (2 ** 32 % bound);
      for (;;) {
        const v = nextUint32();
        if (v < limit) return v % bound;
      }
    },
  };
}
