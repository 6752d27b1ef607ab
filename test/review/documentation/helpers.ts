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
  ncciPtpEdits: true,
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

/** Signature facts of a clinician-signed document. */
export function signed(date: string, credentials = 'PT, DPT'): Record<string, string> {
  return { signer: 'Jane Roe', credentials, 'signed-date': date };
}

/** Facts of a complete evaluation that also serves as the plan of care. */
export function fullEvaluation(date: string): Record<string, string | string[]> {
  return {
    'document-date': date,
    ...signed(date),
    diagnosis: 'M54.5 Low back pain',
    'objective-measure': ['Floor-to-waist lift 20 lb', 'Sitting tolerance 20 min'],
    'goal-long': ['Lift 50 lb floor to waist 5x to meet medium PDL within 4 weeks'],
    'goal-short': ['Sit 60 min without rest within 2 weeks'],
    frequency: '5x/week, 4 hours/session',
    duration: '4 weeks',
    intervention: ['Work simulation', 'Lift and carry training'],
    'job-title': 'Warehouse associate',
    'physical-demand-level': 'Medium',
    'rtw-status': 'Target full duty',
    section: [
      'history',
      'objective',
      'functional-limitations',
      'assessment',
      'prognosis',
      'plan',
      'goals',
      'job-demands',
      'diagnosis',
    ],
  };
}
