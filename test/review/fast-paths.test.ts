/**
 * The review's speed-ups must not change results: the engine's finding key order (visible in JSON
 * output), the character-code date check, and the per-review sharing of derived data.
 */
import { describe, expect, it } from 'vitest';
import { reviewEpisode } from '../../src-main/core/review/engine';
import { linesByDate } from '../../src-main/core/review/lib/billing';
import { isIsoDate } from '../../src-main/core/review/lib/documents';
import { withReviewMemo } from '../../src-main/core/review/lib/memo';
import type { Rule, RuleFinding } from '../../src-main/core/review/types';
import { episode } from './builder';
import { profile } from './documentation/helpers';

function stubRule(id: string, results: RuleFinding[]): Rule {
  return {
    meta: {
      id,
      title: id,
      group: 'billing',
      source: 'test source',
      severity: 'error',
      payers: ['ALL'],
    },
    check: () => results,
  };
}

describe('engine findings', () => {
  it('keep the key order of { ...base, ...r, severity }', () => {
    const withSeverity: RuleFinding = {
      status: 'fail',
      severity: 'warning',
      message: 'a',
      dates: ['2026-03-02'],
      evidence: [],
    };
    const without: RuleFinding = { status: 'pass', message: 'b', dates: [], evidence: [] };
    const rules = [stubRule('X-ONE', [withSeverity, without])];
    const p = profile('workers-comp', {}, ['X-ONE']);
    const ep = episode().build();
    const [a, b] = reviewEpisode(ep, p, rules);
    const base = { rule: 'X-ONE', source: 'test source', group: 'billing' as const };
    expect(JSON.stringify(a)).toBe(
      JSON.stringify({ ...base, ...withSeverity, severity: 'warning' }),
    );
    expect(JSON.stringify(b)).toBe(JSON.stringify({ ...base, ...without, severity: 'error' }));
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    for (const ok of ['2026-03-02', '2024-02-29', '2000-02-29', '0000-01-01', '2026-12-31']) {
      expect(isIsoDate(ok)).toBe(true);
    }
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-01-00',
      '2026/01/01',
      '2026-1-011',
      '+026-01-01',
      '2026-0a-01',
      '２０２６-01-01',
      '2026-01-01 ',
      '',
      null,
      undefined,
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });
});

describe('per-review sharing', () => {
  it('groups lines by date once inside a review and afresh outside', () => {
    const ep = episode().bill('2026-03-03', '97545').bill('2026-03-02', '97110').build();
    expect([...linesByDate(ep.billing).keys()]).toEqual(['2026-03-02', '2026-03-03']);
    expect(linesByDate(ep.billing)).not.toBe(linesByDate(ep.billing));
    withReviewMemo(() => expect(linesByDate(ep.billing)).toBe(linesByDate(ep.billing)));
  });
});
