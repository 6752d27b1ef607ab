/** Medicare Part B outpatient PT episode (Chen): eval/POC PDF, FHIR R4 bundle, discharge PDF. */
import { StandardFonts } from 'pdf-lib';
import { CHEN, CHEN_PATTERNS, addMinutes, fmt, fullName, type Visit } from './episodes';
import { PdfBook, renderText, type Block, type PdfStyle } from './layout';
import { DESCR } from './wc-content';

const P = CHEN;
const T = P.therapist;

export const CHEN_STYLE: PdfStyle = {
  regular: StandardFonts.TimesRoman,
  bold: StandardFonts.TimesRomanBold,
  size: 10.5,
  titleSize: 14,
  headingSize: 11.5,
  upperHeadings: false,
  letterhead: [
    'Riverbend Physical Therapy & Work Rehab',
    '1420 Riverside Drive, Suite 200, Springfield, IL 62704 | (217) 555-0142 | NPI 1234567893',
  ],
  margin: 56,
};

const header: Block = {
  k: 'kv',
  pairs: [
    ['', `Patient: Chen, Robert    DOB: ${fmt.mdy(P.dob)}    MRN: ${P.mrn}    MBI: 7QK2-WN4-RT58`],
    ['', 'Payer: Medicare Part B'],
  ],
};

export const CHEN_EVAL = '2026-08-03';
export const CHEN_CERT_SIGNED = '2026-08-12';
export const CHEN_DC = '2026-09-09';

export function chenEvaluation(): Block[] {
  return [
    { k: 'title', text: 'Physical Therapy Evaluation and Plan of Care' },
    header,
    {
      k: 'kv',
      pairs: [
        ['Date of Service', fmt.long(CHEN_EVAL)],
        ['Referring physician', fullName(P.physician)],
        ['Onset / surgery date', 'Right total knee arthroplasty 07/16/2026'],
        ['Time', '10:00 - 10:50  Total Treatment Time: 50 min  Total Timed Code Minutes: 0'],
      ],
    },
    { k: 'h', text: 'Diagnosis' },
    {
      k: 'list',
      items: [
        'Z96.651 Presence of right artificial knee joint',
        'Z47.1 Aftercare following joint replacement surgery',
        'M62.81 Muscle weakness (generalized)',
      ],
    },
    { k: 'h', text: 'History' },
    {
      k: 'p',
      text: '75-year-old retired machinist, 18 days status post right TKA for end-stage osteoarthritis. Completed 2 weeks of home health PT. Lives with spouse in a two-story home, 12 steps with one rail. Prior level of function: independent community ambulator, golfed weekly. Comorbidities: hypertension, type 2 diabetes (diet-controlled), left knee OA.',
    },
    { k: 'h', text: 'Objective' },
    {
      k: 'table',
      widths: [40, 30, 30],
      rows: [
        ['Measure', 'Result', 'Norm / target'],
        ['R knee AROM', '8 - 92 deg', '0 - 115 deg'],
        ['R quadriceps strength', '3+/5 (extensor lag 8 deg)', '4+/5'],
        ['Timed Up and Go', '16.2 s (assistive device: cane)', '< 12 s'],
        ['Berg Balance Scale', '44/56', '> 50/56'],
        ['LEFS', '31/80', '> 60/80'],
        ['Gait', 'cane, antalgic, 150 ft before rest', 'community distances without device'],
        ['Stairs', 'step-to with rail, 4 steps', 'reciprocal 12 steps'],
      ],
    },
    { k: 'h', text: 'Functional Limitations' },
    {
      k: 'p',
      text: 'Unable to climb the 12 home stairs reciprocally, walk community distances without a cane, rise from a low chair without upper-extremity push, or stand > 15 minutes for household tasks.',
    },
    { k: 'h', text: 'Assessment' },
    {
      k: 'p',
      text: 'Patient presents with post-operative ROM loss, quadriceps weakness, balance deficit and gait impairment limiting mobility and fall safety. Skilled PT is required for progressive strengthening, neuromuscular re-education, manual therapy and functional training. Prognosis: good to meet goals within 6 weeks.',
    },
    { k: 'h', text: 'Goals' },
    {
      k: 'list',
      items: [
        'STG 1 (3 weeks, by 08/24/2026): R knee flexion AROM >= 105 deg to allow sit-to-stand from standard chair.',
        'STG 2 (3 weeks, by 08/24/2026): independent with home exercise program.',
        'LTG 1 (6 weeks, by 09/14/2026): R knee AROM 0 - 115 deg.',
        'LTG 2 (6 weeks, by 09/14/2026): TUG < 12 s without assistive device.',
        'LTG 3 (6 weeks, by 09/14/2026): ascend/descend 12 stairs reciprocally with one rail.',
        'LTG 4 (6 weeks, by 09/14/2026): LEFS >= 60/80; Berg >= 50/56.',
      ],
    },
    { k: 'h', text: 'Plan of Care' },
    {
      k: 'kv',
      pairs: [
        [
          'Interventions',
          'therapeutic exercise, neuromuscular re-education, manual therapy, therapeutic activities, HEP',
        ],
        ['Frequency/Duration', '3x/week for 6 weeks'],
        ['Certification period', `${fmt.mdy(CHEN_EVAL)} to 09/14/2026`],
      ],
    },
    { k: 'h', text: 'Billing' },
    { k: 'p', text: '97162-GP PT evaluation, moderate complexity x1' },
    { k: 'gap' },
    { k: 'p', text: `Electronically signed: ${fullName(T)} ${fmt.mdy(CHEN_EVAL)} 11:20` },
    { k: 'rule' },
    { k: 'h', text: 'Physician Certification of Plan of Care' },
    {
      k: 'p',
      text: 'I have reviewed this plan of care and certify that the services are medically necessary and that the patient is under my care.',
    },
    {
      k: 'p',
      text: `Physician signature: ${P.physician.first} ${P.physician.last}, ${P.physician.cred}   Date: ${fmt.mdy(CHEN_CERT_SIGNED)}   NPI 1609876545`,
    },
  ];
}

