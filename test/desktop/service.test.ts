/**
 * The desktop service over the sample chart: it keeps summaries and findings for every episode and
 * builds an episode's model again only when it is opened. What it shows must be what the review
 * that keeps every model shows.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentSummary } from '../../src-main/core/api/packets';
import { runReview } from '../../src-main/core/api/review';
import { ChartReadyService } from '../../src-main/core/api/service';
import { importPaths } from '../../src-main/core/import/pipeline';
import { countVisits } from '../../src-main/core/review/format/report';
import { openDatabase } from '../../src-main/core/store/db';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

let dir: string;
let service: ChartReadyService;
let reference: ReturnType<typeof runReview>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-service-'));
  const dbPath = join(dir, 'svc.db');
  const db = openDatabase(dbPath);
  await importPaths(db, [SAMPLE]);
  reference = runReview(db, { asOf: AS_OF, audit: false });
  db.close();
  service = new ChartReadyService({ dbPath, asOf: AS_OF });
}, 120_000);

afterAll(() => {
  service?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('desktop service', () => {
  it('lists every episode in the report order with summaries taken from its model', async () => {
    const list = await service.listEpisodes();
    expect(list.map((e) => e.id)).toEqual(reference.episodes.map((e) => e.id));
    list.forEach((s, i) => {
      const m = reference.models[i]!;
      expect(s).toMatchObject({
        patientName: m.patient.name,
        mrn: m.patient.mrn,
        payerKind: m.payer.kind,
        start: m.start,
        end: m.end,
        visits: countVisits(m),
        claims: m.claims.map((c) => c.claimId),
      });
    });
    expect(list.some((s) => s.deniedClaims > 0)).toBe(true);
  });

  it('opens each episode with the documents, claims and findings the full review has', async () => {
    for (const [i, e] of reference.episodes.entries()) {
      const detail = await service.getEpisode({ id: e.id });
      const m = reference.models[i]!;
      expect(detail.documents).toEqual(m.documents.map(documentSummary));
      expect(detail.claims.map((c) => c.claimId)).toEqual(m.claims.map((c) => c.claimId));
      expect(detail.findings).toEqual(e.findings);
      expect(detail.timeline.length).toBeGreaterThan(0);
    }
  });

  it('plans a packet for a denied claim from the reopened model', async () => {
    const denied = (await service.listEpisodes()).find((s) => s.deniedClaims > 0)!;
    const detail = await service.getEpisode({ id: denied.id });
    const claim = detail.claims.find((c) => c.denial)!;
    const plan = await service.planPacket({
      episodeId: denied.id,
      claimId: claim.claimId,
      kind: 'appeal',
    });
    expect(plan.claimId).toBe(claim.claimId);
    expect(plan.denial?.carc).toBe(claim.denial!.carc);
    expect(plan.exhibits.length).toBeGreaterThan(0);
  });
});

describe('the default payer profile in Settings', () => {
  it('applies to every episode once saved, and choosing automatic gives each payer its own again', async () => {
    const before = await service.listEpisodes();
    expect(new Set(before.map((e) => e.profile)).size).toBeGreaterThan(1);
    const settings = await service.getSettings();
    await service.saveSettings({ ...settings, defaultPayerProfile: 'commercial' });
    const forced = await service.listEpisodes();
    expect(forced.every((e) => e.profile === 'commercial')).toBe(true);
    await service.saveSettings({ ...settings, defaultPayerProfile: null });
    const after = await service.listEpisodes();
    expect(after.map((e) => e.profile)).toEqual(before.map((e) => e.profile));
  });
});

describe('who decides', () => {
  it("records the name the decision form gives, and keeps the first one as Settings' reviewer name", async () => {
    const settings = await service.getSettings();
    expect(settings.reviewerName ?? null).toBeNull();
    const undecided = async () => {
      for (const e of await service.listEpisodes()) {
        const f = (await service.getEpisode({ id: e.id })).findings.find(
          (x) => x.id && (x.status === 'fail' || x.status === 'warn') && !x.decision,
        );
        if (f) return { episodeId: e.id, findingId: f.id! };
      }
      throw new Error('no undecided finding in the sample');
    };
    const decidedBy = async (at: { episodeId: string; findingId: string }, by?: string) => {
      const detail = await service.decideFinding({ ...at, as: 'not-a-defect', reason: 'r', by });
      return detail.findings.find((f) => f.id === at.findingId)?.decision?.by;
    };
    expect(await decidedBy(await undecided(), '  Dana Whitfield ')).toBe('Dana Whitfield');
    expect((await service.getSettings()).reviewerName).toBe('Dana Whitfield');
    // Another name on one decision is recorded for it, and does not replace the setting.
    expect(await decidedBy(await undecided(), 'M. Osei')).toBe('M. Osei');
    expect((await service.getSettings()).reviewerName).toBe('Dana Whitfield');
    // A caller that gives none (the CLI, an older screen) gets Settings' name.
    expect(await decidedBy(await undecided())).toBe('Dana Whitfield');
    await service.saveSettings(settings);
  });
});

describe('evidence for a billing line', () => {
  it('opens an 835 segment as its claim in words: status, amounts, adjustments, remarks, the cited service', async () => {
    const file = 'remits/medicare_835.835';
    const segments = readFileSync(join(SAMPLE, file), 'utf8')
      .split('~')
      .map((x) => x.trim())
      .filter(Boolean);
    // The service line the CO-4 / MA130 denial is on (1-based segment numbers, as findings cite).
    const at = segments.findIndex(
      (x, i) => x.startsWith('SVC') && segments.slice(i, i + 5).some((y) => y.includes('MA130')),
    );
    expect(at).toBeGreaterThan(0);
    const page = await service.getEvidence({ file, page: 1, line: at + 1 });
    expect(page).toMatchObject({ kind: 'text', page: 1, pageCount: 1 });
    if (page.kind !== 'text') return;
    const lines = page.text.split('\n');
    expect(lines[0]).toBe(`Remittance advice (835) read from ${file}`);
    expect(page.text).toMatch(/Claim RB26-0817-CHE \(segment \d+\): processed as primary; charged/);
    expect(page.text).toContain(`segment ${at + 1}: 2026-08-19 97110`);
    expect(page.text).toContain('CO-4 ');
    expect(page.text).toContain(
      'remark MA130: the claim is unprocessable and has no appeal rights: correct it and submit it again',
    );
    // Routine adjustments are named too, never as denials.
    expect(page.text).toMatch(
      /CO-45 [\d.]+ \(contractual obligation\): charge exceeds the fee schedule/,
    );
  });

  it('opens the ledger rows around the cited one, in words, with the cited line in them', async () => {
    const list = await service.listEpisodes();
    let cited: { file: string; page: number; line?: number; quote: string } | undefined;
    for (const e of list) {
      const d = await service.getEpisode({ id: e.id });
      cited = d.findings
        .flatMap((f) => f.evidence)
        .find((x) => x.line != null && /ledger/.test(x.file));
      if (cited) break;
    }
    expect(cited, 'a finding cites a ledger line').toBeTruthy();
    const page = await service.getEvidence({
      file: cited!.file,
      page: cited!.page,
      line: cited!.line!,
    });
    expect(page.kind).toBe('text');
    expect(page.pageCount).toBe(1);
    if (page.kind !== 'text') return;
    expect(page.text).toContain(cited!.quote);
    expect(page.text.split('\n')[0]).toMatch(/^Billing lines read from .*date of service/);
  });
});

describe('timeline report days', () => {
  it('names a discharge summary as what it is, though it counts as the progress report', async () => {
    const list = await service.listEpisodes();
    const days = (await Promise.all(list.map((e) => service.getEpisode({ id: e.id })))).flatMap(
      (d) => d.timeline,
    );
    const discharge = days.filter((d) => d.reportType === 'discharge-summary');
    expect(discharge.length).toBeGreaterThan(0);
    expect(discharge.every((d) => d.progressReport)).toBe(true);
    expect(days.filter((d) => d.reportType === 'progress-report').length).toBeGreaterThan(0);
    expect(days.filter((d) => !d.progressReport).every((d) => d.reportType === null)).toBe(true);
  });
});
