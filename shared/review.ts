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
  counts?: {
    fail: number;
    warn: number;
    pass: number;
    na: number;
    errors: number;
    warnings: number;
  };
}

export interface ReviewReport {
  generatedAt: string;
  rulesVersion: string;
  episodes: ReviewedEpisode[];
}
