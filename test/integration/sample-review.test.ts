/**
 * Golden review of the bundled sample chart: exactly the planted defects of
 * assets/sample-chart/README.md (written by hand into sample-review.golden.json), nothing else.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeModel } from '../../shared/episode';
import type { Finding } from '../../shared/model';
import { reviewStore, runReview, writeReviewExport } from '../../src-main/core/api/review';
import { readAuditLog } from '../../src-main/core/store/audit';
import { importPaths, type ImportSummary } from '../../src-main/core/import/pipeline';
import { formatJson, jsonChunks, reviewReportSchema } from '../../src-main/core/review/format';
import { CATALOG_RULE_IDS } from '../../src-main/core/review/profiles/rule-ids';
import { openDatabase, type Db } from '../../src-main/core/store/db';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const golden = JSON.parse(readFileSync(join(here, 'sample-review.golden.json'), 'utf8')) as {
  findings: Array<Record<string, unknown>>;
  inventory: Record<string, Record<string, number>>;
};

let dir: string;
let db: Db;
let summary: ImportSummary;
let report: ReturnType<typeof runReview>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-golden-'));
  db = openDatabase(join(dir, 'golden.db'));
  summary = await importPaths(db, [SAMPLE]);
  report = runReview(db, { asOf: '2026-11-24' });
}, 120_000);

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function episodeOf(name: string): EpisodeModel {
  const ep = report.models.find((m) => m.patient.name === name);
  expect(ep, name).toBeDefined();
  return ep!;
}

/** The compact projection the golden file holds. */
function project(patient: string, f: Finding): Record<string, unknown> {
  const ev = f.evidence[0];
  return {
    patient,
    rule: f.rule,
    status: f.status,
    severity: f.severity,
    dates: f.dates,
    file: ev?.file ?? null,
    page: ev?.page ?? null,
    ...(ev?.line !== undefined ? { line: ev.line } : {}),
  };
}

const key = (p: Record<string, unknown>) =>
  [p['patient'], p['rule'], (p['dates'] as string[]).join(','), p['severity']].join('|');

