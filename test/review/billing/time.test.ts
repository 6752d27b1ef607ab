import { describe, expect, it } from 'vitest';
import {
  cmsTimedUnits,
  cptTimedUnits,
  minutesOnDate,
  sessionTime,
  wcUnitsForMinutes,
} from '../../../src-main/core/review/lib/time';
import { episode } from '../builder';

describe('wcUnitsForMinutes (CPT midpoint rule, rules.md section 2 worked table)', () => {
  const table: Array<[number, number, number]> = [
    [45, 0, 0],
    [60, 0, 0],
    [61, 1, 0],
    [115, 1, 0],
    [120, 1, 0],
    [150, 1, 0],
    [151, 1, 1],
    [175, 1, 1],
    [210, 1, 1],
    [211, 1, 2],
    [245, 1, 2],
    [270, 1, 2],
    [271, 1, 3],
  ];
  it.each(table)('%i min -> 97545x%i + 97546x%i', (t, a, b) => {
    expect(wcUnitsForMinutes(t)).toEqual({ u97545: a, u97546: b });
    // Texas DWC: partial hours follow the same midpoint arithmetic (UNVERIFIED best value).
    expect(wcUnitsForMinutes(t, 'texas-dwc')).toEqual({ u97545: a, u97546: b });
  });
});

describe('cmsTimedUnits (8-minute rule for 15-minute codes)', () => {
  it.each([
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [60, 4],
    [67, 4],
    [68, 5],
    [82, 5],
    [83, 6],
    [97, 6],
    [98, 7],
    [112, 7],
    [113, 8],
    [127, 8],
  ])('%i min -> %i units', (m, u) => expect(cmsTimedUnits(m)).toBe(u));

  it('CPT per-code method counts each code on its own', () => {
    expect(cptTimedUnits({ '97110': 33, '97140': 7 })).toEqual({ '97110': 2, '97140': 0 });
  });
});

describe('minutes per date', () => {
  it('merges several notes on one date', () => {
    const ep = episode()
      .daily('2026-03-02', { minutes: 90 })
      .daily('2026-03-02', { minutes: 61 })
      .build();
    const dm = minutesOnDate(ep, '2026-03-02');
    expect(dm.minutes).toBe(151);
    expect(dm.sessions).toHaveLength(2);
  });

  it('computes time in/out minus breaks when no total is stated', () => {
    const ep = episode()
      .daily('2026-03-02', { timeIn: '08:00', timeOut: '11:00', extra: { 'break-minutes': 30 } })
      .build();
    expect(sessionTime(ep.documents[0]!)?.minutes).toBe(150);
  });

  it('does not subtract breaks from a stated total', () => {
    const ep = episode()
      .daily('2026-03-02', { minutes: 150, extra: { 'break-minutes': 30 } })
      .build();
    expect(minutesOnDate(ep, '2026-03-02').minutes).toBe(150);
  });
});
