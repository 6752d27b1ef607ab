import type { EpisodeBillingLine } from '../../../../../shared/episode';
import type { Discipline, IsoDate } from '../../../../../shared/model';
import {
  authCovers,
  authorizations,
  billedHours,
  datesWith,
  hasModifier,
  linesByDate,
  lineEvidence,
  PROGRAM_CODES,
  type Authorization,
} from '../../lib/billing';
import { EVALUATION_CODES, TIMED_15_MIN_CODES, UNTIMED_CODES } from '../../../domain/codes';
import { disciplineOfLine } from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

interface Usage {
  visits: number;
  hours: number;
}

/**
 * What a date uses of an authorization. A work program counts a visit per date with 97545 and
 * hours as 97545 x 2 + 97546 x 1; other therapy under a visits authorization (a commercial or
 * Medicare Advantage plan's utilization manager) counts each treatment date as a visit.
 */
interface Counting {
  codes: ReadonlySet<string>;
  visitOf: (lines: readonly EpisodeBillingLine[]) => number;
  hoursOf: (lines: readonly EpisodeBillingLine[]) => number;
  unit: string;
}

const PROGRAM: Counting = {
  codes: PROGRAM_CODES,
  visitOf: (lines) => (lines.some((l) => l.code === '97545') ? 1 : 0),
  hoursOf: billedHours,
  unit: 'program date',
};

/** Treatment codes a visit bills; an evaluation alone is no treatment visit (rules.md). */
const TREATMENT_CODES: ReadonlySet<string> = new Set(
  [...TIMED_15_MIN_CODES, ...UNTIMED_CODES].filter(
    (c) => !EVALUATION_CODES.has(c) && !PROGRAM_CODES.has(c),
  ),
);

const VISITS: Counting = {
  codes: TREATMENT_CODES,
  visitOf: () => 1,
  hoursOf: () => 0,
  unit: 'visit date',
};

/** Whether the date's lines still fit in the authorization's visits and hours. */
function hasRoom(
  a: Authorization,
  u: Usage,
  lines: readonly EpisodeBillingLine[],
  counting: Counting,
): boolean {
  return (
    (a.visits === null || u.visits + counting.visitOf(lines) <= a.visits) &&
    (a.hours === null || u.hours + counting.hoursOf(lines) <= a.hours)
  );
}

function describe(a: Authorization, u: Usage): string {
  // In words ("9 visits billed, 8 approved"), not as a fraction a reader must decode.
  const visits = `${u.visits} visit${u.visits === 1 ? '' : 's'} billed${a.visits === null ? '' : `, ${a.visits} approved`}`;
  const hours = `${u.hours} hour${u.hours === 1 ? '' : 's'} billed${a.hours === null ? '' : `, ${a.hours} approved`}`;
  const range =
    a.start || a.end
      ? `approved ${a.start ?? '(start not read)'} to ${a.end ?? '(end not read)'}`
      : 'no approved dates read';
  return `${visits}; ${hours}; ${range}`;
}

/**
 * AUTH-WITHIN-LIMITS: each program date against the authorization covering it. Visits = dates
 * with 97545; hours = 97545 x 2 + 97546 x 1 (Texas bills hours this way). Evaluation and FCE
 * days bill neither code, so they never count against the program (rules.md AUTH-WITHIN-LIMITS).
 */
