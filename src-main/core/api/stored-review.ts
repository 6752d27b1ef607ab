/**
 * The review as a stored record (issue 16): each episode's review and list summary live in the
 * database with a fingerprint of its patient's inputs. Bringing the review up to date rebuilds and
 * reviews again only the patients whose inputs, rules version, profile settings or (for care not
 * yet ended) review date changed, and reads every other episode back. When nothing a review reads
 * has changed since the stored one (`review_inputs.generation`), nothing is rebuilt or matched.
 */
import { createHash } from 'node:crypto';
import type { EpisodeSummary } from '../../../shared/api';
import type { EpisodeModel } from '../../../shared/episode';
import type { IsoDate } from '../../../shared/model';
import type { ReviewedEpisode } from '../../../shared/review';
import {
  buildEpisodeChunks,
  compareEpisodes,
  resolvePatients,
  type PatientResolution,
  type PayerDecision,
} from '../episodes';
import type { PatientRows, ResolvedPatient } from '../episodes/patients';
import { reviewEpisode } from '../review/engine';
import { toReviewedEpisode } from '../review/format';
import { profileForPayer } from '../review/profiles';
import type { PayerProfile } from '../review/types';
import type { Db } from '../store/db';
import { payerNameKey, readPayerList, type PayerListEntry } from '../store/payer-list';
import { summarizeEpisode } from './episode-summary';

/** One episode of the stored review, in report order. */
export interface StoredEpisode {
  id: string;
  patientKey: string;
  summary: EpisodeSummary;
}

/** What a payer name decided for one patient, as the episode builder reported it. */
export type PayerDecisionEntry = [name: string, decision: PayerDecision];

export interface UpToDate {
  episodes: StoredEpisode[];
  /** Each patient's payer decisions (the payer list screen), by patient key. */
  payers: Map<string, PayerDecisionEntry[]>;
  /** The patients as matched now, when the review had to match them (else null: nothing changed). */
  resolution: PatientResolution | null;
  /** Patients built and reviewed again, and patients whose stored review was read back. */
  rebuilt: number;
  reused: number;
  /** The reviews of the episodes built again (as stored: no decisions applied yet). */
  rebuiltReviews: ReviewedEpisode[];
}

export interface BringUpToDateOptions {
  asOf: IsoDate;
  rulesVersion: string;
  /** The profile every episode is reviewed with (named in `overrideName`), else null. */
  override: PayerProfile | null;
  overrideName: string | null;
  resolution?: PatientResolution;
  onProgress?: (p: { patientsDone: number; patients: number; episodes: number }) => void;
}

interface PatientState {
  fingerprint: string;
  asOfSensitive: boolean;
  claims: string[];
  payers: string[];
}

/**
 * Each patient's key for its stored rows: its stable key, made unique should two patients share
 * one (their episodes would then be told apart by the suffix).
 */
export function storageKeys(patients: readonly ResolvedPatient[]): string[] {
  const seen = new Map<string, number>();
  return patients.map((p) => {
    const n = seen.get(p.key) ?? 0;
    seen.set(p.key, n + 1);
    return n === 0 ? p.key : `${p.key}#${n + 1}`;
  });
}

/** The generation of the review's inputs: any row written to them since makes a review stale. */
function inputGeneration(db: Db): number {
  const g = db.prepare('SELECT generation FROM review_inputs WHERE id = 1').pluck().get();
  return (g as number | undefined) ?? 0;
}

/** The shape of the stored rows: a change makes every stored review stale. */
const STORED_FORMAT = '1';

function settingsKey(opts: BringUpToDateOptions): string {
  return createHash('sha256')
    .update(STORED_FORMAT)
    .update('\0')
    .update(opts.rulesVersion)
    .update('\0')
    .update(opts.overrideName ?? '')
    .update('\0')
    .update(opts.override ? JSON.stringify(opts.override) : '')
    .digest('hex');
}

/**
 * A patient's inputs as the next review will read them: its rows (documents, billing lines and
 * remits, by id: imports add rows, reanalysis writes new ones), who it is, the remits of its
 * claims, the payer list's entries for its payers, the profile settings, and the review date when
 * its care has not ended (only then does the date change its episodes).
 */
