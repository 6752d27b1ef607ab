import type { Finding } from '../../../shared/model';
import type { ReviewedEpisode } from '../../../shared/review';
import { resolvedDecisions } from '../../core/api/decisions';
import { reviewStore } from '../../core/api/review';
import { readStoredEpisodes } from '../../core/api/stored-review';
import { localStamp } from '../../../shared/dates';
import { decisionLine } from '../../../shared/decisions';
import { openDatabase } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const FINDINGS_HELP = `Usage: chartready findings --db FILE [--open | --decided | --new] [--clinician NAME]
                          [--json] [--as-of YYYY-MM-DD] [--passphrase-env VAR]

Brings the review up to date and lists its fail and warn findings, errors first, each with its
stable id, episode, patient, rule, dates, status and decision. --open: findings without a
decision (reopened ones included); --decided: findings with a decision, then decisions whose
finding a later review no longer reports (resolved); --new: findings first reported by this
review. --clinician NAME: findings of episodes NAME rendered (the billing's rendering provider
or a signer of the visit notes; part of the name, any case). Record a decision with "chartready decide".`;

export interface ListedFinding {
  id: string;
  episode: string;
  patient: string;
  rule: string;
  status: Finding['status'];
  severity: Finding['severity'];
  dates: string[];
  message: string;
  decision: Finding['decision'];
  new: boolean;
  reopened?: Finding['reopened'];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export async function findingsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    open: { type: 'boolean' },
    decided: { type: 'boolean' },
    new: { type: 'boolean' },
    clinician: { type: 'string' },
    json: { type: 'boolean' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(FINDINGS_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  if ([values.open, values.decided, values.new].filter(Boolean).length > 1)
    throw new UsageError('give at most one of --open, --decided and --new');
  const clinician = values.clinician?.trim().toLowerCase() ?? null;
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    const report = reviewStore(db, { asOf: isoDateOption(values['as-of'], '--as-of') });
    // Who rendered each episode's care, for --clinician (names only, never note text).
    const signers = new Map(
      clinician ? readStoredEpisodes(db).map((e) => [e.id, e.summary.clinicians ?? []]) : [],
    );
    const keep = (f: Finding): boolean =>
      values.open
        ? !f.decision
        : values.decided
          ? !!f.decision
          : values.new
            ? f.new === true
            : true;
    const listed: ListedFinding[] = [];
    for (const ep of report.episodes) {
      if (clinician && !(signers.get(ep.id) ?? []).some((s) => s.toLowerCase().includes(clinician)))
        continue;
      for (const f of ep.findings) if (f.id && keep(f)) listed.push(toListed(ep, f));
    }
    listed.sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.patient.localeCompare(b.patient) ||
        (a.dates[0] ?? '').localeCompare(b.dates[0] ?? '') ||
        a.rule.localeCompare(b.rule),
    );
    const resolved = values.decided ? resolvedDecisions(db) : [];
    if (values.json) {
      console.log(JSON.stringify({ findings: listed, resolved }, null, 2));
      return 0;
    }
    for (const f of listed) {
      const dates = f.dates.length
        ? ` ${f.dates[0]}${f.dates.length > 1 ? ` (+${f.dates.length - 1})` : ''}`
        : '';
      const mark = f.new ? ' [new]' : '';
      console.log(
        `${f.id}  ${f.severity.toUpperCase()} ${f.status}  ${f.rule}${dates}  ${f.patient}${mark}`,
      );
      console.log(`    ${f.message}`);
      const decided = decisionLine(f);
      if (decided) console.log(`    ${decided}`);
    }
    for (const r of resolved)
      console.log(
        `${r.findingId}  resolved ${localStamp(r.resolvedAt, false)}  ${r.rule}  ${r.decision.as}: ${r.decision.reason}`,
      );
    console.log(
      `${listed.length} finding(s)${values.decided ? `, ${resolved.length} resolved decision(s)` : ''}`,
    );
    return 0;
  } finally {
    db.close();
  }
}

function toListed(ep: ReviewedEpisode, f: Finding): ListedFinding {
  const out: ListedFinding = {
    id: f.id!,
    episode: ep.id,
    patient: ep.patient.name,
    rule: f.rule,
    status: f.status,
    severity: f.severity,
    dates: f.dates,
    message: f.message,
    decision: f.decision ?? null,
    new: f.new === true,
  };
  if (f.reopened) out.reopened = f.reopened;
  return out;
}
