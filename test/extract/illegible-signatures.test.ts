import { describe, expect, it } from 'vitest';
import { factValues } from './helpers';

const note = (line: string) => `Daily Note\nDate of Service: 09/09/2026\n${line}\n`;
const illegible = (line: string) => factValues(note(line), 'signature-illegible');
const signer = (line: string) => factValues(note(line), 'signer');

/** Each line, a signature as some EMR prints it, reads as [name, credentials] and not illegible. */
function expectSigners(cases: Array<[line: string, name: string, credentials: string]>): void {
  for (const [line, name, creds] of cases) {
    expect(signer(line), line).toEqual([name]);
    expect(factValues(note(line), 'credentials'), line).toEqual([creds]);
    expect(illegible(line), line).toEqual([]);
  }
}

describe('illegible signatures', () => {
  it('reads a signature said to be illegible, with what else the line gives', () => {
    const line = 'Signature: [illegible], PT  Date: 09/09/2026';
    expect(illegible(line)).toEqual(['[illegible]']);
    expect(factValues(note(line), 'credentials')).toEqual(['PT']);
    expect(factValues(note(line), 'signed-date')).toEqual(['2026-09-09']);
    expect(illegible('Therapist Signature: (signature illegible) PT 09/09/2026')).toEqual([
      '(signature illegible)',
    ]);
    expect(illegible('Signed: unreadable scrawl')).toEqual(['unreadable scrawl']);
    expect(
      factValues(
        'Physician Order\nPhysician Signature: [illegible] MD  Date: 08/31/2026\n',
        'signature-illegible',
      ),
    ).toEqual(['[illegible]']);
  });

  it('reads characters no name has, on a line with a signature date or credentials, as illegible', () => {
    // What OCR makes of a handwritten scrawl.
    expect(illegible('Signed: J~r#e  09/09/2026')).toEqual(['J~r#e']);
    expect(illegible('Signature: 4@x% PT')).toEqual(['4@x%']);
    expect(signer('Signed: J~r#e  09/09/2026')).toEqual([]);
  });

  it('does not call a remark, a blank line or a legible name illegible', () => {
    expect(illegible('Therapist: see attached note')).toEqual([]);
    expect(illegible('Clinician: 2 hrs, tolerated well')).toEqual([]);
    expect(illegible('Signature: ________  Date: ____')).toEqual([]);
    expect(factValues(note('Signature: ~~~~~~  Date: 09/09/2026'), 'signature-blank')).toEqual([
      'blank',
    ]);
    expect(illegible('Signature: Jane Roe-Smith PT DPT 9/9/26')).toEqual([]);
  });

  it('reads "/s/" signatures as the signer', () => {
    expect(signer('Signature: /s/ Jane Roe, PT  Date: 09/09/2026')).toEqual(['Jane Roe']);
    expect(signer('Signature: /s/ J. Roe PT 9/9/26')).toEqual(['J. Roe']);
    expect(signer('Signature: Jane Roe /s/  Date: 09/09/2026')).toEqual(['Jane Roe']);
  });

  it('never reads a remark, a narrative line or a pending signature as a signer', () => {
    // "pt" (patient), "OT", "MD", "do" end these lines the way credentials end a signature.
    const notSignatures = [
      'Therapist reviewed HEP with pt',
      'Signed consent obtained from pt',
      'Clinician discussed plan with pt',
      'Therapist recommends continued PT',
      'Therapist consulted with OT',
      'Therapist to contact MD on 03/10/2026',
      'Therapist will fax POC to referring MD 03/10/2026',
      'Signed: patient unable to do',
      'Signature: not yet signed, PT',
      'Signature: unsigned, PT',
      'Signature: Pending, PT',
      'Signature: awaiting signature, PT',
      'Signed: unable to obtain, PT',
      'Signature: patient refused to sign, pt',
      'Signature: to be signed by supervising PT',
      'Signature: See attached',
      'Signature: jane roe, PT  Date: 09/09/2026',
    ];
    for (const line of notSignatures) {
      expect(signer(line), line).toEqual([]);
      expect(factValues(note(line), 'physician-signer'), line).toEqual([]);
      expect(illegible(line), line).toEqual([]);
    }
  });
});

