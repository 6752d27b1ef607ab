/** Work conditioning episode documents (order, FCE, job description, auth, eval, notes, ...). */
import type { Block } from './layout';
import { addMinutes, fullName, type Line, type Patient, type Visit } from './episodes';

export interface Measure {
  name: string;
  unit: string;
  base: number;
  pr: number;
  exit: number;
  demand: number;
}

export interface Activity {
  name: string;
  /** Parameters for program visit n (1..10). */
  param: (n: number) => string;
}

export interface Comm {
  date: string;
  kind: 'letter' | 'phone';
  to: string;
  toRole: 'adjuster' | 'physician' | 'case-manager';
  subject: string;
  /** Copy recipients, e.g. the employer contact on the return-to-work letter. */
  cc?: string;
  body: string[];
}

export interface WcCase {
  doi: string;
  dx: string[];
  mechanism: string;
  priorTx: string;
  comorbid: string;
  jobTitle: string;
  employer: string;
  pdl: string;
  duties: string[][];
  measures: Measure[];
  activities: Activity[];
  therexText: string;
  orderDate: string;
  fceDate: string;
  fceBy: string;
  jobDate: string;
  jobBy: string;
  authDate: string;
  authNo: string;
  authStart: string;
  authEnd: string;
  adjuster: string;
  rtwDate: string;
  comms: Comm[];
}

export interface Voice {
  name: (p: Patient) => string;
  header: (p: Patient) => Block;
  dos: (iso: string) => string;
  time: (v: Visit) => string[];
  visit: (n: number) => string;
  dailyTitle: string;
  heads: { s: string; o: string; a: string; p: string; vitals: string; bill: string };
  bill: (l: Line) => string;
  sig: (who: { first: string; last: string; cred: string }, iso: string, hhmm: string) => string;
  date: (iso: string) => string;
}

export const DESCR: Record<string, string> = {
  '97545': 'Work conditioning, first 2 hrs',
  '97546': 'Work conditioning, each addl hr',
  '97163': 'PT evaluation, high complexity',
  '97162': 'PT evaluation, moderate complexity',
  '97110': 'Therapeutic exercise, each 15 min',
  '97112': 'Neuromuscular re-education, each 15 min',
  '97140': 'Manual therapy, each 15 min',
  '97530': 'Therapeutic activities, each 15 min',
};

const FULL_MIN = [12, 30, 25, 25, 20, 30, 25, 18];
const SHORT_MIN = [10, 25, 20, 20, 15, 25, 20, 15];
const THEREX_MIN = [12, 25, 20, 20, 18, 25, 20, 15];

export function sessionRows(c: WcCase, v: Visit): string[][] {
  const mins = v.minutes === 150 ? SHORT_MIN : v.therex ? THEREX_MIN : FULL_MIN;
  const rows = c.activities.map((a, i) => [a.name, a.param(v.n), `${mins[i] ?? 0} min`]);
  if (v.therex) rows.push(['Therapeutic exercise 1:1 with PT (97110)', c.therexText, '30 min']);
  return rows;
}

function vitals(n: number): string[] {
  const pre = 72 + (n % 4) * 2;
  return [
    `Pre: HR ${pre} bpm, BP ${118 + (n % 3) * 2}/${76 + (n % 2) * 2}, SpO2 98% RA`,
    `Mid-session: HR ${pre + 34 - (n % 3)} bpm, RPE ${14 - (n > 6 ? 1 : 0)}/20`,
    `Post: HR ${pre + 14} bpm, BP ${126 + (n % 3) * 2}/${80 + (n % 2) * 2}, SpO2 98% RA`,
  ];
}

const RESPONSES = [
  'Tolerated full session. Mild low-grade soreness 2/10 at end of session, resolved with cool-down stretching. Good carryover of hip-hinge cues.',
  'Tolerated session well; required 2 verbal cues for load positioning close to body during lifts. No increase in symptoms.',
  'Reports fatigue after carry circuit; HR recovered to < 100 bpm within 3 min. Completed all planned activities.',
  'Progressed loads per plan without symptom increase. Demonstrates improved pacing; self-selected rest 1 min between sets.',
  'Good tolerance. Pain 1/10 at end of session. Independent with body-mechanics self-correction.',
];

