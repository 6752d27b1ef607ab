import type { EpisodeModel } from '../../../shared/episode';
import type { ProfileSource, ReviewedEpisode } from '../../../shared/review';
import { payerListEntryOf } from '../episodes/payers';
import { reviewEpisode } from '../review/engine';
import { toReviewedEpisode } from '../review/format';
import { builtInProfile, profileForPayer } from '../review/profiles';
import type { PayerProfile } from '../review/types';
import type { EpisodeProfile } from './episode-profiles';

/**
 * Reviews episode models with, in this order: the profile a reviewer set for the episode
 * (`episodeProfiles`, by episode id), `override` for every episode (the default profile), else each
 * payer's own profile; each review says which (`profileSource`). Built-in profiles are cloned on
 * every lookup and rules only read them, so one per payer kind and state, or per name, serves a
 * whole review.
 */
export function episodeReviewer(
  override: PayerProfile | null,
  episodeProfiles: ReadonlyMap<string, EpisodeProfile> = new Map(),
): (m: EpisodeModel) => ReviewedEpisode {
  const profiles = new Map<string, PayerProfile>();
  const named = new Map<string, PayerProfile>();
  return (m) => {
    const set = episodeProfiles.get(m.id);
    const chosen = set ? (named.get(set.profile) ?? builtInProfile(set.profile)) : undefined;
    if (set && chosen) {
      named.set(set.profile, chosen);
      const source: ProfileSource = { from: 'episode', by: set.by, at: set.at, reason: set.reason };
      return toReviewedEpisode(m, reviewEpisode(m, chosen), chosen.name, source);
    }
    const key = `${m.payer.kind}|${m.payer.state ?? ''}`;
    let profile = profiles.get(key);
    if (!profile)
      profiles.set(key, (profile = override ?? profileForPayer(m.payer.kind, m.payer.state)));
    const source: ProfileSource = override
      ? { from: 'default' }
      : { from: 'payer', payer: m.payer.name, payerList: payerListEntryOf(m.payer.basis) };
    return toReviewedEpisode(m, reviewEpisode(m, profile), profile.name, source);
  };
}
