/**
 * The single source of truth for the sample chart: patients, calendars, billed lines and the
 * planted defects. Notes, ledger, remits and README are all rendered from this.
 */
export interface Line {
  code: string;
  mods: string[];
  units: number;
}

export interface Visit {
  /** ISO date. */
  dos: string;
  kind: 'eval' | 'daily';
  /** Program/treatment visit number (daily notes); 0 for the evaluation. */
  n: number;
  /** 24-hour start time HH:MM. */
  start: string;
  minutes: number;
  /** Lines as written in the note's billing block. */
  noteLines: Line[];
  /** Lines as entered in the clinic ledger. */
  ledgerLines: Line[];
  /** Defect letters planted on this date. */
  defects: string[];
  /** 1:1 therapeutic exercise inside the session (defect b). */
  therex?: boolean;
  /** Blank therapist signature (defect d). */
  unsigned?: boolean;
}

export interface Person {
  first: string;
  last: string;
  cred: string;
}

export interface Patient {
  key: 'ALV' | 'OKA' | 'CHE' | 'NGU';
  last: string;
  first: string;
  dob: string;
  mrn: string;
  sex: 'male' | 'female';
  payer: string;
  payerKind: 'wc' | 'medicare';
  /** WC claim number, or Medicare MBI. */
  memberId: string;
  therapist: Person;
  physician: Person;
  folder: string;
  visits: Visit[];
}

export const CLINIC = {
  name: 'Riverbend Physical Therapy & Work Rehab',
  npi: '1234567893',
  taxId: '36-5550142',
  address1: '1420 Riverside Drive, Suite 200',
  city: 'Springfield',
  state: 'IL',
  zip: '62704',
  phone: '(217) 555-0142',
  fax: '(217) 555-0143',
};

export const FEES: Record<string, number> = {
  '97545': 420,
  '97546': 180,
  '97163': 260,
  '97162': 185,
  '97110': 48,
  '97112': 52,
  '97140': 46,
  '97530': 55,
};

const L = (code: string, units = 1, mods: string[] = []): Line => ({ code, mods, units });
const WC_DAY = [L('97545'), L('97546')];

function wcVisits(
  evalDate: string,
  days: string[],
  starts: string[],
  special: (n: number, v: Visit) => void,
): Visit[] {
  const out: Visit[] = [
    {
      dos: evalDate,
      kind: 'eval',
      n: 0,
      start: '09:00',
      minutes: 60,
      noteLines: [L('97163')],
      ledgerLines: [L('97163')],
      defects: [],
    },
  ];
  days.forEach((dos, i) => {
    const v: Visit = {
      dos,
      kind: 'daily',
      n: i + 1,
      start: starts[i % starts.length] ?? '08:00',
      minutes: 185,
      noteLines: [...WC_DAY],
      ledgerLines: [...WC_DAY],
      defects: [],
    };
    special(i + 1, v);
    out.push(v);
  });
  return out;
}

export const ALVAREZ: Patient = {
  key: 'ALV',
  last: 'Alvarez',
  first: 'Maria',
  dob: '1984-03-17',
  mrn: '200614',
  sex: 'female',
  payer: "Midwest Workers' Compensation Insurance Co.",
  payerKind: 'wc',
  memberId: 'MWC26118734',
  therapist: { first: 'Dana', last: 'Whitfield', cred: 'PT, DPT' },
  physician: { first: 'Alan', last: 'Kessler', cred: 'MD' },
  folder: 'alvarez-maria',
  visits: wcVisits(
    '2026-09-08',
    [
      '2026-09-09',
      '2026-09-10',
      '2026-09-11',
      '2026-09-14',
      '2026-09-15',
      '2026-09-16',
      '2026-09-17',
      '2026-09-18',
      '2026-09-21',
      '2026-09-22',
    ],
    ['08:00', '08:00', '07:30', '08:00', '08:30'],
    (n, v) => {
      if (n === 3) {
        v.minutes = 150; // defect (a): 150 min billed 97545 + 97546
        v.defects.push('a');
      }
      if (n === 7) {
        v.therex = true; // defect (b): 97110 x2 with 97545, no modifier
        v.noteLines = [L('97545'), L('97546'), L('97110', 2)];
        v.ledgerLines = [L('97545'), L('97546'), L('97110', 2)];
        v.defects.push('b');
      }
    },
  ),
};

export const OKAFOR: Patient = {
  key: 'OKA',
  last: 'Okafor',
  first: 'James',
  dob: '1979-11-02',
  mrn: '200871',
  sex: 'male',
  payer: 'Great Lakes Mutual (Workers\u0027 Comp)',
  payerKind: 'wc',
  memberId: 'GLM4471902',
  therapist: { first: 'Terrence', last: 'Brooks', cred: 'PT' },
  physician: { first: 'Mark', last: 'Janssen', cred: 'MD' },
  folder: 'okafor-james',
  visits: wcVisits(
    '2026-10-05',
    [
      '2026-10-06',
      '2026-10-07',
      '2026-10-08',
      '2026-10-09',
      '2026-10-12',
      '2026-10-13',
      '2026-10-14',
      '2026-10-15',
      '2026-10-16',
      '2026-10-19',
    ],
    ['08:00', '07:45', '08:00', '08:15'],
    (n, v) => {
      if (n === 3) {
        v.unsigned = true; // defect (d)
        v.defects.push('d');
      }
      if (n === 7) {
        v.noteLines = [L('97546')]; // defect (c): 97546 without 97545
        v.ledgerLines = [L('97546')];
        v.defects.push('c');
      }
    },
  ),
};

