/**
 * A small fluent builder of EpisodeModel fixtures for rule tests. Each fact gets a synthetic but
 * consistent provenance (file named after the document, page 1, quote = "kind: value").
 */
import type { EpisodeBillingLine, EpisodeDocument, EpisodeModel } from '../../shared/episode';
import type {
  Discipline,
  DocType,
  Fact,
  FactDetail,
  FactKind,
  IsoDate,
  PayerKind,
} from '../../shared/model';

/** A fact's value, or its value with the typed detail a reader gives it. */
export type FactValue = string | number | { value: string; detail: FactDetail };
export type FactSpec = Partial<Record<FactKind, FactValue | FactValue[]>>;

export interface DocOptions {
  discipline?: Discipline | null;
  title?: string;
  pages?: number;
  file?: string;
}

export interface DailyNoteSpec {
  minutes?: number;
  timedMinutes?: number;
  timeIn?: string;
  timeOut?: string;
  signed?: boolean;
  signer?: string;
  credentials?: string;
  codes?: string[];
  /** The note's discipline (PT unless given). */
  discipline?: Discipline;
  visit?: number;
  extra?: FactSpec;
}

const PAYER_NAMES: Record<PayerKind, string> = {
  medicare: 'Medicare Part B',
  'workers-comp': "Midwest Workers' Compensation Insurance Co.",
  commercial: 'Acme Health Plan',
  other: 'Other Payer',
  unknown: 'Unknown Payer',
};

export class EpisodeBuilder {
  private docs: EpisodeDocument[] = [];
  private lines: EpisodeBillingLine[] = [];
  private nextId = 1;
  private lineNo = 2;

  constructor(
    private readonly payerKind: PayerKind,
    private readonly state: string | null,
    private readonly asOf: IsoDate,
  ) {}

  doc(type: DocType, date: IsoDate | null, facts: FactSpec = {}, opts: DocOptions = {}): this {
    const id = this.nextId++;
    const file = opts.file ?? `fixture/${type}-${date ?? 'undated'}-${id}.pdf`;
    const list: Fact[] = [];
    for (const [kind, raw] of Object.entries(facts) as Array<[FactKind, FactSpec[FactKind]]>) {
      if (raw === undefined) continue;
      const values = Array.isArray(raw) ? raw : [raw];
      for (const v of values) {
        const value = typeof v === 'object' ? v.value : String(v);
        const quote = `${kind}: ${value}`;
        const provenance = { file, page: 1, start: 0, end: quote.length, quote };
        list.push(
          typeof v === 'object'
            ? { kind, value, provenance, detail: v.detail }
            : { kind, value, provenance },
        );
      }
    }
    this.docs.push({
      id,
      type,
      title: opts.title ?? type,
      date,
      file,
      pageStart: 1,
      pageEnd: opts.pages ?? 1,
      discipline: opts.discipline === undefined ? 'PT' : opts.discipline,
      facts: list,
    });
    return this;
  }

  /** A signed daily note with a date of service and, optionally, minutes and billed codes. */
  daily(date: IsoDate, spec: DailyNoteSpec = {}): this {
    const facts: FactSpec = {
      'date-of-service': date,
      intervention: ['Floor-to-waist lift 30 lb x 10 reps', 'Treadmill 15 min 2.8 mph'],
      section: ['subjective', 'objective', 'assessment', 'plan', 'patient-response'],
      ...spec.extra,
    };
    if (spec.minutes !== undefined) facts['total-minutes'] = spec.minutes;
    if (spec.timedMinutes !== undefined) facts['timed-minutes'] = spec.timedMinutes;
    if (spec.timeIn) facts['time-in'] = spec.timeIn;
    if (spec.timeOut) facts['time-out'] = spec.timeOut;
    if (spec.visit !== undefined) facts['visit-number'] = spec.visit;
    if (spec.codes) facts['billed-code'] = spec.codes;
    if (spec.signed === false) {
      facts['signature-blank'] = 'blank';
    } else {
      facts.signer = spec.signer ?? 'Jane Roe';
      facts.credentials = spec.credentials ?? 'PT, DPT';
      facts['signed-date'] = date;
    }
    return this.doc(
      'daily-note',
      date,
      facts,
      spec.discipline ? { discipline: spec.discipline } : {},
    );
  }

  bill(
    dos: IsoDate,
    code: string,
    units = 1,
    modifiers: string[] = [],
    claimId: string | null = 'CLM-1',
  ): this {
    const line = this.lineNo++;
    this.lines.push({
      source: 'ledger',
      line,
      patientName: 'DOE, JOHN',
      mrn: '1001',
      dob: '1980-01-01',
      dos,
      code,
      modifiers,
      units,
      charge: 100 * units,
      payer: PAYER_NAMES[this.payerKind],
      claimId,
      provider: 'Jane Roe PT',
      file: 'billing/ledger.csv',
      quote: `line ${line}: ${dos} ${code}${modifiers.length ? '-' + modifiers.join('-') : ''} x${units}`,
    });
    return this;
  }

  build(): EpisodeModel {
    const dated = [...this.docs.map((d) => d.date), ...this.lines.map((l) => l.dos)]
      .filter((d): d is string => !!d)
      .sort();
    const docs = [...this.docs].sort((a, b) =>
      (a.date ?? '9999') < (b.date ?? '9999')
        ? -1
        : (a.date ?? '9999') > (b.date ?? '9999')
          ? 1
          : a.id - b.id,
    );
    const lines = [...this.lines].sort((a, b) =>
      a.dos < b.dos ? -1 : a.dos > b.dos ? 1 : a.line - b.line,
    );
    const claimIds = [...new Set(lines.map((l) => l.claimId).filter((c): c is string => !!c))];
    return {
      id: 'ep_fixture',
      patient: { id: 1, name: 'Doe, John', mrn: '1001', dob: '1980-01-01' },
      payer: {
        name: PAYER_NAMES[this.payerKind],
        kind: this.payerKind,
        state: this.state,
        basis: [],
      },
      start: dated[0] ?? this.asOf,
      end: dated[dated.length - 1] ?? this.asOf,
      ended: docs.some((d) => d.type === 'discharge-summary'),
      asOf: this.asOf,
      documents: docs,
      billing: lines,
      claims: claimIds.map((claimId) => ({
        claimId,
        remit: null,
        remitFile: null,
        lines: lines.filter((l) => l.claimId === claimId),
      })),
    };
  }
}

export function episode(
  payerKind: PayerKind = 'workers-comp',
  opts: { state?: string | null; asOf?: IsoDate } = {},
): EpisodeBuilder {
  return new EpisodeBuilder(payerKind, opts.state ?? null, opts.asOf ?? '2026-11-24');
}

/** Consecutive weekday dates starting at `start` (YYYY-MM-DD), `count` of them. */
export function weekdays(start: IsoDate, count: number): IsoDate[] {
  const out: IsoDate[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  while (out.length < count) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}
