/**
 * How a chart shows the kind of coverage behind it, in the words clinics and payers print:
 * workers' compensation (an injured worker or claimant, an adjuster, an employer, a claim number
 * with a date of injury, utilization review, a state's workers' comp forms and rules) and
 * Medicare (Medicare, Part B, a Medicare contractor, a beneficiary identifier). rules.md section 4.
 */

export interface CoverageWords {
  kind: 'workers-comp' | 'medicare';
  /** The sign, as the review's basis names it ("adjuster", "Medicare contractor"). */
  sign: string;
  re: RegExp;
  /** The WC jurisdiction the words belong to (a state agency, its forms or rules). */
  state?: string;
}

/** Signs one line shows on its own. A negated mention ("not a workers' comp claim") is not one. */
export const COVERAGE_WORDS: readonly CoverageWords[] = [
  // State agencies, forms and rules: the jurisdiction comes with them.
  {
    kind: 'workers-comp',
    sign: "Texas Division of Workers' Compensation",
    state: 'TX',
    re: /Texas Department of Insurance|\bTDI[-\s/]*DWC\b|\bTexas (?:Labor Code|Workers'?\s*Comp)|\bDWC[-\s]*(?:Form[-\s]*)?0?(?:73|53|69)\b|\b28 TAC\b|\bTexas Administrative Code\b/i,
  },
  {
    kind: 'workers-comp',
    sign: "California workers' comp (DWC forms, MTUS, PR-2)",
    state: 'CA',
    re: /\bMTUS\b|\bPR-?[24]\b|\bDWC[-\s]*(?:Form[-\s]*)?RFA\b|\bCalifornia (?:Labor Code|Division of Workers'?\s*Comp\w*|Workers'?\s*Comp\w*)|\b8 CCR\b|\bQME\b|\bEAMS\b|\bADJ\d{6,8}\b|Labor Code (?:§|section|sec\.?)\s*46\d\d/i,
  },
  {
    kind: 'workers-comp',
    sign: "New York workers' comp",
    state: 'NY',
    re: /New York State Workers'?\s*Compensation Board|\bNYS WCB\b|\bWCB (?:case|claim)\s*(?:#|no)/i,
  },
  {
    kind: 'workers-comp',
    sign: "workers' compensation named",
    re: /\bwork(?:er|man|men)?s?['’]?\s*comp(?:ensation)?\b|\bW\/C (?:claim|case|carrier|adjuster|insurance)\b|\bWC (?:claim|case|carrier|adjuster|insurance)\b|Division of Workers'?\s*Comp/i,
  },
  {
    kind: 'workers-comp',
    sign: 'injured worker or claimant',
    re: /\binjured (?:worker|employee)\b|\bclaimant\b/i,
  },
  {
    kind: 'workers-comp',
    sign: 'adjuster',
    re: /\b(?:claims?\s+|WC\s+|insurance\s+)?adjust[eo]rs?\b/i,
  },
  {
    kind: 'workers-comp',
    sign: 'utilization review',
    re: /\butilization review\b|\bUR (?:determination|decision|approval|denial|certification|letter|nurse|physician|reviewer|agent|number|#)|\bnotice of (?:certification|modification|non-?certification|preauthorization)\b|\bindependent (?:review organization|medical review)\b/i,
  },
  {
    kind: 'workers-comp',
    sign: 'work duty status',
    re: /\b(?:return(?:ed)?|released?) to (?:full|regular|modified|light|restricted|transitional) duty\b|\bwork status:\s*(?:full|regular|modified|light|restricted|off)\b/i,
  },
  {
    kind: 'medicare',
    sign: 'Medicare contractor',
    re: /\bnovitas\b|palmetto gba|\bnoridian\b|national government services|wisconsin physicians service|\bCGS administrators\b|first coast service options/i,
  },
  {
    kind: 'medicare',
    sign: 'Medicare',
    re: /\bmedicare\b(?!\s*(?:advantage|set[- ]aside|replacement|supplement|secondary payer))|\bpart b\b(?!\s*[-–—:])/i,
  },
];

/** A mention in a negation ("not a workers' comp claim", "non-Medicare", "no adjuster"). */
export const NEGATED_BEFORE = /\b(?:not|non|no|never|denies|without)\b[\s-]*(?:an?\s+|the\s+)?$/i;

/** An employer named in a field ("Employer: Acme Foods"), not a retiree's or an empty one. */
export const EMPLOYER_FIELD = /\bEmployer(?:\s+Name)?\s*[:#]\s*(?=\S)/i;
export const NO_EMPLOYER = /^(?:n\/?a\b|none\b|retired\b|unemployed\b|self\b|unknown\b|[—.\-_]|$)/i;

/** A claim number label with a value: "Claim #: 26-118204", "WC Claim No. TXM-55102". */
export const CLAIM_NUMBER =
  /\b(?:WC\s+|carrier\s+|insurance\s+)?claim\s*(?:#|no\.?|number|num)\s*:?\s*[A-Z0-9][A-Z0-9-]{3,}/i;

/** A date of injury label with its value: "DOI: 11/14/2025", "Date of Injury 2025-11-14". */
export const DATE_OF_INJURY =
  /\b(?:DOI|D\.O\.I\.|date of (?:injury|accident)|injury date)\s*[:#]?\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\b(?:DOI|date of injury)\s*:?\s*[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}/i;

/**
 * A Medicare Beneficiary Identifier's shape (CMS: 11 characters, no S, L, O, I, B or Z), on a
 * line that labels an identifier: the shape alone could be any account number.
 */
export const MBI =
  /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}\b/;
export const ID_LABEL = /\b(?:MBI|Medicare|beneficiary|member|subscriber|HICN?|ID)\b/i;

/** A US address's "City, ST 12345" (a letterhead's, read for the clinic's state). */
export const ADDRESS_STATE = /,\s*([A-Z]{2})\s+\d{5}(?:-\d{4})?\b/;

/** Lines from a document's top that count as its letterhead. */
export const LETTERHEAD_LINES = 6;
