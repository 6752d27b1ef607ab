/**
 * Builds the typed episode model from the store, once per review: patients matched across files,
 * one episode per patient and payer kind (split at long gaps), documents, billing lines and
 * remits attached. Rules and packets work on this model and never query SQL.
 */
import { createHash } from 'node:crypto';
import type {
  EpisodeBillingLine,
  EpisodeClaim,
  EpisodeDocument,
  EpisodeModel,
} from '../../../shared/episode';
import type {
  DocType,
  Fact,
  FactKind,
  IsoDate,
  PayerKind,
  RemitClaim,
} from '../../../shared/model';
import type { Db } from '../store/db';
import { clusterName, matchPatients, type IdentityInput } from './identity';
import { payerKind, payerState } from './payers';

export interface BuildOptions {
  /** "Today" for the review: decides whether an episode without discharge has ended. */
  asOf: IsoDate;
  /** Days without activity after which an episode counts as ended (catalog: 30). */
  inactivityDays?: number;
  /** A gap longer than this between visits starts a new episode (catalog heuristic: 60). */
  newEpisodeGapDays?: number;
}

/** Document types that mark care days: they bound an episode (evaluation to discharge). */
const CARE_TYPES = new Set<DocType>([
  'evaluation',
  're-evaluation',
  'daily-note',
  'progress-report',
  'discharge-summary',
]);

interface DocRow {
  id: number;
  type: DocType;
  title: string;
  date: string | null;
  page_start: number;
  page_end: number;
  discipline: EpisodeDocument['discipline'];
  patient_name: string | null;
  patient_dob: string | null;
  patient_mrn: string | null;
  payer: string | null;
  path: string;
}

interface LineRow {
  id: number;
  source: EpisodeBillingLine['source'];
  line: number;
  patient_name: string | null;
  mrn: string | null;
  dob: string | null;
  dos: string;
  code: string;
  modifiers: string;
  units: number;
  charge: number | null;
  payer: string | null;
  claim_id: string | null;
  provider: string | null;
  path: string;
}

interface RemitRow {
  claim_id: string;
  data: string;
  payment_date: string | null;
  path: string;
  payer_name: string | null;
}

type Item =
  | { kind: 'doc'; date: string | null; payer: string | null; doc: EpisodeDocument }
  | { kind: 'line'; date: string; payer: string | null; line: EpisodeBillingLine };

