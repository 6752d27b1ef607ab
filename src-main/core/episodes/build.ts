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
import { addDays, daysBetween } from '../../../shared/dates';
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
  const { episodes, docById } = planEpisodes(db, opts);
  // Facts are the bulk of the store: read them in one pass as raw arrays (no per-row objects,
  // no join) and take the cited file from the document, which is the same file.
  attachFacts(
    db
      .prepare(
        'SELECT document_id, kind, value, page, span_start, span_end, quote FROM facts ORDER BY id',
      )
      .raw()
      .iterate() as Iterable<FactRow>,
    docById,
  );
  return episodes;
}

/**
 * The same episodes as `buildEpisodes`, in the same order, in chunks of about `chunkDocs`
 * documents whose facts are loaded only when the chunk is reached: memory stays bounded by the
 * chunk (plus the fact-less skeleton of the model) when the caller drops each chunk after use.
 */
export function* buildEpisodeChunks(
  db: Db,
  opts: BuildOptions,
  chunkDocs = 500,
): Generator<EpisodeModel[]> {
  const planned: Array<EpisodeModel | null> = planEpisodes(db, opts).episodes;
  const stmt = db
    .prepare(
      `SELECT document_id, kind, value, page, span_start, span_end, quote FROM facts
        WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY document_id, id`,
    )
    .raw();
  let i = 0;
  while (i < planned.length) {
    const chunk: EpisodeModel[] = [];
    const docById = new Map<number, EpisodeDocument>();
    while (i < planned.length && (chunk.length === 0 || docById.size < chunkDocs)) {
      // Fresh episode and document objects: the planned ones are old by now, and facts hung on
      // old objects would survive young-generation collections and fill the old generation.
      const planEp = planned[i]!;
      planned[i++] = null;
      const documents = planEp.documents.map((d) => ({ ...d, facts: [] as Fact[] }));
      chunk.push({ ...planEp, documents });
      for (const d of documents) docById.set(d.id, d);
    }
    const ids = [...docById.keys()].sort((a, b) => a - b);
    attachFacts(stmt.iterate(JSON.stringify(ids)) as Iterable<FactRow>, docById);
    yield chunk;
  }
}

type FactRow = [number, FactKind, string, number, number, number, string];

/** Fills `facts` of the given documents from rows grouped by document, in fact id order. */
function attachFacts(rows: Iterable<FactRow>, docById: Map<number, EpisodeDocument>): void {
  // One copy of each kind string (a dozen kinds over millions of facts).
  const kinds = new Map<FactKind, FactKind>();
  let lastDoc = -1;
  let list: Fact[] | null = null;
  let file = '';
  for (const [docId, kind, value, page, start, end, quote] of rows) {
    if (docId !== lastDoc) {
      lastDoc = docId;
      const doc = docById.get(docId);
      list = doc ? doc.facts : null;
      file = doc ? doc.file : '';
    }
    if (!list) continue;
    let k = kinds.get(kind);
    if (k === undefined) kinds.set(kind, (k = kind));
    list.push({ kind: k, value, provenance: { file, page, start, end, quote } });
  }
}

