import type { EpisodeModel } from '../../../shared/episode';
import type { Finding } from '../../../shared/model';
import { withReviewMemo } from './lib/memo';
import { ALL_RULES } from './rules';
import type { PayerProfile, Rule } from './types';

/**
 * Runs every rule once over one episode. Every catalog rule appears in the result at least once
 * (status n/a where it does not apply) so a reader can tell "passed" from "never checked".
 */
export function reviewEpisode(
  episode: EpisodeModel,
  profile: PayerProfile,
  rules: readonly Rule[] = ALL_RULES,
): Finding[] {
  return withReviewMemo(() => runRules(episode, profile, rules));
}

function runRules(episode: EpisodeModel, profile: PayerProfile, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = profile.rules[rule.meta.id];
    const base = { rule: rule.meta.id, source: rule.meta.source, group: rule.meta.group };
    if (!setting || !setting.applies) {
      findings.push({
        ...base,
        status: 'n/a',
        severity: 'info',
        message: `Not applied under the ${profile.label} profile.`,
        dates: [],
        evidence: [],
      });
      continue;
    }
    const results = rule.check(episode, profile);
    if (results.length === 0) {
      findings.push({
        ...base,
        status: 'n/a',
        severity: 'info',
        message: 'Nothing in this episode for the rule to check.',
        dates: [],
        evidence: [],
      });
      continue;
    }
    for (const r of results) {
      const severity = r.severity ?? setting.severity ?? rule.meta.severity;
      findings.push({ ...base, ...r, severity: r.status === 'n/a' ? 'info' : severity });
    }
  }
  return findings;
}
