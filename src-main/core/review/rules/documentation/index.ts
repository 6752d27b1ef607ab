import type { Rule } from '../../types';
import { docCommunication } from './doc-communication';
import { docDailyContent } from './doc-daily-content';
import { docDailyPresent } from './doc-daily-present';
import { docDischarge } from './doc-discharge';
import { docEvalElements } from './doc-eval-elements';
import { docEvalPresent } from './doc-eval-present';
import { docFceJobdesc } from './doc-fce-jobdesc';
import { docLateEntry } from './doc-late-entry';
import { docOrderReferral } from './doc-order-referral';
import { docPocCert } from './doc-poc-cert';
import { docPocGoals } from './doc-poc-goals';
import { docPocPresent } from './doc-poc-present';
import { docProgress10 } from './doc-progress-10';
import { docProgressContent } from './doc-progress-content';
import { docReeval } from './doc-reeval';
import { docSigned } from './doc-signed';

/** DOC-* rules in catalog order (except DOC-DAILY-TIME, which lives with the time math in ../billing). */
export const documentationRules: Rule[] = [
  docEvalPresent,
  docEvalElements,
  docOrderReferral,
  docPocPresent,
  docPocGoals,
  docPocCert,
  docDailyPresent,
  docDailyContent,
  docSigned,
  docProgress10,
  docProgressContent,
  docReeval,
  docDischarge,
  docFceJobdesc,
  docLateEntry,
  docCommunication,
];
