/** The episode list's filters and their URL form (src-renderer/lib/episode-filters.ts). */
import { describe, expect, it } from 'vitest';
import type { EpisodeSummary } from '../../shared/api';
import {
  filtersFromQuery,
  filtersToQuery,
  isFiltered,
  matchesEpisode,
  NO_FILTERS,
} from '../../src-renderer/lib/episode-filters';
import { href, parseRoute } from '../../src-renderer/lib/route';

const EP: EpisodeSummary = {
  id: 'ep-1',
  patientName: 'Roe, Jane',
  mrn: 'A-77',
  dob: '1970-01-02',
  payerName: 'Acme WC',
  payerKind: 'workers-comp',
  payerBasis: [],
  profile: 'workers-comp',
  start: '2026-03-02',
  end: '2026-03-27',
  visits: 10,
  errors: 2,
  warnings: 0,
  claims: ['CLM-9'],
  deniedClaims: 1,
  clinicians: ['Kim Lund', 'Ama Osei'],
  rules: ['DOC-DAILY-TIME'],
};

describe('episode filters', () => {
  it('searches name, MRN and claim number', () => {
    for (const q of ['roe', 'a-77', 'clm-9'])
      expect(matchesEpisode(EP, { ...NO_FILTERS, q })).toBe(true);
    expect(matchesEpisode(EP, { ...NO_FILTERS, q: 'smith' })).toBe(false);
  });

  it('filters by clinician, rule, severity, denial and an overlapping date range', () => {
    const f = (over: Partial<typeof NO_FILTERS>) => matchesEpisode(EP, { ...NO_FILTERS, ...over });
    expect(f({ clinician: 'Ama Osei' })).toBe(true);
    expect(f({ clinician: 'Pat Lee' })).toBe(false);
    expect(f({ rule: 'DOC-DAILY-TIME' })).toBe(true);
    expect(f({ rule: 'DOC-SIGNED' })).toBe(false);
    expect(f({ severity: 'errors' })).toBe(true);
    expect(f({ severity: 'warnings' })).toBe(false);
    expect(f({ severity: 'clean' })).toBe(false);
    expect(f({ denied: '1' })).toBe(true);
    expect(f({ denied: 'returned' })).toBe(false);
    expect(f({ payer: 'Acme WC' })).toBe(true);
    expect(f({ payer: 'Acme' })).toBe(false);
    expect(f({ from: '2026-03-27', to: '2026-04-30' })).toBe(true);
    expect(f({ from: '2026-03-28' })).toBe(false);
    expect(f({ to: '2026-03-01' })).toBe(false);
  });

  it('a claim returned unprocessable (CO-4/MA130) is no denial but has its own filter', () => {
    const returned = { ...EP, deniedClaims: 0, unprocessableClaims: 2 };
    expect(matchesEpisode(returned, { ...NO_FILTERS, denied: '1' })).toBe(false);
    expect(matchesEpisode(returned, { ...NO_FILTERS, denied: 'returned' })).toBe(true);
  });

  it("filters by where the reviewer's work stands: open, decided, new", () => {
    const f = (review: EpisodeSummary['review'], state: string) =>
      matchesEpisode({ ...EP, review }, { ...NO_FILTERS, state });
    const some = { open: 1, decided: 2, new: 0 };
    expect(f(some, 'open')).toBe(true);
    expect(f(some, 'decided')).toBe(true);
    expect(f(some, 'new')).toBe(false);
    expect(f({ open: 0, decided: 3, new: 0 }, 'open')).toBe(false);
    expect(f({ open: 2, decided: 0, new: 2 }, 'decided')).toBe(false);
    expect(f({ open: 2, decided: 0, new: 2 }, 'new')).toBe(true);
    // A list row without counts (an older server) matches only "any".
    expect(f(undefined, 'open')).toBe(false);
    expect(f(undefined, '')).toBe(true);
  });

  it('round-trips through the URL, leaving defaults out', () => {
    const filters = { ...NO_FILTERS, q: 'roe, jane', clinician: 'Kim Lund', sort: 'start.asc' };
    const url = href({ name: 'episodes', query: filtersToQuery(filters) });
    expect(url).toBe('#/episodes?q=roe%2C+jane&clinician=Kim+Lund&sort=start.asc');
    const route = parseRoute(url);
    expect(route.name === 'episodes' && filtersFromQuery(route.query)).toEqual(filters);
    expect(href({ name: 'episodes', query: filtersToQuery(NO_FILTERS) })).toBe('#/episodes');
    expect(isFiltered({ ...NO_FILTERS, sort: 'start.asc' })).toBe(false);
  });
});
