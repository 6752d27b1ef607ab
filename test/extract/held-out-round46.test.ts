/**
 * Round 46 (c132 TRICARE approvals, c133 an OT practice's physician-style EHR and transaction
 * report, c134 Oregon workers' comp with the attending physician's own office notes) in other
 * words: an approval table whose columns carry two-word names, a certification form's "sent for
 * signature" field beside the date of the plan it encloses, a physician's office note filed in the
 * therapy chart, a banner that names the patient without a label, a worker's legal name on a state
 * form, and a return to unrestricted duty as a goal.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readText, values } from './helpers';

describe('an approval table with two-word column names', () => {
  const letter = [
    'PRIOR AUTHORIZATION APPROVAL NOTICE',
    'Member: QUINTERO-BAYLE, ODALYS   Member ID: 88120455',
    'Authorization #: TX-2026-447190',
    'Service Type\tSessions\tAuthorization Start\tAuthorization End',
    'Outpatient occupational therapy\t16\t04/13/2026\t07/10/2026',
  ].join('\n');

  it('reads the count and the period from the row under them', () => {
    const [doc] = readText(letter);
    expect(doc!.type).toBe('authorization');
    expect(values(doc, 'auth-visits')).toEqual(['16']);
    expect(values(doc, 'auth-start')).toEqual(['2026-04-13']);
    expect(values(doc, 'auth-end')).toEqual(['2026-07-10']);
  });
});

describe("a certification form's own field for when it went out", () => {
  it('is the date the plan was sent, not the date of the plan it encloses', () => {
    const [doc] = readText(
      [
        'PHYSICIAN CERTIFICATION OF THERAPY PLAN',
        'Patient: Marchetti-Oyelowo, Bram   DOB: 02/09/1950',
        'Date faxed to physician: 06/22/2026',
        'Attached: plan of care dated 05/18/2026 and re-evaluation dated 06/19/2026 enclosed and sent for review.',
        'Physician signature: ____________________   Date: ________',
      ].join('\n'),
    );
    expect(values(doc, 'plan-sent-date')).toEqual(['2026-06-22']);
  });

  it('a sentence that dates the plan before it says it was sent gives no sending date', () => {
    const [doc] = readText(
      [
        'PLAN OF CARE UPDATE',
        'Patient: Marchetti-Oyelowo, Bram   DOB: 02/09/1950',
        'The plan of care dated 05/18/2026 was sent with the discharge packet.',
      ].join('\n'),
    );
    expect(values(doc, 'plan-sent-date')).toEqual([]);
  });
});

describe("a physician's office note filed in the therapy chart", () => {
  const office = [
    'BIRCH HOLLOW FAMILY PRACTICE',
    'CLINIC NOTE   07/14/2026',
    'Achterhof, Wendeline T DOB 11/30/1972 Chart BHF-00912',
    'S: L knee better since PT started. Walking 1 mile.',
    'A: L knee OA, improving.',
    'P: Continue PT per their plan. Recheck 6 wks.',
    'Signed electronically: Ignatius Varga, DO 07/14/2026 4:02 PM',
  ].join('\n');

  it('names its patient from the banner line, whose name carries no label', () => {
    const [doc] = readText(office);
    expect(values(doc, 'patient-name')).toEqual(['Achterhof, Wendeline T']);
    expect(values(doc, 'dob')).toEqual(['1972-11-30']);
  });

  it("is the physician's record, not a therapy visit note", () => {
    const [doc] = readText(office);
    expect(factsOf(doc, 'physician-signer').length).toBe(1);
    expect(doc!.type).toBe('other');
  });

  it('a therapy note the therapist signs stays a visit note', () => {
    const [doc] = readText(
      [
        'DAILY TREATMENT NOTE   07/14/2026',
        'Patient: Achterhof, Wendeline T   DOB: 11/30/1972',
        'Ther ex 25 min, gait 15 min. Total 40 min.',
        'Signed electronically: Rhea Sokolowski, PT, DPT 07/14/2026 5:10 PM',
      ].join('\n'),
    );
    expect(doc!.type).toBe('daily-note');
  });
});

describe("a state form's worker section", () => {
  it("takes the worker's legal name as the patient", () => {
    const [doc] = readText(
      [
        "EMPLOYER'S FIRST REPORT - MEDICAL SECTION",
        "Worker's full name:\tDesmond K Halvorsen-Ruiz\tDate of birth:\t04/18/1983",
        'Date of injury:\t03/02/2026',
      ].join('\n'),
    );
    expect(values(doc, 'patient-name')).toEqual(['Halvorsen-Ruiz, Desmond K']);
  });
});

describe('a return to unrestricted duty as a goal', () => {
  it('is measurable: the job is done without restrictions or it is not', () => {
    const [doc] = readText(
      [
        'WORK HARDENING PLAN OF CARE',
        'Patient: Achterhof, Wendeline T   DOB: 11/30/1972',
        'Long term goals (6 weeks):',
        '1. RTW at unrestricted duty, warehouse order selector.',
        'Signed: Rhea Sokolowski, PT 07/14/2026',
      ].join('\n'),
    );
    const goals = factsOf(doc, 'goal-long');
    expect(goals.length).toBe(1);
    expect(goals[0]!.detail?.measurable).toBe(true);
  });
});