export const authWithinLimits: Rule = {
  meta: {
    id: 'AUTH-WITHIN-LIMITS',
    title: 'Program dates, visits and hours within the authorization',
    group: 'authorization',
    source:
      'Payer authorization letter (data-driven); Texas DWC decisions expressing approvals in hours and visits; 28 TAC §134.230 hour units',
    sources: [
      { text: 'Payer authorization letter (data-driven)' },
      {
        text: 'Texas DWC decisions expressing approvals in hours and visits; 28 TAC §134.230 hour units',
        states: ['TX'],
      },
    ],
    severity: 'error',
    payers: ['WC', 'COM'],
    decided: [
      "A utilization review letter whose only decision is a denial (non-certification) is no authorization: the visits it quotes are the request's or an earlier approval's, so dates past the last approval stay outside any authorization. A letter that modifies a request, or certifies one service and denies another, still grants what it certifies.",
      "An authorization with no letter on file, listed as a row of the practice system's case authorizations (its number, start and end dates and approved visits, as a state fund's therapy window verified by phone is entered), is an authorization on file; a row repeating the number of a letter on file is that letter's, read from the letter.",
      'A letter that approves each discipline on its own line ("Line 1 - Occupational Therapy: Approved. 8 visits, ..."; "Line 2 - Speech Therapy: ...") is one authorization per discipline: a date\'s visits of each discipline count against that discipline\'s approval, so an OT and a speech visit on one day are one visit under each, not two under one.',
    ],
  },
  check(episode) {
    const programDates = datesWith(episode, PROGRAM_CODES);
    const auths = authorizations(episode);
    // Outside a work program the visits an authorization on file approves are checked too (not
    // under Original Medicare, which authorizes nothing).
    const counting =
      programDates.length > 0 || episode.payer.kind === 'medicare' || auths.length === 0
        ? PROGRAM
        : VISITS;
    const dates = counting === PROGRAM ? programDates : datesWith(episode, TREATMENT_CODES);
    if (dates.length === 0) return [];
    if (auths.length === 0) {
      return [
        {
          status: 'n/a',
          message: 'No authorization on file to compare against (see AUTH-PRESENT).',
          dates: [],
          evidence: [],
        },
      ];
    }
    const usage = new Map<Authorization, Usage>(auths.map((a) => [a, { visits: 0, hours: 0 }]));
    const byDate = linesByDate(episode.billing);
    const findings: RuleFinding[] = [];
    // A set: with approvals per discipline, one date may pass under two of them.
    const okDates = new Set<IsoDate>();
    /** Dates under an authorization whose approved visits and hours could not be read. */
    const unreadable = new Map<Authorization, IsoDate[]>();

    // Approvals given per discipline count each discipline's own visits: an OT and a speech
    // visit on one day are one visit under each.
    const perDiscipline = auths.some((a) => a.discipline);
    const visitsOf = (date: IsoDate) => {
      const lines = (byDate.get(date) ?? []).filter((l) => counting.codes.has(l.code));
      if (!perDiscipline) return [{ lines, discipline: null }];
      const groups = new Map<Discipline | null, EpisodeBillingLine[]>();
      for (const l of lines) {
        const d = disciplineOfLine(l);
        groups.set(d, [...(groups.get(d) ?? []), l]);
      }
      return [...groups].map(([discipline, ls]) => ({ lines: ls, discipline }));
    };
    for (const date of dates)
      for (const { lines, discipline } of visitsOf(date)) {
        // An extension or a concurrent review adds to what came before: a date counts against the
        // first covering authorization that still has room, else the last one covering it.
        const covering = auths.filter(
          (a) =>
            authCovers(a, date) && (!a.discipline || !discipline || a.discipline === discipline),
        );
        const auth =
          covering.find((a) => hasRoom(a, usage.get(a)!, lines, counting)) ?? covering.at(-1);
        if (!auth) {
          const ranges = auths.map(
            (a) =>
              `${a.number ?? '(no number)'}${a.discipline ? ` ${a.discipline}` : ''} ${a.start ?? '?'}-${a.end ?? '?'}`,
          );
          findings.push({
            status: 'fail',
            message: `DOS ${date}${discipline && perDiscipline ? ` (${discipline})` : ''} is outside every authorization range (${ranges.join('; ')}).`,
            dates: [date],
            evidence: [...lineEvidence(lines), ...auths.flatMap((a) => a.evidence)],
          });
          continue;
        }
        const u = usage.get(auth)!;
        u.visits += counting.visitOf(lines);
        u.hours += counting.hoursOf(lines);
        if (auth.visits === null && auth.hours === null) {
          const list = unreadable.get(auth);
          if (list) list.push(date);
          else unreadable.set(auth, [date]);
        }
        const problems: string[] = [];
        if (auth.visits !== null && u.visits > auth.visits) problems.push('visits');
        if (auth.hours !== null && u.hours > auth.hours) problems.push('hours');
        // Texas distinguishes the programs by modifier: WC = work conditioning, WH = work hardening.
        const wrongService =
          (auth.program === 'work-conditioning' && lines.some((l) => hasModifier(l, ['WH']))) ||
          (auth.program === 'work-hardening' && lines.some((l) => hasModifier(l, ['WC'])));
        if (wrongService) problems.push('service');
        if (problems.length === 0) {
          okDates.add(date);
          continue;
        }
        const service = wrongService
          ? ` Billed program does not match the approved service (${auth.service}).`
          : '';
        findings.push({
          status: 'fail',
          message: `DOS ${date} exceeds authorization ${auth.number ?? '(no number)'}${auth.discipline ? ` (${auth.discipline})` : ''}: ${describe(auth, u)}.${service}`,
          dates: [date],
          evidence: [...lineEvidence(lines), ...auth.evidence],
        });
      }
    // Limits that could not be read are not limits met: say so instead of passing.
    for (const [auth, unsure] of unreadable) {
      const where = auth.evidence[0];
      // The record may well be within its limits: a reading gap is a warning to look, never an
      // error counted against readiness.
      findings.push({
        status: 'warn',
        severity: 'warning',
        message: `Could not confirm ${unsure.length} ${counting.unit}(s) against authorization ${auth.number ?? '(no number)'}: no approved visits or hours could be read in it (${where ? `${where.file} p.${where.page}` : auth.doc.file}); under it: ${describe(auth, usage.get(auth)!)}.`,
        dates: unsure,
        evidence: auth.evidence,
      });
    }
    if (findings.length > 0) return findings;
    const summary = auths
      .filter((a) => usage.get(a)!.visits + usage.get(a)!.hours > 0)
      .map(
        (a) =>
          `${a.number ?? '(no number)'}${a.discipline ? ` (${a.discipline})` : ''}: ${describe(a, usage.get(a)!)}`,
      )
      .join('; ');
    return [
      {
        status: 'pass',
        message: `All ${okDates.size} ${counting.unit}(s) within authorization (${summary}).`,
        dates: [...okDates],
        evidence: auths.flatMap((a) => a.evidence),
      },
    ];
  },
};
