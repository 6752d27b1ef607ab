import type { Migration } from './types';

/**
 * A billing line's allowed amount as its ledger states it (BillingLine.allowed: "Allowed",
 * "Exp Allow", "Contractual Allowable"), so the KX threshold's running total can use what the payer
 * allows rather than what was charged when no 835 came back. Lines imported before this migration
 * have none; import them again to read it.
 */
export const allowedAmounts: Migration = {
  version: 16,
  name: 'allowed-amounts',
  up: `
    ALTER TABLE billing_lines ADD COLUMN allowed REAL;
  `,
};
