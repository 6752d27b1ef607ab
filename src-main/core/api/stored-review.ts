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
import { chunkGroups, readRecordsRequests } from '../episodes/build';
import { compareEpisodes, resolvePatients, type PatientResolution } from '../episodes';
import type { PatientRows, ResolvedPatient } from '../episodes/patients';
import type { EpisodeSequence } from '../review/format/report';
import { ALL_RULES } from '../review/rules';
import type { PayerProfile } from '../review/types';
import type { Db } from '../store/db';
import { payerNameKey, readPayerList, type PayerListEntry } from '../store/payer-list';
import { episodeReviewer } from './episode-reviewer';
import { readEpisodeProfiles, type EpisodeProfile } from './episode-profiles';
import { reviewGroupsInWorkers, reviewWorkers } from './review-pool';
import { heapCeiling } from '../heap-ceiling';
import {
  reviewGroup,
  type GroupContext,
  type PayerDecisionEntry,
  type RebuiltEpisode,
  type RebuiltPatient,
} from './stored-rows';

export type { BilledDate, ErrorFailure, PayerDecisionEntry } from './stored-rows';

/**
 * The heap a review may fill with garbage before a full collection (heap-ceiling.ts): a few
 * times what stays live (about 35 MB), well under the 500 MB the whole process may peak at.
 */
const REVIEW_HEAP_MB = 160;

/** One episode of the stored review, in report order. */
export interface StoredEpisode {
  id: string;
  patientKey: string;
  summary: EpisodeSummary;
}

export interface UpToDate {
  episodes: StoredEpisode[];
  /** Each patient's payer decisions (the payer list screen), by patient key. */
  payers: Map<string, PayerDecisionEntry[]>;
  /** The patients as matched now, when the review had to match them (else null: nothing changed). */
  resolution: PatientResolution | null;
  /** Patients built and reviewed again, and patients whose stored review was read back. */
  rebuilt: number;
  reused: number;
  /** Worker threads that built and reviewed them (0: this thread). */
  workers: number;
}

export interface BringUpToDateOptions {
  asOf: IsoDate;
  rulesVersion: string;
  /** The profile every episode is reviewed with (named in `overrideName`), else null. */
  override: PayerProfile | null;
  overrideName: string | null;
  resolution?: PatientResolution;
  /**
   * Called with each review built again, in the order built, as soon as it is made (as stored: no
   * decisions applied yet); it is let go after (none is kept: a large store's are never all in
   * memory).
   */
  onRebuilt?: (reviewed: ReviewedEpisode) => void;
  onProgress?: (p: { patientsDone: number; patients: number; episodes: number }) => void;
  /**
   * Worker threads to build and review in (review-pool.ts): 0 for none; default none unless
   * CHARTREADY_REVIEW_WORKERS asks for them on a large rebuild (`reviewWorkers`).
   */
  workers?: number;
}

interface PatientState {
  fingerprint: string;
  asOfSensitive: boolean;
  claims: string[];
  payers: string[];
  /** Its episodes' ids, whose profile overrides the fingerprint reads. */
  episodes: string[];
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
const STORED_FORMAT = '5';

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
 * remits, by id: imports add rows, reanalysis writes new ones), the clinic's documents (a
 * signature log identifies initials on any patient's notes), who it is, the remits of its
 * claims, the payer list's entries for its payers, the profile settings, and the review date when
 * its care has not ended (only then does the date change its episodes).
 */
