/**
 * What to change when a rule fails, one practical sentence per rule, for the checklist and the
 * client report. Habits, not citations: the rule's source says where the requirement comes from.
 */
export const RULE_FIXES: Readonly<Record<string, string>> = {
  'DOC-EVAL-PRESENT':
    'Complete and sign the initial evaluation on or before the first billed treatment day, and keep it with the chart.',
  'DOC-EVAL-ELEMENTS':
    'Use an evaluation template with headed sections for diagnosis, history, objective tests, functional limitations, assessment and plan.',
  'DOC-ORDER-REFERRAL':
    'Get the physician order or referral signed and dated before treatment starts, and file it in the chart.',
  'DOC-POC-PRESENT':
    'Write a plan of care at the evaluation and a new one before the old one lapses, so every visit falls inside a plan.',
  'DOC-POC-GOALS':
    'Give every goal a measurable target and a time frame, and state diagnoses, frequency, duration and type of treatment in the plan.',
  'DOC-POC-CERT':
    'Send the plan for the physician’s dated signature at once, track its return within 30 days, and recertify before the period ends.',
  'DOC-DAILY-PRESENT': 'Write and sign a treatment note for every date billed, the same day.',
  'DOC-DAILY-CONTENT':
    'Record the interventions, the total treatment time, the patient’s response and a signature with credentials in every note.',
  'DOC-SIGNED':
    'Sign every entry with name, credentials and date; attest any unsigned or illegible entry and keep a signature log.',
  'DOC-PROGRESS-10':
    'Schedule a progress report by the treating clinician at least every 10 treatment days, counted from the evaluation or the last report.',
  'DOC-PROGRESS-CONTENT':
    'In each progress report, state the status of every goal with the measured value and compare current capacity with the job’s demands.',
  'DOC-REEVAL':
    'Re-evaluate only for a stated new finding or change, and document interim testing before asking to extend a program.',
  'DOC-DISCHARGE':
    'Close each episode with a discharge summary giving the reason for discharge, the status of each goal and the final test results.',
  'DOC-FCE-JOBDESC':
    'Obtain the job description or physical demand level before the program starts, test against it at entry and set the return-to-work goal from it.',
  'DOC-LATE-ENTRY':
    'Label every addendum or late entry as such, date and sign it when written, and never replace the original note.',
  'DOC-COMMUNICATION':
    'Log each contact with the adjuster, physician and employer with its date, and send progress and discharge reports to them.',
  'DOC-DAILY-TIME':
    'Record time in and out (or total program minutes, breaks excluded) in every note, and bill only the units those minutes support.',
  'BILL-97546-REQUIRES-97545':
    'Bill 97546 only on a date that also bills 97545 for the first two hours of the same session.',
  'BILL-97545-ONCE': 'Bill 97545 once per date; bill further hours as 97546.',
  'BILL-WC-TIME-UNITS':
    'Count work conditioning units from documented minutes: 97545 needs 61 or more, and each 97546 hour 31 or more past the previous hour.',
  'BILL-TIMED-CODE-UNITS':
    'Add up the timed minutes of the day and bill the units the 8-minute rule allows for that total.',
  'BILL-MUE':
    'Check units per date against the MUE before the claim goes out, and document medical necessity when more are truly given.',
  'BILL-NCCI-UNBUNDLING':
    'Do not bill component codes (such as 97110) inside the program session unless a separate, distinct service is documented with its own time and modifier.',
  'BILL-THERAPY-MODIFIER':
    'Set the claim editor to require GP, GO or GN (and the payer’s program modifier such as WC or WH) on every therapy line.',
  'BILL-MEDICARE-COVERAGE':
    'Do not bill work conditioning to Medicare Part B; bill the covered therapy services that were given, or the right payer.',
  'BILL-KX-THRESHOLD':
    'Track each patient’s therapy dollars for the year and add KX, with the medical necessity documented, once the threshold is passed.',
  'AUTH-PRESENT':
    'Get the payer’s written authorization before the program starts and file it with the chart.',
  'AUTH-WITHIN-LIMITS':
    'Track visits, hours and dates used against each authorization, and request an extension before the limit is reached.',
  'PROG-DURATION':
    'Plan programs within the guideline length, and document the measured progress that justifies any extension.',
};
