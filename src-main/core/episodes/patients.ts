/**
 * Who is who, decided once for the whole store before any episode is built. Matching works on
 * distinct identities (name, date of birth, MRN as written), which SQLite groups for us: a chart of
 * 600,000 rows has a few thousand of them. The result lists each patient's documents, billing
 * lines and unbilled remit claims, so episodes can be built a few patients at a time.
 *
 * A document that names no patient (an authorization that gives only the claim, a fax cover with
 * the DOB) is placed by what it does say: its claim number (the patient whose documents, ledger
 * lines or remits carry it), else its date of birth; the folder it came in only chooses between
 * patients that evidence already allows, because a folder is not evidence (the same chart exported
 * flat must review the same). The user's own assignment comes first; what stays unplaced is listed
 * (`unassigned`) for the user to assign.
 */
import type { RemitClaim } from '../../../shared/model';
import type { Db } from '../store/db';
import { clusterName, matchPatients, normMrn, type IdentityInput } from './identity';

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
  /** Documents no evidence places with a patient (ascending ids): the user assigns them. */
  unassigned: number[];
  /**
   * Billing lines (ids, ascending) and unbilled remit claims that give only a name two patients
   * share: they join no patient until the user assigns them. Also documents of such a name are in
   * `unassigned`; `heldCandidates` lists, per held row, the patient indexes it could be.
   */
  heldLines: number[];
  heldRemits: string[];
  heldCandidates: Map<string, number[]>;
  /**
   * Documents of the clinic, not of a patient: signature logs that map initials to signers
   * (ascending ids). They name no patient by design and serve every episode.
   */
  clinic: number[];
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
  /** The remit file's content hash: a user's choice of patient for the claim is kept by it. */
  sha256: string;
  paymentDate: string | null;
}

/** Keys of held rows in `heldCandidates`: `doc:ID`, `line:ID`, `remit:CLAIM`. */
export const heldKey = {
  document: (id: number) => `doc:${id}`,
  line: (id: number) => `line:${id}`,
  remit: (claimId: string) => `remit:${claimId}`,
};

