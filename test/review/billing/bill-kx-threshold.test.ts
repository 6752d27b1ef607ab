import { describe, expect, it } from 'vitest';
import { billKxThreshold } from '../../../src-main/core/review/rules/billing/bill-kx-threshold';
import { episode, weekdays } from '../builder';
import { run } from './helpers';

// The builder charges $100 per unit; 2025 threshold $2,410 is crossed by the 25th unit.
function visits(count: number, kxFrom: number | null) {
  const b = episode('medicare').doc('progress-report', '2025-03-15');
  weekdays('2025-03-03', count).forEach((d, i) =>
    b.bill(d, '97110', 1, kxFrom !== null && i >= kxFrom ? ['GP', 'KX'] : ['GP']),
  );
  return b.build();
}

describe('BILL-KX-THRESHOLD', () => {
  it('passes under the threshold', () => {
    expect(run(billKxThreshold, visits(20, null), 'medicare')[0]?.status).toBe('pass');
  });

  it('fails the dates past the threshold without KX, saying charges were used', () => {
    const f = run(billKxThreshold, visits(26, null), 'medicare');
    expect(f.map((x) => x.status)).toEqual(['fail', 'fail']);
    expect(f[0]?.message).toContain('over 2025 KX threshold $2,410 for PT/SLP');
    expect(f[0]?.message).toContain('line charges');
  });

  it('passes when lines past the threshold carry KX', () => {
    expect(run(billKxThreshold, visits(26, 24), 'medicare')[0]?.status).toBe('pass');
  });

  it('OT (GO) is a separate bucket', () => {
    const b = episode('medicare');
    weekdays('2025-03-03', 20).forEach((d) =>
      b.bill(d, '97110', 1, ['GP']).bill(d, '97530', 1, ['GO']),
    );
    expect(run(billKxThreshold, b.build(), 'medicare')[0]?.status).toBe('pass');
  });

  it('ignores 97545/97546 (not paid under the MPFS)', () => {
    const b = episode('medicare');
    weekdays('2025-03-03', 30).forEach((d) => b.bill(d, '97545', 1, ['GP']));
    expect(run(billKxThreshold, b.build(), 'medicare')[0]?.status).toBe('n/a');
  });
});
