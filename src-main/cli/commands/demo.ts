import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ClinicSettings } from '../../../shared/settings';
import { deniedClaims } from '../../core/api/denials';
import { PacketRequestError } from '../../core/api/packets';
import { runReview, todayIso, writeReviewExport } from '../../core/api/review';
import { saveSettings } from '../../core/api/settings';
import { importPathsParallel } from '../../core/import/worker-pool';
import { csvChunks, formatText, jsonChunks } from '../../core/review/format';
import { EMPTY_SETTINGS } from '../../../shared/settings';
import { openDatabase } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION } from '../args';
import { progressBar } from '../progress';
import { packageRoot } from '../root';
import { describeResult, summaryLine } from './import';
import { writePacket } from './packet';

export const DEMO_HELP = `Usage: chartready demo [--out DIR] [--as-of YYYY-MM-DD] [--passphrase-env VAR]

Imports the bundled sample chart (assets/sample-chart) into a fresh database in DIR (default
./chartready-demo), prints the documents found per patient and the rejected files, prints the
review, writes review.json and review.csv, and writes one appeal packet PDF per denied claim that
has appeal rights.
With --passphrase-env VAR the demo database is encrypted with the passphrase in VAR.`;

export async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    out: { type: 'string' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(DEMO_HELP);
    return 0;
  }
  const outDir = resolve(values.out ?? 'chartready-demo');
  const asOf = isoDateOption(values['as-of'], '--as-of') ?? todayIso();
  mkdirSync(outDir, { recursive: true });
  const dbPath = join(outDir, 'chartready.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const ROOT = packageRoot();
  const sample = join(ROOT, 'assets', 'sample-chart');
  if (!existsSync(sample)) throw new Error(`sample chart not found at ${sample}`);

  const db = openDatabase(dbPath, { key: passphraseFromEnv(values['passphrase-env']) });
  try {
    const clinic = JSON.parse(
      readFileSync(join(ROOT, 'assets', 'demo-clinic.json'), 'utf8'),
    ) as Partial<ClinicSettings>;
    saveSettings(db, { ...EMPTY_SETTINGS, ...clinic });

    console.log(`== Import: ${sample}`);
    const bar = progressBar(0);
    const summary = await importPathsParallel(db, [sample], { onProgress: (p) => bar.update(p) });
    bar.done();
    for (const f of summary.files) console.log(describeResult(f));
    console.log(summaryLine(summary));

    const { models, ...report } = runReview(db, { asOf });
    console.log('\n== Documents found per patient');
    for (const m of models) {
      const byType = new Map<string, number>();
      for (const d of m.documents) byType.set(d.type, (byType.get(d.type) ?? 0) + 1);
      const list = [...byType.entries()].map(([t, n]) => `${n} ${t}`).join(', ');
      console.log(
        `${m.patient.name} (${m.payer.name}, ${m.start} to ${m.end}, episode ${m.id}):\n  ${list || 'no documents'}`,
      );
    }
    const rejected = summary.files.filter((f) => f.status === 'rejected');
    console.log(`\nRejected files: ${rejected.length === 0 ? 'none' : ''}`);
    for (const f of rejected) console.log(`  ${describeResult(f).replace(/^rejected\s+/, '')}`);

    console.log('\n== Review');
    console.log(formatText(report, { color: process.stdout.isTTY === true }));
    writeReviewExport(db, join(outDir, 'review.json'), 'json', jsonChunks(report));
    writeReviewExport(db, join(outDir, 'review.csv'), 'csv', csvChunks(report));

    console.log('== Packets (one per denied claim)');
    const written: string[] = [];
    for (const m of models) {
      for (const denial of deniedClaims(m)) {
        const out = join(outDir, `packet-${denial.claimId.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`);
        try {
          const lines = await writePacket(db, { claim: denial.claimId, kind: 'appeal', out, asOf });
          lines.forEach((l) => console.log(l));
          written.push(out);
        } catch (err) {
          // A claim with no appeal rights (returned as unprocessable) gets no appeal letter.
          if (!(err instanceof PacketRequestError)) throw err;
          console.log(`${denial.claimId}: no appeal packet. ${err.message}`);
        }
      }
    }
    if (written.length === 0) console.log('no denied claims in the imported remits');
    console.log(
      `\nDatabase: ${dbPath}\nReview:   ${join(outDir, 'review.json')}, ${join(outDir, 'review.csv')}`,
    );
    for (const p of written) console.log(`Packet:   ${p}`);
    return 0;
  } finally {
    db.close();
  }
}
