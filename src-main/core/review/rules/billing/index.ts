import type { Rule } from '../../types';
import { authPresent } from './auth-present';
import { authWithinLimits } from './auth-within-limits';
import { bill97545Once } from './bill-97545-once';
import { bill97546Requires97545 } from './bill-97546-requires-97545';
import { billKxThreshold } from './bill-kx-threshold';
import { billMedicareCoverage } from './bill-medicare-coverage';
import { billMue } from './bill-mue';
import { billNcciUnbundling } from './bill-ncci-unbundling';
import { billTherapyModifier } from './bill-therapy-modifier';
import { billTimedCodeUnits } from './bill-timed-code-units';
import { billWcTimeUnits } from './bill-wc-time-units';
import { docDailyTime } from './doc-daily-time';
import { progDuration } from './prog-duration';

/** BILL-*, AUTH-*, PROG-* rules and DOC-DAILY-TIME, in catalog order (rules.md section 3). */
export const billingRules: Rule[] = [
  docDailyTime,
  bill97546Requires97545,
  bill97545Once,
  billWcTimeUnits,
  billTimedCodeUnits,
  billMue,
  billNcciUnbundling,
  billTherapyModifier,
  billMedicareCoverage,
  billKxThreshold,
  authPresent,
  authWithinLimits,
  progDuration,
];
