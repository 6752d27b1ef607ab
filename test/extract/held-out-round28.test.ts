/**
 * Round 28's styles the readers missed, written here in other EMRs' words than the held-out
 * charts': a bilingual clinic's glossed labels, a benefits printout's bucket headings, a CMS-700's
 * prior and current level of function, a worker's form that says "Employee's Name".
 */
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src-main/core/extract';
import { pageLines } from '../../src-main/core/extract/lines';
import { expectQuotesExact, onePage, values } from './helpers';

function docsOf(text: string) {
  const pages = onePage(text);
  const docs = extractDocuments('note.txt', pages);
  expectQuotesExact(docs, pages);
  return docs;
}

describe('bilingual labels read by their first half', () => {
  // A Spanish/English community-clinic visit note: every label carries its translation.
  const glossed = [
    'VALLE VERDE COMMUNITY THERAPY',
    'TREATMENT NOTE / NOTA DE TRATAMIENTO',
    'Patient Name / Nombre del paciente: MARTINEZ-OCHOA, LUZ     Date of Birth / Fecha de nacimiento: 03/22/1961',
    'Visit Date / Fecha de visita: 10/14/2026     MRN / Expediente: 448120',
    'Therapist / Terapeuta: Dana Kuehl, PT',
    '',
    'PATIENT REPORT / INFORME DEL PACIENTE',
    'Knee stiff in the morning, better after walking. Rodilla rígida por la mañana.',
    '',
    'TREATMENT PROVIDED / TRATAMIENTO',
    '97110 Therapeutic exercise 25 min; 97140 Manual therapy 10 min',
    '',
    'RESPONSE / RESPUESTA',
    'Tolerated well, no increase in pain.',
    '',
    'Signed / Firmado: Dana Kuehl, PT 10/14/2026',
  ].join('\n');

  it('reads the patient, the date, the signer and the sections through their glosses', () => {
    const [doc] = docsOf(glossed);
    expect(values(doc, 'patient-name')).toEqual(['MARTINEZ-OCHOA, LUZ']);
    expect(values(doc, 'dob')).toEqual(['1961-03-22']);
    expect(doc?.date).toBe('2026-10-14');
    expect(values(doc, 'signer')).toEqual(['Dana Kuehl']);
    expect(values(doc, 'section')).toEqual(
      expect.arrayContaining(['interventions', 'patient-response']),
    );
  });

  it('keeps every offset: the gloss reads as blank, the colon moves to the label', () => {
    const page = onePage(glossed)[0]!;
    const lines = pageLines(page);
    const patient = lines.find((l) => l.text.startsWith('Patient Name:'))!;
    expect(patient.text).toHaveLength(patient.end - patient.start);
    expect(patient.text).toMatch(
      /^Patient Name: {2,}MARTINEZ-OCHOA, LUZ {5}Date of Birth: +03\/22/,
    );
    expect(lines.find((l) => l.text.startsWith('RESPONSE'))!.text.trim()).toBe('RESPONSE');
  });

  it('leaves an English note with a few paired labels as written', () => {
    const english = [
      'Daily Note',
      'Patient: Olafsen, Bryn   DOB: 01/02/1950',
      'Date / Time: 10/14/2026 09:00',
      'Time In / Out: 09:00 / 09:45',
      'Assessment / Plan: continue per POC.',
      'Response / tolerance: tolerated well.',
      'Lifting / carrying: 20 lb floor to waist.',
      'Pain: 3/10   Vitals: BP 130/80   HEP: reviewed   Precautions: none',
      'Interventions: 97110 x 2   Minutes: 30   Units: 2   Diagnosis: M17.11',
      'Signature: Bryn Tate, PT 10/14/2026',
    ].join('\n');
    const lines = pageLines(onePage(english)[0]!);
    expect(lines.map((l) => l.text)).toEqual(english.split('\n'));
  });

  it('keeps a second label that names its own section ("Subjective / Objective")', () => {
    const lines = pageLines(
      onePage(
        [
          'Name / Nombre: Ruiz, Ana',
          'Date / Fecha: 10/01/2026',
          'Provider / Proveedor: K. Lee, OT',
          'Insurance / Seguro: Aetna',
          'Diagnosis / Diagnóstico: M25.511',
          'Subjective / Objective: pain 2/10, AROM 0-150',
        ].join('\n'),
      )[0]!,
    );
    expect(lines[0]!.text).toMatch(/^Name: +Ruiz, Ana$/);
    expect(lines[5]!.text).toBe('Subjective / Objective: pain 2/10, AROM 0-150');
  });
});

describe('a benefits printout names the bucket in a heading over its fields', () => {
  it('reads each heading\u2019s amount used, never the threshold figure under it', () => {
    const docs = docsOf(
      [
        'Medicare Eligibility Inquiry (270/271) Results',
        'Response received: 03/02/2026 14:05',
        'Beneficiary  DUNMORE, EARL   MBI 4TQ7-JK2-MN61',
        '',
        'Physical Therapy and Speech-Language Pathology',
        '  Limit amount (CY 2026) ..................... $2,480.00',
        '  Amount used this year ...................... $1,118.26',
        'Occupational Therapy',
        '  Limit amount (CY 2026) ..................... $2,480.00',
        '  Amount used this year ...................... $75.40',
      ].join('\n'),
    );
    const applied = docs.flatMap((d) =>
      d.facts
        .filter((f) => f.kind === 'therapy-threshold-applied')
        .map((f) => `${f.detail?.bucket} ${f.value} ${f.detail?.date ?? '-'}`),
    );
    expect(applied).toEqual(['PT/SLP 1118.26 2026-03-02', 'OT 75.40 2026-03-02']);
  });
});

describe('functional limitations and goals in a Medicare form\u2019s own words', () => {
  it('reads the current level set against the prior level as the limitation, not current medications', () => {
    const [doc] = docsOf(
      [
        'PLAN OF TREATMENT FOR OUTPATIENT REHABILITATION',
        'Patient: Haverkamp, June   DOB: 05/05/1939   Onset: 09/01/2026',
        'History: R hip ORIF 08/2026. Prior functional level: community ambulator, no device, drove.',
        'Current medications: apixaban, acetaminophen.',
      ].join('\n'),
    );
    expect(values(doc, 'section')).not.toContain('functional-limitations');
    const [form] = docsOf(
      [
        'PLAN OF TREATMENT FOR OUTPATIENT REHABILITATION',
        'Patient: Haverkamp, June   DOB: 05/05/1939   Onset: 09/01/2026',
        'History: R hip ORIF 08/2026. Prior level of function: community ambulator, drove. Current: walker at all times.',
      ].join('\n'),
    );
    expect(values(form, 'section')).toContain('functional-limitations');
  });

  it('reads a time with a word before its unit as measurable ("45 uninterrupted minutes")', () => {
    const [doc] = docsOf(
      [
        'Work Conditioning Plan',
        'Claimant\u2019s Name: Pike, Arlo',
        "Employee's Name: Pike, Arlo   Claim: WC-26-1187",
        'Goals (by 11/20/2026):',
        '1. Sit at a workstation 45 uninterrupted minutes to return to dispatch duty.',
      ].join('\n'),
    );
    expect(values(doc, 'patient-name')).toContain('Pike, Arlo');
    const goal = doc?.facts.find((f) => f.kind === 'goal-long' || f.kind === 'goal-short');
    expect(goal?.detail?.measurable).toBe(true);
  });
});
