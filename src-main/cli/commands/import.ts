import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { UnassignedDocument } from '../../../shared/api';
import { unassignedDocuments } from '../../core/episodes';
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
the database knows are listed at the end as unassigned (assign them in the app or with "chartready
assign"). --passphrase-env VAR opens (or creates) an encrypted database with the passphrase held
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
    const unassigned = unassignedDocuments(db);
    if (values.json) console.log(JSON.stringify({ ...summary, unassigned }, null, 2));
    else {
      for (const f of summary.files) console.log(describeResult(f));
      console.log(summaryLine(summary));
      if (unassigned.length > 0) {
        console.log(
          `${unassigned.length} document(s) name no patient the database knows; they are in no episode until assigned (chartready assign):`,
        );
        for (const d of unassigned) console.log(describeUnassigned(d));
      }
    }
    return summary.rejected > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}