export function chenDischarge(): Block[] {
  return [
    { k: 'title', text: 'Discharge Summary' },
    header,
    {
      k: 'kv',
      pairs: [
        ['Date', fmt.long(CHEN_DC)],
        ['Episode', `${fmt.mdy(CHEN_EVAL)} to ${fmt.mdy(CHEN_DC)}, 16 treatment days`],
        ['Reason for discharge', 'Goals met; independent with home program'],
      ],
    },
    { k: 'h', text: 'Objective at Discharge' },
    {
      k: 'table',
      widths: [40, 30, 30],
      rows: [
        ['Measure', 'Evaluation', 'Discharge'],
        ['R knee AROM', '8 - 92 deg', '0 - 116 deg'],
        ['R quadriceps strength', '3+/5', '4+/5'],
        ['Timed Up and Go', '16.2 s (cane)', '10.4 s (no device)'],
        ['Berg Balance Scale', '44/56', '52/56'],
        ['LEFS', '31/80', '63/80'],
        ['Stairs', 'step-to, 4 steps', 'reciprocal, 12 steps, 1 rail'],
      ],
    },
    { k: 'h', text: 'Goal Status' },
    {
      k: 'list',
      items: [
        'STG 1 knee flexion >= 105 deg: Met.',
        'STG 2 independent HEP: Met.',
        'LTG 1 AROM 0 - 115 deg: Met (0 - 116).',
        'LTG 2 TUG < 12 s without device: Met.',
        'LTG 3 reciprocal stairs: Met.',
        'LTG 4 LEFS >= 60 and Berg >= 50: Met.',
      ],
    },
    { k: 'h', text: 'Plan' },
    { k: 'p', text: 'Discharged to independent home exercise program. Summary sent to Dr. Ortiz.' },
    { k: 'gap' },
    { k: 'p', text: `Electronically signed: ${fullName(T)} ${fmt.mdy(CHEN_DC)} 15:05` },
  ];
}

const PARAMS: Record<string, (n: number) => string> = {
  '97110': (n) =>
    `quad sets, SLR 3x${10 + n}, heel slides, recumbent bike ${8 + Math.floor(n / 2)} min seat ${Math.max(8, 12 - Math.floor(n / 3))}, step-ups 4 in x 15`,
  '97112': (n) =>
    `tandem stance 3x30 s, foam balance ${n > 8 ? 'eyes closed' : 'eyes open'} 3x30 s, weight shifts`,
  '97140': () => 'patellar mobilization grade III, tibiofemoral flexion mobilization grade III',
  '97530': (n) =>
    `sit-to-stand from 18 in chair x ${8 + Math.floor(n / 2)}, stair training ${4 + n} steps, car transfer practice`,
};

