import { describe, expect, it } from 'vitest';
import { extractDocuments, fileIdentity } from '../../src-main/core/extract';
import { expectQuotesExact, onePage, quotes, values } from './helpers';

// Style A: a work-conditioning EMR with "Label: value" headers, SOAP letters and an e-signature.
const STYLE_A = `Lakeside Rehab & Work Performance Center
Patient: OKAFOR, JAMES    DOB: 05/06/1971    MRN: 200871
Insurance: Texas Mutual WC    Claim #: TM-448812
Work Conditioning Daily Note
Date of Service: 03/04/2026        Visit 7 of 20
Time In: 8:00 AM   Time Out: 12:05 PM
Rest break 15 min; lunch 30 min

S: Pt reports low back soreness 3/10 after yesterday's session.
O:
- Floor-to-waist lift 35 lb x 10 reps
- Carry 40 lb x 100 ft x 4
BP 128/82  HR 88 bpm  SpO2 98%  RPE 13
A: Tolerated progression of lifting load. STG #2 partially met.
P: Continue work conditioning 5x/week for 4 weeks.

Total Timed Code Minutes: 200
CPT: 97545 x1, 97546 x2
Electronically signed by Jane Roe, PT, DPT on 03/04/2026 14:22
`;

// Style B: hospital-style upper-case headings, compact dates, 24-hour range, paper signature.
const STYLE_B = `OCCUPATIONAL THERAPY TREATMENT NOTE
DOS 3/5/26
Name: Maria Lopez   D.O.B. 11/2/84   Acct # 55120
Carrier: Hartford
Session time 0800-1130
Treatment day 4

INTERVENTIONS
1. Work simulation: overhead reach with 10 lb x 3 min
2. Ladder climb 12 rungs x 5

Charges: 97545 (1 unit), 97546 (1 unit)
Signed: M. Patel OTR/L 3/5/26
`;

// Style C: evaluation and plan of care with goals, frequency and a blank physician line.
const STYLE_C = `Riverside Physical Therapy
Work Conditioning Evaluation
Visit Date: 2026-03-02
Pt: Chen, Robert     Date of Birth: 1979-08-14     Chart # C-7781
Diagnosis: M54.50 Low back pain, unspecified; S33.5XXA Sprain of ligaments of lumbar spine
History: lifting injury at work 01/15/2026 (DOI). Completed 8 weeks of PT and plateaued in physical therapy.
Job Title: Warehouse Associate
Job demands: Medium PDL, frequent lifting to 50 lb.
Objective:
Lumbar flexion 40 degrees
Floor-to-waist lift 20 lb, sitting tolerance 20 minutes
Assessment: Good rehab potential for return to full duty.
Short-term goals:
1. Lift 35 lb floor to waist x 5 by 03/16/2026
2. Sit 45 minutes without increase in pain
Long-term goals:
1. Lift 50 lb floor to waist to meet medium PDL by 04/30/2026
Frequency/Duration: 3-5 times per week x 6 wks
Total time: 1 hr 15 min
Therapist: Ann Smith, PT  Date: 03/02/2026
Physician signature: ____________  Date: ________
`;

