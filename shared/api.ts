/**
 * The one typed API between the renderer and the core. Served three ways with the same
 * implementation (src-main/core/api/service.ts): Electron IPC through the preload's contextBridge,
 * the loopback HTTP harness (src-main/server), and direct calls from the CLI and tests.
 * Types only; request validation schemas live in ./api-schemas.ts.
 */
import type { DeadlineList, RequestKind } from './deadlines';
import type {
  DecisionKind,
  DocType,
  Finding,
  IsoDate,
  OcrFailure,
  OcrWord,
  PayerKind,
} from './model';
import type { ProfileSource } from './review';
import type { ClinicSettings } from './settings';

export interface ImportFileResult {
  path: string;
  status: 'imported' | 'skipped' | 'rejected';
  kind: string | null;
  reason?: string;
  code?: string;
  /** A scan refused because OCR could not read it: what failed (the advice names it). */
  ocr?: OcrFailure;
  line?: number;
  page?: number;
  documents?: number;
  billingLines?: number;
  claims?: number;
  warnings?: string[];
  /** Skipped because every document in it is already stored from this file (a re-export). */
  duplicateOf?: string;
  /** Documents left out because an already stored copy is kept (see `warnings`). */
  duplicates?: number;
}

export interface ImportResponse {
  batchId: string;
  files: ImportFileResult[];
  imported: number;
  skipped: number;
  rejected: number;
  /** Documents of the whole store that no patient could be found for, after this import. */
  unassigned?: UnassignedDocument[];
  /** Billing rows that give only a name several patients share, for the user to assign (added). */
  unassignedBilling?: UnassignedBilling[];
  /** The import was cancelled: the files listed were stored, the rest were not read (added). */
  cancelled?: boolean;
}

/** The import running in the main process, whichever screen started it (added). */
export interface ImportStatus {
  running: boolean;
  /** Files handled so far, and how many the sources hold (null until counted). */
  done: number;
  total: number | null;
  /** The file being handled. */
  current: string | null;
  startedAt: string | null;
  cancelRequested: boolean;
  /** The last import that finished in this session, for a screen that was elsewhere. */
  last: ImportResponse | null;
  /** When that import finished (ISO time): a screen shows a result it has not shown yet. */
  lastAt?: string | null;
}

/** A document whose text names no patient the store knows: the user assigns it. */
export interface UnassignedDocument {
  documentId: number;
  file: string;
  pageStart: number;
  pageEnd: number;
  type: DocType;
  title: string;
  date: IsoDate | null;
  /** What the document does say (a claim number, a DOB), to help the user choose. */
  clues: string[];
}

/** A patient a document can be assigned to. */
export interface PatientChoice {
  /** Stable key (MRN, else normalized name and DOB), used to assign. */
  key: string;
  name: string;
  dob: IsoDate | null;
  mrn: string | null;
}

export interface AssignDocumentRequest {
  documentId: number;
  patientKey: string;
}

/**
 * Billing that gives only a name two or more patients of the store share (a ledger without DOB or
 * MRN columns, a remit's patient name): one file's rows of one name, which join no patient until
 * the user says whose they are (added).
 */
export interface UnassignedBilling {
  file: string;
  source: 'ledger' | 'remit';
  /** The name as the file gives it. */
  name: string;
  /** Billing line ids (ledger) and remit claim ids held, to assign by. */
  lineIds: number[];
  claims: string[];
  /** Dates of service, first and last, and the codes billed. */
  from: IsoDate | null;
  to: IsoDate | null;
  codes: string[];
  /** The patients of that name it could be. */
  candidates: PatientChoice[];
}

export interface AssignBillingRequest {
  lineIds: number[];
  claims: string[];
  patientKey: string;
}

/**
 * Import progress: a file done (`current`), or a page about to be read by OCR (`ocr`: OCR is the
 * slow step, seconds a page, so a long fax shows where it is). `total`: how many files the sources
 * hold (added; null when not counted).
 */
export type ImportProgressEvent =
  | { batchId: string; done: number; total?: number | null; current: ImportFileResult }
  | {
      batchId: string;
      done: number;
      total?: number | null;
      ocr: { file: string; page: number; pages: number };
    };

