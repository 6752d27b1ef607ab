/**
 * Round 43's styles the readers missed, written here in other words than the held-out charts': a
 * scheduling app's chart print whose entries open with their template's name and the appointment
 * (date, time range, clinician), signed by the app on a later day or left as a draft; goal terms
 * whose time frame follows a dash; a goals table nested in a form's "Goals" row, its header one
 * cell wider than its rows and the form's next field right under it; a continence goal held to
 * "no pad".
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readPages, readText, values } from './helpers';

describe("a scheduling app's chart print", () => {
  const entry = (title: string, appointment: string, body: string[], signed: string | null) => [
    '________________________________________________________________',
    title,
    appointment,
    '',
    ...body,
    ...(signed ? ['', signed] : []),
  ];

  it('starts a note at each entry and dates it by its appointment, not by its signing', () => {
    const docs = readPages([
      [
        'Harbour Street Physiotherapy',
        'CLIENT RECORD - Ines Varga',
        ...entry(
          'Ortho Visit Note',
          'Mon, Mar 2, 2026 8:00 AM - 8:45 AM with Priya Delacroix, PT, DPT | Follow-up 45',
          ['S: Knee sore after stairs.', 'O: 97110 ther ex 25 min; 97140 manual 15 min.'],
          'Signed by Priya Delacroix, PT, DPT on Mar 4, 2026 at 7:12 PM',
        ),
        ...entry(
          'Ortho Visit Note',
          'Thu, Mar 5, 2026 8:00 AM - 8:45 AM with Priya Delacroix, PT, DPT | Follow-up 45',
          ['S: Better.', 'O: 97110 ther ex 30 min.'],
          null,
        ),
      ].join('\n'),
    ]);
    expect(docs.map((d) => [d.type, d.date])).toEqual([
      ['daily-note', '2026-03-02'],
      ['daily-note', '2026-03-05'],
    ]);
  });

  it("leaves a log's entries, stamped with one time each, inside the log", () => {
    const docs = readText(
      [
        'CASE CONTACT LOG',
        'Date of report: 04/20/2026',
        '04/08/2026 9:10 AM   PHONE OUT   Adjuster J. Rask',
        '    Plan of care sent for review. -- T. Ng, PT',
        '04/10/2026 1:45 PM   FAX IN   Dr. Oyelaran',
        '    Work status: light duty.',
      ].join('\n'),
    );
    expect(docs).toHaveLength(1);
  });
});

describe('goal terms and tables', () => {
  it('takes the time frame a term heading gives after a dash', () => {
    const [doc] = readText(
      [
        'Initial Evaluation   Date of Service: 03/02/2026',
        'GOALS',
        'Short-term - 2 wks (by 03/16/2026):',
        '  1. Sit to stand x5 in < 15 s.',
        'Long-term - 6 wks (by 04/13/2026):',
        '  1. Stairs x12 reciprocal with 1 rail.',
      ].join('\n'),
    );
    const goals = [...factsOf(doc, 'goal-short'), ...factsOf(doc, 'goal-long')].map((f) => [
      f.kind,
      f.value,
      f.detail?.timeFrame,
    ]);
    expect(goals).toEqual([
      ['goal-short', 'Sit to stand x5 in < 15 s.', 'by 03/16/2026'],
      ['goal-long', 'Stairs x12 reciprocal with 1 rail.', 'by 04/13/2026'],
    ]);
  });

  it("reads a goals table nested in a form's row and stops at the form's next field", () => {
    const [doc] = readText(
      [
        'Occupational Therapy Evaluation   Date of Service: 05/04/2026',
        'Goals\tGoal\tDescription\tTime Frame\tTarget Date',
        'STG 1\tDon pullover shirt with set-up only\t2 wks\t05/18/2026',
        'LTG 1\tPrepare simple meal standing 10 min, no LOB\t5 wks\t06/08/2026',
        'Patient Education\tEnergy conservation handout reviewed with spouse',
        'Signed: Mirela Castaneda, OTR/L 05/04/2026',
      ].join('\n'),
    );
    expect(values(doc, 'goal-short')).toEqual(['Don pullover shirt with set-up only']);
    expect(values(doc, 'goal-long')).toEqual(['Prepare simple meal standing 10 min, no LOB']);
    expect(factsOf(doc, 'goal-long')[0]!.detail?.timeFrame).toBe('5 wks');
  });

  it('holds a continence goal to going without a pad as measurable', () => {
    const [doc] = readText(
      [
        'Pelvic Floor Evaluation   Date of Service: 06/01/2026',
        'LTG 1: Attend choir rehearsal w/o pad by 07/13/2026.',
      ].join('\n'),
    );
    expect(factsOf(doc, 'goal-long')[0]!.detail?.measurable).toBe(true);
  });
});
