/** Clinical details and EMR "voices" (label and signature styles) for the three WC patients. */
import { addMinutes, fmt, fullName, type Patient } from './episodes';
import { DESCR, type Voice, type WcCase } from './wc-content';

const minutesText = (m: number): string => `${Math.floor(m / 60)} hrs ${m % 60} min`;

/** Style A: one PDF per note, Helvetica, AM/PM times, long e-signature. */
export const VOICE_A: Voice = {
  name: (p) => `${p.last}, ${p.first}`,
  header: (p) => ({
    k: 'kv',
    pairs: [
      ['Patient', `${p.last}, ${p.first}`],
      ['DOB', fmt.mdy(p.dob)],
      ['MRN', p.mrn],
      ['Payer', p.payer],
      ['Claim #', p.memberId],
    ],
  }),
  dos: (iso) => `Date of Service: ${fmt.mdy(iso)}`,
  time: (v) => [
    `Time In: ${fmt.ampm(v.start)}  Time Out: ${fmt.ampm(addMinutes(v.start, v.minutes))}`,
    `Total Time: ${v.minutes} minutes`,
  ],
  visit: (n) => `Visit ${n} of 10`,
  dailyTitle: 'Work Conditioning Daily Note',
  heads: {
    s: 'Subjective',
    o: 'Objective',
    a: 'Assessment',
    p: 'Plan',
    vitals: 'Vitals',
    bill: 'Charges',
  },
  bill: (l) =>
    `CPT ${l.code}${l.mods.map((m) => `-${m}`).join('')}  ${DESCR[l.code] ?? ''}  Units: ${l.units}`,
  sig: (w, iso, hhmm) =>
    `Electronically signed by ${fullName(w)} on ${fmt.mdy(iso)} at ${fmt.ampm(hhmm)}`,
  date: (iso) => fmt.mdy(iso),
};

/** Style B: printed chart, Courier, upper-case names, military session time, short signature. */
export const VOICE_B: Voice = {
  name: (p) => `${p.last.toUpperCase()}, ${p.first.toUpperCase()}`,
  header: (p) => ({
    k: 'kv',
    pairs: [
      [
        '',
        `PATIENT: ${p.last.toUpperCase()}, ${p.first.toUpperCase()}   DOB: ${fmt.mdy(p.dob)}   ACCT: ${p.mrn}`,
      ],
      ['', `INSURANCE: ${p.payer.toUpperCase()}   CLAIM: ${p.memberId}`],
    ],
  }),
  dos: (iso) => `DOS ${fmt.short(iso)}`,
  time: (v) => [
    `Session time ${fmt.mil(v.start)}-${fmt.mil(addMinutes(v.start, v.minutes))} (${v.minutes} min)`,
  ],
  visit: (n) => `Visit #${n}`,
  dailyTitle: 'WORK CONDITIONING - SOAP NOTE',
  heads: { s: 'S:', o: 'O:', a: 'A:', p: 'P:', vitals: 'VITALS', bill: 'CHARGES' },
  bill: (l) =>
    `${l.code}${l.mods.map((m) => `-${m}`).join('')} ${(DESCR[l.code] ?? '').toUpperCase()} X${l.units}`,
  sig: (w, iso) =>
    `Signed: ${w.first.slice(0, 1)}. ${w.last} ${w.cred.replace(/,/g, '')} ${fmt.short(iso)}`,
  date: (iso) => fmt.short(iso),
};

