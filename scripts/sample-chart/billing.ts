/** Clinic ledger CSV and X12 835 remittances for the sample chart. */
import {
  CHEN,
  CHEN_NO_GP,
  CLINIC,
  FEES,
  OKAFOR,
  PATIENTS,
  addDays,
  claimId,
  fmt,
  type Patient,
} from './episodes';

const money = (n: number): string =>
  `"$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}"`;

export function ledgerCsv(): string {
  const rows: string[] = [
    'Patient Name,Acct #,DOS,CPT,Mod1,Mod2,Units,Charge,Primary Insurance,Claim #,Rendering Provider',
  ];
  let units = 0;
  let total = 0;
  const sorted = [...PATIENTS].sort((a, b) => a.last.localeCompare(b.last));
  for (const p of sorted) {
    for (const v of p.visits) {
      for (const l of v.ledgerLines) {
        const charge = (FEES[l.code] ?? 0) * l.units;
        units += l.units;
        total += charge;
        const payer = p.payer.includes(',') || p.payer.includes("'") ? `"${p.payer}"` : p.payer;
        rows.push(
          [
            `"${p.last.toUpperCase()}, ${p.first.toUpperCase()}"`,
            p.mrn,
            fmt.mdy(v.dos),
            l.code,
            l.mods[0] ?? '',
            l.mods[1] ?? '',
            String(l.units),
            money(charge),
            payer,
            claimId(p, v.dos),
            `"${p.therapist.last.toUpperCase()}, ${p.therapist.first.toUpperCase()} ${p.therapist.cred.split(',')[0]}"`,
          ].join(','),
        );
      }
    }
  }
  rows.push(`Total,,,,,,${units},${money(total)},,,`);
  return `${rows.join('\r\n')}\r\n\r\n`;
}

interface Seps {
  el: string;
  comp: string;
  rep: string;
  seg: string;
  nl: boolean;
}

const cents = (n: number): number => Math.round(n * 100);
const amt = (c: number): string => {
  const s = (c / 100).toFixed(2);
  return s.replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
};
const d8 = (iso: string): string => iso.replace(/-/g, '');

interface SvcOut {
  segs: string[][];
  paid: number;
  charge: number;
  pr: number;
}

/** Allowed amounts in cents. WC: fee schedule; Medicare: MPFS-like, 80% paid, 20% coinsurance. */
const WC_ALLOWED: Record<string, number> = {
  '97545': 36000,
  '97546': 15500,
  '97163': 21000,
  '97110': 4100,
};
const MCR_ALLOWED: Record<string, number> = {
  '97162': 10430,
  '97110': 3012,
  '97112': 3450,
  '97140': 2890,
  '97530': 3640,
};

/** Claim denials planted in the remits, per claim id. */
export const DENIED_CLAIMS: Record<string, string> = { 'RB26-0921-ALV': 'CO-50' };
export const OKAFOR_CO97_DOS = '2026-10-14';

function claimsOf(
  p: Patient,
): Map<string, Array<{ dos: string; code: string; mods: string[]; units: number }>> {
  const m = new Map<string, Array<{ dos: string; code: string; mods: string[]; units: number }>>();
  for (const v of p.visits)
    for (const l of v.ledgerLines) {
      const id = claimId(p, v.dos);
      if (!m.has(id)) m.set(id, []);
      m.get(id)?.push({ dos: v.dos, ...l });
    }
  return m;
}

/** Payment date for a claim: 14 days after the week's Monday for Medicare, 17 for WC, capped at 11/13. */
export function paymentDate(p: Patient, id: string): string {
  const mm = id.slice(5, 7);
  const dd = id.slice(7, 9);
  const d = addDays(`2026-${mm}-${dd}`, p.payerKind === 'medicare' ? 14 : 17);
  return d > '2026-11-13' ? '2026-11-13' : d;
}

