import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src-main/core/review/rules';
import { rulesMarkdown } from '../../scripts/rules-doc';

describe('docs/rules.md', () => {
  it('is generated from the current rule metadata (run `npx tsx scripts/rules-doc.ts`)', () => {
    expect(readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8')).toBe(rulesMarkdown());
  });
  it('documents every rule with its source', () => {
    const md = rulesMarkdown();
    for (const r of ALL_RULES) {
      expect(md).toContain(`## ${r.meta.id}:`);
      expect(r.meta.source.length).toBeGreaterThan(10);
    }
  });
});
