import type { PacketRequest } from '../../shared/api';

/**
 * A packet's choices made but not yet built (exhibit order, exclusions, denial code, kind), kept
 * per episode and claim for the session, so leaving the builder does not lose them. Built packets
 * keep their own choices in the database; this holds only document ids and codes, no note text.
 */
export type PacketDraft = Required<Pick<PacketRequest, 'denial' | 'kind' | 'exclude'>> &
  Pick<PacketRequest, 'exhibitOrder'>;

const key = (episodeId: string, claimId: string) =>
  `chartready.packetDraft.${JSON.stringify([episodeId, claimId])}`;

export function readPacketDraft(episodeId: string, claimId: string): PacketDraft | null {
  try {
    const raw = window.sessionStorage.getItem(key(episodeId, claimId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<PacketDraft>;
    const ids = (v: unknown): v is number[] =>
      Array.isArray(v) && v.every((n) => typeof n === 'number');
    return {
      denial: typeof d.denial === 'string' ? d.denial : null,
      kind: d.kind === 'adr' ? 'adr' : 'appeal',
      exclude: ids(d.exclude) ? d.exclude : [],
      exhibitOrder: ids(d.exhibitOrder) ? d.exhibitOrder : undefined,
    };
  } catch {
    // Storage refused or a draft from another version: start from the defaults.
    return null;
  }
}

export function writePacketDraft(episodeId: string, claimId: string, draft: PacketDraft): void {
  try {
    window.sessionStorage.setItem(key(episodeId, claimId), JSON.stringify(draft));
  } catch {
    // A full or refused storage only costs the draft.
  }
}

export function clearPacketDraft(episodeId: string, claimId: string): void {
  try {
    window.sessionStorage.removeItem(key(episodeId, claimId));
  } catch {
    // As above.
  }
}
