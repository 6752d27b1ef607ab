/**
 * The ChartReadyApi implemented once over the core. Electron IPC, the loopback HTTP harness and
 * tests all call this; the CLI uses the same underlying functions.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type {
  AnswerDeadlineRequest,
  AppInfo,
  AuditCheck,
  DataInfo,
  EncryptStoreRequest,
  OpenStoreRequest,
  PacketHistoryItem,
  StoredPacket,
  AssignBillingRequest,
  AssignDocumentRequest,
  BuiltPacket,
  ChartReadyApi,
  ClaimSummary,
  CorrectiveAction,
  Dashboard,
  RuleInfo,
  DecideFindingRequest,
  EpisodeDetail,
  EpisodeSummary,
  EvidencePage,
  EvidenceRequest,
  ExportedReport,
  ExportReportRequest,
  ImportProgressEvent,
  ImportResponse,
  ImportStatus,
  PacketPlanView,
  PacketRequest,
  PayerSummary,
  PatientChoice,
  ReanalyzeResponse,
  RecordRequestRequest,
  SetEpisodeProfileRequest,
  SetPayerKindRequest,
  TimelineDay,
  UnassignedBilling,
  UnassignedDocument,
} from '../../../shared/api';
import {
  AnswerDeadlineSchema,
  AssignBillingSchema,
  DecideFindingSchema,
  SetEpisodeProfileSchema,
  BackupStoreSchema,
  EncryptStoreSchema,
  ExportReportSchema,
  OpenStoreSchema,
  RecordRequestSchema,
} from '../../../shared/api-schemas';
import type { DeadlineList } from '../../../shared/deadlines';
import { listDeadlines } from '../deadlines/list';
import { markAnswered, reopenDeadline } from '../deadlines/answers';
import { recordRequest } from '../deadlines/requests';
import { buildClientReport, clientReportPdf, clientReportXlsx } from '../report';
import type { EpisodeModel } from '../../../shared/episode';
import type { Finding, RemitClaim } from '../../../shared/model';
import type { ClinicSettings } from '../../../shared/settings';
import type { ReviewedEpisode } from '../../../shared/review';
import { importPathsParallel } from '../import/worker-pool';
import { countSources } from '../import/pipeline';
import { filesReadByOlderReader, reanalyzeStore } from '../import/reanalyze';
import { buildPacketForEpisode, documentSummary, planPacketForEpisode } from './packets';
import {
  overrideProfileName,
  recordExport,
  reviewStore,
  RULES_VERSION,
  todayIso,
  writeReviewExport,
} from './review';
import { recordAudit } from '../store/audit';
import { bringReviewUpToDate, readStoredReview, storageKeys } from './stored-review';
import { applyDecisions, decisionCounts, FindingMarks, type NewFindings } from './decisions';
import { correctiveActions } from './actions';
import { dashboard } from './dashboard';
import { findSampleChart } from './sample-chart';
import { NotFoundError, RefusedError } from '../../../shared/errors';
import { ruleInfo } from '../review/rules/info';
import { lineQuote } from '../episodes/build';
import { bundleClaimsInWords, remitClaimInWords } from '../claims/remit-words';
import {
  assignBilling,
  assignDocument,
  buildPatientEpisodes,
  patientChoices,
  resolvePatients,
  unassignedBilling,
  unassignedDocuments,
  type PatientResolution,
} from '../episodes';
import { PayerDecisions, setPayerKindSchema } from './payers';
import { loadPayerProfile } from '../review/profiles';
import { clearPayerKind, readPayerList, setPayerKind } from '../store/payer-list';
import { treatmentDays } from '../review/lib/documents';
import { claimDenial } from './denials';
import { correctedClaim } from './corrected-claim';
import { denialConfirmedBy } from '../packet/confirmed-lines';
import { asFileRefusal } from './file-refusals';
import { getSettings, saveSettings } from './settings';
import { decideFinding } from './decisions';
import { setEpisodeProfile } from './episode-profiles';
import { imageEvidencePage, ocrOfPage, storedFile } from './scan-evidence';
import { loadStoredSource } from './sources';
import { builtInProfiles } from '../review/profiles';
import { openDatabase, type Db } from '../store/db';
import { APP_VERSION } from '../version';
import { EXTRACTOR_VERSION } from '../extract';
import { log } from '../log';
import { recentWithPresence, rememberStore } from '../app/recent-stores';
import { backupDatabase, encryptDatabase } from '../store/backup';
import { listPackets, readPacketPdf } from '../packet/history';
import { verifyAuditLog } from '../store/audit';

export { APP_VERSION };

export interface ServiceOptions {
  dbPath: string;
  /** Passphrase of an encrypted database (the Electron shell gets it from its KeyStore). */
  key?: string;
  /** Review date; defaults to today. Tests pin it so results do not depend on the clock. */
  asOf?: string;
  /** Payer profile override for every episode (name or JSON file). */
  profile?: string | null;
  onImportProgress?: (e: ImportProgressEvent) => void;
}

