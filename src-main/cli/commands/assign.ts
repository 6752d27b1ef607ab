import {
  AssignmentError,
  assignDocument,
  patientChoices,
  resolvePatients,
  unassignedDocuments,
} from '../../core/episodes';
import { openDatabase } from '../../core/store/db';
import { parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';
import { describeUnassigned } from './import';

export const ASSIGN_HELP = `Usage: chartready assign --db FILE [--document ID --patient KEY] [--json] [--passphrase-env VAR]

Without --document: lists the documents that name no patient the database knows (they are in no
episode) and the patients, with the KEY to assign by. With --document ID --patient KEY: assigns
that document to that patient. The assignment is kept with the file's content and page (it
survives "chartready reanalyze" and every review) and recorded in the audit log.`;

export async function assignCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    document: { type: 'string' },
    patient: { type: 'string' },
    json: { type: 'boolean' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(ASSIGN_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  if ((values.document === undefined) !== (values.patient === undefined))
    throw new UsageError('give --document ID and --patient KEY together');
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
    const resolution = resolvePatients(db);
    const unassigned = unassignedDocuments(db, resolution);
    const patients = patientChoices(resolution);
    if (values.json) {
      console.log(JSON.stringify({ unassigned, patients }, null, 2));
      return 0;
    }
    if (values.document !== undefined) console.log(`assigned document ${values.document}`);
    if (unassigned.length === 0) console.log('no unassigned documents');
    for (const d of unassigned) console.log(describeUnassigned(d));
    if (values.document === undefined && unassigned.length > 0) {
      console.log('patients (KEY  name  DOB):');
      for (const p of patients) console.log(`  ${p.key}  ${p.name}  ${p.dob ?? '-'}`);
    }
    return 0;
  } finally {
    db.close();
  }
}
