/**
 * Documents the import could not place with a patient, and the user's assignment of one. The
 * assignment is kept by the file's content hash and the document's first page (not by document
 * id, which reading the file again changes), so it survives `reanalyze` and every review; it is
 * recorded in the audit log by hashes only (no names).
 */
import { RefusedError } from '../../../shared/errors';
import { createHash } from 'node:crypto';
import type { PatientChoice, UnassignedDocument } from '../../../shared/api';
import type { DocType } from '../../../shared/model';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import { resolvePatients, type PatientResolution } from './patients';

/** The documents no evidence places with a patient, in import order, with what they do say. */
export function unassignedDocuments(
  db: Db,
  resolution: PatientResolution = resolvePatients(db),
): UnassignedDocument[] {
  if (resolution.unassigned.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT d.id, f.path, d.page_start, d.page_end, d.type, d.title, d.date, d.patient_dob,
              d.claim_number
         FROM json_each(?) j JOIN documents d ON d.id = j.value JOIN files f ON f.id = d.file_id
        ORDER BY d.id`,
    )
    .raw()
    .all(JSON.stringify(resolution.unassigned)) as Array<
    [number, string, number, number, DocType, string, string | null, string | null, string | null]
  >;
  return rows.map(([id, file, pageStart, pageEnd, type, title, date, dob, claim]) => {
    const clues: string[] = [];
    if (claim) clues.push(`claim ${claim} (no patient carries it)`);
    if (dob) clues.push(`date of birth ${dob} (no single patient has it)`);
    // A name in a subject line or in prose may be the patient's, or a physician's or employer's:
    // the reader does not guess, and says what it looked for.
    if (clues.length === 0)
      clues.push(
        'no patient label, date of birth or claim number found (a name in a subject line or prose is not taken as the patient)',
      );
    return { documentId: id, file, pageStart, pageEnd, type, title, date, clues };
  });
}

/** Every patient of the store, by name, for the user to choose from. */
export function patientChoices(resolution: PatientResolution): PatientChoice[] {
  return resolution.patients
    .map((p) => ({ key: p.key, name: p.name, dob: p.dob, mrn: p.mrn }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

export class AssignmentError extends RefusedError {}

/**
 * Assigns a document that names no patient to one of the store's patients. The patient's identity
 * (name, DOB, MRN) is stored with the document's file and first page; matching then places it as
 * if the document had said so.
 */
export function assignDocument(
  db: Db,
  documentId: number,
  patientKey: string,
  resolution: PatientResolution = resolvePatients(db),
): void {
  const doc = db
    .prepare(
      `SELECT f.sha256, d.page_start, d.patient_name, d.patient_mrn
         FROM documents d JOIN files f ON f.id = d.file_id WHERE d.id = ?`,
    )
    .raw()
    .get(documentId) as [string, number, string | null, string | null] | undefined;
  if (!doc) throw new AssignmentError(`no document with id ${documentId}`);
  const [sha256, pageStart, name, mrn] = doc;
  if (name !== null || mrn !== null) {
    throw new AssignmentError(
      `document ${documentId} names its patient; only documents that name none are assigned`,
    );
  }
  const patient = resolution.patients.find((p) => p.key === patientKey);
  if (!patient) throw new AssignmentError(`no patient with key ${patientKey}`);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO document_assignments
         (file_sha256, page_start, patient_name, patient_dob, patient_mrn, assigned_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (file_sha256, page_start) DO UPDATE SET patient_name = excluded.patient_name,
         patient_dob = excluded.patient_dob, patient_mrn = excluded.patient_mrn,
         assigned_at = excluded.assigned_at`,
    ).run(sha256, pageStart, patient.name, patient.dob, patient.mrn, new Date().toISOString());
    recordAudit(db, 'import', {
      assignment: true,
      file: sha256,
      page: pageStart,
      // The patient by a hash of its key: the audit log holds no names or record numbers.
      patient: createHash('sha256').update(patient.key).digest('hex').slice(0, 16),
    });
  })();
}
