/**
 * A reviewer's payer profile for one episode (issue 15): "this episode is Texas WC" when its payer
 * entry is wrong or ambiguous. Keyed by the episode's stable id (as decisions are), with who, when
 * and a required reason; clearing it is recorded too. Each set and clear is a row of
 * `episode_profiles` (append-only, the latest per episode stands) and an audit-log entry; the
 * review applies it (episode-reviewer.ts) and the episode's patient fingerprint includes it, so a
 * change re-reviews that patient only.
 */
import { userInfo } from 'node:os';
import { RefusedError } from '../../../shared/errors';
import type { ProfileSource } from '../../../shared/review';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import { builtInProfiles } from '../review/profiles';

/** The override standing for an episode: the built-in profile's name and who set it, when, why. */
export type EpisodeProfile = Extract<ProfileSource, { from: 'episode' }> & { profile: string };

export class EpisodeProfileError extends RefusedError {}

/** The built-in profile names a reviewer can choose, in the order they are offered. */
export function profileChoices(): string[] {
  return builtInProfiles().map((p) => p.name);
}

/** Every episode's standing override (episodes whose latest row clears it have none). */
export function readEpisodeProfiles(db: Db): Map<string, EpisodeProfile> {
  const rows = db
    .prepare(
      `SELECT p.episode_id, p.profile, p.reason, p.set_by, p.set_at FROM episode_profiles p
        WHERE p.id = (SELECT max(id) FROM episode_profiles x WHERE x.episode_id = p.episode_id)
          AND p.profile IS NOT NULL`,
    )
    .raw()
    .all() as Array<[string, string, string, string, string]>;
  return new Map(
    rows.map(([episode, profile, reason, by, at]) => [
      episode,
      { from: 'episode', profile, by, at, reason },
    ]),
  );
}

export interface EpisodeProfileInput {
  episodeId: string;
  /** A built-in profile name; null clears the episode's override. */
  profile: string | null;
  /** Why: required to set, optional to clear. */
  reason?: string | null;
  /** Who; default the operating-system user (callers pass Settings' reviewer name first). */
  by?: string | null;
}

/**
 * Sets or clears an episode's profile. `episodes` are the ids of the current review: an unknown
 * episode or profile is refused, naming the valid ones. Returns the standing override (null when
 * cleared).
 */
export function setEpisodeProfile(
  db: Db,
  episodes: ReadonlySet<string>,
  input: EpisodeProfileInput,
): EpisodeProfile | null {
  if (!episodes.has(input.episodeId)) {
    const some = [...episodes].slice(0, 10).join(', ');
    const more = episodes.size > 10 ? `, and ${episodes.size - 10} more` : '';
    throw new EpisodeProfileError(
      `no episode with id ${input.episodeId} in the current review (episodes: ${some || 'none'}${more})`,
    );
  }
  const choices = profileChoices();
  if (input.profile !== null && !choices.includes(input.profile))
    throw new EpisodeProfileError(
      `unknown profile ${input.profile}: choose one of ${choices.join(', ')}`,
    );
  const reason = input.reason?.trim() ?? '';
  if (input.profile !== null && !reason)
    throw new EpisodeProfileError("setting an episode's profile needs a reason");
  const previous = readEpisodeProfiles(db).get(input.episodeId) ?? null;
  if (input.profile === null && !previous)
    throw new EpisodeProfileError(`episode ${input.episodeId} has no profile set to clear`);
  const by = input.by?.trim() || userInfo().username;
  const at = new Date().toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO episode_profiles (episode_id, profile, reason, set_by, set_at)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(input.episodeId, input.profile, reason || null, by, at);
    // As decisions are logged: what was chosen, not the reason's words (they may name a patient).
    recordAudit(db, 'decision', {
      event: input.profile === null ? 'episode-profile-cleared' : 'episode-profile-set',
      episode: input.episodeId,
      profile: input.profile,
      previous: previous?.profile ?? null,
      by,
    });
  })();
  return input.profile === null
    ? null
    : { from: 'episode', profile: input.profile, by, at, reason };
}