export function dailyNote(p: Patient, c: WcCase, v: Visit, vo: Voice, total: number): Block[] {
  const out = addMinutes(v.start, v.minutes);
  const blocks: Block[] = [
    { k: 'title', text: vo.dailyTitle },
    vo.header(p),
    {
      k: 'kv',
      pairs: [
        ['', vo.dos(v.dos)],
        ['', vo.visit(v.n)],
        ...vo.time(v).map((t): [string, string] => ['', t]),
      ],
    },
    { k: 'h', text: vo.heads.s },
    {
      k: 'p',
      text:
        v.n < 4
          ? `Patient reports low back/shoulder soreness 3/10 the evening after last session, resolved by morning. Sleeping 6 hours. Motivated to return to work as ${c.jobTitle}.`
          : `Patient reports pain ${v.n > 7 ? 1 : 2}/10 on arrival. Performing home exercise program daily. States lifting at home (groceries, laundry) is easier.`,
    },
    { k: 'h', text: vo.heads.o },
    { k: 'p', text: 'Program activities (work simulation and conditioning):' },
    {
      k: 'table',
      widths: [34, 46, 10],
      rows: [['Activity', 'Parameters', 'Time'], ...sessionRows(c, v)],
    },
    { k: 'h', text: vo.heads.vitals },
    { k: 'list', items: vitals(v.n) },
    { k: 'h', text: vo.heads.a },
    { k: 'p', text: RESPONSES[v.n % RESPONSES.length] ?? '' },
    {
      k: 'p',
      text: `Current floor-to-waist lift tolerance progressing toward job demand of ${c.measures[0]?.demand ?? 0} ${c.measures[0]?.unit ?? ''}. Continues to require skilled progression and body mechanics training.`,
    },
    { k: 'h', text: vo.heads.p },
    {
      k: 'p',
      text:
        v.n < total
          ? `Continue work conditioning per plan of care; next visit progress lift load by 5 lb as tolerated. Visit ${v.n + 1} of ${total} scheduled.`
          : 'Program complete. Discharge summary and exit testing completed today; see discharge summary.',
    },
    { k: 'h', text: vo.heads.bill },
    ...v.noteLines.map((l): Block => ({ k: 'p', text: vo.bill(l) })),
    { k: 'gap' },
    {
      k: 'p',
      text: v.unsigned
        ? 'Therapist signature: ________'
        : vo.sig(p.therapist, v.dos, addMinutes(out, 40 + (v.n % 3) * 7)),
    },
  ];
  return blocks;
}

function measureTable(c: WcCase, cols: Array<'base' | 'pr' | 'exit'>): Block {
  const label = { base: 'Baseline', pr: 'Current', exit: 'Exit' };
  return {
    k: 'table',
    widths: [36, ...cols.map(() => 14), 18],
    rows: [
      ['Measure', ...cols.map((x) => label[x]), 'Job demand'],
      ...c.measures.map((m) => [
        m.name,
        ...cols.map((x) => `${m[x]} ${m.unit}`),
        `${m.demand} ${m.unit}`,
      ]),
    ],
  };
}

function goals(c: WcCase, vo: Voice, endIso: string): string[] {
  return c.measures.map(
    (m, i) =>
      `LTG ${i + 1}: By ${vo.date(endIso)}, ${m.name.toLowerCase()} ${m.demand} ${m.unit} to meet ${c.jobTitle.toLowerCase()} job demand (${c.pdl} PDL). Baseline ${m.base} ${m.unit}.`,
  );
}

