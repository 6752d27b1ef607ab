/**
 * A claim returned as unprocessable (remark MA130) has no appeal rights: it is corrected and sent
 * again, and no appeal deadline runs (issue 15). This is what the packet screen shows instead of
 * an appeal: the returned lines, and on each what the review found wrong there.
 */
import type { CorrectedClaimView, CorrectionFix } from '../../../shared/api';
import type { Finding, IsoDate } from '../../../shared/model';
import { templateForCarc } from '../packet/denial-templates';
import type { ClaimDenial } from './denials';
import { denialCodeText } from '../../../shared/denial-code';

/** Remark codes that return a claim as unprocessable: no appeal rights, correct and resubmit. */
export const UNPROCESSABLE_REMARKS = new Set(['MA130']);

/** The remark on a denial that makes it unprocessable, if any. */
export function unprocessableRemark(remarks: readonly string[] | undefined): string | null {
  return (remarks ?? []).find((r) => UNPROCESSABLE_REMARKS.has(r.toUpperCase())) ?? null;
}

/**
 * What the review found wrong on the given dates (fail findings, not info; errors first): what to
 * correct before resubmitting, in the review's own words.
 */
export function fixesOn(findings: readonly Finding[], dates: readonly IsoDate[]): Finding[] {
  return findings
    .filter((f) => f.status === 'fail' && f.severity !== 'info')
    .filter((f) => f.dates.some((d) => dates.includes(d)))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

const fix = (f: Finding): CorrectionFix => ({
  findingId: f.id ?? null,
  rule: f.rule,
  severity: f.severity === 'error' ? 'error' : 'warning',
  message: f.message,
});

/** The corrected-claim view of a denial, or null when the claim has appeal rights. */
export function correctedClaim(
  denial: ClaimDenial,
  findings: readonly Finding[],
): CorrectedClaimView | null {
  const remark = unprocessableRemark(denial.remarks);
  if (!remark) return null;
  const { template, known } = templateForCarc(denial.carc);
  return {
    remark,
    code: `${denialCodeText(denial)} with remark ${remark}`,
    meaning: known ? template.meaning : null,
    linesOnly: denial.linesOnly,
    lines: denial.dates.map((date) => ({ date, fixes: fixesOn(findings, [date]).map(fix) })),
  };
}