/** What the app keeps per episode: its list row, and its findings once opened (no model). */
interface Reviewed {
  summary: EpisodeSummary;
  /** The stored review's patient key, to find the patient and build the model when opened. */
  patientKey: string;
  /** Read from the stored review, with decisions, when the episode is first opened. */
  findings: Finding[] | null;
}

interface ReviewCache {
  byId: Map<string, Reviewed>;
  /** What the review recorded when the app opened found new (`FindingMarks.fresh`), and how many. */
  fresh: NewFindings;
  freshCount: Map<string, number>;
  /** Each payer name's decision per patient, for the payer list. */
  payers: PayerDecisions;
  /** The patients as matched, when the review matched them or an episode was opened. */
  resolution: PatientResolution | null;
  /** Each stored-review patient key's index in `resolution`, made when first needed. */
  patientIndex: Map<string, number> | null;
}

/** The import running in the service: what importStatus reports and cancelImport stops. */
interface ImportJob {
  done: number;
  total: number | null;
  current: string | null;
  startedAt: string;
  abort: AbortController;
}

/** Models of the most recently opened patients; opening an episode rebuilds only its patient. */
const OPEN_PATIENTS = 8;

export class ChartReadyService implements ChartReadyApi {
  /** The open database; openStore puts another in its place. */
  db: Db;
  private dbPath: string;
  private dbKey: string | undefined;
  private cache: ReviewCache | null = null;
  private job: ImportJob | null = null;
  private lastImport: ImportResponse | null = null;
  private lastImportAt: string | null = null;
  private readonly models = new Map<number, EpisodeModel[]>();

  constructor(private readonly opts: ServiceOptions) {
    this.db = openDatabase(opts.dbPath, { key: opts.key });
    this.dbPath = resolve(opts.dbPath);
    this.dbKey = opts.key;
  }

  /** Where the open database lives. */
  getDataPath(): string {
    return this.dbPath;
  }

  async getDataInfo(): Promise<DataInfo> {
    let sizeBytes = 0;
    try {
      sizeBytes = statSync(this.dbPath).size;
    } catch {
      // An in-memory or just-removed file: nothing to measure.
    }
    return {
      dbPath: this.dbPath,
      encrypted: this.dbKey !== undefined,
      sizeBytes,
      version: APP_VERSION,
      rulesVersion: RULES_VERSION,
      extractorVersion: EXTRACTOR_VERSION,
      recent: recentWithPresence(),
    };
  }

  /**
   * Puts another database in place of this one (a consultant keeps one per client): an existing
   * one is opened (its passphrase when encrypted), a new one created; never while an import runs.
   * Everything kept in memory for the old one is dropped, and the path goes first in the recent list.
   */
  async openStore(req: OpenStoreRequest): Promise<DataInfo> {
    const r = OpenStoreSchema.parse(req);
    this.assertNoImport();
    const path = fullPath(r.path);
    if (r.create && existsSync(path))
      throw new RefusedError(
        `${path} already exists: open it instead, or choose a new file name`,
        'conflict',
        'exists',
      );
    if (!r.create && !existsSync(path)) throw new NotFoundError(`no database at ${path}`);
    const key = r.passphrase ? r.passphrase : undefined;
    let db: Db;
    try {
      db = openDatabase(path, { key, mustExist: !r.create });
    } catch (err) {
      throw asFileRefusal(err, path);
    }
    const previous = this.dbPath;
    this.db.close();
    this.db = db;
    this.dbPath = path;
    this.dbKey = key;
    this.cache = null;
    this.models.clear();
    this.lastImport = null;
    this.lastImportAt = null;
    try {
      // The one left stays in the list (a way back), the new one goes first.
      rememberStore(previous);
      rememberStore(path);
    } catch (err) {
      // The recent list is a convenience: an unwritable config folder must not stop the work.
      log.warn('recent-stores', { error: (err as Error).message });
    }
    return this.getDataInfo();
  }

  async checkAuditLog(): Promise<AuditCheck> {
    const v = verifyAuditLog(this.db);
    return v.ok
      ? { ok: true, entries: v.entries, brokenId: null, reason: null }
      : { ok: false, entries: v.entries, brokenId: v.brokenId, reason: v.reason };
  }