function fingerprint(
  key: string,
  patient: ResolvedPatient,
  rows: PatientRows,
  state: Pick<PatientState, 'asOfSensitive' | 'claims' | 'payers'>,
  resolution: PatientResolution,
  payerList: ReadonlyMap<string, PayerListEntry>,
  asOf: IsoDate,
): string {
  const h = createHash('sha1');
  h.update(`${key}\0${patient.key}\0${patient.name}\0${patient.mrn ?? ''}\0${patient.dob ?? ''}`);
  h.update(`\0${rows.documents.join(',')}\0${rows.lines.join(',')}\0${rows.remitClaims.join(',')}`);
  h.update(`\0${state.asOfSensitive ? asOf : ''}`);
  for (const claim of new Set([...state.claims, ...rows.remitClaims])) {
    const r = resolution.remits.get(claim);
    h.update(
      `\0${claim}=${r ? `${r.file}|${r.paymentDate ?? ''}|${JSON.stringify(r.claim)}` : ''}`,
    );
  }
  for (const name of state.payers) {
    const entry = payerList.get(payerNameKey(name));
    h.update(`\0${name}=${entry ? `${entry.kind}|${entry.state ?? ''}` : ''}`);
  }
  return h.digest('hex');
}

/** Whether the review date can change this patient's episodes (care not ended by a discharge). */
function asOfSensitive(models: readonly EpisodeModel[]): boolean {
  return models.some(
    (m) =>
      !m.documents.some((d) => d.type === 'discharge-summary') ||
      (m.billing.length === 0 && !m.documents.some((d) => d.date)),
  );
}

function readPatientStates(db: Db): Map<string, PatientState> {
  const out = new Map<string, PatientState>();
  const rows = db
    .prepare(
      'SELECT patient_key, fingerprint, as_of_sensitive, claims, payers FROM patient_reviews',
    )
    .raw()
    .all() as Array<[string, string, number, string, string]>;
  for (const [key, fp, sensitive, claims, payers] of rows) {
    out.set(key, {
      fingerprint: fp,
      asOfSensitive: sensitive === 1,
      claims: JSON.parse(claims) as string[],
      payers: (JSON.parse(payers) as { names: string[] }).names,
    });
  }
  return out;
}

/** The stored review is current: same inputs, settings, and a date that changes none of it. */
function storedIsCurrent(db: Db, key: string, asOf: IsoDate): boolean {
  const meta = db
    .prepare('SELECT generation, settings_key, as_of FROM stored_review WHERE id = 1')
    .get() as { generation: number; settings_key: string; as_of: string } | undefined;
  if (!meta || meta.settings_key !== key || meta.generation !== inputGeneration(db)) return false;
  if (meta.as_of === asOf) return true;
  return (
    db.prepare('SELECT 1 FROM patient_reviews WHERE as_of_sensitive = 1 LIMIT 1').get() ===
    undefined
  );
}

/** The stored episodes' list rows, in report order. */
export function readStoredEpisodes(db: Db): StoredEpisode[] {
  const rows = db
    .prepare('SELECT episode_id, patient_key, summary FROM episode_reviews ORDER BY ord')
    .raw()
    .all() as Array<[string, string, string]>;
  return rows.map(([id, patientKey, summary]) => ({
    id,
    patientKey,
    summary: JSON.parse(summary) as EpisodeSummary,
  }));
}

function readStoredPayers(db: Db): Map<string, PayerDecisionEntry[]> {
  const out = new Map<string, PayerDecisionEntry[]>();
  const rows = db.prepare('SELECT patient_key, payers FROM patient_reviews').raw().all() as Array<
    [string, string]
  >;
  for (const [key, payers] of rows) {
    const entries = (JSON.parse(payers) as { decisions?: PayerDecisionEntry[] }).decisions;
    if (entries) out.set(key, entries);
  }
  return out;
}

/** Every stored episode review in report order (fresh objects: callers add decisions to them). */
export function readStoredReviews(db: Db): ReviewedEpisode[] {
  return (
    db.prepare('SELECT reviewed FROM episode_reviews ORDER BY ord').pluck().all() as string[]
  ).map((json) => JSON.parse(json) as ReviewedEpisode);
}

/** One stored episode review, or null when the stored review has no such episode. */
export function readStoredReview(db: Db, episodeId: string): ReviewedEpisode | null {
  const json = db
    .prepare('SELECT reviewed FROM episode_reviews WHERE episode_id = ?')
    .pluck()
    .get(episodeId) as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as ReviewedEpisode);
}

