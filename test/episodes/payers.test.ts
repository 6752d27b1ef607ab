/**
 * Payer kind from evidence (rules.md section 4): every signal, their order, conflicts -> unknown,
 * the WC jurisdiction, and the decisions per payer name within a patient.
 */
import { describe, expect, it } from 'vitest';
import type { EpisodeBillingLine, EpisodeDocument } from '../../shared/episode';
import type { Fact } from '../../shared/model';
import {
  decidePatientPayers,
  decidePayer,
  kindFromPayerName,
  nameSignals,
  type PayerItem,
  type PayerSignal,
  type RemitOf,
} from '../../src-main/core/episodes/payers';
import type { PayerListEntry } from '../../src-main/core/store/payer-list';

const noList = new Map<string, PayerListEntry>();
const noRemit: RemitOf = () => undefined;

function line(over: Partial<EpisodeBillingLine> = {}): EpisodeBillingLine {
  return {
    source: 'ledger',
    line: 2,
    patientName: 'DOE, JANE',
    mrn: null,
    dob: null,
    dos: '2026-03-02',
    code: '97545',
    modifiers: [],
    units: 1,
    charge: 100,
    payer: 'Acme Mutual',
    payerClass: null,
    claimId: 'C1',
    provider: null,
    file: 'ledger.csv',
    quote: 'line 2',
    ...over,
  };
}

function sign(value: string, sign: string, state?: string): Fact {
  return {
    kind: 'coverage-sign',
    value,
    provenance: { file: 'eval.txt', page: 1, start: 0, end: 3, quote: 'abc' },
    detail: state ? { sign, state } : { sign },
  };
}

function doc(
  facts: Fact[],
  date: string | null = '2026-03-02',
  file = 'eval.txt',
): EpisodeDocument {
  return {
    id: 1,
    type: 'evaluation',
    title: 'Evaluation',
    date,
    file,
    pageStart: 1,
    pageEnd: 1,
    discipline: 'PT',
    facts,
  };
}

const lineItem = (l: EpisodeBillingLine): PayerItem => ({
  kind: 'line',
  date: l.dos,
  payer: l.payer,
  line: l,
});
const docItem = (d: EpisodeDocument, payer: string | null = null): PayerItem => ({
  kind: 'doc',
  date: d.date,
  payer,
  doc: d,
});

function decide(
  items: PayerItem[],
  opts: { list?: Map<string, PayerListEntry>; remit?: RemitOf } = {},
) {
  return decidePatientPayers(
    items,
    (name) => nameSignals(name, opts.list ?? noList),
    opts.remit ?? noRemit,
  );
}

describe('payer names', () => {
  it.each([
    ['Texas Mutual Insurance Company', 'workers-comp'],
    ['SEDGWICK CMS', 'workers-comp'],
    ['Gallagher Bassett Services Inc', 'workers-comp'],
    ['Berkshire Hathaway GUARD Insurance Companies', 'workers-comp'],
    ["Midwest Workers' Compensation Insurance Co.", 'workers-comp'],
    ['Washington L&I', 'workers-comp'],
    ['US DEPT OF LABOR OWCP DFEC', 'workers-comp'],
    ['Novitas Solutions JL', 'medicare'],
    ['Palmetto GBA J-J', 'medicare'],
    ['WPS Government Health Administrators', 'medicare'],
    ['Medicare Part B', 'medicare'],
    ['Humana Medicare Advantage', 'commercial'],
    ['Travelers Auto', 'other'],
    ['Aetna PPO', 'commercial'],
    ['Self Pay', 'other'],
    ['Lone Star Benefits of Texas', 'unknown'],
    ['', 'unknown'],
  ])('%s -> %s', (name, kind) => {
    expect(kindFromPayerName(name)).toBe(kind);
  });
});