describe('signatures as other EMRs print them', () => {
  it('reads the signer before a licence or NPI number, not an illegible signature', () => {
    expectSigners([
      [
        'Electronically signed by: Jane Roe, PT, DPT (Lic #PT12345) on 03/04/2026 at 2:22 PM',
        'Jane Roe',
        'PT, DPT',
      ],
      ['Signed: Jane Roe PT License #12345 03/04/2026', 'Jane Roe', 'PT'],
      ['Signature: Jane Roe, MPT, #4471 Date: 3/4/26', 'Jane Roe', 'MPT'],
      ['Signature: Jane Roe, PT, Lic. 12345  Date: 3/4/26', 'Jane Roe', 'PT'],
      ['Signed by Jane Roe, PT (NPI 1234567890) 03/04/2026', 'Jane Roe', 'PT'],
    ]);
  });

  it('reads the first signer of a co-signed line, inverted names, and ends the name at separators', () => {
    expectSigners([
      ['Therapist: Jane Roe, PT & John Doe, PTA', 'Jane Roe', 'PT'],
      ['Therapist: Jane Roe, PT / John Doe, PTA', 'Jane Roe', 'PT'],
      ['Electronically signed by ROE, JANE PT on 03/04/2026', 'ROE, JANE', 'PT'],
      ['Therapist: Roe, Jane, PT', 'Roe, Jane', 'PT'],
      ['Signature: Jane Roe, PT @ 14:22 03/04/2026', 'Jane Roe', 'PT'],
      ['Signature: Jane Roe, PT; 03/04/2026', 'Jane Roe', 'PT'],
      ['Signature: Jane Roe, PT/Date: 03/04/2026', 'Jane Roe', 'PT'],
      ['Signature: Jane Roe, PT 14:22', 'Jane Roe', 'PT'],
      ['Signature: Jane Roe, PT - 03/04/2026 10:00', 'Jane Roe', 'PT'],
    ]);
  });

  it('does not read other fields of a signature block as a signature, or as a blank one', () => {
    const fields = [
      'Therapist NPI: 1234567890',
      'Therapist License: PT12345',
      'Rendering Provider NPI: 1234567890',
      'Signature Date: 03/04/2026',
      'Signed On: 03/04/2026',
      'Signed License #: 1234567890',
      'Physician Signature Dated: 03/10/2026',
      'Therapist ID: PT',
      'Rendering Provider: Acme PT, Inc.',
      'Signed: Jane Roe, Physical Therapist',
      'Signed: Jane Roe, PT Final',
    ];
    for (const line of fields) {
      for (const kind of ['signer', 'physician-signer', 'signature-blank'] as const)
        expect(factValues(note(line), kind), `${line}: ${kind}`).toEqual([]);
      expect(illegible(line), line).toEqual([]);
    }
    // An empty signature field stays blank, date filled in or not.
    for (const line of ['Signature:      Date: 03/04/2026', 'Signature: ________  Date: ____'])
      expect(factValues(note(line), 'signature-blank'), line).toEqual(['blank']);
  });

  it('reads a signature date on its own line under the signature', () => {
    const text = note('Signature: Jane Roe, PT\nSignature Date: 03/04/2026');
    expect(factValues(text, 'signer')).toEqual(['Jane Roe']);
    expect(factValues(text, 'signed-date')).toEqual(['2026-03-04']);
  });

  it('reads credentials after a slash as the same signer, and credentials joined by one', () => {
    expectSigners([
      ['Signature: Jane Roe / PT  Date: 03/04/2026', 'Jane Roe', 'PT'],
      ['Signature: Jane Roe, PT/DPT 03/04/2026', 'Jane Roe', 'PT/DPT'],
      ['Signature: Jane Roe, PT — 03/04/2026', 'Jane Roe', 'PT'],
    ]);
  });

  it('reads credentials written with dots', () => {
    expectSigners([
      ['Signature: Jane Roe, P.T.  Date: 03/04/2026', 'Jane Roe', 'P.T'],
      ['Signature: Jane Roe, D.P.T. 03/04/2026', 'Jane Roe', 'D.P.T'],
      ['Signature: Sam Lee, P.T.A. 03/04/2026', 'Sam Lee', 'P.T.A'],
    ]);
  });

  it('reads names with accents and other letters beyond ASCII', () => {
    expect(signer('Signature: José Núñez, PT 03/04/2026')).toEqual(['José Núñez']);
    expect(signer('Signed: Zoë Łukasiewicz 03/04/2026')).toEqual(['Zoë Łukasiewicz']);
  });
});

describe('signature logs and attestations', () => {
  const logs = (text: string) => factValues(text, 'signature-log');

  it('reads a signature log heading, not as a signature', () => {
    const text = 'Signature Log\nJane Roe, PT, DPT   JR\nSam Lee, PTA   SL\n';
    expect(logs(text)).toEqual(['log']);
    expect(factValues(text, 'signer')).toEqual([]);
    expect(logs('Provider Signature Attestation Statement\n')).toEqual(['log']);
  });

  it("reads an author's attestation of a record entry's signature", () => {
    expect(
      logs(
        'Attestation\nI, Jane Roe, PT, hereby attest that the medical record entry for 09/09/2026\naccurately reflects signatures/notations that I made.\n',
      ),
    ).toEqual(['attestation']);
  });

  it('does not read a patient attestation or a signature-log mention in a sentence', () => {
    expect(
      logs('Intake\nI hereby attest that the information I provided above is true.\n'),
    ).toEqual([]);
    // The patient's own signature line under it does not make it an author's attestation.
    expect(
      logs(
        'Intake\nI hereby attest that the information I have provided is true and complete.\nPatient Signature: Grace Okafor   Date: 09/30/2026\n',
      ),
    ).toEqual([]);
    expect(
      logs(
        'Daily Note\nPatient asked about the signature log the front desk keeps for visitors, and about parking.\n',
      ),
    ).toEqual([]);
  });
});
