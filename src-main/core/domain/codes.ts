/**
 * Procedure codes by what they are (rules.md section 2 and BILL-TIMED-CODE-UNITS), in one place
 * for the readers, the review and the packet; and the names clinicians give the usual timed
 * services when a note lists minutes by service instead of by code ("Ther ex 23 min").
 */

/** The work conditioning / work hardening program codes: 97545 (first 2 hours), 97546 (each added hour). */
export const WORK_PROGRAM_CODES: ReadonlySet<string> = new Set(['97545', '97546']);

/**
 * Initial evaluations: PT 97161-97163, OT 97165-97167, and speech-language pathology's
 * evaluation codes 92521-92524 (fluency, speech sound, speech sound with language, voice and
 * resonance) and 92610 (swallowing function).
 */
export const EVALUATION_CODES: ReadonlySet<string> = new Set([
  '97161',
  '97162',
  '97163',
  '97165',
  '97166',
  '97167',
  '92521',
  '92522',
  '92523',
  '92524',
  '92610',
]);

/** PT 97164, OT 97168 (re-evaluations). */
export const REEVALUATION_CODES: ReadonlySet<string> = new Set(['97164', '97168']);

/**
 * 15-minute timed therapy codes the CMS 8-minute rule applies to (Pub. 100-04 Ch. 5 §20.2; the
 * catalog's BILL-TIMED-CODE-UNITS list plus the other constant-attendance and timed procedure codes).
 * 97545/97546 are deliberately absent: they are hour-based program codes.
 */
export const TIMED_15_MIN_CODES: ReadonlySet<string> = new Set([
  '97032',
  '97033',
  '97034',
  '97035',
  '97036',
  '97110',
  '97112',
  '97113',
  '97116',
  '97124',
  '97140',
  '97530',
  '97533',
  '97535',
  '97537',
  '97542',
  '97750',
  '97755',
  '97760',
  '97761',
  '97763',
  // Cognitive function intervention (CPT 2020): 97129 the initial 15 minutes, 97130 each
  // additional 15; CMS lists both as timed therapy codes counted with the others of the day.
  '97129',
  '97130',
  // Pelvic floor biofeedback (CPT 2024): initial 15 minutes and each additional 15 minutes of
  // one-on-one contact, billed in 15-minute units like the 97xxx timed codes beside it.
  '90912',
  '90913',
]);

/**
 * Untimed service codes: evaluations, group therapy and supervised modalities never count toward
 * timed minutes (BILL-TIMED-CODE-UNITS), nor do the work conditioning program codes.
 */
export const UNTIMED_CODES: ReadonlySet<string> = new Set([
  ...EVALUATION_CODES,
  ...REEVALUATION_CODES,
  ...WORK_PROGRAM_CODES,
  '97150',
  '97010',
  '97012',
  '97014',
  '97016',
  '97018',
  '97022',
  '97024',
  '97026',
  '97028',
]);

/**
 * NCCI procedure-to-procedure pairs outside the work program's codes that the review knows (a
 * fragment of the CMS PTP file, not the file): manual therapy (97140, column 2) with a multi-layer
 * compression system (29581-29584, column 1), billable together since 2022-01-01 only with a
 * bypass modifier on the column-2 code (modifier indicator 1).
 */
export const NCCI_PTP_PAIRS: ReadonlyArray<{ column1: readonly string[]; column2: string }> = [
  { column1: ['29581', '29582', '29583', '29584'], column2: '97140' },
];

export function isTimedCode(code: string): boolean {
  return TIMED_15_MIN_CODES.has(code);
}

/** The usual names of timed services in notes, by code. */
export const SERVICE_NAMES: ReadonlyArray<{ code: string; re: RegExp }> = [
  { code: '97110', re: /\b(?:therapeutic exercises?|ther\.?\s*ex(?:ercise)?s?|TE)\b/i },
  {
    code: '97112',
    re: /\b(?:neuromuscular re-?education|neuro(?:musc(?:ular)?\.?)?\s*re-?ed(?:ucation)?|NMR|NMRE)\b/i,
  },
  { code: '97116', re: /\bgait (?:training|trng)\b/i },
  {
    code: '97140',
    // "manual 15 (patellar mobs)": a terse note's manual therapy; never manual muscle testing.
    re: /\b(?:manual therapy|manual tx|manual(?=\s+\d)|MT|soft tissue mobili[sz]ation|joint mobili[sz]ation)\b/i,
  },
  { code: '97530', re: /\b(?:therapeutic activit(?:y|ies)|ther\.?\s*act(?:ivity|ivities)?|TA)\b/i },
  { code: '97535', re: /\b(?:self[- ]care(?:\/home management)?(?: training)?|ADL training)\b/i },
  {
    code: '97750',
    re: /\b(?:physical performance test(?:ing)?|PPT|functional capacity (?:evaluation|assessment|test(?:ing)?)|FCE)\b/i,
  },
];
