/**
 * The classes of misreading seen on charts written by others (issue 14), end to end: a Texas
 * workers' comp work conditioning episode written the way another clinic writes it (goals with
 * their time frame in parentheses, "SUBJECTIVE / HISTORY", goal status lists, a discharge with its
 * reason and final testing, a communication log, a one-page UR letter with a second heading, a
 * ledger headed "Svc Date" with a financial class), imported and reviewed. Clean in everything but
 * one planted defect: 13 billed visits on a 10-visit authorization.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewedEpisode } from '../../shared/review';
import { reviewStore } from '../../src-main/core/api/review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase, type Db } from '../../src-main/core/store/db';

const HEADER = [
  'Crosstimbers Physical Therapy - Industrial Rehab',
  '2917 W. Pioneer Pkwy, Arlington, TX 76013',
];
const ID = 'Patient: Lena Ortiz    DOB: Apr 2, 1986    MRN: 30551';
const CLAIM = 'Claim #: 26-0583301    DOI: Dec 1, 2025    Payer: Texas Mutual Insurance';
const SIGN = (d: string) => `Electronically signed by Kendra Oyelaran, PT, DPT on ${d} at 4:10 PM`;

/** Program days: 13 weekdays from Mar 9, 2026. */
const DAYS = [9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25].map(
  (d) => `2026-03-${String(d).padStart(2, '0')}`,
);
const ACTIVITIES = [
  'crate lift floor to waist 30 lb x 3 x 6',
  'bilateral carry 25 lb x 50 ft x 6',
  'sled push 100 lb x 40 ft x 6',
  'ladder climb 8 ft x 4 with 10 lb bucket',
  'overhead shelf stocking 10 lb x 15 min',
  'stoop and squat tolerance drills 3 x 5 min',
];

function pretty(iso: string): string {
  const [, m, d] = iso.split('-');
  return `${['Jan', 'Feb', 'Mar', 'Apr'][Number(m) - 1]} ${Number(d)}, 2026`;
}

function dailyNote(iso: string, n: number): string {
  const a = ACTIVITIES[n % ACTIVITIES.length]!;
  const b = ACTIVITIES[(n + 2) % ACTIVITIES.length]!;
  return [
    ...HEADER,
    'Daily Note',
    ID,
    `Date of Service: ${pretty(iso)}    Visit #: ${n + 2}`,
    CLAIM,
    'Session Time: 8:00 AM - 11:05 AM',
    'Rest break: 15 min, not counted',
    'Subjective',
    `Pt reports LBP ${(n % 3) + 1}/10 on arrival.`,
    'Objective',
    `Work simulation: ${a}.`,
    `Material handling: ${b}.`,
    'Assessment',
    `Tolerated session ${n + 1}; load progressed ${n % 2 ? 'as planned' : 'by 5 lb'}.`,
    'Plan',
    'Continue work conditioning per plan.',
    'Billing',
    '97545 WC CA x1   97546 WC CA x1',
    'Total Treatment Time: 170 min',
    SIGN(pretty(iso)),
  ].join('\n');
}

const EVALUATION = [
  ...HEADER,
  'Initial Evaluation - Work Conditioning',
  ID,
  'Date of Service: Mar 6, 2026',
  CLAIM,
  'Referring Physician: Sanjay Iyer, MD',
  'Diagnosis: S39.012D Strain of muscle of lower back',
  'SUBJECTIVE / HISTORY',
  'Injured lifting a 70 lb case at work on Dec 1, 2025. Completed 8 weeks of PT and plateaued.',
  'PMH unremarkable. Not a surgical candidate per spine consult.',
  'OBJECTIVE',
  'Floor to waist lift 25 lb occasional; carry 20 lb x 50 ft; sled push 60 lb.',
  'Job: order selector, Medium PDL (lift 50 lb floor to waist occasionally).',
  'Capacity vs job demands: floor to waist 25 lb vs job 50 lb.',
  'FUNCTIONAL LIMITATIONS',
  'Unable to lift cases above 25 lb or tolerate a 10-hour shift.',
  'ASSESSMENT',
  'Good candidate for work conditioning; prognosis good for return to full duty.',
  'GOALS',
  'STG (1.5 weeks): Pt will lift 35 lb floor to waist x 5 reps.',
  'LTG (3 weeks): Pt will lift 50 lb floor to waist to meet Medium PDL job demands.',
  'LTG (3 weeks): Pt will carry 50 lb x 50 ft and return to full duty as order selector.',
  'PLAN',
  'Work conditioning 5x/week for 3 weeks, 3 hours per session: material handling, work',
  'simulation, conditioning.',
  'Billing',
  '97163 GP x1',
  SIGN('Mar 6, 2026'),
].join('\n');