/** Files dropped in a browser have no path: their bytes travel base64-encoded. */
export interface UploadedFile {
  name: string;
  dataBase64: string;
}

export interface EpisodeSummary {
  id: string;
  patientName: string;
  mrn: string | null;
  dob: IsoDate | null;
  payerName: string;
  payerKind: PayerKind;
  /** The evidence that chose the payer kind, strongest first, and why the profile (added). */
  payerBasis: string[];
  profile: string;
  /** Where the profile came from: set for this episode, the default, or the payer (added). */
  profileSource?: ProfileSource;
  start: IsoDate;
  end: IsoDate;
  visits: number;
  /** Failed or undecidable findings by severity. */
  errors: number;
  warnings: number;
  claims: string[];
  /** Claims denied with appeal rights (not those returned as unprocessable). */
  deniedClaims: number;
  /** Claims returned as unprocessable (CO-4 with MA130): no appeal rights, correct and resubmit (added). */
  unprocessableClaims?: number;
  /**
   * Who rendered the care (added): the ledger's rendering providers, then the signers of the
   * clinic's own visit documents (initials resolved through a signature log); never signers of
   * letters, UR determinations, case managers' reports or physician orders.
   */
  clinicians?: string[];
  /** Rules with a fail or warn finding in the episode (added; the list's rule filter). */
  rules?: string[];
  /**
   * Where the reviewer's work stands (added): fail and warn findings not decided (or reopened),
   * decided, and first reported by the latest review.
   */
  review?: { open: number; decided: number; new: number };
}

export interface TimelineDay {
  date: IsoDate;
  /** 1-based treatment day within the episode, or null for a day with documents only. */
  treatmentDay: number | null;
  documents: Array<{ id: number; type: DocType; title: string }>;
  codes: Array<{ code: string; modifiers: string[]; units: number }>;
  /** A progress report (or re-evaluation/discharge summary) is dated this day. */
  progressReport: boolean;
  /** Which document stands as the progress report that day (added): a discharge summary or a
   * re-evaluation counts as one for the 10-day rule, but is not labelled a progress report. */
  reportType?: 'progress-report' | 're-evaluation' | 'discharge-summary' | null;
  /** A progress report was due by this day and none had been written. */
  progressOverdue: boolean;
  /** Rule ids failing on this date. */
  failingRules: string[];
  /**
   * The day's note numbers its visit differently from the treatment-day count (added): the
   * note's number and why the two differ, so "treatment day 11" and "Visit 10" are not a puzzle.
   */
  noteVisit?: { number: number; why: string } | null;
}

export interface DocumentSummary {
  id: number;
  type: DocType;
  title: string;
  date: IsoDate | null;
  file: string;
  pageStart: number;
  pageEnd: number;
}

export interface ClaimSummary {
  claimId: string;
  dates: IsoDate[];
  denial: { carc: string; group: string; remarks: string[]; dates: IsoDate[] } | null;
  /** Returned as unprocessable (no appeal rights): what to correct before resubmitting. */
  correction: CorrectedClaimView | null;
  /**
   * The review's own failing findings that confirm the denial on every line at issue (no appeal
   * letter is written for it), in words; absent when an appeal can argue something.
   */
  denialConfirmedBy?: string | null;
  /**
   * The remittance that adjudicated the claim (added): an X12 835 or a FHIR
   * ExplanationOfBenefit, and its payment date, so a denial can say where it came from.
   */
  remit?: { kind: '835' | 'fhir-eob'; date: IsoDate | null } | null;
  paid: number | null;
  charge: number | null;
}

