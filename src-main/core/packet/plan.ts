/** The packet plan: scope, exhibits, arguments and gaps, before any page is laid out. */
import type { EpisodeDocument } from '../../../shared/episode';
import { composeArguments, type ArgumentParagraph } from './arguments';
import { scopeOfClaim, uniqueSorted, type ClaimScope } from './claim-scope';
import { confirmingFindingsText, judgeDeniedLines, lineWords } from './confirmed-lines';
import { appealDeadline } from './deadline';
import { templateForCarc, type DenialTemplate } from './denial-templates';
import { exhibitsFor, illegibleSignatureGaps, selectExhibitDocuments } from './exhibits';
import { missingSettings, SETTING_LABELS } from './settings-check';
import type { Finding } from '../../../shared/model';
import { dollars } from '../../../shared/money';
import { findingClause, gapDate } from './format';
import type { PacketInput, PacketPlan } from './types';

export interface DetailedPlan {
  plan: PacketPlan;
  template: DenialTemplate;
  exhibitDocs: EpisodeDocument[];
  paragraphs: ArgumentParagraph[];
}

export function planPacketDetailed(input: PacketInput): DetailedPlan {
  const { episode, denial, kind } = input;
  const { template, known } = templateForCarc(denial.carc);
  const claimScope = scopeOfClaim(episode, input.claimId, kind === 'adr' ? null : denial.carc);
  // An appeal argues only the lines the review does not confirm as the denial says; a records
  // response sends the whole record without argument.
  const judged =
    kind === 'appeal'
      ? judgeDeniedLines(
          episode,
          input.findings,
          denial.carc,
          claimScope.lines,
          claimScope.claim ? claimScope.claim.lines : episode.billing,
        )
      : { argued: claimScope.lines, confirmed: [] };
  const scope: ClaimScope = {
    ...claimScope,
    lines: judged.argued,
    dates: judged.argued.length ? uniqueSorted(judged.argued.map((l) => l.dos)) : claimScope.dates,
  };
  const exhibitDocs = selectExhibitDocuments(episode, {
    kind,
    claimId: input.claimId,
    datesAtIssue: scope.dates,
    exhibitOrder: input.exhibitOrder,
    exclude: input.exclude,
  });
  const gaps: string[] = [];
  const paid = input.paidByRemit;
  if (paid && kind === 'appeal') {
    gaps.push(
      `The remit${paid.date ? ` of ${gapDate(paid.date)}` : ''} shows claim ${input.claimId} paid (${dollars(paid.paid)} of ${dollars(paid.charge)} charged) with no denial. Send this appeal only if the payer denied the claim after paying it (a post-payment review or a recoupment notice), and name that notice in the letter; otherwise the letter contradicts the payer's own record.`,
    );
  }
  if (kind === 'adr') gaps.push(...recordsFindingGaps(input.findings, scope.dates));
  if (!known && kind === 'appeal') {
    gaps.push(
      `CARC ${denial.carc} is not in the denial template table; the letter uses the general medical-necessity argument.`,
    );
  }
  for (const c of judged.confirmed) {
    gaps.push(
      `Not argued and not asked to be paid: ${lineWords(c.line)}. The review confirms the denial there: ${confirmingFindingsText([c])}.`,
    );
  }
  let paragraphs: ArgumentParagraph[] = [];
  // An ADR response sends the record without argument (rules.md section 6).
  if (kind === 'appeal') {
    const composed = composeArguments({
      episode,
      template,
      findings: input.findings,
      exhibitDocs,
      datesAtIssue: scope.dates,
      linesAtIssue: scope.lines,
      scopeLines: scope.claim ? scope.claim.lines : episode.billing,
      quoted: new Set(judged.confirmed.map((c) => c.finding)),
    });
    paragraphs = composed.paragraphs;
    gaps.push(...composed.gaps);
    if (template.remedyNote) gaps.push(`Note: ${template.remedyNote}`);
  }
  if (exhibitDocs.length === 0) gaps.push('No documents are selected for the packet.');
  gaps.push(...illegibleSignatureGaps(exhibitDocs));
  const plan: PacketPlan = {
    kind,
    denial,
    denialMeaning: template.meaning,
    claimId: input.claimId,
    datesAtIssue: scope.dates,
    linesAtIssue: scope.lines,
    linesNotArgued: judged.confirmed.map((c) => c.line),
    exhibits: exhibitsFor(exhibitDocs),
    gaps,
    settingsMissing: missingSettings(input.settings, kind).map((k) => SETTING_LABELS[k]),
    deadline:
      kind === 'appeal' ? appealDeadline(episode.payer.kind, denial.remitDate, input.today) : null,
  };
  return { plan, template, exhibitDocs, paragraphs };
}

export function planPacket(input: PacketInput): PacketPlan {
  return planPacketDetailed(input).plan;
}

/**
 * A records response argues nothing, but the reviewer reads the same records: the errors the
 * review found on the dates sent (or on the whole episode) are listed before it goes out.
 */
function recordsFindingGaps(findings: readonly Finding[], dates: readonly string[]): string[] {
  const sent = new Set(dates);
  return findings
    .filter(
      (f) =>
        f.status === 'fail' &&
        f.severity === 'error' &&
        f.decision?.as !== 'not-a-defect' &&
        (f.dates.length === 0 || sent.size === 0 || f.dates.some((d) => sent.has(d))),
    )
    .map(
      (f) =>
        `The review found in these records: ${findingClause(f)} (${f.rule}). The payer's reviewer reads the same records.`,
    );
}