function readRemits(db: Db): Map<string, RemitRecord> {
  const rows = db
    .prepare(
      `SELECT r.claim_id, r.data, r.payment_date, f.path, f.sha256
         FROM remit_claims r JOIN files f ON f.id = r.file_id ORDER BY r.id`,
    )
    .raw()
    .all() as Array<[string, string, string | null, string, string]>;
  const byClaim = new Map<string, RemitRecord>();
  for (const [claimId, data, paymentDate, file, sha256] of rows) {
    const claim = JSON.parse(data) as RemitClaim;
    if (claim.status === '22') continue;
    byClaim.set(claimId, { claim, file, sha256, paymentDate });
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

/**
 * Documents that name no patient (no name, no MRN), with what they do say and the user's
 * assignment, if any. The identity index finds them (`patient_name IS NULL`).
 */
export const UNNAMED_DOCUMENTS_SQL = `
  SELECT d.id, d.file_id, d.patient_dob, d.claim_number,
         a.patient_name, a.patient_dob, a.patient_mrn, a.file_sha256 IS NOT NULL,
         EXISTS (SELECT 1 FROM document_facts x
                  WHERE x.document_id = d.id AND instr(x.facts, '"signature-log-entry"') > 0),
         (SELECT json_extract(j.value, '$[1]') FROM document_facts x, json_each(x.facts) j
           WHERE x.document_id = d.id AND json_extract(j.value, '$[0]') = 'patient-surname'
           LIMIT 1)
    FROM documents d JOIN files f ON f.id = d.file_id
    LEFT JOIN document_assignments a ON a.file_sha256 = f.sha256 AND a.page_start = d.page_start
   WHERE d.patient_name IS NULL AND d.patient_mrn IS NULL
   ORDER BY d.id`;

/** Claim numbers of documents that do name their patient (a partial index holds only these). */
const DOCUMENT_CLAIMS_SQL = `
  SELECT DISTINCT claim_number, patient_name, patient_dob, patient_mrn FROM documents
   WHERE claim_number IS NOT NULL AND (patient_name IS NOT NULL OR patient_mrn IS NOT NULL)`;

/** Claim numbers compare without case, spaces or punctuation ("1000-26-318842" = "100026318842"). */
export function claimKey(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const k = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return k.length >= 3 ? k : null;
}

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
    // Documents that name no patient are placed one by one below, by what they do say.
    docInput.push(name === null && mrn === null ? -1 : add(name, dob, mrn, rows));
    docPaths.push(pathOf.get(fileId)!);
    docWeights.push(rows);
  }
  const lineInput = lineGroups.map(([name, dob, mrn, rows]) => add(name, dob, mrn, rows));
  const remitInput = unbilled.map((claimId) => {
    const { claim } = remits.get(claimId)!;
    return add(claim.patientName, null, null, claim.services.length);
  });
  const unnamed = (db.prepare(UNNAMED_DOCUMENTS_SQL).raw().all() as UnnamedRow[]).filter((r) =>
    pathOf.has(r[1]),
  );
  // The user's assignment is an identity like any other: it joins the patient it names.
  const assignedInput = unnamed.map((r) => (r[7] ? add(r[4], r[5], r[6], 1) : -1));
  const choices = readChoices(db);
  const choiceInput = new Map([...choices].map(([k, c]) => [k, add(c.name, c.dob, c.mrn, 1)]));

  markSingleSourceMrns(inputs, docGroups, lineGroups);
  const { patientOf, patients: clusters, heldFor } = matchPatients(inputs);
  const patientAt = (i: number) => (i < 0 ? -1 : patientOf[i]!);

  const rows = clusters.map((): PatientRows => ({ documents: [], lines: [], remitClaims: [] }));
  const unassigned: number[] = [];
  const held = new HeldRows(db, choices, (k) => patientAt(choiceInput.get(k) ?? -1));
  const folderVotes = new FolderVotes();
  docGroups.forEach((g, i) => {
    const ids = JSON.parse(g[5]) as number[];
    const candidates = docInput[i]! < 0 ? null : heldFor[docInput[i]!];
    if (candidates) {
      for (const [id, p] of held.documents(ids, candidates)) {
        if (p >= 0) rows[p]!.documents.push(id);
        else unassigned.push(id);
      }
      return;
    }
    const p = patientAt(docInput[i]!);
    if (p < 0) return;
    for (const id of ids) rows[p]!.documents.push(id);
    folderVotes.add(docPaths[i]!, p, docWeights[i]!);
  });

  // Documents that name no patient: the user's choice, else the claim number, else the date of
  // birth, else a subject line's surname; the folder only chooses between patients that evidence
  // allows.
  const claims = unnamed.some((r) => r[3] !== null)
    ? claimOwners(db, inputs, patientOf, remits, unbilled, remitInput)
    : new Map<string, Set<number>>();
  const clinic: number[] = [];
  unnamed.forEach((r, i) => {
    let p = patientAt(assignedInput[i]!);
    if (p < 0) {
      const byClaim = claims.get(claimKey(r[3]) ?? '');
      const candidates =
        byClaim && byClaim.size > 0
          ? [...byClaim]
          : r[2]
            ? patientsBornOn(clusters, r[2])
            : r[9]
              ? patientsNamed(clusters, r[9])
              : [];
      p =
        candidates.length === 1
          ? candidates[0]!
          : folderVotes.choose(pathOf.get(r[1])!, candidates);
    }
    if (p >= 0) rows[p]!.documents.push(r[0]);
    else if (r[8]) clinic.push(r[0]);
    else unassigned.push(r[0]);
  });
  lineGroups.forEach((g, i) => {
    const ids = JSON.parse(g[4]) as number[];
    const candidates = heldFor[lineInput[i]!];
    if (candidates) {
      for (const [id, p] of held.lines(ids, candidates)) if (p >= 0) rows[p]!.lines.push(id);
      return;
    }
    const p = patientOf[lineInput[i]!]!;
    if (p >= 0) for (const id of ids) rows[p]!.lines.push(id);
  });
  unbilled.forEach((claimId, i) => {
    const candidates = heldFor[remitInput[i]!];
    const p = candidates
      ? held.remit(claimId, remits.get(claimId)!, candidates)
      : patientOf[remitInput[i]!]!;
    if (p >= 0) rows[p]!.remitClaims.push(claimId);
  });
  for (const r of rows) {
    r.documents.sort((a, b) => a - b);
    r.lines.sort((a, b) => a - b);
  }
  unassigned.sort((a, b) => a - b);

  // An MRN two patients carry (two clinics' numbering in one store) keys neither alone.
  const mrnHolders = new Map<string, number>();
  for (const c of clusters) for (const m of c.mrns) mrnHolders.set(m, (mrnHolders.get(m) ?? 0) + 1);
  const patients = clusters.map((cluster, p): ResolvedPatient => {
    const name = clusterName(cluster);
    const mrn = [...cluster.mrns][0] ?? null;
    const dob = [...cluster.dobs][0] ?? null;
    const byName = `${[...cluster.keys][0] ?? name}|${dob ?? ''}`;
    return {
      id: p + 1,
      name,
      mrn,
      dob,
      key: mrn === null ? byName : (mrnHolders.get(mrn) ?? 0) > 1 ? `${mrn}|${byName}` : mrn,
    };
  });
  return {
    patients,
    rows,
    paths: pathOf,
    remits,
    unassigned,
    heldLines: held.heldLines.sort((a, b) => a - b),
    heldRemits: held.heldRemits,
    heldCandidates: held.candidates,
    clinic,
  };
}

