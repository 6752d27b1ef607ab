/**
 * Round 42's styles the readers missed, written here in other words than the held-out charts': a
 * hospital system's upper-case rehab reports ("REHAB ASSESSMENT", "REHAB TREATMENT RECORD",
 * "REHAB DISCHARGE", "SERV DATE:") whose report header repeats over each page ("RUN DATE ...
 * PAGE 2" and the patient's band), a physician who signs "via <portal> on <date>", a state fund's
 * prior authorization request and a physician's review form of a plan "dated" another day, and a
 * voice clinic's session grid headed with its meter's distance and its "Acoustic" measures.
 */
import { describe, expect, it } from 'vitest';
import { EVALUATION_CODES } from '../../src-main/core/domain/codes';
import { readPages, readText, values } from './helpers';

const reportHeader = (page: number, title: string) => [
  `RUN DATE: 05/04/26        PRAIRIE VIEW MEMORIAL HOSPITAL               PAGE ${page}`,
  'RUN TIME: 1402                 REHABILITATION SERVICES',
  '',
  `                          ${title}`,
  '================================================================================',
  'PATIENT: ODEGAARD,SIGRID M        ACCT#: V00331207     UNIT#: M000077310',
  'SERVICE: OCCUPATIONAL THERAPY      SERV DATE: 05/04/26',
  '================================================================================',
];

describe("a hospital system's upper-case rehab reports", () => {
  it('names the assessment, treatment record and discharge and dates them by SERV DATE', () => {
    const types = [
      ['REHAB ASSESSMENT', 'evaluation'],
      ['REHAB TREATMENT RECORD', 'daily-note'],
      ['REHAB DISCHARGE', 'discharge-summary'],
    ].map(([title]) => {
      const [doc] = readText(
        [
          ...reportHeader(1, title!),
          'PLAN: CONTINUE.',
          'SIGNED: ANNIKA VOSBURG OTR/L  05/04/26 1402',
        ].join('\n'),
      );
      return [doc!.type, doc!.date];
    });
    expect(types).toEqual([
      ['evaluation', '2026-05-04'],
      ['daily-note', '2026-05-04'],
      ['discharge-summary', '2026-05-04'],
    ]);
    // A label with its value is a field, not the report's title.
    expect(readText('Rehab assessment: tolerates session well.')[0]!.type).not.toBe('evaluation');
  });

  it('reads goals across a page break without the report header printed over page 2', () => {
    const [doc] = readPages([
      [
        ...reportHeader(1, 'REHAB ASSESSMENT'),
        'GOALS:',
        '  LONG TERM GOALS (4 WEEKS - BY 06/01/26):',
      ].join('\n'),
      [
        ...reportHeader(2, 'REHAB ASSESSMENT (CONTINUED)'),
        '   1. UB DRESSING MOD I.',
        '   2. GRIP R >= 40 LB.',
        'SIGNED: ANNIKA VOSBURG OTR/L  05/04/26 1402',
      ].join('\n'),
    ]);
    expect(values(doc, 'goal-long')).toEqual(['UB DRESSING MOD I.', 'GRIP R >= 40 LB.']);
  });
});

describe('signatures and forms', () => {
  it('reads a physician who signs "via <portal> on <date>" after the name and NPI', () => {
    const [doc] = readText(
      [
        'Plan of Care',
        'PHYSICIAN CERTIFICATION',
        'Electronically signed by Tomas Ekwall, DO (NPI 1456789012) via the clinic e-sign portal on 05/11/2026 at 8:02 AM',
      ].join('\n'),
    );
    expect(values(doc, 'physician-signer')).toEqual(['Tomas Ekwall']);
    expect(values(doc, 'physician-signed-date')).toEqual(['2026-05-11']);
  });

  it("names a physician's review form by its title, not by the plan it reviews", () => {
    const [doc] = readText(
      [
        'Prairie Rehab, PLLC - PLAN OF CARE PHYSICIAN REVIEW',
        'Patient: Odegaard, Sigrid',
        'Plan of care dated 05/04/2026 (Annika Vosburg, OTR/L)',
        '[X] I approve the plan as written.',
        'Physician signature: /s/ Tomas Ekwall, DO   Date: 05/08/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('certification');
  });

  it("takes a state fund's prior authorization request for a request, not an approval", () => {
    const [doc] = readText(
      [
        'AUTHORIZATION REVIEW REQUEST',
        'Date of request: 05/20/2026',
        'Services requested: 8 visits of occupational therapy',
      ].join('\n'),
    );
    expect(doc!.type).not.toBe('authorization');
    expect(values(doc, 'auth-visits')).toEqual([]);
  });
});

describe("a voice clinic's session", () => {
  it('reads the session grid under a header that names its meter distance in brackets', () => {
    const [doc] = readText(
      [
        'Treatment Note   Date of Service: 06/02/2026',
        'Task\tReps\tLevel (dB @ 50 cm)\tCues',
        'Sustained phonation\t15\t84 dB\tmin',
        'Reading passage\t1\t76 dB\tmod',
        'Signed: Lorna Pike, M.A., CCC-SLP 06/02/2026',
      ].join('\n'),
    );
    expect(values(doc, 'intervention')).toHaveLength(2);
  });

  it('takes "Acoustic measures" for the objective section and 92524 for an evaluation code', () => {
    const [doc] = readText(
      [
        'Voice Evaluation   DOS 06/01/2026',
        'Acoustic measures:',
        'MPT 9 s; reading 68 dB SPL.',
      ].join('\n'),
    );
    expect(values(doc, 'section')).toContain('objective');
    expect(EVALUATION_CODES.has('92524')).toBe(true);
  });
});
