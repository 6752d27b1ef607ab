/**
 * Packet history (issue 15) on the sample chart: every packet built is kept with its request and
 * bytes (migration 0013); the list is newest first for the episode and its claims; a packet
 * reopens byte for byte (its SHA-256 as built, the same as the audit entry); a missing one is a
 * not-found.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRequest } from '../../shared/api-schemas';
import { ChartReadyService } from '../../src-main/core/api/service';
import { readAuditLog } from '../../src-main/core/store/audit';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
let dir: string;
let service: ChartReadyService;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-packet-history-'));
  service = new ChartReadyService({ dbPath: join(dir, 'store.db'), asOf: '2026-11-24' });
  await service.importPaths({ paths: [SAMPLE] });
}, 120_000);

afterAll(() => {
  service?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('packet history', () => {
  it('keeps each packet with its choices and bytes, newest first, and reopens it as built', async () => {
    const episode = (await service.listEpisodes()).find((e) => e.deniedClaims > 0)!;
    const detail = await service.getEpisode({ id: episode.id });
    const claim = detail.claims.find((c) => c.denial)!.claimId;
    expect(await service.listPackets({ episodeId: episode.id })).toEqual([]);

    const plan = await service.planPacket({ episodeId: episode.id, claimId: claim });
    const firstDoc = plan.exhibits[0]!.documentIds[0]!;
    const one = await service.buildPacket({ episodeId: episode.id, claimId: claim });
    const two = await service.buildPacket({
      episodeId: episode.id,
      claimId: claim,
      kind: 'adr',
      exclude: [firstDoc],
    });
    const list = await service.listPackets({ episodeId: episode.id });
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      claimId: claim,
      kind: 'adr',
      pages: two.pageCount,
      request: { kind: 'adr', exclude: [firstDoc] },
    });
    // The appeal names the denial it answered as the 835 prints it, group and reason code.
    const denial = detail.claims.find((c) => c.claimId === claim)!.denial!;
    expect(list[1]).toMatchObject({
      kind: 'appeal',
      pages: one.pageCount,
      carc: `${denial.group}-${denial.carc}`,
    });
    expect(list[0]!.carc).toBeNull();
    expect(list[0]!.builtAt >= list[1]!.builtAt).toBe(true);

    const reopened = await service.openPacket({ id: list[1]!.id });
    const bytes = Buffer.from(reopened.pdfBase64, 'base64');
    expect(bytes.equals(Buffer.from(one.pdfBase64, 'base64'))).toBe(true);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(reopened.item.sha256).toBe(sha);
    const audit = readAuditLog(service.db).filter((e) => e.action === 'packet');
    expect(audit.map((e) => e.detail['sha256'])).toEqual([sha, list[0]!.sha256]);

    await expect(service.openPacket({ id: 9999 })).rejects.toThrow(/not found: no packet 9999/);
    expect(validateRequest('openPacket', { id: 'x' }).ok).toBe(false);
    expect(validateRequest('listPackets', { episodeId: '' }).ok).toBe(false);
  });
});
