/**
 * Deadline windows as data (issue 17; rules.md section 6 for Medicare). Each window says how many
 * days, counted from what, where the value comes from and whether the catalog verified it. The
 * code only adds days; every number and source lives here, and a clinic's own values for a payer
 * (`payer_deadlines`) replace the workers' comp and commercial defaults.
 */
import { z } from 'zod';
import type { PayerKind } from '../../../shared/model';
import { REQUEST_KINDS, type RequestKind } from '../../../shared/deadlines';

export { REQUEST_KINDS, type RequestKind };

const windowSchema = z.object({
  /** What the deadline is for, as a biller says it ("Redetermination request"). */
  label: z.string().min(1),
  days: z.number().int().positive(),
  /**
   * `notice`: from the date on the notice (the 835's payment date, the request letter's date);
   * `receipt`: from receipt of the notice, presumed `receiptDays` after its date.
   */
  from: z.enum(['notice', 'receipt']),
  receiptDays: z.number().int().nonnegative().optional(),
  source: z.string().min(1),
  verified: z.boolean(),
});
export type DeadlineWindow = z.infer<typeof windowSchema>;

const profileSchema = z.object({
  name: z.string().min(1),
  /** The first appeal of an 835 denial; later levels are listed for the biller, not computed. */
  appeal: windowSchema,
  laterLevels: z.array(windowSchema),
  /** Responding to a records request, per kind of request. */
  requests: z.record(z.enum(REQUEST_KINDS), windowSchema),
});
export type DeadlineProfile = z.infer<typeof profileSchema>;

const MEDICARE_ADR = {
  label: 'Records (ADR) response',
  days: 45,
  from: 'notice',
  source:
    'rules.md section 6: ADR response within 45 days of the ADR date (Palmetto GBA [S25]; Noridian [S26])',
  verified: true,
} as const;

/** Shared by the workers' comp and commercial defaults: the catalog gives no value (UNVERIFIED). */
const UNVERIFIED_RECORDS = {
  label: 'Records request response',
  days: 30,
  from: 'notice',
  source:
    "UNVERIFIED default (rules.md gives none; docs/deadlines.md): 30 days from the request's date; set the payer's own",
  verified: false,
} as const;

/** Every kind of records request answered within the same UNVERIFIED default. */
const UNVERIFIED_REQUESTS = {
  adr: UNVERIFIED_RECORDS,
  rac: UNVERIFIED_RECORDS,
  tpe: UNVERIFIED_RECORDS,
  carrier: UNVERIFIED_RECORDS,
};

const PROFILES: Record<string, DeadlineProfile> = {
  medicare: {
    name: 'medicare',
    appeal: {
      label: 'Redetermination request',
      days: 120,
      from: 'receipt',
      receiptDays: 5,
      source:
        'rules.md section 6: 120 days from receipt of the initial determination, receipt presumed 5 days after the notice date (42 CFR 405.942(a)(1); NGS [S31]; Noridian [S24])',
      verified: true,
    },
    laterLevels: [
      {
        label: 'Reconsideration (QIC)',
        days: 180,
        from: 'receipt',
        receiptDays: 5,
        source: 'rules.md section 6: 180 days from receipt of the redetermination (NGS [S31])',
        verified: true,
      },
      {
        label: 'ALJ hearing (OMHA)',
        days: 60,
        from: 'receipt',
        receiptDays: 5,
        source: 'rules.md section 6: 60 days from receipt of the QIC decision (NGS [S31])',
        verified: true,
      },
    ],
    requests: {
      adr: MEDICARE_ADR,
      rac: { ...MEDICARE_ADR, label: 'RAC records (ADR) response' },
      tpe: { ...MEDICARE_ADR, label: 'TPE records (ADR) response' },
      carrier: MEDICARE_ADR,
    },
  },
  'workers-comp': {
    name: 'workers-comp',
    appeal: {
      label: 'Reconsideration request to the carrier',
      days: 60,
      from: 'notice',
      source:
        "UNVERIFIED default (rules.md gives no workers' comp limit; docs/deadlines.md): 60 days from the remit date; set the carrier's own",
      verified: false,
    },
    laterLevels: [],
    requests: UNVERIFIED_REQUESTS,
  },
  'texas-wc': {
    name: 'texas-wc',
    appeal: {
      label: 'Request for reconsideration to the carrier',
      days: 60,
      from: 'notice',
      source:
        "UNVERIFIED default: rules.md section 6 says the Texas timelines (28 TAC Ch. 133) are UNVERIFIED; 60 days from the remit date until the clinic sets the carrier's own",
      verified: false,
    },
    laterLevels: [],
    requests: UNVERIFIED_REQUESTS,
  },
  'california-wc': {
    name: 'california-wc',
    appeal: {
      label: 'Request for Second Bill Review',
      days: 90,
      from: 'notice',
      source:
        'UNVERIFIED: rules.md section 6, Second Bill Review within 90 days of the explanation of review (from memory of LC 4603.2)',
      verified: false,
    },
    laterLevels: [],
    requests: UNVERIFIED_REQUESTS,
  },
  commercial: {
    name: 'commercial',
    appeal: {
      label: 'Provider appeal to the plan',
      days: 60,
      from: 'notice',
      source:
        "UNVERIFIED default (rules.md gives no commercial limit; docs/deadlines.md): 60 days from the remit date; set the plan's own from the provider contract",
      verified: false,
    },
    laterLevels: [],
    requests: UNVERIFIED_REQUESTS,
  },
};

// Checked once at load, as payer profiles are: a bad edit fails every test, not one deadline.
for (const p of Object.values(PROFILES)) profileSchema.parse(p);

/** The deadline profile for a payer: by kind and, for workers' comp, its state. */
export function deadlineProfile(kind: PayerKind, state: string | null): DeadlineProfile {
  if (kind === 'medicare') return PROFILES.medicare!;
  if (kind === 'workers-comp') {
    if (state === 'TX') return PROFILES['texas-wc']!;
    if (state === 'CA') return PROFILES['california-wc']!;
    return PROFILES['workers-comp']!;
  }
  // Unknown and other payers get the commercial windows, as their reviews get its rules.
  return PROFILES.commercial!;
}

export function deadlineProfileNames(): string[] {
  return Object.keys(PROFILES);
}
