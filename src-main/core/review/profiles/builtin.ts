/**
 * Built-in payer profiles (rules.md section 4) as typed data. Values the catalog marks UNVERIFIED
 * are listed in each profile's `unverified` and commented where they are set; a practice that knows
 * its payer better supplies its own JSON with `--payer-profile FILE` (see ./index.ts).
 */
import type { PayerProfile, ProfileThresholds, RuleSetting } from '../types';
import { CATALOG_RULE_IDS } from './rule-ids';

/** A profile plus the catalog values it relies on that are UNVERIFIED. */
export type BuiltInProfile = PayerProfile & { unverified: string[] };

const on = (severity?: RuleSetting['severity']): RuleSetting =>
  severity ? { applies: true, severity } : { applies: true };
const off: RuleSetting = { applies: false };

/** Start from "every catalog rule applies at its own severity", then list the differences. */
function rules(overrides: Record<string, RuleSetting>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const id of CATALOG_RULE_IDS) out[id] = overrides[id] ?? on();
  return out;
}

/** NCCI column-2 candidates for 97545/97546: the catalog's expected list, UNVERIFIED (BILL-NCCI-UNBUNDLING). */
const NCCI_COMPONENTS = [
  '97110',
  '97112',
  '97116',
  '97140',
  '97530',
  '97535',
  '97537',
  '97750',
  '97150',
  '97161',
  '97162',
  '97163',
  '97164',
  '97165',
  '97166',
  '97167',
  '97168',
];

const MEDICARE_THRESHOLDS: ProfileThresholds = {
  // BPM Ch. 15 §220.3.D: every 10 treatment days; no 30-day clock for Part B (APTA [S3]).
  progressEveryTreatmentDays: 10,
  progressEveryCalendarDays: null,
  // BPM Ch. 15 §220.1.3: certify within 30 days, verbal cert signed within 14, recert at least every 90.
  certificationDays: 30,
  verbalCertSignDays: 14,
  recertDays: 90,
  timeRule: 'cpt-midpoint',
  timedUnitMethod: 'cms',
  // 97546 MUE 2 (CMS practitioner file via [S13]); 97545 MUE 1 is UNVERIFIED (best value).
  mue: { '97545': 1, '97546': 2 },
  // CY2024 $2,330 [S17]; CY2025 $2,410 [S10]; CY2026 $2,480 UNVERIFIED (secondary only [S18]).
  kxThresholds: { '2024': 2330, '2025': 2410, '2026': 2480 },
  targetedReviewThreshold: 3000,
  therapyModifiersRequired: true,
  programModifiersRequired: false,
  programLimits: null,
  // DOC-COMMUNICATION default cadence 14 days, UNVERIFIED.
  communicationEveryDays: 14,
  dischargeInactivityDays: 30,
  // Re-entry after > 60 days needs a new evaluation: UNVERIFIED heuristic (DOC-EVAL-PRESENT).
  reentryGapDays: 60,
  ncciComponentCodes: NCCI_COMPONENTS,
  ncciBypassModifiers: ['59', 'XE', 'XP', 'XS', 'XU'],
  ncciPtpEdits: true,
};

const WC_THRESHOLDS: ProfileThresholds = {
  ...MEDICARE_THRESHOLDS,
  // WC progress cadence default 10 visits or 14 days, UNVERIFIED (DOC-PROGRESS-10).
  progressEveryTreatmentDays: 10,
  progressEveryCalendarDays: 14,
  therapyModifiersRequired: false,
  programModifiersRequired: false,
  // ODG work conditioning: 10 visits over 4 weeks, up to 30 hours (partially verified [S16]).
  programLimits: { visits: 10, weeks: 4, hours: 30 },
  // NCCI PTP edits apply to WC only where the state fee schedule adopts them (section 4).
  ncciPtpEdits: false,
};

const COMMON_UNVERIFIED = [
  'Application of the CPT midpoint rule to 97545 (61+ min) is an inference',
  'NCCI column-2 codes for 97545/97546 and their modifier indicators',
  '97545 MUE 1',
];

export const MEDICARE: BuiltInProfile = {
  name: 'medicare',
  label: 'Medicare Part B',
  payerKind: 'medicare',
  state: null,
  rules: rules({
    // Medicare needs no separate order when the plan is certified: info, unless used for the 2025
    // order+transmission alternative to certification (rules.md DOC-ORDER-REFERRAL).
    'DOC-ORDER-REFERRAL': on('info'),
    'DOC-PROGRESS-10': on('error'),
    'DOC-FCE-JOBDESC': on('info'),
    'DOC-COMMUNICATION': on('info'),
    // BILL-WC-TIME-UNITS is scoped "ALL where 97545 billed", so it stays on for Medicare too.
    'BILL-TIMED-CODE-UNITS': on('error'),
    'BILL-MUE': on('error'),
    // Original Medicare has no prior authorization for outpatient therapy; no fixed program limit.
    'AUTH-PRESENT': off,
    'AUTH-WITHIN-LIMITS': off,
    'PROG-DURATION': off,
  }),
  thresholds: MEDICARE_THRESHOLDS,
  unverified: [
    ...COMMON_UNVERIFIED,
    'CY2026 KX threshold $2,480',
    'DOC-COMMUNICATION cadence 14 days',
  ],
};