  async backupStore(req: { path: string }): Promise<{ path: string; bytes: number }> {
    const { path } = BackupStoreSchema.parse(req);
    const out = fullPath(path);
    try {
      const { bytes } = await backupDatabase(this.db, out, {
        encrypted: this.dbKey !== undefined,
      });
      return { path: out, bytes };
    } catch (err) {
      throw asFileRefusal(err, out);
    }
  }

  /**
   * An encrypted copy of the open database in a new file, keyed with the passphrase given (the
   * CLI's `encrypt`); the database in use stays as it is. Not while an import writes to it (the
   * copy's row counts are checked against the source's). A copy that fails is removed, not left
   * half written. Recorded in the open database's audit log as backups are (and in the copy's).
   */
  async encryptStore(req: EncryptStoreRequest): Promise<{ path: string; bytes: number }> {
    const r = EncryptStoreSchema.parse(req);
    this.assertNoImport();
    const out = fullPath(r.path);
    // Everything written so far goes into the main file, which the copy reads.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    const existed = existsSync(out);
    let counts: Record<string, number>;
    try {
      ({ counts } = encryptDatabase(this.dbPath, out, r.passphrase, { sourceKey: this.dbKey }));
    } catch (err) {
      if (!existed) for (const f of [out, `${out}-wal`, `${out}-shm`]) rmSync(f, { force: true });
      throw asFileRefusal(err, out);
    }
    const bytes = statSync(out).size;
    recordAudit(this.db, 'backup', {
      operation: 'encrypt',
      output: out,
      encrypted: true,
      bytes,
      counts,
    });
    return { path: out, bytes };
  }

  close(): void {
    this.db.close();
  }

  /**
   * The stored review brought up to date (only what changed is built again; nothing when nothing
   * did), kept until the store changes. A review that rebuilt something is recorded as the CLI's
   * is: finding ids remembered for "new", and an audit entry.
   */
  private reviewed(): ReviewCache {
    if (!this.cache) {
      const name = overrideProfileName(this.db, this.opts.profile);
      const override = name ? loadPayerProfile(name) : null;
      // What is built again is recorded as a review as it is made (finding ids for "new",
      // decisions that no longer apply, the audit entry); only what was new is kept, the
      // findings are read back when an episode is opened. Made on the first rebuilt review: an
      // app opening on a current stored review reads no finding ids.
      const recording: { marks: FindingMarks | null } = { marks: null };
      const freshCount = new Map<string, number>();
      const rebuiltIds: string[] = [];
      const up = bringReviewUpToDate(this.db, {
        asOf: this.asOf(),
        rulesVersion: RULES_VERSION,
        override,
        overrideName: name,
        onRebuilt: (r) => {
          (recording.marks ??= new FindingMarks(this.db, { record: true })).mark(r);
          rebuiltIds.push(r.id);
          const n = r.findings.reduce((k, f) => (f.new ? k + 1 : k), 0);
          if (n > 0) freshCount.set(r.id, n);
        },
      });
      const { marks } = recording;
      if (marks) {
        marks.flush();
        recordAudit(this.db, 'review', {
          asOf: this.asOf(),
          rulesVersion: RULES_VERSION,
          profile: name,
          patients: up.rebuilt,
          episodeIds: rebuiltIds,
        });
      }
      const payers = new PayerDecisions();
      let patient = 0;
      for (const decisions of up.payers.values()) {
        patient++;
        for (const [payer, d] of decisions) payers.onPayerDecision(payer, d, patient);
      }
      const byId = new Map<string, Reviewed>(
        up.episodes.map((e) => [
          e.id,
          { summary: e.summary, patientKey: e.patientKey, findings: null },
        ]),
      );
      this.cache = {
        byId,
        fresh: marks?.fresh ?? new Map(),
        freshCount,
        payers,
        resolution: up.resolution,
        patientIndex: null,
      };
      this.models.clear();
    }
    return this.cache;
  }

  /** The patients as matched now (matched once per change of the store). */
  private resolution(): PatientResolution {
    const cache = this.reviewed();
    return (cache.resolution ??= resolvePatients(this.db));
  }

  private findingsOf(id: string, r: Reviewed): Finding[] {
    if (r.findings) return r.findings;
    const stored = readStoredReview(this.db, id);
    if (stored)
      applyDecisions(this.db, [stored], { record: false, newSince: this.reviewed().fresh });
    return (r.findings = stored?.findings ?? []);
  }

  private asOf(): string {
    return this.opts.asOf ?? todayIso();
  }

