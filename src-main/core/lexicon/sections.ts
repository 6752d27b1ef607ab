/**
 * Section and element headings as clinicians and EMRs write them, by the section they name. A
 * heading or a field label ("PMH: unremarkable", "MOI: lifting a pallet") is looked up here after
 * normalizing (lower case, punctuation and extra spaces dropped), and a combined heading
 * ("SUBJECTIVE / HISTORY", "Assessment & Plan") names each of its parts. The review asks for
 * elements by these names (evaluation, plan of care, progress report and discharge content).
 */
import type { SectionName } from '../../../shared/model';

/**
 * Headings that only introduce a list of treatments ("Treatment Provided:"), as opposed to labels
 * that name a treatment themselves ("Work simulation: overhead reach 10 lb"), which stay part of
 * the intervention they describe. All of them head the interventions section.
 */
const TREATMENT_LISTS = [
  'interventions',
  'intervention',
  'treatment',
  'treatment provided',
  'treatment performed',
  'treatment rendered',
  'treatment today',
  'todays treatment',
  'tx',
  'tx provided',
  'tx today',
  'services provided',
  'services rendered',
  'type of services',
  'skilled interventions',
  'skilled intervention',
  'skilled services',
  'interventions provided',
  'types of services',
  'planned services',
  'planned interventions',
  'planned treatment',
  'procedures',
  'procedures performed',
  'activities',
  'activity',
  'activity log',
  'program activities',
  'flowsheet',
  'flow sheet',
  'exercise flowsheet',
  // A work program's flowsheet table starts its rows with the station ("Station | Task | Load").
  'station',
  'stations',
  'work station',
  // A program's log lists its components with their minutes, then what each held
  // ("PROGRAM COMPONENTS", "ACTIVITIES / PARAMETERS", "Conditioning: treadmill 15 min ...").
  'program components',
  'component',
  'components',
  'parameters',
  'activities parameters',
  'conditioning',
  'simulated work tasks',
  'simulated work',
  'job simulation',
];

