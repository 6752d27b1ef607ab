import type { EpisodeModel } from '../../../shared/episode';
import type { ReviewedEpisode } from '../../../shared/review';
import { reviewEpisode } from '../review/engine';
import { toReviewedEpisode } from '../review/format';
import { profileForPayer } from '../review/profiles';
import type { PayerProfile } from '../review/types';

/**
 * Reviews episode models with `override` for every one, else each payer's own profile. Built-in
 * profiles are cloned on every lookup and rules only read them, so one per payer kind and state
 * serves a whole review.
 */
export function episodeReviewer(
  override: PayerProfile | null,
): (m: EpisodeModel) => ReviewedEpisode {
  const profiles = new Map<string, PayerProfile>();
  return (m) => {
    const key = `${m.payer.kind}|${m.payer.state ?? ''}`;
    let profile = profiles.get(key);
    if (!profile)
      profiles.set(key, (profile = override ?? profileForPayer(m.payer.kind, m.payer.state)));
    return toReviewedEpisode(m, reviewEpisode(m, profile), profile.name, override !== null);
  };
}