  private episode(id: string): {
    summary: EpisodeSummary;
    findings: Finding[];
    model: EpisodeModel;
  } {
    const r = this.reviewed().byId.get(id);
    if (!r) throw new NotFoundError(`no episode with id ${id} in the current review`);
    const resolution = this.resolution();
    const cache = this.reviewed();
    cache.patientIndex ??= new Map(storageKeys(resolution.patients).map((k, i) => [k, i]));
    const index = cache.patientIndex.get(r.patientKey) ?? null;
    let models = index === null ? undefined : this.models.get(index);
    if (!models && index !== null) {
      models = buildPatientEpisodes(this.db, { asOf: this.asOf() }, resolution, index);
      if (this.models.size >= OPEN_PATIENTS) this.models.delete(this.models.keys().next().value!);
      this.models.set(index, models);
    }
    const model = models?.find((m) => m.id === id);
    if (!model) throw new Error(`episode ${id} changed since the review; review again`);
    return { summary: r.summary, findings: this.findingsOf(id, r), model };
  }

  async info(): Promise<AppInfo> {
    return {
      version: APP_VERSION,
      dbPath: this.dbPath,
      profiles: builtInProfiles().map((p) => ({ name: p.name, label: p.label })),
      filesReadByOlderReader: filesReadByOlderReader(this.db),
      sampleChart: findSampleChart() !== null,
      episodes: this.reviewed().byId.size,
    };
  }

  async reanalyze(): Promise<ReanalyzeResponse> {
    const summary = await reanalyzeStore(this.db);
    // New facts, new document ids: the review and open models are stale.
    this.cache = null;
    this.models.clear();
    return summary;
  }

  /**
   * One import at a time, in this process whatever screen started it: a second is refused with
   * what is running; the screens follow it with importStatus and progress events, and
   * cancelImport stops it after the file being stored.
   */
  async importPaths(req: { paths: string[] }): Promise<ImportResponse> {
    this.assertNoImport();
    const job: ImportJob = {
      done: 0,
      total: null,
      current: null,
      startedAt: new Date().toISOString(),
      abort: new AbortController(),
    };
    this.job = job;
    try {
      job.total = await countSources(req.paths);
      const summary = await importPathsParallel(this.db, req.paths, {
        signal: job.abort.signal,
        onProgress: (p) => {
          job.done = p.done;
          job.current = p.current.path;
          this.opts.onImportProgress?.({
            batchId: '',
            done: p.done,
            total: job.total === null ? null : Math.max(job.total, p.done),
            current: p.current,
          });
        },
        onOcrPage: ({ path, page, pages }) => {
          job.current = path;
          this.opts.onImportProgress?.({
            batchId: '',
            done: job.done,
            total: job.total,
            ocr: { file: path, page, pages },
          });
        },
      });
      this.cache = null;
      // What no evidence placed, in the whole store: the user assigns it (Import screen).
      const resolution = this.resolution();
      const result = {
        ...summary,
        unassigned: unassignedDocuments(this.db, resolution),
        unassignedBilling: unassignedBilling(this.db, resolution),
      };
      this.lastImport = result;
      this.lastImportAt = new Date().toISOString();
      return result;
    } finally {
      this.job = null;
    }
  }

  private assertNoImport(): void {
    const j = this.job;
    if (j)
      throw new RefusedError(
        `an import is already running (${j.done}${j.total !== null ? ` of ${j.total}` : ''} files): wait for it to finish or cancel it on the Import screen`,
        'invalid',
        'import-running',
      );
  }

  async importStatus(): Promise<ImportStatus> {
    const j = this.job;
    return {
      running: j !== null,
      done: j?.done ?? 0,
      total: j?.total ?? null,
      current: j?.current ?? null,
      startedAt: j?.startedAt ?? null,
      cancelRequested: j?.abort.signal.aborted ?? false,
      last: this.lastImport,
      lastAt: this.lastImportAt,
    };
  }

  async cancelImport(): Promise<ImportStatus> {
    this.job?.abort.abort();
    return this.importStatus();
  }

  async listUnassigned(): Promise<UnassignedDocument[]> {
    return unassignedDocuments(this.db, this.resolution());
  }

  async listPatients(): Promise<PatientChoice[]> {
    return patientChoices(this.resolution());
  }

  async assignDocument(req: AssignDocumentRequest): Promise<UnassignedDocument[]> {
    assignDocument(this.db, req.documentId, req.patientKey, this.resolution());
    // The document joins its patient's episodes: review again.
    this.cache = null;
    this.models.clear();
    return unassignedDocuments(this.db, this.resolution());
  }

  async listUnassignedBilling(): Promise<UnassignedBilling[]> {
    return unassignedBilling(this.db, this.resolution());
  }

  async assignBilling(req: AssignBillingRequest): Promise<UnassignedBilling[]> {
    assignBilling(this.db, AssignBillingSchema.parse(req), this.resolution());
    // The rows join their patient's episodes: review again.
    this.cache = null;
    this.models.clear();
    return unassignedBilling(this.db, this.resolution());
  }

