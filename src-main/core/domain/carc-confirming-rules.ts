/**
 * What a denial reason asserts, as the review rules (catalog ids) whose failure confirms it on a
 * denied line. An appeal is a statement to the payer: a line the app's own review says is
 * defective in the way the denial says is not argued and not asked to be paid (issue 15).
 *
 * `lines` says which lines on a failing finding's dates the failure concerns:
 * - `date`: every line of that date (an authorization covers the day's program);
 * - `add-on`: the 97546 lines (billed without their primary 97545);
 * - `components`: the lines that are not program codes (billed inside the program time);
 * - `over-units`: the program codes billed beyond what the documented minutes support;
 * - `named-codes`: the lines whose code the finding's message names (modifiers, MUE).
 */
export type ConfirmedLines = 'date' | 'add-on' | 'components' | 'over-units' | 'named-codes';

export interface ConfirmingRule {
  rule: string;
  lines: ConfirmedLines;
}

/** Key for the line defects that make a line unpayable as billed whatever the denial says. */
export const ANY_DENIAL = '*';

export const CARC_CONFIRMING_RULES: Readonly<Record<string, readonly ConfirmingRule[]>> = {
  [ANY_DENIAL]: [
    { rule: 'BILL-WC-TIME-UNITS', lines: 'over-units' },
    { rule: 'BILL-97546-REQUIRES-97545', lines: 'add-on' },
    { rule: 'BILL-NCCI-UNBUNDLING', lines: 'components' },
  ],
  // No pre-certification on file, or absent or exceeded (62, older code).
  '197': [
    { rule: 'AUTH-PRESENT', lines: 'date' },
    { rule: 'AUTH-WITHIN-LIMITS', lines: 'date' },
  ],
  '62': [
    { rule: 'AUTH-PRESENT', lines: 'date' },
    { rule: 'AUTH-WITHIN-LIMITS', lines: 'date' },
  ],
  // Services beyond the authorization approved.
  '198': [{ rule: 'AUTH-WITHIN-LIMITS', lines: 'date' }],
  // Authorization number missing or not applying to the services.
  '15': [{ rule: 'AUTH-PRESENT', lines: 'date' }],
  // Units or frequency not supported by the information.
  '151': [
    { rule: 'BILL-MUE', lines: 'named-codes' },
    { rule: 'DOC-DAILY-TIME', lines: 'date' },
  ],
  // Missing information or submission error, such as a modifier.
  '4': [{ rule: 'BILL-THERAPY-MODIFIER', lines: 'named-codes' }],
  '16': [{ rule: 'BILL-THERAPY-MODIFIER', lines: 'named-codes' }],
  // Not covered by the plan (Medicare does not pay the program codes).
  '96': [{ rule: 'BILL-MEDICARE-COVERAGE', lines: 'named-codes' }],
  '204': [{ rule: 'BILL-MEDICARE-COVERAGE', lines: 'named-codes' }],
};

/** The rules whose failure confirms a denial with this CARC, the every-denial line defects first. */
export function rulesConfirming(carc: string): readonly ConfirmingRule[] {
  return [...(CARC_CONFIRMING_RULES[ANY_DENIAL] ?? []), ...(CARC_CONFIRMING_RULES[carc] ?? [])];
}
