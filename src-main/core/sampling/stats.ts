/**
 * Statistics of a probe sample (issue 17; method in docs/deadlines.md):
 * - the error rate with an exact binomial (Clopper-Pearson) confidence interval, two-sided 90% by
 *   default: the beta quantiles of Clopper and Pearson (1934);
 * - the dollars at risk projected to the frame: the mean amount per sampled claim times the frame
 *   size (stratified: the sum of each stratum's), and the lower limit of the two-sided 90%
 *   interval (Student's t), the figure OIG's extrapolations report as the amount demanded.
 */
import jstat from 'jstat';

const { beta, studentt } = jstat.jStat;

export interface Interval {
  lower: number;
  upper: number;
  confidence: number;
}

export function clopperPearson(x: number, n: number, confidence = 0.9): Interval {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(x) || x < 0 || x > n)
    throw new RangeError(`need 0 <= x <= n and n >= 1 (x=${x}, n=${n})`);
  const alpha = 1 - confidence;
  return {
    lower: x === 0 ? 0 : beta.inv(alpha / 2, x, n - x + 1),
    upper: x === n ? 1 : beta.inv(1 - alpha / 2, x + 1, n - x),
    confidence,
  };
}

export interface StratumValues {
  name: string | null;
  /** Units of the frame in this stratum. */
  size: number;
  /** The amount of each sampled unit (0 for one not in error). */
  values: number[];
}

export interface Projection {
  /** Frame total estimated from the sample. */
  point: number;
  /** Lower limit of the two-sided interval, floored at 0; null when it cannot be computed. */
  lower: number | null;
  /** Upper limit of the same interval; null with lower. */
  upper: number | null;
  confidence: number;
  standardError: number | null;
  degreesOfFreedom: number | null;
  /** Why the interval is missing, when it is. */
  note: string | null;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function meanVar(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance =
    values.length > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, variance };
}

/**
 * The stratified (or, with one stratum, simple) expansion estimator of the frame total with its
 * finite-population-corrected standard error; degrees of freedom by Satterthwaite (n - 1 for one
 * stratum).
 */
export function projectTotal(strata: StratumValues[], confidence = 0.9): Projection {
  let point = 0;
  let variance = 0;
  const parts: Array<{ v: number; df: number }> = [];
  let note: string | null = null;
  for (const s of strata) {
    const n = s.values.length;
    if (n === 0) {
      note = `stratum ${s.name ?? ''} has no sampled claim: its amount cannot be projected`.replace(
        '  ',
        ' ',
      );
      continue;
    }
    const { mean, variance: s2 } = meanVar(s.values);
    point += s.size * mean;
    const census = n >= s.size;
    if (!census && n < 2)
      note ??= `a stratum has one sampled claim: its variance cannot be estimated`;
    const v = census ? 0 : (s.size ** 2 * (1 - n / s.size) * s2) / n;
    variance += v;
    if (n > 1) parts.push({ v, df: n - 1 });
  }
  const base = { point: round2(point), confidence };
  if (note || parts.length === 0)
    return {
      ...base,
      lower: null,
      upper: null,
      standardError: null,
      degreesOfFreedom: null,
      note: note ?? 'fewer than two sampled claims: no interval',
    };
  const se = Math.sqrt(variance);
  const denom = parts.reduce((a, p) => a + p.v ** 2 / p.df, 0);
  const df = denom > 0 ? variance ** 2 / denom : parts.reduce((a, p) => a + p.df, 0);
  const t = studentt.inv(1 - (1 - confidence) / 2, df);
  return {
    ...base,
    lower: round2(Math.max(0, point - t * se)),
    upper: round2(point + t * se),
    standardError: round2(se),
    degreesOfFreedom: Math.round(df * 100) / 100,
    note: null,
  };
}