export function evaluation(p: Patient, c: WcCase, v: Visit, vo: Voice, endIso: string): Block[] {
  return [
    { k: 'title', text: 'Work Conditioning Evaluation and Plan of Care' },
    vo.header(p),
    {
      k: 'kv',
      pairs: [
        ['', vo.dos(v.dos)],
        ['Date of injury', vo.date(c.doi)],
        ['Referring physician', fullName(p.physician)],
        ['Discipline', 'Physical Therapy'],
      ],
    },
    { k: 'h', text: 'Diagnosis' },
    { k: 'list', items: c.dx },
    { k: 'h', text: 'History' },
    { k: 'p', text: `Mechanism of injury: ${c.mechanism}` },
    { k: 'p', text: `Prior treatment: ${c.priorTx}` },
    { k: 'p', text: `Comorbidities/complexities: ${c.comorbid}` },
    { k: 'h', text: 'Job Demands' },
    {
      k: 'p',
      text: `Job title: ${c.jobTitle}, ${c.employer}. Physical demand level: ${c.pdl} (per employer job description dated ${vo.date(c.jobDate)}).`,
    },
    { k: 'h', text: 'Objective' },
    measureTable(c, ['base']),
    {
      k: 'p',
      text: `FCE ${vo.date(c.fceDate)} (${c.fceBy}) placed patient below job demands; consistent effort, valid results.`,
    },
    { k: 'h', text: 'Functional Limitations' },
    {
      k: 'p',
      text: `Unable to meet job demands for lifting, carrying and sustained positional tolerance listed above; currently off work. Gap between tested capacity and ${c.pdl} PDL requirements on every measure.`,
    },
    { k: 'h', text: 'Assessment' },
    {
      k: 'p',
      text: `Patient has plateaued in conventional therapy and is not a surgical candidate per the treating physician. Deficits in strength, endurance and work tolerance prevent return to work as ${c.jobTitle}. Skilled work conditioning is medically necessary to restore job-specific capacity. Prognosis: good for return to full duty within 2 weeks given motivation and consistent effort on testing.`,
    },
    { k: 'h', text: 'Goals' },
    {
      k: 'list',
      items: [
        `STG 1: Within 1 week, tolerate 3-hour sessions 5x/week with pain <= 3/10.`,
        `STG 2: Within 1 week, demonstrate safe lifting mechanics independently on 100% of trials.`,
        ...goals(c, vo, endIso),
        `LTG ${c.measures.length + 1}: Return to work full duty as ${c.jobTitle} by ${vo.date(c.rtwDate)}.`,
      ],
    },
    { k: 'h', text: 'Plan' },
    {
      k: 'kv',
      pairs: [
        ['Program', 'Work conditioning (97545/97546)'],
        ['Frequency/Duration', '5x/week for 2 weeks'],
        ['Amount', '3 hours per session'],
        ['Plan of care dates', `${vo.date(v.dos)} to ${vo.date(endIso)}`],
        [
          'Interventions',
          'graded lifting/carrying, push/pull, job simulation, aerobic conditioning, body mechanics education, home exercise program',
        ],
        [
          'Communication',
          'Progress report to adjuster and physician at visit 5; discharge report at visit 10',
        ],
      ],
    },
    { k: 'h', text: 'Billing' },
    ...v.noteLines.map((l): Block => ({ k: 'p', text: vo.bill(l) })),
    { k: 'gap' },
    { k: 'p', text: vo.sig(p.therapist, v.dos, '11:20') },
  ];
}

export function order(p: Patient, c: WcCase, vo: Voice): Block[] {
  return [
    { k: 'title', text: 'Physician Order / Prescription' },
    {
      k: 'sub',
      text: `${p.physician.first} ${p.physician.last}, ${p.physician.cred} - Occupational Medicine`,
    },
    vo.header(p),
    {
      k: 'kv',
      pairs: [
        ['Date', vo.date(c.orderDate)],
        ['Date of injury', vo.date(c.doi)],
        ['Diagnosis', c.dx.join('; ')],
      ],
    },
    { k: 'h', text: 'Prescription' },
    {
      k: 'p',
      text: `Physical therapy: work conditioning program, 3 hours/day, 5x/week for 2 weeks, at ${'Riverbend Physical Therapy & Work Rehab'}. Evaluate and treat. Goal: return to full duty as ${c.jobTitle} (${c.pdl} PDL). Patient has completed conventional PT and reached a plateau.`,
    },
    { k: 'p', text: 'Work status: off work pending completion of work conditioning.' },
    { k: 'gap' },
    {
      k: 'p',
      text: `Physician signature: ${p.physician.first} ${p.physician.last}, ${p.physician.cred}   Date: ${vo.date(c.orderDate)}`,
    },
    { k: 'p', text: 'NPI: 1987654326' },
  ];
}