/** One thing the review found wrong on a returned line, to correct before resubmitting. */
export interface CorrectionFix {
  findingId: string | null;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

/**
 * A claim (or some of its lines) returned as unprocessable, e.g. CO-4 with remark MA130: no
 * appeal letter and no appeal deadline; the lines are corrected and submitted again.
 */
export interface CorrectedClaimView {
  /** The remark that made it unprocessable (MA130). */
  remark: string;
  /** As the remit codes it: "CO-4 with remark MA130". */
  code: string;
  /** The adjustment reason in words, when known. */
  meaning: string | null;
  /** Only these lines came back; the claim's other lines were processed. */
  linesOnly: boolean;
  /** Each returned line's date and the review's failing findings on it. */
  lines: Array<{ date: IsoDate; fixes: CorrectionFix[] }>;
}

export interface EpisodeDetail {
  summary: EpisodeSummary;
  findings: Finding[];
  timeline: TimelineDay[];
  documents: DocumentSummary[];
  claims: ClaimSummary[];
}

export interface EvidenceRequest {
  file: string;
  page: number;
  /** A ledger row, 835 segment or FHIR item: the billing line the evidence cites. */
  line?: number;
}

/**
 * What OCR read on a scanned page, for drawing the quote on the image: word boxes in the pixels of
 * the page image as it is shown (`width` x `height`, origin top-left), with confidence 0-100.
 */
export interface EvidenceOcr {
  width: number;
  height: number;
  /** Mean word confidence of the page, 0-100. */
  confidence: number;
  words: Array<Omit<OcrWord, 'offset'>>;
}

export type EvidencePage =
  | {
      kind: 'pdf';
      file: string;
      page: number;
      pageCount: number;
      pdfBase64: string;
      text: string;
      /** Present when the page has no text layer and was read by OCR. */
      ocr?: EvidenceOcr;
    }
  | { kind: 'text'; file: string; page: number; pageCount: number; text: string }
  | {
      /** One page of an image file (PNG, JPEG, TIFF page), as the image and its OCR words. */
      kind: 'image';
      file: string;
      page: number;
      pageCount: number;
      mime: 'image/png' | 'image/jpeg';
      imageBase64: string;
      text: string;
      ocr: EvidenceOcr;
    };

export interface PacketRequest {
  episodeId: string;
  claimId?: string | null;
  /** CARC such as `50`, `CO-50`; default: from the imported remit, else medical necessity. */
  denial?: string | null;
  kind?: 'appeal' | 'adr';
  /** Document ids in the order the user wants; ids not listed follow in the default order. */
  exhibitOrder?: number[];
  exclude?: number[];
}

/** A packet built earlier, as kept in the database (issue 15). */
export interface PacketHistoryItem {
  id: number;
  episodeId: string;
  claimId: string | null;
  kind: 'appeal' | 'adr';
  /** The denial it answered as a remit prints it ("CO-50"); the bare reason code without a group. */
  carc: string | null;
  /** The choices it was built with: denial code, kind, exhibit order and exclusions. */
  request: Pick<PacketRequest, 'denial' | 'kind' | 'exhibitOrder' | 'exclude'>;
  pages: number;
  sha256: string;
  builtAt: string;
  /** Where it was saved, when a path was chosen. */
  output: string | null;
}

export interface StoredPacket {
  item: PacketHistoryItem;
  pdfBase64: string;
}

export interface PacketExhibitView {
  letter: string;
  title: string;
  date: IsoDate | null;
  documentIds: number[];
  /** The files its documents come from: two exhibits of one title are told apart by them. */
  files: string[];
  category: string;
  firstPage: number;
  lastPage: number;
}

export interface PacketPlanView {
  kind: 'appeal' | 'adr';
  claimId: string | null;
  /** The denial an appeal answers; null for a records response, which answers no denial. */
  denial: { carc: string; group: string | null; source: string; meaning: string } | null;
  datesAtIssue: IsoDate[];
  exhibits: PacketExhibitView[];
  /** Documents in the episode that are not in the packet (excluded or not relevant), for re-adding. */
  available: DocumentSummary[];
  gaps: string[];
  settingsMissing: string[];
  deadline: { date: IsoDate; daysLeft: number; basis: string } | null;
}

export interface BuiltPacket {
  plan: PacketPlanView;
  pageCount: number;
  pdfBase64: string;
  /** Where the packet was saved, when a path was given or chosen. */
  savedTo: string | null;
}

/** A kind the user can choose for a payer (`unknown` is the evidence's answer, not a choice). */
export type ChosenPayerKind = Exclude<PayerKind, 'unknown'>;

/** A payer name the store knows or the clinic listed, with the kind the evidence decided. */
export interface PayerSummary {
  name: string;
  /** The kind most of this payer's patients got (the user's choice when listed). */
  kind: PayerKind;
  /** WC jurisdiction, when decided. */
  state: string | null;
  basis: string[];
  /** Patients whose billing or notes name this payer. */
  patients: number;
  /** Other spellings of this payer in the records, grouped with `name` by one normalization (added). */
  spellings?: string[];
  /** The user's own choice for the name, when set. */
  listed: { kind: ChosenPayerKind; state: string | null; setAt: string } | null;
}

/** Sets (or with kind null, clears) the user's choice for a payer name. */
export interface SetPayerKindRequest {
  name: string;
  kind: ChosenPayerKind | null;
  state?: string | null;
}

export interface AppInfo {
  version: string;
  dbPath: string;
  profiles: Array<{ name: string; label: string }>;
  /** Imported files an older version of the note reader read (`reanalyze` reads them again). */
  filesReadByOlderReader: number;
  /** The bundled sample chart ships with this installation (`importSample`) (added). */
  sampleChart?: boolean;
  /** Episodes in the stored review: 0 for a new database (added). */
  episodes?: number;
}

/** What `reanalyze` did: files read again, documents before and after, files that kept theirs. */
export interface ReanalyzeResponse {
  files: number;
  documentsBefore: number;
  documentsAfter: number;
  failed: Array<{ path: string; reason: string }>;
  extractorVersion: number;
  /** Documents left out as copies of documents another file holds (re-exports). */
  duplicates?: number;
}

export interface ChartReadyApi {
  info(): Promise<AppInfo>;
  importPaths(req: { paths: string[] }): Promise<ImportResponse>;
  importUploads(req: { files: UploadedFile[] }): Promise<ImportResponse>;
  listEpisodes(): Promise<EpisodeSummary[]>;
  getEpisode(req: { id: string }): Promise<EpisodeDetail>;
  getEvidence(req: EvidenceRequest): Promise<EvidencePage>;
  planPacket(req: PacketRequest): Promise<PacketPlanView>;
  buildPacket(req: PacketRequest & { savePath?: string | null }): Promise<BuiltPacket>;
  getSettings(): Promise<ClinicSettings>;
  saveSettings(req: ClinicSettings): Promise<ClinicSettings>;
  /** Reads the files an older note reader read again with this version's reader. */
  reanalyze(): Promise<ReanalyzeResponse>;
  /** The clinic's payers: every known name with its decided kind, basis and the user's choice. */
  listPayers(): Promise<PayerSummary[]>;
  /** Records the user's kind for a payer (audit-logged) and re-reviews the episodes it touches. */
  setPayerKind(req: SetPayerKindRequest): Promise<PayerSummary[]>;
  /** Documents that name no patient the store knows, for the user to assign. */
  listUnassigned(): Promise<UnassignedDocument[]>;
  /** The store's patients, by name, to assign a document to. */
  listPatients(): Promise<PatientChoice[]>;
  /** Assigns a document to a patient (audit-logged, kept across reanalyze); returns those left. */
  assignDocument(req: AssignDocumentRequest): Promise<UnassignedDocument[]>;
  /** Billing rows that give only a name several patients share, for the user to assign (added). */
  listUnassignedBilling(): Promise<UnassignedBilling[]>;
  /** Assigns held billing rows to a patient (audit-logged, kept with the file); returns those left. */
  assignBilling(req: AssignBillingRequest): Promise<UnassignedBilling[]>;
  /** Records a reviewer's decision on a fail or warn finding (audit-logged); returns the episode. */
  decideFinding(req: DecideFindingRequest): Promise<EpisodeDetail>;
  /**
   * Sets (profile null: clears) the payer profile one episode is reviewed with, with a reason
   * (audit-logged); reviews its patient again and returns the episode (added).
   */
  setEpisodeProfile(req: SetEpisodeProfileRequest): Promise<EpisodeDetail>;
  /** Corrective actions of confirmed defects, open and overdue first (added). */
  listActions(): Promise<CorrectiveAction[]>;
  /** Readiness and dollars at risk from the stored review (added). */
  getDashboard(): Promise<Dashboard>;
  /** Imports the bundled sample chart, to try the app on a new database (added). */
  importSample(): Promise<ImportResponse>;
  /** The rule catalog in plain language: title, source and what to change (added). */
  listRules(): Promise<RuleInfo[]>;
  /** Appeal and records-request deadlines, fewest days left first (issue 17). */
  listDeadlines(): Promise<DeadlineList>;
  /** Records a records request for a claim of the store (audit-logged); returns the deadlines. */
  recordRequest(req: RecordRequestRequest): Promise<DeadlineList>;
  /** Marks a deadline answered, or takes the mark back (audit-logged); returns the deadlines. */
  answerDeadline(req: AnswerDeadlineRequest): Promise<DeadlineList>;
  /** The import running in the main process, if any, and the last one's result (added). */
  importStatus(): Promise<ImportStatus>;
  /** Stops the running import after the file being stored (added); returns the status. */
  cancelImport(): Promise<ImportStatus>;
  /** Packets built for an episode (or its claims), newest first (added). */
  listPackets(req: { episodeId: string }): Promise<PacketHistoryItem[]>;
  /** A packet as it was built, byte for byte (added). */
  openPacket(req: { id: number }): Promise<StoredPacket>;
  /** The open database, the recent ones and the versions (Settings › Data, About) (added). */
  getDataInfo(): Promise<DataInfo>;
  /** Opens or creates another database (one per client) in place of this one (added). */
  openStore(req: OpenStoreRequest): Promise<DataInfo>;
  /** Verifies the audit log's hash chain (added). */
  checkAuditLog(): Promise<AuditCheck>;
  /** Writes a backup copy of the open database to a new file (audit-logged, added). */
  backupStore(req: { path: string }): Promise<{ path: string; bytes: number }>;
  /**
   * Writes an encrypted copy of the open database to a new file, keyed with `passphrase`; the open
   * database stays as it is (audit-logged in both, added).
   */
  encryptStore(req: EncryptStoreRequest): Promise<{ path: string; bytes: number }>;
  /** The client report of the stored review as a PDF or workbook (audit-logged, added). */
  exportReport(req: ExportReportRequest): Promise<ExportedReport>;
}

export interface DataInfo {
  dbPath: string;
  encrypted: boolean;
  sizeBytes: number;
  version: string;
  rulesVersion: string;
  extractorVersion: number;
  /** Databases opened recently on this computer, newest first; `exists` false when moved. */
  recent: Array<{ path: string; openedAt: string; exists: boolean }>;
}

export interface OpenStoreRequest {
  path: string;
  /** true: a new, empty database at `path` (refused when the file exists). */
  create: boolean;
  /** An encrypted database's passphrase. */
  passphrase?: string | null;
}

export interface EncryptStoreRequest {
  /** The new file (refused when it exists). */
  path: string;
  /** At least MIN_PASSPHRASE_CHARS characters; never logged or stored by ChartReady. */
  passphrase: string;
}

/** The shortest passphrase an encrypted copy accepts (the page checks it before sending). */
export const MIN_PASSPHRASE_CHARS = 12;

export interface AuditCheck {
  ok: boolean;
  entries: number;
  brokenId: number | null;
  reason: string | null;
}

export interface AnswerDeadlineRequest {
  /** The deadline's id (`denial:CLAIM` or `request:N`). */
  id: string;
  /** The date the response went out; null takes the mark back. */
  on: IsoDate | null;
  how?: string | null;
}

export interface ExportReportRequest {
  format: 'pdf' | 'xlsx';
}

export interface ExportedReport {
  fileName: string;
  format: 'pdf' | 'xlsx';
  base64: string;
  /** What the report says in one line: readiness and dollars at risk. */
  summary: string;
  /** Where the desktop shell saved it, when the user chose a path. */
  savedTo: string | null;
}

/** One rule as the screens name it: a title first, the catalog ID second. */
export interface RuleInfo {
  id: string;
  title: string;
  group: string;
  source: string;
  /** What to change in documentation or billing habits when the rule fails. */
  fix: string | null;
}

/** Readiness of one group of billed dates (the whole store, a clinician, a payer, a month). */
export interface DashboardSlice {
  key: string;
  label: string;
  billedDates: number;
  /** Billed dates whose documentation passes every error-severity rule. */
  passingDates: number;
  /** passingDates / billedDates, or null without billed dates. */
  readiness: number | null;
  charges: number;
  /** Charges on billed dates with an open error ("dollars at risk"). */
  atRisk: number;
  episodes: number;
}

export interface Dashboard {
  asOf: IsoDate;
  totals: DashboardSlice;
  byClinician: DashboardSlice[];
  byPayer: DashboardSlice[];
  byMonth: DashboardSlice[];
  byRule: Array<{
    rule: string;
    title: string;
    findings: number;
    billedDates: number;
    atRisk: number;
  }>;
  /** The totals each time they changed, oldest first. */
  trend: Array<{ at: string; asOf: IsoDate; readiness: number | null; atRisk: number }>;
}

/** A confirmed defect's corrective action, as the Corrective actions screen lists it (added). */
export interface CorrectiveAction {
  findingId: string;
  episodeId: string;
  /** The episode's patient, or null when the episode is no longer in the review. */
  patient: string | null;
  rule: string;
  dates: IsoDate[];
  action: string;
  due: IsoDate | null;
  /** The clinician named in the decision, else who signed the episode's notes. */
  clinician: string | null;
  decidedBy: string;
  decidedAt: string;
  /** open: the finding is still reported; overdue: open past its due date; resolved: it is not. */
  status: 'open' | 'overdue' | 'resolved';
}

export interface RecordRequestRequest {
  claimId: string;
  kind: RequestKind;
  /** The date printed on the letter. */
  dated: IsoDate;
  received?: IsoDate | null;
  /** Who asked (contractor, carrier, plan). */
  from?: string | null;
}

export interface DecideFindingRequest {
  episodeId: string;
  findingId: string;
  as: DecisionKind;
  reason: string;
  action?: string | null;
  due?: IsoDate | null;
  /** The clinician the corrective action concerns (added). */
  clinician?: string | null;
  /**
   * Who decides, as the form asked (added). Recorded with the decision; the first one given
   * becomes Settings' reviewer name. Absent: Settings' name, then the operating-system user.
   */
  by?: string | null;
}

export interface SetEpisodeProfileRequest {
  episodeId: string;
  /** A built-in profile's name (`AppInfo.profiles`); null goes back to the payer's or default's. */
  profile: string | null;
  /** Why: required to set a profile. */
  reason?: string | null;
}

/** Method names, for the IPC and HTTP routers (one channel per method). */
export const API_METHODS = [
  'info',
  'importPaths',
  'importUploads',
  'listEpisodes',
  'getEpisode',
  'getEvidence',
  'planPacket',
  'buildPacket',
  'getSettings',
  'saveSettings',
  'reanalyze',
  'listPayers',
  'setPayerKind',
  'listUnassigned',
  'listPatients',
  'assignDocument',
  'listUnassignedBilling',
  'assignBilling',
  'decideFinding',
  'setEpisodeProfile',
  'listActions',
  'getDashboard',
  'listRules',
  'importSample',
  'listDeadlines',
  'recordRequest',
  'answerDeadline',
  'exportReport',
  'importStatus',
  'cancelImport',
  'listPackets',
  'openPacket',
  'getDataInfo',
  'openStore',
  'checkAuditLog',
  'backupStore',
  'encryptStore',
] as const satisfies ReadonlyArray<keyof ChartReadyApi>;

export type ApiMethod = (typeof API_METHODS)[number];

/**
 * Added for the desktop shell (not part of ChartReadyApi): what only the Electron main process can
 * do for the renderer. Exposed by the preload as `window.chartreadyShell`; absent in a browser,
 * where the renderer uses drag and drop, Server-Sent Events and a download link instead.
 */
export interface ShellBridge {
  /** Subscribe to import progress; returns the unsubscribe function. */
  onImportProgress(listener: (e: ImportProgressEvent) => void): () => void;
  /** Native open dialog; resolves to the chosen paths (empty when cancelled). */
  pickImportPaths(kind: 'folder' | 'files'): Promise<string[]>;
  /** Native save dialog, then the core builds and writes the packet; null when cancelled. */
  savePacket(req: PacketRequest): Promise<string | null>;
  /** Native save dialog, then the core writes the client report there; null when cancelled. */
  saveReport(req: ExportReportRequest): Promise<string | null>;
  /** The local path of a file dropped on the window ('' when it has none). */
  pathForFile(file: File): string;
}
