/**
 * A work-conditioning episode whose documents are real PDFs (built here with pdf-lib) carrying
 * distinctive text, so packet tests can check that every citation and copied page is the right one.
 * Daily notes live in one "printed chart" PDF, one page per note, to prove only each document's
 * own page range is copied.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { EpisodeBillingLine, EpisodeDocument, EpisodeModel } from '../../shared/episode';
import type {
  DocType,
  Fact,
  FactKind,
  Finding,
  IsoDate,
  PageText,
  RemitClaim,
} from '../../shared/model';
import type { ClinicSettings } from '../../shared/settings';
import { buildPacket, type DocumentSource } from '../../src-main/core/packet';

/** Fifteen weekday treatment days from 2026-09-01. */
export const DAYS: IsoDate[] = (() => {
  const out: IsoDate[] = [];
  const d = new Date('2026-09-01T00:00:00Z');
  while (out.length < 15) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
})();

export const day = (n: number): IsoDate => DAYS[n - 1] as IsoDate;

/** Distinctive marker printed on every source page: `EXHIBIT-SOURCE <tag> page <n>`. */
export const marker = (tag: string, page: number) => `EXHIBIT-SOURCE ${tag} page ${page}`;

interface SourceSpec {
  tag: string;
  file: string;
  pages: number;
  /** Extra lines per 1-based page. */
  lines?: Record<number, string[]>;
  size?: [number, number];
}

async function makePdf(spec: SourceSpec, pageTags?: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= spec.pages; p++) {
    const [w, h] = spec.size ?? [612, 792];
    const page = doc.addPage([w, h]);
    // Text right at the top and bottom edges: the packet must shrink it clear of its stamp bands.
    page.drawText(marker(pageTags?.[p - 1] ?? spec.tag, p), { x: 30, y: h - 20, size: 13, font });
    (spec.lines?.[p] ?? []).forEach((line, i) =>
      page.drawText(line, { x: 40, y: h - 60 - i * 16, size: 11, font }),
    );
    page.drawText(`${spec.file} footer ${p}`, { x: 30, y: 8, size: 9, font });
  }
  return doc.save();
}

type FactSpec = Array<[FactKind, string, number]>;

export interface Fixture {
  episode: EpisodeModel;
  findings: Finding[];
  settings: ClinicSettings;
  sources: Map<string, DocumentSource>;
  /** Tag printed on each document's pages, by document id. */
  tags: Map<number, string>;
  ids: Record<string, number>;
  load(doc: EpisodeDocument): Promise<DocumentSource>;
}

export const FULL_SETTINGS: ClinicSettings = {
  clinicName: 'Riverbend Work Rehab',
  addressLines: ['1200 Industrial Pkwy, Suite 4', 'Springfield, IL 62701'],
  phone: '(217) 555-0142',
  fax: '(217) 555-0143',
  npi: '1234567893',
  taxId: '37-1234567',
  contactName: 'Maria Lopez',
  contactEmail: 'billing@riverbend.example',
  signerName: 'Jane Roe, PT, DPT',
  signerTitle: 'Clinic Director',
  defaultPayerProfile: null,
};