export const SECTION_SYNONYMS: Readonly<Record<SectionName, readonly string[]>> = {
  subjective: [
    'subjective',
    's',
    // Hospital systems' abbreviated labels: "SUBJ:", "OBJ:", "ASSESS:".
    'subj',
    'subjective complaints',
    'subjective complaint',
    'subjective report',
    'subjective information',
    'chief complaint',
    'chief complaints',
    'cc',
    'complaints',
    'patient report',
    'patient reports',
    'pt report',
    'pt reports',
    'patient statement',
    'patient comments',
    'pt comments',
    'patient states',
    'pt states',
    'reported symptoms',
    'symptoms',
    'pain',
    'pain report',
    'pain level',
  ],
  objective: [
    'objective',
    'o',
    'obj',
    'objective findings',
    'objective measures',
    'objective measurements',
    // A voice evaluation's instrumental measures (sound level, phonation time, pitch range).
    'acoustic',
    'acoustic measures',
    'acoustic analysis',
    'acoustic measurements',
    'objective data',
    'objective testing',
    'objective tests',
    'physical exam',
    'physical examination',
    'exam',
    'examination',
    'clinical findings',
    'exam findings',
    'examination findings',
    'findings',
    'tests and measures',
    'tests measures',
    'measurements',
    'measures',
    'testing',
    'test results',
    'baseline testing',
    'baseline measures',
    'baseline',
    'entry testing',
    'exit testing',
    'final testing',
    'retest',
    're test',
    'interim testing',
    'functional testing',
    'functional tests',
    'functional capacity testing',
    'outcome measures',
    'outcomes',
    'standardized tests',
    'standardized testing',
    // A speech-language evaluation lists the instruments it gave.
    'tests administered',
    'assessments administered',
    'standardized assessments',
    'special tests',
    'strength',
    'range of motion',
    'rom',
    'mmt',
    'manual muscle testing',
    'manual muscle test',
    'flexibility',
    'palpation',
    'posture',
    'gait',
    'balance',
    'sensation',
    'lifting',
    'lift testing',
    'material handling',
    'material handling testing',
    'positional tolerances',
    'positional tolerance',
    'tolerances',
    'cardiovascular',
    'vitals',
    'vital signs',
    'observation',
    'observations',
    'current status',
    'current functional status',
    'functional status at discharge',
    'discharge status',
    'status at discharge',
  ],
  assessment: [
    'assessment',
    'a',
    'assess',
    'assmt',
    'clinical assessment',
    'clinical impression',
    'clinical impressions',
    'impression',
    'impressions',
    'therapist assessment',
    'pt assessment',
    'ot assessment',
    'assessment summary',
    'summary',
    'clinical summary',
    'evaluation summary',
    'summary of findings',
    'interpretation',
    'clinical reasoning',
    'clinical judgment',
    'clinical judgement',
    'professional judgment',
    'analysis',
    'progress summary',
    'progress',
    'progress toward goals',
    'progress towards goals',
  ],
  prognosis: [
    'prognosis',
    'rehab potential',
    'rehabilitation potential',
    'potential',
    'prognosis for goals',
  ],
  plan: [
    'plan',
    'p',
    'plan of care',
    'poc',
    'treatment plan',
    'plan of treatment',
    'tx plan',
    'plan for next visit',
    'next visit',
    'plan next visit',
    'continued plan',
    'plan for continued care',
    'plan for continuing treatment',
    'updated plan',
    'revised plan',
    'plan changes',
    'treatment plan recommendations',
  ],
  'frequency-duration': [
    'frequency',
    'duration',
    'amount',
    'frequency duration',
    'frequency and duration',
    'freq',
    'freq dur',
    'visit frequency',
    'plan frequency',
    'treatment frequency',
    'duration of treatment',
    'certification period',
    'plan duration',
  ],
  history: [
    'history',
    'hx',
    'hpi',
    'history of present illness',
    'history of present injury',
    'history of present condition',
    'history of injury',
    'history of illness',
    'history of condition',
    'injury history',
    'medical history',
    'past medical history',
    'pmh',
    'pmhx',
    'past history',
    'past medical surgical history',
    'medical surgical history',
    'surgical history',
    'psh',
    'relevant history',
    'pertinent history',
    'relevant medical history',
    'mechanism of injury',
    'moi',
    'mechanism',
    'prior treatment',
    'previous treatment',
    'prior therapy',
    'previous therapy',
    'treatment to date',
    'treatment history',
    'prior level of function',
    'plof',
    'prior function',
    'social history',
    'occupational history',
    'work history',
    'comorbidities',
    'co morbidities',
    'comorbidities complexities',
    'complexities',
    'medical complexities',
    'precautions',
    'medications',
    'meds',
    'imaging',
    'diagnostic imaging',
  ],
  diagnosis: [
    'diagnosis',
    'diagnoses',
    'dx',
    'dxs',
    'treatment diagnosis',
    'treating diagnosis',
    'medical diagnosis',
    'referral diagnosis',
    'referring diagnosis',
    'primary diagnosis',
    'secondary diagnosis',
    'physical therapy diagnosis',
    'pt diagnosis',
    'ot diagnosis',
    'icd 10',
    'icd10',
    'icd 10 codes',
    'icd 10 code',
    'icd codes',
    'reason for referral',
    'referral reason',
    'reason for visit',
    'reason for evaluation',
  ],
  goals: [
    'goals',
    'goal',
    'short term goals',
    'short term goal',
    'stg',
    'stgs',
    'long term goals',
    'long term goal',
    'ltg',
    'ltgs',
    'functional goals',
    'treatment goals',
    'therapy goals',
    'rehab goals',
    'program goals',
    'measurable goals',
    'measurable functional goals',
    'goals and objectives',
    'patient goals',
    'goals outcomes',
    'expected outcomes',
    'goal status',
    'status of goals',
    'goal progress',
    'goals progress',
    'discharge goals',
  ],
  'functional-limitations': [
    'functional limitations',
    'functional limitation',
    'functional deficits',
    'functional status',
    'functional level',
    'current level of function',
    'current functional level',
    'level of function',
    'functional impairments',
    'current functional status',
    'limitations',
    'impairments',
    'problem list',
    'problems',
    'deficits',
    'activity limitations',
    'participation restrictions',
    'limitations to function',
    'functional abilities',
    'functional activities',
    'functional scores',
    'functional capacity',
  ],
  'job-demands': [
    'job demands',
    'job requirements',
    'physical demands',
    'physical demand level',
    'pdl',
    'essential functions',
    'essential job functions',
    'essential job demands',
    'job description',
    'job analysis',
    'job tasks',
    'essential tasks',
    'work demands',
    'work requirements',
    'critical job demands',
    'occupational demands',
    'demands of job',
    'job demand comparison',
    'job match',
    'return to work requirements',
    'capacity vs job demands',
    'capacity versus job demands',
    'current capacity vs job demands',
    'current capacity versus job demands',
  ],
  interventions: [
    ...TREATMENT_LISTS,
    "today's treatment",
    'exercises',
    'exercise',
    'work simulation',
    'work simulation activities',
    'work conditioning activities',
    'work hardening activities',
    'therapeutic activities',
    'therapeutic exercise',
    'therapeutic exercises',
    'manual therapy',
    'neuromuscular re education',
    'circuit',
    'modalities',
    'hep',
    'home exercise program',
    'patient education',
    'education',
    // A child's therapy teaches the parent what to carry on at home.
    'caregiver education',
    'parent education',
    'family education',
    'parent caregiver education',
    'caregiver training',
    'parent training',
  ],
  'patient-response': [
    'patient response',
    'response to treatment',
    'response to tx',
    'response to intervention',
    'response to interventions',
    'response',
    'tolerance',
    'tolerance to treatment',
    'treatment tolerance',
    'pt response',
    'patient tolerance',
    'pt tolerance',
    // A work program notes how the participant behaved under load: pain behaviors, effort.
    'behaviors',
    'behavior',
    'pain behaviors',
    'observed behaviors',
  ],
  recommendations: [
    'recommendations',
    'recommendation',
    'rtw recommendations',
    'rtw recommendation',
    'work status',
    'work status recommendations',
    'return to work',
    'return to work recommendations',
    'return to work status',
    'rtw status',
    'rtw',
    'rtw planning',
    'rtw plan',
    'return to work planning',
    'return to work plan',
    'employer rtw planning',
    'employer return to work planning',
    'disposition',
    'discharge plan',
    'discharge recommendations',
    'follow up',
  ],
};