export function buildEpisodes(db: Db, opts: BuildOptions): EpisodeModel[] {
  const inactivity = opts.inactivityDays ?? 30;
  const gapDays = opts.newEpisodeGapDays ?? 60;

  const docs = db
    .prepare(
      `SELECT d.id, d.type, d.title, d.date, d.page_start, d.page_end, d.discipline, d.patient_name,
              d.patient_dob, d.patient_mrn, d.payer, f.path
         FROM documents d JOIN files f ON f.id = d.file_id
        ORDER BY d.id`,
    )
    .all() as DocRow[];
  // Facts are the bulk of the store: read them as raw arrays (no per-row objects, no join) and
  // take the cited file from the document, which is the same file.
  const pathOfDoc = new Map(docs.map((d) => [d.id, d.path]));
  const factsByDoc = new Map<number, Fact[]>();
  const factRows = db
    .prepare(
      'SELECT document_id, kind, value, page, span_start, span_end, quote FROM facts ORDER BY id',
    )
    .raw()
    .iterate() as Iterable<[number, FactKind, string, number, number, number, string]>;
  let lastDoc = -1;
  let list: Fact[] = [];
  for (const [docId, kind, value, page, start, end, quote] of factRows) {
    if (docId !== lastDoc) {
      lastDoc = docId;
      list = factsByDoc.get(docId) ?? [];
      factsByDoc.set(docId, list);
    }
    list.push({
      kind,
      value,
      provenance: { file: pathOfDoc.get(docId) ?? '', page, start, end, quote },
    });
  }
  const lines = db
    .prepare(
      `SELECT b.id, b.source, b.line, b.patient_name, b.mrn, b.dob, b.dos, b.code, b.modifiers, b.units,
              b.charge, b.payer, b.claim_id, b.provider, f.path
         FROM billing_lines b JOIN files f ON f.id = b.file_id
        ORDER BY b.dos, b.id`,
    )
    .all() as LineRow[];
  const remits = db
    .prepare(
      `SELECT r.claim_id, r.data, r.payment_date, r.payer_name, f.path
         FROM remit_claims r JOIN files f ON f.id = r.file_id ORDER BY r.id`,
    )
    .all() as RemitRow[];

  // Remit claims by claim id; the latest non-reversal adjudication wins.
  const remitByClaim = new Map<
    string,
    { claim: RemitClaim; file: string; paymentDate: string | null }
  >();
  for (const r of remits) {
    const claim = JSON.parse(r.data) as RemitClaim;
    if (claim.status === '22') continue;
    remitByClaim.set(r.claim_id, { claim, file: r.path, paymentDate: r.payment_date });
  }

  // Claims billed in a ledger or FHIR Claim: remit service lines for them are adjudication only.
  const billedClaims = new Set(lines.map((l) => l.claim_id).filter((c): c is string => !!c));
  const remitOnlyLines: LineRow[] = [];
  for (const [claimId, { claim, file }] of remitByClaim) {
    if (billedClaims.has(claimId)) continue;
    for (const s of claim.services) {
      const dos = s.dos ?? claim.periodStart;
      if (!dos) continue;
      remitOnlyLines.push({
        id: -1,
        source: 'remit',
        line: s.segment,
        patient_name: claim.patientName,
        mrn: null,
        dob: null,
        dos,
        code: s.code,
        modifiers: s.modifiers.join(' '),
        units: s.units,
        charge: s.charge,
        payer: claim.payerName,
        claim_id: claimId,
        provider: null,
        path: file,
      });
    }
  }
  const allLines = [...lines, ...remitOnlyLines];

  const identities: IdentityInput[] = [
    ...docs.map((d) => ({ name: d.patient_name, dob: d.patient_dob, mrn: d.patient_mrn })),
    ...allLines.map((l) => ({ name: l.patient_name, dob: l.dob, mrn: l.mrn })),
  ];
  const { patientOf, patients } = matchPatients(identities);
  assignByFolder(
    docs.map((d) => d.path),
    patientOf,
  );

  const itemsByPatient = new Map<number, Item[]>();
  const push = (p: number, item: Item) => {
    if (p < 0) return;
    let list = itemsByPatient.get(p);
    if (!list) itemsByPatient.set(p, (list = []));
    list.push(item);
  };
  docs.forEach((d, i) => {
    const doc: EpisodeDocument = {
      id: d.id,
      type: d.type,
      title: d.title,
      date: d.date,
      file: d.path,
      pageStart: d.page_start,
      pageEnd: d.page_end,
      discipline: d.discipline,
      facts: factsByDoc.get(d.id) ?? [],
    };
    push(patientOf[i]!, { kind: 'doc', date: d.date, payer: d.payer, doc });
  });
  allLines.forEach((l, i) => {
    const mods = l.modifiers ? l.modifiers.split(' ').filter(Boolean) : [];
    const line: EpisodeBillingLine = {
      source: l.source,
      line: l.line,
      patientName: l.patient_name,
      mrn: l.mrn,
      dob: l.dob,
      dos: l.dos,
      code: l.code,
      modifiers: mods,
      units: l.units,
      charge: l.charge,
      payer: l.payer,
      claimId: l.claim_id,
      provider: l.provider,
      file: l.path,
      quote: lineQuote(l.source, l.line, l.dos, l.code, mods, l.units, l.claim_id),
    };
    push(patientOf[docs.length + i]!, { kind: 'line', date: l.dos, payer: l.payer, line });
  });

  const episodes: EpisodeModel[] = [];
  for (const [p, items] of itemsByPatient) {
    const cluster = patients[p]!;
    const patient = {
      id: p + 1,
      name: clusterName(cluster),
      mrn: [...cluster.mrns][0] ?? null,
      dob: [...cluster.dobs][0] ?? null,
    };
    const patientKey =
      patient.mrn ?? `${[...cluster.keys][0] ?? patient.name}|${patient.dob ?? ''}`;
    for (const group of splitByPayer(items)) {
      for (const part of splitByGap(group.items, gapDays)) {
        episodes.push(
          assemble(part, group.kind, patient, patientKey, remitByClaim, opts.asOf, inactivity),
        );
      }
    }
  }
  episodes.sort(
    (a, b) => a.patient.name.localeCompare(b.patient.name) || a.start.localeCompare(b.start),
  );
  return episodes;
}

