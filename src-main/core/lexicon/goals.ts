/**
 * What makes a goal measurable and what ties it to the job, in the words goals are written with
 * ("lift 50 lb floor to waist", "sit 60 min", "independently", "medium PDL", "return to full
 * duty"). The goal reader judges each goal with these; the review reads the judgement.
 */

const UNIT_WORDS = [
  'lb',
  'lbs',
  'pounds?',
  'kg',
  'kilograms?',
  'ft',
  'feet',
  'foot',
  'yards?',
  'yd',
  'meters?',
  'm',
  // Force on a gauge: pounds-force, kilograms-force, newtons.
  'lbf',
  'kgf',
  'N',
  'newtons?',
  'miles?',
  'mi',
  'km',
  'in',
  'inches?',
  'cm',
  'degrees?',
  'deg',
  '°',
  'reps?',
  'repetitions?',
  'x',
  'times',
  'sets?',
  'min',
  'mins',
  'minutes?',
  'hrs?',
  'hours?',
  'h',
  'sec',
  'seconds?',
  's',
  'steps?',
  'stairs?',
  'flights?',
  '%',
  'percent',
  'points?',
  '/10',
  'mph',
  'trials?',
  '#',
];
const NUMBER_WITH_UNIT = new RegExp(
  // "3-hr", "10-min" hyphenate the unit; "5-10 reps" gives a range.
  `\\d+(?:\\.\\d+)?\\s*(?:-\\s*\\d+(?:\\.\\d+)?\\s*)?-?(?:${UNIT_WORDS.join('|')})(?![a-z])`,
  'i',
);
const X_BEFORE_NUMBER = /\bx\s*\d+/i;
/**
 * A threshold on a score or test ("TUG < 12", "LEFS >= 60/80", ">/= 65", "</= 20" as typed for
 * ≥ and ≤, "Berg at least 50", "70 or higher").
 */
const COMPARED_NUMBER =
  /(?:[<>]\/=|[<>≤≥]=?|\bat least|\bno more than|\bless than|\bgreater than)\s*\d|\b\d+(?:\.\d+)?\s+or\s+(?:higher|greater|more|better|above|less|lower|fewer|below)\b/i;
/** A named scale's score out of its maximum: "Berg Balance Scale 45/56", "LEFS 60/80". */
const SCALE_SCORE =
  /\b(?:[Ss]cale|[Ss]core|[Ii]ndex|Berg|BBS|Tinetti|POMA|DGI|FGA|LEFS|QuickDASH|DASH|ODI|NDI|PSFS|FOTO|ABC|MoCA|SLUMS|MMSE)\s+(?:of\s+)?\d{1,3}(?:\.\d)?\s*\/\s*\d{2,3}\b(?!\s*\/\s*\d)/;
/**
 * A count of things done, with a word or two before the unit: "13 home stairs", "3 flights of
 * stairs", "3 continuous hours"; tasks a goal counts ("complete 4 simulated delivery routes"); or
 * how long a result must hold ("no s/sx aspiration over 3 consecutive sessions").
 */
const COUNTED_NUMBER =
  /\b\d+\s+(?:[a-z]+\s+){1,2}(?:stairs?|steps?|flights?|reps?|repetitions?|trials?|laps?)\b|\b\d+\s+[a-z]+\s+(?:minutes?|hours?|hrs?|seconds?)\b|\b(?:complete|perform|finish|tolerate)s?\s+\d+\s+(?:[a-z-]+\s+){0,3}[a-z]+s\b|\b\d+\s+(?:consecutive|successive)\s+[a-z]+s\b/i;
/** How often a task is done, which a reviewer can count: "5 days/week", "3x per week", "twice daily". */
const HOW_OFTEN =
  /\b\d+\s*(?:x|times|days?)\s*(?:\/|per|a|each)\s*(?:week|wk|day)\b|\b(?:once|twice)\s+(?:a\s+|per\s+)?(?:day|daily|week|weekly)\b/i;

/**
 * A joint's range of motion as degrees without the unit, the way goals write it ("knee AROM
 * 0-120", "AROM R knee 0-120", "flexion to 110", "supination 75"); "ROM exercises" or "improve
 * ROM" holds no value.
 */
const MOTION_VALUE =
  /\b(?:(?:AA|A|P)?ROM|flexion|extension|abduction|adduction|(?:internal |external )?rotation|supination|pronation|dorsiflexion|plantarflexion)\b(?:\s+(?:[LR]|left|right|knee|hip|shoulder|elbow|wrist|ankle|neck|cervical|lumbar|trunk|spine)){0,2}(?:\s+(?:of|to|at least))?\s+-?\d+(?:\s*(?:-|–|to)\s*\d+)?\b(?![/.]\d|\s*x)/i;
/**
 * Named standards a reviewer can verify without a number (e.g. a DOT physical demand level), a
 * muscle grade ("4-/5"), the return to a duty or job itself, motion equal to the other side's, a
 * symptom gone ("night pain resolved"), a reach behind the back to a spinal level ("HBB to T10"),
 * a named test negative ("Askling H-test negative"), stairs held to a number of rails, the return
 * to a sport or team training, an activity done without a pad ("play 9 holes w/o changing pad") or
 * with no pain increase, a hand's use graded as an assist ("L hand as functional assist").
 */