function fingerprint(
  patient: ResolvedPatient,
  rows: PatientRows,
  state: Pick<PatientState, 'asOfSensitive' | 'claims' | 'payers' | 'episodes'>,
  inputs: StoreInputs,
): string {
  const { key, resolution, payerList, requests, asOf, episodeProfiles } = inputs;
  const h = createHash('sha1');
  h.update(`${key}\0${patient.key}\0${patient.name}\0${patient.mrn ?? ''}\0${patient.dob ?? ''}`);
  h.update(`\0${rows.documents.join(',')}\0${rows.lines.join(',')}\0${rows.remitClaims.join(',')}`);
  // The clinic's own documents (signature logs) can sign any patient's notes.
  h.update(`\0clinic=${resolution.clinic.join(',')}`);
  h.update(`\0${state.asOfSensitive ? asOf : ''}`);
  for (const claim of new Set([...state.claims, ...rows.remitClaims])) {
    const r = resolution.remits.get(claim);
    h.update(
      `\0${claim}=${r ? `${r.file}|${r.paymentDate ?? ''}|${JSON.stringify(r.claim)}` : ''}`,
    );
    const asked = requests.get(claim);
    if (asked) h.update(`\0requests=${JSON.stringify(asked)}`);
  }
  for (const name of state.payers) {
    const entry = payerList.get(payerNameKey(name));
    h.update(`\0${name}=${entry ? `${entry.kind}|${entry.state ?? ''}` : ''}`);
  }
  // Only an episode with a profile set adds to it: a store without any keeps its fingerprints.
  for (const id of state.episodes) {
    const set = episodeProfiles.get(id);
    if (set) h.update(`\0profile ${id}=${set.profile}|${set.by}|${set.at}|${set.reason}`);
  }
  return h.digest('hex');
}

/** What fingerprints read besides the patient's own rows, read once per review. */
interface StoreInputs {
  /** The settings key (stored-row format, rules version, profile override). */
  key: string;
  resolution: PatientResolution;
  payerList: ReadonlyMap<string, PayerListEntry>;
  requests: ReturnType<typeof readRecordsRequests>;
  asOf: IsoDate;
  episodeProfiles: ReadonlyMap<string, EpisodeProfile>;
}

function readPatientStates(db: Db): Map<string, PatientState> {
  const out = new Map<string, PatientState>();
  const episodes = new Map<string, string[]>();
  for (const [key, id] of db
    .prepare('SELECT patient_key, episode_id FROM episode_reviews ORDER BY ord')
    .raw()
    .all() as Array<[string, string]>) {
    const list = episodes.get(key);
    if (list) list.push(id);
    else episodes.set(key, [id]);
  }
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
      episodes: episodes.get(key) ?? [],
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
  ).map(readReviewed);
}

/** One stored episode review, or null when the stored review has no such episode. */
export function readStoredReview(db: Db, episodeId: string): ReviewedEpisode | null {
  const json = db
    .prepare('SELECT reviewed FROM episode_reviews WHERE episode_id = ?')
    .pluck()
    .get(episodeId) as string | undefined;
  return json === undefined ? null : readReviewed(json);
}

/** Stored reviews read at a time by the sequence below. */
const PAGE = 256;

/**
 * The stored episode reviews in report order, read a page at a time as they are reached (a large
 * store's reviews are never all in memory), each handed to `prepare` first (its decisions). Read
 * it before the stored review changes again.
 */
export function storedReviewSequence(
  db: Db,
  prepare: (reviewed: ReviewedEpisode) => void,
): EpisodeSequence {
  const length = db.prepare('SELECT count(*) FROM episode_reviews').pluck().get() as number;
  const page = db
    .prepare('SELECT reviewed FROM episode_reviews WHERE ord >= ? AND ord < ? ORDER BY ord')
    .pluck();
  const one = db.prepare('SELECT reviewed FROM episode_reviews WHERE ord = ?').pluck();
  const read = (json: string) => {
    const r = readReviewed(json);
    prepare(r);
    return r;
  };
  return {
    length,
    *[Symbol.iterator]() {
      const ceiling = heapCeiling(REVIEW_HEAP_MB);
      for (let from = 0; from < length; from += PAGE) {
        for (const json of page.all(from, from + PAGE) as string[]) yield read(json);
        ceiling();
      }
    },
    at(index) {
      const json = one.get(index) as string | undefined;
      return json === undefined ? undefined : read(json);
    },
  };
}

interface Rebuilt {
  patientKey: string;
  episodes: RebuiltEpisode[];
  state: PatientState;
  decisions: PayerDecisionEntry[];
}

type Entry = StoredEpisode & { order: Pick<EpisodeModel, 'patient' | 'start'> };

