/**
 * The store's episodes with their findings from the review as it stands (decisions carried, not
 * recorded), one chunk of models at a time: the models are dropped after each chunk, so a large
 * store's deadlines and samples never hold them all. The findings come from `reviewStore` (which a
 * stored, incremental review can answer without building every episode), the claims and payers
 * from the episode models, matched by episode id.
 */
import type { EpisodeModel } from '../../../shared/episode';
import type { Finding, IsoDate } from '../../../shared/model';
import { reviewStore } from '../api/review';
import { buildEpisodeChunks, resolvePatients } from '../episodes';
import type { Db } from '../store/db';

export function forEachReviewedEpisode(
  db: Db,
  opts: { asOf: IsoDate; profile?: string | null },
  visit: (model: EpisodeModel, findings: Finding[]) => void,
): void {
  const resolution = resolvePatients(db);
  const report = reviewStore(db, {
    asOf: opts.asOf,
    profile: opts.profile,
    audit: false,
    resolution,
  });
  const findings = new Map(report.episodes.map((e) => [e.id, e.findings]));
  for (const chunk of buildEpisodeChunks(db, { asOf: opts.asOf }, undefined, resolution))
    for (const model of chunk.episodes) visit(model, findings.get(model.id) ?? []);
}
