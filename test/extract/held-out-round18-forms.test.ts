/**
 * Forms first met on the eighteenth held-out round (checkbox SOAP forms and faxed orders): a
 * physician's specialty printed in brackets after the credentials, over a "Signed <date>" line;
 * one header line that times several services, each with its own minutes. Written in other
 * clinics' words, each with a case that must not be read.
 */
import { describe, expect, it } from 'vitest';
import { readText, values } from './helpers';

describe('a specialty in brackets after the signer', () => {
  const order = (signer: string) =>
    [
      'REHABILITATION REFERRAL',
      'Patient: Ostrowski, Pavel   DOB: 01/02/1970',
      'Date: 04/14/2026',
      'Diagnosis: M54.50 Low back pain',
      'Please evaluate and treat. 2x/week x 6 weeks.',
      '______________________________',
      signer,
      'Signed 04/14/2026 09:12',
    ].join('\n');

  it('reads the name above a "Signed <date>" line past its bracketed specialty and NPI', () => {
    const [doc] = readText(
      order('Hanna K. Lindqvist, DO (Physical Medicine & Rehab) NPI 1457788990'),
    );
    expect(values(doc!, 'physician-signer')).toEqual(['Hanna K. Lindqvist']);
    expect(values(doc!, 'physician-signed-date')).toEqual(['2026-04-14']);
  });

  it('does not take a bracketed remark with no name before it as a signer', () => {
    const [doc] = readText(order('(Physical Medicine & Rehab) NPI 1457788990'));
    expect(values(doc!, 'physician-signer')).toEqual([]);
  });
});

describe('several services timed on one line', () => {
  const note = (header: string) =>
    [
      'OUTPATIENT PT EVALUATION',
      'Patient: Marchetti, Lucia   DOB: 07/08/1961',
      header,
      'Assessment: lumbar strain, good potential.',
      'Electronically signed by Ada Brenner, PT, DPT on 05/04/2026 16:10',
    ].join('\n');
  const minutes = (doc: ReturnType<typeof readText>[number]) =>
    doc.facts
      .filter((f) => f.kind === 'service-minutes')
      .map((f) => `${String(f.detail?.code)}:${f.value}`);

  it('gives each code listed after the first its own minutes', () => {
    const [a] = readText(
      note('Visit 05/04/2026 — 97161 low complexity 30 min, 97530 ther act 23 min'),
    );
    expect(minutes(a!)).toEqual(['97161:30', '97530:23']);
    const [b] = readText(
      note('Visit 05/04/2026 Eval 13:00-13:40 (97162) Testing 13:40-14:10 (97750 x2, 30 min)'),
    );
    expect(minutes(b!)).toEqual(['97162:40', '97750:30']);
  });

  it("does not give a later code a total's minutes", () => {
    const [doc] = readText(note('Visit 05/04/2026 — 97161 30 min, 97530 x2 total 53 min'));
    expect(minutes(doc!)).toEqual(['97161:30']);
  });
});

describe('a ticked treatment row with its minutes cell blank', () => {
  const note = (rows: string[]) =>
    [
      'PT TREATMENT NOTE',
      'Patient: Nakamura, Ren   DOB: 03/04/1985',
      'Date of service: 05/11/2026',
      'Modality / Procedure\tSettings\tMin',
      ...rows,
      'Total timed minutes: 25',
      'Electronically signed by Ada Brenner, PT, DPT on 05/11/2026 16:10',
    ].join('\n');

  it('says which furnished service has no minutes', () => {
    const [doc] = readText(
      note(['☑ Ther ex 97110\tbike, bridges\t25', '☑ Iontophoresis 97033\tdex 40 mA-min']),
    );
    expect(values(doc!, 'service-minutes-blank')).toEqual(['97033']);
  });

  it('says nothing of an unticked row or a ticked row with its minutes', () => {
    const [doc] = readText(
      note([
        '☑ Ther ex 97110\tbike, bridges\t15',
        '☑ Iontophoresis 97033\tdex\t10',
        '☐ Gait 97116',
      ]),
    );
    expect(values(doc!, 'service-minutes-blank')).toEqual([]);
  });
});

describe('an approval that names its visits with their service', () => {
  const response = (approved: string) =>
    [
      'UTILIZATION REVIEW DETERMINATION',
      'Claimant: Oyelaran, Tunde   Claim No: WC-88-10442   DOB: 02/02/1975',
      'Reason for request: no progress after 6 chiropractic visits.',
      'Decision: [X] Certified   [ ] Non-certified',
      'Reference #: UR-4410-22',
      approved,
    ].join('\n');

  it('reads "evaluation x1 and 8 OT treatment visits" as 8 visits', () => {
    const [doc] = readText(
      response('Certified: OT evaluation x1 and 8 OT treatment visits, 03/02/2026 to 04/10/2026.'),
    );
    expect(values(doc!, 'auth-visits')).toEqual(['8']);
  });

  it('does not take care already had, or the evaluation alone, as visits approved', () => {
    const [doc] = readText(response('Certified: OT evaluation x1, 03/02/2026 to 04/10/2026.'));
    expect(values(doc!, 'auth-visits')).toEqual([]);
  });
});

describe('an assessment that says what the impairment keeps from the job', () => {
  const evaluation = (assessment: string) =>
    [
      'OCCUPATIONAL THERAPY EVALUATION',
      'Patient: Haugen, Ingrid   DOB: 09/09/1980',
      'Date of service: 02/02/2026',
      'History: L wrist fracture 12/2025, ORIF.',
      `Assessment: ${assessment}`,
      'Electronically signed by Ada Brenner, OTR/L on 02/02/2026 16:10',
    ].join('\n');

  it('reads "grip weakness limiting warehouse picker tasks" as functional limitations', () => {
    const [doc] = readText(evaluation('Grip weakness limiting warehouse picker tasks.'));
    expect(values(doc!, 'section')).toContain('functional-limitations');
  });

  it('does not read a limit on the visits as one', () => {
    const [doc] = readText(evaluation('Good potential; limiting visits to 2x/week per plan.'));
    expect(values(doc!, 'section')).not.toContain('functional-limitations');
  });
});
