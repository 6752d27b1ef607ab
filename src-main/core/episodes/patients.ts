/**
 * Who is who, decided once for the whole store before any episode is built. Matching works on
 * distinct identities (name, date of birth, MRN as written), which SQLite groups for us: a chart of
 * 600,000 rows has a few thousand of them. The result lists each patient's documents, billing
 * lines and unbilled remit claims, so episodes can be built a few patients at a time.
 */
import type { RemitClaim } from '../../../shared/model';
import type { Db } from '../store/db';
import { clusterName, matchPatients, type IdentityInput } from './identity';

export interface ResolvedPatient {
  /** 1-based, in order of first appearance. */
  id: number;
  name: string;
  mrn: string | null;
  dob: string | null;
  /** Stable key for episode ids: MRN, else normalized name and DOB. */
  key: string;
}

/** A patient's rows in the store: what the episode builder reads for them, and only that. */
export interface PatientRows {
  /** Document ids, ascending (their own identity, or placed by folder). */
  documents: number[];
  /** Billing line ids (ledger and FHIR claims). */
  lines: number[];
  /** Remit claims not billed in a ledger or FHIR claim: their service lines become billing lines. */
  remitClaims: string[];
}

export interface PatientResolution {
  patients: ResolvedPatient[];
  /** Rows of each patient, by patient index. */
  rows: PatientRows[];
  /** File paths by file id and remits by claim id, read once for matching and reused to build. */
  paths: Map<number, string>;
  remits: Map<string, RemitRecord>;
}

const SEP = '\u001f';

/** The identity of a row as stored; empty and missing parts are the same to matching. */
function identityKey(name: string | null, dob: string | null, mrn: string | null): string {
  return `${name ?? ''}${SEP}${dob ?? ''}${SEP}${mrn ?? ''}`;
}

/** The remit claims to read as service lines: the latest non-reversal per claim id. */
export interface RemitRecord {
  claim: RemitClaim;
  file: string;
  paymentDate: string | null;
}

function readRemits(db: Db): Map<string, RemitRecord> {
  const rows = db
    .prepare(
      `SELECT r.claim_id, r.data, r.payment_date, f.path
         FROM remit_claims r JOIN files f ON f.id = r.file_id ORDER BY r.id`,
    )
    .raw()
    .all() as Array<[string, string, string | null, string]>;
  const byClaim = new Map<string, RemitRecord>();
  for (const [claimId, data, paymentDate, file] of rows) {
    const claim = JSON.parse(data) as RemitClaim;
    if (claim.status === '22') continue;
    byClaim.set(claimId, { claim, file, paymentDate });
  }
  return byClaim;
}

/** Remit claims whose lines count as billing: no ledger or FHIR line bills the claim. */
function unbilledRemits(db: Db, remits: Map<string, RemitRecord>): string[] {
  if (remits.size === 0) return [];
  const billed = db
    .prepare(
      `SELECT value FROM json_each(?)
        WHERE value IN (SELECT claim_id FROM billing_lines WHERE claim_id IS NOT NULL)`,
    )
    .pluck()
    .all(JSON.stringify([...remits.keys()])) as string[];
  const set = new Set(billed);
  return [...remits.keys()].filter((c) => !set.has(c));
}

/**
 * Documents grouped by identity and file, with their ids, in order of first appearance. The
 * identity indexes (migration 0004) let SQLite group without sorting every row.
 */
export const DOCUMENT_GROUPS_SQL = `
  SELECT patient_name, patient_dob, patient_mrn, file_id, count(*), json_group_array(id),
         min(id) AS first
    FROM documents GROUP BY patient_name, patient_dob, patient_mrn, file_id ORDER BY first`;

/** Billing lines grouped by identity; `+file_id` keeps the file index from being chosen instead. */
export const LINE_GROUPS_SQL = `
  SELECT patient_name, dob, mrn, count(*), json_group_array(id), min(id) AS first
    FROM billing_lines WHERE +file_id IN (SELECT id FROM files)
   GROUP BY patient_name, dob, mrn ORDER BY first`;

