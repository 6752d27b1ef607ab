/**
 * The ChartReadyApi implemented once over the core. Electron IPC, the loopback HTTP harness and
 * tests all call this; the CLI uses the same underlying functions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type {
  AppInfo,
  AssignDocumentRequest,
  BuiltPacket,
  ChartReadyApi,
  ClaimSummary,
  DecideFindingRequest,
  EpisodeDetail,
  EpisodeSummary,
  EvidencePage,
  EvidenceRequest,
  ImportProgressEvent,
  ImportResponse,
  PacketPlanView,
  PacketRequest,
  PayerSummary,
  PatientChoice,
  ReanalyzeResponse,
  RecordRequestRequest,
  SetPayerKindRequest,
  TimelineDay,
  UnassignedDocument,
} from '../../../shared/api';
import { DecideFindingSchema, RecordRequestSchema } from '../../../shared/api-schemas';
import type { DeadlineList } from '../../../shared/deadlines';
import { listDeadlines } from '../deadlines/list';
import { recordRequest } from '../deadlines/requests';
import type { EpisodeModel } from '../../../shared/episode';
import type { Finding } from '../../../shared/model';
import type { ClinicSettings } from '../../../shared/settings';
import type { ReviewedEpisode } from '../../../shared/review';
import { importPathsParallel } from '../import/worker-pool';
import { filesReadByOlderReader, reanalyzeStore } from '../import/reanalyze';
import { buildPacketForEpisode, documentSummary, planPacketForEpisode } from './packets';
import { overrideProfileName, profileFor, reviewStore, todayIso } from './review';
import { lineQuote } from '../episodes/build';
import {
  assignDocument,
  buildPatientEpisodes,
  compareEpisodes,
  patientChoices,
  resolvePatients,
  unassignedDocuments,
  type PatientResolution,
} from '../episodes';
import { PayerDecisions, setPayerKindSchema } from './payers';
import { reviewEpisode } from '../review/engine';
import { toReviewedEpisode } from '../review/format';
import { loadPayerProfile } from '../review/profiles';
import { recordAudit } from '../store/audit';
import { clearPayerKind, readPayerList, setPayerKind } from '../store/payer-list';
import { treatmentDays } from '../review/lib/documents';
import { countFindings, countVisits } from '../review/format/report';
import { claimDenial } from './denials';
import { getSettings, saveSettings } from './settings';
import { decideFinding } from './decisions';
import { loadStoredSource } from './sources';
import { builtInProfiles } from '../review/profiles';
import { openDatabase, type Db } from '../store/db';
import { APP_VERSION } from '../version';

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

/** What the app keeps per episode: no model (a large store's models fill gigabytes). */
interface Reviewed {
  summary: EpisodeSummary;
  findings: Finding[];
  /** Index of the episode's patient in the resolution, to build the model again when opened. */
  patient: number;
}

interface ReviewCache {
  resolution: PatientResolution;
  byId: Map<string, Reviewed>;
  /** Each payer name's decision per patient, for the payer list and to know whom a change touches. */
  payers: PayerDecisions;
}

/** Models of the most recently opened patients; opening an episode rebuilds only its patient. */
const OPEN_PATIENTS = 8;

export class ChartReadyService implements ChartReadyApi {
  readonly db: Db;
  private cache: ReviewCache | null = null;
  private readonly models = new Map<number, EpisodeModel[]>();

  constructor(private readonly opts: ServiceOptions) {
    this.db = openDatabase(opts.dbPath, { key: opts.key });
  }

  close(): void {
    this.db.close();
  }

  private reviewed(): ReviewCache {
    if (!this.cache) {
      const resolution = resolvePatients(this.db);
      const kept = new Map<string, Reviewed>();
      const payers = new PayerDecisions();
      const report = reviewStore(this.db, {
        asOf: this.asOf(),
        profile: this.opts.profile,
        resolution,
        onPayerDecision: payers.onPayerDecision,
        onEpisode: (model, r) =>
          kept.set(model.id, {
            summary: summarize(model, r),
            findings: r.findings,
            patient: model.patient.id - 1,
          }),
      });
      // In the report's order.
      const byId = new Map(report.episodes.map((e) => [e.id, kept.get(e.id)!]));
      this.cache = { resolution, byId, payers };
      this.models.clear();
    }
    return this.cache;
  }

  private asOf(): string {
    return this.opts.asOf ?? todayIso();
  }

  private episode(id: string): Reviewed & { model: EpisodeModel } {
    const { resolution, byId } = this.reviewed();
    const r = byId.get(id);
    if (!r) throw new Error(`no episode with id ${id}`);
    let models = this.models.get(r.patient);
    if (!models) {
      models = buildPatientEpisodes(this.db, { asOf: this.asOf() }, resolution, r.patient);
      if (this.models.size >= OPEN_PATIENTS) this.models.delete(this.models.keys().next().value!);
      this.models.set(r.patient, models);
    }
    const model = models.find((m) => m.id === id);
    if (!model) throw new Error(`episode ${id} changed since the review; review again`);
    return { ...r, model };
  }

  async info(): Promise<AppInfo> {
    return {
      version: APP_VERSION,
      dbPath: this.opts.dbPath,
      profiles: builtInProfiles().map((p) => ({ name: p.name, label: p.label })),
      filesReadByOlderReader: filesReadByOlderReader(this.db),
    };
  }

  async reanalyze(): Promise<ReanalyzeResponse> {
    const summary = await reanalyzeStore(this.db);
    // New facts, new document ids: the review and open models are stale.
    this.cache = null;
    this.models.clear();
    return summary;
  }

