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
import type { DocType, FactKind, IsoDate, PayerKind } from '../../../shared/model';
import type { Db } from '../store/db';
import { addDays, daysBetween } from '../../../shared/dates';
import { decodeFacts } from '../store/fact-codec';
import { SignatureLogs } from './signature-logs';
import {
  resolvePatients,
  type PatientResolution,
  type PatientRows,
  type RemitRecord,
  type ResolvedPatient,
} from './patients';
import {
  decidePatientPayers,
  nameSignals,
  type PayerDecision,
  type PayerItem,
  type PayerSignal,
  type RemitOf,
} from './payers';
import { readPayerList, type PayerListEntry } from '../store/payer-list';

export interface BuildOptions {
  /** "Today" for the review: decides whether an episode without discharge has ended. */
  asOf: IsoDate;
  /** Days without activity after which an episode counts as ended (catalog: 30). */
  inactivityDays?: number;
  /** A gap longer than this between visits starts a new episode (catalog heuristic: 60). */
  newEpisodeGapDays?: number;
  /** The clinic's payer list (`readPayerList`); read from the store when not given. */
  payerList?: ReadonlyMap<string, PayerListEntry>;
  /** Records requests by claim (`readRecordsRequests`); read from the store when not given. */
  requests?: ReadonlyMap<string, NonNullable<EpisodeClaim['requests']>>;
  /** Told each payer name's decision for each patient (null: the items naming no payer). */
  onPayerDecision?: (name: string | null, decision: PayerDecision, patientId: number) => void;
}

/** Document types that mark care days: they bound an episode (evaluation to discharge). */
const CARE_TYPES = new Set<DocType>([
  'evaluation',
  're-evaluation',
  'daily-note',
  'progress-report',
  'discharge-summary',
]);

type Item = PayerItem;

/** Every episode of the store with its facts, in `compareEpisodes` order. */
export function buildEpisodes(db: Db, opts: BuildOptions): EpisodeModel[] {
  return [...buildEpisodeChunks(db, opts)].flatMap((c) => c.episodes).sort(compareEpisodes);
}

/** One chunk of episodes, and how far through the store's patients it reaches. */
export interface EpisodeChunk {
  episodes: EpisodeModel[];
  patientsDone: number;
  patients: number;
}

/**
 * The episodes of a few patients at a time (about `chunkDocs` documents), facts attached, in
 * patient order; sort with `compareEpisodes` (a stable sort) for the review's order. Only the
 * current chunk's rows are read and held: memory stays bounded by the chunk when the caller drops
 * each one after use, and nothing lives long enough to be promoted by the garbage collector.
 */
export function* buildEpisodeChunks(
  db: Db,
  opts: BuildOptions,
  // Each chunk costs two queries; 400 documents make a quarter of the chunks of 100, and a
  // chunk still fits well inside the young generation (1,000 was no faster, with more memory).
  chunkDocs = 400,
  resolution: PatientResolution = resolvePatients(db),
  /** Only these patients (indices into the resolution, ascending); default every patient. */
  only?: readonly number[],
): Generator<EpisodeChunk> {
  const { patients, rows } = resolution;
  const builder = new ChunkBuilder(db, opts, resolution);
  const order = only ?? patients.map((_, i) => i);
  let p = 0;
  for (const group of chunkGroups(rows, order, chunkDocs)) {
    p += group.length;
    yield {
      episodes: builder.build(group.map((i) => ({ patient: patients[i]!, rows: rows[i]! }))),
      patientsDone: p,
      patients: order.length,
    };
  }
}

/**
 * The patients at `order` (indices into `rows`) in groups of about `chunkDocs` documents, in
 * order: each group is one chunk of `buildEpisodeChunks`.
 */
export function chunkGroups(
  rows: readonly PatientRows[],
  order: readonly number[],
  chunkDocs = 400,
): number[][] {
  const groups: number[][] = [];
  let p = 0;
  while (p < order.length) {
    const group: number[] = [];
    let docs = 0;
    while (p < order.length && (group.length === 0 || docs < chunkDocs)) {
      const index = order[p++]!;
      docs += rows[index]!.documents.length;
      group.push(index);
    }
    groups.push(group);
  }
  return groups;
}

