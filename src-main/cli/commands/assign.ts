import {
  AssignmentError,
  assignBilling,
  assignDocument,
  patientChoices,
  resolvePatients,
  unassignedBilling,
  unassignedDocuments,
} from '../../core/episodes';
import { openDatabase } from '../../core/store/db';
import { parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';
import { printUnplaced } from './import';

export const ASSIGN_HELP = `Usage: chartready assign --db FILE [(--document ID | --billing N) --patient KEY] [--json]
                        [--passphrase-env VAR]

Without --document or --billing: lists the documents that name no patient the database knows, or
only a name several patients share, and the billing rows (ledger lines, remit claims) that give
only such a name; they are in no episode. Also lists the patients, with the KEY to assign by.
--document ID --patient KEY assigns that document to that patient; --billing N --patient KEY
assigns the Nth held billing group as listed. The assignment is kept with the file's content and
page, line or claim (it survives "chartready reanalyze", a re-import and every review) and
recorded in the audit log.`;

export async function assignCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    document: { type: 'string' },
    billing: { type: 'string' },
    patient: { type: 'string' },
    json: { type: 'boolean' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(ASSIGN_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const target = values.document ?? values.billing;
  if (values.document !== undefined && values.billing !== undefined)
    throw new UsageError('give --document ID or --billing N, not both');
  if ((target === undefined) !== (values.patient === undefined))
    throw new UsageError('give --document ID or --billing N together with --patient KEY');
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    if (values.document !== undefined) {
      const id = Number(values.document);
      if (!Number.isInteger(id) || id < 0)
        throw new UsageError(`--document must be a document number, not "${values.document}"`);
      try {
        assignDocument(db, id, values.patient!);
      } catch (err) {
        if (!(err instanceof AssignmentError)) throw err;
        console.error(`chartready assign: ${err.message}`);
        return 1;
      }
    }
    if (values.billing !== undefined) {
      const n = Number(values.billing);
      const held = unassignedBilling(db);
      if (!Number.isInteger(n) || n < 1 || n > held.length)
        throw new UsageError(
          `--billing must be the number of a held billing group as listed (1 to ${held.length}), not "${values.billing}"`,
        );
      const group = held[n - 1]!;
      try {
        assignBilling(db, { ...group, patientKey: values.patient! });
      } catch (err) {
        if (!(err instanceof AssignmentError)) throw err;
        console.error(`chartready assign: ${err.message}`);
        return 1;
      }
    }
    const resolution = resolvePatients(db);
    const unassigned = unassignedDocuments(db, resolution);
    const billing = unassignedBilling(db, resolution);
    const patients = patientChoices(resolution);
    if (values.json) {
      console.log(JSON.stringify({ unassigned, unassignedBilling: billing, patients }, null, 2));
      return 0;
    }
    if (values.document !== undefined) console.log(`assigned document ${values.document}`);
    if (values.billing !== undefined) console.log(`assigned billing group ${values.billing}`);
    if (unassigned.length === 0 && billing.length === 0) console.log('no unassigned documents');
    printUnplaced(unassigned, billing);
    if (target === undefined && unassigned.length + billing.length > 0) {
      console.log('patients (KEY  name  DOB):');
      for (const p of patients) console.log(`  ${p.key}  ${p.name}  ${p.dob ?? '-'}`);
    }
    return 0;
  } finally {
    db.close();
  }
}
