import type { IsoDate } from '../../../../../shared/model';
import { lineEvidence } from '../../lib/billing';
import {
  cmsTimedUnits,
  cptTimedUnits,
  hasVisitRecord,
  minutesByTimedCode,
  timedLinesByDate,
  timedPartsOnDate,
} from '../../lib/time';
import { ownerElsewhere, referral } from '../../lib/owners';
import type { Rule, RuleFinding } from '../../types';

/**
 * BILL-TIMED-CODE-UNITS: the CMS 8-minute rule for 15-minute timed codes (the only place that rule
 * is correct; never for 97545/97546). Dates whose notes give no timed minutes are n/a here and fail
 * DOC-DAILY-TIME instead (rules.md BILL-TIMED-CODE-UNITS, Inputs).
 */
export const billTimedCodeUnits: Rule = {
  meta: {
    id: 'BILL-TIMED-CODE-UNITS',
    title: '15-minute timed code units match total timed minutes (8-minute rule)',
    group: 'billing',
    source:
      'Medicare Claims Processing Manual Pub. 100-04 Ch. 5 §20.2 (timed codes, 15-minute units); CPT time convention for the per-code method',
    sources: [
      {
        text: 'Medicare Claims Processing Manual Pub. 100-04 Ch. 5 §20.2 (timed codes, 15-minute units)',
        payers: ['medicare'],
      },
      { text: 'CPT time convention for the per-code method' },
    ],
    severity: 'error',
    payers: ['MCR', 'COM', 'WC'],
    decided: [
      "Pelvic floor biofeedback 90912/90913 (CPT 2024: initial and each additional 15 minutes of one-on-one contact) count as 15-minute timed codes with the 97xxx timed codes: the catalog's list ends in '...', and the codes are billed in the same 15-minute units.",
      'Cognitive function intervention 97129/97130 (CPT 2020: the initial 15 minutes and each additional 15 minutes) count as 15-minute timed codes too.',
      "When two disciplines bill timed codes on one date (an SLP's 97129 beside an OT's 97530) and each wrote its own note that day, each discipline's units are checked against its own note's minutes: each treats under its own plan of care, and one therapist's minutes never support another's units.",
    ],
  },
  check(episode, profile) {
    const findings: RuleFinding[] = [];
    const okDates: IsoDate[] = [];
    const undocumented: IsoDate[] = [];
    const method = profile.thresholds.timedUnitMethod;
    for (const [date, all] of timedLinesByDate(episode))
      for (const { lines, dm } of timedPartsOnDate(episode, date, all)) {
        const billed = lines.reduce((a, l) => a + l.units, 0);
        const perCode = minutesByTimedCode(dm.notes);

        if (method === 'cpt') {
          if (!perCode) {
            if (dm.timedMinutes === null) {
              undocumented.push(date);
              continue;
            }
            findings.push({
              status: 'warn',
              message: `${date}: the payer counts each timed code on its own (CPT method) but the note gives only a total of ${dm.timedMinutes} timed minutes; units per code cannot be checked.`,
              dates: [date],
              evidence: [...dm.timedEvidence, ...lineEvidence(lines)],
            });
            continue;
          }
          const allowed = cptTimedUnits(perCode.minutes);
          const over = [...new Set(lines.map((l) => l.code))].filter((code) => {
            const b = lines.filter((l) => l.code === code).reduce((a, l) => a + l.units, 0);
            return b > (allowed[code] ?? 0);
          });
          if (over.length === 0) {
            okDates.push(date);
            continue;
          }
          const detail = over
            .map((code) => {
              const b = lines.filter((l) => l.code === code).reduce((a, l) => a + l.units, 0);
              return `${code} ${perCode.minutes[code] ?? 0} min supports ${allowed[code] ?? 0}, billed ${b}`;
            })
            .join('; ');
          findings.push({
            status: 'fail',
            message: `${date}: per-code timed minutes (CPT method): ${detail}.`,
            dates: [date],
            evidence: [...perCode.evidence, ...lineEvidence(lines)],
          });
          continue;
        }

        const total =
          dm.timedMinutes ??
          (perCode ? Object.values(perCode.minutes).reduce((a, b) => a + b, 0) : null);
        if (total === null) {
          undocumented.push(date);
          continue;
        }
        const allowed = cmsTimedUnits(total);
        if (billed <= allowed) {
          okDates.push(date);
          continue;
        }
        findings.push({
          status: 'fail',
          message: `${date}: ${total} timed minutes support ${allowed} units; billed ${billed}.`,
          dates: [date],
          evidence: [
            ...(dm.timedEvidence.length ? dm.timedEvidence : (perCode?.evidence ?? [])),
            ...lineEvidence(lines),
          ],
        });
      }

    // No timed minutes: the note without minutes (DOC-DAILY-TIME) or the missing note
    // (DOC-DAILY-PRESENT) is the defect, reported by its owner (lib/owners.ts).
    // A date whose disciplines were checked apart is listed once.
    const unchecked = [...new Set(undocumented)];
    const withRecord = unchecked.filter((d) => hasVisitRecord(episode, d));
    const withoutRecord = unchecked.filter((d) => !hasVisitRecord(episode, d));
    for (const [defect, dates] of [
      ['note-minutes', withRecord],
      ['missing-note', withoutRecord],
    ] as const) {
      if (dates.length === 0) continue;
      const what = `No timed minutes documented on ${dates.join(', ')}; units cannot be checked here.`;
      const owner = ownerElsewhere(defect, 'BILL-TIMED-CODE-UNITS', profile);
      findings.push(
        owner
          ? referral(owner, dates, what)
          : { status: 'n/a', message: what, dates, evidence: [] },
      );
    }
    if (findings.length === 0 && okDates.length > 0) {
      const dates = [...new Set(okDates)];
      return [
        {
          status: 'pass',
          message: `Timed-code units are supported by the documented minutes on all ${dates.length} date(s) (${method === 'cms' ? 'CMS 8-minute rule' : 'CPT per-code method'}).`,
          dates,
          evidence: [],
        },
      ];
    }
    return findings;
  },
};