/**
 * Brings the stored review up to date and returns its episodes in report order. Patients are
 * matched only when something changed; each patient whose fingerprint differs from the stored one
 * is built and reviewed again, a few at a time, and its rows written as soon as they are made (a
 * large store's reviews are never all in memory); the rows, every episode's order and the state
 * are written in one transaction.
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
      workers: 0,
    };
  }
  const generation = inputGeneration(db);
  const resolution = opts.resolution ?? resolvePatients(db);
  const inputs: StoreInputs = {
    key,
    resolution,
    payerList: readPayerList(db),
    requests: readRecordsRequests(db),
    asOf: opts.asOf,
    episodeProfiles: readEpisodeProfiles(db),
  };
  const stored = readPatientStates(db);
  const { patients, rows } = resolution;
  const keys = storageKeys(patients);

  const dirty: number[] = [];
  for (let i = 0; i < patients.length; i++) {
    const before = stored.get(keys[i]!);
    if (!before || fingerprint(patients[i]!, rows[i]!, before, inputs) !== before.fingerprint)
      dirty.push(i);
  }
  const current = new Set(keys);
  const dirtyKeys = new Set(dirty.map((i) => keys[i]!));
  const indexOf = new Map(keys.map((k, i) => [k, i]));
  const kept = (k: string) => current.has(k) && !dirtyKeys.has(k);

  // The episodes read back, in their patients' current order, and their payer decisions.
  const entries: Entry[] = [];
  for (const e of readStoredEpisodes(db)) {
    if (!kept(e.patientKey)) continue;
    const index = indexOf.get(e.patientKey)!;
    entries.push({
      ...e,
      order: {
        patient: { ...patients[index]!, id: index + 1, name: e.summary.patientName },
        start: e.summary.start,
      },
    });
  }
  const payers = readStoredPayers(db);
  for (const k of [...payers.keys()]) if (!kept(k)) payers.delete(k);
  const write = !db.readonly;
  const groups = chunkGroups(rows, dirty);
  // Decided before the transaction begins: workers read the store as last committed.
  const workers = reviewWorkers(
    db,
    dirty.reduce((n, i) => n + rows[i]!.documents.length, 0),
    opts.workers,
  );
  let used = 0;
  const run = () => {
    const store = write ? new StoredRows(db) : null;
    store?.dropPatients((k) => !kept(k));
    used = rebuildPatients(db, groups, workers, keys, inputs, opts, (r) => {
      store?.putPatient(r);
      payers.set(r.patientKey, r.decisions);
      for (const e of r.episodes) {
        entries.push({ id: e.id, patientKey: r.patientKey, summary: e.summary, order: e.order });
        if (e.reviewed) opts.onRebuilt?.(e.reviewed);
      }
    });
    entries.sort((a, b) => compareEpisodes(a.order, b.order));
    store?.finish(entries, { generation, key, asOf: opts.asOf });
  };
  if (write) db.transaction(run)();
  else run();
  return {
    episodes: entries.map(({ id, patientKey, summary }) => ({ id, patientKey, summary })),
    payers,
    resolution,
    rebuilt: dirty.length,
    reused: patients.length - dirty.length,
    workers: used,
  };
}

/**
 * Builds and reviews the patients of `groups` (chunks of the dirty patients, in order) and hands
 * each patient's results to `done` in that order, each group's models let go after: in worker
 * threads when `workers` (the main thread then only writes), else in the process. Returns the
 * number of workers used.
 */
function rebuildPatients(
  db: Db,
  groups: readonly number[][],
  workers: number,
  keys: readonly string[],
  inputs: StoreInputs,
  opts: BringUpToDateOptions,
  done: (r: Rebuilt) => void,
): number {
  if (groups.length === 0) return 0;
  const { resolution } = inputs;
  const patients = groups.reduce((n, g) => n + g.length, 0);
  let patientsDone = 0;
  let episodes = 0;
  const write = !db.readonly;
  const out = { rows: write, reviews: opts.onRebuilt ? 'stored' : 'none' } as const;
  const ceiling = heapCeiling(REVIEW_HEAP_MB);
  const finish = (rebuilt: RebuiltPatient[], group: readonly number[]) => {
    for (const p of rebuilt) {
      const index = p.index;
      // From a worker, when kept: the review read back from its stored row.
      if (out.reviews === 'stored')
        for (const e of p.episodes) e.reviewed ??= readReviewed(e.rows!.reviewed);
      episodes += p.episodes.length;
      done({
        patientKey: keys[index]!,
        episodes: p.episodes,
        state: {
          asOfSensitive: p.asOfSensitive,
          claims: p.claims,
          payers: p.payers,
          episodes: p.episodes.map((e) => e.id),
          fingerprint: fingerprint(
            resolution.patients[index]!,
            resolution.rows[index]!,
            { ...p, episodes: p.episodes.map((e) => e.id) },
            inputs,
          ),
        },
        decisions: p.decisions,
      });
    }
    patientsDone += group.length;
    opts.onProgress?.({ patientsDone, patients, episodes });
    ceiling();
  };
  const ctx: GroupContext = {
    asOf: opts.asOf,
    override: opts.override,
    episodeProfiles: inputs.episodeProfiles,
    payerList: inputs.payerList,
    requests: inputs.requests,
    resolution,
  };
  // In workers where they pay; what they did not finish (none started, or one failed), here.
  const pooled =
    workers > 0
      ? reviewGroupsInWorkers(db.name, groups, ctx, out, workers, finish)
      : { workers: 0, written: 0 };
  const review = episodeReviewer(opts.override, inputs.episodeProfiles);
  for (const group of groups.slice(pooled.written))
    finish(reviewGroup(db, group, ctx, review, { rows: write, reviews: 'object' }), group);
  return pooled.workers;
}

