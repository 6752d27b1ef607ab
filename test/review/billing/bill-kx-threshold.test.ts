import { describe, expect, it } from 'vitest';
import { billKxThreshold } from '../../../src-main/core/review/rules/billing/bill-kx-threshold';
import { episode, weekdays } from '../builder';
import { failsOn, run } from './helpers';

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

  it("counts the patient's earlier Medicare episode that year: the threshold is the year's", () => {
    // 20 units in the spring (shoulder) and 6 in the autumn (hip): neither crosses $2,410 alone.
    const spring = visits(20, null);
    const autumn = episode('medicare').doc('progress-report', '2025-10-15');
    weekdays('2025-10-06', 6).forEach((d) => autumn.bill(d, '97110', 1, ['GP']));
    const hip = autumn.build();
    expect(run(billKxThreshold, hip, 'medicare')[0]?.status).toBe('pass');
    hip.earlier = [spring];
    const f = run(billKxThreshold, hip, 'medicare');
    // $2,000 before it: the 5th autumn unit reaches $2,500, past $2,410.
    expect(f.filter((x) => x.status === 'fail').map((x) => x.dates[0])).toEqual([
      '2025-10-10',
      '2025-10-13',
    ]);
    expect(f[0]?.message).toContain(
      "Running total includes $2,000.00 billed in 2025 in this patient's earlier episode (from 2025-03-03).",
    );
    // A year before is another year's total.
    const lastYear = visits(20, null);
    for (const l of lastYear.billing) l.dos = l.dos.replace('2025', '2024');
    hip.earlier = [lastYear];
    expect(run(billKxThreshold, hip, 'medicare')[0]?.status).toBe('pass');
  });

  it('counts the allowed amount the ledger carries when no 835 remits the line', () => {
    // 26 units charged $100 each cross $2,410; at $40 allowed they stay far under it.
    const ep = visits(26, null);
    for (const l of ep.billing) l.allowed = 40;
    const f = run(billKxThreshold, ep, 'medicare');
    expect(f.map((x) => x.status)).toEqual(['pass']);
    expect(f[0]?.message).toContain("the ledger's allowed amounts");
    // Where the ledger gives no allowed amount, the charge still counts.
    const mixed = visits(30, null);
    mixed.billing.forEach((l, i) => (l.allowed = i < 5 ? 40 : null));
    const g = run(billKxThreshold, mixed, 'medicare');
    expect(g[0]?.status).toBe('fail');
    expect(g[0]?.message).toContain(
      "running total uses the ledger's allowed amounts, line charges where no allowed amount is known",
    );
  });

  it('starts the bucket from the amount the eligibility check says was applied before the episode', () => {
    // An Epic-style intake from the eligibility response: $2,300 of PT/SLP already used in 2025.
    const applied = (date: string, value: string, bucket: 'PT/SLP' | 'OT') =>
      episode('medicare')
        .doc('evaluation', '2025-03-03', {
          'therapy-threshold-applied': { value, detail: { bucket, year: 2025, date } },
        })
        .doc('progress-report', '2025-03-15');
    const b = applied('2025-02-27', '2300.00', 'PT/SLP');
    weekdays('2025-03-03', 3).forEach((d) => b.bill(d, '97110', 1, ['GP']));
    const f = run(billKxThreshold, b.build(), 'medicare');
    // $2,300 + $100 = $2,400 on day 1, over $2,410 from day 2.
    expect(failsOn(f)).toEqual(['2025-03-04', '2025-03-05']);
    expect(f[0]?.message).toContain('starts from $2,300.00 already applied in 2025');
    expect(f[0]?.evidence.some((e) => e.quote.includes('therapy-threshold-applied'))).toBe(true);

    // OT's amount is another bucket's; a statement dated after the first line may count this
    // episode's own lines, so neither moves the PT/SLP total.
    const other = applied('2025-02-27', '2300.00', 'OT');
    weekdays('2025-03-03', 3).forEach((d) => other.bill(d, '97110', 1, ['GP']));
    expect(run(billKxThreshold, other.build(), 'medicare')[0]?.status).toBe('pass');
    const late = applied('2025-03-20', '2300.00', 'PT/SLP');
    weekdays('2025-03-03', 3).forEach((d) => late.bill(d, '97110', 1, ['GP']));
    expect(run(billKxThreshold, late.build(), 'medicare')[0]?.status).toBe('pass');
  });
});
