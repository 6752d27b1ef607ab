import { initial } from './0001-initial';
import { auditLog } from './0002-audit-log';
import { documentFacts } from './0003-document-facts';
import { identityIndexes } from './0004-identity-indexes';
import { extractorVersion } from './0005-extractor-version';
import { payerKinds } from './0006-payer-kinds';
import { documentIdentity } from './0007-document-identity';
import { findingDecisions } from './0008-finding-decisions';
import { storedReview } from './0009-stored-review';
import { ocrPages } from './0010-ocr-pages';
import { requestsSamples } from './0011-requests-samples';
import { pageMarks } from './0012-page-marks';
import type { Migration } from './types';

/** Every migration in order; add a numbered file and list it here. Never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  auditLog,
  documentFacts,
  identityIndexes,
  extractorVersion,
  payerKinds,
  documentIdentity,
  findingDecisions,
  storedReview,
  ocrPages,
  requestsSamples,
  pageMarks,
];
export type { Migration };
