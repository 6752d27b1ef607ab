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
    // A release or a recommended return to duty; a patient who "returned to full duty" says how
    // recovery went, as any employed patient's note may (a modified duty is an injured worker's).
    re: /\b(?:return|released?) to (?:full|regular|modified|light|restricted|transitional) duty\b|\breturned to (?:modified|light|restricted|transitional) duty\b|\bwork status:\s*(?:full|regular|modified|light|restricted|off)\b/i,
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

/**
 * A US address's "City, ST 12345" (a letterhead's, read for the clinic's state), or after a
 * street and its comma with no comma before the state ("2150 W College Ave, Appleton WI 54914").
 */
export const ADDRESS_STATE =
  /,\s*([A-Z]{2})\s+\d{5}(?:-\d{4})?\b|\b\d{1,6}\s+[A-Z0-9][^,]{2,40},\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+([A-Z]{2})\s+\d{5}(?:-\d{4})?\b/;

/** Lines from a document's top that count as its letterhead. */
export const LETTERHEAD_LINES = 6;

/**
 * The Medicare therapy threshold already used this year, as clinics copy it from the eligibility
 * response (HETS 270/271, a MAC portal) into an evaluation or intake: "Therapy cap used: PT/SLP
 * $1,200.00", "OT amount applied YTD $412.50", "KX threshold accumulator (HETS): PT/ST $2,010".
 * A statement opens on a line naming the threshold, the eligibility check, or an amount used or
 * applied year to date.
 */
export const THRESHOLD_STATEMENT =
  /\btherapy\s+(?:cap|threshold|limit)s?\b|\b(?:used|applied|accum\w*)\s+(?:to|toward|towards)\s+(?:the\s+)?(?:(?:CY\s*)?20\d\d\s+)?(?:therapy\s+)?(?:cap|threshold|limit)\b|\bKX\s+(?:threshold|limit|amount)|\b(?:cap|threshold)\s+(?:amounts?\s+)?(?:used|applied|met|accum\w*|YTD)\b|\bHETS\b|\b270\s*\/\s*271\b|\beligibility\s+(?:benefits?\s+)?(?:check|response|inquiry|verification)\b|\b(?:used|applied|accum\w*|accrued|incurred)\b[^.;]{0,30}\b(?:year[- ]to[- ]date|YTD)\b|\b(?:year[- ]to[- ]date|YTD)\b[^.;]{0,30}\b(?:used|applied|amounts?|accum\w*|accrued|incurred|totals?)\b/i;

/** Words that say an amount counts toward the threshold (an amount beside the words alone does not). */
export const THRESHOLD_USED =
  /\b(?:used|applied|met|accum\w*|accrued|incurred|spent|toward|towards|YTD|year[- ]to[- ]date)\b/i;

/** What is left of the threshold, or the threshold itself: not an amount already applied. */
export const THRESHOLD_NOT_USED =
  /\b(?:remain\w*|left|available|balance|to go|until|before KX)\b|\b(?:threshold|cap|limit)\s*(?:is|of|=|:)?\s*$/i;

/**
 * The threshold's two buckets: physical therapy and speech-language pathology share one amount, so
 * either discipline named alone means that bucket; occupational therapy has its own. Abbreviations
 * are read in capitals only ("Pt" is the patient).
 */
export const THRESHOLD_BUCKET_ABBREV =
  /\b(?:PT\s*(?:\/|&|\+|and)\s*(?:SLP|ST|SP|Speech)|PT|SLP|ST|OT)\b/g;
export const THRESHOLD_BUCKET_WORDS =
  /\b(?:physical\s+therapy(?:\s*(?:\/|&|and)\s*speech(?:[- ]language)?(?:\s+(?:pathology|therapy))?)?|speech(?:[- ]language)?\s+(?:pathology|therapy)|occupational\s+therapy)\b/gi;

/** An amount of money: with a dollar sign, or with cents (so "270/271" and dates are not). */
export const MONEY =
  /\$\s?\d{1,3}(?:,\d{3})*(?:\.\d{2})?(?!\d)|\$\s?\d+(?:\.\d{2})?(?!\d)|\b\d{1,3}(?:,\d{3})*\.\d{2}\b|\b\d+\.\d{2}\b/g;

/**
 * The date a statement is as of: a date right after "checked", "verified", "as of", "run on", or an
 * inquiry's "date/time:".
 */
export const AS_OF_BEFORE =
  /\b(?:checked|verified|as of|run|ran|queried|obtained|received|response|dated?|on|date\s*\/\s*time)\b\W{0,3}$/i;

/** A field label naming the threshold itself ("KX threshold 2026 ....", "Therapy cap:"). */
export const THRESHOLD_FIGURE = /\b(?:threshold|cap|limit)\b/i;

/** The calendar year a statement names: "CY2026", "calendar year 2026", "the 2026 threshold". */
export const THRESHOLD_YEAR =
  /\b(?:CY|calendar\s+year|year)\s*(20\d\d)\b|\b(20\d\d)\s+(?:therapy\s+)?(?:threshold|cap|limit|KX)\b|\b(?:in|for)\s+(20\d\d)\b/i;