/**
 * The episodes of one patient (`index` into the resolution), built again from the store: the
 * desktop app keeps findings and summaries for every episode, and a model only for what is open.
 */
export function buildPatientEpisodes(
  db: Db,
  opts: BuildOptions,
  resolution: PatientResolution,
  index: number,
): EpisodeModel[] {
  const patient = resolution.patients[index];
  const rows = resolution.rows[index];
  if (!patient || !rows) return [];
  return new ChunkBuilder(db, opts, resolution).build([{ patient, rows }]);
}

/**
 * Episode order: patient name, then start, then patient (two patients of the same name starting
 * the same day). A patient's episodes that start the same day keep the order they were split in.
 */
export function compareEpisodes(
  a: Pick<EpisodeModel, 'patient' | 'start'>,
  b: Pick<EpisodeModel, 'patient' | 'start'>,
): number {
  return (
    a.patient.name.localeCompare(b.patient.name) ||
    a.start.localeCompare(b.start) ||
    a.patient.id - b.patient.id
  );
}

/** Reads and assembles the episodes of a group of patients; prepared statements are reused. */
class ChunkBuilder {
  private readonly inactivity: number;
  private readonly gapDays: number;
  private readonly pathOf: Map<number, string>;
  private readonly remitByClaim: Map<string, RemitRecord>;
  private readonly requestsByClaim: ReadonlyMap<string, NonNullable<EpisodeClaim['requests']>>;
  // Names, payers, codes and dates repeat on thousands of rows: keep one copy of each string.
  private readonly pool = new Map<string, string>();
  // One copy of each kind string (a dozen kinds over millions of facts).
  private readonly kinds = new Map<string, FactKind>();
  // The last interned value of each interned column (see internCol).
  private readonly lastOfCol: Array<string | undefined> = [];
  // What a payer name says by itself (the clinic's list, the name's words), once per review:
  // a store has a handful of names and the words are regular expressions.
  private readonly payerList: ReadonlyMap<string, PayerListEntry>;
  private readonly signalsByName = new Map<string, readonly PayerSignal[]>();
  private readonly signalsOfName = (name: string): readonly PayerSignal[] => {
    let signals = this.signalsByName.get(name);
    if (signals === undefined)
      this.signalsByName.set(name, (signals = nameSignals(name, this.payerList)));
    return signals;
  };
  private readonly docStmt;
  private readonly signatureLogs: SignatureLogs;
  private readonly lineStmt;

  constructor(
    db: Db,
    private readonly opts: BuildOptions,
    store: Pick<PatientResolution, 'paths' | 'remits' | 'clinic'>,
  ) {
    this.signatureLogs = SignatureLogs.read(db, store.clinic, store.paths);
    this.inactivity = opts.inactivityDays ?? 30;
    this.gapDays = opts.newEpisodeGapDays ?? 60;
    // File paths from one small map instead of a join that repeats the path on every row.
    this.pathOf = store.paths;
    this.remitByClaim = store.remits;
    this.requestsByClaim = opts.requests ?? readRecordsRequests(db);
    this.payerList = opts.payerList ?? readPayerList(db);
    // Rows come as raw arrays: better-sqlite3 builds row objects slowly. A chunk's rows are read
    // with all(), not iterate(): each iterator step crosses into native code on its own.
    // Documents come with their facts: one id list and one lookup per chunk instead of two.
    // Each row also brings its id's position in the list (json_each's key), which indexes the
    // owner list: no id -> owner Map per chunk.
    this.docStmt = db
      .prepare(
        `SELECT d.id, d.type, d.title, d.date, d.page_start, d.page_end, d.discipline, d.payer,
                d.file_id, f.facts, j.key
           FROM json_each(?) j CROSS JOIN documents d ON d.id = j.value
           LEFT JOIN document_facts f ON f.document_id = d.id
          ORDER BY d.id`,
      )
      .raw();
    this.lineStmt = db
      .prepare(
        `SELECT l.source, l.line, l.patient_name, l.mrn, l.dob, l.dos, l.code, l.modifiers, l.units,
                l.charge, l.payer, l.claim_id, l.provider, l.file_id, j.key, l.payer_class,
                l.allowed
           FROM json_each(?) j CROSS JOIN billing_lines l ON l.id = j.value
          ORDER BY l.dos, l.id`,
      )
      .raw();
  }

