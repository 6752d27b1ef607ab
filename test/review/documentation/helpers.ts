/** Shared test helpers for the documentation rules: an inline payer profile and finding filters. */
import type { EpisodeModel } from '../../../shared/episode';
import type { PayerKind } from '../../../shared/model';
import type {
  PayerProfile,
  ProfileThresholds,
  Rule,
  RuleFinding,
} from '../../../src-main/core/review/types';

const BASE_THRESHOLDS: ProfileThresholds = {
  progressEveryTreatmentDays: 10,
  progressEveryCalendarDays: null,
  certificationDays: 30,
  verbalCertSignDays: 14,
  recertDays: 90,
  timeRule: 'cpt-midpoint',
  timedUnitMethod: 'cms',
  mue: { '97545': 1, '97546': 2 },
  kxThresholds: { '2025': 2410, '2026': 2480 },
  targetedReviewThreshold: 3000,
  therapyModifiersRequired: true,
  programModifiersRequired: false,
  programLimits: null,
  communicationEveryDays: 14,
  dischargeInactivityDays: 30,
  reentryGapDays: 60,
  ncciComponentCodes: [],
  ncciBypassModifiers: ['59', 'XE', 'XP', 'XS', 'XU'],
};

/** A minimal inline profile where every rule applies (rules: {} is filled by the engine test). */
export function profile(
  kind: PayerKind = 'medicare',
  thresholds: Partial<ProfileThresholds> = {},
  ruleIds: string[] = [],
): PayerProfile {
  const calendar = kind === 'medicare' ? null : 14;
  return {
    name: `test-${kind}`,
    label: `Test ${kind}`,
    payerKind: kind,
    state: null,
    rules: Object.fromEntries(ruleIds.map((id) => [id, { applies: true }])),
    thresholds: { ...BASE_THRESHOLDS, progressEveryCalendarDays: calendar, ...thresholds },
  };
}

export function run(
  rule: Rule,
  ep: EpisodeModel,
  p: PayerProfile = profile(ep.payer.kind),
): RuleFinding[] {
  return rule.check(ep, p);
}

export function fails(findings: RuleFinding[]): RuleFinding[] {
  return findings.filter((f) => f.status === 'fail');
}

export function statuses(findings: RuleFinding[]): string[] {
  return [...new Set(findings.map((f) => f.status))].sort();
}
