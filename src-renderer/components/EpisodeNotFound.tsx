import { lastEpisodesQuery } from '../lib/episode-filters';
import { href } from '../lib/route';

/**
 * An episode id the review does not have, as a page that says what may have happened (the
 * episode page and its packet builder both show it), never a raw error.
 */
export function EpisodeNotFound() {
  return (
    <div className="screen">
      <h1>Episode not found</h1>
      <p>
        This episode is not in the current review. An import may have joined it to another episode
        of the same patient, or a change to the payer&apos;s kind or a reassigned document may have
        given it a new start, and so a new id. Find the patient in the{' '}
        <a href={href({ name: 'episodes', query: lastEpisodesQuery() })}>episode list</a>.
      </p>
    </div>
  );
}
