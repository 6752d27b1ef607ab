/**
 * The client report (issue 17) end to end on the sample chart through the command: the PDF's text
 * (read back by pdftotext) carries the clinic, the dashboard's figures, a failing rule's advice and
 * a finding's evidence cite, and qpdf finds nothing wrong; the workbook, read back from disk, has
 * its sheets, frozen header rows and numeric cells; a missing database is refused.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRequest } from '../../shared/api-schemas';
import { ChartReadyService } from '../../src-main/core/api/service';
import { dashboard } from '../../src-main/core/api/dashboard';
import { reviewStore } from '../../src-main/core/api/review';
import { saveSettings } from '../../src-main/core/api/settings';
import { importPaths } from '../../src-main/core/import/pipeline';
import { buildClientReport } from '../../src-main/core/report';
import { RULE_FIXES } from '../../src-main/core/review/rules/fixes';
import { ALL_RULES } from '../../src-main/core/review/rules';
import { readAuditLog, verifyAuditLog } from '../../src-main/core/store/audit';
import { openDatabase } from '../../src-main/core/store/db';
import { EMPTY_SETTINGS } from '../../shared/settings';
import { runCli } from '../cli-run';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';
const CLINIC = 'Riverside Work Rehab';

let dir: string;
let dbPath: string;

const run = runCli;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-report-'));
  dbPath = join(dir, 'store.db');
  const db = openDatabase(dbPath);
  try {
    await importPaths(db, [SAMPLE]);
    saveSettings(db, { ...EMPTY_SETTINGS, clinicName: CLINIC });
  } finally {
    db.close();
  }
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('rule advice', () => {
  it('has one sentence for every rule of the catalog', () => {
    expect(Object.keys(RULE_FIXES).sort()).toEqual(ALL_RULES.map((r) => r.meta.id).sort());
    expect(ALL_RULES).toHaveLength(29);
  });
});

describe('client report', () => {
  it('builds the figures the dashboard shows', () => {
    const db = openDatabase(dbPath, { mustExist: true });
    try {
      const review = reviewStore(db, { asOf: AS_OF, audit: false });
      const report = buildClientReport(db, { asOf: AS_OF, review });
      const d = dashboard(db, AS_OF);
      expect(report.summary).toMatchObject({
        billedDates: d.totals.billedDates,
        passingDates: d.totals.passingDates,
        atRisk: d.totals.atRisk,
      });
      expect(report.summary).toMatchObject({ billedDates: 49, passingDates: 42, atRisk: 2527 });
      expect(report.clinicName).toBe(CLINIC);
      expect(report.period).toEqual({ first: '2026-08-03', last: '2026-11-09' });
      // Every error finding of the dashboard's rules is explained.
      for (const r of d.byRule) expect(report.explained.map((e) => e.rule)).toContain(r.rule);
    } finally {
      db.close();
    }
  });

  it('writes a PDF with the summary, an explained rule and an evidence cite', async () => {
    const out = join(dir, 'report.pdf');
    const { code, err } = await run(['report', '--db', dbPath, '--out', out, '--as-of', AS_OF]);
    expect(err).toBe('');
    expect(code).toBe(0);
    execFileSync('qpdf', ['--check', out]); // throws on a non-zero exit
    const outline = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-key=outlines', out], { encoding: 'utf8' }),
    ) as { outlines: Array<{ title: string; destpageposfrom1: number }> };
    expect(outline.outlines.map((o) => o.title)).toEqual([
      'Cover',
      'Summary',
      'By clinician',
      'By rule',
      'Failing rules explained',
      'Corrective-action plan',
      'Appendix: findings',
    ]);
    expect(outline.outlines[1]!.destpageposfrom1).toBe(2);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(CLINIC);
    expect(text).toContain('42 of 49 billed dates');
    expect(text).toContain('85.7%');
    expect(text).toContain('$2,527.00');
    expect(text).toContain('Every record entry signed with credentials and date (DOC-SIGNED)');
    expect(text).toContain(RULE_FIXES['DOC-SIGNED']!.replace(/\u2019/g, "'"));
    // One defect, one finding: the unsigned note is explained once, under DOC-SIGNED.
    expect(text).not.toContain('(DOC-DAILY-CONTENT)');
    expect(text).toContain(
      'alvarez-maria/2026-09-11_daily-note.pdf, p. 1: "Total Time: 150 minutes"',
    );
    expect(text).toContain('Corrective-action plan');
    // The export is in the audit log.
    const db = openDatabase(dbPath, { mustExist: true });
    try {
      const detail = db
        .prepare("SELECT detail FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1")
        .pluck()
        .get() as string;
      expect(JSON.parse(detail)).toMatchObject({ format: 'report-pdf' });
    } finally {
      db.close();
    }
  });

  it('writes a workbook a second reader opens: sheets, frozen headers, typed cells', async () => {
    const out = join(dir, 'report.xlsx');
    const { code } = await run([
      'report',
      '--db',
      dbPath,
      '--out',
      out,
      '--format',
      'xlsx',
      '--as-of',
      AS_OF,
    ]);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'By clinician',
      'By payer',
      'By month',
      'By rule',
      'Corrective actions',
      'Findings',
    ]);
    for (const ws of wb.worksheets)
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const summary = wb.getWorksheet('Summary')!;
    const value = (label: string) => {
      let found: ExcelJS.CellValue = null;
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(value('Billed dates')).toBe(49);
    expect(value('Passing dates')).toBe(42);
    expect(value('Dollars at risk')).toBe(2527);
    expect(value('As of')).toBeInstanceOf(Date);
    const months = wb.getWorksheet('By month')!;
    expect(months.getCell('A2').value).toBe('2026-08');
    expect(months.getCell('F2').value).toBe(451);
    expect(months.getCell('F2').numFmt).toContain('$');
    const findings = wb.getWorksheet('Findings')!;
    expect(findings.getCell('E2').value).toBeInstanceOf(Date);
    expect(typeof findings.getCell('I2').value).toBe('number');
  });

  it('writes a workbook a second, independent reader (openpyxl) reads as Excel would', () => {
    const out = join(dir, 'report.xlsx');
    if (!existsSync(out)) throw new Error('the workbook test above writes report.xlsx first');
    // Debian's python3 with python3-openpyxl (.ci/run installs it): not the exceljs that wrote it.
    const seen = JSON.parse(
      execFileSync('/usr/bin/python3', [join(here, 'read-workbook.py'), out], { encoding: 'utf8' }),
    ) as {
      sheets: Array<{
        name: string;
        frozen: string | null;
        rows: number;
        header: string[];
        cells: Array<Array<{ type: string; value: unknown; format: string }>>;
      }>;
    };
    const sheet = (name: string) => seen.sheets.find((s) => s.name === name)!;
    expect(seen.sheets.map((s) => s.name)).toEqual([
      'Summary',
      'By clinician',
      'By payer',
      'By month',
      'By rule',
      'Corrective actions',
      'Findings',
    ]);
    for (const s of seen.sheets) expect(s.frozen, s.name).toBe('A2');
    const summary = new Map(sheet('Summary').cells.map((r) => [r[0]!.value, r[1]!]));
    expect(summary.get('Billed dates')).toMatchObject({ type: 'n', value: 49 });
    expect(summary.get('Passing dates')).toMatchObject({ type: 'n', value: 42 });
    expect(summary.get('Dollars at risk')).toMatchObject({ type: 'n', value: 2527 });
    expect(summary.get('Dollars at risk')!.format).toContain('$');
    expect(summary.get('As of')).toMatchObject({ type: 'd', value: `${AS_OF}T00:00:00` });
    const month = sheet('By month');
    expect(month.header.slice(0, 2)).toEqual(['Month', 'Billed dates']);
    expect(month.cells[0]![0]).toMatchObject({ type: 's', value: '2026-08' });
    expect(month.cells[0]![5]).toMatchObject({ type: 'n', value: 451 });
    expect(month.cells[0]![3]!.format).toContain('%');
    const findings = sheet('Findings');
    // 8 fail/warn findings: the note without a signature, the over-billed program date and the
    // 97546 billed without 97545 are one finding each (the other rules that see them refer to
    // them and are not rows).
    expect(findings.rows).toBe(8);
    expect(findings.cells[0]![4]!.type).toBe('d');
    expect(findings.cells[0]![8]!.type).toBe('n');
  });

  it("puts a confirmed defect's corrective action in the plan and its decision in the appendix", async () => {
    const db = openDatabase(dbPath, { mustExist: true });
    let findingId: string;
    try {
      const review = reviewStore(db, { asOf: AS_OF, audit: false });
      const okafor = review.episodes.find((e) => e.patient.name.startsWith('Okafor'))!;
      findingId = okafor.findings.find((f) => f.rule === 'DOC-SIGNED' && f.status === 'fail')!.id!;
    } finally {
      db.close();
    }
    const decided = await run([
      'decide',
      '--db',
      dbPath,
      '--finding',
      findingId,
      '--as',
      'confirmed',
      '--reason',
      'Note unsigned',
      '--action',
      'Co-sign the 10/08 note and review signing habits',
      '--due',
      '2026-12-15',
      '--clinician',
      'T. Brooks',
      '--by',
      'Auditor',
      '--as-of',
      AS_OF,
    ]);
    expect(decided.code).toBe(0);
    const out = join(dir, 'actions.pdf');
    expect((await run(['report', '--db', dbPath, '--out', out, '--as-of', AS_OF])).code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Due 12/15/2026 OPEN Owner: T. Brooks DOC-SIGNED Okafor, James 10/08/2026 Co-sign the 10/08 note and review signing habits',
    );
    expect(text).toContain('Decision: confirmed by Auditor - Note unsigned');
  });

  it('scopes the report to a probe sample and adds its error rate and projection', async () => {
    const drawn = await run([
      'sample',
      '--db',
      dbPath,
      '--n',
      '5',
      '--seed',
      '7',
      '--as-of',
      AS_OF,
    ]);
    expect(drawn.code).toBe(0);
    const out = join(dir, 'sample.pdf');
    const { code } = await run([
      'report',
      '--db',
      dbPath,
      '--out',
      out,
      '--sample',
      '1',
      '--as-of',
      AS_OF,
    ]);
    expect(code).toBe(0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // The same figures "chartready sample-report" prints for this sample (3 of 5 claims in error).
    expect(text).toContain('60.0% (3 of 5 claims); 90% interval 18.9% - 92.4% (Clopper-Pearson)');
    expect(text).toContain('Projected to the frame: $4,428.00 (15 claims; lower limit $550.47)');
    // Readiness and dollars at risk of the sampled claims' dates: their $1,476.00 at risk.
    expect(text).toContain('$1,476.00 of $8,936.00 billed');
    expect(text).not.toContain('Chen, Robert');
    expect((await run(['report', '--db', dbPath, '--out', out, '--sample', '9'])).code).toBe(1);
  });

  it('refuses a database that does not exist', async () => {
    const missing = join(dir, 'missing.db');
    const out = join(dir, 'never.pdf');
    const { code, err } = await run(['report', '--db', missing, '--out', out]);
    expect(code).toBe(1);
    expect(err).toContain('no ChartReady database');
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the report from the app (exportReport)', () => {
  it('builds the PDF and the workbook for download, logs each export with its hash', async () => {
    expect(validateRequest('exportReport', { format: 'pdf' }).ok).toBe(true);
    // The page never chooses where files are written: a path is refused, as is another format.
    for (const bad of [{ format: 'pdf', savePath: '/tmp/x.pdf' }, { format: 'docx' }, {}])
      expect(validateRequest('exportReport', bad).ok, JSON.stringify(bad)).toBe(false);
    const saved = join(dir, 'saved.xlsx');
    const service = new ChartReadyService({ dbPath, asOf: AS_OF });
    try {
      const pdf = await service.exportReport({ format: 'pdf' });
      expect(pdf).toMatchObject({ fileName: `chartready-report-${AS_OF}.pdf`, savedTo: null });
      expect(pdf.summary).toMatch(
        /^Readiness 42 of 49 billed dates; \$2,527\.00 at risk; \d+ findings$/,
      );
      const bytes = Buffer.from(pdf.base64, 'base64');
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const file = join(dir, 'from-app.pdf');
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(CLINIC);
      const xlsx = await service.exportReport({ format: 'xlsx' });
      expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
      // What the desktop shell does after its save dialog.
      expect((await service.exportReport({ format: 'xlsx', savePath: saved })).savedTo).toBe(saved);
      expect(existsSync(saved)).toBe(true);
    } finally {
      service.close();
    }
    const db = openDatabase(dbPath);
    try {
      const exports = readAuditLog(db)
        .filter((e) => e.action === 'export')
        .map((e) => e.detail as { output: string; format: string; sha256: string });
      expect(exports.slice(-3).map((e) => [e.output, e.format])).toEqual([
        [`download:chartready-report-${AS_OF}.pdf`, 'report-pdf'],
        [`download:chartready-report-${AS_OF}.xlsx`, 'report-xlsx'],
        [saved, 'report-xlsx'],
      ]);
      expect(exports.at(-3)!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(verifyAuditLog(db).ok).toBe(true);
    } finally {
      db.close();
    }
  });
});

describe('citations in a client report', () => {
  it('name a document kept inside a FHIR bundle by its title, and a claim item by its place', async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'chartready-report-fhir-')), 'c.db'));
    try {
      await importPaths(db, [join(here, '../corpus/c23-fhir-eob-html-attachments/export')]);
      const report = buildClientReport(db, { asOf: '2026-11-30' });
      const cites = report.findings.flatMap((f) => f.citations);
      expect(cites.length).toBeGreaterThan(0);
      expect(cites.some((c) => c.includes('#DocumentReference'))).toBe(false);
      expect(cites.some((c) => /everything\.json: .+, 2026-\d\d-\d\d, p\. \d/.test(c))).toBe(true);
      for (const f of report.findings) expect(f.citations).toHaveLength(f.evidence.length);
    } finally {
      db.close();
    }
  });
});