/** A heading's or label's words as the lookup keys them: lower case, letters and digits only. */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_LABEL: ReadonlyMap<string, SectionName> = new Map(
  (Object.entries(SECTION_SYNONYMS) as Array<[SectionName, readonly string[]]>).flatMap(
    ([name, labels]) => labels.map((l) => [normalizeLabel(l), name] as const),
  ),
);

/** The section a heading or label names, or null ("Plan of Care" -> plan, "PMH" -> history). */
/**
 * Headings that name two sections at once: what the clinician saw of the patient during a
 * session is both the findings and how the patient responded ("Clinical Observations: Mateo
 * self-corrected after a contrast cue; fatigued after 35 min").
 */
const TWO_SECTION_LABELS: ReadonlyMap<string, readonly SectionName[]> = new Map([
  ['clinical observations', ['objective', 'patient-response']],
  ['behavioral observations', ['objective', 'patient-response']],
  ['behavioural observations', ['objective', 'patient-response']],
  ['session observations', ['objective', 'patient-response']],
]);

/** The sections a label names when it names two (TWO_SECTION_LABELS), else null. */
export function sectionsNamedTogether(label: string): readonly SectionName[] | null {
  return TWO_SECTION_LABELS.get(normalizeLabel(label)) ?? null;
}

export function sectionNamed(label: string): SectionName | null {
  const key = normalizeLabel(label);
  const named =
    BY_LABEL.get(key) ??
    BY_LABEL.get(key.replace(REVISION_WORD, '')) ??
    BY_LABEL.get(key.replace(PERSON_WORD, 'patient '));
  if (named) return named;
  // Only objective findings are named this way: a table titled "Goal status at discharge" is
  // read row by row by the goal reader, which a heading there would end.
  return BY_LABEL.get(key.replace(WHEN_SUFFIX, '')) === 'objective' ? 'objective' : null;
}

