import { afterEach, describe, expect, it } from 'vitest';
import { localStamp } from '../shared/dates';

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
});
