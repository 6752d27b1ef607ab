/**
 * What kind of payer a source means, as data: the 835 claim filing indicator (CLP06), the words
 * of a ledger's financial class or a FHIR Coverage.type, and payer names (carriers and
 * administrators that are mostly workers' compensation, Medicare contractors, health plans).
 * rules.md section 4 ("Choosing the profile") orders these signals; episodes/payers.ts weighs them.
 */
import type { PayerKind } from '../../../shared/model';

/** A kind a signal can name ('unknown' is what the decision says when they disagree or are absent). */
export type KnownPayerKind = Exclude<PayerKind, 'unknown'>;

/**
 * CLP06 / SBR09 claim filing indicator codes (X12 5010; SECONDARY: open-source X12 parsers' code
 * lists, the X12 list itself is licensed). Medicare Advantage (16) is run by commercial plans
 * under their own rules, so it reads as commercial. Codes that say nothing of the kind (ZZ
 * mutually defined, 11 other non-federal programs, 10 central certification) are absent.
 */
export const FILING_INDICATORS: Readonly<
  Record<string, { kind: KnownPayerKind; meaning: string }>
> = {
  WC: { kind: 'workers-comp', meaning: "workers' compensation" },
  MB: { kind: 'medicare', meaning: 'Medicare Part B' },
  MA: { kind: 'medicare', meaning: 'Medicare Part A' },
  '16': { kind: 'commercial', meaning: 'Medicare Advantage (HMO), commercial rules' },
  MC: { kind: 'other', meaning: 'Medicaid' },
  CI: { kind: 'commercial', meaning: 'commercial insurance' },
  BL: { kind: 'commercial', meaning: 'Blue Cross/Blue Shield' },
  HM: { kind: 'commercial', meaning: 'HMO' },
  '12': { kind: 'commercial', meaning: 'PPO' },
  '13': { kind: 'commercial', meaning: 'POS' },
  '14': { kind: 'commercial', meaning: 'EPO' },
  '15': { kind: 'commercial', meaning: 'indemnity insurance' },
  '17': { kind: 'commercial', meaning: 'dental maintenance organization' },
  FI: { kind: 'commercial', meaning: 'Federal Employees Program' },
  CH: { kind: 'other', meaning: 'TRICARE (CHAMPUS)' },
  VA: { kind: 'other', meaning: 'Veterans Affairs plan' },
  OF: { kind: 'other', meaning: 'other federal program' },
  TV: { kind: 'other', meaning: 'Title V' },
  AM: { kind: 'other', meaning: 'automobile medical' },
  LM: { kind: 'other', meaning: 'liability medical' },
  LI: { kind: 'other', meaning: 'liability' },
  DS: { kind: 'other', meaning: 'disability' },
  '09': { kind: 'other', meaning: 'self-pay' },
};

interface KindWords {
  kind: KnownPayerKind;
  /** What the words say, for the review's basis ("a Medicare contractor"). */
  says: string;
  re: RegExp;
  /** Two-letter state of a WC jurisdiction the words name (a state fund, "Texas Mutual"). */
  state?: string;
}

/**
 * A payer class as billing systems and FHIR write it ("Workers Comp", "WORK COMP", "Commercial",
 * "PPO", "Medicare Part B", "WCBPOL", "SOPT 121"), in order: the first match decides. Medicare
 * Advantage and Medicaid come before the bare "Medicare" and "care" words they contain.
 * SOPT: PHDSC Source of Payment Typology (1 Medicare, 11x Medicare managed care, 2 Medicaid,
 * 3 other government, 5-7 private and managed care, 8 no payment, 95 workers' comp, 96 auto).
 */