/** What programs and homes call the patient: "Participant response", "Resident tolerance". */
const PERSON_WORD = /^(?:participant|client|resident|claimant)s? /;

/** A word that marks a section as renewed ("Updated Plan of Care", "Revised Goals"). */
const REVISION_WORD = /^(?:updated|revised|amended|modified|new|current|continued|ongoing) /;
/**
 * The point of care a section speaks of, after its name: "Objective at Discharge", "Objective on
 * re-evaluation". The section is the one named before it.
 */
const WHEN_SUFFIX =
  / (?:at|on|upon) (?:discharge|d c|dc|initial evaluation|evaluation|eval|re evaluation|reevaluation|re eval|re assessment|reassessment|admission|intake)$/;

/**
 * Headings that say more than a section's name but still name it by what they contain: "Exit
 * testing 3/30/26 vs eval vs job (Medium)", "Capacity compared with job demands", "Final testing",
 * "Objective status vs. job demands".
 */
const CONTAINED: ReadonlyArray<{ name: SectionName; re: RegExp }> = [
  // The MDS / IRF-PAI functional abilities section by its letters ("Section GG scores").
  { name: 'functional-limitations', re: /\bsection\s+GG\b/i },
  // "Functional limitations vs job": the limitations, set against the job.
  {
    name: 'functional-limitations',
    re: /\bfunctional\s+(?:limitations?|deficits?|impairments?)\b/i,
  },
  {
    name: 'objective',
    re: /\b(?:exit|entry|baseline|final|interim|discharge)\s+(?:functional\s+)?(?:testing|tests?|measures|measurements|capacity|FCE)\b|^\W*objective\s+(?:status|findings|measures|measurements|data|results)\b/i,
  },
  {
    name: 'interventions',
    re: /\b(?:work simulation|exercises?|activities|treatment|interventions?|procedures)\b.*\b(?:performed|provided|rendered|completed|given|today)\b/i,
  },
  // A form's question: "Did the patient tolerate treatment?", "How did the client respond?".
  {
    name: 'patient-response',
    re: /^(?:did|how did)\s+(?:the\s+)?(?:patient|pt|client|resident|participant)\s+(?:tolerate|respond)\b/i,
  },
  // A session's record of what was done: "Session log", "Exercise log" (not a document's title
  // such as "Visit record", which heads everything on it).
  { name: 'interventions', re: /\b(?:session|exercise|activity)\s+log\b/i },
  {
    name: 'job-demands',
    re: /\b(?:vs\.?|versus|against|compared\s+(?:to|with))\s+(?:the\s+)?(?:job|work|PDL|demands?)\b|\bjob\s+(?:demands?|requirements?)\b/i,
  },
];

/** Sections a longer heading names by what it contains (see CONTAINED). */
export function sectionsContained(label: string): SectionName[] {
  return CONTAINED.filter((c) => c.re.test(label)).map((c) => c.name);
}

/** Single letters (S/O/A/P) name a section only with their colon: "A: tolerated well". */
export function isLetterSection(label: string): boolean {
  return /^[SOAP]$/i.test(label.trim());
}

const TREATMENT_LIST_HEADINGS = new Set(TREATMENT_LISTS.map(normalizeLabel));

