import { describe, expect, it } from 'vitest';
import { memoByString } from '../src-main/core/memo';

describe('memoByString', () => {
  it('reads each string once, null answers included, and forgets all past its limit', () => {
    const asked: string[] = [];
    const read = memoByString((s) => {
      asked.push(s);
      return s === 'none' ? null : s.length;
    }, 2);
    expect([read('ab'), read('ab'), read('none'), read('none')]).toEqual([2, 2, null, null]);
    expect(asked).toEqual(['ab', 'none']);
    // A third string starts again: 'ab' is read anew.
    expect(read('abc')).toBe(3);
    expect(read('ab')).toBe(2);
    expect(asked).toEqual(['ab', 'none', 'abc', 'ab']);
  });
});
