import { todayIso } from '../../core/api/review';
import { getSettings } from '../../core/api/settings';
import { markAnswered, reopenDeadline } from '../../core/deadlines/answers';
import { RequestError } from '../../core/deadlines/requests';
import { openDatabase } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';

export const ANSWERED_HELP = `Usage: chartready answered --db FILE --deadline ID [--on YYYY-MM-DD] [--how TEXT]
                          [--reopen] [--passphrase-env VAR]

Marks a deadline answered: the appeal, corrected claim or records response went out on --on
(default today), --how says how ("faxed to the MAC, confirmation 4471"). ID is the deadline's id
as "chartready deadlines" prints it (denial:CLAIM or request:N). An answered deadline stops
counting down, is listed last and is cancelled in the calendar export. --reopen takes the mark
back. Both go into the audit log with the reviewer's name (Settings, else the OS user).`;

export async function answeredCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    deadline: { type: 'string' },
    on: { type: 'string' },
    how: { type: 'string' },
    reopen: { type: 'boolean' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(ANSWERED_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const itemId = requireString(values.deadline, '--deadline ID');
  const today = todayIso();
  const on = isoDateOption(values.on, '--on') ?? today;
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    if (values.reopen) {
      reopenDeadline(db, itemId);
      console.log(`reopened deadline ${itemId}`);
    } else {
      const a = markAnswered(db, {
        itemId,
        on,
        how: values.how ?? null,
        by: getSettings(db).reviewerName ?? null,
        asOf: today,
      });
      console.log(`marked deadline ${itemId} answered on ${a.on} by ${a.by}`);
    }
    return 0;
  } catch (err) {
    if (err instanceof RequestError) {
      console.error(`chartready answered: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}
