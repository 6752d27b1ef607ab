import {
  EpisodeProfileError,
  profileChoices,
  setEpisodeProfile,
} from '../../core/api/episode-profiles';
import { reviewStore } from '../../core/api/review';
import { getSettings } from '../../core/api/settings';
import { openDatabase } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const PROFILE_HELP = `Usage: chartready profile --db FILE --episode ID --as PROFILE --reason TEXT [--by NAME]
       chartready profile --db FILE --episode ID --clear [--reason TEXT] [--by NAME]
                          [--as-of YYYY-MM-DD] [--passphrase-env VAR]

Sets the payer profile one episode is reviewed with, whatever its payer says (its id from
"chartready review --format json"): for an episode whose payer list entry is wrong or ambiguous.
PROFILE is a built-in profile: ${profileChoices().join(', ')}.
A reason is required; --clear goes back to the profile the payer (or the default) chooses.
--by names the reviewer (default:
Settings' reviewer name, else the operating-system user). Each change goes into the audit log,
and the next review reviews that episode's patient again; the review's JSON says where each
episode's profile came from (profileSource).`;

export async function profileCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    episode: { type: 'string' },
    as: { type: 'string' },
    clear: { type: 'boolean' },
    reason: { type: 'string' },
    by: { type: 'string' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(PROFILE_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const episodeId = requireString(values.episode, '--episode ID');
  if (values.clear && values.as !== undefined)
    throw new UsageError('give either --as PROFILE or --clear, not both');
  const profile = values.clear ? null : requireString(values.as, '--as PROFILE (or --clear)');
  const reason = values.clear
    ? (values.reason ?? null)
    : requireString(values.reason, '--reason TEXT');
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    // The episode is one of the review as it stands now.
    const report = reviewStore(db, {
      asOf: isoDateOption(values['as-of'], '--as-of'),
      audit: false,
    });
    const set = setEpisodeProfile(db, new Set(report.episodes.map((e) => e.id)), {
      episodeId,
      profile,
      reason,
      by: values.by ?? getSettings(db).reviewerName ?? null,
    });
    console.log(
      set
        ? `recorded: episode ${episodeId} reviewed as ${set.profile}, set by ${set.by} at ${set.at}`
        : `recorded: episode ${episodeId} back to the profile its payer chooses`,
    );
    return 0;
  } catch (err) {
    if (err instanceof EpisodeProfileError) {
      console.error(`chartready profile: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}
