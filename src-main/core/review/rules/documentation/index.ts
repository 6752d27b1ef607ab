import type { Rule } from '../../types';

/** DOC-* rules (except DOC-DAILY-TIME, which lives with the time math in ../billing). */
export const documentationRules: Rule[] = [];