describe('decidePayer', () => {
  const s = (
    level: number,
    kind: PayerSignal['kind'],
    what: string,
    state?: string,
  ): PayerSignal => ({
    level,
    kind,
    what,
    ...(state ? { state } : {}),
  });

  it('lets the strongest level decide and lists the rest, strongest first', () => {
    const d = decidePayer([
      s(4, 'commercial', 'payer name'),
      s(2, 'workers-comp', 'ledger payer class "Workers Comp"'),
      s(3, 'workers-comp', 'adjuster'),
    ]);
    expect(d.kind).toBe('workers-comp');
    expect(d.basis).toEqual([
      'ledger payer class "Workers Comp"',
      'adjuster',
      'payer name (says commercial; weaker)',
    ]);
  });

  it('is unknown when the strongest level disagrees, listing the candidates', () => {
    const d = decidePayer([
      s(1, 'workers-comp', '835 CLP06 = WC'),
      s(1, 'medicare', '835 CLP06 = MB'),
      s(4, 'medicare', 'name'),
    ]);
    expect(d.kind).toBe('unknown');
    expect(d.basis[0]).toBe(
      "835 claim filing indicator signals disagree: workers' comp or Medicare",
    );
    expect(d.basis.slice(1)).toEqual([
      "workers' comp: 835 CLP06 = WC",
      'Medicare: 835 CLP06 = MB',
      'Medicare: name',
    ]);
  });

  it('is unknown, and says so, with no signal at all', () => {
    const d = decidePayer([]);
    expect(d.kind).toBe('unknown');
    expect(d.basis[0]).toMatch(/^no payer signal/);
  });

  it('cites one thing seen once, with how many more places show it', () => {
    const d = decidePayer([
      { level: 3, kind: 'workers-comp', what: 'adjuster', where: 'a.pdf p.1' },
      { level: 3, kind: 'workers-comp', what: 'adjuster', where: 'b.pdf p.2' },
      { level: 3, kind: 'workers-comp', what: 'adjuster', where: 'b.pdf p.2' },
    ]);
    expect(d.basis).toEqual(['adjuster (a.pdf p.1 and 1 more)']);
  });

  it('takes the jurisdiction from the list, a one-state carrier, the chart, the name, then letterheads', () => {
    const letterhead = new Map([['GA', 5]]);
    expect(
      decidePayer(
        [s(3, 'workers-comp', 'MTUS', 'CA'), s(4, 'workers-comp', 'Texas Mutual', 'TX')],
        letterhead,
      ).state,
    ).toBe('TX');
    expect(
      decidePayer(
        [s(3, 'workers-comp', 'MTUS', 'CA'), s(4, 'workers-comp', 'Sedgwick')],
        letterhead,
      ).state,
    ).toBe('CA');
    expect(
      decidePayer(
        [s(0, 'workers-comp', 'list', 'NC'), s(3, 'workers-comp', 'MTUS', 'CA')],
        letterhead,
      ).state,
    ).toBe('NC');
    const d = decidePayer([s(4, 'workers-comp', 'Sedgwick')], letterhead);
    expect(d.state).toBe('GA');
    expect(d.basis.at(-1)).toBe('jurisdiction GA: letterhead address in GA (5 of 5 documents)');
    expect(decidePayer([s(4, 'medicare', 'Novitas', 'TX')], letterhead).state).toBeNull();
  });
});

