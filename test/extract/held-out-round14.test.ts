/**
 * Styles first met on the fourteenth held-out round: a cloud EMR's PDF forms that print each
 * field's label on its own line with the value under it, a visit log exported as one HTML table
 * (a row per visit), referrals "signed electronically by" a nurse practitioner, outside records
 * filed under a "type" field, and goal tables numbered afresh under each term. Each case is
 * written here in its own words, with a negative case beside it where a reading could go too far.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src-main/core/ingest/html';
import { measurableGoalText } from '../../src-main/core/lexicon/goals';
import { readPages, readText, values } from './helpers';

describe('a form that prints each label over its value', () => {
  const visit = [
    'Lakeshore Spine & Work Rehab',
    'Work Conditioning Visit',
    '____________________________________________',
    'Client',
    'Brennan, Odile',
    'Visit Date',
    '03/16/2026',
    'Program Start',
    '7:30 AM',
    'Program End',
    '10:30 AM',
    'Total Minutes in Program',
    '180 min',
    'Therapist',
    'Noor Haddad, PT',
  ];

  it('reads each label with the value under it, and the quotes stay the page', () => {
    const [doc] = readText(visit.join('\n'));
    expect(values(doc!, 'date-of-service')).toEqual(['2026-03-16']);
    expect(values(doc!, 'time-in')).toContain('07:30');
    expect(values(doc!, 'time-out')).toContain('10:30');
    expect(values(doc!, 'total-minutes')).toContain('180');
  });

  it('leaves headings over prose and labels over a list alone when the page is no such form', () => {
    const [doc] = readText(
      [
        'PHYSICAL THERAPY DAILY NOTE',
        'Date of service: 03/16/2026',
        'Interventions',
        'Treadmill warm-up then step-ups with a 10 lb vest, three sets of ten.',
        'Goals',
        '1. Climb 12 stairs with one rail in 4 weeks',
      ].join('\n'),
    );
    const quotes = doc!.facts.map((f) => f.provenance.quote);
    expect(quotes.some((q) => q.includes('Interventions\nTreadmill'))).toBe(false);
    expect(quotes.some((q) => q.includes('Goals\n1.'))).toBe(false);
  });
});

describe('a header repeated at the top of a two-page note', () => {
  it('is the note\u2019s header on page one and page furniture on page two', () => {
    const header = ['Harborview Rehab Partners', 'Patient: LOOMIS, PETRA  DOB: 02/09/1977'];
    const [doc] = readPages([
      [...header, 'PT DAILY NOTE', 'Date of service: 05/04/2026', 'Exercise flowsheet'].join('\n'),
      [...header, 'Stairs 4 flights with rail, 12 min', 'Signed: Hal Brody, PT 05/04/2026'].join(
        '\n',
      ),
    ]);
    const interventions = values(doc!, 'intervention');
    expect(interventions.some((v) => v.startsWith('Harborview'))).toBe(false);
    expect(values(doc!, 'patient-name')).toContain('LOOMIS, PETRA');
  });
});

describe('signatures', () => {
  it('reads "Signed electronically by" with the credential after the name without a comma', () => {
    const [doc] = readText(
      [
        'REFERRAL FOR PHYSICAL THERAPY',
        'Patient: Quist, Arne   DOB: 07/30/1950',
        'Evaluate and treat, 2x/week for 6 weeks.',
        'Signed electronically by Maren T Aalto APRN on 02/11/2026 09:05',
      ].join('\n'),
    );
    expect(values(doc!, 'physician-signer')).toEqual(['Maren T Aalto']);
    expect(values(doc!, 'physician-signed-date')).toEqual(['2026-02-11']);
  });

  it('a "Signature" heading ruled off over an electronic signature is no blank signature', () => {
    const note = (under: string) =>
      readText(
        [
          'PT DAILY NOTE',
          'Patient: Quist, Arne   DOB: 07/30/1950',
          'Date of service: 02/16/2026',
          'Signature',
          '________________________________________',
          under,
        ].join('\n'),
      )[0]!;
    const signed = note('Electronically signed by Ilse Varga, PT, DPT on 02/16/2026 at 4:10 PM');
    expect(values(signed, 'signature-blank')).toEqual([]);
    expect(values(signed, 'signer')).toEqual(['Ilse Varga']);
    // A printed name under the rule is the name under a line left to sign by hand.
    expect(values(note('Ilse Varga, PT'), 'signature-blank')).toEqual(['blank']);
  });
});

describe('a note that says it is unsigned', () => {
  const note = (last: string[]) =>
    readText(
      [
        'OT DAILY NOTE',
        'Patient: Quist, Arne   DOB: 07/30/1950',
        'Date of service: 02/18/2026',
        'Fine motor: pegboard 9 holes x 3, putty pinch 3x10 (20 min).',
        ...last,
      ].join('\n'),
    )[0]!;

  it('is unsigned, and its own statement is what a finding quotes', () => {
    const doc = note(['=== DOCUMENT NOT SIGNED - AWAITING THERAPIST SIGNATURE ===']);
    expect(doc.facts.find((f) => f.kind === 'signature-blank')?.provenance.quote).toBe(
      '=== DOCUMENT NOT SIGNED - AWAITING THERAPIST SIGNATURE ===',
    );
    expect(values(note(['Signature status: pending e-signature']), 'signature-blank')).toEqual([
      'blank',
    ]);
  });

  it('a signed note that mentions a signature elsewhere stays signed', () => {
    const doc = note([
      'Pt awaiting signature from employer on light-duty form.',
      'Electronically signed by Ilse Varga, OTR/L on 02/18/2026',
    ]);
    expect(values(doc, 'signature-blank')).toEqual([]);
    expect(values(doc, 'signer')).toEqual(['Ilse Varga']);
  });
});

describe('an outside record filed under a type field', () => {
  it('is the document the field names', () => {
    const [doc] = readText(
      [
        'Scanned Document: Physician Order',
        'Patient: Quist, Arne   DOB: 07/30/1950',
        'Order date: 02/10/2026',
        'Work conditioning, 3 hours a day, 3x/week for 4 weeks.',
        'Electronically signed by Tomas Reyes, MD on 02/10/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('physician-order');
  });
});

describe('goals', () => {
  it('a long-term table numbered from 1 under its own term is not the short-term list again', () => {
    const [doc] = readText(
      [
        'PT EVALUATION AND PLAN OF CARE',
        'Date of service: 02/16/2026',
        'Goals',
        'Short-term goals (2 weeks):',
        '1. Knee flexion 100 degrees',
        '2. Independent with home program',
        'Long-term goals (6 weeks):',
        ['#', 'Goal', 'Baseline', 'Target date'].join('\t'),
        ['1', 'Walk 1000 ft on grass without a cane', '300 ft', '03/30/2026'].join('\t'),
        ['2', 'Stairs 14 steps reciprocal with one rail', 'step-to', '03/30/2026'].join('\t'),
      ].join('\n'),
    );
    expect(values(doc!, 'goal-short')).toHaveLength(2);
    expect(values(doc!, 'goal-long')).toHaveLength(2);
  });

  it('a goals table ends at the next line of its own', () => {
    const [doc] = readText(
      [
        'PT EVALUATION AND PLAN OF CARE',
        'Date of service: 02/16/2026',
        'Long-Term Goals (6 weeks)',
        ['Goal', 'Baseline', 'Status'].join('\t'),
        ['1. Lift 40 lb floor to waist', '15 lb', 'New'].join('\t'),
        ['2. Sit 60 min without a break', '20 min', 'New'].join('\t'),
        'Consent',
        'The patient agrees with the plan.',
      ].join('\n'),
    );
    expect(values(doc!, 'goal-long')).toHaveLength(2);
  });

  it('"without AD" and "w/o assist" are standards a reviewer can verify', () => {
    expect(measurableGoalText('Ambulate household distances without AD')).toBe(true);
    expect(measurableGoalText('Transfers bed to chair w/o assistance')).toBe(true);
    expect(measurableGoalText('Improve walking')).toBe(false);
  });
});

describe('a visit log exported as one HTML table', () => {
  const row = (date: string, signature: string) =>
    `<tr><td>${date}</td><td>Recumbent bike 8 min; bridges 2x12<br>Gait 200 ft x 3 with cues</td>` +
    `<td>97110: 18 min<br>97116: 12 min</td><td>30</td><td>${signature}</td></tr>`;
  const log = (rows: string[]) =>
    htmlToText(
      `<html><body><p><b>Patient:</b> Quist, Arne <b>DOB:</b> 07/30/1950</p>` +
        `<h3>Visit Log - Physical Therapy</h3><table><thead><tr><th>DOS</th><th>Treatment</th>` +
        `<th>Codes / Minutes</th><th>Timed Minutes Total</th><th>Signed</th></tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table></body></html>`,
    );

  it('splits into one note per visit, each with its date, minutes and signature', () => {
    const docs = readText(
      log([
        row('02/17/2026', 'E-signed by Ilse Varga, PT<br>02/17/2026 17:02'),
        row('02/19/2026', 'Note open - not signed'),
        row('02/24/2026', 'E-signed by Ilse Varga, PT<br>02/24/2026 16:40'),
      ]),
      'visit-log.html',
    );
    expect(docs.map((d) => [d.type, d.date])).toEqual([
      ['daily-note', '2026-02-17'],
      ['daily-note', '2026-02-19'],
      ['daily-note', '2026-02-24'],
    ]);
    expect(values(docs[0]!, 'signer')).toEqual(['Ilse Varga']);
    expect(values(docs[1]!, 'signer')).toEqual([]);
    expect(values(docs[0]!, 'patient-name')).toContain('Quist, Arne');
  });

  it('a table of short rows under a date column stays a table', () => {
    const text = htmlToText(
      '<table><tr><th>Date</th><th>Code</th><th>Units</th><th>Minutes</th></tr>' +
        '<tr><td>02/17/2026</td><td>97110</td><td>2</td><td>30</td></tr></table>',
    );
    expect(text).toContain('Date\tCode\tUnits\tMinutes');
    expect(text).toContain('02/17/2026\t97110\t2\t30');
  });
});
