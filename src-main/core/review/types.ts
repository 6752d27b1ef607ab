import type { EpisodeModel } from '../../../shared/episode';
import type { Finding, PayerKind, RuleGroup, Severity } from '../../../shared/model';

/** A source and where it holds: these payer kinds, these states' workers' comp (else anywhere). */
export interface ScopedSource {
  text: string;
  payers?: PayerKind[];
  states?: string[];
}

/** Payer scope tags from the rule catalog. */
export type PayerScope = 'MCR' | 'WC' | 'COM' | 'ALL';

export interface RuleMeta {
  /** Stable ID from the domain rule catalog, e.g. `DOC-PROGRESS-10`. */
  id: string;
  title: string;
  group: RuleGroup;
  /** Official source citation, e.g. `Medicare BPM Pub. 100-02 Ch. 15 §220.3.D`: all of them. */
  source: string;
  /**
   * The same sources with where each holds, when not everywhere: a finding cites those that hold
   * for its episode's payer kind and state (lib/sources.ts). Absent: `source` holds everywhere.
   */
  sources?: ScopedSource[];
  /** Severity when the profile does not override it. */
  severity: Severity;
  /** Payers the catalog scopes the rule to (the profile decides in the end). */
  payers: PayerScope[];
  /** Catalog values marked UNVERIFIED that this rule uses; documented in docs/rules.md. */
  unverified?: string[];
  /** What the rule decided where the catalog is silent; documented in docs/rules.md. */
  decided?: string[];
}

/** What a rule returns: a finding without the fields the engine fills in. */
export type RuleFinding = Omit<Finding, 'rule' | 'source' | 'group' | 'severity'> & {
  severity?: Severity;
};

export interface Rule {
  meta: RuleMeta;
  /**
   * Pure check over one episode. Return one finding per failing date (or one pass/n-a finding).
   * Return [] only if the engine should emit the default `n/a` finding.
   */
  check(episode: EpisodeModel, profile: PayerProfile): RuleFinding[];
}

export type TimeRule = 'cpt-midpoint' | 'texas-dwc';
export type TimedUnitMethod = 'cms' | 'cpt';

/** Per-rule profile setting: whether it applies for this payer, and an optional severity override. */
export interface RuleSetting {
  applies: boolean;
  severity?: Severity;
}

/**
 * A payer profile is data (src-main/core/review/profiles/*.json), validated with zod when loaded,
 * and may be supplied by a user with `--payer-profile FILE`.
 */
export interface PayerProfile {
  name: string;
  label: string;
  payerKind: PayerKind;
  /** Two-letter state for WC jurisdictions, or null. */
  state: string | null;
  rules: Record<string, RuleSetting>;
  thresholds: ProfileThresholds;
}

export interface ProfileThresholds {
  progressEveryTreatmentDays: number;
  /** Calendar-day cadence for progress reports (WC default 14, UNVERIFIED); null for Medicare Part B. */
  progressEveryCalendarDays: number | null;
  certificationDays: number;
  verbalCertSignDays: number;
  recertDays: number;
  timeRule: TimeRule;
  timedUnitMethod: TimedUnitMethod;
  /** Medically unlikely edits: max units per date of service, by code. */
  mue: Record<string, number>;
  /** KX threshold by calendar year, dollars. */
  kxThresholds: Record<string, number>;
  targetedReviewThreshold: number;
  therapyModifiersRequired: boolean;
  programModifiersRequired: boolean;
  programLimits: { visits: number; weeks: number; hours: number } | null;
  communicationEveryDays: number;
  dischargeInactivityDays: number;
  reentryGapDays: number;
  /** Codes treated as NCCI column-2 components of 97545/97546 (UNVERIFIED list). */
  ncciComponentCodes: string[];
  ncciBypassModifiers: string[];
  /**
   * Whether the payer applies NCCI PTP edits. When it does not, BILL-NCCI-UNBUNDLING still checks
   * the payer-independent part: component codes billed for minutes inside the program session.
   */
  ncciPtpEdits: boolean;
}