const PROGRESS = (iso: string, period: string) =>
  [
    ...HEADER,
    'Progress Report - Work Conditioning',
    ID,
    `Date of Service: ${pretty(iso)}`,
    `Reporting period: ${period}`,
    'Objective',
    'Floor to waist lift 40 lb; carry 40 lb x 50 ft.',
    'Capacity vs job demands: 40 lb vs job 50 lb.',
    'Goal Status',
    '- STG lift 35 lb floor to waist x 5: MET (40 lb).',
    '- LTG lift 50 lb floor to waist: PROGRESSING (40 lb).',
    '- LTG carry 50 lb x 50 ft: PROGRESSING (40 lb).',
    'RTW status: off work, full duty expected at discharge.',
    'Plan: continue program 5x/week.',
    'Report faxed to adjuster Renee Castellano and Dr. Iyer.',
    SIGN(pretty(iso)),
  ].join('\n');

const DISCHARGE = [
  ...HEADER,
  'Discharge Summary - Work Conditioning',
  ID,
  'Date of Service: Mar 25, 2026',
  'Reason for discharge: goals met.',
  'Final testing: floor-to-waist lift 50 lb occasional; carry 50 lb x 50 ft. Meets Medium PDL.',
  'Goal status: all goals met.',
  'Functional status: independent with all job tasks tested.',
  'Return to work recommendation: full duty without restrictions.',
  'Summary sent to adjuster and Dr. Iyer; employer notified by phone Mar 25, 2026.',
  SIGN('Mar 25, 2026'),
].join('\n');

const LOG = [
  ...HEADER,
  'Case Communication Log',
  ID,
  CLAIM,
  '03/06/26 4:30 PM  Phone call w/ adjuster Renee Castellano: evaluation findings, start 3/9.',
  '03/06/26 4:45 PM  Called employer (Brazos Foods, supervisor Luis Ochoa) re: job demands.',
  '03/13/26  Weekly status faxed to adjuster and Dr. Iyer.',
  '03/20/26  Weekly status faxed to adjuster and Dr. Iyer; e-mailed employer supervisor.',
  SIGN('Mar 25, 2026'),
].join('\n');

const UR_LETTER = [
  'TEXAS MUTUAL INSURANCE COMPANY',
  'PREAUTHORIZATION DETERMINATION',
  'Date: 03/04/2026',
  'Injured worker: Lena Ortiz    Claim Number: 26-0583301    DOB: 04/02/1986',
  'Requested: work conditioning 97545/97546, 12 visits / 36 hours',
  'APPROVED SERVICES',
  'Decision Date: 03/04/2026',
  'Approved: 10 visits, 30 hours of work conditioning (97545-WC/97546-WC)',
  'Approved dates 03/06/2026 through 04/03/2026. Preauthorization Number: PA26-0449120',
  'Nurse reviewer: Ana Ruiz, RN',
].join('\n');

const ORDER = [
  'Sanjay Iyer, MD - Occupational Medicine',
  'Physician Order',
  'Date: 03/02/2026',
  'Patient: Lena Ortiz   DOB: 04/02/1986',
  'Work conditioning 5x/week x 3 weeks, evaluate and treat.',
  'Physician signature: Sanjay Iyer, MD   Date: 03/02/2026',
].join('\n');

