/**
 * Issue 15, "what it says must hold against the record": on real stores (the sample chart and
 * corpus chart c25), an appeal never argues a denied line the review's own failing findings
 * confirm, refuses the argued appeal when no line is left (quoting the findings), and never
 * tells the user something the record contradicts. Letters are read back with pdftotext.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartReadyService } from '../../src-main/core/api/service';
import { pageTexts, qpdfCheck } from './pdf-inspect';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const C25 = join(here, '../corpus/c25-illinois-wc-case-manager/export');
let dir: string;
let sample: ChartReadyService;
let c25: ChartReadyService;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-record-holds-'));
  sample = new ChartReadyService({ dbPath: join(dir, 'sample.db'), asOf: '2026-11-24' });
  await sample.importPaths({ paths: [SAMPLE] });
  c25 = new ChartReadyService({ dbPath: join(dir, 'c25.db'), asOf: '2026-11-30' });
  await c25.importPaths({ paths: [C25] });
}, 240_000);

afterAll(() => {
  sample?.close();
  c25?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function episodeOf(service: ChartReadyService, claimId: string): Promise<string> {
  for (const e of await service.listEpisodes()) {
    const d = await service.getEpisode({ id: e.id });
    if (d.claims.some((c) => c.claimId === claimId)) return e.id;
  }
  throw new Error(`no episode holds ${claimId}`);
}

/** Builds the packet, checks the PDF with qpdf, and returns the letter's text (before the index). */
async function letterOf(
  service: ChartReadyService,
  req: Parameters<ChartReadyService['buildPacket']>[0],
  name: string,
): Promise<{ letter: string; file: string }> {
  const built = await service.buildPacket(req);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, Buffer.from(built.pdfBase64, 'base64'));
  expect(qpdfCheck(file).ok).toBe(true);
  const pages = pageTexts(file);
  const idx = pages.findIndex((p) => /Exhibit Index/.test(p));
  return { letter: pages.slice(0, idx).join('\n').replace(/\s+/g, ' '), file };
}

