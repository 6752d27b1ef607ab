/**
 * The data model shared by every layer: readers produce these records, the store keeps them,
 * the review engine and packet builder consume them, the renderer displays them.
 * Types only: no runtime imports, so the renderer can use this file too.
 */

/** Calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

export type DocType =
  | 'evaluation'
  | 're-evaluation'
  | 'plan-of-care'
  | 'certification'
  | 'daily-note'
  | 'progress-report'
  | 'discharge-summary'
  | 'physician-order'
  | 'fce'
  | 'job-description'
  | 'authorization'
  | 'communication'
  | 'other';

export const DOC_TYPES: readonly DocType[] = [
  'evaluation',
  're-evaluation',
  'plan-of-care',
  'certification',
  'daily-note',
  'progress-report',
  'discharge-summary',
  'physician-order',
  'fce',
  'job-description',
  'authorization',
  'communication',
  'other',
];

export type Discipline = 'PT' | 'OT' | 'SLP';

/** Where a fact or quote came from. `file` is relative to the import root, with `/` separators. */
export interface Provenance {
  file: string;
  /** 1-based page number in the original file (1 for text files). */
  page: number;
  /** Character span within that page's text (`PageText.text`), end exclusive. */
  start: number;
  end: number;
  /** The exact text of the span (page.text.slice(start, end)). */
  quote: string;
  /** `ocr` when the quote was read by OCR from the page image. */
  source?: 'ocr';
  /** OCR quotes: mean confidence (0-100) of the words the quote covers. */
  confidence?: number;
}

/** A positioned run of text on a PDF page, from pdf.js, in PDF user-space units (origin bottom-left). */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Offset of `str` within the page's joined `text`. */
  offset: number;
}

export interface PageText {
  /** 1-based page number in the original file. */
  page: number;
  text: string;
  items?: TextItem[];
  /** `ocr` when the text was read from the page's image (no usable text layer, or an image file). */
  source?: 'ocr';
  /** OCR pages: mean word confidence, 0-100 (tesseract's scale). */
  confidence?: number;
  /** OCR pages: the words read, with their boxes on the page image. */
  ocr?: OcrLayer;
  /**
   * What is drawn on the page that could be a handwritten signature or a stamp (images, vector
   * ink, Ink and Stamp annotations; ink OCR could not read on a scan). Absent when the page was
   * read before marks were looked for; `[]` when none were found.
   */
  marks?: PageMark[];
}

/**
 * How a mark got onto the page: `drawn` (vector ink or an Ink annotation), `image` (a picture
 * placed on the page), `stamp` (a Stamp annotation), `scan-ink` (ink on a scanned page that OCR
 * did not read as words).
 */
export type MarkKind = 'drawn' | 'image' | 'stamp' | 'scan-ink';

/**
 * A mark's box. Text-layer PDF pages: PDF user space, origin bottom-left (as `TextItem`); OCR
 * pages: pixels of the image OCR read, origin top-left (as `OcrWord`).
 */