function claimSegs(
  p: Patient,
  id: string,
  svcs: Array<{ dos: string; code: string; mods: string[]; units: number }>,
  icn: string,
): { segs: string[][]; paid: number } {
  const denied = DENIED_CLAIMS[id];
  const out: SvcOut[] = svcs.map((s) => {
    const charge = cents((FEES[s.code] ?? 0) * s.units);
    const segs: string[][] = [];
    const comp = ['HC', s.code, ...s.mods];
    let paid = 0;
    let pr = 0;
    const cas: string[][] = [];
    const lq: string[][] = [];
    if (denied) {
      cas.push(['CAS', 'CO', '50', amt(charge)]);
    } else if (p.key === 'OKA' && s.dos === OKAFOR_CO97_DOS && s.code === '97546') {
      cas.push(['CAS', 'CO', '97', amt(charge)]);
    } else if (p.payerKind === 'medicare' && CHEN_NO_GP.includes(s.dos)) {
      cas.push(['CAS', 'CO', '4', amt(charge)]);
      lq.push(['LQ', 'HE', 'MA130']);
    } else if (p.payerKind === 'medicare') {
      const allowed = (MCR_ALLOWED[s.code] ?? 0) * s.units;
      pr = Math.round(allowed * 0.2);
      paid = allowed - pr;
      cas.push(['CAS', 'CO', '45', amt(charge - allowed)], ['CAS', 'PR', '2', amt(pr)]);
    } else {
      const allowed = (WC_ALLOWED[s.code] ?? 0) * s.units;
      paid = allowed;
      cas.push(['CAS', 'CO', '45', amt(charge - allowed)]);
    }
    segs.push(['SVC', comp.join('\u0000'), amt(charge), amt(paid), '', String(s.units)]);
    segs.push(['DTM', '472', d8(s.dos)]);
    segs.push(...cas);
    segs.push(['REF', '6R', `${id.slice(5, 9)}${s.dos.slice(8, 10)}${s.code}`]);
    if (paid > 0) segs.push(['AMT', 'B6', amt(paid + pr)]);
    segs.push(...lq);
    return { segs, paid, charge, pr };
  });
  const charge = out.reduce((a, o) => a + o.charge, 0);
  const paid = out.reduce((a, o) => a + o.paid, 0);
  const pr = out.reduce((a, o) => a + o.pr, 0);
  const dates = svcs.map((s) => s.dos).sort();
  const filing = p.payerKind === 'medicare' ? 'MB' : 'WC';
  const segs: string[][] = [
    ['CLP', id, denied ? '4' : '1', amt(charge), amt(paid), amt(pr), filing, icn, '11', '1'],
    ['NM1', 'QC', '1', p.last.toUpperCase(), p.first.toUpperCase(), '', '', '', 'MR', p.mrn],
    ['NM1', 'IL', '1', p.last.toUpperCase(), p.first.toUpperCase(), '', '', '', 'MI', p.memberId],
    [
      'NM1',
      '82',
      '1',
      p.therapist.last.toUpperCase(),
      p.therapist.first.toUpperCase(),
      '',
      '',
      '',
      'XX',
      '1497758544',
    ],
    ['DTM', '232', d8(dates[0] ?? '')],
    ['DTM', '233', d8(dates[dates.length - 1] ?? '')],
    ...out.flatMap((o) => o.segs),
  ];
  return { segs, paid };
}

function pad(s: string, n: number): string {
  return s.padEnd(n, ' ').slice(0, n);
}

