/**
 * Round 38's styles the readers missed, written here in other words than the held-out charts': a
 * licence written "NYS Lic #" after a signer's credentials, a state board's form with its boxes
 * over their values, a practice's legal name before a title on one line, a discipline field of
 * boxes, a speech evaluation's "Tests administered", a session's task table, a hospital record's
 * entry lines and its signature log of user mnemonics, a field row that only looks like a title,
 * an order printed from order entry, a signature field that says one is required, a commercial
 * patient who went back to full duty, and a reach behind the back to a spinal level.
 */
import { describe, expect, it } from 'vitest';
import type { EpisodeDocument } from '../../shared/episode';
import { SignatureLogs } from '../../src-main/core/episodes/signature-logs';
import { isTimedCode } from '../../src-main/core/domain/codes';
import { readText, values } from './helpers';

describe('signatures', () => {
  it('reads a signer whose credentials come before a "NYS Lic #"', () => {
    const [doc] = readText(
      [
        'Daily Note   DOS 10/06/2026',
        'A: Tolerated well.',
        'Electronically signed by Ilse Marchetti, OTR/L, NYS Lic #009921 on 10/06/2026 at 4:10 PM',
      ].join('\n'),
    );
    expect(values(doc, 'signer')).toEqual(['Ilse Marchetti']);
    expect(values(doc, 'credentials')).toEqual(['OTR/L']);
  });

  it('takes "Provider Signature Required: Y" for no signer', () => {
    const [doc] = readText(
      [
        'Order Details',
        'Ordered: 10/01/26',
        'Ordering Provider\tKestrel,Amadou MD',
        'Provider Signature Required\tY',
        'Provider Signature\tNot yet signed - request sent 10/02/26',
      ].join('\n'),
    );
    expect(doc!.type).toBe('physician-order');
    expect(values(doc, 'physician-signer')).toEqual([]);
    expect(values(doc, 'signer')).toEqual([]);
  });
});

describe("a state board's report form", () => {
  it('reads the patient, birth date and case number from boxes over their values', () => {
    const [doc] = readText(
      [
        "THERAPIST'S REPORT TO THE BOARD   10/09/2026",
        'WCB CASE NO.\tCARRIER CASE NO. (IF KNOWN)',
        'H7720015\t55-10293',
        'INJURED WORKER (First Name) (M.I.) (Last Name)\tDATE OF BIRTH',
        'ROSALIE T QUINTAVALLE\t02/14/1979',
      ].join('\n'),
    );
    expect(values(doc, 'patient-name')).toEqual(['QUINTAVALLE, ROSALIE T']);
    expect(values(doc, 'dob')).toEqual(['1979-02-14']);
    expect(values(doc, 'claim-number')).toEqual(['H7720015']);
  });

  it("takes a practice's legal name and a dash before the title as the title's letterhead", () => {
    const [doc] = readText(
      [
        'LAKESHORE SPINE & SPORT, LLC - DISCHARGE SUMMARY (attached to the board form)',
        'Patient: Quintavalle, Rosalie   Date: 10/30/2026',
        'Goals met. Released to full duty.',
      ].join('\n'),
    );
    expect(doc!.type).toBe('discharge-summary');
  });
});

describe('a speech-language practice', () => {
  it('reads the ticked discipline of a field of boxes', () => {
    const [doc] = readText(
      [
        'THERAPY REFERRAL',
        'Date: 09/30/2026',
        'Therapy type: [ ] PT   [X] OT   [ ] Speech',
        'Eval and treat.',
      ].join('\n'),
    );
    expect(doc!.discipline).toBe('OT');
  });

  it('reads "Tests administered" as the objective measures, and a task table\'s rows as its work', () => {
    const [evaluation] = readText(
      [
        'SPEECH-LANGUAGE EVALUATION   10/01/2026',
        'TESTS ADMINISTERED',
        'Western Aphasia Battery-R: AQ 61.2',
      ].join('\n'),
    );
    expect(values(evaluation, 'section')).toContain('objective');
    const [note] = readText(
      [
        'Treatment Note   10/08/2026',
        'O: Individual session.',
        '   Target                          % Accuracy     Cues',
        '   Confrontation naming (nouns)    15/20 (75%)    min',
        '   Sentence completion             8/10 (80%)     mod',
        'A: Improving.',
      ].join('\n'),
    );
    const done = values(note, 'intervention');
    expect(done).toHaveLength(2);
    expect(done[0]).toMatch(/^Confrontation naming/);
  });

  it('counts the cognitive function codes as timed', () => {
    expect(isTimedCode('97129')).toBe(true);
    expect(isTimedCode('97130')).toBe(true);
  });
});

