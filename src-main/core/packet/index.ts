/** Appeal / ADR packet builder: public entry point. */
export type {
  DenialReason,
  DocumentSource,
  Exhibit,
  PacketInput,
  PacketKind,
  PacketPlan,
} from './types';
export { planPacket } from './plan';
export { buildPacket } from './build';
export { parseDenialCode } from './denial-code';
export {
  DENIAL_TEMPLATES,
  templateForCarc,
  type DenialTemplate,
  type ArgumentKey,
} from './denial-templates';
export { unitsSupportedByMinutes } from './units';
export { toWinAnsi } from './winansi';
