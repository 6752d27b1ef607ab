import type { EpisodeBillingLine, EpisodeModel } from '../../../../../shared/episode';
import type { Discipline } from '../../../../../shared/model';
import {
  chartProgram,
  hasModifier,
  linesByDate,
  lineEvidence,
  PROGRAM_CODES,
  THERAPY_MODIFIER_DISCIPLINE,
} from '../../lib/billing';
import { authorKind, treatmentDaysView } from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

/** The assistant's modifier that goes with each discipline's therapy modifier (CMS CQ/CO). */
const ASSISTANT_MODIFIER: Readonly<Record<string, string>> = { GP: 'CQ', GO: 'CO' };

/**
 * Days whose treatment notes were all written by an assistant (PTA, COTA): the assistant
 * furnished the visit, so its lines carry CQ/CO (an assistant signing by initials is identified
 * through the clinic's signature log, which gives the note its credentials).
 */
function assistantDays(episode: EpisodeModel): Set<string> {
  const days = new Set<string>();
  for (const day of treatmentDaysView(episode)) {
    const notes = day.docs.filter((d) => d.type === 'daily-note');
    if (notes.length > 0 && notes.every((d) => authorKind(d) === 'assistant')) days.add(day.date);
  }
  return days;
}

/** Physical medicine/rehab (97xxx) and SLP treatment codes that need a therapy modifier on Medicare claims. */
export function isTherapyCode(code: string): boolean {
  return /^97\d{3}$/.test(code) || code === 'G0283' || /^925(07|08|2[1-6])$/.test(code);
}

const PLAN_TYPES = new Set(['plan-of-care', 'certification', 'evaluation', 're-evaluation']);

/**
 * BILL-THERAPY-MODIFIER. Medicare: every therapy line carries GP/GO/GN matching the plan's
 * discipline, and CQ/CO pair with their discipline (Pub. 100-04 Ch. 5 §20; CMS CQ/CO page).
 * Texas WC: 97545/97546 carry the program modifier WC or WH (28 TAC §134.230).
 */
export const billTherapyModifier: Rule = {
  meta: {
    id: 'BILL-THERAPY-MODIFIER',
    title: 'Therapy (GP/GO/GN) or program (WC/WH) modifiers present',
    group: 'billing',
    source:
      'Medicare Claims Processing Manual Pub. 100-04 Ch. 5 §20 (therapy modifiers); CMS CQ/CO billing examples; 28 TAC §134.230 (WC/WH program modifiers, CA for CARF)',
    sources: [
      {
        text: 'Medicare Claims Processing Manual Pub. 100-04 Ch. 5 §20 (therapy modifiers); CMS CQ/CO billing examples',
        payers: ['medicare'],
      },
      { text: '28 TAC §134.230 (WC/WH program modifiers, CA for CARF)', states: ['TX'] },
    ],
    severity: 'error',
    payers: ['MCR', 'WC'],
    unverified: [
      'Texas work hardening modifier text "WH"',
      '97545/97546 on the CMS always-therapy list (best value: yes)',
    ],
  },
  check(episode, profile) {
    const { therapyModifiersRequired, programModifiersRequired } = profile.thresholds;
    if (!therapyModifiersRequired && !programModifiersRequired) return [];
    const planDisciplines = new Set<Discipline>(
      episode.documents
        .filter((d) => PLAN_TYPES.has(d.type) && d.discipline)
        .map((d) => d.discipline as Discipline),
    );
    const program = chartProgram(episode);
    const byAssistant = therapyModifiersRequired ? assistantDays(episode) : new Set<string>();
    const findings: RuleFinding[] = [];
    const okDates: string[] = [];
    let checked = false;

    for (const [date, lines] of linesByDate(episode.billing)) {
      const problems: string[] = [];
      const bad: EpisodeBillingLine[] = [];
      if (therapyModifiersRequired) {
        for (const line of lines.filter((l) => isTherapyCode(l.code))) {
          checked = true;
          const mods = line.modifiers.map((m) => m.toUpperCase());
          const declared = mods.filter((m) => m in THERAPY_MODIFIER_DISCIPLINE);
          if (declared.length === 0) {
            problems.push(`${line.code} lacks GP/GO/GN`);
            bad.push(line);
            continue;
          }
          const disc = declared.map((m) => THERAPY_MODIFIER_DISCIPLINE[m]!);
          if (planDisciplines.size > 0 && !disc.some((d) => planDisciplines.has(d))) {
            problems.push(
              `${line.code}-${declared.join('-')} does not match the ${[...planDisciplines].join('/')} plan of care`,
            );
            bad.push(line);
          }
          // A visit an assistant furnished carries CQ (PTA, with GP) or CO (OTA, with GO).
          const owed = declared.map((m) => ASSISTANT_MODIFIER[m]).find((m) => m !== undefined);
          if (byAssistant.has(date) && owed && !mods.includes('CQ') && !mods.includes('CO')) {
            problems.push(
              `${line.code}-${declared.join('-')} lacks ${owed} although an assistant furnished the visit`,
            );
            bad.push(line);
          }
          // CQ marks a PTA (with GP), CO an OTA (with GO).
          if (
            (mods.includes('CQ') && !mods.includes('GP')) ||
            (mods.includes('CO') && !mods.includes('GO'))
          ) {
            problems.push(`${line.code} pairs CQ/CO with the wrong therapy modifier`);
            bad.push(line);
          }
        }
      }
      if (programModifiersRequired) {
        for (const line of lines.filter((l) => PROGRAM_CODES.has(l.code))) {
          checked = true;
          if (!hasModifier(line, ['WC', 'WH'])) {
            problems.push(`${line.code} lacks the WC/WH program modifier`);
            bad.push(line);
          } else if (
            (program === 'work-hardening' && !hasModifier(line, ['WH'])) ||
            (program === 'work-conditioning' && !hasModifier(line, ['WC']))
          ) {
            problems.push(
              `${line.code} modifier does not match the documented ${program.replace('-', ' ')} program`,
            );
            bad.push(line);
          }
        }
      }
      if (problems.length === 0) {
        if (lines.some((l) => isTherapyCode(l.code))) okDates.push(date);
        continue;
      }
      findings.push({
        status: 'fail',
        message: `${date}: ${problems.join('; ')}.`,
        dates: [date],
        evidence: lineEvidence([...new Set(bad)]),
      });
    }
    if (findings.length > 0) return findings;
    if (!checked) return [];
    return [
      {
        status: 'pass',
        message: `Required ${therapyModifiersRequired ? 'therapy' : 'program'} modifiers present on all ${okDates.length} date(s).`,
        dates: okDates,
        evidence: [],
      },
    ];
  },
};
