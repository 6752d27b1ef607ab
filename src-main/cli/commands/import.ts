import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { UnassignedBilling, UnassignedDocument } from '../../../shared/api';
import { resolvePatients, unassignedBilling, unassignedDocuments } from '../../core/episodes';
import type { FileResult, ImportSummary } from '../../core/import/pipeline';
import { importPathsParallel } from '../../core/import/worker-pool';
import { openDatabase } from '../../core/store/db';
import { parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { progressBar } from '../progress';
import { UsageError } from '../usage';
import { importAdvice } from '../../../shared/import-advice';

export const IMPORT_HELP = `Usage: chartready import <path>... --db FILE [--json] [--passphrase-env VAR]

Imports folders (recursively), .zip files and single files into the database (created if missing).
Prints per file: imported, skipped (already imported: same content hash) or rejected with the
reason (file, line or page). Exit 0 if every file was imported or skipped, 1 if any was rejected
(the others still land), 2 on usage errors. A note whose patient, type, date and text equal one
already imported (a re-export) is skipped as "duplicate of FILE". Documents that name no patient
the database knows are listed at the end as unassigned, and so are billing rows that give only a
name several patients share (assign them in the app or with "chartready assign"). --passphrase-env VAR opens (or creates) an encrypted database with the passphrase held
in environment variable VAR.`;

/** Rough file count for the progress bar (a zip counts once; its entries extend the total). */
function countFiles(paths: string[]): number {
  let n = 0;
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      n++;
      return;
    }
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else n++;
  };
  paths.forEach(walk);
  return n;
}

export function describeResult(f: FileResult): string {
  if (f.status === 'rejected') {
    const where = f.line ? `line ${f.line}: ` : f.page ? `page ${f.page}: ` : '';
    const reason = f.reason ?? 'rejected';
    // Readers already prefix "line N:" in most reasons; avoid saying it twice.
    const advice = importAdvice(f.code, f.ocr);
    return `rejected  ${f.path}: ${reason.startsWith('line ') || reason.startsWith('page ') || reason.startsWith('segment ') ? '' : where}${reason}${advice ? `\n          what to do: ${advice}` : ''}`;
  }
  if (f.status === 'skipped') return `skipped   ${f.path} (${f.reason ?? 'already imported'})`;
  const parts: string[] = [];
  if (f.documents) parts.push(`${f.documents} document${f.documents === 1 ? '' : 's'}`);
  if (f.billingLines)
    parts.push(`${f.billingLines} billing line${f.billingLines === 1 ? '' : 's'}`);
  if (f.claims) parts.push(`${f.claims} claim${f.claims === 1 ? '' : 's'}`);
  const warn = f.warnings?.length ? `; warning: ${f.warnings.join('; ')}` : '';
  return `imported  ${f.path}${parts.length ? ` (${parts.join(', ')})` : ''}${warn}`;
}

/** "unassigned #12 auth/fax.pdf p.1 (authorization, 2026-09-04): claim X (no patient carries it)". */
export function describeUnassigned(d: UnassignedDocument): string {
  const pages = d.pageStart === d.pageEnd ? `p.${d.pageStart}` : `pp.${d.pageStart}-${d.pageEnd}`;
  return `unassigned #${d.documentId} ${d.file} ${pages} (${d.type}, ${d.date ?? 'undated'}): ${d.clues.join('; ')}`;
}

/**
 * "held billing #1 ledger.csv "MARSH, DANIEL": 2 ledger line(s), 2026-09-03 to 2026-09-10 (97110,
 * 97161); could be A-100 (Marsh, Daniel, DOB 1961-04-02) or B-200 (...)".
 */
export function describeHeldBilling(g: UnassignedBilling, n: number): string {
  const rows =
    g.source === 'ledger'
      ? `${g.lineIds.length} ledger line(s)`
      : `${g.claims.length} remit claim(s) ${g.claims.join(', ')}`;
  const dates = g.from ? `, ${g.from === g.to ? g.from : `${g.from} to ${g.to}`}` : '';
  const could = g.candidates
    .map((p) => `${p.key} (${[p.name, p.dob ? `DOB ${p.dob}` : null].filter(Boolean).join(', ')})`)
    .join(' or ');
  return `held billing #${n} ${g.file} "${g.name}": ${rows}${dates} (${g.codes.join(', ')}); could be ${could}`;
}

/** What import and review say about rows that wait for the user to name their patient. */
export function printUnplaced(docs: UnassignedDocument[], billing: UnassignedBilling[]): void {
  if (docs.length > 0) {
    console.log(
      `${docs.length} document(s) name no patient the database knows, or only a name several patients share; they are in no episode until assigned (chartready assign):`,
    );
    for (const d of docs) console.log(describeUnassigned(d));
  }
  if (billing.length > 0) {
    console.log(
      `${billing.length} billing group(s) give only a name several patients share; they are in no episode until assigned (chartready assign --billing N --patient KEY):`,
    );
    billing.forEach((g, i) => console.log(describeHeldBilling(g, i + 1)));
  }
}

export function summaryLine(s: ImportSummary): string {
  return `${s.files.length} file(s): ${s.imported} imported, ${s.skipped} skipped, ${s.rejected} rejected`;
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { db: { type: 'string' }, json: { type: 'boolean' }, ...PASSPHRASE_OPTION },
    true,
  );
  if (values.help) {
    console.log(IMPORT_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  if (positionals.length === 0)
    throw new UsageError('give at least one folder, .zip or file to import');
  const db = openDatabase(dbPath, { key: passphraseFromEnv(values['passphrase-env']) });
  try {
    const bar = values.json ? null : progressBar(countFiles(positionals));
    const summary = await importPathsParallel(db, positionals, {
      onProgress: (p) => bar?.update(p),
    });
    bar?.done();
    const resolution = resolvePatients(db);
    const unassigned = unassignedDocuments(db, resolution);
    const unassignedBillingRows = unassignedBilling(db, resolution);
    if (values.json)
      console.log(
        JSON.stringify(
          { ...summary, unassigned, unassignedBilling: unassignedBillingRows },
          null,
          2,
        ),
      );
    else {
      for (const f of summary.files) console.log(describeResult(f));
      console.log(summaryLine(summary));
      printUnplaced(unassigned, unassignedBillingRows);
    }
    return summary.rejected > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}
