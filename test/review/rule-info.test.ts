/** Every rule has a plain-language title and a how-to-fix line for the screens and reports. */
import { describe, expect, it } from 'vitest';
import { RULE_FIXES } from '../../src-main/core/review/rules/fixes';
import { ruleInfo } from '../../src-main/core/review/rules/info';
import { CATALOG_RULE_IDS } from '../../src-main/core/review/profiles/rule-ids';

describe('rule information', () => {
  it('covers every catalog rule with a title and a one-sentence fix, and nothing else', () => {
    const info = ruleInfo();
    expect(info.map((r) => r.id).sort()).toEqual([...CATALOG_RULE_IDS].sort());
    expect(Object.keys(RULE_FIXES).sort()).toEqual([...CATALOG_RULE_IDS].sort());
    for (const r of info) {
      expect(r.title.length, r.id).toBeGreaterThan(10);
      expect(r.fix, r.id).toMatch(/^[A-Z].{20,200}\.$/);
    }
  });
});
