import type { Rule } from '../types';
import { documentationRules } from './documentation';
import { billingRules } from './billing';

/** Every rule in catalog order: documentation first, then billing, authorization and program rules. */
export const ALL_RULES: readonly Rule[] = [...documentationRules, ...billingRules];
