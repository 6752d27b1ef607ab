/**
 * What a clinic should change in its documentation habits when a rule fails: one short, practical
 * sentence per rule of the catalog (ALL_RULES), written for the client report. The rule's title
 * comes from its metadata; this is the plain-language "what to do about it".
 */
export const RULE_ADVICE: Readonly<Record<string, string>> = {
  'DOC-EVAL-PRESENT':
    'Complete and sign the initial evaluation at the first visit, before any billed treatment starts.',
  'DOC-EVAL-ELEMENTS':
    'Use an evaluation template that prompts for history, objective tests, assessment, prognosis and the plan, so nothing is left blank.',
  'DOC-ORDER-REFERRAL':
    'Scan the signed order or referral into the chart at intake and check its date before the first visit is scheduled.',
  'DOC-POC-PRESENT':
    'Write the plan of care at the evaluation and keep it current; treat no date that falls outside its period.',
  'DOC-POC-GOALS':
    'State each goal as a measurable result with a target date (for example "lift 30 lb floor to waist by 10/15").',
  'DOC-POC-CERT':
    'Track physician signatures on the plan of care and chase unsigned certifications and recertifications before they fall due.',
  'DOC-DAILY-PRESENT':
    'Finish a treatment note for every visit the same day, and never bill a date without one.',
  'DOC-DAILY-CONTENT':
    'Record in every note what was done, the patient\u2019s response and the skilled reason for it, not just a list of exercises.',
  'DOC-SIGNED':
    'Sign and date every entry with name and credentials; co-sign assistant and student notes promptly.',
  'DOC-PROGRESS-10':
    'Schedule a progress report by the 10th treatment day and put it on the clinician\u2019s calendar, not just in memory.',
  'DOC-PROGRESS-CONTENT':
    'In progress reports, compare current measures with the baseline and say whether each goal is met, progressing or changed.',
  'DOC-REEVAL':
    'Write down why a re-evaluation was needed, and retest function at interim points when extending a program.',
  'DOC-DISCHARGE':
    'Write a discharge summary when care ends, with final status against each goal and the reason for discharge.',
  'DOC-FCE-JOBDESC':
    'Get the job description at intake and record baseline functional testing and the return-to-work goal before the program starts.',
  'DOC-LATE-ENTRY':
    'Mark late entries and addenda as such, with the date written and a signature, and never overwrite the original note.',
  'DOC-COMMUNICATION':
    'Log every update sent to the adjuster, physician or employer, with the date and whom it went to.',
  'DOC-DAILY-TIME':
    'Record start and stop times or total minutes per timed service in each note, so the minutes support the units billed.',
  'BILL-97546-REQUIRES-97545':
    'Bill 97546 only as an add-on on a date that also has 97545 for the first two hours.',
  'BILL-97545-ONCE': 'Bill 97545 once per date of service; put additional hours on 97546.',
  'BILL-WC-TIME-UNITS':
    'Count work conditioning units from the documented minutes using the midpoint rule before the claim goes out.',
  'BILL-TIMED-CODE-UNITS':
    'Add up total timed minutes per date and apply the 8-minute rule before choosing the number of units.',
  'BILL-MUE':
    'Check units per code per date against the MUE limit in the billing system and document why when more are medically needed.',
  'BILL-NCCI-UNBUNDLING':
    'Do not bill component codes with 97545/97546 on the same date unless a separate, documented service justifies a modifier.',
  'BILL-THERAPY-MODIFIER':
    'Set up the billing system so every therapy line carries its GP/GO/GN modifier (or the payer\u2019s program modifier).',
  'BILL-MEDICARE-COVERAGE':
    'Check the payer before billing work conditioning: Medicare Part B does not cover it, so route it to the responsible payer.',
  'BILL-KX-THRESHOLD':
    'Track each Medicare patient\u2019s therapy spending for the year and add KX with supporting documentation once past the threshold.',
  'AUTH-PRESENT':
    'Get the authorization before the first program visit and file the approval in the chart.',
  'AUTH-WITHIN-LIMITS':
    'Compare scheduled dates, visits and hours with the authorization weekly and request an extension before it runs out.',
  'PROG-DURATION':
    'When a program must run past the guideline length, document the objective gains that justify continuing.',
};

/** The advice for a rule, or a general line for one not in the table. */
export function ruleAdvice(rule: string): string {
  return (
    RULE_ADVICE[rule] ??
    'Review the findings for this rule with the clinicians concerned and adjust the note template.'
  );
}
