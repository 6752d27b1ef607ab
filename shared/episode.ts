/**
 * The typed episode model the review rules and the packet composer work on. Built once from the
 * store (src-main/core/episodes); rules never query SQL. Types only.
 */
import type {
  BillingLine,
  Discipline,
  DocType,
  Fact,
  IsoDate,
  PayerKind,
  RemitClaim,
} from './model';

export interface EpisodeDocument {
  /** Store id (documents.id). */
  id: number;
  type: DocType;
  title: string;
  date: IsoDate | null;
  /** Import-root-relative file path, as cited in evidence. */
  file: string;
  pageStart: number;
  pageEnd: number;
  discipline: Discipline | null;
  facts: Fact[];
}

export interface EpisodeBillingLine extends BillingLine {
  /** Import-root-relative file the line came from. */
  file: string;
  /** A short human-readable rendering of the source line, for evidence quotes. */
  quote: string;
}

export interface EpisodeClaim {
  claimId: string;
  /** Remit adjudication for this claim, when an 835 (or FHIR EOB) was imported. */
  remit: RemitClaim | null;
  /** File the remit came from. */
  remitFile: string | null;
  /** Payment/remit date (835 BPR16), the start of the appeal clock. */
  remitDate?: IsoDate | null;
  lines: EpisodeBillingLine[];
  /** Records requests the user entered for this claim (ADR, RAC, TPE, a carrier's), by date. */
  requests?: Array<{ kind: string; dated: IsoDate }>;
}

export interface EpisodePatient {
  id: number;
  /** `Last, First`. */
  name: string;
  mrn: string | null;
  dob: IsoDate | null;
}

export interface EpisodePayer {
  name: string;
  kind: PayerKind;
  /** Two-letter state for workers' comp jurisdiction (TX, CA, ...), when known. */
  state: string | null;
  /** The evidence that chose the kind (and state), strongest first; for `unknown`, the candidates. */
  basis: string[];
}

export interface EpisodeModel {
  /** Stable id, usable with `packet --episode`. */
  id: string;
  patient: EpisodePatient;
  payer: EpisodePayer;
  start: IsoDate;
  end: IsoDate;
  /** Discharge documented, or no activity for more than 30 days before `asOf`. */
  ended: boolean;
  /** Date the review treats as "today" (for ended-episode and deadline logic). */
  asOf: IsoDate;
  /** Sorted by date (undated last), then by file and page. */
  documents: EpisodeDocument[];
  /** Billed lines, sorted by date of service. Ledger lines win over remit lines for the same service. */
  billing: EpisodeBillingLine[];
  claims: EpisodeClaim[];
  /**
   * The same patient's earlier Medicare episodes, their billing and claims as built (shared, not
   * copied): the KX threshold counts the beneficiary's year, not one episode's. Absent or empty
   * for a first episode and for other payers.
   */
  earlier?: ReadonlyArray<Pick<EpisodeModel, 'id' | 'start' | 'billing' | 'claims'>>;
}