describe('single notes in different EMR styles', () => {
  it('reads a work-conditioning daily note (style A)', () => {
    const pages = onePage(STYLE_A);
    const docs = extractDocuments('a/daily.txt', pages);
    expectQuotesExact(docs, pages);
    expect(docs).toHaveLength(1);
    const d = docs[0]!;
    expect(d).toMatchObject({
      type: 'daily-note',
      title: 'Work Conditioning Daily Note',
      date: '2026-03-04',
      discipline: 'PT',
    });
    expect(values(d, 'patient-name')).toEqual(['OKAFOR, JAMES']);
    expect(values(d, 'dob')).toEqual(['1971-05-06']);
    expect(values(d, 'date-of-service')).toEqual(['2026-03-04']);
    expect(values(d, 'mrn')).toEqual(['200871']);
    expect(values(d, 'payer')).toEqual(['Texas Mutual WC']);
    expect(values(d, 'claim-number')).toEqual(['TM-448812']);
    expect(values(d, 'time-in')).toEqual(['08:00']);
    expect(values(d, 'time-out')).toEqual(['12:05']);
    expect(values(d, 'break-minutes')).toEqual(['15', '30']);
    // 245 minutes on the clock minus 45 minutes of breaks, cited on the time line.
    expect(values(d, 'total-minutes')).toEqual(['200']);
    expect(quotes(d, 'total-minutes')[0]).toContain('Time In: 8:00 AM');
    expect(values(d, 'timed-minutes')).toEqual(['200']);
    expect(values(d, 'visit-number')).toEqual(['7']);
    expect(values(d, 'billed-code')).toEqual(['97545:1', '97546:2']);
    expect(values(d, 'vital')).toEqual(['BP 128/82', 'HR 88 bpm', 'SpO2 98%', 'RPE 13']);
    expect(values(d, 'intervention')).toEqual([
      'Floor-to-waist lift 35 lb x 10 reps',
      'Carry 40 lb x 100 ft x 4',
    ]);
    expect(values(d, 'signer')).toEqual(['Jane Roe']);
    expect(values(d, 'credentials')).toEqual(['PT, DPT']);
    expect(values(d, 'signed-date')).toEqual(['2026-03-04']);
    expect(values(d, 'goal-assessment')).toEqual(['STG #2 partially met']);
    expect(values(d, 'section')).toEqual(
      expect.arrayContaining(['subjective', 'objective', 'assessment', 'plan']),
    );
    expect(values(d, 'program-type')).toEqual(['work-conditioning']);
    expect(values(d, 'signature-blank')).toEqual([]);
  });

  it('reads an upper-case OT note with a 24-hour session range (style B)', () => {
    const pages = onePage(STYLE_B);
    const docs = extractDocuments('b.txt', pages);
    expectQuotesExact(docs, pages);
    const d = docs[0]!;
    expect(d).toMatchObject({ type: 'daily-note', date: '2026-03-05', discipline: 'OT' });
    expect(values(d, 'patient-name')).toEqual(['Lopez, Maria']);
    expect(values(d, 'dob')).toEqual(['1984-11-02']);
    expect(values(d, 'mrn')).toEqual(['55120']);
    expect(values(d, 'payer')).toEqual(['Hartford']);
    expect(values(d, 'time-in')).toEqual(['08:00']);
    expect(values(d, 'time-out')).toEqual(['11:30']);
    expect(values(d, 'total-minutes')).toEqual(['210']);
    expect(values(d, 'visit-number')).toEqual(['4']);
    expect(values(d, 'intervention')).toEqual([
      'Work simulation: overhead reach with 10 lb x 3 min',
      'Ladder climb 12 rungs x 5',
    ]);
    expect(values(d, 'billed-code')).toEqual(['97545:1', '97546:1']);
    expect(values(d, 'signer')).toEqual(['M. Patel']);
    expect(values(d, 'credentials')).toEqual(['OTR/L']);
    expect(values(d, 'signed-date')).toEqual(['2026-03-05']);
  });

  it('reads an evaluation that also carries the plan (style C)', () => {
    const pages = onePage(STYLE_C);
    const docs = extractDocuments('c.txt', pages);
    expectQuotesExact(docs, pages);
    const d = docs[0]!;
    expect(d).toMatchObject({
      type: 'evaluation',
      title: 'Work Conditioning Evaluation',
      date: '2026-03-02',
      discipline: 'PT',
    });
    expect(values(d, 'patient-name')).toEqual(['Chen, Robert']);
    expect(values(d, 'dob')).toEqual(['1979-08-14']);
    expect(values(d, 'mrn')).toEqual(['C-7781']);
    expect(values(d, 'diagnosis')).toEqual([
      'M54.50 Low back pain',
      'S33.5XXA Sprain of ligaments of lumbar spine',
    ]);
    expect(values(d, 'date-of-service')).toEqual(['2026-03-02']);
    expect(values(d, 'goal-short')).toEqual([
      'Lift 35 lb floor to waist x 5 by 03/16/2026',
      'Sit 45 minutes without increase in pain',
    ]);
    expect(values(d, 'goal-long')).toEqual([
      'Lift 50 lb floor to waist to meet medium PDL by 04/30/2026',
    ]);
    expect(values(d, 'frequency')).toEqual(['3-5 times per week']);
    expect(values(d, 'duration')).toEqual(['6 wks']);
    expect(values(d, 'section')).toEqual(
      expect.arrayContaining(['goals', 'frequency-duration', 'diagnosis', 'history']),
    );
    expect(values(d, 'total-minutes')).toEqual(['75']);
    expect(values(d, 'job-title')).toEqual(['Warehouse Associate']);
    expect(values(d, 'physical-demand-level')).toEqual(expect.arrayContaining(['Medium PDL']));
    expect(values(d, 'rtw-status')).toEqual(['return to full duty']);
    expect(values(d, 'plateau')[0]).toMatch(/^plateaued in physical therapy/);
    expect(values(d, 'signer')).toEqual(['Ann Smith']);
    expect(values(d, 'signed-date')).toEqual(['2026-03-02']);
    expect(quotes(d, 'signature-blank')).toEqual([
      'Physician signature: ____________  Date: ________',
    ]);
    expect(values(d, 'physician-signer')).toEqual([]);
    expect(values(d, 'objective-measure')).toEqual(
      expect.arrayContaining([
        'Lumbar flexion 40 degrees',
        'Floor-to-waist lift 20 lb, sitting tolerance 20 minutes',
      ]),
    );
    expect(values(d, 'objective-measure')).not.toContain(
      'Lift 35 lb floor to waist x 5 by 03/16/2026',
    );
  });

  it('uses hints when the text has no title or date, and finds the file identity', () => {
    const pages = onePage('Patient Name: Okafor, James\nPatient did well today with lifting.\n');
    const docs = extractDocuments('fhir.json#DocumentReference/1', pages, {
      title: 'Progress Report',
      date: '2026-03-13',
    });
    expectQuotesExact(docs, pages);
    expect(docs[0]).toMatchObject({
      type: 'progress-report',
      title: 'Progress Report',
      date: '2026-03-13',
    });
    expect(fileIdentity(docs)).toEqual({ name: 'Okafor, James', dob: null, mrn: null });
  });
});