/**
 * Documents with no patient identity of their own (a job description, an authorization letter
 * that names only the claim) belong to the patient whose notes fill the same folder: exports are
 * commonly one folder per patient. Only a clear majority assigns; otherwise the document stays
 * unmatched rather than guessed.
 */
export function assignByFolder(paths: string[], patientOf: number[]): void {
  const folderOf = (p: string) => {
    const base = p.split('#')[0]!;
    const i = base.lastIndexOf('/');
    return i < 0 ? '' : base.slice(0, i);
  };
  const votes = new Map<string, Map<number, number>>();
  paths.forEach((p, i) => {
    const who = patientOf[i]!;
    if (who < 0) return;
    const folder = folderOf(p);
    let m = votes.get(folder);
    if (!m) votes.set(folder, (m = new Map()));
    m.set(who, (m.get(who) ?? 0) + 1);
  });
  paths.forEach((p, i) => {
    if (patientOf[i]! >= 0) return;
    const folder = folderOf(p);
    // The import root itself mixes patients: never assign by it.
    if (folder === '') return;
    const m = votes.get(folder);
    if (!m) return;
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    const [best, n] = [...m.entries()].sort((a, b) => b[1] - a[1])[0]!;
    if (n / total > 0.8) patientOf[i] = best;
  });
}

function lineQuote(
  source: string,
  line: number,
  dos: string,
  code: string,
  mods: string[],
  units: number,
  claim: string | null,
): string {
  const where =
    source === 'remit' ? `segment ${line}` : source === 'fhir' ? `item ${line}` : `line ${line}`;
  return `${where}: ${dos} ${code}${mods.length ? '-' + mods.join('-') : ''} x${units}${claim ? ` (claim ${claim})` : ''}`;
}

