/**
 * Round 48 (c138 a practice whose reports are dictated and come back from a transcription service,
 * c139 Florida workers' comp hand therapy and work conditioning with the state's status form, c140
 * a practice writing its notes in word-processor templates) in other words: a transcribed report
 * its author has not read yet, a summary that names the span of its visits, a limitation said in
 * the assessment's prose, goals dictated as one paragraph and assessed in one, a score out of a
 * scale's maximum and a hand graded as an assist, an approval of the evaluation with a code range
 * and the visits after it, a report printed behind the visit note of its day, the next appointment
 * and the surgery on forms, and a transaction report's service-date columns.
 */
import { describe, expect, it } from 'vitest';
import { readLedgerBytes } from '../../src-main/core/ingest/ledger-csv';
import { factsOf, readPages, readText, values } from './helpers';

describe('a transcribed report its author has not read', () => {
  const report = (stamp: string, esign = '') =>
    [
      'PHYSICAL THERAPY PROGRESS REPORT',
      'PATIENT: QUILLAN, BEATRIX   DOB: 02/14/1948',
      'DATE OF REPORT: 10/06/2026',
      'ASSESSMENT: Gait is steadier; she walks 400 feet with a cane.',
      '',
      'Rosalind T. Achebe, PT, DPT',
      '',
      stamp,
      '',
      'D: 10/06/2026 17:40   T: 10/07/2026 09:12',
      'JOB 7731904/kls',
      esign,
    ].join('\n');

  it('is unsigned: the typed name is where the author will sign', () => {
    for (const stamp of [
      'Dictated, not reviewed',
      '** TRANSCRIBED BUT NOT SIGNED **',
      'dictated and not yet authenticated by the author',
    ]) {
      const [doc] = readText(report(stamp));
      expect(values(doc, 'signature-blank'), stamp).toEqual(['blank']);
      expect(values(doc, 'signer'), stamp).toEqual([]);
    }
  });

  it('is signed once the author signs it electronically', () => {
    const [doc] = readText(
      report(
        'Dictated, not reviewed',
        'Electronically signed by Rosalind T. Achebe, PT, DPT on 10/08/2026 at 08:02',
      ),
    );
    expect(values(doc, 'signature-blank')).toEqual([]);
    expect(values(doc, 'signer')).toContain('Rosalind T. Achebe');
  });
});

describe('a summary that names the span of its visits', () => {
  it('is dated by its discharge, not by the first visit of the span', () => {
    const [doc] = readText(
      [
        'PHYSICAL THERAPY DISCHARGE SUMMARY',
        'PATIENT: LINDQUIST-ORR, CELESTE   DOB: 07/30/1957',
        'DISCHARGE DATE: 11/20/2026',
        'DATES OF SERVICE: September 28th, 2026 to November 20th, 2026, fourteen visits.',
        'ASSESSMENT: Goals met; discharged to a home program.',
      ].join('\n'),
    );
    expect(doc!.date).toBe('2026-11-20');
    expect(values(doc, 'date-of-service')).toEqual([]);
  });
});

describe('a limitation said in the prose of an assessment', () => {
  it('is the evaluation’s functional limitations', () => {
    for (const sentence of [
      'Her sitting tolerance is reduced to 20 minutes, so she no longer drives to church.',
      'Knee pain on stairs keeps her from visiting her daughter upstairs.',
    ]) {
      const [doc] = readText(
        [
          'OUTPATIENT PHYSICAL THERAPY EVALUATION',
          'Patient: Sandoval-Pratt, Irene   DOB: 05/05/1950',
          'Date of Service: 10/01/2026',
          `ASSESSMENT: Deconditioned after a hospital stay. ${sentence} Skilled therapy is indicated.`,
        ].join('\n'),
      );
      expect(values(doc, 'section'), sentence).toContain('functional-limitations');
    }
  });
});