/** Style C: plain-text export, ISO dates, 24-hour start/stop, "Electronically signed by". */
export const VOICE_C: Voice = {
  name: (p) => `${p.last}, ${p.first}`,
  header: (p) => ({
    k: 'kv',
    pairs: [
      ['Name', `${p.last}, ${p.first}`],
      ['DOB', p.dob],
      ['Patient ID', p.mrn],
      ['Carrier', p.payer],
      ['WC Claim', p.memberId],
    ],
  }),
  dos: (iso) => `Visit Date: ${iso}`,
  time: (v) => [
    `Start ${v.start} / Stop ${addMinutes(v.start, v.minutes)}`,
    `Total time: ${minutesText(v.minutes)}`,
  ],
  visit: (n) => `Treatment day ${n}`,
  dailyTitle: 'Work Conditioning Treatment Note',
  heads: {
    s: 'Patient Report',
    o: 'Program Activities',
    a: 'Clinical Assessment',
    p: 'Plan',
    vitals: 'Vital Signs',
    bill: 'Procedures Billed',
  },
  bill: (l) =>
    `Procedure ${l.code}${l.mods.map((m) => `-${m}`).join('')} ${DESCR[l.code] ?? ''} (${l.units} unit${l.units === 1 ? '' : 's'})`,
  sig: (w, iso, hhmm) => `Electronically signed by ${fullName(w)} on ${iso} ${hhmm}`,
  date: (iso) => iso,
};

const lb = (base: number, step: number) => (n: number) => base + step * (n - 1);

export const ALVAREZ_CASE: WcCase = {
  doi: '2026-06-22',
  dx: [
    'S39.012D Strain of muscle, fascia and tendon of lower back, subsequent encounter',
    'M54.50 Low back pain, unspecified',
  ],
  mechanism:
    'On 06/22/2026 patient felt a sharp pull in the low back while lifting a 45 lb case from a bottom pallet layer and twisting to place it on a conveyor.',
  priorTx:
    '12 visits of outpatient PT (07/2026 - 08/2026) and NSAIDs; plateaued at light-medium capacity per treating physician. MRI negative for disc herniation.',
  comorbid: 'None significant. Non-smoker. BMI 27.',
  jobTitle: 'Warehouse Associate',
  employer: 'Prairie Valley Distribution (fictional)',
  pdl: 'Medium',
  duties: [
    ['Lift cases floor to waist', 'Occasional (to 1/3 shift)', '50 lb'],
    ['Lift cases waist to shoulder', 'Occasional', '35 lb'],
    ['Carry cases 50 ft', 'Frequent (1/3-2/3 shift)', '25-50 lb'],
    ['Push/pull pallet jack', 'Frequent', '70 lbf push'],
    ['Stand and walk', 'Constant', '8 hours'],
  ],
  measures: [
    { name: 'Floor-to-waist lift', unit: 'lb', base: 25, pr: 40, exit: 50, demand: 50 },
    { name: 'Waist-to-shoulder lift', unit: 'lb', base: 20, pr: 30, exit: 35, demand: 35 },
    { name: 'Two-hand carry 50 ft', unit: 'lb', base: 25, pr: 40, exit: 50, demand: 50 },
    { name: 'Cart push force', unit: 'lbf', base: 40, pr: 60, exit: 75, demand: 70 },
    { name: 'Continuous standing/walking', unit: 'min', base: 45, pr: 90, exit: 120, demand: 120 },
  ],
  activities: [
    { name: 'Treadmill warm-up', param: (n) => `2.${6 + (n % 3)} mph, ${n > 5 ? 4 : 2}% grade` },
    {
      name: 'Floor-to-waist crate lift',
      param: (n) => `${lb(25, 3)(n)} lb, 4 x 8 reps, hip hinge`,
    },
    { name: 'Waist-to-shoulder shelf lift', param: (n) => `${lb(20, 2)(n)} lb, 3 x 10 reps` },
    { name: 'Two-hand carry', param: (n) => `${lb(25, 3)(n)} lb x 100 ft x 6 laps` },
    { name: 'Sled push/pull', param: (n) => `${lb(90, 10)(n)} lb sled, 50 ft x 8 each` },
    {
      name: 'Pallet stacking simulation',
      param: (n) => `${lb(15, 2)(n)} lb boxes, 40 boxes, floor to 48 in`,
    },
    {
      name: 'Circuit: squat/kneel/stoop tolerance',
      param: (n) => `${2 + Math.floor(n / 3)} rounds, 5 min stations`,
    },
    {
      name: 'Core stabilization and stretching',
      param: () => 'bird-dog 3x10, side plank 3x20 s, HS stretch',
    },
  ],
  therexText:
    'lumbar stabilization progression: dead bug 3x12, Pallof press 3x10 each, prone hip ext 3x12',
  orderDate: '2026-08-31',
  fceDate: '2026-09-02',
  fceBy: 'Laura Grant, OTR/L, Prairie Occupational Health (fictional)',
  jobDate: '2026-09-02',
  jobBy: 'Denise Harmon, HR Generalist, Prairie Valley Distribution',
  authDate: '2026-09-04',
  authNo: 'MWC-A-558201',
  authStart: '2026-09-08',
  authEnd: '2026-10-09',
  adjuster: 'Karen Doyle',
  rtwDate: '2026-09-24',
  comms: [],
};

