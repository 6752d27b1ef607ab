import type { RuleInfo } from '../../../../shared/api';
import { RULE_FIXES } from './fixes';
import { ALL_RULES } from './index';

/** Every rule of the catalog as the screens and reports name it, in catalog order. */
export function ruleInfo(): RuleInfo[] {
  return ALL_RULES.map((r) => ({
    id: r.meta.id,
    title: r.meta.title,
    group: r.meta.group,
    source: r.meta.source,
    fix: RULE_FIXES[r.meta.id] ?? null,
  }));
}
