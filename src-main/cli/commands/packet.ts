import { writeFileSync } from 'node:fs';
import type { PacketPlanView } from '../../../shared/api';
import { buildPacketForEpisode } from '../../core/api/packets';
import { runReview, todayIso } from '../../core/api/review';
import { openDatabase, type Db } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const PACKET_HELP = `Usage: chartready packet --db FILE (--episode ID | --claim ID) [--denial CODE]
                        [--kind appeal|adr] [--as-of YYYY-MM-DD] [--passphrase-env VAR] --out FILE.pdf

Builds the appeal packet (or, with --kind adr, the records response: a Medicare ADR response or a
records-request response, the records with no argument) for one episode or claim. --denial takes
a CARC such as 50, CO-50, 97, 197; without it the denial comes from imported 835 remits. With no
denial on file and none given there is nothing to appeal: the command refuses and names the
records response (--kind adr) instead. It also refuses a claim returned as unprocessable (CO-4
with MA130: correct and resubmit it) and a denial the review itself confirms. Prints the exhibit
list with page ranges and the gaps the letter does not claim.`;

export function describePlan(plan: PacketPlanView, pageCount: number): string[] {
  const out: string[] = [];
  const d = plan.denial;
  const what = `${plan.kind === 'adr' ? 'Records response' : 'Appeal'}${plan.claimId ? ` for claim ${plan.claimId}` : ''}`;
  // A records response answers the payer's request for the records, not a denial.
  out.push(
    d
      ? `${what}: ${d.group ? `${d.group}-` : ''}${d.carc} ${d.meaning} (${d.source === 'remit' ? 'from the 835' : d.source === 'user' ? 'as given' : 'default: no denial on file'})`
      : `${what}: the record, no argument`,
  );
  for (const e of plan.exhibits) {
    const pages =
      e.firstPage === e.lastPage ? `p. ${e.firstPage}` : `pp. ${e.firstPage}-${e.lastPage}`;
    out.push(
      `  Exhibit ${e.letter.padEnd(2)} ${pages.padEnd(12)} ${e.title}${e.date ? ` (${e.date})` : ''}`,
    );
  }
  out.push(`  ${pageCount} pages in all`);
  if (plan.deadline)
    out.push(
      `  Appeal deadline ${plan.deadline.date} (${plan.deadline.daysLeft} days left; ${plan.deadline.basis})`,
    );
  for (const g of plan.gaps) out.push(`  gap: ${g}`);
  for (const s of plan.settingsMissing) out.push(`  missing setting: ${s}`);
  return out;
}

export interface PacketArgs {
  episode?: string;
  claim?: string;
  denial?: string;
  kind: 'appeal' | 'adr';
  out: string;
  asOf?: string;
}

export async function writePacket(db: Db, args: PacketArgs): Promise<string[]> {
  const report = runReview(db, { asOf: args.asOf, audit: false });
  const idx = report.episodes.findIndex((e) =>
    args.episode ? e.id === args.episode : e.claims.includes(args.claim ?? ''),
  );
  if (idx < 0) {
    throw new UsageError(
      args.episode
        ? `no episode with id ${args.episode} (see chartready review)`
        : `no episode has claim ${args.claim}`,
    );
  }
  const built = await buildPacketForEpisode(
    db,
    report.models[idx]!,
    report.episodes[idx]!.findings,
    {
      episodeId: report.episodes[idx]!.id,
      claimId: args.claim ?? null,
      denial: args.denial ?? null,
      kind: args.kind,
    },
    args.asOf ?? todayIso(),
    args.out,
  );
  writeFileSync(args.out, built.pdf);
  return [`wrote ${args.out}`, ...describePlan(built.plan, built.pageCount)];
}

export async function packetCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    episode: { type: 'string' },
    claim: { type: 'string' },
    denial: { type: 'string' },
    kind: { type: 'string' },
    out: { type: 'string' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(PACKET_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const out = requireString(values.out, '--out FILE.pdf');
  if (!values.episode === !values.claim)
    throw new UsageError('give exactly one of --episode ID or --claim ID');
  const kind = values.kind ?? 'appeal';
  if (kind !== 'appeal' && kind !== 'adr') throw new UsageError('--kind must be appeal or adr');
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    const lines = await writePacket(db, {
      episode: values.episode,
      claim: values.claim,
      denial: values.denial,
      kind,
      out,
      asOf: isoDateOption(values['as-of'], '--as-of'),
    });
    lines.forEach((l) => console.log(l));
    return 0;
  } finally {
    db.close();
  }
}
