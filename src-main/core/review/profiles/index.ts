/**
 * Payer profiles: built-in data (./builtin.ts) and user JSON files, validated with zod at the
 * boundary so a bad file fails with its name and the field path.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { PayerKind } from '../../../../shared/model';
import type { PayerProfile } from '../types';
import {
  BUILT_IN_PROFILES,
  CALIFORNIA_WC,
  COMMERCIAL,
  MEDICARE,
  TEXAS_WC,
  WORKERS_COMP,
} from './builtin';

export { CATALOG_RULE_IDS } from './rule-ids';
export type { BuiltInProfile } from './builtin';

const severity = z.enum(['error', 'warning', 'info']);
const count = z.number().int().nonnegative();

export const ruleSettingSchema = z.strictObject({
  applies: z.boolean(),
  severity: severity.optional(),
});

export const thresholdsSchema = z.strictObject({
  progressEveryTreatmentDays: count,
  progressEveryCalendarDays: count.nullable(),
  certificationDays: count,
  verbalCertSignDays: count,
  recertDays: count,
  timeRule: z.enum(['cpt-midpoint', 'texas-dwc']),
  timedUnitMethod: z.enum(['cms', 'cpt']),
  mue: z.record(z.string(), count),
  kxThresholds: z.record(
    z.string().regex(/^\d{4}$/, 'expected a 4-digit year'),
    z.number().nonnegative(),
  ),
  targetedReviewThreshold: z.number().nonnegative(),
  therapyModifiersRequired: z.boolean(),
  programModifiersRequired: z.boolean(),
  /** 0 in one dimension = that dimension is not limited. */
  programLimits: z.strictObject({ visits: count, weeks: count, hours: count }).nullable(),
  communicationEveryDays: count,
  dischargeInactivityDays: count,
  reentryGapDays: count,
  ncciComponentCodes: z.array(z.string()),
  ncciBypassModifiers: z.array(z.string()),
  ncciPtpEdits: z.boolean(),
});

export const payerProfileSchema = z.strictObject({
  name: z.string().min(1),
  label: z.string().min(1),
  payerKind: z.enum(['medicare', 'workers-comp', 'commercial', 'other']),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected a two-letter state')
    .nullable(),
  rules: z.record(z.string(), ruleSettingSchema),
  thresholds: thresholdsSchema,
  /** Catalog values this profile relies on that are UNVERIFIED (documentation only). */
  unverified: z.array(z.string()).optional(),
});

/**
 * A user file may start from a built-in profile: `{ "extends": "texas-wc", "thresholds": {...} }`
 * replaces only the fields it names (rules and thresholds merge one level deep).
 */
const profileFileSchema = z.looseObject({ extends: z.string().optional() });

function clone<T>(v: T): T {
  return structuredClone(v);
}

export function builtInProfiles(): PayerProfile[] {
  return BUILT_IN_PROFILES.map(clone);
}

function builtIn(name: string): PayerProfile | undefined {
  const p = BUILT_IN_PROFILES.find((x) => x.name === name);
  return p ? clone(p) : undefined;
}

/** A built-in profile by name (a copy), or undefined. */
export const builtInProfile = builtIn;

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '(root)';
  let msg = issue.message;
  if (issue.code === 'invalid_type') {
    const article = /^[aeiou]/.test(issue.expected) ? 'an' : 'a';
    msg = `expected ${article} ${issue.expected}`;
  } else if (issue.code === 'unrecognized_keys') {
    msg = `unknown field ${issue.keys.join(', ')}`;
  }
  return `${path}: ${msg}`;
}

/** Validates a profile object; throws an Error naming `label` and the first bad field path. */
export function parsePayerProfile(data: unknown, label: string): PayerProfile {
  let input = data;
  const head = profileFileSchema.safeParse(data);
  if (head.success && head.data.extends !== undefined) {
    const base = builtIn(head.data.extends);
    if (!base)
      throw new Error(`${label}: extends: unknown built-in profile "${head.data.extends}"`);
    const { extends: _ext, ...rest } = head.data as Record<string, unknown>;
    const restRules = (rest.rules ?? {}) as Record<string, unknown>;
    const restThresholds = (rest.thresholds ?? {}) as Record<string, unknown>;
    input = {
      ...base,
      ...rest,
      rules: { ...base.rules, ...restRules },
      thresholds: { ...base.thresholds, ...restThresholds },
    };
  }
  const parsed = payerProfileSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new Error(`${label}: ${describeIssue(issues[0]!)}${more}`);
  }
  const { unverified: _u, ...profile } = parsed.data;
  return profile;
}

/** A built-in profile by name (`medicare`, `workers-comp`, `texas-wc`, `california-wc`, `commercial`) or a JSON file path. */
export function loadPayerProfile(nameOrPath: string): PayerProfile {
  const named = builtIn(nameOrPath);
  if (named) return named;
  const label = basename(nameOrPath);
  let text: string;
  try {
    text = readFileSync(nameOrPath, 'utf8');
  } catch (err) {
    const known = BUILT_IN_PROFILES.map((p) => p.name).join(', ');
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? `${nameOrPath}: not a built-in profile (${known}) and no such file`
        : `${nameOrPath}: cannot read (${code ?? 'error'})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`${label}: not valid JSON (${(err as Error).message})`);
  }
  return parsePayerProfile(data, label);
}

/** The built-in profile for an episode's payer: WC by state, commercial/other to commercial. */
export function profileForPayer(kind: PayerKind, state: string | null): PayerProfile {
  switch (kind) {
    case 'medicare':
      return clone(MEDICARE);
    case 'workers-comp': {
      const st = state?.toUpperCase();
      if (st === 'TX') return clone(TEXAS_WC);
      if (st === 'CA') return clone(CALIFORNIA_WC);
      return clone(WORKERS_COMP);
    }
    default:
      return clone(COMMERCIAL);
  }
}
