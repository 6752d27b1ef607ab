/**
 * Styles first met in the twenty-sixth held-out round (c71 FHIR document Compositions, c72 a web
 * EMR's print view), written here in other clinics' words: a physician's e-signature with a
 * remark in brackets and "Signed:" with a weekday date on the same line, a cognitive or physical
 * deficit stated as what it affects, and a form's post-session pain rating as the response.
 * Cases that must not be read stand beside each.
 */
import { describe, expect, it } from 'vitest';
import { readText, values } from './helpers';

const order = (signature: string) =>
  readText(
    [
      'PHYSICIAN ORDER',
      'Patient: Marchetti, Orla',
      'Date of order: 09/14/2026',
      'OT evaluate and treat, 2x/week x 6 weeks.',
      signature,
    ].join('\n'),
  )[0];

describe("a physician's e-signature line", () => {
  it('ends the name at "Signed:" and reads its date, a weekday before it', () => {
    const doc = order('Physician signature: /s/ Ines Caldwell, DO Signed: Mon 09/14/26');
    expect(values(doc, 'physician-signer')).toEqual(['Ines Caldwell']);
    expect(values(doc, 'physician-signed-date')).toEqual(['2026-09-14']);
  });

  it('leaves a remark in brackets about how it was signed out of the name', () => {
    const doc = order(
      'Physician signature: /s/ Ines Caldwell, DO (e-signed through the referral portal) Signed: 09/14/2026',
    );
    expect(values(doc, 'physician-signer')).toEqual(['Ines Caldwell']);
    expect(values(doc, 'credentials')).toEqual(['DO']);
  });
});

const evaluation = (assessment: string) =>
  readText(
    [
      'SPEECH-LANGUAGE PATHOLOGY EVALUATION',
      'Patient: Marchetti, Orla   Date of service: 09/16/2026',
      '',
      'Assessment',
      assessment,
    ].join('\n'),
  )[0];

describe('a deficit stated by what it affects', () => {
  it('is a functional limitation', () => {
    for (const t of [
      'Moderate aphasia with word-finding deficits affecting her communication with family.',
      'Proximal weakness impacting ADLs and transfers.',
      'Cognitive deficit affecting memory and executive function (bill paying).',
    ])
      expect(values(evaluation(t), 'section')).toContain('functional-limitations');
  });

  it('is not read from a deficit that affects nothing the patient does', () => {
    const doc = evaluation('Deficits noted on testing; see table. Prognosis good.');
    expect(values(doc, 'section')).not.toContain('functional-limitations');
  });
});

describe("a form's pain rating after the session", () => {
  const visit = (line: string) =>
    readText(
      [
        'DAILY NOTE',
        'Patient: Marchetti, Orla   Date of service: 09/18/2026',
        'Pain pre: 4/10',
        'Ther ex 97110 30 min: wall slides, band rows.',
        line,
      ].join('\n'),
    )[0];

  it('says how the patient took it', () => {
    expect(values(visit('Pain post: 2/10'), 'section')).toContain('patient-response');
    expect(values(visit('Post-treatment pain 2/10'), 'section')).toContain('patient-response');
  });

  it('is not the rating before it', () => {
    expect(values(visit('Plan: continue'), 'section')).not.toContain('patient-response');
  });
});
