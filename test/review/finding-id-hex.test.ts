import { describe, expect, it } from 'vitest';
import { hex14 } from '../../src-main/core/api/decisions';

/** The id's digits as they were written before the table-based printer (same ids in every store). */
const reference = (n: number) => n.toString(16).padStart(14, '0');

describe('finding id hex digits', () => {
  it('prints every 53-bit value as toString(16) padded to 14 digits', () => {
    const values = [0, 1, 15, 16, 255, 256, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 52];
    values.push(2 ** 53 - 1, 4294967296 * 2097151, 4294967296 * 2097151 + 4294967295);
    // A fixed pseudo-random sequence (reproducible), spread over the high and low words.
    let s = 12345;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 20000; i++) values.push(4294967296 * (next() & 2097151) + next());
    for (let i = 0; i < 2000; i++) values.push(next() >>> (next() & 31));
    for (const v of values) expect(hex14(v)).toBe(reference(v));
  });
});