  private intern<T extends string | null>(v: T): T {
    if (v === null) return v;
    const known = this.pool.get(v);
    if (known !== undefined) return known as T;
    this.pool.set(v, v);
    return v;
  }

  /**
   * `intern` behind a one-entry cache per column: neighbouring rows mostly repeat a value (one
   * patient's name, payer, type), and comparing with the last one skips hashing a fresh string.
   */
  private internCol<T extends string | null>(col: number, v: T): T {
    if (v === null) return v;
    const last = this.lastOfCol[col];
    if (v === last) return last as T;
    const s = this.intern(v);
    this.lastOfCol[col] = s;
    return s;
  }

  build(group: Array<{ patient: ResolvedPatient; rows: PatientRows }>): EpisodeModel[] {
    const col = this.internCol.bind(this);
    const docs = idsAndOwners(group.map((m) => m.rows.documents));
    const lines = idsAndOwners(group.map((m) => m.rows.lines));
    // Items per patient: documents in id order, then ledger and FHIR lines by date of service,
    // then the service lines of unbilled remit claims, claim by claim.
    const items: Item[][] = group.map(() => []);
    for (const r of this.docStmt.all(JSON.stringify(docs.ids)) as unknown[][]) {
      const path = this.pathOf.get(r[8] as number);
      if (path === undefined) continue;
      const id = r[0] as number;
      const date = col(3, r[3] as string | null);
      const doc: EpisodeDocument = {
        id,
        type: col(1, r[1] as DocType),
        title: r[2] as string,
        date,
        file: path,
        pageStart: r[4] as number,
        pageEnd: r[5] as number,
        discipline: col(6, r[6] as EpisodeDocument['discipline']),
        facts: r[9] === null ? [] : decodeFacts(r[9] as string, path, this.kinds),
      };
      this.signatureLogs.resolve(doc);
      items[docs.owners[r[10] as number]!]!.push({
        kind: 'doc',
        date,
        payer: col(7, r[7] as string | null),
        doc,
      });
    }
    for (const r of this.lineStmt.all(JSON.stringify(lines.ids)) as unknown[][]) {
      const path = this.pathOf.get(r[13] as number);
      if (path === undefined) continue;
      const line = billingLine(
        col(10, r[0] as EpisodeBillingLine['source']),
        r[1] as number,
        col(12, r[2] as string | null),
        col(13, r[3] as string | null),
        col(14, r[4] as string | null),
        col(15, r[5] as string),
        col(16, r[6] as string),
        col(17, r[7] as string),
        r[8] as number,
        r[9] as number | null,
        col(20, r[10] as string | null),
        r[11] as string | null,
        col(22, r[12] as string | null),
        path,
        col(23, r[15] as string | null),
        r[16] as number | null,
      );
      items[lines.owners[r[14] as number]!]!.push({
        kind: 'line',
        date: line.dos,
        payer: line.payer,
        line,
      });
    }
    // Remits attached to a ledger claim whose id they do not carry, per patient of the chunk.
    const remitAliases: Array<Map<string, RemitRecord> | null> = group.map(() => null);
    group.forEach(({ rows }, g) => {
      if (rows.remitClaims.length === 0) return;
      const billed = new BilledServices(items[g]!);
      for (const claimId of rows.remitClaims) {
        const remit = this.remitByClaim.get(claimId)!;
        const { claim, file } = remit;
        for (const s of claim.services) {
          const dos = s.dos ?? claim.periodStart;
          if (!dos) continue;
          // A service the ledger (or a FHIR claim) already bills is counted once, as billed; the
          // remit adjudicates that line's claim.
          const ledger = billed.take(dos, s.code);
          if (ledger) {
            if (ledger.claimId === null) ledger.claimId = claimId;
            else if (ledger.claimId !== claimId) {
              const aliases = (remitAliases[g] ??= new Map<string, RemitRecord>());
              if (!aliases.has(ledger.claimId)) aliases.set(ledger.claimId, remit);
            }
            continue;
          }
          const line = billingLine(
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
            null,
          );
          items[g]!.push({ kind: 'line', date: line.dos, payer: line.payer, line });
        }
      }
    });

    const episodes: EpisodeModel[] = [];
    group.forEach(({ patient: resolved }, g) => {
      if (items[g]!.length === 0) return;
      const patient = {
        id: resolved.id,
        name: resolved.name,
        mrn: resolved.mrn,
        dob: resolved.dob,
      };
      const remits = remitAliases[g]
        ? withAliases(this.remitByClaim, remitAliases[g])
        : this.remitByClaim;
      nameLinesByRemitPayer(items[g]!, remits);
      SignatureLogs.resolveWithin(documentsOf(items[g]!));
      // A ledger claim the remit adjudicated under its own id still carries the remit's CLP06.
      const decisions = decidePatientPayers(items[g]!, this.signalsOfName, remitOfLookup(remits));
      if (this.opts.onPayerDecision) {
        for (const [name, d] of decisions) this.opts.onPayerDecision(name, d, resolved.id);
      }
      const mine: EpisodeModel[] = [];
      for (const part of splitByPayer(items[g]!, decisions)) {
        for (const parted of splitByGap(part.items, this.gapDays)) {
          const episode = assemble(
            parted,
            part.decision,
            patient,
            resolved.key,
            remits,
            this.requestsByClaim,
            this.opts.asOf,
            this.inactivity,
          );
          this.signatureLogs.attach(episode);
          episodes.push(episode);
          mine.push(episode);
        }
      }
      linkEarlierMedicare(mine);
    });
    return episodes;
  }
}

