import type { PayerSummary } from '../../../shared/api';
import { parsePayerAssignment, payerSummaries } from '../../core/api/payers';
import { todayIso } from '../../core/api/review';
import { buildEpisodeChunks } from '../../core/episodes';
import { openDatabase } from '../../core/store/db';
import { parsePayerDeadlines, setPayerDeadlines } from '../../core/deadlines/payer-deadlines';
import { clearPayerKind, setPayerKind } from '../../core/store/payer-list';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const PAYERS_HELP = `Usage: chartready payers --db FILE [--set "NAME=kind[,state]"]... [--json]
                        [--deadlines "NAME=appeal:DAYS[,request:DAYS]" --source TEXT]
                        [--as-of YYYY-MM-DD] [--passphrase-env VAR]

Lists every payer name the charts and billing show, with the kind the record decided (835 claim
filing indicator, the ledger's financial class or FHIR coverage type, coverage signs in the
chart, the name), the evidence, and your own choice. --set records your choice for a payer: kind
is medicare, workers-comp, commercial or other (Medicaid, auto, ...), with the workers' comp
state after a comma ("Texas Mutual=workers-comp,TX"); kind auto removes your choice so the record
decides again. Your choice outweighs every signal in the record, applies to every patient with
that payer on the next review, and is recorded in the audit log. --deadlines records the payer's own
appeal and records-request windows in days from the notice's date, with --source saying where you
read them (the provider contract, the carrier's letter); "chartready deadlines" then uses them
instead of the UNVERIFIED workers' comp and commercial defaults (Medicare's are regulation and
stay as they are).`;

export async function payersCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    set: { type: 'string', multiple: true },
    deadlines: { type: 'string', multiple: true },
    source: { type: 'string' },
    json: { type: 'boolean' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(PAYERS_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  // Every --set is checked before any is recorded: a typo in the third leaves the list as it was.
  const changes = (values.set ?? []).map((text) => {
    try {
      return parsePayerAssignment(text);
    } catch (err) {
      throw new UsageError(`--set ${(err as Error).message}`);
    }
  });
  const windows = (values.deadlines ?? []).map((text) => {
    try {
      return parsePayerDeadlines(text);
    } catch (err) {
      throw new UsageError(`--deadlines ${(err as Error).message}`);
    }
  });
  if (windows.length && !values.source?.trim())
    throw new UsageError('--deadlines needs --source TEXT: where the values come from');
  const asOf = isoDateOption(values['as-of'], '--as-of') ?? todayIso();
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    for (const c of changes) {
      if (c.kind === null) {
        if (!clearPayerKind(db, c.name)) console.error(`note: "${c.name}" had no choice to remove`);
      } else setPayerKind(db, c.name, c.kind, c.state ?? null);
    }
    for (const w of windows) setPayerDeadlines(db, w.name, { ...w, source: values.source! });
    const rows = payerSummaries(db, (decisions) => {
      for (const _chunk of buildEpisodeChunks(db, {
        asOf,
        onPayerDecision: decisions.onPayerDecision,
      }));
    });
    console.log(values.json ? JSON.stringify(rows, null, 2) : formatPayers(rows));
    return 0;
  } finally {
    db.close();
  }
}

const KIND_TEXT: Record<string, string> = {
  medicare: 'medicare',
  'workers-comp': 'workers-comp',
  commercial: 'commercial',
  other: 'other',
  unknown: 'UNKNOWN',
};

/** One block per payer: name, decided kind (and state), patients, your choice, the evidence. */
export function formatPayers(rows: PayerSummary[]): string {
  if (rows.length === 0) return 'No payers in this database yet.';
  const out: string[] = [];
  for (const p of rows) {
    const state = p.state ? `, ${p.state}` : '';
    const listed = p.listed
      ? `  [your choice: ${p.listed.kind}${p.listed.state ? `, ${p.listed.state}` : ''}]`
      : '';
    out.push(`${p.name}: ${KIND_TEXT[p.kind]}${state} (${p.patients} patient(s))${listed}`);
    if (p.spellings?.length) out.push(`  also written: ${p.spellings.join('; ')}`);
    for (const b of p.basis) out.push(`  - ${b}`);
  }
  const unknown = rows.filter((p) => p.kind === 'unknown').length;
  if (unknown > 0) {
    out.push(
      '',
      `${unknown} payer(s) of unknown kind are reviewed with the commercial profile; set their kind with --set "NAME=kind".`,
    );
  }
  return out.join('\n');
}