  async importPaths(req: { paths: string[] }): Promise<ImportResponse> {
    const summary = await importPathsParallel(this.db, req.paths, {
      onProgress: (p) =>
        this.opts.onImportProgress?.({ batchId: '', done: p.done, current: p.current }),
    });
    this.cache = null;
    // What no evidence placed, in the whole store: the user assigns it (Import screen).
    return { ...summary, unassigned: unassignedDocuments(this.db, this.reviewed().resolution) };
  }

  async listUnassigned(): Promise<UnassignedDocument[]> {
    return unassignedDocuments(this.db, this.reviewed().resolution);
  }

  async listPatients(): Promise<PatientChoice[]> {
    return patientChoices(this.reviewed().resolution);
  }

  async assignDocument(req: AssignDocumentRequest): Promise<UnassignedDocument[]> {
    assignDocument(this.db, req.documentId, req.patientKey, this.reviewed().resolution);
    // The document joins its patient's episodes: review again.
    this.cache = null;
    this.models.clear();
    return unassignedDocuments(this.db, this.reviewed().resolution);
  }

  async decideFinding(req: DecideFindingRequest): Promise<EpisodeDetail> {
    const r = DecideFindingSchema.parse(req);
    const { findings } = this.episode(r.episodeId);
    // The cached review's findings are the ones decided: the episode shows the decision at once.
    decideFinding(this.db, [{ id: r.episodeId, findings } as ReviewedEpisode], {
      findingId: r.findingId,
      as: r.as,
      reason: r.reason,
      action: r.action ?? null,
      due: r.due ?? null,
      by: getSettings(this.db).reviewerName ?? null,
    });
    return this.getEpisode({ id: r.episodeId });
  }

  async importUploads(req: {
    files: Array<{ name: string; dataBase64: string }>;
  }): Promise<ImportResponse> {
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
    return [...this.reviewed().byId.values()].map((r) => r.summary);
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
        return {
          claimId: c.claimId,
          dates: [...new Set(c.lines.map((l) => l.dos))].sort(),
          denial: d ? { carc: d.carc, group: d.group, remarks: d.remarks, dates: d.dates } : null,
          paid: c.remit?.paid ?? null,
          charge: c.remit?.charge ?? null,
        };
      }),
    };
  }

  async getEvidence(req: EvidenceRequest): Promise<EvidencePage> {
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
      return {
        kind: 'pdf',
        file: req.file,
        page: req.page,
        pageCount: count,
        pdfBase64: Buffer.from(src.bytes).toString('base64'),
        text,
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

  async listPayers(): Promise<PayerSummary[]> {
    return this.reviewed().payers.summaries(readPayerList(this.db));
  }

  async setPayerKind(req: SetPayerKindRequest): Promise<PayerSummary[]> {
    const r = setPayerKindSchema.parse(req);
    if (r.kind === null) clearPayerKind(this.db, r.name);
    else setPayerKind(this.db, r.name, r.kind, r.state ?? null);
    this.reReviewPatients(this.reviewed().payers.patientsOf(r.name));
    return this.listPayers();
  }

  /**
   * Builds and reviews again the episodes of these patients (ids, 1-based) after a payer's kind
   * changed, keeping every other episode's review: their episode ids may change with the kind.
   */
  private reReviewPatients(patientIds: number[]): void {
    const cache = this.reviewed();
    if (patientIds.length === 0) return;
    const touched = new Set(patientIds.map((id) => id - 1));
    const name = overrideProfileName(this.db, this.opts.profile);
    const override = name ? loadPayerProfile(name) : null;
    const entries = [...cache.byId.entries()].filter(([, r]) => !touched.has(r.patient));
    const list = readPayerList(this.db);
    let episodes = 0;
    for (const index of touched) {
      this.models.delete(index);
      const models = buildPatientEpisodes(
        this.db,
        { asOf: this.asOf(), payerList: list, onPayerDecision: cache.payers.onPayerDecision },
        cache.resolution,
        index,
      );
      for (const model of models) {
        const profile = profileFor(model, override);
        const findings = reviewEpisode(model, profile);
        const reviewed = toReviewedEpisode(model, findings, profile.name, override !== null);
        entries.push([model.id, { summary: summarize(model, reviewed), findings, patient: index }]);
        episodes++;
      }
    }
    const order = ([, r]: [string, Reviewed]) => ({
      patient: {
        name: r.summary.patientName,
        id: r.patient + 1,
        mrn: r.summary.mrn,
        dob: r.summary.dob,
      },
      start: r.summary.start,
    });
    entries.sort((a, b) => compareEpisodes(order(a), order(b)));
    cache.byId = new Map(entries);
    recordAudit(this.db, 'review', {
      asOf: this.asOf(),
      reason: 'payer-kind',
      patients: touched.size,
      episodes,
    });
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

function summarize(m: EpisodeModel, reviewed: ReviewedEpisode): EpisodeSummary {
  const c = countFindings(reviewed.findings);
  return {
    id: m.id,
    patientName: m.patient.name,
    mrn: m.patient.mrn,
    dob: m.patient.dob,
    payerName: m.payer.name,
    payerKind: m.payer.kind,
    payerBasis: reviewed.payer.basis ?? m.payer.basis,
    profile: reviewed.profile ?? '',
    start: m.start,
    end: m.end,
    visits: countVisits(m),
    errors: c.errors,
    warnings: c.warnings,
    claims: m.claims.map((x) => x.claimId),
    deniedClaims: m.claims.filter((x) => claimDenial(x) !== null).length,
  };
}

const REPORT_TYPES = new Set(['progress-report', 're-evaluation', 'discharge-summary']);

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
      progressOverdue: overdue.has(date),
      failingRules: [
        ...new Set(
          findings.filter((f) => f.status === 'fail' && f.dates.includes(date)).map((f) => f.rule),
        ),
      ],
    };
  });
}

export { profileFor };

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
