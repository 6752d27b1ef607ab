/**
 * A pure function of one string, remembered for the strings it was asked about: a review asks
 * about the same few names and credential lines hundreds of thousands of times. Bounded: past
 * `limit` strings it forgets them all and starts again.
 */
export function memoByString<T>(read: (s: string) => T, limit: number): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined || seen.has(s)) return known as T;
    const value = read(s);
    if (seen.size >= limit) seen.clear();
    seen.set(s, value);
    return value;
  };
}
