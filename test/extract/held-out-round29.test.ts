/**
 * Round 29's styles the readers missed, written here in other systems' words than the held-out
 * charts': a booking system's chart entries one after another on one page, each headed by its
 * title, its appointment and the clinician seen, signed in a footer; its patient banner.
 */
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src-main/core/extract';
import { expectQuotesExact, onePage, values } from './helpers';

function docsOf(text: string) {
  const pages = onePage(text);
  const docs = extractDocuments('chart.html', pages);
  expectQuotesExact(docs, pages);
  return docs;
}

// A practice-management system's patient chart printed as one page, oldest entry first.
const CHART = [
  'Ridgeback Physical Therapy',
  'Omar Castellanos · DOB: 11/02/1958 · Chart 7731',
  '',
  'Visit Note - 06/16/2026 @ 10:00 by Sam Lee, PTA',
  'Exercises: recumbent bike 10 min, sit-to-stand 3x10, step-ups 2x10.',
  'Tolerance: no increase in knee pain.',
  'Signed electronically by Jordan Price, PT 06/20/2026 5:02 PM',
  '',
  'Re-Evaluation - Thursday, June 18, 2026 @ 9:30 am with Jordan Price, PT, DPT',
  'Knee flexion 0-118 deg. Goals: ascend 12 stairs reciprocally by 4 weeks.',
  'Signed electronically by Jordan Price, PT 06/18/2026 11:40 AM',
].join('\n');

describe('chart entries headed by a title, the appointment and the clinician seen', () => {
  it('splits the page into its entries, each dated by its header, the patient from the banner', () => {
    const docs = docsOf(CHART);
    expect(docs.map((d) => [d.type, d.date])).toEqual([
      ['daily-note', '2026-06-16'],
      ['re-evaluation', '2026-06-18'],
    ]);
    expect(values(docs[0], 'patient-name')).toEqual(['Castellanos, Omar']);
  });

  it('names the clinician each header says furnished the visit, whoever signed it', () => {
    const [visit, reeval] = docsOf(CHART);
    expect(values(visit, 'treating-clinician')).toEqual(['Sam Lee']);
    expect(visit?.facts.find((f) => f.kind === 'treating-clinician')?.detail?.credentials).toBe(
      'PTA',
    );
    expect(values(visit, 'signer')).toEqual(['Jordan Price']);
    expect(values(reeval, 'treating-clinician')).toEqual(['Jordan Price']);
  });

  it('does not take a title with a period or a sentence after its dash as an entry header', () => {
    const docs = docsOf(
      [
        'Plan of Care - 06/01/2026 to 07/27/2026',
        'Patient: Castellanos, Omar   DOB: 11/02/1958',
        'Frequency 2x/week for 8 weeks.',
        'Progress Note - 06/30/2026 reviewed with patient and daughter at bedside today',
      ].join('\n'),
    );
    expect(docs.flatMap((d) => values(d, 'treating-clinician'))).toEqual([]);
  });
});

