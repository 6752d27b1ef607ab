/**
 * Round 37's styles the readers missed, written here in other words than the held-out charts': a
 * hospital print whose header names the document "... Treatment Documentation" above a body that
 * quotes its authorization, a charge master's "EA 15 MIN" descriptor beside units, an indented
 * signature block under its own heading, a letter's copy list indented under "cc:", a goal whose
 * line wrapped inside its bracket, and an approval table whose evaluation row has a period of its
 * own beside the program's.
 */
import { describe, expect, it } from 'vitest';
import { readText, values } from './helpers';

describe("a hospital document's header and charges", () => {
  const note = [
    'ST. BRENDAN COMMUNITY HOSPITAL - OUTPATIENT THERAPY',
    'Patient:  QUILLAN, MORWENNA    MRN: 7730122',
    'Document Type:   PT Treatment Documentation',
    'Service Date/Time:   10/06/2026 14:15 EDT',
    'Visit Details',
    '   Authorization # :   PA-88120 (Humana commercial, 12 visits, 09/28/2026-11/30/2026)',
    '   Therapeutic Exercise Minutes :   25 minutes',
    '   Manual Therapy Minutes :   10 minutes',
    '   Total Timed Minutes :   35 minutes',
    'Charges',
    '   97110 HC THER EXERCISE EA 15 MIN   x2',
    '   97140 HC MANUAL THERAPY EA. 15 MIN   x1',
    'Authentication',
    '   Electronically signed 10/06/2026 15:02 EDT',
    '   _________________________________',
    '   Fairweather, Oona, PT, DPT',
  ].join('\n');

  it('reads "Treatment Documentation" as the visit\'s note, whatever authorization it quotes', () => {
    expect(readText(note)[0]!.type).toBe('daily-note');
  });

  it('takes no minutes from a code\'s "EA 15 MIN" descriptor', () => {
    const [doc] = readText(note);
    // The services' own minutes are their named rows'; the charge lines add no 15s.
    expect(values(doc, 'service-minutes')).toEqual(['25', '10']);
    expect(values(doc, 'timed-minutes')).toEqual(['35']);
  });

  it('reads the signer indented under the signature rule', () => {
    const [doc] = readText(note);
    expect(values(doc, 'signer')).toEqual(['Fairweather, Oona']);
    expect(values(doc, 'credentials')).toEqual(['PT, DPT']);
  });

  it('takes no signer from a "Signature Block" heading', () => {
    const [doc] = readText(
      [
        'Daily Treatment Note   DOS 10/06/2026',
        'Plan: continue POC.',
        'Signature Block',
        '   e-signed 10/06/2026 15:02',
        '   Oona Fairweather, PT, DPT',
      ].join('\n'),
    );
    expect(values(doc, 'signer')).toEqual(['Oona Fairweather']);
  });
});

describe('a letter copied to others', () => {
  it('takes the people on an indented copy list for no signers', () => {
    const [doc] = readText(
      [
        'Harbor Light Case Management',
        'October 9, 2026',
        'RE: Claimant Ignatius Prewett, Claim 55-90012',
        'The work conditioning program is approved as requested.',
        'Regards,',
        'Magdalena Irwin-Soto, RN, CCM',
        'Nurse Case Manager',
        '',
        'Copies to:  Dale Ferrante, Adjuster',
        '            Rosalind Achebe, MD',
        '            Prewett Lumber Co.',
      ].join('\n'),
    );
    expect(values(doc, 'signer')).toEqual(['Magdalena Irwin-Soto']);
    expect(values(doc, 'physician-signer')).toEqual([]);
  });
});

describe('a goal wrapped inside its bracket', () => {
  it('keeps "05) ..." on the next line as the goal\'s end, not a fifth goal', () => {
    const [doc] = readText(
      [
        'OT Evaluation 10/01/2026',
        'Goals (target 11/12/2026):',
        'Goal 1: Pt will dress lower body with AE at modified independence (GG0130F',
        '05) in 4 of 5 sessions.',
        'Goal 2: Pt will stand at sink 8 min for grooming without LOB.',
      ].join('\n'),
    );
    const goals = [...values(doc, 'goal-long'), ...values(doc, 'goal-short')];
    expect(goals).toHaveLength(2);
    expect(goals[0]).toContain('05) in 4 of 5 sessions');
  });
});

describe("an approval table's rows", () => {
  const letter = (rows: string[]) =>
    [
      'Cedar Point Claims Administrators',
      'AUTHORIZATION FOR TREATMENT',
      'Claimant: Ignatius Prewett     Claim: 55-90012',
      'Item\tApproved\tValid',
      ...rows,
    ].join('\n');

  it("takes the program's period, not its evaluation's", () => {
    const [doc] = readText(
      letter([
        'Entry evaluation 97750\t1 visit\t10/12/2026 - 10/16/2026',
        'Work conditioning 97545/97546\t12 visits, 36 hours\t10/12/2026 - 11/20/2026',
      ]),
    );
    expect(values(doc, 'auth-start')).toEqual(['2026-10-12']);
    expect(values(doc, 'auth-end')).toEqual(['2026-11-20']);
    expect(values(doc, 'auth-visits')).toEqual(['12']);
  });

  it("keeps an evaluation's period where no other row gives one", () => {
    const [doc] = readText(letter(['Entry evaluation 97750\t1 visit\t10/12/2026 - 10/16/2026']));
    expect(values(doc, 'auth-start')).toEqual(['2026-10-12']);
    expect(values(doc, 'auth-end')).toEqual(['2026-10-16']);
  });
});

describe('a faxed order signed by hand above its rule', () => {
  it('reads the name written under the label and the date at the end of the rule', () => {
    const [doc] = readText(
      [
        'ORDER FOR PHYSICAL THERAPY',
        'Patient: Prewett, Ignatius    DOB 03/09/1961',
        'Dx: M54.16 lumbar radiculopathy. Evaluate and treat.',
        'Ordering Provider Signature:',
        '        Bartholomew Ince PA-C',
        '        ____________________________        Date 10/02/26',
      ].join('\n'),
    );
    expect(values(doc, 'physician-signer')).toEqual(['Bartholomew Ince']);
    expect(values(doc, 'physician-signed-date')).toEqual(['2026-10-02']);
  });
});