interface Rebuilt {
  patientKey: string;
  index: number;
  episodes: Array<{
    model: Pick<EpisodeModel, 'id' | 'patient' | 'start'>;
    summary: EpisodeSummary;
    reviewed: ReviewedEpisode;
  }>;
  state: PatientState;
  decisions: PayerDecisionEntry[];
}

/**
 * Brings the stored review up to date and returns its episodes in report order. Patients are
 * matched only when something changed; each patient whose fingerprint differs from the stored one
 * is built and reviewed again; their rows, every episode's order and the state are written in one
 * transaction.
 */
export function bringReviewUpToDate(db: Db, opts: BringUpToDateOptions): UpToDate {
  const key = settingsKey(opts);
  if (storedIsCurrent(db, key, opts.asOf)) {
    const episodes = readStoredEpisodes(db);
    const patients = new Set(episodes.map((e) => e.patientKey)).size;
    return {
      episodes,
      payers: readStoredPayers(db),
      resolution: null,
      rebuilt: 0,
      reused: patients,
      rebuiltReviews: [],
    };
  }
  const generation = inputGeneration(db);
  const resolution = opts.resolution ?? resolvePatients(db);
  const payerList = readPayerList(db);
  const stored = readPatientStates(db);
  const { patients, rows } = resolution;
  const keys = storageKeys(patients);

  const dirty: number[] = [];
  for (let i = 0; i < patients.length; i++) {
    const before = stored.get(keys[i]!);
    if (
      !before ||
      fingerprint(key, patients[i]!, rows[i]!, before, resolution, payerList, opts.asOf) !==
        before.fingerprint
    )
      dirty.push(i);
  }

  const rebuilt = rebuildPatients(db, dirty, resolution, keys, payerList, key, opts);
  const current = new Set(keys);
  const rebuiltKeys = new Set(rebuilt.map((r) => r.patientKey));
  const indexOf = new Map(keys.map((k, i) => [k, i]));

  // Every episode in report order: rebuilt ones from their models, the others from their rows.
  const entries: Array<StoredEpisode & { order: Pick<EpisodeModel, 'patient' | 'start'> }> = [];
  for (const r of rebuilt)
    for (const e of r.episodes)
      entries.push({
        id: e.model.id,
        patientKey: r.patientKey,
        summary: e.summary,
        order: { patient: e.model.patient, start: e.model.start },
      });
  for (const e of readStoredEpisodes(db)) {
    if (rebuiltKeys.has(e.patientKey) || !current.has(e.patientKey)) continue;
    const index = indexOf.get(e.patientKey)!;
    entries.push({
      ...e,
      order: {
        patient: { ...patients[index]!, id: index + 1, name: e.summary.patientName },
        start: e.summary.start,
      },
    });
  }
  entries.sort((a, b) => compareEpisodes(a.order, b.order));

  if (!db.readonly)
    writeStored(db, { generation, key, asOf: opts.asOf }, rebuilt, current, entries);
  const payers = readStoredPayers(db);
  for (const r of rebuilt) payers.set(r.patientKey, r.decisions);
  for (const k of [...payers.keys()]) if (!current.has(k)) payers.delete(k);
  return {
    episodes: entries.map(({ id, patientKey, summary }) => ({ id, patientKey, summary })),
    payers,
    resolution,
    rebuilt: dirty.length,
    reused: patients.length - dirty.length,
    rebuiltReviews: rebuilt.flatMap((r) => r.episodes.map((e) => e.reviewed)),
  };
}

