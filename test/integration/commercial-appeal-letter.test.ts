/**
 * An appeal for therapy that is no work program, from a chart written by others (the corpus's
 * commercial OT hand chart with FHIR remits): the letter calls the care what it is, quotes each
 * line of the record once, and asks for no FCE or job description the care never needed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PacketPlanView } from '../../shared/api';
import { buildPacketForEpisode } from '../../src-main/core/api/packets';
import { runReview } from '../../src-main/core/api/review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase } from '../../src-main/core/store/db';
import { pageTexts } from '../packet/pdf-inspect';

const CHART = join(__dirname, '../corpus/c23-fhir-eob-html-attachments/export');
const CLAIM = 'KM26102705213';

let plan: PacketPlanView;
let letter: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cr-commercial-appeal-'));
  const db = openDatabase(join(dir, 'c.db'));
  await importPaths(db, [CHART]);
  const report = runReview(db, { asOf: '2026-11-30' });
  const i = report.episodes.findIndex((e) => e.claims.includes(CLAIM));
  expect(i).toBeGreaterThanOrEqual(0);
  const built = await buildPacketForEpisode(
    db,
    report.models[i]!,
    report.episodes[i]!.findings,
    { episodeId: report.episodes[i]!.id, claimId: CLAIM, kind: 'appeal', denial: null },
    '2026-11-30',
  );
  plan = built.plan;
  const file = join(dir, 'appeal.pdf');
  writeFileSync(file, built.pdf);
  const pages = pageTexts(file);
  const index = pages.findIndex((p) => /^\s*Exhibit Index\s*$/m.test(p));
  letter = pages.slice(0, index).join(' ').replace(/\s+/g, ' ');
  db.close();
}, 120_000);

describe("a commercial OT episode's appeal", () => {
  it('asks for no FCE or job description: those are a work program’s', () => {
    expect(plan.gaps.some((g) => /functional capacity evaluation|job description/i.test(g))).toBe(
      false,
    );
  });

  it('calls the care the therapy, not the program, and quotes each line once', () => {
    expect(letter).toContain('progress during the therapy');
    expect(letter).not.toMatch(/\bthe program\b/);
    // A quote repeated in its own list ("A", "A" and "A") says nothing twice.
    expect(letter).not.toMatch(/("[^"]{20,}")(?:,| and) \1/);
    expect(letter).toMatch(/"STG 1 [^"]+" and "STG 2 /);
  });
});
