import type { Migration } from './types';

/**
 * Every packet built (issue 15): what was asked for (claim, kind, denial code, exhibit order and
 * exclusions, as JSON), what came out (pages, SHA-256) and the PDF itself, so a packet sent to a
 * payer can be reopened byte for byte and its exhibit choices start the next one for that claim.
 */
export const packetHistory: Migration = {
  version: 13,
  name: 'packet-history',
  up: `
    CREATE TABLE packets (
      id INTEGER PRIMARY KEY,
      episode_id TEXT NOT NULL,
      claim_id TEXT,
      kind TEXT NOT NULL,
      carc TEXT,
      request TEXT NOT NULL,
      pages INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      built_at TEXT NOT NULL,
      output TEXT,
      pdf BLOB NOT NULL
    );
    CREATE INDEX packets_episode ON packets (episode_id, built_at);
    CREATE INDEX packets_claim ON packets (claim_id, built_at);
  `,
};