/**
 * Each Medicare episode of one patient learns the patient's Medicare episodes that started
 * before it (BILL-KX-THRESHOLD runs the beneficiary's year across them). The fingerprint of a
 * stored review covers the whole patient, so an earlier episode's change reviews these again.
 */
function linkEarlierMedicare(episodes: readonly EpisodeModel[]): void {
  const medicare = episodes.filter((e) => e.payer.kind === 'medicare');
  if (medicare.length < 2) return;
  for (const e of medicare) {
    const earlier = medicare.filter((o) => o !== e && o.start < e.start);
    if (earlier.length > 0)
      e.earlier = earlier.map((o) => ({
        id: o.id,
        start: o.start,
        billing: o.billing,
        claims: o.claims,
      }));
  }
}

/**
 * A patient's billed lines (ledger and FHIR claims) by date and code, each to be matched with one
 * remit service at most: the ledger and an 835 often list the same services under different claim
 * ids, or one of them with none.
 */
class BilledServices {
  private readonly open = new Map<string, EpisodeBillingLine[]>();

  constructor(items: Item[]) {
    for (const it of items) {
      if (it.kind !== 'line') continue;
      const key = `${it.line.dos}|${it.line.code}`;
      const list = this.open.get(key);
      if (list) list.push(it.line);
      else this.open.set(key, [it.line]);
    }
  }

  /** A billed line of this date and code not yet matched with a remit service, or null. */
  take(dos: string, code: string): EpisodeBillingLine | null {
    return this.open.get(`${dos}|${code}`)?.shift() ?? null;
  }
}

/** The remits by claim id, plus ledger claim ids whose services a remit of another id adjudicates. */
function withAliases(remits: RemitLookup, aliases: Map<string, RemitRecord>): RemitLookup {
  return { get: (claimId: string) => remits.get(claimId) ?? aliases.get(claimId) };
}

type RemitLookup = Pick<Map<string, RemitRecord>, 'get'>;

function remitOfLookup(remits: RemitLookup): RemitOf {
  return (claimId) => {
    const r = remits.get(claimId);
    return r ? { filingIndicator: r.claim.filingIndicator ?? null, file: r.file } : undefined;
  };
}

/**
 * When neither the notes nor the billing lines of a patient name a payer, the remits of its
 * claims do (835 N1*PR, "CGS ADMINISTRATORS, LLC"): each billed line takes the payer of the remit
 * that adjudicated its claim, so the episode, the payer list and its kind see that name. The
 * line's own payer field stays as its source wrote it (none).
 */