describe('appeals hold against the review', () => {
  it('refuses the argued appeal for c25 Hollis CO-198 when the review finds the authorization exceeded', async () => {
    const episodeId = await episodeOf(c25, 'FR-260518-0533');
    const req = { episodeId, claimId: 'FR-260518-0533' };
    await expect(c25.planPacket(req)).rejects.toThrow(
      /review confirms the denial of claim FR-260518-0533 \(CO-198\) on every line at issue: DOS 2026-05-15 exceeds authorization UR-26-04-13905: 9 visits billed, 8 approved; 26 hours billed, 24 approved.*\(AUTH-WITHIN-LIMITS\)\. .*no appeal letter is written\. Build a records-request response/,
    );
    await expect(c25.buildPacket(req)).rejects.toThrow(/no appeal letter is written/);
    // The records response is still offered, and carries no argument.
    const adr = await c25.planPacket({ ...req, kind: 'adr' });
    expect(adr.kind).toBe('adr');
    expect(adr.exhibits.length).toBeGreaterThan(0);
  });

  it("never tells the user that c25 Hollis's authorization states no covering dates", async () => {
    // CO-15 (authorization number) is not confirmed by AUTH-WITHIN-LIMITS, so it is planned: the
    // authorization states 2026-04-22 to 2026-05-29, which covers 05/15.
    const episodeId = await episodeOf(c25, 'FR-260518-0533');
    const plan = await c25.planPacket({ episodeId, claimId: 'FR-260518-0533', denial: 'CO-15' });
    expect(plan.gaps.join('\n')).not.toMatch(/does not state approved dates/);
    expect(plan.gaps.join('\n')).toMatch(
      /exceeds authorization UR-26-04-13905.*AUTH-WITHIN-LIMITS failed/,
    );
  });

  it('refuses the argued appeal for Okafor CO-97: the review finds 97546 billed without 97545', async () => {
    const episodeId = await episodeOf(sample, 'RB26-1012-OKA');
    const req = { episodeId, claimId: 'RB26-1012-OKA' };
    await expect(sample.planPacket(req)).rejects.toThrow(
      /review confirms the denial of claim RB26-1012-OKA \(CO-97\) on every line at issue: 97546 billed on 2026-10-14 without 97545 on the same date \(BILL-97546-REQUIRES-97545\)\./,
    );
    await expect(sample.buildPacket(req)).rejects.toThrow(/corrected claim/);
  });

  it('drops the over-billed 09/11 97546 of Alvarez RB26-0907 from the services at issue and the request', async () => {
    const episodeId = await episodeOf(sample, 'RB26-0907-ALV');
    const req = { episodeId, claimId: 'RB26-0907-ALV', denial: 'CO-50' };
    const plan = await sample.planPacket(req);
    expect(plan.gaps).toContain(
      'Not argued and not asked to be paid: 09/11/2026: 97546 x1. The review confirms the denial there: 2026-09-11: 150 min supports 97545x1 + 97546x0; billed 97545x1 + 97546x1. Over-billed under the CPT midpoint rule (97545 needs 61+ min; each 97546 hour needs 31+ min past the previous hour) (BILL-WC-TIME-UNITS).',
    );
    // The finding is quoted once, not again as a pre-check gap.
    expect(plan.gaps.filter((g) => g.includes('150 min supports'))).toHaveLength(1);
    const { letter } = await letterOf(sample, req, 'alvarez-0907');
    expect(letter).toMatch(
      /Services at issue: - 09\/08\/2026: 97163 x1 - 09\/09\/2026: 97545 x1, 97546 x1 - 09\/10\/2026: 97545 x1, 97546 x1 - 09\/11\/2026: 97545 x1 To the reviewer/,
    );
    expect(letter).toContain(
      'This request does not cover 09/11/2026: 97546 x1; we do not ask that it be reprocessed.',
    );
    expect(letter).not.toMatch(/09\/11\/2026: \d+ minutes documented/);
    expect(letter).toContain('reprocess the services listed above');
  });

  it('keeps arguing a denial the review does not confirm (Alvarez RB26-0921 CO-50)', async () => {
    const episodeId = await episodeOf(sample, 'RB26-0921-ALV');
    const plan = await sample.planPacket({ episodeId, claimId: 'RB26-0921-ALV' });
    expect(plan.datesAtIssue).toEqual(['2026-09-21', '2026-09-22']);
    expect(plan.gaps.join('\n')).not.toMatch(/Not argued/);
  });
});

describe('an appeal asked for the whole episode answers one claim', () => {
  it('Alvarez: the claim the 835 denied (RB26-0921 CO-50), never the paid claims', async () => {
    const episodeId = await episodeOf(sample, 'RB26-0921-ALV');
    const plan = await sample.planPacket({ episodeId, claimId: null });
    expect(plan.claimId).toBe('RB26-0921-ALV');
    expect(plan.datesAtIssue).toEqual(['2026-09-21', '2026-09-22']);
    expect(plan.gaps.join('\n')).not.toMatch(/09\/11\/2026/);
  });

  it('Okafor: the denied claim, which the review confirms, so no letter at all', async () => {
    const episodeId = await episodeOf(sample, 'RB26-1012-OKA');
    await expect(sample.planPacket({ episodeId, claimId: null })).rejects.toThrow(
      /review confirms the denial of claim RB26-1012-OKA \(CO-97\)/,
    );
  });

  it('a code typed for an episode whose other claims were paid is refused, naming them', async () => {
    const episodeId = await episodeOf(sample, 'RB26-1026-NGU');
    await expect(sample.planPacket({ episodeId, claimId: null, denial: 'CO-50' })).rejects.toThrow(
      /paid claims? RB26-1026-NGU.*choose the denied claim to appeal/,
    );
  });
});