export function build835(
  payer: { name: string; id: string; taxId: string; sender: string },
  patients: Patient[],
  seps: Seps,
  ctrl: number,
  icnPrefix: string,
): string {
  // Group claims by payment date: one ST/SE transaction (one payment) per date.
  const byDate = new Map<string, Array<{ p: Patient; id: string }>>();
  for (const p of patients)
    for (const id of claimsOf(p).keys()) {
      const d = paymentDate(p, id);
      if (!byDate.has(d)) byDate.set(d, []);
      byDate.get(d)?.push({ p, id });
    }
  const dates = [...byDate.keys()].sort();
  const last = dates[dates.length - 1] ?? '2026-11-13';
  const isa = [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    'ZZ',
    pad(payer.sender, 15),
    'ZZ',
    pad('RIVERBENDPT', 15),
    d8(last).slice(2),
    '0815',
    seps.rep,
    '00501',
    String(ctrl).padStart(9, '0'),
    '0',
    'P',
    seps.comp,
  ];
  const all: string[][] = [
    isa,
    ['GS', 'HP', payer.sender, 'RIVERBENDPT', d8(last), '0815', String(ctrl), 'X', '005010X221A1'],
  ];
  let icn = 1;
  dates.forEach((date, ti) => {
    const st = String(ti + 1).padStart(4, '0');
    const claims = (byDate.get(date) ?? []).map(({ p, id }) => {
      const svcs = claimsOf(p).get(id) ?? [];
      return claimSegs(
        p,
        id,
        svcs,
        `${icnPrefix}${d8(date).slice(2)}${String(icn++).padStart(4, '0')}`,
      );
    });
    const total = claims.reduce((a, c) => a + c.paid, 0);
    const check = `${icnPrefix}${d8(date)}${ti + 1}`;
    const body: string[][] = [
      ['ST', '835', st],
      [
        'BPR',
        'I',
        amt(total),
        'C',
        'ACH',
        'CCP',
        '01',
        '071000013',
        'DA',
        '5550001234',
        payer.taxId,
        '',
        '01',
        '071000039',
        'DA',
        '7770004321',
        d8(date),
      ],
      ['TRN', '1', check, payer.taxId],
      ['DTM', '405', d8(date)],
      ['N1', 'PR', payer.name],
      ['N3', '100 Insurance Plaza'],
      ['N4', 'Chicago', 'IL', '60601'],
      ['PER', 'BL', 'PROVIDER SERVICES', 'TE', '8005550199'],
      ['N1', 'PE', CLINIC.name.toUpperCase().replace('&', 'AND'), 'XX', CLINIC.npi],
      ['N3', CLINIC.address1.toUpperCase()],
      ['N4', CLINIC.city.toUpperCase(), CLINIC.state, CLINIC.zip],
      ['REF', 'TJ', CLINIC.taxId.replace('-', '')],
      ['LX', '1'],
      ...claims.flatMap((c) => c.segs),
    ];
    body.push(['SE', String(body.length + 1), st]);
    all.push(...body);
  });
  all.push(['GE', String(dates.length), String(ctrl)], ['IEA', '1', String(ctrl).padStart(9, '0')]);
  const term = seps.seg + (seps.nl ? '\n' : '');
  return all.map((s) => s.join(seps.el).split('\u0000').join(seps.comp)).join(term) + term;
}

export function remits(): Record<string, string> {
  return {
    'remits/midwest_wc_835.edi': build835(
      {
        name: "MIDWEST WORKERS' COMPENSATION INSURANCE CO.",
        id: 'MWCIC',
        taxId: '1361234567',
        sender: 'MIDWESTWC',
      },
      PATIENTS.filter((p) => p.payer.startsWith('Midwest')),
      { el: '*', comp: ':', rep: '^', seg: '~', nl: false },
      101,
      'MW',
    ),
    'remits/greatlakes_835.txt': build835(
      { name: 'GREAT LAKES MUTUAL', id: 'GLMUT', taxId: '1389876543', sender: 'GREATLAKESMUT' },
      [OKAFOR],
      { el: '|', comp: '^', rep: '}', seg: '!', nl: true },
      202,
      'GL',
    ),
    'remits/medicare_835.835': build835(
      { name: 'MEDICARE PART B', id: '00952', taxId: '1000000952', sender: 'MACJ6B' },
      [CHEN],
      { el: '*', comp: '>', rep: '^', seg: '~', nl: true },
      303,
      'MC',
    ),
  };
}
