import type { EpisodeModel } from '../../../shared/episode';
import { LOW_OCR_CONFIDENCE, type Finding, type Severity } from '../../../shared/model';
import { consideredEpisode } from './lib/amendments';
import { withReviewMemo } from './lib/memo';
import { citationsFor } from './lib/sources';
import { ALL_RULES } from './rules';
import type { PayerProfile, Rule, RuleFinding } from './types';

/**
 * Runs every rule once over one episode. Every catalog rule appears in the result at least once
 * (status n/a where it does not apply) so a reader can tell "passed" from "never checked".
 */
export function reviewEpisode(
  episode: EpisodeModel,
  profile: PayerProfile,
  rules: readonly Rule[] = ALL_RULES,
): Finding[] {
  return withReviewMemo(() => runRules(episode, profile, rules));
}

// The report holds every finding of every episode, and one in seven is n/a with nothing to cite:
// those share one frozen empty list (nothing edits a finding once made).
const NONE: never[] = Object.freeze([]) as unknown as never[];
const NOTHING_TO_CHECK = 'Nothing in this episode for the rule to check.';
const notAppliedMessages = new Map<string, string>();

function notApplied(profile: PayerProfile): string {
  let message = notAppliedMessages.get(profile.label);
  if (message === undefined) {
    message = `Not applied under the ${profile.label} profile.`;
    notAppliedMessages.set(profile.label, message);
  }
  return message;
}

/** The rule that judges addenda and late entries; it alone reads the entries others may not. */
const LATE_ENTRY = 'DOC-LATE-ENTRY';

/**
 * A reviewer does not consider an addendum or late entry that breaks the recordkeeping principles
 * (PIM Ch. 3 §3.3.2.5), "even if such exclusion would lead to a claim denial": every rule but
 * DOC-LATE-ENTRY reads the episode without such entries (stand-alone, or appended to a note). Where leaving one out makes
 * a rule fail that would otherwise pass, the entry was what the claim leaned on, and its finding
 * is an error that names that rule.
 */
function runRules(episode: EpisodeModel, profile: PayerProfile, rules: readonly Rule[]): Finding[] {
  const considered = consideredEpisode(episode);
  if (!considered) return runRulesOn(episode, episode, profile, rules);
  const findings = runRulesOn(considered, episode, profile, rules);
  const failing = (list: Finding[]) =>
    new Set(list.filter((f) => f.status === 'fail' && f.rule !== LATE_ENTRY).map((f) => f.rule));
  const withEntries = failing(
    runRulesOn(
      episode,
      episode,
      profile,
      rules.filter((r) => r.meta.id !== LATE_ENTRY),
    ),
  );
  const leaned = [...failing(findings)].filter((rule) => !withEntries.has(rule));
  if (leaned.length === 0) return findings;
  return findings.map((f) =>
    f.rule === LATE_ENTRY && f.status === 'fail'
      ? {
          ...f,
          severity: 'error',
          message: `${f.message} Without it, ${leaned.join(', ')} fail${leaned.length === 1 ? 's' : ''}.`,
        }
      : f,
  );
}

function runRulesOn(
  considered: EpisodeModel,
  episode: EpisodeModel,
  profile: PayerProfile,
  rules: readonly Rule[],
): Finding[] {
  const findings: Finding[] = [];
  // Sources are cited for the profile's payer kind and the episode's workers' comp state.
  const cite = citationsFor({
    kind: profile.payerKind,
    state: profile.state ?? (episode.payer.kind === 'workers-comp' ? episode.payer.state : null),
  });
  for (const rule of rules) {
    const setting = profile.rules[rule.meta.id];
    const base = {
      rule: rule.meta.id,
      source: cite(rule.meta),
      group: rule.meta.group,
    };
    if (!setting || !setting.applies) {
      findings.push(notApplicable(base, notApplied(profile)));
      continue;
    }
    const results = rule.check(rule.meta.id === LATE_ENTRY ? episode : considered, profile);
    if (results.length === 0) {
      findings.push(notApplicable(base, NOTHING_TO_CHECK));
      continue;
    }
    for (const r of results) {
      const severity =
        r.status === 'n/a' ? 'info' : (r.severity ?? setting.severity ?? rule.meta.severity);
      findings.push(withRule(base, restsOnDoubtfulOcr(r) ? confirmOnPage(r) : r, severity));
    }
  }
  return findings;
}

/** Defined in shared/model.ts: the viewer marks the same words as doubtful. */
export { LOW_OCR_CONFIDENCE };

function restsOnDoubtfulOcr(r: RuleFinding): boolean {
  if (r.status !== 'fail') return false;
  for (const e of r.evidence) {
    if (e.source === 'ocr' && (e.confidence ?? 0) < LOW_OCR_CONFIDENCE) return true;
  }
  return false;
}

function confirmOnPage(r: RuleFinding): RuleFinding {
  return {
    ...r,
    status: 'warn',
    message: `${r.message} This rests on a scanned page read by OCR with low confidence: confirm on the page.`,
  };
}

function notApplicable(
  base: { rule: string; source: string; group: Finding['group'] },
  message: string,
): Finding {
  return {
    rule: base.rule,
    source: base.source,
    group: base.group,
    status: 'n/a',
    severity: 'info',
    message,
    dates: NONE,
    evidence: NONE,
  };
}

/**
 * The message as one flat string. Rules build messages with template literals, which V8 keeps as
 * a tree of string pieces until the text is read; the report holds ~590,000 of them on a large
 * store, and the garbage collector copied every piece. Reading a character makes V8 flatten the
 * tree into one string (half the memory, and the JSON writer would flatten it later anyway).
 */
function flattened(message: string): string {
  message.charCodeAt(0);
  return message;
}

/**
 * `{ ...base, ...r, severity }` written out: spreading the rules' many finding shapes made the
 * copy megamorphic, and it was the engine's hottest line. The key order is the spread's (it shows
 * in JSON output): `severity` keeps its place when the rule set one (rules write status, severity?,
 * message, dates, evidence), else it comes last.
 */
function withRule(
  base: { rule: string; source: string; group: Finding['group'] },
  r: RuleFinding,
  severity: Severity,
): Finding {
  const f: Finding =
    'severity' in r
      ? {
          rule: base.rule,
          source: base.source,
          group: base.group,
          status: r.status,
          severity,
          message: flattened(r.message),
          dates: r.dates,
          evidence: r.evidence,
        }
      : {
          rule: base.rule,
          source: base.source,
          group: base.group,
          status: r.status,
          message: flattened(r.message),
          dates: r.dates,
          evidence: r.evidence,
          severity,
        };
  // A referral to the rule that owns the defect (lib/owners.ts), kept after the contract's fields.
  if (r.refersTo) f.refersTo = r.refersTo;
  return f;
}