describe("a hospital record's entries", () => {
  const visit = [
    'Document Print',
    'Name: QUINTAVALLE,ROSALIE T\tUnit#: M000771201\tDOB: 02/14/1979',
    'Intervention/Assessment: OT Daily Treatment Note - Outpatient',
    'Document\t10/13/26 1330\tIMARCHET\t(Rec: 10/13/26 1502  IMARCHET  OTWS02)',
    'Order\tOT EVAL AND TREAT Ord# 20261001-0042 10/01/26',
    'Insurance/Authorization\tAetna - Ref# QX-4410 10 visits 10/01/26-11/30/26',
    'Treatment Provided\tFine motor coordination, putty 3x10',
    'Timed Minutes\t40',
    'Intervention/Assessment: OT Progress Note - Outpatient',
    'Document\t10/13/26 1330\tIMARCHET\t(Rec: 10/13/26 1510  IMARCHET  OTWS02)',
    'Progress Toward Goals\tSTG 1 met; STG 2 progressing',
  ].join('\n');

  it('starts an entry at each title with its own entry line, and no field row starts one', () => {
    const docs = readText(visit);
    expect(docs.map((d) => [d.type, d.date])).toEqual([
      ['daily-note', '2026-10-13'],
      ['progress-report', '2026-10-13'],
    ]);
  });

  it("reads the entry line's user as its signer, dated", () => {
    const [note] = readText(visit);
    expect(values(note, 'signer')).toContain('IMARCHET');
    expect(values(note, 'signed-date')).toContain('2026-10-13');
  });

  it("reads an order printed from order entry as the physician's order", () => {
    expect(readText('Order Inquiry - Order Entry\nOrder Date/Time\t10/01/26 0910')[0]!.type).toBe(
      'physician-order',
    );
  });

  it("resolves the user mnemonic through the patient's own signature log", () => {
    const [note] = readText(visit);
    const [log] = readText(
      [
        'Signature Log',
        'User Mnemonic\tName\tCredentials\tTitle',
        'IMARCHET\tMarchetti, Ilse\tOTR/L\tOccupational Therapist',
      ].join('\n'),
      'log.txt',
    );
    const asEpisode = (d: typeof note, id: number): EpisodeDocument => ({
      id,
      type: d!.type,
      title: d!.title,
      date: d!.date,
      file: `f${id}.txt`,
      pageStart: 1,
      pageEnd: 1,
      discipline: d!.discipline,
      facts: [...d!.facts],
    });
    const docs = [asEpisode(note, 1), asEpisode(log, 2)];
    SignatureLogs.resolveWithin(docs);
    const creds = docs[0]!.facts.filter((f) => f.kind === 'credentials');
    expect(creds.map((f) => [f.value, f.detail?.name])).toEqual([['OTR/L', 'Marchetti, Ilse']]);
  });
});

describe('coverage and goals', () => {
  it("takes a patient back at full duty for no workers' comp sign; a release to light duty still is one", () => {
    const back = readText('Discharge Summary 10/30/2026\nPt returned to full duty; D/C to HEP.');
    expect(values(back[0], 'coverage-sign')).toEqual([]);
    const released = readText('Progress Note 10/16/2026\nReleased to light duty by Dr. Kestrel.');
    expect(values(released[0], 'coverage-sign')).toEqual(['workers-comp']);
  });

  it('reads a reach behind the back to a spinal level as a measurable goal', () => {
    const [doc] = readText(
      ['PT Evaluation 10/01/2026', 'Goals (6 wks):', 'LTG 1: HBB to T8 for dressing'].join('\n'),
    );
    const goals = doc!.facts.filter((f) => f.kind === 'goal-long' || f.kind === 'goal-short');
    expect(goals.map((g) => g.detail?.measurable)).toEqual([true]);
  });
});
