import { afterEach, describe, expect, it } from 'vitest';
import { localStamp, localToday } from '../shared/dates';
import { decisionLine } from '../shared/decisions';
import { profileNote } from '../src-main/core/review/format/report';

describe('localStamp: stored UTC timestamps as the screens print them', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it("prints the user's local date and minute, so an evening's work keeps its own date", () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(localStamp('2026-12-08T03:30:00.000Z')).toBe('2026-12-07 19:30');
    expect(localStamp('2026-12-08T03:30:00.000Z', false)).toBe('2026-12-07');
    process.env.TZ = 'Asia/Tokyo';
    expect(localStamp('2026-12-07T20:05:00Z')).toBe('2026-12-08 05:05');
  });

  it('leaves an unreadable value as stored rather than printing "NaN"', () => {
    expect(localStamp('not a time')).toBe('not a time');
  });

  it('takes today, the default as-of date, where the user is: 7 pm in California is not tomorrow', () => {
    const evening = new Date('2026-12-08T03:00:00Z');
    process.env.TZ = 'America/Los_Angeles';
    expect(localToday(evening)).toBe('2026-12-07');
    process.env.TZ = 'Asia/Tokyo';
    expect(localToday(evening)).toBe('2026-12-08');
  });

  it("dates a reviewer's decision and an episode's profile choice on the day they were made there", () => {
    const at = '2026-12-08T03:30:00.000Z';
    const decided = {
      decision: { as: 'fixed' as const, reason: 'Addendum signed.', by: 'Dana Whitfield', at },
    };
    process.env.TZ = 'America/Los_Angeles';
    expect(decisionLine(decided)).toBe('Fixed: Addendum signed. (Dana Whitfield, 2026-12-07)');
    expect(
      profileNote('medicare', 'workers-comp', {
        from: 'episode',
        by: 'DW',
        at,
        reason: 'WC claim',
      }),
    ).toBe('profile workers-comp set for this episode by DW on 2026-12-07: WC claim');
    process.env.TZ = 'Europe/Berlin';
    expect(decisionLine(decided)).toBe('Fixed: Addendum signed. (Dana Whitfield, 2026-12-08)');
  });
});
