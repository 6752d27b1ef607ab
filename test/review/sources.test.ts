/**
 * Sources cited are the episode's jurisdiction's (issue 15): an Illinois workers' comp episode is
 * never told a Texas or North Carolina rule applies to it, a Medicare episode is not cited Texas
 * program modifiers, and where the catalog has no source for a jurisdiction the citation says so.
 */
import { describe, expect, it } from 'vitest';
import { reviewEpisode } from '../../src-main/core/review/engine';
import { sourceFor } from '../../src-main/core/review/lib/sources';
import { loadPayerProfile } from '../../src-main/core/review/profiles';
import { ALL_RULES } from '../../src-main/core/review/rules';
import { episode } from './builder';

const D = '2026-03-02';
const meta = (id: string) => ALL_RULES.find((r) => r.meta.id === id)!.meta;

function wcEpisode(state: string) {
  return episode('workers-comp', { state })
    .daily(D, { minutes: 150 })
    .bill(D, '97545')
    .bill(D, '97546')
    .build();
}

describe('sources by jurisdiction', () => {
  it('cites state law only for that state', () => {
    const il = { kind: 'workers-comp' as const, state: 'IL' };
    const tx = { kind: 'workers-comp' as const, state: 'TX' };
    expect(sourceFor(meta('BILL-WC-TIME-UNITS'), il)).toBe('CPT time convention (midpoint rule)');
    expect(sourceFor(meta('BILL-WC-TIME-UNITS'), tx)).toBe(
      'CPT time convention (midpoint rule); 28 TAC §134.230(2)(A)',
    );
    expect(sourceFor(meta('BILL-THERAPY-MODIFIER'), { kind: 'medicare', state: null })).not.toMatch(
      /TAC/,
    );
  });

  it("says when the catalog has no source for the episode's jurisdiction", () => {
    const il = { kind: 'workers-comp' as const, state: 'IL' };
    // First what holds for this payer (nothing specific), then the catalog's source as a reference.
    const reference =
      /^None specific to Illinois workers' compensation in the catalog; the check applies the catalog's general standard \(for reference only, not as authority for this payer: /;
    expect(sourceFor(meta('DOC-COMMUNICATION'), il)).toMatch(reference);
    expect(sourceFor(meta('DOC-COMMUNICATION'), il)).toMatch(
      /: 28 Texas Administrative Code §134\.230 .*\)$/,
    );
    expect(sourceFor(meta('DOC-SIGNED'), il)).toMatch(reference);
    expect(sourceFor(meta('DOC-SIGNED'), il)).toMatch(/: Medicare Program Integrity Manual.*\)$/);
    expect(sourceFor(meta('DOC-SIGNED'), { kind: 'medicare', state: null })).toBe(
      meta('DOC-SIGNED').source,
    );
    expect(sourceFor(meta('AUTH-PRESENT'), { kind: 'commercial', state: null })).toMatch(
      /^None specific to commercial plans in the catalog; /,
    );
  });

  it('an Illinois episode cites no other state as applying; a Texas one cites Texas', () => {
    const il = reviewEpisode(wcEpisode('IL'), loadPayerProfile('workers-comp'));
    for (const f of il) {
      if (!/Texas|TAC|NC I/.test(f.source ?? '')) continue;
      expect(f.source, f.rule).toMatch(
        /^None specific to Illinois workers' compensation in the catalog; /,
      );
    }
    const tx = reviewEpisode(wcEpisode('TX'), loadPayerProfile('texas-wc'));
    expect(tx.find((f) => f.rule === 'BILL-WC-TIME-UNITS')!.source).toContain('28 TAC §134.230');
    expect(tx.find((f) => f.rule === 'BILL-WC-TIME-UNITS')!.source).not.toContain('NC IC');
  });

  it('cites no Medicare or CMS publication as authority outside Medicare: only for reference', () => {
    const places = [
      { kind: 'workers-comp' as const, state: 'IL' },
      { kind: 'workers-comp' as const, state: 'TX' },
      { kind: 'commercial' as const, state: null },
    ];
    for (const where of places)
      for (const { meta: m } of ALL_RULES) {
        // A Medicare-only rule is not applied to these payers at all.
        if (m.payers.length === 1 && m.payers[0] === 'MCR') continue;
        const cited = sourceFor(m, where);
        const authority = cited.split('(for reference only')[0]!;
        expect(authority, `${m.id} for ${where.kind} ${where.state ?? ''}`).not.toMatch(
          /\bMedicare\b|\bCMS\b|Pub\. 100-0\d/,
        );
      }
  });
});