describe('signals of one patient', () => {
  it('orders the payer list over CLP06 over the payer class over the chart over the name', () => {
    const l = line({ payer: 'Travelers', payerClass: 'Commercial', claimId: 'C1' });
    const items = [lineItem(l), docItem(doc([sign('medicare', 'Medicare')]))];
    const remit: RemitOf = () => ({ filingIndicator: 'WC', file: 'era.835' });
    // name (WC) < chart (Medicare): Medicare
    expect(decide([lineItem(line({ payer: 'Travelers' })), items[1]!]).get('Travelers')!.kind).toBe(
      'medicare',
    );
    // chart < class (commercial)
    expect(decide(items).get('Travelers')!.kind).toBe('commercial');
    // class < CLP06 (WC)
    const byClp = decide(items, { remit }).get('Travelers')!;
    expect(byClp.kind).toBe('workers-comp');
    expect(byClp.basis[0]).toBe("835 CLP06 = WC, workers' compensation (era.835)");
    // CLP06 < the clinic's list
    const list = new Map([
      ['travelers', { name: 'Travelers', kind: 'other' as const, state: null, setAt: '' }],
    ]);
    const byList = decide(items, { remit, list }).get('Travelers')!;
    expect(byList.kind).toBe('other');
    expect(byList.basis[0]).toBe('clinic payer list: "Travelers" = other');
  });

  it('takes a state the payer class names, or the letterhead, over a guess from the WC modifier', () => {
    const wi = decide([
      lineItem(line({ payer: 'Acme Mutual', modifiers: ['WC'], payerClass: 'WORK COMP - WI' })),
    ]).get('Acme Mutual')!;
    expect(wi).toMatchObject({ kind: 'workers-comp', state: 'WI' });
    expect(
      decidePayer(
        [
          { level: 3, kind: 'workers-comp', what: 'WC modifier', state: 'TX', inferred: true },
          { level: 4, kind: 'workers-comp', what: 'Acme Mutual' },
        ],
        new Map([['OH', 3]]),
      ).state,
    ).toBe('OH');
  });

  it("reads Texas program modifiers on 97545/97546 as Texas workers' comp, and KX with GP as Medicare", () => {
    const tx = decide([lineItem(line({ payer: 'Acme Mutual', modifiers: ['WC', 'CA'] }))]).get(
      'Acme Mutual',
    )!;
    expect(tx).toMatchObject({ kind: 'workers-comp', state: 'TX' });
    expect(tx.basis[0]).toBe('Texas program modifier WC on 97545/97546 (ledger.csv line 2)');
    const kx = decide([
      lineItem(line({ payer: 'Acme Mutual', code: '97110', modifiers: ['GP', 'KX'] })),
    ]).get('Acme Mutual')!;
    expect(kx.kind).toBe('medicare');
    // WC on another code is not the Texas program modifier.
    expect(
      decide([lineItem(line({ payer: 'Acme Mutual', code: '97110', modifiers: ['WC'] }))]).get(
        'Acme Mutual',
      )!.kind,
    ).toBe('unknown');
  });

  it('reads a FHIR Coverage.type and a ledger financial class', () => {
    const fhir = line({
      source: 'fhir',
      payer: 'Accident Fund',
      payerClass: 'workers compensation policy / WCBPOL',
    });
    expect(decide([lineItem(fhir)]).get('Accident Fund')!.basis[0]).toBe(
      'FHIR Coverage.type "workers compensation policy / WCBPOL" (ledger.csv)',
    );
    expect(decide([lineItem(line({ payer: 'X', payerClass: 'SOPT 121' }))]).get('X')!.kind).toBe(
      'medicare',
    );
    expect(
      decide([lineItem(line({ payer: 'X', payerClass: 'Medicare Advantage' }))]).get('X')!.kind,
    ).toBe('commercial');
    expect(decide([lineItem(line({ payer: 'X', payerClass: 'WORK COMP' }))]).get('X')!.kind).toBe(
      'workers-comp',
    );
  });

  it('gives chart signs to the names billed near the document, and always to the unnamed items', () => {
    const march = line({ payer: 'Plan A', dos: '2026-03-02' });
    const october = line({ payer: 'Plan B', dos: '2026-10-02' });
    const evalDoc = doc([sign('workers-comp', 'adjuster')], '2026-03-01');
    const d = decide([lineItem(march), lineItem(october), docItem(evalDoc)]);
    expect(d.get('Plan A')!.kind).toBe('workers-comp');
    expect(d.get('Plan B')!.kind).toBe('unknown');
    expect(d.get(null)!.kind).toBe('workers-comp');
  });

  it('is unknown when the chart shows both kinds and nothing stronger decides', () => {
    const d = decide([
      docItem(doc([sign('workers-comp', 'adjuster'), sign('medicare', 'Medicare')])),
    ]).get(null)!;
    expect(d.kind).toBe('unknown');
    expect(d.basis[0]).toBe("chart signals disagree: workers' comp or Medicare");
  });

  it('decides a name only the chart speaks for as the billed name of the same insurer', () => {
    // A note's "Primary Ins: Cigna" beside claims billed to "CIGNA OAP" (835 CLP06 = CI): the
    // patient's work status (a chart sign of workers' comp) says nothing of who pays.
    const remit: RemitOf = () => ({ filingIndicator: 'CI', file: 'era.835' });
    const items = [
      lineItem(line({ payer: 'CIGNA OAP' })),
      docItem(doc([sign('workers-comp', 'work duty status')]), 'Cigna'),
    ];
    const d = decide(items, { remit });
    expect(d.get('CIGNA OAP')!.kind).toBe('commercial');
    const cigna = d.get('Cigna')!;
    expect(cigna.kind).toBe('commercial');
    expect(cigna.basis[0]).toBe(
      'the same insurer as "CIGNA OAP" on this patient\'s claims: 835 CLP06 = CI, commercial insurance (era.835)',
    );
    expect(cigna.basis).toContain("work duty status (eval.txt p.1) (says workers' comp; weaker)");
    // Another insurer whose name only shares a word is not followed.
    const other = decide(
      [
        lineItem(line({ payer: 'State Farm' })),
        docItem(doc([sign('workers-comp', 'adjuster')]), 'State Compensation Insurance Fund'),
      ],
      { remit },
    );
    expect(other.get('State Compensation Insurance Fund')!.kind).toBe('workers-comp');
    // Without a claim-level signal nothing is followed.
    expect(decide([lineItem(line({ payer: 'CIGNA OAP' })), items[1]!]).get('Cigna')!.kind).toBe(
      'workers-comp',
    );
  });
});
