import type { EpisodeBillingLine, EpisodeModel } from '../../../../../shared/episode';
import type { Evidence, IsoDate } from '../../../../../shared/model';
import { evidenceFromFact } from '../../lib/evidence';
import { lineEvidence } from '../../lib/billing';
import { uniqueSorted } from '../../lib/documents';
import {
  assessProgramDates,
  hasVisitRecord,
  minutesOnDate,
  MIDPOINT_RULE_UNVERIFIED,
  timedLinesByDate,
  timedMinutesMissing,
  unitsFinding,
} from '../../lib/time';
import { programUnitsOwner, referral } from '../../lib/owners';
import type { Rule, RuleFinding } from '../../types';

/**
 * DOC-DAILY-TIME: every 97545/97546 date documents program minutes, and the billed units equal the
 * units the minutes support. The unit comparison is the same computation BILL-WC-TIME-UNITS uses
 * (lib/time.ts assessWcDate); where the payer applies that rule, units that the minutes do not
 * support are its finding and this one refers to it (lib/owners.ts): one defect, one finding.
 */
export const docDailyTime: Rule = {
  meta: {
    id: 'DOC-DAILY-TIME',
    title: 'Daily notes document minutes that support the billed units',
    group: 'documentation',
    source:
      'CPT time convention (midpoint rule); Medicare BPM Pub. 100-02 Ch. 15 §220.3.E (total timed-code minutes and total treatment time); Pub. 100-04 Ch. 5 §20.2',
    sources: [
      { text: 'CPT time convention (midpoint rule)' },
      {
        text: 'Medicare BPM Pub. 100-02 Ch. 15 §220.3.E (total timed-code minutes and total treatment time); Pub. 100-04 Ch. 5 §20.2',
        payers: ['medicare'],
      },
    ],
    severity: 'error',
    payers: ['ALL'],
    unverified: [...MIDPOINT_RULE_UNVERIFIED],
    decided: [
      "A session recorded only in the report written that day (the last program session in the discharge summary, with its own program minutes) is documented by that report: its minutes are the day's when no treatment note is dated that day. An evaluation's time is never program time (the evaluation is a service of its own).",
      "One defect, one finding: where the payer applies BILL-WC-TIME-UNITS, 97545/97546 units that the documented minutes do not support are that rule's finding (a billing defect); this rule reports minutes not documented and refers to it for the units.",
    ],
  },
  check(episode, profile) {
    const findings: RuleFinding[] = [];
    const referrals: RuleFinding[] = [];
    let owner: string | null;
    const passDates: string[] = [];
    const passEvidence: Evidence[] = [];
    for (const { date, assessment: a } of assessProgramDates(
      episode,
      profile.thresholds.timeRule,
    )) {
      // A date with no record at all is DOC-DAILY-PRESENT's finding (the missing note); this rule
      // judges the time the notes that exist document, so one defect is not reported twice.
      if (!hasVisitRecord(episode, date)) continue;
      if (a.verdict === 'no-minutes') {
        findings.push({
          status: 'fail',
          message: a.message,
          dates: [date],
          evidence: a.evidence.slice(),
        });
      } else if (
        (a.verdict === 'over' || a.verdict === 'under') &&
        (owner = programUnitsOwner(a, 'DOC-DAILY-TIME', profile))
      ) {
        // Units against minutes are BILL-WC-TIME-UNITS' finding where the payer applies it.
        referrals.push(referral(owner, [date], a.message, a.evidence.slice()));
      } else if (a.verdict === 'over' || a.verdict === 'under') {
        findings.push(unitsFinding(a));
      } else if (findings.length === 0) {
        // Passes count only while no date has failed: any failure replaces the pass finding.
        passDates.push(date);
        if (a.evidence.length > 0) passEvidence.push(a.evidence[0]!);
      }
    }

    // Medicare (and payers using BILL-TIMED-CODE-UNITS) also need total timed-code minutes on every
    // note that bills 15-minute codes; that rule is n/a for such a date and the defect lands here.
    if (profile.rules['BILL-TIMED-CODE-UNITS']?.applies) {
      for (const [date, timed] of timedLinesByDate(episode)) {
        if (!hasVisitRecord(episode, date)) continue;
        const missing = timedMinutesMissing(episode, date);
        const blank = !missing ? blankTimedCodes(episode, date, timed) : null;
        if (blank) {
          findings.push({
            status: 'fail',
            message: `${date}: ${blank.codes.join(', ')} billed, but the note leaves its minutes blank; minutes for a billed timed code are not documented.`,
            dates: [date],
            evidence: [
              ...blank.evidence,
              ...lineEvidence(timed.filter((l) => blank.codes.includes(l.code))),
            ],
          });
          continue;
        }
        if (!missing) {
          if (findings.length === 0) {
            passDates.push(date);
            const dm = minutesOnDate(episode, date);
            if (dm.timedEvidence.length > 0) passEvidence.push(dm.timedEvidence[0]!);
          }
          continue;
        }
        const codes = [...new Set(timed.map((l) => l.code))].join(', ');
        findings.push({
          status: 'fail',
          message: `${date}: 15-minute timed codes billed (${codes}) but no total timed-code minutes are documented.`,
          dates: [date],
          evidence: lineEvidence(timed),
        });
      }
    }

    if (findings.length === 0 && passDates.length > 0) {
      const dates = uniqueSorted(passDates);
      return [
        {
          status: 'pass',
          message: `Minutes documented and units supported on all ${dates.length} billed date(s) checked.`,
          dates,
          evidence: passEvidence,
        },
        ...referrals,
      ];
    }
    return byFirstDate(findings.concat(referrals));
  },
};

/**
 * Billed timed codes the date's notes mark furnished with a blank minutes cell and time nowhere
 * else (a ticked "Ultrasound (97035)" row with no minutes): their minutes are not documented,
 * whatever the note's total says.
 */
function blankTimedCodes(
  episode: EpisodeModel,
  date: IsoDate,
  timed: readonly EpisodeBillingLine[],
): { codes: string[]; evidence: Evidence[] } | null {
  const notes = minutesOnDate(episode, date).notes;
  const billed = new Set(timed.map((l) => l.code));
  const timedCodes = new Set<string>();
  for (const doc of notes)
    for (const f of doc.facts)
      if (f.kind === 'service-minutes' && f.detail?.code && (f.detail.minutes ?? 0) > 0)
        timedCodes.add(f.detail.code);
  const codes: string[] = [];
  const evidence: Evidence[] = [];
  for (const doc of notes)
    for (const f of doc.facts) {
      if (f.kind !== 'service-minutes-blank' || !billed.has(f.value) || timedCodes.has(f.value))
        continue;
      if (!codes.includes(f.value)) codes.push(f.value);
      evidence.push(evidenceFromFact(f));
    }
  return codes.length ? { codes, evidence } : null;
}

/**
 * Findings ordered by their date. The program dates come first, ascending, then the timed-code
 * dates: usually in order already, and then returned as they are without a sort.
 */
function byFirstDate(findings: RuleFinding[]): RuleFinding[] {
  for (let i = 1; i < findings.length; i++) {
    if (!(findings[i - 1]!.dates[0]! < findings[i]!.dates[0]!)) {
      return findings.sort((x, y) => (x.dates[0]! < y.dates[0]! ? -1 : 1));
    }
  }
  return findings;
}