function nameLinesByRemitPayer(items: Item[], remits: RemitLookup): void {
  if (items.some((it) => it.payer)) return;
  for (const it of items) {
    if (it.kind !== 'line' || !it.line.claimId) continue;
    const name = remits.get(it.line.claimId)?.claim.payerName?.trim();
    if (name) it.payer = name;
  }
}

/**
 * The ids of a chunk's patients in one list, and beside each id the index of the patient that owns
 * it: a query row's position in the id list gives its patient. Both lists are sized up front.
 */
function idsAndOwners(idsPerPatient: number[][]): { ids: number[]; owners: Uint32Array } {
  const ids = ([] as number[]).concat(...idsPerPatient);
  const owners = new Uint32Array(ids.length);
  let at = 0;
  idsPerPatient.forEach((list, owner) => {
    owners.fill(owner, at, at + list.length);
    at += list.length;
  });
  return { ids, owners };
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
  payerClass: string | null,
  allowed: number | null = null,
): EpisodeBillingLine {
  const mods = splitModifiers(modifiers);
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
    ...(allowed !== null ? { allowed } : {}),
    payer,
    payerClass,
    claimId,
    provider,
    file,
    quote: lineQuote(source, lineNo, dos, code, mods, units, claimId),
  };
}

/** Modifiers as stored, space-separated; filtered only when a double space left an empty one. */
function splitModifiers(modifiers: string): string[] {
  if (!modifiers) return [];
  const mods = modifiers.split(' ');
  return mods.includes('') ? mods.filter(Boolean) : mods;
}