/** A user's choice of patient for a held row, as stored: the patient's identity. */
interface Choice {
  name: string | null;
  dob: string | null;
  mrn: string | null;
}

/**
 * The user's choices for rows that name a patient only ambiguously, by `sha256|page:N` for a
 * document, `sha256|line:N` for a ledger line and `sha256|claim:ID` for a remit claim. Documents
 * that name no patient keep theirs through UNNAMED_DOCUMENTS_SQL.
 */
function readChoices(db: Db): Map<string, Choice> {
  const out = new Map<string, Choice>();
  const docs = db
    .prepare(
      `SELECT a.file_sha256, a.page_start, a.patient_name, a.patient_dob, a.patient_mrn
         FROM document_assignments a
        WHERE EXISTS (SELECT 1 FROM files f JOIN documents d ON d.file_id = f.id
                       WHERE f.sha256 = a.file_sha256 AND d.page_start = a.page_start
                         AND d.patient_name IS NOT NULL)`,
    )
    .raw()
    .all() as Array<[string, number, string | null, string | null, string | null]>;
  for (const [sha, page, name, dob, mrn] of docs)
    out.set(`${sha}|page:${page}`, { name, dob, mrn });
  const billing = db
    .prepare(
      'SELECT file_sha256, ref, patient_name, patient_dob, patient_mrn FROM billing_assignments',
    )
    .raw()
    .all() as Array<[string, string, string | null, string | null, string | null]>;
  for (const [sha, ref, name, dob, mrn] of billing) out.set(`${sha}|${ref}`, { name, dob, mrn });
  return out;
}

/**
 * Rows held back because the name they give is two patients' (identity.heldRoots): each goes to
 * the patient the user chose for it, else waits, with the patients it could be.
 */
class HeldRows {
  readonly heldLines: number[] = [];
  readonly heldRemits: string[] = [];
  readonly candidates = new Map<string, number[]>();

  constructor(
    private readonly db: Db,
    private readonly choices: Map<string, Choice>,
    private readonly patientOfChoice: (key: string) => number,
  ) {}

  /** Each document with its chosen patient, or -1 (then held with its candidates). */
  documents(ids: number[], candidates: number[]): Array<[number, number]> {
    return this.refsOf(ids, `documents`, `'|page:' || r.page_start`).map(([id, ref]) => [
      id,
      this.place(heldKey.document(id), ref, candidates),
    ]);
  }

  lines(ids: number[], candidates: number[]): Array<[number, number]> {
    return this.refsOf(ids, `billing_lines`, `'|line:' || r.line`).map(([id, ref]) => {
      const p = this.place(heldKey.line(id), ref, candidates);
      if (p < 0) this.heldLines.push(id);
      return [id, p];
    });
  }

  remit(claimId: string, record: RemitRecord, candidates: number[]): number {
    const p = this.place(heldKey.remit(claimId), `${record.sha256}|claim:${claimId}`, candidates);
    if (p < 0) this.heldRemits.push(claimId);
    return p;
  }

  /** Each row's id with its key among the choices: its file's hash, then `part`. */
  private refsOf(ids: number[], table: string, part: string): Array<[number, string]> {
    return this.db
      .prepare(
        `SELECT r.id, f.sha256 || ${part} FROM json_each(?) j
           JOIN ${table} r ON r.id = j.value JOIN files f ON f.id = r.file_id`,
      )
      .raw()
      .all(JSON.stringify(ids)) as Array<[number, string]>;
  }

  private place(key: string, ref: string, candidates: number[]): number {
    const p = this.choices.has(ref) ? this.patientOfChoice(ref) : -1;
    if (p < 0) this.candidates.set(key, candidates);
    return p;
  }
}

/**
 * Flags identities whose MRN only one file's documents carry and no billing line does, and those
 * whose MRN only billing lines carry.
 */
function markSingleSourceMrns(
  inputs: IdentityInput[],
  docGroups: ReadonlyArray<
    readonly [string | null, string | null, string | null, number, ...unknown[]]
  >,
  lineGroups: ReadonlyArray<readonly [string | null, string | null, string | null, ...unknown[]]>,
): void {
  const files = new Map<string, Set<number>>();
  for (const [, , mrn, fileId] of docGroups) {
    const m = normMrn(mrn);
    if (m) files.set(m, (files.get(m) ?? new Set()).add(fileId));
  }
  const billed = new Set<string>();
  for (const [, , mrn] of lineGroups) {
    const m = normMrn(mrn);
    if (m) billed.add(m);
  }
  for (const inp of inputs) {
    const m = normMrn(inp.mrn);
    if (m && !billed.has(m) && (files.get(m)?.size ?? 0) <= 1) inp.singleSourceMrn = true;
    if (m && billed.has(m) && !files.has(m)) inp.billingOnlyMrn = true;
    if (m && billed.has(m) && files.has(m)) inp.billedChartMrn = true;
    if (m && !billed.has(m) && files.has(m) && billed.size > 0) inp.unbilledChartMrn = true;
  }
}