export async function buildFixture(): Promise<Fixture> {
  const docs: EpisodeDocument[] = [];
  const sources = new Map<string, DocumentSource>();
  const tags = new Map<number, string>();
  const ids: Record<string, number> = {};
  let nextId = 1;

  const addDoc = (
    key: string,
    type: DocType,
    date: IsoDate | null,
    file: string,
    tag: string,
    range: [number, number],
    facts: FactSpec,
    title: string,
  ) => {
    const id = nextId++;
    ids[key] = id;
    tags.set(id, tag);
    const list: Fact[] = facts.map(([kind, value, page]) => ({
      kind,
      value,
      provenance: { file, page, start: 0, end: value.length, quote: value },
    }));
    docs.push({
      id,
      type,
      date,
      file,
      pageStart: range[0],
      pageEnd: range[1],
      discipline: 'PT',
      facts: list,
      title,
    });
  };

  const pdfDoc = async (
    key: string,
    type: DocType,
    date: IsoDate | null,
    pages: number,
    facts: FactSpec,
    title: string,
    size?: [number, number],
  ) => {
    const file = `chart/${key}.pdf`;
    const lines: Record<number, string[]> = {};
    for (const [kind, value, page] of facts) (lines[page] ??= []).push(`${kind}: ${value}`);
    sources.set(file, {
      kind: 'pdf',
      bytes: await makePdf({ tag: key, file, pages, lines, size }),
    });
    addDoc(key, type, date, file, key, [1, pages], facts, title);
  };

  await pdfDoc(
    'order',
    'physician-order',
    '2026-08-25',
    1,
    [
      ['physician-signer', 'Alan Smith, MD', 1],
      ['physician-signed-date', '2026-08-25', 1],
    ],
    'Physician Order - Work Conditioning',
  );
  await pdfDoc(
    'auth',
    'authorization',
    '2026-08-28',
    2,
    [
      ['auth-number', 'UR-55121', 1],
      ['auth-visits', '15', 2],
      ['auth-hours', '45', 2],
      ['auth-start', day(1), 2],
      ['auth-end', day(14), 2],
      ['auth-service', 'work conditioning', 1],
    ],
    'Utilization Review Approval',
  );
  await pdfDoc(
    'fce',
    'fce',
    '2026-08-27',
    3,
    [
      ['objective-measure', 'Floor-to-waist lift 25 lb occasional', 2],
      ['objective-measure', 'Carry 20 lb 50 ft', 3],
    ],
    'Functional Capacity Evaluation',
  );
  // A landscape job description: it must still fit between the stamp bands.
  await pdfDoc(
    'jobdesc',
    'job-description',
    '2026-08-20',
    2,
    [
      ['job-title', 'Warehouse Associate', 1],
      ['physical-demand-level', 'Medium', 2],
    ],
    'Job Description',
    [792, 612],
  );
  await pdfDoc(
    'eval',
    'evaluation',
    day(1),
    3,
    [
      ['goal-long', 'Lift 50 lb floor to waist 5x to meet medium PDL', 2],
      ['goal-short', 'Carry 35 lb 100 ft in 2 weeks', 2],
      ['frequency', '5x/week', 3],
      ['duration', '4 weeks', 3],
    ],
    'Work Conditioning Evaluation',
  );

  // Printed chart: 15 daily notes, one page each, in one file.
  const chartFile = 'chart/daily-notes.pdf';
  const noteTags = DAYS.map((d) => `daily-${d}`);
  const minutesFor = (n: number) => (n === 12 ? 150 : 175);
  const noteLines: Record<number, string[]> = {};
  DAYS.forEach((d, i) => {
    noteLines[i + 1] = [
      `Work Conditioning Daily Note  DOS ${d}`,
      `Total minutes: ${minutesFor(i + 1)}`,
    ];
  });
  sources.set(chartFile, {
    kind: 'pdf',
    bytes: await makePdf({ tag: 'daily', file: chartFile, pages: 15, lines: noteLines }, noteTags),
  });
  DAYS.forEach((d, i) => {
    const page = i + 1;
    addDoc(
      `daily${page}`,
      'daily-note',
      d,
      chartFile,
      noteTags[i] as string,
      [page, page],
      [
        ['date-of-service', d, page],
        ['total-minutes', String(minutesFor(page)), page],
        ['signer', 'Jane Roe', page],
        ['signed-date', d, page],
      ],
      'Daily Note',
    );
  });

  await pdfDoc(
    'progress-pt',
    'progress-report',
    day(10),
    2,
    [
      ['report-period-start', day(1), 1],
      ['report-period-end', day(10), 1],
      ['goal-assessment', 'Lift goal 70% met: 40 lb floor to waist', 2],
      ['objective-measure', 'Carry 30 lb 100 ft', 2],
    ],
    'Progress Report',
  );
  // Written by an assistant on day 13: it does not satisfy DOC-PROGRESS-10 and must not be cited.
  await pdfDoc(
    'progress-pta',
    'progress-report',
    day(13),
    1,
    [['goal-assessment', 'PTA note: lift 45 lb', 1]],
    'Progress Note (PTA)',
  );
  await pdfDoc(
    'discharge',
    'discharge-summary',
    '2026-09-22',
    2,
    [
      ['rtw-status', 'Full duty', 1],
      ['goal-assessment', 'Lift 50 lb floor to waist: goal met', 2],
    ],
    'Discharge Summary',
  );

  // One text-source document (e.g. from a FHIR DocumentReference), with characters outside WinAnsi.
  const commText: PageText[] = [
    {
      page: 1,
      text: `${marker('comm-text', 1)}\nTo: adjuster \u201cK. Baker\u201d \u2014 progress faxed \u2713 \ud83d\ude42 \u6f22\u5b57\nRe: work conditioning update`,
    },
    {
      page: 2,
      text: `${marker('comm-text', 2)}\n${'Adjuster agreed to continue the program. '.repeat(30)}`,
    },
  ];
  sources.set('bundle.json#DocumentReference/comm1', { kind: 'text', pages: commText });
  addDoc(
    'comm-text',
    'communication',
    day(9),
    'bundle.json#DocumentReference/comm1',
    'comm-text',
    [1, 2],
    [['communication-party', 'adjuster', 1]],
    'Adjuster Update',
  );
  await pdfDoc(
    'comm-rtw',
    'communication',
    '2026-09-23',
    1,
    [['communication-party', 'employer', 1]],
    'Return-to-Work Letter',
  );

  // Billing: CLM-200 covers days 1-10, CLM-100 days 11-15 (denied on the remit).
  const billing: EpisodeBillingLine[] = [];
  let lineNo = 2;
  const bill = (dos: IsoDate, code: string, units: number, claimId: string) => {
    const line = lineNo++;
    billing.push({
      source: 'ledger',
      line,
      patientName: 'DOE, JOHN',
      mrn: '1001',
      dob: '1980-01-01',
      dos,
      code,
      modifiers: [],
      units,
      charge: 100 * units,
      payer: 'Midwest WC',
      claimId,
      provider: 'Jane Roe PT',
      file: 'billing/ledger.csv',
      quote: `line ${line}: ${dos} ${code} x${units}`,
    });
  };
  DAYS.forEach((d, i) => {
    const claim = i < 10 ? 'CLM-200' : 'CLM-100';
    bill(d, '97545', 1, claim);
    bill(d, '97546', 1, claim);
  });
  bill(day(14), '97110', 2, 'CLM-100');
  const clm100 = billing.filter((l) => l.claimId === 'CLM-100');
  const remit: RemitClaim = {
    claimId: 'CLM-100',
    status: '4',
    charge: 1200,
    paid: 0,
    patientResponsibility: 0,
    payerClaimNumber: '2026091500123',
    payerName: "Midwest Workers' Compensation Insurance Co.",
    patientName: 'DOE, JOHN',
    memberId: 'WC-778899',
    periodStart: day(11),
    periodEnd: day(15),
    adjustments: [],
    remarks: [],
    services: clm100.map((l, i) => ({
      code: l.code,
      modifiers: [],
      charge: l.charge ?? 0,
      paid: 0,
      units: l.units,
      dos: l.dos,
      // 97546 lines are denied as bundled (CARC 97), the rest as not medically necessary (CARC 50).
      adjustments: [
        {
          group: 'CO' as const,
          carc: l.code === '97546' ? '97' : '50',
          amount: l.charge ?? 0,
          units: null,
        },
      ],
      remarks: [],
      segment: 20 + i,
    })),
    segment: 10,
  };

  const episode: EpisodeModel = {
    id: 'ep_wc_doe',
    patient: { id: 1, name: 'Doe, John', mrn: '1001', dob: '1980-01-01' },
    payer: {
      name: "Midwest Workers' Compensation Insurance Co.",
      kind: 'workers-comp',
      state: 'IL',
      basis: [],
    },
    start: '2026-08-20',
    end: '2026-09-23',
    ended: true,
    asOf: '2026-11-24',
    documents: [...docs].sort((a, b) =>
      (a.date ?? '9') < (b.date ?? '9') ? -1 : (a.date ?? '9') > (b.date ?? '9') ? 1 : a.id - b.id,
    ),
    billing,
    claims: [
      { claimId: 'CLM-100', remit, remitFile: 'remit/era.835', lines: clm100 },
      {
        claimId: 'CLM-200',
        remit: null,
        remitFile: null,
        lines: billing.filter((l) => l.claimId === 'CLM-200'),
      },
    ],
  };

  const findings: Finding[] = [
    {
      rule: 'DOC-PROGRESS-10',
      status: 'fail',
      severity: 'error',
      message: 'No progress report covers treatment days 11-15.',
      dates: [day(11), day(12), day(13), day(14), day(15)],
      evidence: [],
    },
    {
      rule: 'BILL-WC-TIME-UNITS',
      status: 'fail',
      severity: 'error',
      message: `150 min supports 97545x1 + 97546x0; billed 97545x1 + 97546x1 on ${day(12)}.`,
      dates: [day(12)],
      evidence: [],
    },
    {
      rule: 'DOC-FCE-JOBDESC',
      status: 'pass',
      severity: 'error',
      message: 'Job description and FCE present.',
      dates: [],
      evidence: [],
    },
  ];

  const load = async (doc: EpisodeDocument): Promise<DocumentSource> => {
    const src = sources.get(doc.file);
    if (!src) throw new Error(`no fixture source for ${doc.file}`);
    return src;
  };
  return { episode, findings, settings: FULL_SETTINGS, sources, tags, ids, load };
}

/**
 * An ADR packet of the fixture whose physician order is the whole of `bytes` (pages 1 to
 * `pages`): a source file some other program wrote. Returns the packet and the order's exhibit.
 */
export async function adrWithOrderFile(bytes: Uint8Array, pages: number) {
  const fx = await buildFixture();
  const order = fx.ids.order as number;
  const built = await buildPacket({
    episode: {
      ...fx.episode,
      documents: fx.episode.documents.map((d) =>
        d.id === order ? { ...d, pageStart: 1, pageEnd: pages } : d,
      ),
    },
    findings: fx.findings,
    kind: 'adr',
    denial: { carc: '50', group: 'CO', source: 'user' },
    claimId: 'CLM-100',
    settings: fx.settings,
    today: '2026-11-24',
    loadDocumentSource: async (doc) =>
      doc.id === order ? { kind: 'pdf', bytes: new Uint8Array(bytes) } : fx.load(doc),
  });
  return { ...built, exhibit: built.plan.exhibits.find((e) => e.documentIds.includes(order))! };
}
