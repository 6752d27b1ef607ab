import { useEffect, useState } from 'react';
import type { ChartReadyApi, RuleInfo } from '../../shared/api';

// The catalog does not change while the app runs: asked once, shared by every screen.
let cached: Promise<Map<string, RuleInfo>> | null = null;

/** The rules by id (empty until they arrive; a screen shows IDs until then). */
export function useRules(api: ChartReadyApi): ReadonlyMap<string, RuleInfo> {
  const [rules, setRules] = useState<ReadonlyMap<string, RuleInfo>>(new Map());
  useEffect(() => {
    let live = true;
    cached ??= api.listRules().then((list) => new Map(list.map((r) => [r.id, r])));
    cached
      .then((m) => live && setRules(m))
      .catch(() => {
        cached = null; // try again next time; the IDs still name the rules
      });
    return () => {
      live = false;
    };
  }, [api]);
  return rules;
}

/** A rule as people read it: its title with the id after it ("Daily note signed (DOC-SIGNED)"). */
export function ruleName(rules: ReadonlyMap<string, RuleInfo>, id: string): string {
  const title = rules.get(id)?.title;
  return title ? `${title} (${id})` : id;
}
