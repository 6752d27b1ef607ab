/** Errors first on the episode page (src-renderer/lib/finding-views.ts): order within groups and on the page. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/model';
import { byErrorsFirst, checklistSections, TIER_LABEL } from '../../src-renderer/lib/finding-views';

const f = (rule: string, status: Finding['status'], severity: Finding['severity']): Finding => ({
  rule,
  status,
  severity,
  message: '',
  dates: [],
  evidence: [],
});

describe('errors first', () => {
  it('puts reported errors before warnings, info, and passing findings in a group', () => {
    const list = [
      f('W', 'fail', 'warning'),
      f('P', 'pass', 'error'),
      f('C', 'warn', 'error'),
      f('E', 'fail', 'error'),
      f('I', 'fail', 'info'),
    ].sort(byErrorsFirst);
    expect(list.map((x) => x.rule)).toEqual(['E', 'C', 'W', 'I', 'P']);
  });

  it("puts every group's errors before any warnings, splitting a mixed group", () => {
    const documentation = [
      f('DOC-E', 'fail', 'error'),
      f('DOC-W', 'fail', 'warning'),
      f('DOC-P', 'pass', 'error'),
    ];
    const billing = [f('BILL-E', 'warn', 'error'), f('BILL-I', 'fail', 'info')];
    const program: Finding[] = [];
    const sections = checklistSections([
      { group: 'documentation', shown: documentation },
      { group: 'billing', shown: billing },
      { group: 'program', shown: program },
    ]);
    expect(sections.map((s) => [s.group, TIER_LABEL[s.tier], s.first, s.split])).toEqual([
      ['documentation', 'errors', true, true],
      ['billing', 'errors', true, true],
      ['documentation', 'warnings', false, true],
      ['billing', 'info', false, true],
      ['documentation', 'passing and not applicable', false, true],
      ['program', 'passing and not applicable', true, false],
    ]);
    // The page reads errors first, whatever group they are in.
    const page = sections.flatMap((s) => s.findings.map((x) => x.rule));
    expect(page).toEqual(['DOC-E', 'BILL-E', 'DOC-W', 'BILL-I', 'DOC-P']);
    expect(sections.at(-1)!.findings).toEqual([]);
  });
});
