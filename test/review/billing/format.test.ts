import { describe, expect, it } from 'vitest';
import { reviewEpisode } from '../../../src-main/core/review/engine';
import {
  csvCell,
  formatCsv,
  formatJson,
  formatText,
  makeReport,
  reviewReportSchema,
  toReviewedEpisode,
} from '../../../src-main/core/review/format';
import { loadPayerProfile } from '../../../src-main/core/review/profiles';
import { billingRules } from '../../../src-main/core/review/rules/billing';
import type { ReviewReport } from '../../../src-main/core/review/format';
import { episode } from '../builder';

function report(): ReviewReport {
  const ep = episode('workers-comp')
    .daily('2026-03-02', { minutes: 150 })
    .bill('2026-03-02', '97545')
    .bill('2026-03-02', '97546')
    .daily('2026-03-03', { minutes: 130 })
    .bill('2026-03-03', '97545')
    .build();
  const profile = loadPayerProfile('workers-comp');
  const findings = reviewEpisode(ep, profile, billingRules);
  return makeReport(
    [toReviewedEpisode(ep, findings, profile.name)],
    'test-1',
    new Date('2026-03-31T12:00:00Z'),
  );
}

describe('formatJson', () => {
  it('validates against the contract schema', () => {
    const json = JSON.parse(formatJson(report()));
    const parsed = reviewReportSchema.safeParse(json);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const ep = json.episodes[0];
    expect(ep).toMatchObject({
      id: 'ep_fixture',
      visits: 2,
      claims: ['CLM-1'],
      profile: 'workers-comp',
    });
    expect(ep.patient).toEqual({ name: 'Doe, John', mrn: '1001', dob: '1980-01-01' });
    // Every billing rule appears at least once.
    const rules = new Set(ep.findings.map((f: { rule: string }) => f.rule));
    expect(rules.size).toBe(billingRules.length);
  });

  it('the schema rejects a broken report', () => {
    const bad = JSON.parse(formatJson(report()));
    bad.episodes[0].findings[0].status = 'failed';
    expect(reviewReportSchema.safeParse(bad).success).toBe(false);
  });
});

describe('formatText', () => {
  it('groups by patient, errors first, passes collapsed, evidence cited', () => {
    const text = formatText(report());
    expect(text).toContain('Doe, John  (MRN 1001, DOB 1980-01-01)');
    const errors = text.indexOf('ERRORS');
    expect(errors).toBeGreaterThan(0);
    expect(text.indexOf('Passed:')).toBeGreaterThan(errors);
    expect(text).toMatch(/BILL-WC-TIME-UNITS {2}2026-03-02/);
    expect(text).toContain('fixture/daily-note-2026-03-02-1.pdf p.1 "total-minutes: 150"');
    expect(text).toMatch(/Passed: \d+ rule\(s\) \| Not applicable: \d+ rule\(s\)/);
    expect(text).not.toContain('\x1b[');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('colors only when asked', () => {
    expect(formatText(report(), { color: true })).toContain('\x1b[31m');
  });
});

describe('formatCsv', () => {
  it('one row per finding with a header, CRLF line ends', () => {
    const r = report();
    const csv = formatCsv(r);
    const rows = csv.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe(
      'episode,patient,payer,rule,status,severity,dates,message,evidence_file,evidence_page,evidence_line,evidence_quote,payer_kind,profile,payer_basis,finding_id,decision,decision_reason,decided_by,decided_at,action,due',
    );
    expect(rows).toHaveLength(1 + r.episodes[0]!.findings.length);
    // A finding no one decides (pass, n/a) still fills the decision columns, empty.
    expect(rows[1]!.endsWith(',,,,,,,') || /,f-[0-9a-f]{28},/.test(rows[1]!)).toBe(true);
    expect(csv).toContain('"Doe, John"');
  });

  it('RFC 4180 quoting and formula-injection escaping', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe('');
  });

  it('escapes a malicious patient name in a whole report', () => {
    const r = report();
    r.episodes[0]!.patient.name = '=cmd|" /C calc"!A0';
    const row = formatCsv(r).split('\r\n')[1]!;
    expect(row).toContain(`"'=cmd|"" /C calc""!A0"`);
  });
});
