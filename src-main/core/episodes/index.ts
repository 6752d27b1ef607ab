export {
  buildEpisodes,
  buildEpisodeChunks,
  buildPatientEpisodes,
  compareEpisodes,
  type BuildOptions,
} from './build';
export { resolvePatients, type PatientResolution } from './patients';
export {
  AssignmentError,
  assignBilling,
  assignDocument,
  patientChoices,
  unassignedBilling,
  unassignedDocuments,
} from './assignments';
export { addDays, daysBetween } from '../../../shared/dates';
export { matchPatients, nameKey, parseName, displayName } from './identity';
export { decidePayer, kindFromPayerName, SIGNAL_LEVELS, type PayerDecision } from './payers';