describe('goals dictated as one paragraph', () => {
  it('are each a goal of their term, with the term’s time frame', () => {
    const [doc] = readText(
      [
        'PHYSICAL THERAPY EVALUATION AND PLAN OF CARE',
        'Patient: Okonkwo-Hale, Dorian   DOB: 12/01/1955',
        'Date of Service: 10/02/2026',
        'GOALS: Short term goals (two weeks): 1. Independent with a starter home program. 2. Tinetti 20/28. Long term goals (five weeks): 1. Walk 1,500 feet on level ground with no device. 2. Climb twelve stairs with one rail reciprocally. 3. Gross assist use of the left hand for dressing.',
      ].join('\n'),
    );
    const short = factsOf(doc, 'goal-short');
    const long = factsOf(doc, 'goal-long');
    expect(short.map((g) => g.value)).toEqual([
      'Independent with a starter home program.',
      'Tinetti 20/28.',
    ]);
    expect(long).toHaveLength(3);
    expect(short.every((g) => g.detail?.timeFrame === '(2 weeks)')).toBe(true);
    expect(long.every((g) => g.detail?.timeFrame === '(5 weeks)')).toBe(true);
    // A score out of the scale's maximum is a measure.
    expect(short[1]!.detail?.measurable).toBe(true);
  });

  it('under a heading that gives its time frame after a comma', () => {
    const [doc] = readText(
      [
        'RE-CERTIFICATION / REVISED PLAN OF CARE',
        'Patient: Fairweather, Ulla   DOB: 03/09/1946',
        'Date: 11/02/2026',
        'REVISED GOALS, to be achieved in four weeks, by November 30th, 2026: 1. Reach the top cupboard shelf with the right arm. 2. Carry 8 pounds of groceries 50 feet. 3. Left hand as a functional assist for cutting food.',
      ].join('\n'),
    );
    const goals = factsOf(doc, 'goal-long');
    expect(goals).toHaveLength(3);
    expect(goals.every((g) => g.detail?.timeFrame === 'in 4 weeks')).toBe(true);
    expect(goals[2]!.detail?.measurable).toBe(true);
  });

  it('assessed in one paragraph: each goal’s status, whatever follows it', () => {
    const [doc] = readText(
      [
        'PHYSICAL THERAPY PROGRESS REPORT',
        'Patient: Okonkwo-Hale, Dorian   DOB: 12/01/1955',
        'Date of Service: 10/23/2026',
        'GOALS: SHORT TERM GOALS: 1. Starter home program - ACHIEVED October 9th. 2. Tinetti 20/28 - NOT MET, 18/28 today. LONG TERM GOALS: 1. Walk 1,500 feet - PROGRESSING, 1,100 feet with 2.5 minutes of rest. 2. Stairs with one rail: PARTIALLY MET, up reciprocally, down one step at a time with the rail and a hand on the wall. 3. Hand use for dressing - buttons managed, zipper still needs help, left hand progressing.',
      ].join('\n'),
    );
    expect(factsOf(doc, 'goal-assessment').map((f) => f.detail?.status)).toEqual([
      'met',
      'not-met',
      'progressing',
      'partially-met',
      'progressing',
    ]);
  });
});

describe('a table that sets each measure against its target and gives its status', () => {
  it('assesses a goal on each row with a status, and sets none', () => {
    const [doc] = readText(
      [
        'WORK HARDENING DISCHARGE SUMMARY',
        'Patient: Ferreira-Lund, Odile   DOB: 02/02/1977',
        'Date of Service: 04/30/2026',
        'Measure\tEntry\tExit\tJob Requirement\tStatus',
        'Carry 2-hand\t20 lb\t45 lb\t50 lb frequent\tPartially met (90%)',
        'Push cart\t40 lbf\t80 lbf\t75 lbf\tAchieved',
        'Grip R\t40 lb\t62 lb\t\t',
      ].join('\n'),
    );
    expect(factsOf(doc, 'goal-assessment').map((f) => f.detail?.status)).toEqual([
      'partially-met',
      'met',
    ]);
    expect(factsOf(doc, 'goal-long')).toEqual([]);
    // Each measured row is objective testing too (the exit testing a discharge needs).
    const measured = values(doc, 'objective-measure').map((v) => v.replace(/\s+/g, ' '));
    expect(new Set(measured)).toEqual(
      new Set([
        'Carry 2-hand 20 lb 45 lb 50 lb frequent Partially met (90%)',
        'Push cart 40 lbf 80 lbf 75 lbf Achieved',
        'Grip R 40 lb 62 lb',
      ]),
    );
  });
});

describe('a level of independence and a work status are no revised goal', () => {
  it('reads neither "modified independent" nor "[X] Modified duty" as a goal’s status', () => {
    const [doc] = readText(
      [
        'DISCHARGE SUMMARY',
        'Patient: Ferreira-Lund, Odile   DOB: 02/02/1977',
        'Date of Service: 04/30/2026',
        'LTG 1: Climb 4 steps with one rail, modified independent.',
        'Return to work: [ ] Full duty  [X] Modified duty: no lifting over 30 lb',
      ].join('\n'),
    );
    expect(factsOf(doc, 'goal-assessment')).toEqual([]);
  });
});

