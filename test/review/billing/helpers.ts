import type { EpisodeModel } from '../../../shared/episode';
import type { Finding } from '../../../shared/model';
import { reviewEpisode } from '../../../src-main/core/review/engine';
import { loadPayerProfile } from '../../../src-main/core/review/profiles';
import type { PayerProfile, Rule } from '../../../src-main/core/review/types';

/** Runs one rule through the engine (so severities resolve as in production). */
export function run(rule: Rule, ep: EpisodeModel, profile: string | PayerProfile): Finding[] {
  const p = typeof profile === 'string' ? loadPayerProfile(profile) : profile;
  return reviewEpisode(ep, p, [rule]);
}

export function statuses(findings: Finding[]): string[] {
  return findings.map((f) => f.status);
}

export function failsOn(findings: Finding[]): string[] {
  return findings.filter((f) => f.status === 'fail').flatMap((f) => f.dates);
}

/** A built-in profile with one rule turned off, as a user's profile file may. */
export function withoutRule(profile: string, rule: string): PayerProfile {
  const p = loadPayerProfile(profile);
  return { ...p, rules: { ...p.rules, [rule]: { applies: false } } };
}