export function lineQuote(
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

/**
 * Partition a patient's items by payer kind. Billing decides: when any billed line names its
 * payer, documents join the partition whose lines cover their date (a note's "Payer:" field is
 * written freely and seldom matches the ledger's name), so one course of care stays one episode.
 * Without named lines, documents that name a payer partition by its kind. Items naming no payer
 * go to the covering partition; with none at all, the unnamed items' own decision stands.
 */
function splitByPayer(
  items: Item[],
  decisions: ReadonlyMap<string | null, PayerDecision>,
): Array<{ kind: PayerKind; decision: PayerDecision; items: Item[] }> {
  const billingNames = items.some((it) => it.kind === 'line' && it.payer);
  const groups = new Map<PayerKind, { names: Map<string, number>; items: Item[] }>();
  const unassigned: Item[] = [];
  for (const it of items) {
    if (!it.payer || (it.kind === 'doc' && billingNames)) {
      unassigned.push(it);
      continue;
    }
    const kind = decisions.get(it.payer)!.kind;
    let g = groups.get(kind);
    if (!g) groups.set(kind, (g = { names: new Map(), items: [] }));
    g.names.set(it.payer, (g.names.get(it.payer) ?? 0) + 1);
    g.items.push(it);
  }
  const unnamed = decisions.get(null)!;
  if (groups.size === 0) groups.set(unnamed.kind, { names: new Map(), items: [] });
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
  return list.map(([kind, g]) => {
    const main = mostFrequent(g.names);
    return { kind, decision: main === undefined ? unnamed : decisions.get(main)!, items: g.items };
  });
}

/** A long gap between care days starts a new episode; supporting documents join the nearest one. */
function splitByGap(items: Item[], gapDays: number): Item[][] {
  const careDateSet = new Set<string>();
  for (const i of items) {
    if (i.date && (i.kind === 'line' || CARE_TYPES.has(i.doc.type))) careDateSet.add(i.date);
  }
  const careDates = [...careDateSet].sort();
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

function compareDocuments(a: EpisodeDocument, b: EpisodeDocument): number {
  return (
    (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
    a.file.localeCompare(b.file) ||
    a.pageStart - b.pageStart
  );
}

function compareLines(a: EpisodeBillingLine, b: EpisodeBillingLine): number {
  return a.dos.localeCompare(b.dos) || a.file.localeCompare(b.file) || a.line - b.line;
}

/**
 * Stable sort in place, skipped when the list is already in order (a patient's lines mostly come
 * sorted): the result is the same, without the sort's scratch arrays.
 */
function sortIfNeeded<T>(list: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < list.length; i++) {
    if (compare(list[i - 1]!, list[i]!) > 0) {
      list.sort(compare);
      return;
    }
  }
}

/** Earliest and latest of the dates added (ISO dates compare as strings). */
class DateRange {
  first: string | undefined;
  last: string | undefined;
  add(date: string): void {
    if (this.first === undefined || date < this.first) this.first = date;
    if (this.last === undefined || date > this.last) this.last = date;
  }
}

/** The key with the highest count; the first one counted wins a tie. */
function mostFrequent(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  counts.forEach((count, key) => {
    if (best === undefined || count > bestCount) {
      best = key;
      bestCount = count;
    }
  });
  return best;
}

/** The records requests the user entered, by claim, oldest first (a handful per store). */
export function readRecordsRequests(db: Db): Map<string, NonNullable<EpisodeClaim['requests']>> {
  const out = new Map<string, NonNullable<EpisodeClaim['requests']>>();
  const rows = db
    .prepare('SELECT claim_id, kind, dated FROM records_requests ORDER BY dated, id')
    .raw()
    .all() as Array<[string, string, string]>;
  for (const [claim, kind, dated] of rows) {
    const list = out.get(claim);
    if (list) list.push({ kind, dated });
    else out.set(claim, [{ kind, dated }]);
  }
  return out;
}

function assemble(
  items: Item[],
  decision: PayerDecision,
  patient: EpisodeModel['patient'],
  patientKey: string,
  remitByClaim: RemitLookup,
  requestsByClaim: ReadonlyMap<string, NonNullable<EpisodeClaim['requests']>>,
  asOf: IsoDate,
  inactivity: number,
): EpisodeModel {
  const documents: EpisodeDocument[] = [];
  const billing: EpisodeBillingLine[] = [];
  for (const i of items) {
    if (i.kind === 'doc') documents.push(i.doc);
    else billing.push(i.line);
  }
  sortIfNeeded(documents, compareDocuments);
  sortIfNeeded(billing, compareLines);

  // First and last care date (dated care documents and every billed line), else of any document.
  const care = new DateRange();
  const any = new DateRange();
  for (const d of documents) {
    if (!d.date) continue;
    any.add(d.date);
    if (CARE_TYPES.has(d.type)) care.add(d.date);
  }
  for (const l of billing) care.add(l.dos);
  const start = care.first ?? any.first ?? asOf;
  const end = care.last ?? any.last ?? start;
  const discharged = documents.some((d) => d.type === 'discharge-summary');
  const ended = discharged || daysBetween(end, asOf) > inactivity;

  const payerNames = new Map<string, number>();
  for (const i of items) if (i.payer) payerNames.set(i.payer, (payerNames.get(i.payer) ?? 0) + 1);
  const payerName = mostFrequent(payerNames) ?? 'Unknown payer';
  const kind = decision.kind;

  // Lines per claim in billing order; claims in order of their first line.
  const linesByClaim = new Map<string, EpisodeBillingLine[]>();
  for (const l of billing) {
    if (!l.claimId) continue;
    const list = linesByClaim.get(l.claimId);
    if (list) list.push(l);
    else linesByClaim.set(l.claimId, [l]);
  }
  const claims: EpisodeClaim[] = [];
  linesByClaim.forEach((lines, claimId) => {
    const remit = remitByClaim.get(claimId);
    const requests = requestsByClaim.get(claimId);
    claims.push({
      claimId,
      remit: remit?.claim ?? null,
      remitFile: remit?.file ?? null,
      remitDate: remit?.paymentDate ?? null,
      lines,
      ...(requests ? { requests } : {}),
    });
  });

  const id =
    'ep-' +
    createHash('sha256').update(`${patientKey}|${kind}|${start}`).digest('hex').slice(0, 10);
  return {
    id,
    patient,
    payer: { name: payerName, kind, state: decision.state, basis: decision.basis },
    start,
    end,
    ended,
    asOf,
    documents,
    billing,
    claims,
  };
}

/** The documents among a patient's items. */
function documentsOf(items: readonly PayerItem[]): EpisodeDocument[] {
  const docs: EpisodeDocument[] = [];
  for (const it of items) if (it.kind === 'doc') docs.push(it.doc);
  return docs;
}
