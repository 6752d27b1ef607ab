/**
 * Who is who, decided once for the whole store before any episode is built. Matching works on
 * distinct identities (name, date of birth, MRN as written), which SQLite counts for us: a chart of
 * 600,000 rows has a few thousand of them. The result maps every identity, identity-less document
 * and unbilled remit claim to a patient; the episode builder then only looks rows up.
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

/** Who each identity, placed document and unbilled remit claim is: the value is a patient index. */
export interface PatientResolution {
  patients: ResolvedPatient[];
  /** `identityKey(name, dob, mrn)` -> patient index. */
  identities: Map<string, number>;
  /** Documents without an identity of their own, placed by folder. */
  documents: Map<number, number>;
  /** Remit claims not billed in a ledger or FHIR claim: their service lines become billing lines. */
  remitClaims: Map<string, number>;
}

const SEP = '\u001f';

/** The identity of a row as stored; empty and missing parts are the same to matching. */
export function identityKey(name: string | null, dob: string | null, mrn: string | null): string {
  return `${name ?? ''}${SEP}${dob ?? ''}${SEP}${mrn ?? ''}`;
}

/**
 * `identities.get(identityKey(...))` without building a key string per row: rows repeat a few
 * thousand identities hundreds of thousands of times.
 */
export function identityLookup(
  identities: Map<string, number>,
): (name: string | null, dob: string | null, mrn: string | null) => number | undefined {
  const cache = new Map<string, Map<string, Map<string, number | undefined>>>();
  return (name, dob, mrn) => {
    let byDob = cache.get(name ?? '');
    if (!byDob) cache.set(name ?? '', (byDob = new Map()));
    let byMrn = byDob.get(dob ?? '');
    if (!byMrn) byDob.set(dob ?? '', (byMrn = new Map()));
    if (byMrn.has(mrn ?? '')) return byMrn.get(mrn ?? '');
    const p = identities.get(identityKey(name, dob, mrn));
    byMrn.set(mrn ?? '', p);
    return p;
  };
}

/** The same key computed by SQLite. */
export function identityKeySql(name: string, dob: string, mrn: string): string {
  return `(coalesce(${name}, '') || char(31) || coalesce(${dob}, '') || char(31) || coalesce(${mrn}, ''))`;
}

/** The remit claims to read as service lines: the latest non-reversal per claim id. */
export interface RemitRecord {
  claim: RemitClaim;
  file: string;
  paymentDate: string | null;
}

export function readRemits(db: Db): Map<string, RemitRecord> {
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
export function unbilledRemits(db: Db, remits: Map<string, RemitRecord>): string[] {
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

export function resolvePatients(db: Db): PatientResolution {
  const pathOf = new Map(
    db.prepare('SELECT id, path FROM files').raw().all() as Array<[number, string]>,
  );
  // Documents by identity and file (the file's folder votes for identity-less documents), in
  // order of first appearance; billing lines by identity, in order of first appearance.
  const docGroups = (
    db
      .prepare(
        `SELECT patient_name, patient_dob, patient_mrn, file_id, count(*), min(id) AS first
         FROM documents GROUP BY patient_name, patient_dob, patient_mrn, file_id ORDER BY first`,
      )
      .raw()
      .all() as Array<[string | null, string | null, string | null, number, number, number]>
  ).filter((g) => pathOf.has(g[3]));
  const lineGroups = db
    .prepare(
      `SELECT patient_name, dob, mrn, count(*),
min(id) AS first
         FROM billing_lines WHERE file_id IN (SELECT id FROM files)
         GROUP BY patient_name, dob, mrn ORDER BY first`,
    )
    .raw()
    .all() as Array<[string | null, string | null, string | null, number, number]>;
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
  for (const [name, dob, mrn, rows] of lineGroups) add(name, dob, mrn, rows);
  const remitInput = unbilled.map((claimId) => {
    const { claim } = remits.get(claimId)!;
    return add(claim.patientName, null, null, claim.services.length);
  });

  const { patientOf, patients: clusters } = matchPatients(inputs);

  // Identity-less documents take the patient of their folder.
  const groupPatient = docInput.map((i) => patientOf[i]!);
  assignByFolder(docPaths, groupPatient, docWeights);
  const documents = new Map<number, number>();
  const unplaced = db.prepare(
    `SELECT id FROM documents WHERE file_id = ? AND ${identityKeySql('patient_name', 'patient_dob', 'patient_mrn')} = ?`,
  );
  docGroups.forEach(([name, dob, mrn, fileId], g) => {
    if (patientOf[docInput[g]!]! >= 0 || groupPatient[g]! < 0) return;
    for (const id of unplaced.pluck().all(fileId, identityKey(name, dob, mrn)) as number[])
      documents.set(id, groupPatient[g]!);
  });

  const identities = new Map<string, number>();
  inputs.forEach((inp, i) => {
    if (patientOf[i]! >= 0) identities.set(identityKey(inp.name, inp.dob, inp.mrn), patientOf[i]!);
  });
  const remitClaims = new Map<string, number>();
  unbilled.forEach((claimId, i) => {
    const p = patientOf[remitInput[i]!]!;
    if (p >= 0) remitClaims.set(claimId, p);
  });

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
  return { patients, identities, documents, remitClaims };
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
