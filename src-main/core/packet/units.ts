/**
 * Work conditioning unit math for the letter: the same function and code list the review uses
 * (CPT midpoint rule on the 2-hour 97545 block and the 1-hour 97546 add-on, rules.md section 2),
 * so a letter can never argue units the review would fail.
 */
import { WORK_PROGRAM_CODES } from '../review/lib/documents';
import { wcUnitsForMinutes, type WcUnits } from '../review/lib/time';

export type SupportedUnits = WcUnits;

export function unitsSupportedByMinutes(minutes: number): SupportedUnits {
  return wcUnitsForMinutes(minutes);
}

export { WORK_PROGRAM_CODES };