  async decideFinding(req: DecideFindingRequest): Promise<EpisodeDetail> {
    const r = DecideFindingSchema.parse(req);
    const { findings } = this.episode(r.episodeId);
    const settings = getSettings(this.db);
    const by = r.by || settings.reviewerName || null;
    // The name the form asked for once is the one it offers next time (Settings shows it too).
    if (r.by && !settings.reviewerName) saveSettings(this.db, { ...settings, reviewerName: r.by });
    // The cached review's findings are the ones decided: the episode shows the decision at once.
    decideFinding(this.db, [{ id: r.episodeId, findings } as ReviewedEpisode], {
      findingId: r.findingId,
      as: r.as,
      reason: r.reason,
      action: r.action ?? null,
      due: r.due ?? null,
      clinician: r.clinician ?? null,
      by,
    });
    return this.getEpisode({ id: r.episodeId });
  }

  async setEpisodeProfile(req: SetEpisodeProfileRequest): Promise<EpisodeDetail> {
    const r = SetEpisodeProfileSchema.parse(req);
    const episodes = this.reviewed().byId;
    if (!episodes.has(r.episodeId))
      throw new NotFoundError(`no episode with id ${r.episodeId} in the current review`);
    setEpisodeProfile(this.db, new Set(episodes.keys()), {
      episodeId: r.episodeId,
      profile: r.profile,
      reason: r.reason ?? null,
      by: getSettings(this.db).reviewerName ?? null,
    });
    // Its patient's fingerprint changed: only that patient is built and reviewed again.
    this.cache = null;
    this.models.clear();
    return this.getEpisode({ id: r.episodeId });
  }