export function fce(p: Patient, c: WcCase, vo: Voice): Block[] {
  return [
    { k: 'title', text: 'Functional Capacity Evaluation' },
    vo.header(p),
    {
      k: 'kv',
      pairs: [
        ['Date of test', vo.date(c.fceDate)],
        ['Evaluator', c.fceBy],
        ['Referral', `${fullName(p.physician)}`],
        ['Target job', `${c.jobTitle} (${c.pdl} PDL)`],
      ],
    },
    { k: 'h', text: 'Effort and Consistency' },
    {
      k: 'p',
      text: 'Heart-rate response appropriate to load; coefficient of variation on grip testing < 15%; 24/24 validity criteria met. Results are considered a valid representation of current capacity.',
    },
    { k: 'h', text: 'Results vs Job Demands' },
    measureTable(c, ['base']),
    { k: 'h', text: 'Conclusion' },
    {
      k: 'p',
      text: `Current overall physical demand level: below ${c.pdl}. Patient does not meet essential job demands. Recommend a 2-week work conditioning program followed by exit testing.`,
    },
    { k: 'gap' },
    { k: 'p', text: `Signed: ${c.fceBy}   Date: ${vo.date(c.fceDate)}` },
  ];
}

export function jobDescription(p: Patient, c: WcCase, vo: Voice): Block[] {
  return [
    { k: 'title', text: 'Job Description' },
    { k: 'sub', text: `${c.employer} - Human Resources` },
    {
      k: 'kv',
      pairs: [
        ['Employee', vo.name(p)],
        ['Position', c.jobTitle],
        ['Physical demand level', c.pdl],
        ['Date', vo.date(c.jobDate)],
      ],
    },
    { k: 'h', text: 'Essential Functions' },
    { k: 'table', widths: [44, 24, 22], rows: [['Task', 'Frequency', 'Demand'], ...c.duties] },
    {
      k: 'p',
      text: 'Schedule: 8-hour shifts, 5 days/week; two 15-minute breaks and a 30-minute meal break.',
    },
    { k: 'gap' },
    { k: 'p', text: `Completed by: ${c.jobBy}   Date: ${vo.date(c.jobDate)}` },
  ];
}

export function authorization(p: Patient, c: WcCase, vo: Voice): Block[] {
  return [
    { k: 'title', text: 'Authorization for Treatment' },
    { k: 'sub', text: p.payer },
    {
      k: 'kv',
      pairs: [
        ['Date', vo.date(c.authDate)],
        ['To', 'Riverbend Physical Therapy & Work Rehab, NPI 1234567893'],
        ['Claimant', vo.name(p)],
        ['Claim number', p.memberId],
        ['Date of injury', vo.date(c.doi)],
        ['Authorization number', c.authNo],
      ],
    },
    { k: 'h', text: 'Services Authorized' },
    {
      k: 'list',
      items: [
        'Work conditioning evaluation (97163) x 1',
        'Work conditioning program (97545/97546): 10 visits / 30 hours',
        `Valid from ${vo.date(c.authStart)} through ${vo.date(c.authEnd)}`,
      ],
    },
    {
      k: 'p',
      text: 'Submit a progress report at the midpoint of the program and a discharge report with return-to-work recommendation. Services outside the authorized dates or units require a new authorization.',
    },
    { k: 'gap' },
    { k: 'p', text: `${c.adjuster}, Claims Adjuster   Date: ${vo.date(c.authDate)}` },
  ];
}