export function chenDaily(v: Visit): Block[] {
  const pat = CHEN_PATTERNS[(v.n - 2) % CHEN_PATTERNS.length] ?? [];
  const timed = pat.reduce((a, p) => a + p.min, 0);
  const total = timed + 10;
  const flex = Math.min(116, 92 + v.n * 2);
  return [
    { k: 'title', text: 'Physical Therapy Daily Note' },
    header,
    {
      k: 'kv',
      pairs: [
        ['Date of Service', fmt.long(v.dos)],
        ['Visit', `${v.n} (POC 3x/week for 6 weeks)`],
        ['Time', `${v.start} - ${addMinutes(v.start, total)}`],
        ['Total Timed Code Minutes', String(timed)],
        ['Total Treatment Time', `${total} min`],
      ],
    },
    { k: 'h', text: 'Subjective' },
    {
      k: 'p',
      text: `Pain ${Math.max(1, 5 - Math.floor(v.n / 3))}/10 R knee. ${v.n > 8 ? 'Walking in the house without the cane.' : 'Using cane outdoors; stiffness in the morning.'}`,
    },
    { k: 'h', text: 'Objective' },
    {
      k: 'table',
      widths: [30, 58, 12],
      rows: [
        ['Intervention', 'Parameters', 'Minutes'],
        ...pat.map((p) => [
          `${p.code} ${DESCR[p.code] ?? ''}`,
          PARAMS[p.code]?.(v.n) ?? '',
          String(p.min),
        ]),
        ['Cold pack (not billed)', 'R knee, elevated, post-treatment', '10'],
      ],
    },
    { k: 'p', text: `R knee AROM today: ${v.n > 10 ? 0 : 4} - ${flex} deg.` },
    { k: 'h', text: 'Assessment' },
    {
      k: 'p',
      text: 'Tolerated treatment well; improving quad control with decreasing extensor lag. Requires skilled cueing for stair sequencing and balance progression.',
    },
    { k: 'h', text: 'Plan' },
    {
      k: 'p',
      text: 'Continue per plan of care; progress step height and balance challenge next visit.',
    },
    { k: 'h', text: 'Billing' },
    ...v.noteLines.map((l): Block => ({
      k: 'p',
      text: `${l.code}-${l.mods.join('-')} x${l.units}`,
    })),
    { k: 'gap' },
    {
      k: 'p',
      text: `Electronically signed: ${fullName(T)} ${fmt.mdy(v.dos)} ${addMinutes(v.start, total + 35)}`,
    },
  ];
}

export async function chenDailyPdf(v: Visit): Promise<Uint8Array> {
  const book = await PdfBook.create(CHEN_STYLE);
  book.addDocument(chenDaily(v));
  return book.save(`Daily Note ${fmt.mdy(v.dos)}`, 'Riverbend EMR');
}

const b64 = (s: string | Uint8Array): string => Buffer.from(s).toString('base64');
const uuid = (kind: number, i: number): string =>
  `5a3e0c1d-${String(kind).padStart(4, '0')}-4000-8000-${String(i).padStart(12, '0')}`;
const TZ = '-05:00';