const JOB = [
  'Brazos Foods - Job Description',
  'Date: 03/03/2026',
  'Employee: Lena Ortiz',
  'Job title: Order Selector. Physical Demand Level: MEDIUM. Lift 50 lb floor to waist occasionally.',
].join('\n');

function ledger(): string {
  const rows = [
    'Svc Date,Patient,Acct #,CPT,Mod 1,Mod 2,Units,Charges,Primary Ins,Fin Class,Claim #',
  ];
  rows.push(
    '03/06/2026,"ORTIZ, LENA",30551,97163,GP,,1,$260.00,Texas Mutual Insurance,Workers Comp,C-1',
  );
  for (const d of DAYS) {
    const [y, m, dd] = d.split('-');
    const date = `${m}/${dd}/${y}`;
    rows.push(
      `${date},"ORTIZ, LENA",30551,97545,WC,CA,1,$420.00,Texas Mutual Insurance,Workers Comp,C-2`,
    );
    rows.push(
      `${date},"ORTIZ, LENA",30551,97546,WC,CA,1,$180.00,Texas Mutual Insurance,Workers Comp,C-2`,
    );
  }
  return rows.join('\n') + '\n';
}

let dir: string;
let db: Db;
let episode: ReviewedEpisode;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cr-clinic-styles-'));
  const chart = join(dir, 'export');
  mkdirSync(chart);
  const put = (name: string, text: string) => writeFileSync(join(chart, name), text);
  put('order.txt', ORDER);
  put('job.txt', JOB);
  put('ur.txt', UR_LETTER);
  put('eval.txt', EVALUATION);
  DAYS.forEach((d, n) => put(`daily-${d}.txt`, dailyNote(d, n)));
  put('progress-1.txt', PROGRESS('2026-03-13', '03/06/2026 - 03/13/2026'));
  put('progress-2.txt', PROGRESS('2026-03-20', '03/16/2026 - 03/20/2026'));
  put('discharge.txt', DISCHARGE);
  put('commlog.txt', LOG);
  put('ledger.csv', ledger());
  db = openDatabase(join(dir, 'c.db'));
  const summary = await importPaths(db, [chart]);
  expect(summary.rejected).toBe(0);
  const report = reviewStore(db, { asOf: '2026-11-30', audit: false });
  expect(report.episodes).toHaveLength(1);
  episode = report.episodes[0]!;
}, 120_000);

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const alarms = () =>
  episode.findings
    .filter((f) => f.status === 'fail' || f.status === 'warn')
    .map((f) => `${f.rule} ${f.dates.join(',')}`);

describe('a chart in another clinic’s style, reviewed', () => {
  it('takes the workers’ comp profile from the evidence, not the payer’s name alone', () => {
    expect(episode.payer.kind).toBe('workers-comp');
    expect(episode.profile).toBe('texas-wc');
  });

  it('finds only the planted defect: visits 11 to 13 beyond the 10-visit authorization', () => {
    expect(alarms()).toEqual([
      'AUTH-WITHIN-LIMITS 2026-03-23',
      'AUTH-WITHIN-LIMITS 2026-03-24',
      'AUTH-WITHIN-LIMITS 2026-03-25',
      'PROG-DURATION 2026-03-09,2026-03-25',
    ]);
  });

  it('reads the elements the false alarms said were missing', () => {
    const passed = new Set(episode.findings.filter((f) => f.status === 'pass').map((f) => f.rule));
    for (const rule of [
      'DOC-EVAL-ELEMENTS',
      'DOC-POC-GOALS',
      'DOC-PROGRESS-CONTENT',
      'DOC-DISCHARGE',
      'DOC-COMMUNICATION',
      'DOC-DAILY-TIME',
    ])
      expect(passed, rule).toContain(rule);
  });
});