function planEpisodes(
  db: Db,
  opts: BuildOptions,
): { episodes: EpisodeModel[]; docById: Map<number, EpisodeDocument> } {
  const inactivity = opts.inactivityDays ?? 30;
  const gapDays = opts.newEpisodeGapDays ?? 60;

  // Rows come as raw arrays (better-sqlite3 builds row objects slowly) and file paths from one
  // small map instead of a join that repeats the path string on every row.
  const pathOf = new Map(
    (db.prepare('SELECT id, path FROM files').raw().all() as Array<[number, string]>).map(
      ([id, path]) => [id, path],
    ),
  );
  // Names, payers, codes and dates repeat on thousands of rows: keep one copy of each string.
  const pool = new Map<string, string>();
  const intern = <T extends string | null>(v: T): T => {
    if (v === null) return v;
    const known = pool.get(v);
    if (known !== undefined) return known as T;
    pool.set(v, v);
    return v;
  };
  const docs: DocRow[] = [];
  for (const r of db
    .prepare(
      `SELECT id, type, title, date, page_start, page_end, discipline, patient_name, patient_dob,
              patient_mrn, payer, file_id
         FROM documents ORDER BY id`,
    )
    .raw()
    .iterate() as Iterable<unknown[]>) {
    if (!pathOf.has(r[11] as number)) continue;
    docs.push({
      id: r[0] as number,
      type: intern(r[1] as DocType),
      title: r[2] as string,
      date: intern(r[3] as string | null),
      page_start: r[4] as number,
      page_end: r[5] as number,
      discipline: intern(r[6] as EpisodeDocument['discipline']),
      patient_name: intern(r[7] as string | null),
      patient_dob: intern(r[8] as string | null),
      patient_mrn: intern(r[9] as string | null),
      payer: intern(r[10] as string | null),
      path: pathOf.get(r[11] as number)!,
    });
  }
  const lines: EpisodeBillingLine[] = [];
  for (const r of db
    .prepare(
      `SELECT source, line, patient_name, mrn, dob, dos, code, modifiers, units, charge, payer,
              claim_id, provider, file_id
         FROM billing_lines ORDER BY dos, id`,
    )
    .raw()
    .iterate() as Iterable<unknown[]>) {
    const path = pathOf.get(r[13] as number);
    if (path === undefined) continue;
    lines.push(
      billingLine(
        intern(r[0] as EpisodeBillingLine['source']),
        r[1] as number,
        intern(r[2] as string | null),
        intern(r[3] as string | null),
        intern(r[4] as string | null),
        intern(r[5] as string),
        intern(r[6] as string),
        intern(r[7] as string),
        r[8] as number,
        r[9] as number | null,
        intern(r[10] as string | null),
        r[11] as string | null,
        intern(r[12] as string | null),
        path,
      ),
    );
  }
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
  const billedClaims = new Set(lines.map((l) => l.claimId).filter((c): c is string => !!c));
  const allLines = lines;
  for (const [claimId, { claim, file }] of remitByClaim) {
    if (billedClaims.has(claimId)) continue;
    for (const s of claim.services) {
      const dos = s.dos ?? claim.periodStart;
      if (!dos) continue;
      allLines.push(
        billingLine(
          'remit',
          s.segment,
          claim.patientName,
          null,
          null,
          dos,
          s.code,
          s.modifiers.join(' '),
          s.units,
          s.charge,
          claim.payerName,
          claimId,
          null,
          file,
        ),
      );
    }
  }

  const identities: IdentityInput[] = [
    ...docs.map((d) => ({ name: d.patient_name, dob: d.patient_dob, mrn: d.patient_mrn })),
    ...allLines.map((l) => ({ name: l.patientName, dob: l.dob, mrn: l.mrn })),
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
  const docById = new Map<number, EpisodeDocument>();
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
      facts: [],
    };
    docById.set(d.id, doc);
    push(patientOf[i]!, { kind: 'doc', date: d.date, payer: d.payer, doc });
  });
  allLines.forEach((line, i) => {
    push(patientOf[docs.length + i]!, { kind: 'line', date: line.dos, payer: line.payer, line });
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
  return { episodes, docById };
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

function billingLine(
  source: EpisodeBillingLine['source'],
  lineNo: number,
  patientName: string | null,
  mrn: string | null,
  dob: string | null,
  dos: string,
  code: string,
  modifiers: string,
  units: number,
  charge: number | null,
  payer: string | null,
  claimId: string | null,
  provider: string | null,
  file: string,
): EpisodeBillingLine {
  const mods = modifiers ? modifiers.split(' ').filter(Boolean) : [];
  return {
    source,
    line: lineNo,
    patientName,
    mrn,
    dob,
    dos,
    code,
    modifiers: mods,
    units,
    charge,
    payer,
    claimId,
    provider,
    file,
    quote: lineQuote(source, lineNo, dos, code, mods, units, claimId),
  };
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
  // join() builds one flat string; a template literal leaves a rope of a dozen cons-string nodes,
  // and there is one quote per billing line for the whole review.
  return [
    where,
    ': ',
    dos,
    ' ',
    code,
    mods.length ? '-' + mods.join('-') : '',
    ' x',
    String(units),
    claim ? ` (claim ${claim})` : '',
  ].join('');
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

  // Lines per claim in billing order; claims in order of their first line.
  const linesByClaim = new Map<string, EpisodeBillingLine[]>();
  for (const l of billing) {
    if (!l.claimId) continue;
    const list = linesByClaim.get(l.claimId);
    if (list) list.push(l);
    else linesByClaim.set(l.claimId, [l]);
  }
  const claims: EpisodeClaim[] = [...linesByClaim].map(([claimId, lines]) => {
    const remit = remitByClaim.get(claimId);
    return {
      claimId,
      remit: remit?.claim ?? null,
      remitFile: remit?.file ?? null,
      remitDate: remit?.paymentDate ?? null,
      lines,
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
