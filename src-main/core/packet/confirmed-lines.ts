/**
 * Which denied lines the app's own review confirms as defective in the way the denial says
 * (domain/carc-confirming-rules.ts). Those lines are neither argued nor asked to be paid; when no
 * line is left, there is no argued appeal to write (issue 15).
 */
import type { EpisodeBillingLine, EpisodeModel } from '../../../shared/episode';
import type { Finding, IsoDate } from '../../../shared/model';
import { rulesConfirming, type ConfirmedLines } from '../domain/carc-confirming-rules';
import { scopeOfClaim } from './claim-scope';
import { usDate } from './format';
import { unitsSupportedByMinutes, WORK_PROGRAM_CODES } from './units';

export interface ConfirmedLine {
  line: EpisodeBillingLine;
  finding: Finding;
}

export interface JudgedLines {
  /** Lines still open to argument. */
  argued: EpisodeBillingLine[];
  /** Lines a failing finding confirms, each with the first finding that does. */
  confirmed: ConfirmedLine[];
}

/** A failing finding that stands: not informational, not decided "not a defect" by the user. */
function stands(f: Finding): boolean {
  return f.status === 'fail' && f.severity !== 'info' && f.decision?.as !== 'not-a-defect';
}

/** The day's documented program minutes, summed across its treatment notes; null when none. */
function minutesOn(episode: EpisodeModel, date: IsoDate): number | null {
  const facts = episode.documents
    .filter((d) => d.type === 'daily-note' && d.date === date)
    .flatMap((d) => d.facts.filter((f) => f.kind === 'total-minutes'));
  if (facts.length === 0) return null;
  return facts.reduce((n, f) => n + (Number.parseInt(f.value, 10) || 0), 0);
}

/** Program codes billed on `date` beyond the units its minutes support (all of them if unknown). */
function overBilledCodes(episode: EpisodeModel, lines: EpisodeBillingLine[], date: IsoDate) {
  const minutes = minutesOn(episode, date);
  if (minutes === null) return new Set(WORK_PROGRAM_CODES);
  const ok = unitsSupportedByMinutes(minutes);
  const billed = (code: string) =>
    lines.filter((l) => l.dos === date && l.code === code).reduce((n, l) => n + l.units, 0);
  const over = new Set<string>();
  if (billed('97545') > ok.u97545) over.add('97545');
  if (billed('97546') > ok.u97546) over.add('97546');
  return over.size > 0 ? over : new Set(WORK_PROGRAM_CODES);
}

function concerns(
  kind: ConfirmedLines,
  line: EpisodeBillingLine,
  finding: Finding,
  overCodes: () => Set<string>,
): boolean {
  switch (kind) {
    case 'date':
      return true;
    case 'add-on':
      return line.code === '97546';
    case 'components':
      return !WORK_PROGRAM_CODES.has(line.code);
    case 'over-units':
      return overCodes().has(line.code);
    case 'named-codes':
      return new RegExp(`\\b${line.code}\\b`).test(finding.message);
  }
}

export function judgeDeniedLines(
  episode: EpisodeModel,
  findings: readonly Finding[],
  carc: string,
  lines: EpisodeBillingLine[],
  /** Every line billed in scope, for the units billed on a date. */
  scopeLines: EpisodeBillingLine[],
): JudgedLines {
  const rules = rulesConfirming(carc);
  const confirmed: ConfirmedLine[] = [];
  const argued: EpisodeBillingLine[] = [];
  const overByDate = new Map<IsoDate, Set<string>>();
  for (const line of lines) {
    const overCodes = () => {
      if (!overByDate.has(line.dos))
        overByDate.set(line.dos, overBilledCodes(episode, scopeLines, line.dos));
      return overByDate.get(line.dos)!;
    };
    let by: Finding | null = null;
    for (const { rule, lines: kind } of rules) {
      by =
        findings.find(
          (f) =>
            f.rule === rule &&
            stands(f) &&
            (f.dates.length === 0 || f.dates.includes(line.dos)) &&
            concerns(kind, line, f, overCodes),
        ) ?? null;
      if (by) break;
    }
    if (by) confirmed.push({ line, finding: by });
    else argued.push(line);
  }
  return { argued, confirmed };
}

/** `09/11/2026: 97546 x1`. */
export function lineWords(l: EpisodeBillingLine): string {
  return `${usDate(l.dos)}: ${l.code}${l.modifiers.length ? '-' + l.modifiers.join('-') : ''} x${l.units}`;
}

/** The review's findings behind the confirmed lines, each once, in its own words with its rule. */
export function confirmingFindingsText(confirmed: readonly ConfirmedLine[]): string {
  const seen = new Set<Finding>();
  const quoted: string[] = [];
  for (const { finding } of confirmed) {
    if (seen.has(finding)) continue;
    seen.add(finding);
    quoted.push(`${finding.message.trim().replace(/\.$/, '')} (${finding.rule})`);
  }
  return quoted.join('; ');
}

/**
 * The review's findings that confirm a denial (its CARC) on every line at issue of a claim (null:
 * the whole episode), in words; null when a line is left to argue or none is confirmed. The packet
 * builder then writes no argued appeal, and the deadline list says why.
 */
export function denialConfirmedBy(
  episode: EpisodeModel,
  findings: readonly Finding[],
  claimId: string | null,
  carc: string,
): string | null {
  const scope = scopeOfClaim(episode, claimId, carc);
  const judged = judgeDeniedLines(
    episode,
    findings,
    carc,
    scope.lines,
    scope.claim ? scope.claim.lines : episode.billing,
  );
  return judged.confirmed.length > 0 && judged.argued.length === 0
    ? confirmingFindingsText(judged.confirmed)
    : null;
}