export function resolvePatients(db: Db): PatientResolution {
  const pathOf = new Map(
    db.prepare('SELECT id, path FROM files').raw().all() as Array<[number, string]>,
  );
  // Documents by identity and file (the file's folder votes for identity-less documents), in
  // order of first appearance; billing lines by identity, in order of first appearance.
  // With each group its row ids, so that episodes are then built patient by patient.
  const docGroups = (
    db.prepare(DOCUMENT_GROUPS_SQL).raw().all() as Array<
      [string | null, string | null, string | null, number, number, string]
    >
  ).filter((g) => pathOf.has(g[3]));
  const lineGroups = db.prepare(LINE_GROUPS_SQL).raw().all() as Array<
    [string | null, string | null, string | null, number, string]
  >;
  const remits = readRemits(db);
  const unbilled = unbilledRemits(db, remits);

  const inputs: Array<IdentityInput & { weight: number }> = [];
  const docInput: number[] = [];
  const docPaths: string[] = [];
  const docWeights: number[] = [];
  const seen = new Map<string, number>();
  const add = (name: string | null, dob: string | null, mrn: string | null, rows: number) => {
    const key = identityKey(name, dob, mrn);
    let i = seen.get(key);
    if (i === undefined) {
      i = inputs.length;
      seen.set(key, i);
      inputs.push({ name, dob, mrn, weight: 0 });
    }
    inputs[i]!.weight += rows;
    return i;
  };
  for (const [name, dob, mrn, fileId, rows] of docGroups) {
    docInput.push(add(name, dob, mrn, rows));
    docPaths.push(pathOf.get(fileId)!);
    docWeights.push(rows);
  }
  const lineInput = lineGroups.map(([name, dob, mrn, rows]) => add(name, dob, mrn, rows));
  const remitInput = unbilled.map((claimId) => {
    const { claim } = remits.get(claimId)!;
    return add(claim.patientName, null, null, claim.services.length);
  });

  const { patientOf, patients: clusters } = matchPatients(inputs);

  // Identity-less documents take the patient of their folder.
  const groupPatient = docInput.map((i) => patientOf[i]!);
  assignByFolder(docPaths, groupPatient, docWeights);

  const rows = clusters.map((): PatientRows => ({ documents: [], lines: [], remitClaims: [] }));
  docGroups.forEach((g, i) => {
    const p = groupPatient[i]!;
    if (p >= 0) for (const id of JSON.parse(g[5]) as number[]) rows[p]!.documents.push(id);
  });
  lineGroups.forEach((g, i) => {
    const p = patientOf[lineInput[i]!]!;
    if (p >= 0) for (const id of JSON.parse(g[4]) as number[]) rows[p]!.lines.push(id);
  });
  unbilled.forEach((claimId, i) => {
    const p = patientOf[remitInput[i]!]!;
    if (p >= 0) rows[p]!.remitClaims.push(claimId);
  });
  for (const r of rows) r.documents.sort((a, b) => a - b);

  const patients = clusters.map((cluster, p): ResolvedPatient => {
    const name = clusterName(cluster);
    const mrn = [...cluster.mrns][0] ?? null;
    const dob = [...cluster.dobs][0] ?? null;
    return {
      id: p + 1,
      name,
      mrn,
      dob,
      key: mrn ?? `${[...cluster.keys][0] ?? name}|${dob ?? ''}`,
    };
  });
  return { patients, rows, paths: pathOf, remits };
}

/**
 * Documents with no patient identity of their own (a job description, an authorization letter
 * that names only the claim) belong to the patient whose notes fill the same folder: exports are
 * commonly one folder per patient. Only a clear majority assigns; otherwise the document stays
 * unmatched rather than guessed. `weights` counts documents per entry (default 1).
 */
export function assignByFolder(paths: string[], patientOf: number[], weights?: number[]): void {
  const folderOf = (p: string) => {
    const base = p.split('#')[0]!;
    const i = base.lastIndexOf('/');
    return i < 0 ? '' : base.slice(0, i);
  };
  const votes = new Map<string, Map<number, number>>();
  paths.forEach((p, i) => {
    const who = patientOf[i]!;
    if (who < 0) return;
    const folder = folderOf(p);
    let m = votes.get(folder);
    if (!m) votes.set(folder, (m = new Map()));
    m.set(who, (m.get(who) ?? 0) + (weights?.[i] ?? 1));
  });
  paths.forEach((p, i) => {
    if (patientOf[i]! >= 0) return;
    const folder = folderOf(p);
    // The import root itself mixes patients: never assign by it.
    if (folder === '') return;
    const m = votes.get(folder);
    if (!m) return;
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    const [best, n] = [...m.entries()].sort((a, b) => b[1] - a[1])[0]!;
    if (n / total > 0.8) patientOf[i] = best;
  });
}
