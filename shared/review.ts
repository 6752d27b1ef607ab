/** Review output per ../shared/design/cli-contract.md: names and shapes are a stable contract. */
import type { Finding, IsoDate, PayerKind } from './model';

export interface ReviewedEpisode {
  id: string;
  patient: { name: string; mrn?: string; dob: IsoDate | null };
  /** `basis` (added): the evidence that chose the kind, strongest first, and why the profile. */
  payer: { name: string; kind: PayerKind; basis?: string[] };
  start: IsoDate;
  end: IsoDate;
  visits: number;
  claims: string[];
  findings: Finding[];
  /** Added fields (the contract allows additions): the payer profile used and finding counts. */
  profile?: string;
  /** Where `profile` came from (added): a reviewer's choice for this episode, the default, or the payer. */
  profileSource?: ProfileSource;
  counts?: {
    fail: number;
    warn: number;
    pass: number;
    na: number;
    errors: number;
    warnings: number;
  };
}

/**
 * Why an episode is reviewed with its profile: `episode`, a reviewer set it for this episode (who,
 * when, why); `default`, one profile was given for every episode (Settings' default payer profile,
 * or the command line's); `payer`, the payer's kind and state chose it, from the clinic's payer
 * list entry when `payerList` names one, else from the record's evidence (`payer.basis`).
 */
export type ProfileSource =
  | { from: 'episode'; by: string; at: string; reason: string }
  | { from: 'default' }
  | { from: 'payer'; payer: string; payerList: string | null };

export interface ReviewReport {
  generatedAt: string;
  rulesVersion: string;
  episodes: ReviewedEpisode[];
}