/** The statements that write the stored review, inside the caller's transaction. */
class StoredRows {
  private readonly delEpisodes;
  private readonly delPatient;
  private readonly insPatient;
  private readonly insEpisode;

  constructor(private readonly db: Db) {
    // The counter's row, from the first stored review on (changes before it count from 0).
    db.prepare('INSERT OR IGNORE INTO review_inputs (id, generation) VALUES (1, 0)').run();
    this.delEpisodes = db.prepare('DELETE FROM episode_reviews WHERE patient_key = ?');
    this.delPatient = db.prepare('DELETE FROM patient_reviews WHERE patient_key = ?');
    this.insPatient = db.prepare(
      `INSERT OR REPLACE INTO patient_reviews (patient_key, fingerprint, as_of_sensitive, claims, payers)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.insEpisode = db.prepare(
      `INSERT OR REPLACE INTO episode_reviews
         (episode_id, patient_key, ord, summary, reviewed, billed, errors)
       VALUES (?, ?, -1, ?, ?, ?, ?)`,
    );
  }

  /** Removes the rows of every stored patient `drop` names (gone, or about to be rebuilt). */
  dropPatients(drop: (key: string) => boolean): void {
    const stored = this.db
      .prepare('SELECT patient_key FROM patient_reviews')
      .pluck()
      .all() as string[];
    for (const k of stored)
      if (drop(k)) {
        this.delEpisodes.run(k);
        this.delPatient.run(k);
      }
  }

  putPatient(r: Rebuilt): void {
    this.delEpisodes.run(r.patientKey);
    this.insPatient.run(
      r.patientKey,
      r.state.fingerprint,
      r.state.asOfSensitive ? 1 : 0,
      JSON.stringify(r.state.claims),
      JSON.stringify({ names: r.state.payers, decisions: r.decisions }),
    );
    for (const e of r.episodes)
      this.insEpisode.run(
        e.id,
        r.patientKey,
        e.rows!.summary,
        e.rows!.reviewed,
        e.rows!.billed,
        e.rows!.errors,
      );
  }

  /** Every episode's place in report order, and the state the rows now answer. */
  finish(
    entries: readonly StoredEpisode[],
    meta: { generation: number; key: string; asOf: IsoDate },
  ): void {
    const setOrd = this.db.prepare(
      'UPDATE episode_reviews SET ord = ? WHERE episode_id = ? AND ord <> ?',
    );
    entries.forEach((e, i) => setOrd.run(i, e.id, i));
    this.db
      .prepare(
        `INSERT OR REPLACE INTO stored_review (id, generation, settings_key, as_of, reviewed_at)
         VALUES (1, ?, ?, ?, ?)`,
      )
      .run(meta.generation, meta.key, meta.asOf, new Date().toISOString());
  }
}

const RULE_META = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta]));

function readReviewed(json: string): ReviewedEpisode {
  const r = JSON.parse(json) as ReviewedEpisode;
  r.findings = r.findings.map((f) => {
    const meta = RULE_META.get(f.rule);
    // The engine's key order (rule, source, group, then the rest), as the report prints it.
    if (!meta) return f;
    const { rule, source, ...rest } = f;
    return { rule, source: source ?? meta.source, group: meta.group, ...rest };
  });
  return r;
}