/** A treatment grid's column of what was done: "Intervention / parameters", "Procedure", "Exercise". */
export const TREATMENT_COLUMN =
  /^(?:interventions?|treatments?|procedures?|activit(?:y|ies)|exercises?|modalit(?:y|ies)|targets?|tasks?|goal areas?|skills?)\b/i;
/**
 * A column of how the patient performed each activity (trials, accuracy, cueing): a session's
 * data table, each row an activity furnished ("Target | Correct/Trials | Accuracy | Cueing").
 */
export const PERFORMANCE_COLUMN =
  /^(?:trials?|correct(?:\/trials)?|accuracy|%\s*acc(?:uracy|\.)?|performance|cue(?:s|ing)?|prompts?|assist(?:ance)?|reps|sets)\b/i;

export function isTreatmentListHeading(label: string): boolean {
  return TREATMENT_LIST_HEADINGS.has(normalizeLabel(label));
}

/**
 * A sentence that tells how the patient took the session, at the start of a sentence: "Tolerated
 * well", "He tolerated the session fairly well", "Pt tolerated tx without increase in pain", "No
 * adverse response", "Responded well to ..."; symptoms after it ("Mild ache after, 2/10", "LBP
 * 3/10, resolved with rest", "no increase in sx", a form's "Pain post: 3/10"), the vital signs taken
 * after it ("Post BP 136/84, HR 98"); a child's note says it by engagement ("Good
 * engagement with the game", "Noor participated well in turn-taking").
 */