const WC_RULES: Record<string, RuleSetting> = {
  'DOC-ORDER-REFERRAL': on('error'),
  // Physician prescription + authorization usually replace Medicare certification in WC.
  'DOC-POC-CERT': on('info'),
  'DOC-PROGRESS-10': on('warning'),
  'DOC-FCE-JOBDESC': on('error'),
  'DOC-COMMUNICATION': on('warning'),
  // State fee schedules vary; the catalog's default is the CMS method at warning.
  'BILL-TIMED-CODE-UNITS': on('warning'),
  // Medicare-only edits apply to WC only where the state fee schedule adopts them (section 4).
  'BILL-MUE': off,
  // Without NCCI the rule still checks double billing (component minutes inside the program
  // session), which rules.md BILL-NCCI-UNBUNDLING makes an error regardless of payer.
  'BILL-NCCI-UNBUNDLING': on('error'),
  'BILL-THERAPY-MODIFIER': off,
  'BILL-MEDICARE-COVERAGE': off,
  'BILL-KX-THRESHOLD': off,
};

export const WORKERS_COMP: BuiltInProfile = {
  name: 'workers-comp',
  label: "Workers' compensation (generic)",
  payerKind: 'workers-comp',
  state: null,
  rules: rules(WC_RULES),
  thresholds: WC_THRESHOLDS,
  unverified: [
    ...COMMON_UNVERIFIED,
    'WC progress cadence 10 visits / 14 days',
    'ODG program limits 10 visits / 4 weeks / 30 hours (partially verified)',
    'DOC-COMMUNICATION cadence 14 days',
  ],
};

export const TEXAS_WC: BuiltInProfile = {
  name: 'texas-wc',
  label: 'Texas WC (DWC)',
  payerKind: 'workers-comp',
  state: 'TX',
  rules: rules({
    ...WC_RULES,
    // Texas DWC generally applies Medicare payment policies incl. NCCI/MUE; UNVERIFIED for
    // §134.230 programs, so these findings stay warnings.
    'BILL-MUE': on('warning'),
    'BILL-NCCI-UNBUNDLING': on('warning'),
    // §134.230: WC/WH program modifier (plus CA for CARF programs) is required [S14].
    'BILL-THERAPY-MODIFIER': on('error'),
  }),
  thresholds: {
    ...WC_THRESHOLDS,
    // §134.230(2)(A): first two hours of each session = one 97545; partial hours UNVERIFIED.
    timeRule: 'texas-dwc',
    programModifiersRequired: true,
    ncciPtpEdits: true,
  },
  unverified: [
    ...WORKERS_COMP.unverified,
    'Texas partial-hour handling (CPT midpoint rule assumed)',
    'Texas work hardening modifier "WH"',
    'NCCI/MUE adoption for §134.230 programs',
  ],
};

export const CALIFORNIA_WC: BuiltInProfile = {
  name: 'california-wc',
  label: 'California WC (DWC)',
  payerKind: 'workers-comp',
  state: 'CA',
  rules: rules(WC_RULES),
  thresholds: {
    ...WC_THRESHOLDS,
    // LC §4604.5: 24 PT/OT visits per injury [S23] (whether program visits count is UNVERIFIED);
    // MTUS: programs within 4 weeks (UNVERIFIED); no hour limit known (0 = not limited).
    programLimits: { visits: 24, weeks: 4, hours: 0 },
  },
  unverified: [
    ...COMMON_UNVERIFIED,
    'Whether work conditioning visits count toward the CA 24-visit cap',
    'MTUS 4-week program limit',
    'California OMFS ground rules for 97545/97546',
    'WC progress cadence 10 visits / 14 days',
  ],
};

export const COMMERCIAL: BuiltInProfile = {
  name: 'commercial',
  label: 'Commercial',
  payerKind: 'commercial',
  state: null,
  rules: rules({
    'DOC-ORDER-REFERRAL': on('warning'),
    'DOC-POC-CERT': on('info'),
    'DOC-PROGRESS-10': on('warning'),
    'DOC-FCE-JOBDESC': on('warning'),
    'DOC-COMMUNICATION': on('info'),
    // Most commercial claim editors apply NCCI PTP edits (section 4); MUE/KX/modifiers are Medicare's.
    'BILL-MUE': off,
    'BILL-THERAPY-MODIFIER': off,
    'BILL-MEDICARE-COVERAGE': off,
    'BILL-KX-THRESHOLD': off,
    'PROG-DURATION': on('warning'),
  }),
  thresholds: {
    ...WC_THRESHOLDS,
    progressEveryCalendarDays: null,
    // Many commercial payers follow CMS; set 'cpt' for payers that count each code on its own.
    timedUnitMethod: 'cms',
    ncciPtpEdits: true,
    // Generic payer default 4-8 weeks (seed 003, non-authoritative): 8 weeks, visits/hours not limited.
    programLimits: { visits: 0, weeks: 8, hours: 0 },
  },
  unverified: [...COMMON_UNVERIFIED, 'Generic program length 8 weeks (seed 003)'],
};

export const BUILT_IN_PROFILES: readonly BuiltInProfile[] = [
  MEDICARE,
  WORKERS_COMP,
  TEXAS_WC,
  CALIFORNIA_WC,
  COMMERCIAL,
];
