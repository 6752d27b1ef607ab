import type { Migration } from './types';

/**
 * Payer kind from evidence (rules.md section 4): a billing line's payer class as its source states
 * it (a ledger's financial class or plan type, a FHIR Coverage.type), and the clinic's own payer
 * list, the strongest signal: payer name (matched by `name_key`, the name in lower case with runs
 * of spaces and punctuation folded) -> kind and, for workers' comp, the jurisdiction's state.
 * Lines imported before this migration have no class; import them again to read it.
 */
export const payerKinds: Migration = {
  version: 6,
  name: 'payer-kinds',
  up: `
    ALTER TABLE billing_lines ADD COLUMN payer_class TEXT;
    CREATE TABLE payer_kinds (
      name_key TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('medicare', 'workers-comp', 'commercial', 'other')),
      state TEXT CHECK (state IS NULL OR (length(state) = 2 AND state = upper(state))),
      set_at TEXT NOT NULL
    );
  `,
};