describe('letters quote the plan as the record states it', () => {
  it("quotes Alvarez's frequency/duration, whole goals, the demand level, with spaces kept", async () => {
    const episodeId = await episodeOf(sample, 'RB26-0921-ALV');
    const { letter } = await letterOf(sample, { episodeId, claimId: 'RB26-0921-ALV' }, 'alv-0921');
    // The evaluation's "Frequency/Duration: 5x/week for 2 weeks", not STG 1's "Within 1 week".
    expect(letter).toContain('The plan sets the program at 5x/week for 2 weeks.');
    expect(letter).not.toContain('for 1 week');
    // LTG 3 was read cut off at "Baseline": it is not quoted; no quote ends on a dangling label.
    expect(letter).not.toMatch(/Baseline"/);
    expect(letter).toContain('"LTG 4: By 09/22/2026, cart push force 70 lbf');
    // A kerned measure ate the space after the citation: ").The plan".
    expect(letter).toMatch(/\(Exhibit F, pp\. \d+-\d+\)\. The plan sets/);
    expect(letter).not.toMatch(/\)\.[A-Z]/);
    expect(letter).toContain(
      "The patient's job as Warehouse Associate is rated at the Medium physical demand level (Exhibit",
    );
    expect(letter).not.toContain('Physical demand level:');
  });
});

describe('a records response answers the request, not a denial', () => {
  it('names no denial code and no internal id, with a neutral title for a WC payer (Nguyen)', async () => {
    const episodeId = await episodeOf(sample, 'RB26-1026-NGU');
    const req = { episodeId, claimId: null, kind: 'adr' as const };
    const plan = await sample.planPacket(req);
    expect(plan.denial).toBeNull();
    expect(plan.gaps.join('\n')).not.toMatch(/CARC/);
    const built = await sample.buildPacket(req);
    const file = join(dir, 'nguyen-rr.pdf');
    writeFileSync(file, Buffer.from(built.pdfBase64, 'base64'));
    expect(qpdfCheck(file).ok).toBe(true);
    const text = pageTexts(file).join('\n');
    expect(text).toContain('Response to Request for Records');
    expect(text).toContain('Records response DOS 10/26/2026 - 11/09/2026');
    expect(text).toMatch(/Claim numbers: RB26-1026-NGU, RB26-1102-NGU, RB26-1109-NGU/);
    expect(text).toContain('the complete record for the claims above');
    expect(text).not.toMatch(
      /ep-[0-9a-f]{10}|whole episode|Additional Documentation|ADR|Denial reason/,
    );
    const [item] = await sample.listPackets({ episodeId });
    expect(item).toMatchObject({ kind: 'adr', carc: null, request: { denial: null } });
    // A code typed for an appeal is not carried into a records response.
    const typed = await sample.planPacket({ ...req, denial: 'CO-50' });
    expect(typed.denial).toBeNull();
  });

  it("a claim's records response sends that claim's notes, not the episode's later care (Nguyen)", async () => {
    const episodeId = await episodeOf(sample, 'RB26-1026-NGU');
    const plan = await sample.planPacket({ episodeId, claimId: 'RB26-1026-NGU', kind: 'adr' });
    const noteDates = plan.exhibits.filter((e) => e.category === 'Daily Note').map((e) => e.date);
    expect(noteDates.length).toBeGreaterThan(0);
    for (const d of noteDates) expect(plan.datesAtIssue).toContain(d);
    const last = [...plan.datesAtIssue].sort().at(-1)!;
    expect(plan.exhibits.filter((e) => e.date !== null && e.date > last)).toEqual([]);
  });

  it("keeps Medicare's own term for an ADR response", async () => {
    const episodeId = await episodeOf(sample, 'RB26-0831-CHE');
    const built = await sample.buildPacket({ episodeId, claimId: 'RB26-0831-CHE', kind: 'adr' });
    const file = join(dir, 'chen-adr.pdf');
    writeFileSync(file, Buffer.from(built.pdfBase64, 'base64'));
    const text = pageTexts(file).join('\n');
    expect(text).toContain('Response to Additional Documentation Request');
    expect(text).toContain('ADR response DOS');
    expect(text).not.toMatch(/Denial reason|CO-4/);
  });
});
