/**
 * Per-review memo of derived data (treatment days, notes and lines by date, ...). Rules are pure
 * and the episode model does not change while `reviewEpisode` runs, so data that several rules
 * derive from the same episode is computed once per review. Outside a review (helpers called on
 * their own, e.g. from tests) nothing is cached. Callers get shared values: memoized helpers
 * return copies where their result is mutable.
 */
// A plain Map, dropped when the review ends: a WeakMap keyed by long-lived model objects would keep
// its values alive through young-generation collections and push them into the old generation.
let scope: Map<object, Map<string, unknown>> | null = null;

export function withReviewMemo<T>(fn: () => T): T {
  const prev = scope;
  scope = new Map();
  try {
    return fn();
  } finally {
    scope = prev;
  }
}

export function memo<T>(owner: object, key: string, compute: () => T): T {
  if (!scope) return compute();
  let m = scope.get(owner);
  if (!m) scope.set(owner, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const v = compute();
  m.set(key, v);
  return v;
}
