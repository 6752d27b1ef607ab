import type { EpisodeBillingLine, EpisodeModel } from '../../../../../shared/episode';
import { hasModifier, lineEvidence, PROGRAM_CODES } from '../../lib/billing';
import type { Rule, RuleFinding } from '../../types';
import { isTherapyCode } from './bill-therapy-modifier';

type Bucket = 'PT/SLP' | 'OT';

/** Allowed amount from the 835 (paid + patient responsibility), or null when not remitted. */
function remitAllowed(episode: EpisodeModel, line: EpisodeBillingLine): number | null {
  const claim = episode.claims.find((c) => c.claimId === line.claimId && c.remit);
  const svc = claim?.remit?.services.find(
    (s) => s.code === line.code && (s.dos ?? claim.remit?.periodStart) === line.dos,
  );
  if (!svc) return null;
  const pr = svc.adjustments.filter((a) => a.group === 'PR').reduce((a, x) => a + x.amount, 0);
  return svc.paid + pr;
}

/**
 * BILL-KX-THRESHOLD: running Medicare therapy amounts per calendar year, PT+SLP together (GP/GN)
 * and OT apart (GO); every line at or after the one that crosses the year's threshold needs KX.
 * 97545/97546 are left out: status R, not paid under the MPFS, so KX is irrelevant for them
 * (rules.md section 7, mistakes 7 and 9).
 */
export const billKxThreshold: Rule = {
  meta: {
    id: 'BILL-KX-THRESHOLD',
    title: 'KX modifier on Medicare therapy lines above the annual threshold',
    group: 'billing',
    source:
      'KX modifier threshold as published on the CMS Therapy Services page: $2,480 for 2026 (read from secondary sources), $2,410 for 2025, $2,330 for 2024; targeted medical review above $3,000 (Bipartisan Budget Act of 2018)',
    severity: 'error',
    payers: ['MCR'],
    unverified: ['CY2026 KX threshold $2,480 (secondary sources only)'],
  },
  check(episode, profile) {
    if (episode.payer.kind !== 'medicare' && profile.payerKind !== 'medicare') return [];
    const lines = episode.billing.filter(
      (l) => isTherapyCode(l.code) && !PROGRAM_CODES.has(l.code),
    );
    if (lines.length === 0) return [];
    const findings: RuleFinding[] = [];
    const totals = new Map<string, number>();
    const noThreshold = new Set<string>();
    const missingKx = new Map<
      string,
      { lines: EpisodeBillingLine[]; year: string; amt: number; bucket: Bucket; charged: boolean }
    >();
    const kxLines: EpisodeBillingLine[] = [];
    let usedCharge = false;
    let maxOver: { bucket: Bucket; year: string; total: number } | null = null;

    for (const line of lines) {
      const bucket: Bucket | null = hasModifier(line, ['GO'])
        ? 'OT'
        : hasModifier(line, ['GP', 'GN'])
          ? 'PT/SLP'
          : null;
      if (!bucket) continue; // no therapy modifier: BILL-THERAPY-MODIFIER reports it
      const year = line.dos.slice(0, 4);
      const threshold = profile.thresholds.kxThresholds[year];
      if (threshold === undefined) {
        noThreshold.add(year);
        continue;
      }
      const allowed = remitAllowed(episode, line);
      const charged = allowed === null;
      if (charged) usedCharge = true;
      const key = `${year}|${bucket}`;
      const total = (totals.get(key) ?? 0) + (allowed ?? line.charge ?? 0);
      totals.set(key, total);
      if (total <= threshold) continue;
      maxOver = { bucket, year, total };
      if (hasModifier(line, ['KX'])) {
        kxLines.push(line);
        continue;
      }
      const entry = missingKx.get(line.dos) ?? {
        lines: [],
        year,
        amt: threshold,
        bucket,
        charged: false,
      };
      entry.lines.push(line);
      entry.charged ||= charged;
      missingKx.set(line.dos, entry);
    }

    for (const [date, e] of missingKx) {
      const basis = e.charged
        ? ' (running total uses line charges: allowed amounts unknown without an 835)'
        : '';
      findings.push({
        status: 'fail',
        message: `Beneficiary over ${e.year} KX threshold $${e.amt.toLocaleString('en-US')} for ${e.bucket}; line ${date} lacks KX${basis}.`,
        dates: [date],
        evidence: lineEvidence(e.lines),
      });
    }
    // KX attests medical necessity: without a progress report or re-evaluation the attestation is unsupported.
    const hasProgress = episode.documents.some(
      (d) => d.type === 'progress-report' || d.type === 're-evaluation',
    );
    if (kxLines.length > 0 && !hasProgress) {
      findings.push({
        status: 'fail',
        severity: 'warning',
        message: `KX billed on ${[...new Set(kxLines.map((l) => l.dos))].length} date(s) but no progress report or re-evaluation documents the medical necessity it attests.`,
        dates: [...new Set(kxLines.map((l) => l.dos))],
        evidence: lineEvidence(kxLines.slice(0, 5)),
      });
    }
    if (noThreshold.size > 0) {
      findings.push({
        status: 'n/a',
        message: `No KX threshold in the ${profile.label} profile for ${[...noThreshold].sort().join(', ')}; those lines were not checked.`,
        dates: [],
        evidence: [],
      });
    }
    if (findings.some((f) => f.status !== 'n/a')) return findings;
    const basis = usedCharge ? ' (line charges used where allowed amounts are unknown)' : '';
    const summary = maxOver
      ? `Lines above the ${maxOver.year} threshold for ${maxOver.bucket} carry KX${basis}.`
      : `Running therapy amounts stay under the KX threshold${basis}.`;
    const overTmr = [...totals.values()].some(
      (t) => t > profile.thresholds.targetedReviewThreshold,
    );
    findings.unshift({
      status: 'pass',
      message: overTmr
        ? `${summary} Amounts exceed the $${profile.thresholds.targetedReviewThreshold.toLocaleString('en-US')} targeted medical review threshold: expect review.`
        : summary,
      dates: [],
      evidence: [],
    });
    return findings;
  },
};