function rebuildPatients(
  db: Db,
  dirty: number[],
  resolution: PatientResolution,
  keys: readonly string[],
  payerList: ReadonlyMap<string, PayerListEntry>,
  key: string,
  opts: BringUpToDateOptions,
): Rebuilt[] {
  if (dirty.length === 0) return [];
  const decisionsOf = new Map<number, PayerDecisionEntry[]>();
  const byPatient = new Map<number, EpisodeModel[]>();
  const reviewedOf = new Map<string, { summary: EpisodeSummary; reviewed: ReviewedEpisode }>();
  // Built-in profiles are cloned on every lookup; rules only read them, so one per payer will do.
  const profiles = new Map<string, PayerProfile>();
  let episodes = 0;
  for (const chunk of buildEpisodeChunks(
    db,
    {
      asOf: opts.asOf,
      payerList,
      onPayerDecision: (name, decision, patientId) => {
        if (name === null) return;
        const list = decisionsOf.get(patientId - 1);
        if (list) list.push([name, decision]);
        else decisionsOf.set(patientId - 1, [[name, decision]]);
      },
    },
    undefined,
    resolution,
    dirty,
  )) {
    for (const m of chunk.episodes) {
      const pk = `${m.payer.kind}|${m.payer.state ?? ''}`;
      let profile = profiles.get(pk);
      if (!profile)
        profiles.set(pk, (profile = opts.override ?? profileForPayer(m.payer.kind, m.payer.state)));
      const reviewed = toReviewedEpisode(
        m,
        reviewEpisode(m, profile),
        profile.name,
        opts.override !== null,
      );
      reviewedOf.set(m.id, { summary: summarizeEpisode(m, reviewed), reviewed });
      const index = m.patient.id - 1;
      const list = byPatient.get(index);
      if (list) list.push(m);
      else byPatient.set(index, [m]);
      episodes++;
    }
    opts.onProgress?.({ patientsDone: chunk.patientsDone, patients: chunk.patients, episodes });
  }
  return dirty.map((index) => {
    const patient = resolution.patients[index]!;
    const models = byPatient.get(index) ?? [];
    const decisions = decisionsOf.get(index) ?? [];
    const claims = new Set<string>();
    for (const m of models) for (const c of m.claims) claims.add(c.claimId);
    const partial = {
      asOfSensitive: asOfSensitive(models),
      claims: [...claims].sort(),
      payers: [...new Set(decisions.map(([name]) => name))].sort(),
    };
    return {
      patientKey: keys[index]!,
      index,
      // Only what ordering and storing need: the models' documents and lines are let go.
      episodes: models.map((m) => ({
        model: { id: m.id, patient: m.patient, start: m.start },
        ...reviewedOf.get(m.id)!,
      })),
      state: {
        ...partial,
        fingerprint: fingerprint(
          key,
          patient,
          resolution.rows[index]!,
          partial,
          resolution,
          payerList,
          opts.asOf,
        ),
      },
      decisions,
    };
  });
}

function writeStored(
  db: Db,
  meta: { generation: number; key: string; asOf: IsoDate },
  rebuilt: Rebuilt[],
  current: ReadonlySet<string>,
  entries: readonly StoredEpisode[],
): void {
  db.transaction(() => {
    // The counter's row, from the first stored review on (changes before it count from 0).
    db.prepare('INSERT OR IGNORE INTO review_inputs (id, generation) VALUES (1, 0)').run();
    const delEpisodes = db.prepare('DELETE FROM episode_reviews WHERE patient_key = ?');
    const delPatient = db.prepare('DELETE FROM patient_reviews WHERE patient_key = ?');
    for (const k of db.prepare('SELECT patient_key FROM patient_reviews').pluck().all() as string[])
      if (!current.has(k)) {
        delEpisodes.run(k);
        delPatient.run(k);
      }
    const insPatient = db.prepare(
      `INSERT OR REPLACE INTO patient_reviews (patient_key, fingerprint, as_of_sensitive, claims, payers)
       VALUES (?, ?, ?, ?, ?)`,
    );
    const insEpisode = db.prepare(
      `INSERT OR REPLACE INTO episode_reviews (episode_id, patient_key, ord, summary, reviewed)
       VALUES (?, ?, -1, ?, ?)`,
    );
    for (const r of rebuilt) {
      delEpisodes.run(r.patientKey);
      insPatient.run(
        r.patientKey,
        r.state.fingerprint,
        r.state.asOfSensitive ? 1 : 0,
        JSON.stringify(r.state.claims),
        JSON.stringify({ names: r.state.payers, decisions: r.decisions }),
      );
      for (const e of r.episodes)
        insEpisode.run(
          e.model.id,
          r.patientKey,
          JSON.stringify(e.summary),
          JSON.stringify(e.reviewed),
        );
    }
    const setOrd = db.prepare(
      'UPDATE episode_reviews SET ord = ? WHERE episode_id = ? AND ord <> ?',
    );
    entries.forEach((e, i) => setOrd.run(i, e.id, i));
    db.prepare(
      `INSERT OR REPLACE INTO stored_review (id, generation, settings_key, as_of, reviewed_at)
       VALUES (1, ?, ?, ?, ?)`,
    ).run(meta.generation, meta.key, meta.asOf, new Date().toISOString());
  })();
}