/** Partition a patient's items by payer kind; items without a payer go to the covering partition. */
function splitByPayer(items: Item[]): Array<{ kind: PayerKind; name: string; items: Item[] }> {
  const groups = new Map<PayerKind, { names: Map<string, number>; items: Item[] }>();
  const unassigned: Item[] = [];
  for (const it of items) {
    if (!it.payer) {
      unassigned.push(it);
      continue;
    }
    const kind = payerKind(it.payer);
    let g = groups.get(kind);
    if (!g) groups.set(kind, (g = { names: new Map(), items: [] }));
    g.names.set(it.payer, (g.names.get(it.payer) ?? 0) + 1);
    g.items.push(it);
  }
  if (groups.size === 0) groups.set('other', { names: new Map(), items: [] });
  const list = [...groups.entries()];
  for (const it of unassigned) {
    let best = list[0]!;
    if (it.date && list.length > 1) {
      const covering = list.find(([, g]) => {
        const dates = g.items
          .map((x) => x.date)
          .filter((d): d is string => !!d)
          .sort();
        return (
          dates.length > 0 &&
          it.date! >= addDays(dates[0]!, -60) &&
          it.date! <= addDays(dates[dates.length - 1]!, 60)
        );
      });
      if (covering) best = covering;
    } else if (list.length > 1) {
      best = list.reduce((a, b) => (b[1].items.length > a[1].items.length ? b : a));
    }
    best[1].items.push(it);
  }
  return list.map(([kind, g]) => ({
    kind,
    name: [...g.names.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'Unknown payer',
    items: g.items,
  }));
}

/** A long gap between care days starts a new episode; supporting documents join the nearest one. */
function splitByGap(items: Item[], gapDays: number): Item[][] {
  const careDates = [
    ...new Set(
      items
        .filter((i) => i.date && (i.kind === 'line' || CARE_TYPES.has(i.doc.type)))
        .map((i) => i.date!),
    ),
  ].sort();
  if (careDates.length < 2) return [items];
  const starts = [careDates[0]!];
  for (let i = 1; i < careDates.length; i++) {
    if (daysBetween(careDates[i - 1]!, careDates[i]!) > gapDays) starts.push(careDates[i]!);
  }
  if (starts.length === 1) return [items];
  const parts: Item[][] = starts.map(() => []);
  for (const it of items) {
    // Undated items, and items before the next part's start (minus the gap), stay with the earlier part.
    let idx = 0;
    if (it.date) {
      for (let s = starts.length - 1; s > 0; s--) {
        if (it.date >= addDays(starts[s]!, -gapDays / 2)) {
          idx = s;
          break;
        }
      }
    }
    parts[idx]!.push(it);
  }
  return parts.filter((p) => p.length > 0);
}

function assemble(
  items: Item[],
  kind: PayerKind,
  patient: EpisodeModel['patient'],
  patientKey: string,
  remitByClaim: Map<string, { claim: RemitClaim; file: string; paymentDate: string | null }>,
  asOf: IsoDate,
  inactivity: number,
): EpisodeModel {
  const documents = items
    .filter((i): i is Extract<Item, { kind: 'doc' }> => i.kind === 'doc')
    .map((i) => i.doc)
    .sort(
      (a, b) =>
        (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
        a.file.localeCompare(b.file) ||
        a.pageStart - b.pageStart,
    );
  const billing = items
    .filter((i): i is Extract<Item, { kind: 'line' }> => i.kind === 'line')
    .map((i) => i.line)
    .sort((a, b) => a.dos.localeCompare(b.dos) || a.file.localeCompare(b.file) || a.line - b.line);

  const careDates = [
    ...documents.filter((d) => d.date && CARE_TYPES.has(d.type)).map((d) => d.date!),
    ...billing.map((l) => l.dos),
  ].sort();
  const anyDates = documents
    .map((d) => d.date)
    .filter((d): d is string => !!d)
    .sort();
  const start = careDates[0] ?? anyDates[0] ?? asOf;
  const end = careDates[careDates.length - 1] ?? anyDates[anyDates.length - 1] ?? start;
  const discharged = documents.some((d) => d.type === 'discharge-summary');
  const ended = discharged || daysBetween(end, asOf) > inactivity;

  const payerNames = new Map<string, number>();
  for (const i of items) if (i.payer) payerNames.set(i.payer, (payerNames.get(i.payer) ?? 0) + 1);
  const payerName =
    [...payerNames.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'Unknown payer';

  const claimIds = [...new Set(billing.map((l) => l.claimId).filter((c): c is string => !!c))];
  const claims: EpisodeClaim[] = claimIds.map((claimId) => {
    const remit = remitByClaim.get(claimId);
    return {
      claimId,
      remit: remit?.claim ?? null,
      remitFile: remit?.file ?? null,
      remitDate: remit?.paymentDate ?? null,
      lines: billing.filter((l) => l.claimId === claimId),
    };
  });

  const id =
    'ep-' +
    createHash('sha256').update(`${patientKey}|${kind}|${start}`).digest('hex').slice(0, 10);
  return {
    id,
    patient,
    payer: { name: payerName, kind, state: payerState(payerName) },
    start,
    end,
    ended,
    asOf,
    documents,
    billing,
    claims,
  };
}

export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