const MEASURABLE_STANDARD =
  /\b(independent(ly)?|ind(?=\s+[a-z])|(?:modified|complete|full)\s+independence|(?:no|zero|0)\s+(?:safety\s+)?errors?|without\s+(?:safety\s+)?errors?|indep|(?:without|w\/o) (?:an? )?(assist(ance|ive device)?|device|AD|AE|SPC|cane|walker|RW|FWW|crutch(?:es)?|(?:(?:changing|needing|using|wearing)\s+(?:a\s+)?)?(?:pads?|liners?|pad changes?)|(?:[a-z]+ )?(?:pain|symptoms|leak(?:age|ing|s)?|incontinence|lag)|LOB|loss of balance|(?:gait )?deviations?|compensat\w*|substitut\w*|(?:unplanned |extra |additional )?rest(?: breaks?)?|waking|(?:hand\s*)?rails?)|(?:w\/|with|using)\s+(?:[1-4]|one|two|bilat(?:eral)?|b\/l|unilat(?:eral)?|single)\s+(?:hand\s*)?rails?|through the night|(sedentary|light|medium|heavy|very heavy)(\s+(pdl|physical demand|duty|work|level))|(?:full|regular|unrestricted) duty|modified duty|within normal limits|wnl|[0-5][+-]?\/5|return(?:s|ing)? to (?:[\w-]+ ){0,3}(?:duty|duties|work|job|sports?|play|competition|training|practice)|(min|mod|max)(imal|erate|imum)?\s*(A|assist(ance)?|(?:verbal\s+|tactile\s+|VC\s+)?cues?|VCs?)|(?:no|zero|0)\s+(?:verbal\s+)?cues?|SBA|CGA|stand-?by assist|as (?:an?\s+)?(?:gross|functional|active) assist|supervision|mod I|set-?up(?: only)?|return[- ]demonstrat\w*|fingertips? to (?:the )?(?:mid-?)?(?:thigh|knee|shin|ankle|toes?|floor)|(?:HBB|hand behind (?:the )?back|reach(?:es)? behind (?:the )?back)\s+to\s+(?:[TL]\d{1,2}|(?:the )?(?:sacrum|waist|belt(?:\s*line)?))|GG\d{4}[A-Z]?\s*0[1-6]|GG\s*(?:score\s*(?:of\s*)?)?0[1-6]|(?:trace|none|zero|minimal|mild|grade \d|[0-4]\+)\s+or\s+(?:less|better|lower)|symmetric(?:al)?\s+(?:with|to)\s+(?:the\s+)?(?:L|R|left|right|contralateral|uninvolved|opposite|other)|(?:pain|symptoms?|swelling|edema)\s+(?:fully\s+)?resolved|no\s+(?:(?:increase|rise)\s+in\s+(?:pain|symptoms)|(?:pain|symptom)\s+increase)|(?:test|sign|screen)s?\s+(?:is\s+|are\s+)?neg(?:ative)?\b|negative\s+(?:[\w/-]+\s+){0,3}?(?:test|sign)s?|centraliz\w*\s+(?:[\w/-]+\s+){0,4}?to\s+[\w/-]+|attend(?:s|ing)?\s+(?:all|100%|\d+\s+of\s+\d+)(?:\s+scheduled)?\s+(?:sessions|visits|appointments))\b|(?:^|[\s(])(?:mod\s+)?(?:I|Ind)\s+(?:w\/|with\b|c\b)/i;

/**
 * Measurable goal: a number with a unit ("lift 50 lb", "walk 500 ft", "sit 60 min") or a standard a
 * reviewer can verify ("independently", "medium PDL"). BPM §220.1.2.B asks for measurable,
 * functional long-term goals.
 */
export function measurableGoalText(text: string): boolean {
  return (
    NUMBER_WITH_UNIT.test(text) ||
    X_BEFORE_NUMBER.test(text) ||
    COMPARED_NUMBER.test(text) ||
    SCALE_SCORE.test(text) ||
    COUNTED_NUMBER.test(text) ||
    HOW_OFTEN.test(text) ||
    MOTION_VALUE.test(text) ||
    MEASURABLE_STANDARD.test(text)
  );
}

const JOB_LINK =
  /\b(job|work|duty|duties|return to work|rtw|pdl|physical demand|employer|occupation(al)?|shift|lift(ing)?|carry(ing)?|push(ing)?|pull(ing)?)\b/i;

/** Goal tied to return-to-work job demands (Texas §134.230 RTW planning; rules.md DOC-POC-GOALS). */
export function jobLinkedGoalText(text: string): boolean {
  return JOB_LINK.test(text);
}

const RETURN_TO_WORK =
  /\b(?:job|work|duty|duties|rtw|return(?:ing)? to work|employment|occupation)\b/i;

/** A goal that names the job or the return to work itself ("return to full duty as a loader"). */
export function returnToWorkGoalText(text: string): boolean {
  return RETURN_TO_WORK.test(text);
}
