/**
 * Public types of the appeal / ADR packet builder. Kept apart from index.ts so the small modules
 * can share them without import cycles.
 */
import type { EpisodeBillingLine, EpisodeDocument, EpisodeModel } from '../../../shared/episode';
import type { Finding, IsoDate, PageText } from '../../../shared/model';
import type { ClinicSettings } from '../../../shared/settings';

export type PacketKind = 'appeal' | 'adr';

export interface DenialReason {
  carc: string;
  group: string | null;
  source: 'remit' | 'user' | 'default';
  remarks?: string[];
  remitDate?: IsoDate | null;
  /** From an 835 that denied only some service lines: the dates of those lines. */
  deniedLines?: IsoDate[];
  /** From an 835: the claim it denied (an episode's packet may hold several claims). */
  claimId?: string;
}

export type DocumentSource =
  | { kind: 'pdf'; bytes: Uint8Array }
  | { kind: 'text'; pages: PageText[] }
  /** A scanned image file (PNG, JPEG, TIFF): its bytes, and the pages OCR read from it. */
  | { kind: 'image'; bytes: Uint8Array; pages: PageText[] };

export interface PacketInput {
  episode: EpisodeModel;
  findings: Finding[];
  kind: PacketKind;
  denial: DenialReason;
  /** null = whole episode. */
  claimId: string | null;
  /**
   * The appealed claim's remit shows it paid with no denial (the code was entered by the user):
   * the payment, so the packet can say what the remit shows.
   */
  paidByRemit?: { date: IsoDate | null; paid: number; charge: number };
  settings: ClinicSettings;
  today: IsoDate;
  loadDocumentSource(doc: EpisodeDocument): Promise<DocumentSource>;
  /** Document ids in the user's order (desktop app reordering). */
  exhibitOrder?: number[];
  /** Document ids the user removed. */
  exclude?: number[];
  /** Bates prefix stamped on every page (local extension; default `CR-`). */
  batesPrefix?: string;
}

export interface Exhibit {
  letter: string;
  title: string;
  date: IsoDate | null;
  documentIds: number[];
  category: string;
  /** Packet page numbers (1-based, separator page first); 0 until built. */
  firstPage: number;
  lastPage: number;
}

export interface PacketPlan {
  kind: PacketKind;
  denial: DenialReason;
  denialMeaning: string;
  claimId: string | null;
  datesAtIssue: IsoDate[];
  linesAtIssue: EpisodeBillingLine[];
  /** Denied lines the review confirms as the denial says: not argued, not asked to be paid. */
  linesNotArgued: EpisodeBillingLine[];
  exhibits: Exhibit[];
  gaps: string[];
  settingsMissing: string[];
  deadline: { date: IsoDate; daysLeft: number; basis: string } | null;
}