describe("a plan's one short-term goal assessed by its term and words", () => {
  it('is an assessment beside the numbered long-term ones', () => {
    const [doc] = readText(
      [
        'WEEKLY PROGRESS NOTE',
        'Patient: Ferreira-Lund, Odile   DOB: 02/02/1977',
        'Date of Service: 04/16/2026',
        'Goals: LTG1 progressing (40 lb); LTG2 MET 04/15. STG kneel 5 min - achieved 04/10.',
      ].join('\n'),
    );
    expect(factsOf(doc, 'goal-assessment').map((f) => f.detail?.status)).toEqual([
      'progressing',
      'met',
      'met',
    ]);
  });
});

describe('an approval of the evaluation with its code range, and the visits after it', () => {
  it('counts the visits, not the evaluation', () => {
    const [doc] = readText(
      [
        'AUTHORIZATION NOTICE',
        'Claimant: Brevik, Sondra   Claim #: WC-88-20417',
        'Authorization #: PA-55102',
        'Approved: PT evaluation x 1 (97161-97163) + 10 PT treatment visits',
        'Dates: 08/03/2026 - 09/30/2026',
      ].join('\n'),
    );
    expect(values(doc, 'auth-visits')).toEqual(['10']);
  });
});

describe('a report printed behind the visit note of its day', () => {
  it('is a document of its own, dated by its note', () => {
    const docs = readPages([
      [
        'HAND THERAPY VISIT NOTE',
        'Patient:\tVELLACOTT, ROMY\tDOB:\t06/21/1984',
        'Acct #:\t55018\tClaim #:\tHC-2290-118',
        'Payer:\tHarbor Mutual\tDOI:\t01/12/2026',
        'Adjuster:\tT. Mbeki\tEmployer:\tGulfline Freight',
        'Referring MD:\tP. Ostrander, MD\tAuth #:\tHM-7740',
        'Diagnosis:\tS52.501D\tDiscipline:\tOT',
        'Date of Service:\t02/19/2026\tVisit #:\t6 of 10',
        'Therapeutic exercise 25 min; manual therapy 10 min.',
        'Electronically signed by: Priya Lindahl, OTR/L on 02/19/2026 05:10 PM',
      ].join('\n'),
      [
        'VELLACOTT, ROMY   Acct 55018   Claim HC-2290-118   02/19/2026',
        'OCCUPATIONAL THERAPY PROGRESS NOTE NO. 3',
        'Period covered: 02/05/2026 - 02/19/2026',
        'Grip 30 lb (goal 45 lb) progressing.',
        'Electronically signed by: Priya Lindahl, OTR/L on 02/19/2026 05:10 PM',
      ].join('\n'),
    ]);
    expect(docs.map((d) => [d.type, d.date, d.pageStart])).toEqual([
      ['daily-note', '2026-02-19', 1],
      ['progress-report', '2026-02-19', 2],
    ]);
  });
});

describe('dates on a physician’s forms that are not the visit', () => {
  it('the next appointment does not date a status form', () => {
    const [doc] = readText(
      [
        'WORK STATUS REPORT',
        'Employee: Gorecki, Anselm   Claim #: 44-0917',
        'Visit date: 05/04/2026',
        'Restrictions: no lifting over 10 lb.',
        'Next scheduled appointment: 06/01/2026 10:30 AM',
        'Physician signature: /s/ Marta Quevedo, MD  05/04/2026',
      ].join('\n'),
    );
    expect(doc!.date).toBe('2026-05-04');
    expect(values(doc, 'date-of-service')).not.toContain('2026-06-01');
  });

  it('the surgery a prescription follows does not date it', () => {
    const [doc] = readText(
      [
        'PHYSICAL THERAPY PRESCRIPTION',
        'Patient: Haldane, Mirela   DOB: 09/09/1962',
        'Date: 07/14/2026',
        'Procedure: right ACL reconstruction (hamstring autograft) - DOS 06/30/2026',
        'Evaluate and treat per ACL protocol, 2-3x/week for 12 weeks.',
        'Physician: Tobias Renwick, MD   Signature: Electronically signed 07/14/2026',
      ].join('\n'),
    );
    expect(doc!.date).toBe('2026-07-14');
    expect(values(doc, 'date-of-service')).toEqual([]);
  });
});

describe("a transaction report's service-date columns", () => {
  it('reads the service date from "Date From"', async () => {
    const csv = [
      'Chart #,Patient Name,Date From,Date To,Procedure,Mod 1,Units,Amount,Primary Insurance',
      '30112,"PELLEGRINO, DAVIDE",10/05/2026,10/05/2026,97110,GP,2,96.00,MEDICARE PART B',
    ].join('\n');
    const result = await readLedgerBytes(new TextEncoder().encode(csv));
    expect(result.kind).toBe('ledger');
    if (result.kind === 'ledger')
      expect(result.lines.map((l) => [l.dos, l.code, l.units])).toEqual([
        ['2026-10-05', '97110', 2],
      ]);
  });
});
