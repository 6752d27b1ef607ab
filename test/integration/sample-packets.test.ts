/**
 * Packets built from the bundled sample chart, read back the way a reviewer's tools read them:
 * pdftotext per page, qpdf --check, the outline through pdf.js, and a rendered first page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PacketPlanView } from '../../shared/api';
import { claimDenial } from '../../src-main/core/api/denials';
import { buildPacketForEpisode } from '../../src-main/core/api/packets';
import { runReview } from '../../src-main/core/api/review';
import { saveSettings } from '../../src-main/core/api/settings';
import { pageText as storedPageText } from '../../src-main/core/api/sources';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { EMPTY_SETTINGS } from '../../shared/settings';
import { pageTexts, qpdfCheck, readOutlineAndLabels } from '../packet/pdf-inspect';

const AS_OF = '2026-11-24';
const SAMPLE = join(__dirname, '../../assets/sample-chart');
let dir: string;
let db: Db;
let report: ReturnType<typeof runReview>;

interface Built {
  file: string;
  plan: PacketPlanView;
  pages: string[];
  bytes: Uint8Array;
}

async function packet(claimId: string, kind: 'appeal' | 'adr', denial?: string): Promise<Built> {
  const idx = report.episodes.findIndex((e) => e.claims.includes(claimId));
  const ep = report.episodes[idx]!;
  const built = await buildPacketForEpisode(
    db,
    report.models[idx]!,
    ep.findings,
    { episodeId: ep.id, claimId, kind, denial: denial ?? null },
    AS_OF,
  );
  const file = join(dir, `${claimId}-${kind}.pdf`);
  writeFileSync(file, built.pdf);
  return { file, plan: built.plan, pages: pageTexts(file), bytes: built.pdf };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Lines of a stored source page long enough to identify it. */
function distinctiveLines(file: string, page: number): string[] {
  const text = storedPageText(db, file, page) ?? '';
  return text
    .split('\n')
    .map(squash)
    .filter((l) => l.length >= 24);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cr-sample-packets-'));
  db = openDatabase(join(dir, 'sample.db'));
  saveSettings(db, {
    ...EMPTY_SETTINGS,
    clinicName: 'Riverbend Physical Therapy & Work Rehab',
    addressLines: ['1420 Riverside Drive, Suite 200', 'Springfield, IL 62704'],
    npi: '1234567893',
    taxId: '99-0000001',
    phone: '(217) 555-0142',
    signerName: 'Morgan Ellis',
    signerTitle: 'Billing and Appeals Manager',
  });
  await importPaths(db, [SAMPLE]);
  report = runReview(db, { asOf: AS_OF });
}, 120_000);