describe('sample chart review (golden)', () => {
  it('reports exactly the planted defects, with dates and first evidence', () => {
    const actual = report.episodes
      .flatMap((e) => e.findings.map((f) => project(e.patient.name, f)))
      .filter((p) => p['status'] === 'fail' || p['status'] === 'warn')
      .sort((a, b) => key(a).localeCompare(key(b)));
    const expected = golden.findings
      .map(({ defect: _defect, ...rest }) => rest)
      .sort((a, b) => key(a).localeCompare(key(b)));
    expect(actual).toEqual(expected);
  });

  it('reports each defect once: the other rules that see it refer to its owner', () => {
    const referrals = report.episodes
      .flatMap((e) =>
        e.findings
          .filter((f) => f.refersTo)
          .map((f) => `${e.patient.name} ${f.rule} ${f.dates.join(',')} -> ${f.refersTo!.rule}`),
      )
      .sort();
    expect(referrals).toEqual([
      'Alvarez, Maria DOC-DAILY-TIME 2026-09-11 -> BILL-WC-TIME-UNITS',
      'Okafor, James BILL-WC-TIME-UNITS 2026-10-14 -> BILL-97546-REQUIRES-97545',
      'Okafor, James DOC-DAILY-CONTENT 2026-10-08 -> DOC-SIGNED',
      'Okafor, James DOC-DAILY-TIME 2026-10-14 -> BILL-97546-REQUIRES-97545',
    ]);
    for (const e of report.episodes)
      for (const f of e.findings.filter((x) => x.refersTo))
        expect(f).toMatchObject({ status: 'n/a', severity: 'info' });
  });

  it('raises no alarm on the clean Nguyen episode', () => {
    const nguyen = report.episodes.find((e) => e.patient.name === 'Nguyen, Linda')!;
    expect(nguyen.findings.filter((f) => f.status === 'fail' || f.status === 'warn')).toEqual([]);
  });

  it('runs every catalog rule on every episode', () => {
    expect(report.episodes).toHaveLength(4);
    for (const e of report.episodes) {
      const rules = new Set(e.findings.map((f) => f.rule));
      for (const id of CATALOG_RULE_IDS)
        expect(rules.has(id), `${e.patient.name} ${id}`).toBe(true);
    }
  });

  it('finds each episode’s documents by type', () => {
    for (const [name, expected] of Object.entries(golden.inventory)) {
      const counts: Record<string, number> = {};
      for (const d of episodeOf(name).documents) counts[d.type] = (counts[d.type] ?? 0) + 1;
      expect(counts, name).toEqual(expected);
    }
  });

  it('reads the chosen facts', () => {
    const alvarez = episodeOf('Alvarez, Maria');
    const visit3 = alvarez.documents.find(
      (d) => d.type === 'daily-note' && d.date === '2026-09-11',
    )!;
    expect(visit3.facts.filter((f) => f.kind === 'total-minutes').map((f) => f.value)).toEqual([
      '150',
    ]);

    const okafor = episodeOf('Okafor, James');
    const visit3b = okafor.documents.find(
      (d) => d.type === 'daily-note' && d.date === '2026-10-08',
    )!;
    const blank = visit3b.facts.find((f) => f.kind === 'signature-blank')!;
    expect(blank.provenance).toMatchObject({
      file: 'okafor-james/okafor_james_chart.pdf',
      page: 10,
      quote: 'Therapist signature: ________',
    });

    expect(episodeOf('Chen, Robert').patient.mrn).toBe('200533');
  });

  it('carries the 835 denials: CO-50 on RB26-0921-ALV, CO-97 on RB26-1012-OKA', () => {
    const claim = (name: string, id: string) =>
      episodeOf(name).claims.find((c) => c.claimId === id)?.remit;
    const alv = claim('Alvarez, Maria', 'RB26-0921-ALV')!;
    expect(alv.status).toBe('4');
    expect(alv.services.length).toBeGreaterThan(0);
    for (const s of alv.services)
      expect(s.adjustments.some((a) => a.group === 'CO' && a.carc === '50')).toBe(true);
    const oka = claim('Okafor, James', 'RB26-1012-OKA')!;
    const denied = oka.services.filter((s) => s.adjustments.some((a) => a.carc === '97'));
    expect(
      denied.map((s) => [s.code, s.dos, s.adjustments.find((a) => a.carc === '97')!.group]),
    ).toEqual([['97546', '2026-10-14', 'CO']]);
  });

  it('rejects nothing: the scanned fax is read by OCR, a faxed copy of the physician order', () => {
    expect(summary.files.filter((f) => f.status === 'rejected')).toEqual([]);
    const fax = episodeOf('Alvarez, Maria').documents.find((d) =>
      d.file.endsWith('fax_scan_referral.pdf'),
    );
    expect(fax?.type).toBe('physician-order');
    expect(fax?.date).toBe('2026-08-31');
    const signer = fax?.facts.find((f) => f.kind === 'physician-signer');
    expect(signer?.provenance).toMatchObject({ source: 'ocr' });
    expect(signer?.provenance.confidence).toBeGreaterThan(70);
  });

  it('writes JSON that validates against the report schema', () => {
    const { models: _models, ...plain } = report;
    const parsed = reviewReportSchema.safeParse(JSON.parse(formatJson(plain)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  });
});

describe('review without the models (chartready review)', () => {
  it('gives the same episodes, findings and order as the review that keeps them', () => {
    const { models: _models, generatedAt: _at, ...withModels } = report;
    const progress: Array<{ patientsDone: number; patients: number; episodes: number }> = [];
    const { generatedAt: _g, ...lean } = reviewStore(db, {
      asOf: '2026-11-24',
      audit: false,
      onProgress: (p) => progress.push(p),
    });
    // Progress counts patients up to all of them, and episodes up to the report's.
    expect(progress.length).toBeGreaterThan(0);
    const last = progress[progress.length - 1]!;
    expect(last.patientsDone).toBe(last.patients);
    expect(last.episodes).toBe(lean.episodes.length);
    expect(progress.map((p) => p.patientsDone)).toEqual(
      [...progress.map((p) => p.patientsDone)].sort((a, b) => a - b),
    );
    // Same property order too: the JSON export is byte-identical (but for "new": the first
    // review reported every finding first, this one none).
    const notNew = (key: string, value: unknown) => (key === 'new' ? undefined : value);
    expect(JSON.stringify(lean, notNew)).toBe(JSON.stringify(withModels, notNew));
  });
});

describe('review exports written a chunk at a time', () => {
  it('the JSON is exactly JSON.stringify of the report, for a full and an empty report', () => {
    const { models: _m, ...plain } = report;
    expect(formatJson(plain)).toBe(JSON.stringify(plain, null, 2) + '\n');
    const empty = { ...plain, episodes: [] };
    expect(formatJson(empty)).toBe(JSON.stringify(empty, null, 2) + '\n');
  });

  it('records the SHA-256 and byte size of the file as written (UTF-8, § and all)', () => {
    const { models: _m, ...plain } = report;
    const out = join(dir, 'export.json');
    writeReviewExport(db, out, 'json', jsonChunks(plain));
    const bytes = readFileSync(out);
    expect(bytes.toString('utf8')).toBe(formatJson(plain));
    const entry = readAuditLog(db).pop()!;
    expect(entry.action).toBe('export');
    expect(entry.detail).toMatchObject({
      format: 'json',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });
});
