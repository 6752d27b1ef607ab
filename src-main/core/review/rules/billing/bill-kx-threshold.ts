import type { EpisodeBillingLine, EpisodeModel } from '../../../../../shared/episode';
import type { Fact, IsoDate, TherapyBucket } from '../../../../../shared/model';
import { dollars } from '../../../../../shared/money';
import { hasModifier, lineEvidence, PROGRAM_CODES } from '../../lib/billing';
import { evidenceFromFact } from '../../lib/evidence';
import type { Rule, RuleFinding } from '../../types';
import { isTherapyCode } from './bill-therapy-modifier';

/** Allowed amount from the 835 (paid + patient responsibility), or null when not remitted. */
function remitAllowed(claims: EpisodeModel['claims'], line: EpisodeBillingLine): number | null {
  const claim = claims.find((c) => c.claimId === line.claimId && c.remit);
  const svc = claim?.remit?.services.find(
    (s) => s.code === line.code && (s.dos ?? claim.remit?.periodStart) === line.dos,
  );
  if (!svc) return null;
  const pr = svc.adjustments.filter((a) => a.group === 'PR').reduce((a, x) => a + x.amount, 0);
  return svc.paid + pr;
}

/** Where a line's amount in the running total came from. */
type Basis = 'remit' | 'ledger' | 'charge';

const BASIS_WORDS: Record<Basis, string> = {
  remit: '835 allowed amounts',
  ledger: "the ledger's allowed amounts",
  charge: 'line charges',
};

/** "(running total uses ...)": which amounts the total holds, when not the 835's alone. */
function basisClause(bases: ReadonlySet<Basis>): string {
  if (!bases.has('charge') && !bases.has('ledger')) return '';
  if (!bases.has('ledger'))
    return ' (running total uses line charges: allowed amounts unknown without an 835)';
  const parts = (['remit', 'ledger', 'charge'] as const)
    .filter((b) => bases.has(b))
    .map((b, i) =>
      i === 0
        ? BASIS_WORDS[b]
        : `${BASIS_WORDS[b]} where ${b === 'ledger' ? 'no 835' : 'no allowed amount is known'}`,
    );
  return ` (running total uses ${parts.join(', ')})`;
}

/** A bucket's amount already applied this year, as an eligibility response documented it. */
interface Applied {
  amount: number;
  asOf: IsoDate;
  fact: Fact;
}

/**
 * The latest statement per bucket and year of what was applied before the episode's first line
 * of that bucket in that year: a statement dated later may already count this episode's lines.
 */
function appliedBefore(
  episode: EpisodeModel,
  firstLine: ReadonlyMap<string, IsoDate>,
): Map<string, Applied> {
  const out = new Map<string, Applied>();
  for (const doc of episode.documents) {
    for (const fact of doc.facts) {
      if (fact.kind !== 'therapy-threshold-applied' || !fact.detail?.bucket) continue;
      const asOf = fact.detail.date ?? doc.date;
      if (!asOf) continue;
      const year = String(fact.detail.year ?? asOf.slice(0, 4));
      const key = `${year}|${fact.detail.bucket}`;
      const first = firstLine.get(key);
      if (first === undefined || asOf > first) continue;
      const amount = Number(fact.value);
      if (!Number.isFinite(amount)) continue;
      const known = out.get(key);
      if (!known || asOf >= known.asOf) out.set(key, { amount, asOf, fact });
    }
  }
  return out;
}

