/**
 * Stored reviews are rebuilt when RULES_VERSION changes and only then: a change to what the rules
 * report on the sample chart under the same version fails here until the version is bumped and
 * the record renewed (`npx tsx scripts/rules-golden.ts`), so an upgraded app never shows a store's
 * old findings as current.
 */
import { describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../src-main/core/api/review';
import { loadRulesGolden, sampleChartFindingsHash } from '../../scripts/rules-golden';

describe('rules version', () => {
  it('moves with what the rules report on the sample chart', async () => {
    const golden = loadRulesGolden();
    const now = await sampleChartFindingsHash();
    if (golden.rulesVersion === RULES_VERSION)
      expect(
        now,
        'the rules report differently: bump RULES_VERSION (src-main/core/api/review.ts), then npx tsx scripts/rules-golden.ts',
      ).toBe(golden.sampleChart);
    else
      expect(golden.rulesVersion, 'record out of date: npx tsx scripts/rules-golden.ts').toBe(
        RULES_VERSION,
      );
  }, 120_000);
});
