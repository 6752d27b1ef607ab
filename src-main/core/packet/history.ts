/**
 * The packets built, kept with their PDF (migration 0013): listed per episode (or its claims),
 * reopened as they were sent, and the latest one's exhibit choices offered for the next packet of
 * the same claim. Rows hold ids, codes and hashes; the PDF is the packet itself.
 */
import type { PacketHistoryItem, PacketRequest } from '../../../shared/api';
import type { Db } from '../store/db';

/** What of a request is kept: what the user chose, not who asked. */
export type SavedRequest = Pick<PacketRequest, 'denial' | 'kind' | 'exhibitOrder' | 'exclude'>;

export function savePacket(
  db: Db,
  p: {
    episodeId: string;
    claimId: string | null;
    kind: 'appeal' | 'adr';
    carc: string | null;
    request: SavedRequest;
    pages: number;
    sha256: string;
    output: string | null;
    pdf: Uint8Array;
  },
): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO packets (episode_id, claim_id, kind, carc, request, pages, sha256, built_at, output, pdf)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      p.episodeId,
      p.claimId,
      p.kind,
      p.carc,
      JSON.stringify(p.request),
      p.pages,
      p.sha256,
      new Date().toISOString(),
      p.output,
      Buffer.from(p.pdf),
    );
  return Number(lastInsertRowid);
}

interface Row {
  id: number;
  episode_id: string;
  claim_id: string | null;
  kind: 'appeal' | 'adr';
  carc: string | null;
  request: string;
  pages: number;
  sha256: string;
  built_at: string;
  output: string | null;
}

function toItem(r: Row): PacketHistoryItem {
  return {
    id: r.id,
    episodeId: r.episode_id,
    claimId: r.claim_id,
    kind: r.kind,
    carc: r.carc,
    request: JSON.parse(r.request) as SavedRequest,
    pages: r.pages,
    sha256: r.sha256,
    builtAt: r.built_at,
    output: r.output,
  };
}

/** Newest first: the episode's packets and those of its claims (an episode id can change). */
export function listPackets(
  db: Db,
  episodeId: string,
  claimIds: readonly string[],
): PacketHistoryItem[] {
  const claims = [...new Set(claimIds)];
  const rows = db
    .prepare(
      `SELECT id, episode_id, claim_id, kind, carc, request, pages, sha256, built_at, output
       FROM packets
       WHERE episode_id = ? OR claim_id IN (SELECT value FROM json_each(?))
       ORDER BY built_at DESC, id DESC`,
    )
    .all(episodeId, JSON.stringify(claims)) as Row[];
  return rows.map(toItem);
}

export function readPacketPdf(db: Db, id: number): { item: PacketHistoryItem; pdf: Buffer } | null {
  const row = db
    .prepare(
      'SELECT id, episode_id, claim_id, kind, carc, request, pages, sha256, built_at, output, pdf FROM packets WHERE id = ?',
    )
    .get(id) as (Row & { pdf: Buffer }) | undefined;
  return row ? { item: toItem(row), pdf: row.pdf } : null;
}