export const OKAFOR_CASE: WcCase = {
  doi: '2026-07-14',
  dx: [
    'S46.011D Strain of muscle(s) and tendon(s) of the rotator cuff of right shoulder, subsequent encounter',
    'M75.41 Impingement syndrome of right shoulder',
  ],
  mechanism:
    'On 07/14/2026 patient was lifting a 40 lb case of beverages overhead onto the truck shelf when the case slipped; he caught it with the right arm extended and felt immediate shoulder pain.',
  priorTx:
    '16 visits of outpatient PT and one subacromial injection (08/2026). Strength plateaued; orthopedic consult: non-operative.',
  comorbid: 'Type 2 diabetes, controlled (A1c 6.8). Hypertension, medicated.',
  jobTitle: 'Route Delivery Driver',
  employer: 'Lakeshore Beverage Supply (fictional)',
  pdl: 'Heavy',
  duties: [
    ['Lift cases floor to waist', 'Frequent', '50 lb'],
    ['Lift cases to shoulder/overhead', 'Occasional', '35 lb'],
    ['Hand truck push/pull loaded', 'Frequent', '100 lbf'],
    ['Climb into truck (2 steps) with load', 'Frequent', '30 lb'],
    ['Drive delivery truck', 'Frequent', 'up to 4 hours'],
  ],
  measures: [
    { name: 'Floor-to-waist lift', unit: 'lb', base: 30, pr: 45, exit: 55, demand: 50 },
    { name: 'Waist-to-overhead lift', unit: 'lb', base: 10, pr: 25, exit: 35, demand: 35 },
    { name: 'Hand truck push force', unit: 'lbf', base: 50, pr: 80, exit: 100, demand: 100 },
    {
      name: 'Right shoulder flexion AROM',
      unit: 'deg',
      base: 135,
      pr: 155,
      exit: 170,
      demand: 170,
    },
  ],
  activities: [
    { name: 'UBE warm-up', param: (n) => `level ${3 + Math.floor(n / 3)}, forward/retro` },
    { name: 'Floor-to-waist case lift', param: (n) => `${lb(30, 3)(n)} lb, 4 x 8 reps` },
    { name: 'Overhead shelf lift (R)', param: (n) => `${lb(10, 3)(n)} lb to 64 in shelf, 3 x 8` },
    { name: 'Hand truck push course', param: (n) => `${lb(150, 15)(n)} lb load, 75 ft x 6` },
    {
      name: 'Truck step simulation',
      param: (n) => `2 x 12 in steps with ${lb(15, 2)(n)} lb, 3 x 10`,
    },
    {
      name: 'Delivery route simulation',
      param: (n) => `${lb(20, 3)(n)} lb cases, 30 deliveries, dolly and stairs`,
    },
    {
      name: 'Rotator cuff/scapular strengthening',
      param: (n) => `band ER/IR ${n > 5 ? 'blue' : 'green'} 3 x 15, rows 3 x 12`,
    },
    { name: 'Cool-down stretching', param: () => 'sleeper stretch, doorway pec stretch 3 x 30 s' },
  ],
  therexText: '',
  orderDate: '2026-09-25',
  fceDate: '2026-09-29',
  fceBy: 'Rafael Ortega, PT, Lakeside Functional Testing (fictional)',
  jobDate: '2026-09-28',
  jobBy: 'Gwen Sorensen, Safety Manager, Lakeshore Beverage Supply',
  authDate: '2026-10-02',
  authNo: 'GLM-UR-30917',
  authStart: '2026-10-05',
  authEnd: '2026-11-06',
  adjuster: 'Paul Whitaker',
  rtwDate: '2026-10-21',
  comms: [],
};