describe.each([
  ['RB26-0921-ALV', 'appeal', 'Alvarez, Maria', '50'],
  // Okafor's CO-97 appeal is refused (the review confirms the denial): its records response.
  ['RB26-1012-OKA', 'adr', 'Okafor, James', '97'],
  ['RB26-0921-ALV', 'adr', 'Alvarez, Maria', '50'],
] as const)('packet for %s (%s)', (claimId, kind, patient, carc) => {
  let b: Built;
  beforeAll(async () => {
    b = await packet(claimId, kind);
  });

  it('answers the denial the 835 recorded; a records response names no denial', () => {
    if (kind === 'adr') {
      expect(b.plan.denial).toBeNull();
      return;
    }
    expect(b.plan.denial?.carc).toBe(carc);
    expect(b.plan.denial?.source).toBe('remit');
  });

  it('passes qpdf --check', () => {
    const r = qpdfCheck(b.file);
    expect(r.ok, r.output).toBe(true);
  });

  it('carries the patient, the claim number and "Page X of N" on every page', () => {
    const [last] = patient.split(',');
    b.pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(last!);
      expect(text, `page ${i + 1}`).toContain(claimId);
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${b.pages.length}`);
    });
  });

  it('points every "Exhibit X, p./pp." citation at pages holding that exhibit\'s document', () => {
    // The index page has "Exhibit Index" as its own heading line (the letter may mention it in prose).
    const indexPage = b.pages.findIndex((p) => /^\s*Exhibit Index\s*$/m.test(p));
    expect(indexPage).toBeGreaterThan(0);
    const letter = b.pages.slice(0, indexPage).join('\n');
    const cites = [
      ...squash(letter).matchAll(/Exhibit ([A-Z]{1,2}), pp?\. (\d+)(?:\s*[-\u2013]\s*(\d+))?/g),
    ];
    if (kind === 'appeal') expect(cites.length).toBeGreaterThan(0);
    for (const [, letterId, from, to] of cites) {
      const exhibit = b.plan.exhibits.find((e) => e.letter === letterId);
      expect(exhibit, `Exhibit ${letterId}`).toBeDefined();
      const doc = report.models
        .flatMap((m) => m.documents)
        .find((d) => d.id === exhibit!.documentIds[0])!;
      const sourceLines = new Set<string>();
      for (let p = doc.pageStart; p <= doc.pageEnd; p++)
        distinctiveLines(doc.file, p).forEach((l) => sourceLines.add(l));
      for (let p = Number(from); p <= Number(to ?? from); p++) {
        expect(p).toBeGreaterThanOrEqual(exhibit!.firstPage);
        expect(p).toBeLessThanOrEqual(exhibit!.lastPage);
        const packetLines = b.pages[p - 1]!.split('\n').map(squash);
        const shared = packetLines.filter((l) => sourceLines.has(l));
        expect(
          shared.length,
          `Exhibit ${letterId} p. ${p} shares no line with ${doc.file}`,
        ).toBeGreaterThan(0);
      }
    }
  });

  it('has a bookmark for every exhibit, pointing at its first page', async () => {
    const { outline } = await readOutlineAndLabels(b.bytes);
    for (const e of b.plan.exhibits) {
      const mark = outline.find(
        (o) => o.title.startsWith(`Exhibit ${e.letter} `) || o.title === `Exhibit ${e.letter}`,
      );
      expect(mark, `bookmark for Exhibit ${e.letter}`).toBeDefined();
      expect(mark!.pageIndex + 1).toBe(e.firstPage);
    }
  });
});

describe('sample packets', () => {
  it('lists only the gaps that concern the claim: a date-only failure on another claim is not one', async () => {
    const b = await packet('RB26-0921-ALV', 'appeal');
    // The over-billed 2026-09-11 belongs to claim RB26-0907-ALV, not to this one.
    expect(b.plan.gaps.some((g) => g.includes('2026-09-11'))).toBe(false);
    const other = await packet('RB26-0907-ALV', 'appeal', '50');
    expect(
      other.plan.gaps.some((g) => g.includes('2026-09-11') && g.includes('BILL-WC-TIME-UNITS')),
    ).toBe(true);
  });

  it("quotes a table's measurements under the names of their columns", async () => {
    const b = await packet('RB26-0921-ALV', 'appeal');
    const indexPage = b.pages.findIndex((p) => /^\s*Exhibit Index\s*$/m.test(p));
    const letter = squash(b.pages.slice(0, indexPage).join(' '));
    // The FCE's "Measure | Baseline | Job demand" table, not "Floor-to-waist lift 25 lb 50 lb".
    expect(letter).toContain('"Floor-to-waist lift" (Baseline "25 lb"; Job demand "50 lb")');
    expect(letter).not.toContain('Floor-to-waist lift 25 lb 50 lb');
  });

  it('renders page 1 (pdftoppm) as a real page', async () => {
    const b = await packet('RB26-0921-ALV', 'appeal');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', b.file, join(dir, 'page')]);
    expect(statSync(join(dir, 'page-01.png')).size).toBeGreaterThan(10_000);
  });

  it('lists the missing progress report as a gap for the Medicare episode and does not claim one', async () => {
    const b = await packet('RB26-0831-CHE', 'appeal', '50');
    expect(b.plan.gaps.some((g) => g.includes('DOC-PROGRESS-10'))).toBe(true);
    const indexPage = b.pages.findIndex((p) => /^\s*Exhibit Index\s*$/m.test(p));
    const letter = squash(b.pages.slice(0, indexPage).join(' '));
    expect(letter).not.toMatch(/progress report of/i);
  });
});

describe('an appeal answers a denial the record holds', () => {
  it('refuses an appeal letter for a paid claim instead of inventing a denial code', async () => {
    const idx = report.models.findIndex((m) => m.claims.some((c) => !c.remit || !claimDenial(c)));
    const model = report.models[idx]!;
    const paid = model.claims.find((c) => !claimDenial(c))!;
    await expect(packet(paid.claimId, 'appeal')).rejects.toThrow(
      /No denial is on file for claim .*there is no denial for an appeal letter to answer/,
    );
    // The user's own code from the payer's notice is answered, and says it was entered; where the
    // remit shows the claim paid, the packet says so before it goes out (a post-payment denial is
    // appealed, but the letter must not contradict the payer's record unawares).
    const withCode = await packet(paid.claimId, 'appeal', 'CO-50');
    expect(withCode.plan.denial?.source).toBe('user');
    if (paid.remit)
      expect(withCode.plan.gaps[0]).toMatch(
        new RegExp(
          `^The remit( of \\d{4}-\\d\\d-\\d\\d)? shows claim ${paid.claimId} paid \\(\\$[\\d,]+\\.\\d\\d of \\$[\\d,]+\\.\\d\\d charged\\) with no denial\\. Send this appeal only if the payer denied the claim after paying it`,
        ),
      );
    const alvarezPaid = await packet('RB26-0907-ALV', 'appeal', '50');
    expect(alvarezPaid.plan.gaps[0]).toMatch(
      /^The remit of 2026-\d\d-\d\d shows claim RB26-0907-ALV paid \(\$1,755\.00 of \$2,060\.00 charged\) with no denial/,
    );
    // A records response names the errors the review found in what it sends.
    const alvarez = await packet('RB26-0907-ALV', 'adr');
    expect(
      alvarez.plan.gaps.some(
        (g) => g.startsWith('The review found in these records: ') && g.includes('2026-09-11'),
      ),
    ).toBe(true);
  });

  it('an evaluation day is documented by its evaluation: no "no treatment note" gap for it', async () => {
    // RB26-0907-ALV holds the 09/08 evaluation (97163) and was paid; a user enters CO-50.
    const b = await packet('RB26-0907-ALV', 'appeal', 'CO-50');
    expect(b.plan.gaps.filter((g) => g.includes('No treatment note'))).toEqual([]);
    const text = squash(b.pages.join(' '));
    expect(text).toMatch(
      /09\/08\/2026 \(the evaluation written that day\): Exhibit [A-Z], pp?\. \d/,
    );
  });

  it('a claim returned as unprocessable (MA130) gets the corrected-claim path, not an appeal', async () => {
    const model = report.models.find((m) =>
      m.claims.some((c) => claimDenial(c)?.remarks.includes('MA130')),
    )!;
    const claim = model.claims.find((c) => claimDenial(c)?.remarks.includes('MA130'))!;
    await expect(packet(claim.claimId, 'appeal')).rejects.toThrow(
      /returned as unprocessable .*MA130.*no appeal rights and no appeal deadline.*resubmit/,
    );
    // Only the lines without GP were returned; the claim's other lines were paid, and the message
    // says so (line by line, never "the claim" or "this episode" for one claim's lines).
    await expect(packet(claim.claimId, 'appeal')).rejects.toThrow(
      new RegExp(
        `^The lines of claim ${claim.claimId} dated 2026-08-\\d\\d were returned as unprocessable \\(CO-4 with remark MA130\\); the claim's other lines were processed\\.`,
      ),
    );
    // What to correct, in the review's words: the missing therapy modifiers on those lines.
    await expect(packet(claim.claimId, 'appeal')).rejects.toThrow(
      /The review found on those dates: 2026-08-\d\d: 97110 lacks GP\/GO\/GN.* \(BILL-THERAPY-MODIFIER\)/,
    );
    // The records can still be sent when the payer asks for them; no deadline is claimed.
    const adr = await packet(claim.claimId, 'adr');
    expect(adr.plan.deadline).toBeNull();
  });
});
