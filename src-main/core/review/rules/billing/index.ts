import type { Rule } from '../../types';

/** BILL-*, AUTH-*, PROG-* rules and DOC-DAILY-TIME. */
export const billingRules: Rule[] = [];
