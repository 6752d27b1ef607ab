export { buildEpisodes, buildEpisodeChunks, compareEpisodes, type BuildOptions } from './build';
export { addDays, daysBetween } from '../../../shared/dates';
export { matchPatients, nameKey, parseName, displayName } from './identity';
export { payerKind, payerState } from './payers';