export const NGUYEN_CASE: WcCase = {
  doi: '2026-08-11',
  dx: [
    'S33.5XXD Sprain of ligaments of lumbar spine, subsequent encounter',
    'M54.16 Radiculopathy, lumbar region (resolved)',
  ],
  mechanism:
    'On 08/11/2026 patient was repositioning a resident in bed with a coworker; the resident shifted weight suddenly and patient felt low back pain radiating to the left buttock.',
  priorTx:
    '10 visits of outpatient PT (08/2026 - 10/2026). Radicular symptoms resolved; capacity plateaued at light-medium.',
  comorbid: 'Mild persistent asthma (inhaler before exercise).',
  jobTitle: 'Certified Nursing Assistant',
  employer: 'Maple Grove Care Center (fictional)',
  pdl: 'Medium',
  duties: [
    ['Assist resident transfers (with lift team)', 'Frequent', '50 lb assist'],
    ['Reposition residents in bed', 'Frequent', '40 lb push/pull'],
    ['Push wheelchairs and carts', 'Frequent', '40 lbf'],
    ['Lift linen bags floor to waist', 'Occasional', '30 lb'],
    ['Stand and walk', 'Constant', '8 hours'],
  ],
  measures: [
    { name: 'Floor-to-waist lift', unit: 'lb', base: 20, pr: 30, exit: 35, demand: 30 },
    { name: 'Transfer assist simulation', unit: 'lb', base: 25, pr: 40, exit: 50, demand: 50 },
    { name: 'Cart push force', unit: 'lbf', base: 25, pr: 35, exit: 45, demand: 40 },
    { name: 'Continuous standing/walking', unit: 'min', base: 40, pr: 90, exit: 150, demand: 120 },
  ],
  activities: [
    {
      name: 'Recumbent bike / treadmill',
      param: (n) => `${n % 2 === 0 ? 'bike level 5' : 'treadmill 2.8 mph'}, 10-12 min`,
    },
    { name: 'Floor-to-waist linen bag lift', param: (n) => `${lb(20, 2)(n)} lb, 4 x 8 reps` },
    {
      name: 'Transfer simulation (mannequin)',
      param: (n) => `${lb(25, 3)(n)} lb assist, 3 x 6 sit-stand-pivot`,
    },
    {
      name: 'Bed repositioning simulation',
      param: (n) => `draw-sheet pull ${lb(20, 2)(n)} lb, 3 x 8`,
    },
    { name: 'Wheelchair/cart push course', param: (n) => `${lb(120, 10)(n)} lb, 100 ft x 6` },
    {
      name: 'Bed-making / forward-bend tolerance',
      param: (n) => `${8 + n} min sustained, 3 bouts`,
    },
    { name: 'Carry circuit', param: (n) => `${lb(15, 2)(n)} lb tote x 50 ft x 8` },
    {
      name: 'Lumbar stabilization and stretching',
      param: () => 'bridge 3x12, bird-dog 3x10, piriformis stretch',
    },
  ],
  therexText: '',
  orderDate: '2026-10-19',
  fceDate: '2026-10-21',
  fceBy: 'Laura Grant, OTR/L, Prairie Occupational Health (fictional)',
  jobDate: '2026-10-20',
  jobBy: 'Tom Becker, Director of Nursing, Maple Grove Care Center',
  authDate: '2026-10-23',
  authNo: 'MWC-A-561044',
  authStart: '2026-10-26',
  authEnd: '2026-11-13',
  adjuster: 'Karen Doyle',
  rtwDate: '2026-11-11',
  comms: [],
};

