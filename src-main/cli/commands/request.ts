import { recordRequest, RequestError } from '../../core/deadlines/requests';
import { REQUEST_KINDS, type RequestKind } from '../../core/deadlines/profiles';
import { openDatabase } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const REQUEST_HELP = `Usage: chartready request --db FILE --claim ID --kind adr|rac|tpe|carrier --dated YYYY-MM-DD
                         [--received YYYY-MM-DD] [--from TEXT] [--json] [--passphrase-env VAR]

Records a records request a payer sent for a claim of the database: a Medicare ADR, a RAC or TPE
request, or a carrier's or plan's request. --dated is the date printed on the letter (the ADR
clock runs from it: 45 days), --received when it arrived, --from who asked (the contractor or
carrier). The request goes into the audit log and "chartready deadlines" lists its due date.`;

export async function requestCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    claim: { type: 'string' },
    kind: { type: 'string' },
    dated: { type: 'string' },
    received: { type: 'string' },
    from: { type: 'string' },
    json: { type: 'boolean' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(REQUEST_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const claimId = requireString(values.claim, '--claim ID');
  const kind = requireString(values.kind, '--kind adr|rac|tpe|carrier');
  if (!REQUEST_KINDS.includes(kind as RequestKind))
    throw new UsageError(`--kind must be adr, rac, tpe or carrier (got ${kind})`);
  const dated = isoDateOption(requireString(values.dated, '--dated YYYY-MM-DD'), '--dated')!;
  const received = isoDateOption(values.received, '--received') ?? null;
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    const req = recordRequest(db, {
      claimId,
      kind: kind as RequestKind,
      dated,
      received,
      from: values.from ?? null,
    });
    if (values.json) console.log(JSON.stringify(req, null, 2));
    else
      console.log(
        `recorded request ${req.id}: ${req.kind.toUpperCase()} for claim ${req.claimId} dated ${req.dated}; see "chartready deadlines"`,
      );
    return 0;
  } catch (err) {
    if (err instanceof RequestError) {
      console.error(`chartready request: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}