export const RESPONSE_SENTENCE =
  /(?:^|[.;]\s+)\s*(?:(?:pt|patient|he|she|they|client)\s+(?:is\s+|was\s+)?)?(?:tolerated|tolerating|tol\.?|responded|did well|was able to complete|handled)\b|(?:^|[.;]\s+)\s*(?:tolerance|response)\s*(?:was\s+)?(?:good|fair|poor|excellent|appropriate|well)\b|(?:^|[.;]\s+)\s*pain (?:peaked|rose|increased|settled|decreased|remained|stayed)\b|(?:^|[.;]\s+)\s*no adverse (?:response|reaction|effects?|events?)\b|(?:^|[.;]\s+)\s*post[- ]?(?:(?:tx|treatment|session|exercise)\s+)?(?:BP|HR|vitals|vital signs)\b\s*:?\s*\d|(?:^|[.;,]\s+)\s*(?:(?:mild|moderate|minimal|slight|some|no)\s+)?(?:pain|ache|soreness|sx|symptoms|LBP|discomfort|fatigue)\b[^.;]{0,30}?\b(?:after(?:wards?)?(?=\s*(?:[,.;:)–-]|$|(?:the\s+)?(?:session|tx|treatment|therapy|exercises?|visit|program|class)\b))|post[- ]?(?:tx|treatment|session|exercise)|at (?:the )?end|resolved|subsided|settled)\b|\bno (?:increase|change) in (?:pain|sx|symptoms)\b|\b(?:pain|sx|symptoms)\s+(?:post|after)\s*:\s*\d{1,2}\s*\/\s*10\b|\bpost[- ](?:tx|treatment|session|exercise)\s+(?:pain|sx)\s*:?\s*\d{1,2}\s*\/\s*10\b|(?:^|[.;]\s+)\s*(?:good|fair|poor|excellent|full|limited|variable|inconsistent)\s+(?:engagement|participation|effort|attention)\b|(?:^|[.;]\s+)\s*[\w'-]+\s+(?:engaged|participated)\s+(?:well|fully|actively|throughout|poorly|readily)\b/i;

/**
 * A symptom's rating in a sentence after another on its line: ". LBP 2-3/10.", "; pain 3/10",
 * ". Hand pain 2/10", or its absence as a sentence of its own (". No pain.", ". Pain-free.").
 */
export const SYMPTOM_RATING_AFTER =
  /(?<=[.;]\s+)(?:(?:mild|moderate|minimal|slight|some)\s+)?(?:[a-z]+\s+)?(?:pain|ache|soreness|sx|symptoms|[LR]?[BN]P|discomfort)\b[^.;]{0,20}?\b\d{1,2}(?:\s*-\s*\d{1,2})?\/10\b|(?<=[.;]\s+)(?:no (?:pain|symptoms|sx|discomfort)|pain[- ]free|symptom[- ]free)(?=\s*[.;]|\s*$)/i;

/**
 * The history stated in a dictated evaluation's prose where a form would head it: "Past medical
 * history includes ...", "Her medical history is significant for ...", "PMH significant for",
 * "past medical history is notable only for ...".
 */
export const HISTORY_CLAUSE =
  /\b(?:past medical history|past surgical history|medical history|surgical history|history of (?:the )?present illness|PMH|PSH)\b(?:\s*:|\s+(?:includes?|is (?:significant|notable|remarkable)(?: only)? for|is (?:unremarkable|noncontributory|non-contributory|otherwise unremarkable)|significant for|notable for|of)\b)|\b(?:no|without)\s+(?:other\s+)?(?:significant|relevant|pertinent)\s+(?:past\s+)?medical history\b/i;

/**
 * The care a letter recommends, with how often, where a form would head its plan: "I recommend
 * physical therapy three times a week for six weeks", "We recommend work conditioning 3x/week".
 */
export const PLAN_CLAUSE =
  /\b(?:I|we)\s+(?:would\s+)?recommend\s+(?:continued\s+|continuing\s+|skilled\s+|outpatient\s+)?(?:physical therapy|occupational therapy|speech(?:-language)? therapy|therapy|PT|OT|SLP|work (?:conditioning|hardening)|treatment)\b[^.;]{0,60}?(?:\b(?:per|a|each)\s+(?:week|wk|day)\b|\/\s*(?:week|wk)\b|\b\d\s*x\s*\/?\s*(?:week|wk)\b)/i;

/**
 * The clinician's assessment and prognosis stated in a letter's prose where a form would head
 * them: "In my assessment she is an appropriate candidate ...", "My clinical impression is ...",
 * "Her prognosis for return to full duty is good", "Prognosis is fair".
 */
export const ASSESSMENT_CLAUSE =
  /\b(?:in my (?:clinical |professional )?(?:assessment|opinion|impression|judg(?:e)?ment)|my (?:clinical )?(?:assessment|impression) is)\b|\bprognosis\b[^.;]{0,60}?\b(?:is|remains|appears|seems)\s+(?:(?:very|fairly|quite|only)\s+)?(?:good|fair|poor|excellent|guarded|favou?rable)\b/i;

/**
 * A form's field that records how far the patient manages an everyday activity, the functional
 * status a narrative would state in words: "Walking tolerance: 5 min / 350 ft before sx", "Stairs:
 * 12 steps step-to with rail", "Transfers: min A", "Bed mobility: SBA". Matched on a cell (a
 * field of its own); a procedure code after the label makes it a billed service, not a status.
 */
export const FUNCTIONAL_ACTIVITY_FIELD =
  /^(?:(?:walking|ambulation|standing|sitting|stairs?|activity|lifting|transfers?)\s+tolerance|stairs?(?:\s+(?:negotiation|climbing|management))?|transfers?|bed mobility|ambulation|(?:community|household)\s+(?:ambulation|mobility)|I?ADLs?|self[- ]care|dressing|bathing|toileting|feeding)\s*(?:\([^()]{0,40}\))?\s*:\s*(?![A-Z]?\d{4}[\dA-Z]\b)\S/i;

/**
 * A functional limitation stated in the assessment's prose where a form would head it: "...,
 * resulting in limited community ambulation", "limiting her ability to dress", "limiting stairs
 * and household tasks", "unable to lift from the floor", "Functional impact: restricted to soft
 * foods", "deficits in lift and carry prevent RTW", "Deficits in lifting ... are the barriers to
 * return to work", "has limitations in walking", "limited for his job by overhead lifting", "cognitive deficit affecting memory and executive
 * function", "weakness impacting ADLs", the present set against the prior level ("Prior level:
 * independent without device. Current: RW at all times"), difficulty with a task ("Difficulty
 * buttoning", "trouble with stairs"; never a diagnosis code's words, "R26.2 Difficulty in walking").
 */
export const FUNCTIONAL_LIMITATION_CLAUSE =
  /(?<=\b(?:prior|previous)\s+(?:level|LOF|functional\s+level|function(?:al)?\s+status)\b[^\n]{0,160}?)\bcurrent(?:ly)?\s*:|\b(?:has|have|with)\s+(?:functional\s+)?limitations?\s+(?:in|with)\s+\w|\blimited\s+for\s+(?:his|her|their|the)\s+job\s+by\b|\bfunctional (?:impact|limitations?|deficits?|status)\s*:|\bresulting in (?:limited|decreased|reduced|impaired|inability|difficulty|dependence)\b|\blimit(?:s|ing) (?:(?:his|her|their|the patient's|pt's|patient's)\s+)?(?:ability|function|participation|independence|tolerance)\b|(?<!\b[A-TV-Z]\d{2}(?:\.[\dA-Z]{1,4})?\s*[-–:]?\s*)\b(?:difficult(?:y|ies)|trouble)\s+(?:with\s+|in\s+)?(?:[\w/-]+\s+){0,2}?(?:[a-z]{3,}ing|I?ADLs?|stairs|transfers|self-care)\b|\b(?:limiting|limits|(?:that|which)\s+limits?)\s+(?:[\w'-]+,?\s+){0,4}?(?:walk(?:ing)?|stand(?:ing)?|sitting|stairs?|ambulation|mobility|transfers?|I?ADLs?|household|self-care|gait|lifting|carrying|reaching|driving|sleep(?:ing)?|work(?:ing)?|dressing|bathing|community|climbing|squatting|kneeling|bending|stooping|crawling|gripping|running|typing|writing|duties|tasks|job)\b|(?:^|[.;]\s+)functionally,?\s+(?:(?:he|she|they|the patient|pt)\s+)?(?:cannot|can't|can not|is unable|was unable|is limited|needs|requires|is dependent)\b|\b(?:keeps?|kept|prevents?|prevented|stops?)\s+(?:him|her|them|the patient|pt)\s+from\s+(?:[\w'-]+\s+){0,2}?[a-z]{3,}ing\b|\b(?:walking|standing|sitting|stair|ambulation|activity)\s+tolerance\s+(?:is\s+|was\s+)?(?:limited|reduced|decreased)\s+to\b|\b(?:unable|inability|cannot|can't|can not) to (?:perform|walk|ambulate|climb|lift|carry|dress|bathe|eat|drink|swallow|stand|sit|reach|grasp|return|work|complete|tolerate|negotiate|transfer|manage|use)\b|\brestricted to (?:modified|soft|pureed|thickened|minced|liquid|sedentary|light|seated)\b|\bdeficits? in\b[^.;]{0,80}?\b(?:prevents?|precludes?|limits?|keeps?)\b|\b(?:deficits?|impairments?|weakness|dysfunction)\s+(?:affecting|impacting|interfering with)\s+(?:(?:his|her|their|the patient's|pt's)\s+)?(?:[\w'-]+\s+(?:and\s+)?){0,3}?(?:function(?:al)?|functioning|ADLs?|IADLs?|mobility|walking|gait|swallow(?:ing)?|eating|communication|self-care|safety|memory|work|participation|independence)\b|\b(?:prevents?|precludes?) (?:RTW|return(?:ing)? to (?:work|full duty|(?:his|her|their) job))\b|(?<!\bno\s)\b(?:barriers?|obstacles?) to (?:RTW|return(?:ing)? to (?:work|full duty|(?:his|her|their) job))\b|\b(?:does|did|do) not (?:yet )?meet (?:the |his |her |their |all )?(?:employer's |job's |job |work )?(?:[\w/-]+ (?:and )?){0,3}(?:requirements|demands)\b/i;