export const PAYER_CLASS_WORDS: readonly KindWords[] = [
  {
    kind: 'commercial',
    says: 'Medicare Advantage (commercial rules)',
    re: /medicare\s*(?:advantage|replacement|managed|hmo|ppo)|\bSOPT 11\d*\b|\bMAPD\b/i,
  },
  {
    kind: 'other',
    says: 'Medicaid',
    re: /medicaid|medi-?cal\b|\bMCD\b|\bSOPT 2\d*\b/i,
  },
  { kind: 'medicare', says: 'Medicare', re: /medicare|\bMCR\b|\bpart\s*b\b|\bSOPT 1\d*\b/i },
  {
    kind: 'workers-comp',
    says: "workers' compensation",
    re: /work(?:er|man|men)?s?['’]?\s*comp|\bW\/?C\b|\bWCBPOL\b|industrial|occupational|\bSOPT 95\d*\b/i,
  },
  {
    kind: 'other',
    says: 'another government program, auto, liability or self-pay',
    re: /tricare|champus|champva|\bVA\b|veteran|\bauto|\bPIP\b|no[- ]?fault|liability|\bLOP\b|letter of protection|self[- ]?pay|\bcash\b|private pay|\bSOPT [389]\d*\b|\bAUTOPOL\b|\bPUBLICPOL\b/i,
  },
  {
    kind: 'commercial',
    says: 'commercial',
    re: /commercial|private|group|\bPPO\b|\bHMO\b|\bEPO\b|\bPOS\b|managed care|\bBCBS\b|blue cross|blue shield|indemnity|\bSOPT [567]\d*\b|\bEHCPOL\b|\bMCPOL\b|\bHIP\b/i,
  },
];

const WC_CARRIER = "a workers' comp carrier";
const WC_ADMINISTRATOR = "a workers' comp claims administrator";
const MAC = 'a Medicare administrative contractor';

/**
 * Payer names, in order (the first match decides). Words that name the coverage come first
 * ("Travelers Auto" is auto cover, "Aetna Medicare Advantage" a commercial plan), then carriers
 * and administrators that are mostly workers' compensation (rules.md section 4, from NAIC-derived
 * market-share lists), state funds with their state, Medicare contractors and health plans.
 * A name alone is the weakest signal: administrators also handle liability, and Liberty Mutual,
 * Travelers and The Hartford also sell auto and health cover.
 */
export const PAYER_NAME_WORDS: readonly KindWords[] = [
  ...PAYER_CLASS_WORDS.slice(0, 2),
  {
    kind: 'other',
    says: 'auto, liability or self-pay cover',
    re: /\bauto(?:mobile)?\b|\bPIP\b|no[- ]?fault|liability|letter of protection|\bLOP\b|self[- ]?pay|\bcash\b|tricare|champva|veterans/i,
  },
  {
    kind: 'workers-comp',
    says: "workers' compensation",
    re: /work(?:er|man|men)?s?['’]?\s*comp|\bW\/C\b|\bWC\b|labor\s*(?:&|and)\s*industries|\bL&I\b|industrial (?:commission|insurance)/i,
  },
  // State funds and carriers of one state: the jurisdiction comes with the name.
  { kind: 'workers-comp', says: WC_CARRIER, state: 'TX', re: /\btexas mutual\b/i },
  {
    kind: 'workers-comp',
    says: "Montana's state fund",
    state: 'MT',
    re: /\bmontana state fund\b/i,
  },
  {
    kind: 'workers-comp',
    says: "California's State Compensation Insurance Fund",
    state: 'CA',
    re: /\bstate compensation insurance fund\b|\bSCIF\b|\bstate fund\b/i,
  },
  {
    kind: 'workers-comp',
    says: 'the New York State Insurance Fund',
    state: 'NY',
    re: /\bNYSIF\b|new york state insurance fund/i,
  },
  {
    kind: 'workers-comp',
    says: "Ohio's Bureau of Workers' Compensation",
    state: 'OH',
    re: /\bBWC\b|bureau of workers/i,
  },
  { kind: 'workers-comp', says: "Oregon's state fund", state: 'OR', re: /\bSAIF\b/i },
  // The federal employees' program (FECA), run by the Department of Labor's OWCP / DFEC.
  {
    kind: 'workers-comp',
    says: "the federal employees' compensation program",
    re: /\bOWCP\b|\bDFEC\b|\bFECA\b/,
  },
  { kind: 'workers-comp', says: "Colorado's state fund", state: 'CO', re: /\bpinnacol\b/i },
  {
    kind: 'workers-comp',
    says: "Louisiana's state fund",
    state: 'LA',
    re: /\bLWCC\b|louisiana workers/i,
  },
  { kind: 'workers-comp', says: "Kentucky's state fund", state: 'KY', re: /\bKEMI\b/i },
  { kind: 'workers-comp', says: "Oklahoma's state fund", state: 'OK', re: /\bcompsource\b/i },
  { kind: 'workers-comp', says: "Arizona's state fund", state: 'AZ', re: /\bcopperpoint\b/i },
  {
    kind: 'workers-comp',
    says: WC_CARRIER,
    re: /\btravelers\b|\bhartford\b|liberty mutual|\bzurich\b|\bamtrust\b|\bguard insurance|berkshire hathaway (?:guard|homestate)|accident fund|\bemployers (?:insurance|compensation|holdings|preferred|assurance)|^\s*employers\b|\bICW\b|\bzenith\b|republic indemnity|\bMEMIC\b|missouri employers mutual|\bAF group\b|\bBITCO\b/i,
  },
  {
    kind: 'workers-comp',
    says: WC_ADMINISTRATOR,
    re: /\bsedgwick\b|gallagher bassett|\bcrawford\b|\bcorvel\b|\bESIS\b|\bhelmsman\b|\bCCMSI\b|\bbroadspire\b|\btristar\b|\byork risk\b/i,
  },
  {
    kind: 'medicare',
    says: MAC,
    re: /\bnovitas\b|palmetto gba|\bnoridian\b|national government services|wisconsin physicians service|\bCGS administrators\b|first coast service/i,
  },
  // Acronyms and MAC jurisdictions ("JL", "J-H", "J8") only in capitals: "wps" or "jl" is no contractor.
  { kind: 'medicare', says: MAC, re: /\b(?:NGS|WPS|CGS)\b|\bJ-?(?:[EFHJKLMN]|5|6|8|15)\b/ },
  { kind: 'medicare', says: 'Medicare', re: /\bmedicare\b|\bMCR\b|\bpart\s+b\b/i },
  {
    kind: 'commercial',
    says: 'a health plan',
    re: /\baetna\b|\bcigna\b|united\s*health|\bUHC\b|\bBCBS\b|blue cross|blue shield|\banthem\b|\bhumana\b|\bkaiser\b|\bhighmark\b|\bwellmark\b|\bpremera\b|\bregence\b|\bcarefirst\b|\bhealth (?:plan|net|partners|alliance)\b|\b(?:PPO|HMO|EPO)\b/i,
  },
];

/** The kind and state the words of `text` say (first match in `words`), or null. */
export function kindFromWords(
  text: string,
  words: readonly KindWords[],
): { kind: KnownPayerKind; says: string; state: string | null } | null {
  for (const w of words)
    if (w.re.test(text)) return { kind: w.kind, says: w.says, state: w.state ?? null };
  return null;
}

/** US states and DC by postal code, and their names (for "Texas Department of Insurance" and addresses). */
export const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};

/** Full state names in a payer name ("Texas Mutual", "California State Fund"), longest first. */
const STATE_NAME_RE = new RegExp(
  `\\b(${Object.values(US_STATES)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'i',
);
const CODE_BY_NAME = new Map(Object.entries(US_STATES).map(([c, n]) => [n.toLowerCase(), c]));

/** The state a payer name spells out ("Texas Mutual" -> TX), or null. Postal codes are not read. */
export function stateNamedIn(text: string): string | null {
  const m = STATE_NAME_RE.exec(text);
  return m ? (CODE_BY_NAME.get(m[1]!.toLowerCase()) ?? null) : null;
}

/** Texas work program modifiers (28 TAC §134.230): WC work conditioning, WH work hardening, CA CARF. */
export const TEXAS_PROGRAM_MODIFIERS: ReadonlySet<string> = new Set(['WC', 'WH', 'CA']);

/** Medicare therapy modifiers and KX (over the therapy threshold): a Medicare Part B claim's marks. */
export const THERAPY_MODIFIERS: ReadonlySet<string> = new Set(['GP', 'GO', 'GN']);
