/**
 * A rule's sources are cited to the user beside its findings (the episode page, packets): they
 * name the authority, never the project's own notes (seed files, the catalog's sections, the
 * tools its values were read through).
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src-main/core/review/rules';

describe('rule sources', () => {
  it.each(ALL_RULES.map((r) => [r.meta.id, r] as const))('%s cites only authorities', (_id, r) => {
    const texts = [r.meta.source, ...(r.meta.sources ?? []).map((s) => s.text)];
    for (const t of texts) expect(t).not.toMatch(/\bseeds?\b|PayerReady|rules\.md|\bsection \d/i);
  });
});
