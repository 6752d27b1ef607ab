import type { Migration } from './types';

/**
 * A reviewer's payer profile for one episode (issue 15), keyed by the episode's stable id as
 * decisions are. Every set and every clear is a row (a clear has no profile), the latest per
 * episode stands; rows are never changed. A row bumps the stored review's input generation, so the
 * next review looks again and rebuilds the patients whose override changed.
 */
export const episodeProfiles: Migration = {
  version: 15,
  name: 'episode-profiles',
  up: `
    CREATE TABLE episode_profiles (
      id INTEGER PRIMARY KEY,
      episode_id TEXT NOT NULL,
      profile TEXT,
      reason TEXT,
      set_by TEXT NOT NULL,
      set_at TEXT NOT NULL,
      CHECK (profile IS NULL OR length(trim(reason)) > 0)
    );
    CREATE INDEX episode_profiles_episode ON episode_profiles (episode_id, id);
    CREATE TRIGGER episode_profiles_no_update BEFORE UPDATE ON episode_profiles BEGIN
      SELECT RAISE(ABORT, 'episode_profiles is append-only');
    END;
    CREATE TRIGGER episode_profiles_no_delete BEFORE DELETE ON episode_profiles BEGIN
      SELECT RAISE(ABORT, 'episode_profiles is append-only');
    END;
    CREATE TRIGGER review_inputs_episode_profiles_insert AFTER INSERT ON episode_profiles BEGIN
      UPDATE review_inputs SET generation = generation + 1 WHERE id = 1;
    END;
  `,
};