export function progressReport(
  p: Patient,
  c: WcCase,
  vo: Voice,
  start: string,
  v: Visit,
  endIso: string,
): Block[] {
  return [
    { k: 'title', text: 'Work Conditioning Progress Report' },
    vo.header(p),
    {
      k: 'kv',
      pairs: [
        ['Report date', vo.date(v.dos)],
        ['Reporting period', `${vo.date(start)} to ${vo.date(v.dos)}`],
        ['Visits attended', `${v.n} of 10 authorized (no cancellations)`],
        ['Authorization', `${c.authNo}`],
      ],
    },
    { k: 'h', text: 'Subjective' },
    {
      k: 'p',
      text: 'Reports pain 2/10 (was 5/10 at evaluation). Independent with home exercise program.',
    },
    { k: 'h', text: 'Objective Measures' },
    measureTable(c, ['base', 'pr']),
    { k: 'h', text: 'Goal Status' },
    {
      k: 'list',
      items: [
        'STG 1 (tolerate 3-hour sessions): Met.',
        'STG 2 (safe lifting mechanics): Met.',
        ...c.measures.map(
          (m, i) =>
            `LTG ${i + 1} (${m.name.toLowerCase()} ${m.demand} ${m.unit}): Progressing - ${m.pr} ${m.unit} from baseline ${m.base} ${m.unit}.`,
        ),
        `LTG ${c.measures.length + 1} (return to full duty): Progressing.`,
      ],
    },
    { k: 'h', text: 'Assessment' },
    {
      k: 'p',
      text: 'Measurable gains on every job-demand measure with full attendance and consistent effort. Remaining deficits in floor-level lifting and endurance continue to require skilled progression.',
    },
    { k: 'h', text: 'Plan' },
    {
      k: 'p',
      text: `Continue work conditioning 5x/week through ${vo.date(endIso)} (visits 6-10) within current authorization. Exit testing at visit 10. Report sent to adjuster and treating physician.`,
    },
    { k: 'gap' },
    { k: 'p', text: vo.sig(p.therapist, v.dos, '13:15') },
  ];
}

export function discharge(p: Patient, c: WcCase, vo: Voice, prDate: string, v: Visit): Block[] {
  return [
    { k: 'title', text: 'Discharge Summary - Work Conditioning' },
    vo.header(p),
    {
      k: 'kv',
      pairs: [
        ['Discharge date', vo.date(v.dos)],
        ['Reporting period', `${vo.date(prDate)} to ${vo.date(v.dos)}`],
        ['Visits', '10 of 10 authorized, 30 hours'],
        ['Reason for discharge', 'Program completed; goals met'],
      ],
    },
    { k: 'h', text: 'Exit Testing' },
    measureTable(c, ['base', 'pr', 'exit']),
    { k: 'h', text: 'Goal Status' },
    {
      k: 'list',
      items: [
        ...c.measures.map(
          (m, i) =>
            `LTG ${i + 1} (${m.name.toLowerCase()} ${m.demand} ${m.unit}): Met - ${m.exit} ${m.unit}.`,
        ),
        `LTG ${c.measures.length + 1} (return to full duty): Met - released below.`,
      ],
    },
    { k: 'h', text: 'Return-to-Work Recommendation' },
    {
      k: 'p',
      text: `Patient meets the ${c.pdl} physical demand level of ${c.jobTitle}. Recommend return to full duty without restrictions effective ${vo.date(c.rtwDate)}. Continue independent home program. Discharge report sent to ${c.adjuster} (adjuster) and ${fullName(p.physician)}.`,
    },
    { k: 'gap' },
    { k: 'p', text: vo.sig(p.therapist, v.dos, '14:05') },
  ];
}

export function communication(p: Patient, c: Comm, vo: Voice): Block[] {
  if (c.kind === 'phone') {
    return [
      { k: 'title', text: 'Telephone Communication Note' },
      vo.header(p),
      {
        k: 'kv',
        pairs: [
          ['Date', vo.date(c.date)],
          ['Contact', c.to],
          ['Re', c.subject],
        ],
      },
      ...c.body.map((t): Block => ({ k: 'p', text: t })),
      { k: 'gap' },
      { k: 'p', text: vo.sig(p.therapist, c.date, '15:10') },
    ];
  }
  return [
    { k: 'title', text: c.toRole === 'physician' ? 'Letter to Physician' : 'Letter to Adjuster' },
    { k: 'sub', text: 'Riverbend Physical Therapy & Work Rehab' },
    {
      k: 'sub',
      text: '1420 Riverside Drive, Suite 200, Springfield, IL 62704  Tel (217) 555-0142  Fax (217) 555-0143',
    },
    { k: 'gap' },
    {
      k: 'kv',
      pairs: [
        ['Date', vo.date(c.date)],
        ['To', c.to],
        ...(c.cc ? [['cc', c.cc] as [string, string]] : []),
        ['Re', `${vo.name(p)}, claim ${p.memberId}`],
        ['Subject', c.subject],
      ],
    },
    { k: 'gap' },
    ...c.body.map((t): Block => ({ k: 'p', text: t })),
    { k: 'gap' },
    { k: 'p', text: 'Sincerely,' },
    { k: 'p', text: vo.sig(p.therapist, c.date, '16:00') },
  ];
}
