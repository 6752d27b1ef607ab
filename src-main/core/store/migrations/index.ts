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
import { deadlineAnswers } from './0012-deadline-answers';
import { packetHistory } from './0013-packet-history';
import { pageMarks } from './0014-page-marks';
import { episodeProfiles } from './0015-episode-profiles';
import { allowedAmounts } from './0016-allowed-amounts';
import { billingAssignments } from './0017-billing-assignments';
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
  deadlineAnswers,
  packetHistory,
  pageMarks,
  episodeProfiles,
  allowedAmounts,
  billingAssignments,
];
export type { Migration };