export const NGUYEN: Patient = {
  key: 'NGU',
  last: 'Nguyen',
  first: 'Linda',
  dob: '1990-07-09',
  mrn: '200942',
  sex: 'female',
  payer: "Midwest Workers' Compensation Insurance Co.",
  payerKind: 'wc',
  memberId: 'MWC26120455',
  therapist: { first: 'Marcus', last: 'Lee', cred: 'PT, MPT' },
  physician: { first: 'Helen', last: 'Park', cred: 'DO' },
  folder: 'nguyen-linda',
  visits: wcVisits(
    '2026-10-26',
    [
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-09',
    ],
    ['08:00', '08:00', '08:30'],
    () => undefined,
  ),
};

/** Medicare timed-code patterns: minutes per code; units follow the CMS 8-minute rule. */
export const CHEN_PATTERNS: Array<Array<{ code: string; min: number; units: number }>> = [
  [
    { code: '97110', min: 30, units: 2 },
    { code: '97112', min: 15, units: 1 },
  ],
  [
    { code: '97110', min: 30, units: 2 },
    { code: '97530', min: 15, units: 1 },
    { code: '97140', min: 10, units: 1 },
  ],
  [
    { code: '97110', min: 20, units: 1 },
    { code: '97112', min: 15, units: 1 },
    { code: '97530', min: 15, units: 1 },
  ],
];

const CHEN_DAYS = [
  '2026-08-05',
  '2026-08-07',
  '2026-08-10',
  '2026-08-12',
  '2026-08-14',
  '2026-08-17',
  '2026-08-19',
  '2026-08-21',
  '2026-08-24',
  '2026-08-26',
  '2026-08-28',
  '2026-08-31',
  '2026-09-02',
  '2026-09-04',
  '2026-09-09',
];
export const CHEN_NO_GP = ['2026-08-19', '2026-08-31'];

export const CHEN: Patient = {
  key: 'CHE',
  last: 'Chen',
  first: 'Robert',
  dob: '1951-06-22',
  mrn: '200533',
  sex: 'male',
  payer: 'Medicare Part B',
  payerKind: 'medicare',
  memberId: '7QK2WN4RT58',
  therapist: { first: 'Priya', last: 'Raman', cred: 'PT, DPT' },
  physician: { first: 'Samuel', last: 'Ortiz', cred: 'MD' },
  folder: 'chen-robert',
  visits: [
    {
      dos: '2026-08-03',
      kind: 'eval',
      n: 1,
      start: '10:00',
      minutes: 50,
      noteLines: [L('97162', 1, ['GP'])],
      ledgerLines: [L('97162', 1, ['GP'])],
      defects: [],
    },
    ...CHEN_DAYS.map((dos, i): Visit => {
      const pat = CHEN_PATTERNS[i % CHEN_PATTERNS.length] ?? [];
      const noGp = CHEN_NO_GP.includes(dos);
      return {
        dos,
        kind: 'daily',
        n: i + 2,
        start: i % 2 === 0 ? '09:00' : '13:30',
        minutes: pat.reduce((a, p) => a + p.min, 0),
        noteLines: pat.map((p) => L(p.code, p.units, ['GP'])),
        ledgerLines: pat.map((p) => L(p.code, p.units, noGp ? [] : ['GP'])),
        defects: noGp ? ['f'] : [],
      };
    }),
  ],
};

export const PATIENTS: Patient[] = [ALVAREZ, OKAFOR, CHEN, NGUYEN];

export function fullName(p: { first: string; last: string; cred: string }): string {
  return `${p.first} ${p.last}, ${p.cred}`;
}

/** Monday of the ISO week containing `iso`. */
export function weekMonday(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

export function claimId(p: Patient, dos: string): string {
  const m = weekMonday(dos);
  return `RB26-${m.slice(5, 7)}${m.slice(8, 10)}-${p.key}`;
}

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function addMinutes(hhmm: string, min: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const t = (h ?? 0) * 60 + (m ?? 0) + min;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const fmt = {
  mdy: (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`,
  short: (iso: string) =>
    `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(2, 4)}`,
  long: (iso: string) =>
    `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`,
  ampm: (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    const hh = h ?? 0;
    return `${hh % 12 === 0 ? 12 : hh % 12}:${String(m ?? 0).padStart(2, '0')} ${hh < 12 ? 'AM' : 'PM'}`;
  },
  mil: (hhmm: string) => hhmm.replace(':', ''),
};