/** FHIR R4 collection Bundle with the daily notes. `pdfVisit` is delivered as a PDF attachment. */
export async function chenBundle(pdfVisit: number): Promise<string> {
  const ref = (k: number, i: number) => ({ reference: `urn:uuid:${uuid(k, i)}` });
  const patientRef = ref(1, 1);
  const practRef = ref(2, 1);
  const orgRef = ref(3, 1);
  const entries: Array<{ fullUrl: string; resource: Record<string, unknown> }> = [];
  const add = (k: number, i: number, resource: Record<string, unknown>) =>
    entries.push({ fullUrl: `urn:uuid:${uuid(k, i)}`, resource: { ...resource, id: uuid(k, i) } });

  add(1, 1, {
    resourceType: 'Patient',
    identifier: [
      {
        use: 'usual',
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v2-0203',
              code: 'MR',
              display: 'Medical record number',
            },
          ],
        },
        system: 'urn:oid:2.16.840.1.113883.3.9999.1',
        value: P.mrn,
      },
      { system: 'http://hl7.org/fhir/sid/us-mbi', value: P.memberId },
    ],
    name: [{ use: 'official', family: P.last, given: [P.first] }],
    gender: 'male',
    birthDate: P.dob,
  });
  add(2, 1, {
    resourceType: 'Practitioner',
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1497758544' }],
    name: [{ family: T.last, given: [T.first], suffix: ['PT', 'DPT'] }],
  });
  add(3, 1, {
    resourceType: 'Organization',
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
    name: 'Riverbend Physical Therapy & Work Rehab',
  });
  const goals = [
    ['R knee AROM 0 - 115 deg', '2026-09-14'],
    ['TUG < 12 s without assistive device', '2026-09-14'],
    ['Ascend/descend 12 stairs reciprocally with one rail', '2026-09-14'],
    ['LEFS >= 60/80 and Berg >= 50/56', '2026-09-14'],
  ];
  goals.forEach(([text, due], i) =>
    add(4, i + 1, {
      resourceType: 'Goal',
      lifecycleStatus: 'completed',
      achievementStatus: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: 'achieved' },
        ],
      },
      description: { text },
      subject: patientRef,
      startDate: CHEN_EVAL,
      target: [{ detailString: text, dueDate: due }],
      expressedBy: practRef,
    }),
  );
  add(5, 1, {
    resourceType: 'CarePlan',
    status: 'completed',
    intent: 'plan',
    title: 'Physical therapy plan of care - R TKA',
    description:
      'Therapeutic exercise, neuromuscular re-education, manual therapy, therapeutic activities. Frequency/Duration: 3x/week for 6 weeks.',
    subject: patientRef,
    period: { start: CHEN_EVAL, end: '2026-09-14' },
    created: CHEN_EVAL,
    author: practRef,
    goal: goals.map((_, i) => ref(4, i + 1)),
    activity: ['97110', '97112', '97140', '97530'].map((code) => ({
      detail: {
        code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code }], text: DESCR[code] },
        status: 'completed',
        scheduledString: '3x/week for 6 weeks',
      },
    })),
  });
  for (const v of P.visits) {
    const pat = CHEN_PATTERNS[(v.n - 2) % CHEN_PATTERNS.length] ?? [];
    const total = v.kind === 'eval' ? v.minutes : pat.reduce((a, p) => a + p.min, 0) + 10;
    const start = `${v.dos}T${v.start}:00${TZ}`;
    const end = `${v.dos}T${addMinutes(v.start, total)}:00${TZ}`;
    add(6, v.n, {
      resourceType: 'Encounter',
      status: 'finished',
      class: {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
        code: 'AMB',
        display: 'ambulatory',
      },
      type: [
        {
          text:
            v.kind === 'eval' ? 'Physical therapy evaluation' : 'Physical therapy treatment visit',
        },
      ],
      subject: patientRef,
      participant: [{ individual: practRef }],
      period: { start, end },
      serviceProvider: orgRef,
    });
    if (v.kind === 'eval') continue;
    const signed = `${v.dos}T${addMinutes(v.start, total + 35)}:00${TZ}`;
    const isPdf = v.n === pdfVisit;
    const data = isPdf ? b64(await chenDailyPdf(v)) : b64(renderText(chenDaily(v)));
    add(7, v.n, {
      resourceType: 'DocumentReference',
      status: 'current',
      docStatus: 'final',
      type: {
        coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }],
        text: 'Physical Therapy Daily Note',
      },
      category: [
        {
          coding: [
            {
              system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
              code: 'clinical-note',
            },
          ],
        },
      ],
      subject: patientRef,
      date: signed,
      author: [practRef],
      description: `PT daily note ${fmt.mdy(v.dos)}`,
      content: [
        {
          attachment: {
            contentType: isPdf ? 'application/pdf' : 'text/plain',
            language: 'en-US',
            data,
            title: `PT Daily Note ${v.dos}`,
            creation: signed,
          },
        },
      ],
      context: { encounter: [ref(6, v.n)], period: { start, end } },
    });
  }
  const bundle = {
    resourceType: 'Bundle',
    id: 'riverbend-chen-robert-export',
    type: 'collection',
    timestamp: `2026-11-13T12:00:00${TZ}`,
    entry: entries,
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
