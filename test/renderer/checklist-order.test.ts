/** Errors first on the episode page (src-renderer/lib/finding-views.ts): order within and across groups. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/model';
import { byErrorsFirst, groupRank } from '../../src-renderer/lib/finding-views';

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

  it('ranks a group with an error before one with only warnings, whatever their usual order', () => {
    const documentation = [f('DOC-W', 'fail', 'warning'), f('DOC-P', 'pass', 'error')];
    const billing = [f('BILL-E', 'fail', 'error')];
    const program = [f('PRG-P', 'pass', 'error')];
    const groups = [
      { id: 'documentation', shown: documentation },
      { id: 'billing', shown: billing },
      { id: 'program', shown: program },
    ].sort((a, b) => groupRank(a.shown) - groupRank(b.shown));
    expect(groups.map((g) => g.id)).toEqual(['billing', 'documentation', 'program']);
    // A passing error-severity finding does not lift its group.
    expect(groupRank(program)).toBe(3);
  });
});