export interface PageMark {
  kind: MarkKind;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * What OCR read on one page image: the image's size and each word's box, in its pixels, on the
 * image as read: turned clockwise by `quarterTurns` first, then deskewed by `skewRadians`.
 */
export interface OcrLayer {
  width: number;
  height: number;
  words: OcrWord[];
  quarterTurns?: number;
  skewRadians?: number;
}

/**
 * Mean word confidence (tesseract's 0-100) below which OCR text is doubtful. Clean faxes read
 * at 85-96; below 70 a date or code in the quote is as likely misread as not, so a failure that
 * cites such a quote is a warning to check the page image, not a verdict, and the viewer marks
 * such words on the image.
 */
export const LOW_OCR_CONFIDENCE = 70;

/** One OCR word; `offset` is where its text starts in the page's `text`. Box origin top-left. */
export interface OcrWord {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  offset: number;
}

/**
 * Fact kinds and the normalized form of their `value`:
 * - dates (`dob`, `date-of-service`, `signed-date`, `physician-signed-date`, `auth-start`, `auth-end`,
 *   `report-period-start`, `report-period-end`, `plan-sent-date`, `document-date`): `YYYY-MM-DD`
 * - times (`time-in`, `time-out`): 24-hour `HH:MM`
 * - minutes and counts (`total-minutes`, `timed-minutes`, `break-minutes`, `visit-number`,
 *   `auth-visits`, `auth-hours`): decimal integer string
 * - `patient-name`: `Last, First` as written (case preserved)
 * - `billed-code`: `CODE` or `CODE:units` or `CODE-MOD:units` as found in a note's billing block,
 *   normalized to `97545:1` / `97110-59:2`
 * - `signature-blank`: value `blank`, quote = the empty signature line
 * - `section`: a normalized section name present in the document (see SectionName)
 * - `goal-short` / `goal-long`: the goal text as written
 * - `communication-party`: `adjuster` | `physician` | `employer` | `case-manager`
 * - `program-type`: `work-conditioning` | `work-hardening`
 * - everything else: the text as written, trimmed
 */
export type FactKind =
  | 'patient-name'
  /** A subject line's lone surname ("RE: Kowalczyk week 3"): places a document, names no one. */
  | 'patient-surname'
  | 'dob'
  | 'mrn'
  | 'payer'
  | 'claim-number'
  | 'date-of-service'
  | 'document-date'
  | 'time-in'
  | 'time-out'
  | 'total-minutes'
  | 'timed-minutes'
  | 'break-minutes'
  | 'visit-number'
  | 'intervention'
  | 'billed-code'
  | 'vital'
  | 'objective-measure'
  | 'diagnosis'
  | 'goal-short'
  | 'goal-long'
  | 'goal-assessment'
  | 'frequency'
  /** Time per session in the plan ("3 hours per session"): BPM §220.1.2.B amount. */
  | 'amount'
  | 'duration'
  | 'signer'
  | 'credentials'
  | 'signed-date'
  | 'signature-blank'
  | 'physician-signer'
  | 'physician-signed-date'
  | 'auth-number'
  | 'auth-visits'
  | 'auth-hours'
  | 'auth-start'
  | 'auth-end'
  | 'auth-service'
  /** Units approved for one code in an authorization's table ("97545 ... Approved 10 units"): detail.code. */
  | 'auth-units'
  /**
   * One row of a practice system's list of a case's authorizations ("Auth #: ... Start: ... End:
   * ... Visits auth: 10"): value the number, detail its `start`, `end` and approved `visits`.
   */
  | 'auth-entry'
  /**
   * A utilization review decision that certifies nothing ("Decision: NON-CERTIFIED (denied)"):
   * the letter grants no visits, hours or dates, whatever counts it recalls or quotes.
   */
  | 'auth-denied'
  | 'denial-code'
  | 'section'
  | 'job-title'
  | 'physical-demand-level'
  | 'rtw-status'
  | 'report-period-start'
  | 'report-period-end'
  | 'plan-sent-date'
  | 'delay-reason'
  | 'communication-party'
  | 'program-type'
  | 'discipline'
  | 'plateau'
  | 'reeval-indication'
  /** Why care ended ("Program completed; goals met"), from a discharge note. */
  | 'discharge-reason'
  /** A documented verbal/telephone certification: its date (ISO) or `undated`. */
  | 'verbal-certification'
  /** The record says its signature is a stamp ("Signature: [stamped]", "rubber stamp"). */
  | 'signature-stamped'
  /** A signature that is there but cannot be read as a name ("[illegible]", OCR of a scrawl). */
  | 'signature-illegible'
  /**
   * A signed note opened again and signed anew ("note unlocked and re-signed 07/15/2026"): value
   * = the later signing's date. What was written in between carries no date of its own.
   */
  | 'signature-reopened'
  /** A signature log or an author's signature attestation in the record: `log` | `attestation`. */
  | 'signature-log'
  /**
   * One row of a signature log: the initials a clinician signs entries with (value), with the
   * full name and credentials they stand for (detail.name, detail.credentials).
   */
  | 'signature-log-entry'
  /** A contact with the adjuster, case manager, physician or employer (detail: date, parties). */
  | 'communication'
  /** One service's own documented minutes ("97110 1:15-1:45 PM"): value = minutes, detail.code. */
  | 'service-minutes'
  /**
   * A furnished service (a ticked row) whose minutes cell is left blank: value = its code,
   * detail.code the same.
   */
  | 'service-minutes-blank'
  /**
   * A sign of the coverage behind the chart: value `workers-comp` | `medicare`; detail.sign names
   * it ("adjuster", "claim number and date of injury"), detail.state a WC jurisdiction it names.
   */
  | 'coverage-sign'
  /** The two-letter state of an address in a document's letterhead (a hint to the WC jurisdiction). */
  | 'letterhead-state'
  /**
   * An entry labelled as an addendum, late entry, amendment or correction (value: its kind);
   * detail.of the date of the note it amends, detail.date its own date, when its label line says.
   */
  | 'amendment'
  /**
   * An amount already applied to the Medicare therapy threshold this year, as the eligibility
   * response gave it (value the amount, "1940.00"; detail.bucket, detail.year, detail.date as of).
   */
  | 'therapy-threshold-applied'
  /**
   * The clinician an entry's header names as having furnished the visit ("Treatment Note — Tue,
   * Jun 16, 2026 at 9:00 AM with Priya Raman, OTR/L"): value the name, detail.credentials.
   */
  | 'treating-clinician';

/**
 * Normalized section names an extractor may report with a `section` fact. Rules check element
 * presence (evaluation, plan of care, progress report content) through these.
 */
export type SectionName =
  | 'subjective'
  | 'objective'
  | 'assessment'
  | 'plan'
  | 'history'
  | 'diagnosis'
  | 'goals'
  | 'prognosis'
  | 'functional-limitations'
  | 'job-demands'
  | 'interventions'
  | 'patient-response'
  | 'frequency-duration'
  | 'recommendations';

export interface Fact {
  kind: FactKind;
  value: string;
  provenance: Provenance;
  /** What the reader made of the fact beyond its value, typed (see FactDetail); most facts have none. */
  detail?: FactDetail;
}

/** How a goal stands, in the words clinicians use ("Met", "Achieved", "Progressing", "Not met"). */
export type GoalStatus =
  'met' | 'partially-met' | 'progressing' | 'not-met' | 'discontinued' | 'deferred' | 'revised';

/**
 * Typed readings of a fact, so rules never re-parse fact text:
 * - goals (`goal-short`, `goal-long`): `timeFrame` as written (from the goal, its label or its
 *   heading: "3 weeks", "by 04/15/2026"), `measurable`, `jobLinked`, and `status` when the goal
 *   line also says how it stands;
 * - `goal-assessment`: `status`, and `all` when one statement covers every goal ("All goals met");
 * - `communication`: `date` of the contact and the `parties` reached;
 * - `service-minutes`: `code` and `minutes` of one service's own time ("97110 1:15-1:45 PM");
 * - `auth-units`: the `code` whose units an authorization approves;
 * - `auth-entry`: the `start`, `end` and approved `visits` of an authorization listed in a row.
 */
export interface FactDetail {
  timeFrame?: string | null;
  measurable?: boolean;
  jobLinked?: boolean;
  /** goal: names the job or the return to work itself. */
  rtw?: boolean;
  status?: GoalStatus;
  all?: boolean;
  /** goal-assessment with `all`: the term whose goals it covers ("all STGs met": short). */
  term?: 'short' | 'long';
  /** goal-assessment: how many goals one statement assesses ("goals 1-3 remain met"). */
  count?: number;
  date?: IsoDate | null;
  /** `amendment`: the date of the note it amends. */
  of?: IsoDate | null;
  parties?: string[];
  code?: string;
  minutes?: number;
  /**
   * `auth-visits`, `auth-start`, `auth-end`: the one discipline the approving line names ("Line 1 -
   * Occupational Therapy: Approved. 8 visits, ..."), when a letter approves each apart.
   */
  discipline?: Discipline;
  /** `auth-entry`: the authorization's period and the visits it approves. */
  start?: IsoDate;
  end?: IsoDate;
  visits?: number;
  /** `coverage-sign`: what the sign is, as the review's payer basis names it. */
  sign?: string;
  /** `coverage-sign`: the two-letter state of the WC jurisdiction the words belong to. */
  state?: string;
  /**
   * `signer`, `physician-signer`, `signature-illegible`, `signature-stamped`: the signature is a
   * mark drawn on the page (handwriting, a pasted image, a stamp), not typed text.
   */
  mark?: MarkKind;
  /** `signer`, `credentials`: a countersignature ("Co-signed by"), the supervisor's, not the author's. */
  cosigner?: boolean;
  /** `signature-blank`: the blank is a physician's field (a plan's certification), not the author's. */
  physician?: boolean;
  /** `signature-log-entry`: the signer's full name and credentials as the log writes them. */
  name?: string;
  credentials?: string;
  /** `therapy-threshold-applied`: the threshold's bucket. */
  bucket?: TherapyBucket;
  /** `therapy-threshold-applied`: the calendar year the statement names. */
  year?: number;
  /** `objective-measure` read from a table row: the names of the table's columns, cell by cell. */
  columns?: string[];
}

/** A Medicare therapy threshold's bucket: PT and SLP share one amount, OT has its own. */
export type TherapyBucket = 'PT/SLP' | 'OT';

/** One clinical document found in a file (a file may hold many: a printed chart). */
export interface ExtractedDocument {
  type: DocType;
  /** The title line as written ("Work Conditioning Daily Note"). */
  title: string;
  /** Date of service, or the document's own date when it has no DOS. */
  date: IsoDate | null;
  /** Original page range in the file, inclusive. */
  pageStart: number;
  pageEnd: number;
  discipline: Discipline | null;
  facts: Fact[];
  /**
   * SHA-256 of the document's text with whitespace collapsed and running headers and footers left
   * out: the same note exported twice (CRLF, a trailing newline, a re-export footer) hashes alike.
   */
  textHash?: string;
}

/** One billed service line from a ledger CSV, an 835 SVC loop or a FHIR Claim item. */
export interface BillingLine {
  source: 'ledger' | 'remit' | 'fhir';
  /** 1-based line in the CSV (header is line 1), 1-based segment index in an 835, item sequence in FHIR. */
  line: number;
  patientName: string | null;
  mrn: string | null;
  dob: IsoDate | null;
  dos: IsoDate;
  /** CPT/HCPCS code without modifiers, upper case. */
  code: string;
  /** Modifiers, upper case, in billed order. */
  modifiers: string[];
  units: number;
  charge: number | null;
  /**
   * The amount the payer is expected to allow for the line as the ledger states it (fee schedule
   * or contract, "Exp Allow"), for the whole line (all its units); absent when the source has none.
   * An 835's own adjudication is on its remit, not here.
   */
  allowed?: number | null;
  payer: string | null;
  /**
   * The payer's class as the source states it, apart from its name: a ledger's financial class or
   * plan type ("Workers Comp", "Commercial"), a FHIR Coverage.type ("WCBPOL", "Medicare Part B").
   */
  payerClass?: string | null;
  claimId: string | null;
  provider: string | null;
}

export type AdjustmentGroup = 'CO' | 'PR' | 'OA' | 'PI' | 'CR';

export interface Adjustment {
  group: AdjustmentGroup;
  /** Claim adjustment reason code (CARC), e.g. `50`. */
  carc: string;
  amount: number;
  units: number | null;
}

export interface RemitService {
  code: string;
  modifiers: string[];
  charge: number;
  paid: number;
  units: number;
  dos: IsoDate | null;
  adjustments: Adjustment[];
  /** Remark codes (RARC) from LQ segments. */
  remarks: string[];
  /** 1-based segment index of the SVC segment within the file. */
  segment: number;
}

export interface RemitClaim {
  /** CLP01: the provider's patient control number, which is the claim id in the ledger. */
  claimId: string;
  /** CLP02 claim status code (1 processed as primary, 4 denied, 22 reversal, ...). */
  status: string;
  charge: number;
  paid: number;
  patientResponsibility: number;
  /** CLP06 claim filing indicator (`WC`, `MB`, `CI`, ...): the kind of coverage billed. */
  filingIndicator?: string | null;
  /** CLP07 payer claim control number (ICN/DCN). */
  payerClaimNumber: string | null;
  payerName: string | null;
  patientName: string | null;
  memberId: string | null;
  /** Claim-level statement dates (DTM*232/233), when present. */
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  adjustments: Adjustment[];
  remarks: string[];
  services: RemitService[];
  /** 1-based segment index of the CLP segment within the file. */
  segment: number;
  /**
   * BPR16 of the claim's own transaction (added): a file may hold several 835 transactions, each
   * with its own payment date, which starts the claim's appeal clock.
   */
  paymentDate?: IsoDate | null;
}

export interface Remit {
  /** X12 version from GS08/ISA12, e.g. `005010X221A1`. */
  version: string;
  payerName: string | null;
  payeeName: string | null;
  paymentDate: IsoDate | null;
  checkNumber: string | null;
  claims: RemitClaim[];
}

export interface PatientRecord {
  name: string | null;
  dob: IsoDate | null;
  mrn: string | null;
}

/** A note that arrived inside structured data (FHIR DocumentReference): text pages, or PDF bytes to read. */
export interface EmbeddedDocument {
  /** Path-like name for citations: `bundle.json#DocumentReference/abc`. */
  name: string;
  title: string | null;
  date: IsoDate | null;
  patient: PatientRecord | null;
  pages?: PageText[];
  pdf?: Uint8Array;
}

/** What a reader makes of one file. Readers never touch the database. */
export type ReadResult =
  | { kind: 'notes'; format: 'pdf' | 'txt' | 'html' | 'image'; pages: PageText[] }
  | { kind: 'ledger'; lines: BillingLine[]; skippedRows: Array<{ line: number; reason: string }> }
  | { kind: 'remit'; remit: Remit }
  | {
      kind: 'fhir';
      patients: PatientRecord[];
      documents: EmbeddedDocument[];
      billing: BillingLine[];
      claims: RemitClaim[];
    };

/** A reader's refusal: always names where in the file the problem is, when it can. */
export interface Rejection {
  reason: string;
  line?: number;
  page?: number;
  /**
   * `needs-ocr` for pages with no text layer that OCR could not read either (nothing legible, or
   * the engine failed), so callers can list them separately.
   */
  code?: 'needs-ocr' | 'empty' | 'unknown-type' | 'corrupt' | 'invalid' | 'too-large' | 'unsafe';
  /** What OCR could not do, when a scan was refused because of it (the advice names it). */
  ocr?: OcrFailure;
}

/**
 * Why OCR read nothing: no language data installed, an image it could not decode, a page too large
 * to draw, a page that took too long, the engine failing otherwise, or nothing legible on the page.
 */
export type OcrFailure =
  | 'no-language-data'
  | 'unreadable-image'
  | 'page-too-large'
  | 'timed-out'
  | 'engine-failed'
  | 'nothing-legible';

export type ReadOutcome = { ok: true; result: ReadResult } | { ok: false; rejection: Rejection };

/** `unknown`: no signal, or signals of equal strength that disagree (the episode asks the user). */
export type PayerKind = 'medicare' | 'workers-comp' | 'commercial' | 'other' | 'unknown';

export type FindingStatus = 'pass' | 'fail' | 'warn' | 'n/a';
export type Severity = 'error' | 'warning' | 'info';

export interface Evidence {
  file: string;
  /** 1-based page; 1 for CSV/835/JSON sources, which cite `line` instead. */
  page: number;
  quote: string;
  /** CSV line or 835 segment index, for structured sources. */
  line?: number;
  /**
   * Where in a structured source, in words, when "line N" would mislead: a FHIR claim's item
   * ("claim KM26100205206, item 2"), an 835 claim's segment.
   */
  place?: string;
  /** `ocr` when the quote was read by OCR from a page image (absent: the page's own text). */
  source?: 'ocr';
  /** OCR quotes: mean confidence (0-100) of the words quoted. */
  confidence?: number;
}

export interface Finding {
  rule: string;
  status: FindingStatus;
  severity: Severity;
  message: string;
  dates: IsoDate[];
  evidence: Evidence[];
  /** The rule's source citation (official manual section, regulation, ...). Added by the engine. */
  source?: string;
  /** Checklist group, for display. Added by the engine. */
  group?: RuleGroup;
  /**
   * Added to fail and warn findings by the review (design/cli-contract.md): stable while it is the
   * same finding (same episode, rule, dates and evidence).
   */
  id?: string;
  /** The reviewer's decision carried to this finding; absent (or null) while it is open. */
  decision?: FindingDecision | null;
  /** True when the finding first appeared in this review. */
  new?: boolean;
  /** A decision that no longer holds: the finding changed, or came back after it was fixed. */
  reopened?: { previous: FindingDecision; why: string };
  /**
   * One defect, one finding: when this rule's check saw a defect that another rule reports (an
   * unsigned note is DOC-SIGNED's, over-billed program units BILL-WC-TIME-UNITS'), this finding
   * is `n/a` and names that rule and the dates of its finding, so the defect counts once.
   */
  refersTo?: { rule: string; dates: IsoDate[] };
}

export type DecisionKind = 'confirmed' | 'not-a-defect' | 'fixed';

export interface FindingDecision {
  as: DecisionKind;
  reason: string;
  by: string;
  at: string;
  action?: string;
  due?: IsoDate;
  /** Whom a confirmed defect's corrective action concerns (added). */
  clinician?: string;
}

export type RuleGroup = 'documentation' | 'billing' | 'authorization' | 'program';
