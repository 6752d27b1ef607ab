import type { DecisionKind } from '../../../shared/model';
import { DECISION_KINDS, decideFinding, DecisionError } from '../../core/api/decisions';
import { reviewStore } from '../../core/api/review';
import { getSettings } from '../../core/api/settings';
import { openDatabase } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const DECIDE_HELP = `Usage: chartready decide --db FILE --finding ID --as confirmed|not-a-defect|fixed
                        --reason TEXT [--action TEXT --due YYYY-MM-DD [--clinician NAME]] [--by NAME]
                        [--as-of YYYY-MM-DD] [--passphrase-env VAR]

Records a reviewer's decision on a fail or warn finding of the current review (its id from
"chartready findings"). confirmed: the record has the defect; give the corrective action and its
due date, and --clinician for the clinician it concerns (listed by "chartready actions"). not-a-defect: the reason (the reader misread the chart, the payer does not require it,
documented elsewhere: cite where). fixed: an addendum or late entry was imported; cite it.
--by names the reviewer (default: Settings' reviewer name, else the operating-system user). Every decision goes into the audit
log; the decision stays with the finding while it is the same finding.`;

export async function decideCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    finding: { type: 'string' },
    as: { type: 'string' },
    reason: { type: 'string' },
    action: { type: 'string' },
    due: { type: 'string' },
    clinician: { type: 'string' },
    by: { type: 'string' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(DECIDE_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const findingId = requireString(values.finding, '--finding ID');
  const as = requireString(values.as, '--as confirmed|not-a-defect|fixed');
  if (!DECISION_KINDS.includes(as as DecisionKind))
    throw new UsageError(`--as must be confirmed, not-a-defect or fixed (got ${as})`);
  const reason = requireString(values.reason, '--reason TEXT');
  const due = isoDateOption(values.due, '--due');
  if (as === 'confirmed' && (!values.action || !due))
    throw new UsageError('--as confirmed needs --action TEXT and --due YYYY-MM-DD');
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    // The decision is about a finding of the review as it stands now.
    const report = reviewStore(db, {
      asOf: isoDateOption(values['as-of'], '--as-of'),
      audit: false,
    });
    const decision = decideFinding(db, report.episodes, {
      findingId,
      as: as as DecisionKind,
      reason,
      action: values.action ?? null,
      due: due ?? null,
      clinician: values.clinician ?? null,
      by: values.by ?? getSettings(db).reviewerName ?? null,
    });
    console.log(`recorded: ${findingId} ${decision.as} by ${decision.by} at ${decision.at}`);
    return 0;
  } catch (err) {
    if (err instanceof DecisionError) {
      console.error(`chartready decide: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}