/**
 * [id, file id, DOB, claim number, assigned name, assigned DOB, assigned MRN, assigned?, a
 * signature log's rows?]
 */
type UnnamedRow = [
  number,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  number,
  /** A subject line's lone surname. */
  string | null,
];

/** Patients of this surname, as their records name them. */
function patientsNamed(clusters: Array<{ keys: Set<string> }>, surname: string): number[] {
  const last = surname.toLowerCase();
  const out: number[] = [];
  clusters.forEach((c, p) => {
    if ([...c.keys].some((k) => k.split('|')[0] === last)) out.push(p);
  });
  return out;
}

/** Patients whose records give this date of birth. */
function patientsBornOn(clusters: Array<{ dobs: Set<string> }>, dob: string): number[] {
  const out: number[] = [];
  clusters.forEach((c, p) => {
    if (c.dobs.has(dob)) out.push(p);
  });
  return out;
}

/**
 * Who carries each claim number: documents that name their patient, billing lines (their claim
 * column) and remits (the claim's id and the member id, which workers' comp payers fill with the
 * claim number). Read only when some document that names no patient has a claim number.
 */
function claimOwners(
  db: Db,
  inputs: IdentityInput[],
  patientOf: number[],
  remits: Map<string, RemitRecord>,
  unbilled: string[],
  remitInput: number[],
): Map<string, Set<number>> {
  const index = new Map<string, number>();
  inputs.forEach((inp, i) => index.set(identityKey(inp.name, inp.dob, inp.mrn), i));
  const patientOfIdentity = (name: string | null, dob: string | null, mrn: string | null) => {
    const i = index.get(identityKey(name, dob, mrn));
    return i === undefined ? -1 : patientOf[i]!;
  };
  const owners = new Map<string, Set<number>>();
  const own = (claim: string | null, p: number) => {
    const k = claimKey(claim);
    if (!k || p < 0) return;
    let set = owners.get(k);
    if (!set) owners.set(k, (set = new Set()));
    set.add(p);
  };
  for (const [claim, name, dob, mrn] of db.prepare(DOCUMENT_CLAIMS_SQL).raw().all() as Array<
    [string, string | null, string | null, string | null]
  >) {
    own(claim, patientOfIdentity(name, dob, mrn));
  }
  // Billing lines by claim, with the patient each line names.
  const billedBy = new Map<string, number>();
  for (const [claim, name, dob, mrn] of db
    .prepare(
      `SELECT DISTINCT claim_id, patient_name, dob, mrn FROM billing_lines
        WHERE claim_id IS NOT NULL AND +file_id IN (SELECT id FROM files)`,
    )
    .raw()
    .all() as Array<[string, string | null, string | null, string | null]>) {
    const p = patientOfIdentity(name, dob, mrn);
    own(claim, p);
    if (p >= 0) billedBy.set(claim, p);
  }
  const unbilledPatient = new Map(unbilled.map((c, i) => [c, patientOf[remitInput[i]!]!]));
  remits.forEach((r, claimId) => {
    const p = billedBy.get(claimId) ?? unbilledPatient.get(claimId) ?? -1;
    own(claimId, p);
    own(r.claim.memberId, p);
  });
  return owners;
}

/**
 * How a folder's documents are shared among patients. Exports are often one folder per patient,
 * so a folder chooses between candidates that evidence allows; it never places a document alone.
 */
class FolderVotes {
  private readonly votes = new Map<string, Map<number, number>>();

  add(path: string, patient: number, weight: number): void {
    const folder = folderOf(path);
    let m = this.votes.get(folder);
    if (!m) this.votes.set(folder, (m = new Map()));
    m.set(patient, (m.get(patient) ?? 0) + weight);
  }

  /** The candidate holding over 80% of the folder's documents, else -1 (never the import root). */
  choose(path: string, candidates: number[]): number {
    const folder = folderOf(path);
    const m = this.votes.get(folder);
    if (folder === '' || !m || candidates.length === 0) return -1;
    let total = 0;
    m.forEach((n) => (total += n));
    for (const c of candidates) if ((m.get(c) ?? 0) / total > 0.8) return c;
    return -1;
  }
}

function folderOf(path: string): string {
  const base = path.split('#')[0]!;
  const i = base.lastIndexOf('/');
  return i < 0 ? '' : base.slice(0, i);
}
