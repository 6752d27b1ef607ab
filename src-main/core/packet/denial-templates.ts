/**
 * Denial reason -> appeal argument map, as data (rules.md section 5). CARC meanings are
 * paraphrases of the X12 list (only 4, 15 and 197 were checked against a published copy [S37]);
 * the letter says so. Adding a CARC means adding a row here, not code.
 */
import type { DocType } from '../../../shared/model';

/** Argument paragraphs the composer knows how to write from the record's facts. */
export type ArgumentKey =
  | 'physician-order'
  | 'authorization'
  | 'job-demands'
  | 'evaluation-goals'
  | 'measured-progress'
  | 'daily-notes'
  | 'time-units'
  | 'add-on-pairing'
  | 'discharge-outcome'
  | 'visit-count';

export interface DenialTemplate {
  carcs: string[];
  /** Plain-words meaning (paraphrase). */
  meaning: string;
  /** Short name of the issue, used in the letter's subject line. */
  issue: string;
  /** Opening sentence stating the disagreement. */
  disagreement: string;
  /** Argument paragraphs, in the order the letter presents them. */
  arguments: ArgumentKey[];
  /** Document types the argument relies on; a missing one is listed as a gap. */
  needs: DocType[];
  /** Review rules whose failure weakens this appeal (rules.md section 5, "Rules to pre-check"). */
  preCheck: string[];
  /** Advice on the usual remedy when an appeal is not the best route. */
  remedyNote?: string;
}

const MEDICAL_NECESSITY: DenialTemplate = {
  carcs: ['50'],
  meaning: 'The payer considers the services not medically necessary.',
  issue: 'medical necessity',
  disagreement:
    "We disagree with the determination that these services were not medically necessary. The enclosed record documents the need for these services and the patient's measured response to them.",
  arguments: [
    'physician-order',
    'job-demands',
    'evaluation-goals',
    'measured-progress',
    'daily-notes',
    'time-units',
    'discharge-outcome',
  ],
  needs: [
    'physician-order',
    'evaluation',
    'fce',
    'job-description',
    'progress-report',
    'daily-note',
  ],
  preCheck: [
    'DOC-EVAL-ELEMENTS',
    'DOC-POC-GOALS',
    'DOC-FCE-JOBDESC',
    'DOC-PROGRESS-CONTENT',
    'DOC-PROGRESS-10',
  ],
};

const BUNDLING_ARGS: ArgumentKey[] = ['add-on-pairing', 'time-units', 'daily-notes'];
const BUNDLING_CHECKS = ['BILL-NCCI-UNBUNDLING', 'BILL-97546-REQUIRES-97545'];
const AUTH_ARGS: ArgumentKey[] = ['authorization', 'physician-order', 'daily-notes', 'time-units'];
const CORRECTED_CLAIM =
  'A corrected claim is usually the remedy for this denial rather than an appeal; this packet is assembled in case the payer asks for the records.';

export const DENIAL_TEMPLATES: readonly DenialTemplate[] = [
  MEDICAL_NECESSITY,
  {
    carcs: ['97'],
    meaning:
      'The payer considers the service included in the payment for another service already adjudicated.',
    issue: 'bundling',
    disagreement:
      'We disagree with the determination that these services were included in another service. The record shows what was billed on each date and the time documented for it.',
    arguments: BUNDLING_ARGS,
    needs: ['daily-note'],
    preCheck: BUNDLING_CHECKS,
    remedyNote:
      'If 97546 was processed without 97545 on the same date, a corrected claim adding 97545 is usually the remedy.',
  },
  {
    carcs: ['236'],
    meaning:
      'The payer considers this procedure or modifier combination not compatible with another procedure on the same day (NCCI or state rules).',
    issue: 'procedure combination (bundling)',
    disagreement:
      'We disagree with the determination that the services billed together on these dates are incompatible. The record documents each service and its time.',
    arguments: BUNDLING_ARGS,
    needs: ['daily-note'],
    preCheck: BUNDLING_CHECKS,
  },
  {
    carcs: ['197'],
    meaning: 'The payer found no pre-certification or authorization on file for the services.',
    issue: 'authorization',
    disagreement:
      'We disagree with the determination that the services lacked authorization. The enclosed record includes the authorization for these services.',
    arguments: AUTH_ARGS,
    needs: ['authorization'],
    preCheck: ['AUTH-PRESENT', 'AUTH-WITHIN-LIMITS'],
  },
  {
    carcs: ['198'],
    meaning:
      'The payer considers the services beyond the pre-certification or authorization approved.',
    issue: 'authorization exceeded',
    disagreement:
      'We disagree with the determination that the services exceeded the authorization. The enclosed authorization and treatment notes show the services against the approval.',
    arguments: AUTH_ARGS,
    needs: ['authorization'],
    preCheck: ['AUTH-WITHIN-LIMITS', 'PROG-DURATION'],
  },
  {
    carcs: ['15'],
    meaning:
      'The authorization number on the claim is missing, invalid, or does not apply to the billed services.',
    issue: 'authorization number',
    disagreement:
      'The services were authorized; the enclosed authorization shows the approval that applies to them.',
    arguments: AUTH_ARGS,
    needs: ['authorization'],
    preCheck: ['AUTH-PRESENT'],
    remedyNote: CORRECTED_CLAIM,
  },
  {
    carcs: ['62'],
    meaning:
      'The payer found pre-certification absent or exceeded (an older code that may be retired).',
    issue: 'authorization',
    disagreement:
      'We disagree with the determination on authorization. The enclosed authorization and treatment notes show the services against the approval.',
    arguments: AUTH_ARGS,
    needs: ['authorization'],
    preCheck: ['AUTH-PRESENT', 'AUTH-WITHIN-LIMITS'],
  },
  {
    carcs: ['96', '204'],
    meaning: "The payer considers the charges not covered under the patient's benefit plan.",
    issue: 'non-covered service',
    disagreement:
      'We ask the payer to review the coverage determination. The services were ordered, planned and documented as enclosed.',
    arguments: ['physician-order', 'evaluation-goals', 'daily-notes'],
    needs: [],
    preCheck: ['BILL-MEDICARE-COVERAGE'],
    remedyNote:
      "Coverage turns on the plan's benefit language, which is not part of the chart: attach it. Medicare generally does not pay 97545/97546 (fee schedule status R); if the injury is work-related, bill the workers' compensation carrier as primary.",
  },
  {
    carcs: ['151'],
    meaning:
      'The payer considers the information insufficient to support this many services or this frequency.',
    issue: 'units / frequency',
    disagreement:
      'We disagree with the determination that the record does not support the units billed. The documented minutes on each date support the units, as shown below.',
    arguments: ['time-units', 'daily-notes', 'measured-progress'],
    needs: ['daily-note'],
    preCheck: ['BILL-WC-TIME-UNITS', 'BILL-MUE', 'DOC-DAILY-TIME'],
  },
  {
    carcs: ['16', '4'],
    meaning:
      'The claim lacks information or has a submission error, such as a missing or inconsistent modifier.',
    issue: 'missing information / modifier',
    disagreement: 'The services were furnished and documented as enclosed.',
    arguments: ['daily-notes', 'time-units'],
    needs: [],
    preCheck: ['BILL-THERAPY-MODIFIER'],
    remedyNote: `${CORRECTED_CLAIM} For Medicare, remark MA130 means the claim is unprocessable and has no appeal rights: correct and resubmit.`,
  },
  {
    carcs: ['119'],
    meaning: 'The payer considers the benefit maximum for the period reached.',
    issue: 'benefit maximum',
    disagreement:
      'We ask the payer to review the benefit maximum determination: please verify the visit count and consider the medical necessity documented in the enclosed record.',
    arguments: ['visit-count', 'measured-progress', 'evaluation-goals'],
    needs: ['progress-report'],
    preCheck: ['PROG-DURATION'],
    remedyNote:
      'Check whether a statutory or plan exception applies (e.g. post-surgical); the chart alone cannot show it.',
  },
];