  async importUploads(req: {
    files: Array<{ name: string; dataBase64: string }>;
  }): Promise<ImportResponse> {
    this.assertNoImport();
    // Browser drops carry bytes, not paths: stage them in a private temp folder, import, remove.
    const dir = mkdtempSync(join(tmpdir(), 'chartready-upload-'));
    try {
      for (const f of req.files) {
        const safe =
          f.name
            .split(/[\\/]/)
            .filter((s) => s && s !== '..' && s !== '.')
            .join('/') || 'upload';
        const target = join(dir, basename(safe));
        writeFileSync(target, Buffer.from(f.dataBase64, 'base64'));
      }
      return await this.importPaths({ paths: [dir] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async listEpisodes(): Promise<EpisodeSummary[]> {
    const reviewed = this.reviewed();
    // Decisions change without a review: their counts are read each time (one query).
    const counts = decisionCounts(this.db);
    return [...reviewed.byId.values()].map((r) => {
      const c = counts.get(r.summary.id);
      const fresh = reviewed.freshCount.get(r.summary.id) ?? 0;
      return {
        ...r.summary,
        review: {
          open: c ? Math.max(0, c.reported - c.decided) : r.summary.errors + r.summary.warnings,
          decided: c?.decided ?? 0,
          new: fresh,
        },
      };
    });
  }

  async getEpisode(req: { id: string }): Promise<EpisodeDetail> {
    const r = this.episode(req.id);
    return {
      summary: r.summary,
      findings: r.findings,
      timeline: timeline(r.model, r.findings),
      documents: r.model.documents.map(documentSummary),
      claims: r.model.claims.map((c): ClaimSummary => {
        const d = claimDenial(c);
        // Returned as unprocessable: corrected, not appealed, so no appeal for the review to confirm.
        const correction = d ? correctedClaim(d, r.findings) : null;
        return {
          claimId: c.claimId,
          dates: [...new Set(c.lines.map((l) => l.dos))].sort(),
          denial: d ? { carc: d.carc, group: d.group, remarks: d.remarks, dates: d.dates } : null,
          correction,
          denialConfirmedBy:
            d && !correction ? denialConfirmedBy(r.model, r.findings, c.claimId, d.carc) : null,
          remit: c.remitFile
            ? {
                // A FHIR bundle's ExplanationOfBenefit, else an 835 (stored as kind 'remit').
                kind: storedFile(this.db, c.remitFile)?.kind === 'fhir' ? 'fhir-eob' : '835',
                date: c.remitDate ?? null,
              }
            : null,
          paid: c.remit?.paid ?? null,
          charge: c.remit?.charge ?? null,
        };
      }),
    };
  }

  async getEvidence(req: EvidenceRequest): Promise<EvidencePage> {
    const stored = storedFile(this.db, req.file);
    if (stored?.kind === 'notes-image' && stored.content) {
      return imageEvidencePage(this.db, req.file, { ...stored, content: stored.content }, req.page);
    }
    if (stored?.kind === 'remit') {
      const remit = remitEvidencePage(this.db, stored.id, req.file, req.line ?? 1);
      if (remit) return remit;
    }
    if (stored?.kind === 'fhir' && req.line !== undefined) {
      const eob = bundleClaimsEvidencePage(this.db, stored.id, req.file, req.line);
      if (eob) return eob;
    }
    const src = loadStoredSource(this.db, req.file);
    if (src.kind === 'text' && src.pages.length === 0) {
      const billing = billingEvidencePage(this.db, src.fileId, req.file, req.line ?? 1);
      if (billing) return billing;
    }
    if (src.kind === 'pdf') {
      const text =
        (
          this.db
            .prepare(
              'SELECT p.text FROM pages p JOIN files f ON f.id = p.file_id WHERE f.path = ? AND p.page = ? ORDER BY f.id DESC LIMIT 1',
            )
            .get(req.file, req.page) as { text: string } | undefined
        )?.text ?? '';
      const count =
        (
          this.db
            .prepare('SELECT page_count AS n FROM files WHERE path = ? ORDER BY id DESC LIMIT 1')
            .get(req.file) as { n: number | null }
        ).n ?? 1;
      const ocr = stored ? ocrOfPage(this.db, stored.id, req.page) : null;
      return {
        kind: 'pdf',
        file: req.file,
        page: req.page,
        pageCount: count,
        pdfBase64: Buffer.from(src.bytes).toString('base64'),
        text,
        ...(ocr ? { ocr } : {}),
      };
    }
    const page = src.pages.find((p) => p.page === req.page) ?? src.pages[0];
    return {
      kind: 'text',
      file: req.file,
      page: page?.page ?? 1,
      pageCount: src.pages.length,
      text: page?.text ?? '',
    };
  }

  async planPacket(req: PacketRequest): Promise<PacketPlanView> {
    const r = this.episode(req.episodeId);
    return planPacketForEpisode(this.db, r.model, r.findings, req, this.asOf());
  }

  async buildPacket(req: PacketRequest & { savePath?: string | null }): Promise<BuiltPacket> {
    const r = this.episode(req.episodeId);
    const built = await buildPacketForEpisode(
      this.db,
      r.model,
      r.findings,
      req,
      this.asOf(),
      req.savePath ?? null,
    );
    if (req.savePath) writeFileSync(req.savePath, built.pdf);
    return {
      plan: built.plan,
      pageCount: built.pageCount,
      pdfBase64: Buffer.from(built.pdf).toString('base64'),
      savedTo: req.savePath ?? null,
    };
  }

  async listDeadlines(): Promise<DeadlineList> {
    return listDeadlines(this.db, { asOf: this.asOf(), profile: this.opts.profile });
  }

  async recordRequest(req: RecordRequestRequest): Promise<DeadlineList> {
    const r = RecordRequestSchema.parse(req);
    recordRequest(this.db, {
      claimId: r.claimId,
      kind: r.kind,
      dated: r.dated,
      received: r.received ?? null,
      from: r.from || null,
    });
    return this.listDeadlines();
  }

  async listPackets(req: { episodeId: string }): Promise<PacketHistoryItem[]> {
    // The episode's claims too: an import can give an episode a new id, its claims stay.
    const claims = this.reviewed().byId.get(req.episodeId)?.summary.claims ?? [];
    return listPackets(this.db, req.episodeId, claims);
  }

  async openPacket(req: { id: number }): Promise<StoredPacket> {
    const found = readPacketPdf(this.db, req.id);
    if (!found) throw new NotFoundError(`no packet ${req.id} in this database`);
    return { item: found.item, pdfBase64: found.pdf.toString('base64') };
  }

  async answerDeadline(req: AnswerDeadlineRequest): Promise<DeadlineList> {
    const r = AnswerDeadlineSchema.parse(req);
    if (r.on === null) reopenDeadline(this.db, r.id);
    else
      markAnswered(this.db, {
        itemId: r.id,
        on: r.on,
        how: r.how ?? null,
        by: getSettings(this.db).reviewerName ?? null,
        asOf: this.asOf(),
      });
    return this.listDeadlines();
  }

  async exportReport(
    req: ExportReportRequest & { savePath?: string | null },
  ): Promise<ExportedReport> {
    const { format } = ExportReportSchema.parse({ format: req.format });
    this.reviewed();
    const asOf = this.asOf();
    const report = buildClientReport(this.db, {
      asOf,
      sampleId: null,
      review: reviewStore(this.db, { asOf, profile: this.opts.profile }),
    });
    const bytes =
      format === 'xlsx' ? await clientReportXlsx(report) : (await clientReportPdf(report)).pdf;
    const fileName = `chartready-report-${asOf}.${format}`;
    // Saved by the shell to the path the user chose; over HTTP the renderer downloads the bytes.
    // Either way the export is in the audit log with its hash.
    if (req.savePath) writeReviewExport(this.db, req.savePath, `report-${format}`, bytes);
    else recordExport(this.db, `download:${fileName}`, `report-${format}`, bytes);
    const s = report.summary;
    return {
      fileName,
      format,
      base64: Buffer.from(bytes).toString('base64'),
      summary: `Readiness ${s.passingDates.toLocaleString('en-US')} of ${s.billedDates.toLocaleString('en-US')} billed dates; ${s.atRisk.toLocaleString('en-US', { style: 'currency', currency: 'USD' })} at risk; ${report.findings.length} findings`,
      savedTo: req.savePath ?? null,
    };
  }

  async listPayers(): Promise<PayerSummary[]> {
    return this.reviewed().payers.summaries(readPayerList(this.db));
  }

  async setPayerKind(req: SetPayerKindRequest): Promise<PayerSummary[]> {
    const r = setPayerKindSchema.parse(req);
    if (r.kind === null) clearPayerKind(this.db, r.name);
    else setPayerKind(this.db, r.name, r.kind, r.state ?? null);
    // Only the patients whose items name this payer are reviewed again (their fingerprints changed).
    this.cache = null;
    return this.listPayers();
  }

  async listActions(): Promise<CorrectiveAction[]> {
    this.reviewed();
    return correctiveActions(this.db, this.asOf());
  }

  async importSample(): Promise<ImportResponse> {
    const chart = findSampleChart();
    if (!chart) throw new NotFoundError('the sample chart is not part of this installation');
    return this.importPaths({ paths: [chart] });
  }

  async listRules(): Promise<RuleInfo[]> {
    return ruleInfo();
  }

  async getDashboard(): Promise<Dashboard> {
    this.reviewed();
    return dashboard(this.db, this.asOf());
  }

  async getSettings(): Promise<ClinicSettings> {
    return getSettings(this.db);
  }

  async saveSettings(req: ClinicSettings): Promise<ClinicSettings> {
    const before = getSettings(this.db).defaultPayerProfile ?? null;
    const saved = saveSettings(this.db, req);
    // A different default profile changes every episode's review: review again on next use.
    if ((saved.defaultPayerProfile ?? null) !== before) {
      this.cache = null;
      this.models.clear();
    }
    return saved;
  }
}

const REPORT_ORDER = ['progress-report', 're-evaluation', 'discharge-summary'] as const;
const REPORT_TYPES = new Set<string>(REPORT_ORDER);

/** One row per dated day: notes, billed codes, treatment-day number, progress reports and overdue days. */
export function timeline(model: EpisodeModel, findings: Finding[]): TimelineDay[] {
  // Numbered exactly as DOC-PROGRESS-10 counts them, so "treatment day 11" means the same here.
  const treatment = treatmentDays(model).map((d) => d.date);
  const dayNo = new Map(treatment.map((d, i) => [d, i + 1]));
  const dates = new Set<string>(treatment);
  for (const d of model.documents) if (d.date) dates.add(d.date);
  const overdue = new Set(
    findings
      .filter((f) => f.rule === 'DOC-PROGRESS-10' && f.status === 'fail')
      .flatMap((f) => f.dates),
  );
  return [...dates].sort().map((date) => {
    const docs = model.documents.filter((d) => d.date === date);
    return {
      date,
      treatmentDay: dayNo.get(date) ?? null,
      documents: docs.map((d) => ({ id: d.id, type: d.type, title: d.title })),
      codes: model.billing
        .filter((l) => l.dos === date)
        .map((l) => ({ code: l.code, modifiers: l.modifiers, units: l.units })),
      progressReport: docs.some((d) => REPORT_TYPES.has(d.type)),
      reportType: REPORT_ORDER.find((t) => docs.some((d) => d.type === t)) ?? null,
      progressOverdue: overdue.has(date),
      failingRules: [
        ...new Set(
          findings.filter((f) => f.status === 'fail' && f.dates.includes(date)).map((f) => f.rule),
        ),
      ],
      noteVisit: noteVisitDiffers(docs, dayNo.get(date) ?? null, treatment[0] ?? null, model),
    };
  });
}

/**
 * A daily note's own visit number where it differs from the treatment-day count, with the likely
 * reason: treatment days count from the first care day (the evaluation is day 1, one per date of
 * a note or billed therapy), which many EMRs number differently.
 */
function noteVisitDiffers(
  docs: EpisodeModel['documents'],
  day: number | null,
  firstDay: string | null,
  model: EpisodeModel,
): { number: number; why: string } | null {
  if (day === null) return null;
  const stated = docs
    .filter((d) => d.type === 'daily-note')
    .map((d) => d.facts.find((f) => f.kind === 'visit-number')?.value)
    .find((v) => v !== undefined);
  const number = stated === undefined ? NaN : Number(stated);
  if (!Number.isInteger(number) || number === day) return null;
  const evalFirst = model.documents.some(
    (d) => d.date === firstDay && (d.type === 'evaluation' || d.type === 're-evaluation'),
  );
  const why =
    number === day - 1 && evalFirst
      ? `the note does not count the evaluation on ${firstDay}; the rule counts it as treatment day 1`
      : number > day
        ? 'the note counts visits this record does not hold here (an earlier episode or notes not imported); the rule counts the dates in this episode'
        : 'the note counts fewer visits than the dates of care in this episode (dates with billed therapy or a note each count once)';
  return { number, why };
}

/**
 * Evidence cited to a segment of an 835: the claim that holds the segment, in words (claim status,
 * amounts, each service line with its adjustments and remarks), the cited service line written as
 * findings quote it so the viewer highlights it.
 */
function remitEvidencePage(
  db: Db,
  fileId: number,
  file: string,
  line: number,
): EvidencePage | null {
  const row = db
    .prepare(
      'SELECT data FROM remit_claims WHERE file_id = ? AND segment <= ? ORDER BY segment DESC LIMIT 1',
    )
    .get(fileId, line) as { data: string } | undefined;
  if (!row) return null;
  const claim = JSON.parse(row.data) as RemitClaim;
  return { kind: 'text', file, page: 1, pageCount: 1, text: remitClaimInWords(file, claim) };
}

/**
 * A database path typed in the app, which has no current folder the user knows of: a path
 * without its folder is refused rather than written where the app happens to run.
 */
function fullPath(path: string): string {
  if (!isAbsolute(path))
    throw new RefusedError(
      `give the full path of ${path}, with its folder: the app has no current folder to put it in`,
      'invalid',
      'relative-path',
    );
  return resolve(path);
}

/**
 * Evidence cited to an item of a FHIR bundle's ExplanationOfBenefit (read as a remittance): the
 * bundle's EOBs with such an item, in words (`bundleClaimsInWords`).
 */
function bundleClaimsEvidencePage(
  db: Db,
  fileId: number,
  file: string,
  item: number,
): EvidencePage | null {
  const claims = (
    db
      .prepare('SELECT data FROM remit_claims WHERE file_id = ? ORDER BY segment')
      .pluck()
      .all(fileId) as string[]
  ).map((data) => JSON.parse(data) as RemitClaim);
  const text = bundleClaimsInWords(file, claims, item);
  return text === null ? null : { kind: 'text', file, page: 1, pageCount: 1, text };
}

/** How many billing lines around the cited one the evidence viewer shows. */
const BILLING_CONTEXT_LINES = 12;

/**
 * Evidence for a billing line (a ledger row, an 835 service segment, a FHIR item) in words: the
 * lines read from that file around the cited one, each written as findings quote it, so the
 * viewer highlights the cited line under a header that names the columns.
 */
function billingEvidencePage(
  db: Db,
  fileId: number,
  file: string,
  line: number,
): EvidencePage | null {
  const rows = db
    .prepare(
      `SELECT source, line, dos, code, modifiers, units, claim_id, patient_name, charge
         FROM billing_lines WHERE file_id = ? AND line BETWEEN ? AND ? ORDER BY line, id`,
    )
    .all(fileId, Math.max(1, line - BILLING_CONTEXT_LINES), line + BILLING_CONTEXT_LINES) as Array<{
    source: string;
    line: number;
    dos: string;
    code: string;
    modifiers: string;
    units: number;
    claim_id: string | null;
    patient_name: string | null;
    charge: number | null;
  }>;
  if (rows.length === 0) return null;
  const where =
    rows[0]!.source === 'remit' ? 'segment' : rows[0]!.source === 'fhir' ? 'item' : 'line';
  const text = [
    `Billing lines read from ${file} (${where}, date of service, code-modifiers x units, claim; patient; charge):`,
    '',
    ...rows.map(
      (r) =>
        `${lineQuote(r.source, r.line, r.dos, r.code, r.modifiers ? r.modifiers.split(' ').filter(Boolean) : [], r.units, r.claim_id)}   ${r.patient_name ?? ''}   ${r.charge != null ? r.charge.toFixed(2) : ''}`,
    ),
  ].join('\n');
  return { kind: 'text', file, page: 1, pageCount: 1, text };
}