/**
 * BILL-KX-THRESHOLD: running Medicare therapy amounts per calendar year, PT+SLP together (GP/GN)
 * and OT apart (GO); every line at or after the one that crosses the year's threshold needs KX.
 * 97545/97546 are left out: status R, not paid under the MPFS, so KX is irrelevant for them
 * (rules.md section 7, mistakes 7 and 9). A line counts at its 835 allowed amount, else the
 * ledger's allowed amount, else its charge; a bucket starts from what the eligibility response
 * said was already applied that year (therapy-threshold-applied facts).
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
    decided: [
      'Running total per line: the 835\'s allowed amount (paid plus patient responsibility), else the allowed amount the ledger carries for the line ("Allowed", "Exp Allow", "Contractual Allowable"), else the line charge; the finding says which it used',
      'A bucket (PT/SLP together, OT apart) starts from the amount a document says was already applied to it that year from the eligibility response (HETS 270/271, "therapy cap used", "OT amount used year to date"): the latest such statement dated (or checked) on or before the episode\'s first line of that bucket in that year, cited in the finding; later statements may already count this episode\'s lines, so they are not used',
      "The patient's earlier Medicare episodes at the clinic count in the same year's running total before this episode's lines (the threshold is the beneficiary's per calendar year, not the episode's); their lines dated on or before an eligibility statement's date are taken as counted in it",
      "A ledger's running year-to-date accumulator column is not read: whether its figure includes the line itself, other providers' claims, or both buckets is the billing system's own convention",
    ],
  },
  check(episode, profile) {
    if (episode.payer.kind !== 'medicare' && profile.payerKind !== 'medicare') return [];
    const lines = episode.billing.filter(
      (l) => isTherapyCode(l.code) && !PROGRAM_CODES.has(l.code),
    );
    if (lines.length === 0) return [];
    const findings: RuleFinding[] = [];
    const bucketOf = (line: EpisodeBillingLine): TherapyBucket | null =>
      hasModifier(line, ['GO']) ? 'OT' : hasModifier(line, ['GP', 'GN']) ? 'PT/SLP' : null;
    const firstLine = new Map<string, IsoDate>();
    for (const line of lines) {
      const bucket = bucketOf(line);
      const key = `${line.dos.slice(0, 4)}|${bucket}`;
      if (bucket && !firstLine.has(key)) firstLine.set(key, line.dos);
    }
    const applied = appliedBefore(episode, firstLine);
    const totals = new Map<string, number>();
    for (const [key, a] of applied) totals.set(key, a.amount);
    const bases = new Map<string, Set<Basis>>();
    // The patient's earlier episodes this year count first, after what a statement says was
    // already applied (a line it may already count, dated on or before it, is not added again).
    const before = new Map<string, { amount: number; from: IsoDate }>();
    for (const prior of episode.earlier ?? []) {
      for (const line of prior.billing) {
        if (!isTherapyCode(line.code) || PROGRAM_CODES.has(line.code)) continue;
        const bucket = bucketOf(line);
        const key = `${line.dos.slice(0, 4)}|${bucket}`;
        const first = firstLine.get(key);
        if (!bucket || first === undefined || line.dos >= first) continue;
        const stated = applied.get(key);
        if (stated && line.dos <= stated.asOf) continue;
        const { basis, amount } = amountOf(prior.claims, line);
        totals.set(key, (totals.get(key) ?? 0) + amount);
        bases.set(key, (bases.get(key) ?? new Set<Basis>()).add(basis));
        const seen = before.get(key);
        before.set(key, {
          amount: (seen?.amount ?? 0) + amount,
          from: seen && seen.from < line.dos ? seen.from : line.dos,
        });
      }
    }
    const noThreshold = new Set<string>();
    const missingKx = new Map<
      string,
      {
        lines: EpisodeBillingLine[];
        year: string;
        amt: number;
        bucket: TherapyBucket;
        bases: Set<Basis>;
      }
    >();
    const kxLines: EpisodeBillingLine[] = [];
    const allBases = new Set<Basis>();
    let maxOver: { bucket: TherapyBucket; year: string; total: number } | null = null;

    for (const line of lines) {
      const bucket = bucketOf(line);
      if (!bucket) continue; // no therapy modifier: BILL-THERAPY-MODIFIER reports it
      const year = line.dos.slice(0, 4);
      const threshold = profile.thresholds.kxThresholds[year];
      if (threshold === undefined) {
        noThreshold.add(year);
        continue;
      }
      const { basis, amount } = amountOf(episode.claims, line);
      allBases.add(basis);
      const key = `${year}|${bucket}`;
      const used = bases.get(key) ?? new Set<Basis>();
      used.add(basis);
      bases.set(key, used);
      const total = (totals.get(key) ?? 0) + amount;
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
        bases: new Set<Basis>(),
      };
      entry.lines.push(line);
      for (const b of used) entry.bases.add(b);
      missingKx.set(line.dos, entry);
    }

    for (const [date, e] of missingKx) {
      const prior = applied.get(`${e.year}|${e.bucket}`);
      const earlier = before.get(`${e.year}|${e.bucket}`);
      const start =
        (prior ? ` ${priorClause(prior, e.year)}` : '') +
        (earlier ? ` ${earlierClause(earlier, e.year)}` : '');
      findings.push({
        status: 'fail',
        message: `Beneficiary over ${e.year} KX threshold $${e.amt.toLocaleString('en-US')} for ${e.bucket}; line ${date} lacks KX${basisClause(e.bases)}.${start}`,
        dates: [date],
        evidence: [...lineEvidence(e.lines), ...(prior ? [evidenceFromFact(prior.fact)] : [])],
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
    // Worded as before ledgers carried allowed amounts when they do not.
    const basis =
      allBases.has('charge') && !allBases.has('ledger')
        ? ' (line charges used where allowed amounts are unknown)'
        : basisClause(allBases);
    const priors = [
      ...[...applied].map(([key, a]) => priorClause(a, key.slice(0, 4))),
      ...[...before].map(([key, b]) => earlierClause(b, key.slice(0, 4))),
    ];
    const summary =
      (maxOver
        ? `Lines above the ${maxOver.year} threshold for ${maxOver.bucket} carry KX${basis}.`
        : `Running therapy amounts stay under the KX threshold${basis}.`) +
      (priors.length > 0 ? ` ${priors.join(' ')}` : '');
    const overTmr = [...totals.values()].some(
      (t) => t > profile.thresholds.targetedReviewThreshold,
    );
    findings.unshift({
      status: 'pass',
      message: overTmr
        ? `${summary} Amounts exceed the $${profile.thresholds.targetedReviewThreshold.toLocaleString('en-US')} targeted medical review threshold: expect review.`
        : summary,
      dates: [],
      evidence: [...applied.values()].map((a) => evidenceFromFact(a.fact)),
    });
    return findings;
  },
};

/** A line's amount in the running total: the 835's allowed, else the ledger's, else its charge. */
function amountOf(
  claims: EpisodeModel['claims'],
  line: EpisodeBillingLine,
): { basis: Basis; amount: number } {
  const remit = remitAllowed(claims, line);
  const basis: Basis = remit !== null ? 'remit' : line.allowed != null ? 'ledger' : 'charge';
  return { basis, amount: remit ?? line.allowed ?? line.charge ?? 0 };
}

function earlierClause(b: { amount: number; from: IsoDate }, year: string): string {
  return `Running total includes ${dollars(b.amount)} billed in ${year} in this patient's earlier episode (from ${b.from}).`;
}

function priorClause(a: Applied, year: string): string {
  return `Running total for ${a.fact.detail?.bucket} starts from ${dollars(a.amount)} already applied in ${year} (as of ${a.asOf}).`;
}