/** Template for a CARC; unknown codes get the general medical-necessity template. */
export function templateForCarc(carc: string): { template: DenialTemplate; known: boolean } {
  const found = DENIAL_TEMPLATES.find((t) => t.carcs.includes(carc));
  return found ? { template: found, known: true } : { template: MEDICAL_NECESSITY, known: false };
}

/**
 * What a failing pre-check rule means for the letter: the claim it must not make (finishes the gap
 * sentence), the arguments it silences, and whether that applies only to the finding's dates.
 */
export interface RuleEffect {
  claim: string;
  suppresses: ArgumentKey[];
  byDate: boolean;
  /**
   * The finding concerns only the dates it lists (units, modifiers, pairing on one day), so it is
   * irrelevant to a claim whose dates at issue do not include any of them. Period findings (a
   * missing progress report) stay relevant to every later date.
   */
  dateOnly?: boolean;
}

export const RULE_EFFECTS: Readonly<Record<string, RuleEffect>> = {
  'DOC-PROGRESS-10': { claim: 'one', suppresses: ['measured-progress'], byDate: true },
  'DOC-PROGRESS-CONTENT': { claim: 'goal-by-goal assessment', suppresses: [], byDate: true },
  'DOC-FCE-JOBDESC': {
    claim: 'a comparison with job demands',
    suppresses: ['job-demands'],
    byDate: false,
  },
  'DOC-EVAL-ELEMENTS': { claim: 'a complete evaluation', suppresses: [], byDate: false },
  'DOC-POC-GOALS': {
    claim: 'measurable, job-linked goals',
    suppresses: ['evaluation-goals'],
    byDate: false,
  },
  'DOC-ORDER-REFERRAL': { claim: 'a signed order', suppresses: ['physician-order'], byDate: false },
  'DOC-DAILY-TIME': {
    claim: 'documented time on those dates',
    suppresses: ['time-units'],
    byDate: true,
    dateOnly: true,
  },
  'AUTH-PRESENT': { claim: 'an authorization', suppresses: ['authorization'], byDate: false },
  'AUTH-WITHIN-LIMITS': {
    claim: 'authorization for those dates',
    suppresses: ['authorization'],
    byDate: true,
    dateOnly: true,
  },
  'BILL-WC-TIME-UNITS': {
    claim: 'that the billed units are supported on those dates',
    suppresses: ['time-units'],
    byDate: true,
    dateOnly: true,
  },
  'BILL-MUE': {
    claim: 'units above the MUE without records',
    suppresses: [],
    byDate: true,
    dateOnly: true,
  },
  'BILL-97546-REQUIRES-97545': {
    claim: 'that 97546 was paired with 97545',
    suppresses: ['add-on-pairing'],
    byDate: true,
    dateOnly: true,
  },
  'BILL-NCCI-UNBUNDLING': {
    claim: 'a distinct service',
    suppresses: [],
    byDate: true,
    dateOnly: true,
  },
  'BILL-THERAPY-MODIFIER': {
    claim: 'that the modifiers were correct',
    suppresses: [],
    byDate: true,
    dateOnly: true,
  },
  'BILL-MEDICARE-COVERAGE': {
    claim: 'Medicare coverage of the program codes',
    suppresses: [],
    byDate: false,
  },
  'PROG-DURATION': {
    claim: 'that the program stayed within guideline limits',
    suppresses: [],
    byDate: false,
  },
};

export const DEFAULT_RULE_EFFECT: RuleEffect = { claim: 'it', suppresses: [], byDate: false };
