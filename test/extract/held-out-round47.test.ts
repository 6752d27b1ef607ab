/**
 * Round 47 (c135 a pediatric clinic under a Medicaid plan, c136 a community hospital's outpatient
 * SLP/PT, c137 Colorado workers' comp work conditioning) in other words: a licence number the
 * board writes with a point, a payer's response that grants by a sentence, an approval table that
 * numbers each approval in a column, a hospital's "outpatient assessment" beside its instrumental
 * swallow study, a discharge summary's look back to the last report, a physician's co-signature,
 * a diet order taken by phone, a session length given as a range, the employer's staff by their
 * abbreviated titles, and a result held over consecutive sessions.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readText, values } from './helpers';

describe('a signature whose licence number the board writes with a point', () => {
  it('is signed, with its credentials and date', () => {
    const [doc] = readText(
      [
        'TREATMENT NOTE',
        'Date of Service: 09/14/2026',
        'Patient: Oyarzun, Telma   DOB: 01/05/1969',
        'Ther ex 30 min. Total 30 min.',
        'Signed electronically by Wendell Obiora, PT, DPT WA Lic # PT.00061234 09/14/2026 4:40 PM',
      ].join('\n'),
    );
    expect(values(doc, 'signer')).toEqual(['Wendell Obiora']);
    expect(values(doc, 'signed-date')).toEqual(['2026-09-14']);
  });
});

describe("a payer's response to a request for prior authorization", () => {
  const response = [
    'Date: 09/02/2026',
    'RE: REQUEST FOR PRIOR AUTHORIZATION - DETERMINATION',
    'Claimant: Marisol T. Okonjo   Claim #: 77-410923',
    'After review, the services below have been approved:',
    'Approval No.\tService\tVisits\tFrom\tThrough',
    'WX-4471902\tWork conditioning 97545/97546\t12\t09/08/2026\t10/09/2026',
  ].join('\n');

  it('is the authorization it grants, numbered by its table', () => {
    const [doc] = readText(response);
    expect(doc!.type).toBe('authorization');
    expect(values(doc, 'auth-number')).toContain('WX-4471902');
    expect(values(doc, 'auth-visits')).toEqual(['12']);
  });

  it('takes no surname from the word its subject line ends on', () => {
    const [doc] = readText(response);
    expect(values(doc, 'patient-surname')).toEqual([]);
  });
});

describe("a community hospital's outpatient rehab documents", () => {
  it('its outpatient assessment is the evaluation; its instrumental swallow study a visit', () => {
    const head = (title: string) =>
      [
        `OUTPATIENT REHAB ASSESSMENT - ${title}`,
        'Date of Service: 06/02/2026',
        'Patient: Tolliver, Henrike   DOB: 04/11/1941',
      ].join('\n');
    expect(readText(head('OCCUPATIONAL THERAPY'))[0]!.type).toBe('evaluation');
    expect(readText(head('VIDEOFLUOROSCOPIC SWALLOW STUDY'))[0]!.type).toBe('daily-note');
  });

  it("a physician's electronic co-signature on the plan certifies it", () => {
    const [doc] = readText(
      [
        'PLAN OF TREATMENT - SPEECH THERAPY',
        'Date of Service: 06/02/2026',
        'Patient: Tolliver, Henrike   DOB: 04/11/1941',
        'Digitally Signed By: ABERNATHY-LUZ, CORA, MA, CCC-SLP on 06/02/26 at 1420',
        'Digitally Co-Signed By: HALVERSEN-ODUYA, PIETER, DO on 06/04/26 at 0815',
      ].join('\n'),
    );
    expect(values(doc, 'physician-signer')).toEqual(['HALVERSEN-ODUYA, PIETER']);
    expect(values(doc, 'physician-signed-date')).toEqual(['2026-06-04']);
  });

  it('a diet order taken by phone certifies no plan; a verbal order for therapy does', () => {
    const [doc] = readText(
      [
        'SPEECH THERAPY TREATMENT NOTE',
        'Date of Service: 06/09/2026',
        'Telephone order from Dr. Abernathy-Luz today: advance to IDDSI 7 regular, thin liquids.',
        'Verbal order received 06/09/2026 from Dr. Halversen-Oduya to continue ST per plan.',
      ].join('\n'),
    );
    expect(values(doc, 'verbal-certification')).toEqual(['2026-06-09']);
    expect(factsOf(doc, 'verbal-certification')[0]!.provenance.quote).toMatch(/^Verbal order/);
  });
});

describe("a discharge summary's look back to the last report", () => {
  it('heads a section of the summary, not a report of its own', () => {
    const docs = readText(
      [
        'OT DISCHARGE SUMMARY',
        'Date: 07/30/2026',
        'Patient: Quartermaine, Eleni   DOB: 03/03/2019',
        'Changes Since the Previous Progress Note (07/02/2026)',
        'Buttons independently; scissor skills improved.',
        'Electronically signed by Priya Okoro-Vance, OTR/L on 07/30/2026',
      ].join('\n'),
    );
    expect(docs.map((d) => d.type)).toEqual(['discharge-summary']);
  });
});

describe("a work conditioning plan's session length given as a range", () => {
  it('is its amount', () => {
    const [doc] = readText(
      [
        'WORK CONDITIONING PLAN OF CARE',
        'Date of Service: 05/04/2026',
        'Freq 3x/wk x 4 wks. Sessions 3-4 hrs, as tolerated.',
      ].join('\n'),
    );
    expect(values(doc, 'amount')).toEqual(['Sessions 3-4 hrs']);
  });
});

describe("the employer's staff by their abbreviated titles", () => {
  it('a call to the RTW coordinator and the shop supervisor is the employer', () => {
    const [doc] = readText(
      [
        'CASE COMMUNICATION LOG',
        'Patient: Okonjo, Marisol T   DOB: 08/02/1977',
        '09/10/2026\tPhone Out\tAcme Foundry - D. Ruelas, RTW Coord.; K. Ng, Shop Supv.\tWork status update given',
      ].join('\n'),
    );
    const parties = factsOf(doc, 'communication').flatMap(
      (f) => (f.detail?.parties as string[] | undefined) ?? [],
    );
    expect(parties).toContain('employer');
  });
});

describe('a result held over consecutive sessions', () => {
  it('is a measurable goal', () => {
    const [doc] = readText(
      [
        'SPEECH THERAPY PLAN OF CARE',
        'Patient: Tolliver, Henrike   DOB: 04/11/1941',
        'Long term goals (by 07/31/2026):',
        '1. Pt will tolerate soft solids with thin liquids without signs of aspiration across 4 successive meals.',
        'Signed: Cora Abernathy-Luz, MA, CCC-SLP 06/02/2026',
      ].join('\n'),
    );
    const goals = factsOf(doc, 'goal-long');
    expect(goals).toHaveLength(1);
    expect(goals[0]!.detail?.measurable).toBe(true);
  });
});