function adjusterLetters(
  p: Patient,
  c: WcCase,
  prDate: string,
  dcDate: string,
  evalDate: string,
): void {
  c.comms.length = 0;
  const adj = `${c.adjuster}, Claims Adjuster, ${p.payer}`;
  c.comms.push(
    {
      date: evalDate,
      kind: 'letter',
      to: adj,
      toRole: 'adjuster',
      subject: 'Work conditioning start and evaluation',
      body: [
        `${p.first} ${p.last} was evaluated today and begins work conditioning under authorization ${c.authNo} (10 visits / 30 hours, ${c.authStart} to ${c.authEnd}).`,
        `Plan: 3 hours/day, 5x/week for 2 weeks. Target: full duty as ${c.jobTitle}. The evaluation and plan of care are enclosed. Copy to ${fullName(p.physician)}.`,
      ],
    },
    {
      date: prDate,
      kind: 'letter',
      to: adj,
      toRole: 'adjuster',
      subject: 'Progress report (visit 5)',
      body: [
        'Enclosed is the visit-5 progress report. Attendance has been 100% and the patient has made measurable gains on every job-demand measure.',
        `We will complete the remaining 5 authorized visits and send exit testing with a return-to-work recommendation. Copy to ${fullName(p.physician)}.`,
      ],
    },
    {
      date: dcDate,
      kind: 'letter',
      to: `${adj}; ${fullName(p.physician)}`,
      toRole: 'adjuster',
      subject: 'Discharge and return-to-work recommendation',
      // The employer takes part in return-to-work planning (rules.md DOC-COMMUNICATION).
      cc: `Employer: ${c.jobBy}`,
      body: [
        `${p.first} ${p.last} completed the program (10 visits) and met the job demands on exit testing.`,
        `We recommend return to full duty without restrictions effective ${c.rtwDate}. The discharge summary is enclosed.`,
      ],
    },
  );
}

export function buildComms(): void {
  adjusterLetters(
    {
      last: 'Alvarez',
      first: 'Maria',
      payer: "Midwest Workers' Compensation Insurance Co.",
      physician: { first: 'Alan', last: 'Kessler', cred: 'MD' },
    } as Patient,
    ALVAREZ_CASE,
    '2026-09-15',
    '2026-09-22',
    '2026-09-08',
  );
  adjusterLetters(
    {
      last: 'Okafor',
      first: 'James',
      payer: 'Great Lakes Mutual (Workers\u0027 Comp)',
      physician: { first: 'Mark', last: 'Janssen', cred: 'MD' },
    } as Patient,
    OKAFOR_CASE,
    '2026-10-12',
    '2026-10-19',
    '2026-10-05',
  );
  OKAFOR_CASE.comms.splice(1, 0, {
    date: '2026-10-09',
    kind: 'phone',
    to: 'Lisa Romero, RN, nurse case manager, Great Lakes Mutual',
    toRole: 'case-manager',
    subject: 'Program status and employer job demands',
    body: [
      'Called case manager to report first-week progress: 4 of 4 visits attended, overhead lift improved from 10 to 19 lb.',
      'Case manager confirmed employer can offer full duty on completion; no modified-duty route available. Agreed to send the progress report on 10/12/26.',
      'Duration of call: 12 minutes.',
    ],
  });
  adjusterLetters(
    {
      last: 'Nguyen',
      first: 'Linda',
      payer: "Midwest Workers' Compensation Insurance Co.",
      physician: { first: 'Helen', last: 'Park', cred: 'DO' },
    } as Patient,
    NGUYEN_CASE,
    '2026-11-02',
    '2026-11-09',
    '2026-10-26',
  );
  NGUYEN_CASE.comms.splice(2, 0, {
    date: '2026-11-02',
    kind: 'letter',
    to: 'Helen Park, DO, Occupational Medicine',
    toRole: 'physician',
    subject: 'Progress update for follow-up visit',
    body: [
      'Linda Nguyen has attended 5 of 5 work conditioning visits. Floor-to-waist lift has improved from 20 to 30 lb and transfer-assist capacity from 25 to 40 lb.',
      'She remains off work pending program completion. The full progress report is enclosed for your 11/04/2026 follow-up visit.',
    ],
  });
}