describe('a returned fax: the cover, the plan behind it, the transmission headers', () => {
  // A physician's office faxes a signed plan back: the machine prints its header on each page and
  // the plan page still carries the clinic's original transmission header.
  const fax = [
    '10/02/2026 03:47PM FROM: DR ABERNATHY FAMILY PRACTICE (207) 555-0160 TO: 2075550188 P. 1/2',
    'ABERNATHY FAMILY PRACTICE',
    'FAX COVER SHEET',
    'To: Pine Hollow Rehab     From: Kay, MA for Dr. Abernathy',
    'Re: Ostrowski, Ida — signed plan attached',
    'Pages: 2',
    '\f',
    '10/02/2026 03:47PM FROM: DR ABERNATHY FAMILY PRACTICE (207) 555-0160 TO: 2075550188 P. 2/2',
    '[sent] 09/28/2026 11:02AM PINE HOLLOW REHAB 207-555-0188 TO',
    '207-555-0160',
    'PLAN OF CARE - PHYSICIAN CERTIFICATION',
    'Patient: Ostrowski, Ida   DOB: 02/19/1944   Evaluation date: 09/28/2026',
    'Goals: walk 500 ft with cane in 6 weeks. Frequency 2x/week x 6 weeks.',
    'Physician signature: [signature]  R. Abernathy, DO    Date: 10/02/2026',
  ].join('\n');

  it('reads the plan behind the cover as a document of its own, signed by the physician', () => {
    const pages = fax.split('\n\f\n').map((text, i) => ({ page: i + 1, text }));
    const docs = extractDocuments('fax.pdf', pages);
    expectQuotesExact(docs, pages);
    expect(docs.map((d) => d.type)).toEqual(['communication', 'certification']);
    expect(values(docs[1], 'physician-signer')).toEqual(['R. Abernathy']);
    expect(values(docs[1], 'physician-signed-date')).toEqual(['2026-10-02']);
  });

  it('reads a signature date along the printed-name line under the signature', () => {
    const [order] = docsOf(
      [
        'OUTPATIENT THERAPY ORDER',
        'Date: 05/04/2026   Patient: Brennan, Ruth   DOB: 07/07/1950',
        'Order: PT eval and treat, lumbar stenosis.',
        'Signature of ordering physician: [wet signature]',
        'Print Name: Lionel Okoro, MD     NPI: 1457700012     Signed Date: 05/05/2026',
      ].join('\n'),
    );
    expect(order?.type).toBe('physician-order');
    expect(values(order, 'physician-signed-date')).toEqual(['2026-05-05']);
  });
});

describe('a work program goals list under its terms', () => {
  it('takes "Short term (by ..., visit 6):" as the term heading, its date the goals\u2019 time frame', () => {
    const [plan] = docsOf(
      [
        'WORK CONDITIONING PLAN OF CARE',
        'Patient: Mbeki, Thabo   Date: 03/02/2026',
        'Program: work conditioning 3 hrs/day, 5 days/week x 2 weeks',
        'Goals',
        'Short term (by 03/06/2026, visit 5):',
        '  a) Lift 40 lb floor to waist x 5.',
        'Long term (by 03/13/2026, 10 visits):',
        '  a) Lift 60 lb floor to waist x 5 for warehouse duty.',
      ].join('\n'),
    );
    const goals = plan!.facts
      .filter((f) => f.kind === 'goal-short' || f.kind === 'goal-long')
      .map((f) => `${f.kind} ${f.detail?.timeFrame}`);
    expect(goals).toEqual(['goal-short by 03/06/2026', 'goal-long by 03/13/2026']);
  });
});

describe('the new readers stay linear on long lines', () => {
  it('reads 20,000-character entry headers, glossed labels and fax headers quickly', () => {
    const started = Date.now();
    docsOf(
      [
        `Visit Note ${'- Tue '.repeat(3500)}- 06/16/2026 with Sam Lee, PTA`,
        `${'Label / Gloss: x  '.repeat(1100)}`,
        `Patient / Paciente: ${'Abc / Def '.repeat(2000)}`,
        `10/02/2026 03:47PM ${'FROM: 207-555-0160 '.repeat(1000)} TO`,
        `Printed name: A. Roe, MD${'  Date: '.repeat(2500)}`,
      ].join('\n'),
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("a terse visit line's closing sentence that says the session left no pain", () => {
  it('reads "Pain-free." after the account as the response, not a symptom-free history', () => {
    const note = (tail: string) =>
      docsOf(
        [
          'TREATMENT LOG',
          'Patient: Osei, Kwame   DOB: 01/30/1988',
          `10/06/26 — 40 min: ther ex 25 (rows, carries 30 lb), manual 15 (thoracic mobs).${tail} Next: add overhead.`,
          '   — L. Ferris, PT  10/06/26',
        ].join('\n'),
      )[0]!;
    const responded = (tail: string) =>
      note(tail).facts.some((f) => f.kind === 'section' && f.value === 'patient-response');
    expect(responded(' Pain-free.')).toBe(true);
    expect(responded(' No pain.')).toBe(true);
    expect(responded(' ROM 0-150.')).toBe(false);
  });
});
