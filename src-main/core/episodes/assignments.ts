/**
 * Documents the import could not place with a patient, and the user's assignment of one. The
 * assignment is kept by the file's content hash and the document's first page (not by document
 * id, which reading the file again changes), so it survives `reanalyze` and every review; it is
 * recorded in the audit log by hashes only (no names).
 */
import { RefusedError } from '../../../shared/errors';
import { createHash } from 'node:crypto';
import type { PatientChoice, UnassignedBilling, UnassignedDocument } from '../../../shared/api';
import type { DocType } from '../../../shared/model';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import { heldKey, resolvePatients, type PatientResolution } from './patients';

/** The documents no evidence places with a patient, in import order, with what they do say. */
export function unassignedDocuments(
  db: Db,
  resolution: PatientResolution = resolvePatients(db),
): UnassignedDocument[] {
  if (resolution.unassigned.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT d.id, f.path, d.page_start, d.page_end, d.type, d.title, d.date, d.patient_dob,
              d.claim_number, d.patient_name
         FROM json_each(?) j JOIN documents d ON d.id = j.value JOIN files f ON f.id = d.file_id
        ORDER BY d.id`,
    )
    .raw()
    .all(JSON.stringify(resolution.unassigned)) as Array<
    [
      number,
      string,
      number,
      number,
      DocType,
      string,
      string | null,
      string | null,
      string | null,
      string | null,
    ]
  >;
  return rows.map(([id, file, pageStart, pageEnd, type, title, date, dob, claim, name]) => {
    const clues: string[] = [];
    const could = resolution.heldCandidates.get(heldKey.document(id));
    if (name && could) clues.push(sharedNameClue(name, candidatesOf(resolution, could)));
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

/** "names Lee, Ann only, and 2 patients have that name (DOB 1970-01-01; DOB 1985-05-05)". */
function sharedNameClue(name: string, could: PatientChoice[]): string {
  const who = could.map((p) => (p.dob ? `DOB ${p.dob}` : p.mrn ? `MRN ${p.mrn}` : p.key));
  return `gives only the name ${name}, and ${could.length} patients have that name (${who.join('; ')})`;
}

function choiceOf(p: PatientResolution['patients'][number]): PatientChoice {
  return { key: p.key, name: p.name, dob: p.dob, mrn: p.mrn };
}

function candidatesOf(resolution: PatientResolution, indexes: number[]): PatientChoice[] {
  return indexes.map((i) => choiceOf(resolution.patients[i]!));
}

/** Every patient of the store, by name, for the user to choose from. */
export function patientChoices(resolution: PatientResolution): PatientChoice[] {
  return resolution.patients
    .map(choiceOf)
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

/**
 * Billing held because it gives only a name several patients share: one entry per file and name as
 * written (a ledger's lines of "SMITH, JOHN", a remit's claims), with its dates and codes.
 */
export function unassignedBilling(
  db: Db,
  resolution: PatientResolution = resolvePatients(db),
): UnassignedBilling[] {
  const groups = new Map<string, UnassignedBilling>();
  const groupOf = (
    file: string,
    source: UnassignedBilling['source'],
    name: string,
    candidates: number[],
  ) => {
    const k = `${source}\u001f${file}\u001f${name}`;
    let g = groups.get(k);
    if (!g) {
      g = {
        file,
        source,
        name,
        lineIds: [],
        claims: [],
        from: null,
        to: null,
        codes: [],
        candidates: candidatesOf(resolution, candidates),
      };
      groups.set(k, g);
    }
    return g;
  };
  const span = (g: UnassignedBilling, dos: string | null, code: string) => {
    if (dos && (!g.from || dos < g.from)) g.from = dos;
    if (dos && (!g.to || dos > g.to)) g.to = dos;
    if (!g.codes.includes(code)) g.codes.push(code);
  };
  if (resolution.heldLines.length > 0) {
    const rows = db
      .prepare(
        `SELECT l.id, f.path, l.patient_name, l.dos, l.code FROM json_each(?) j
           JOIN billing_lines l ON l.id = j.value JOIN files f ON f.id = l.file_id ORDER BY l.id`,
      )
      .raw()
      .all(JSON.stringify(resolution.heldLines)) as Array<[number, string, string, string, string]>;
    for (const [id, file, name, dos, code] of rows) {
      const g = groupOf(file, 'ledger', name, resolution.heldCandidates.get(heldKey.line(id))!);
      g.lineIds.push(id);
      span(g, dos, code);
    }
  }
  for (const claimId of resolution.heldRemits) {
    const r = resolution.remits.get(claimId)!;
    const candidates = resolution.heldCandidates.get(heldKey.remit(claimId))!;
    const g = groupOf(r.file, 'remit', r.claim.patientName ?? '', candidates);
    g.claims.push(claimId);
    for (const s of r.claim.services) span(g, s.dos ?? r.claim.periodStart, s.code);
  }
  for (const g of groups.values()) g.codes.sort();
  return [...groups.values()];
}

/**
 * Assigns held billing rows (ledger lines, remit claims) to a patient: the patient's identity is
 * stored with each row's file and line or claim id, so re-importing the file keeps the choice.
 */
export function assignBilling(
  db: Db,
  req: { lineIds: number[]; claims: string[]; patientKey: string },
  resolution: PatientResolution = resolvePatients(db),
): void {
  const patient = resolution.patients.find((p) => p.key === req.patientKey);
  if (!patient) throw new AssignmentError(`no patient with key ${req.patientKey}`);
  const heldLines = new Set(resolution.heldLines);
  const heldRemits = new Set(resolution.heldRemits);
  const refs: Array<[string, string]> = [];
  for (const id of req.lineIds) {
    if (!heldLines.has(id))
      throw new AssignmentError(
        `billing line ${id} is not waiting for a patient (it names its own, or was assigned)`,
      );
    const row = db
      .prepare(
        'SELECT f.sha256, l.line FROM billing_lines l JOIN files f ON f.id = l.file_id WHERE l.id = ?',
      )
      .raw()
      .get(id) as [string, number];
    refs.push([row[0], `line:${row[1]}`]);
  }
  for (const claim of req.claims) {
    if (!heldRemits.has(claim))
      throw new AssignmentError(`remit claim ${claim} is not waiting for a patient`);
    refs.push([resolution.remits.get(claim)!.sha256, `claim:${claim}`]);
  }
  const at = new Date().toISOString();
  const insert = db.prepare(assignmentUpsert('billing_assignments', 'ref'));
  db.transaction(() => {
    for (const [sha, ref] of refs) insert.run(sha, ref, patient.name, patient.dob, patient.mrn, at);
    recordAudit(db, 'import', {
      assignment: true,
      billing: refs.length,
      files: [...new Set(refs.map((r) => r[0]))],
      patient: patientHash(patient.key),
    });
  })();
}

/** Stores a choice of patient for a row of a file (its page, line or claim), replacing one made before. */
function assignmentUpsert(
  table: 'document_assignments' | 'billing_assignments',
  row: 'page_start' | 'ref',
): string {
  return `INSERT INTO ${table} (file_sha256, ${row}, patient_name, patient_dob, patient_mrn, assigned_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (file_sha256, ${row}) DO UPDATE SET patient_name = excluded.patient_name,
       patient_dob = excluded.patient_dob, patient_mrn = excluded.patient_mrn,
       assigned_at = excluded.assigned_at`;
}

/** The patient by a hash of its key: the audit log holds no names or record numbers. */
function patientHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
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
  if ((name !== null || mrn !== null) && !resolution.unassigned.includes(documentId)) {
    throw new AssignmentError(
      `document ${documentId} names its patient; only documents that name none, or only a name several patients share, are assigned`,
    );
  }
  const patient = resolution.patients.find((p) => p.key === patientKey);
  if (!patient) throw new AssignmentError(`no patient with key ${patientKey}`);
  db.transaction(() => {
    db.prepare(assignmentUpsert('document_assignments', 'page_start')).run(
      sha256,
      pageStart,
      patient.name,
      patient.dob,
      patient.mrn,
      new Date().toISOString(),
    );
    recordAudit(db, 'import', {
      assignment: true,
      file: sha256,
      page: pageStart,
      patient: patientHash(patient.key),
    });
  })();
}
