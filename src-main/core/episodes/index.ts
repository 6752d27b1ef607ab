export {
  buildEpisodes,
  buildEpisodeChunks,
  addDays,
  daysBetween,
  type BuildOptions,
} from './build';
export { matchPatients, nameKey, parseName, displayName } from './identity';
export { payerKind, payerState } from './payers';
