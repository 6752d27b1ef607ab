/**
 * Round 36's styles the readers missed, written here in other words than the held-out charts': an
 * EHR whose every visit is a "Visit Note" typed by its appointment type, run-in SOAP paragraphs
 * with the history's label inside a sentence run, totals written "total tx 40 min", a page that
 * continues its note with "(continued)" before the date, an attendance page as the day's note, a
 * document signed by therapists of two disciplines, a "program completion report", and a
 * utilization manager's letter that recalls the previous approval before granting the next.
 */
import { describe, expect, it } from 'vitest';
import { readPages, readText, factsOf, values } from './helpers';

const visit = (type: string, body: string[]) =>
  [
    'LAKEVIEW FAMILY & SPORTS MEDICINE',
    'Patient: ORTEGA-BLAINE, CORA    DOB: 01/05/1950',
    'Visit Note',
    'Date of Service: 09/14/2026 10:00 AM',
    `Provider: Sven Haug, PT            Visit Type: ${type}`,
    ...body,
    'Electronically signed by: Sven Haug, PT 09/14/2026',
  ].join('\n');

describe('a visit note typed by its appointment', () => {
  it('reads the visit type beside another field as the report the visit made', () => {
    expect(readText(visit('PT INITIAL EVALUATION', ['S: Fell 08/30.']))[0]!.type).toBe(
      'evaluation',
    );
    expect(readText(visit('PT PROGRESS NOTE', ['A: Progressing.']))[0]!.type).toBe(
      'progress-report',
    );
    expect(readText(visit('PT DISCHARGE', ['A: Goals met.']))[0]!.type).toBe('discharge-summary');
    expect(readText(visit('PT FOLLOW UP', ['A: Tolerated well.']))[0]!.type).toBe('daily-note');
  });

  it('reads a history label run into the subjective paragraph, and "limits" an activity', () => {
    const [doc] = readText(
      visit('PT INITIAL EVALUATION', [
        'S: R hip pain x 2 mos after a slip on ice, "worse on stairs". Hx: R THA 2019, DM2.',
        'A: Weak hip abductors. Limits stair climbing and shopping.',
      ]),
    );
    expect(values(doc, 'section')).toEqual(
      expect.arrayContaining(['history', 'functional-limitations']),
    );
  });

  it('reads "total tx 40 min" and "total timed 30 min" from a procedures line', () => {
    const [doc] = readText(
      visit('PT FOLLOW UP', [
        'Procedures: 97110 x2 (30 min) - total timed 30 min, total tx 40 min',
      ]),
    );
    expect(values(doc, 'total-minutes')).toEqual(['40']);
    expect(values(doc, 'timed-minutes')).toEqual(['30']);
  });

  it('keeps a page that says "(continued)" before its date with the note', () => {
    const docs = readPages(
      [
        ['Daily Note', 'Date of Service: 09/14/2026', 'S: Sore.', 'O: Bike 10 min.'].join('\n'),
        [
          'Daily Note (continued)  DOS 09/14/2026',
          'A: Tolerated well.',
          'Signed: Sven Haug, PT',
        ].join('\n'),
      ],
      'note.pdf',
    );
    expect(docs.map((d) => [d.type, d.pageStart, d.pageEnd])).toEqual([['daily-note', 1, 2]]);
  });
});

describe("a work program's pages", () => {
  it("reads a session's attendance page as its note, its total after a remark", () => {
    const [doc] = readText(
      [
        'Session Attendance Record',
        'Date of Service: 09/15/2026',
        'Total session minutes (breaks not counted)\t165',
        'Behavior: no pain behaviors, full effort',
      ].join('\n'),
    );
    expect(doc!.type).toBe('daily-note');
    expect(values(doc, 'total-minutes')).toEqual(['165']);
    expect(values(doc, 'section')).toContain('patient-response');
  });

  it('leaves a document two disciplines signed to both, and reads a program completion report', () => {
    const [evaluation] = readText(
      [
        'TEAM ADMISSION EVALUATION',
        'Date: 09/14/2026',
        'PHYSICAL THERAPY: lift 20 lb floor to waist.',
        'Signed: Sven Haug, PT 09/14/2026',
        'OCCUPATIONAL THERAPY: grip 40 lb R.',
        'Signed: Lise Aune, OTR/L 09/14/2026',
      ].join('\n'),
    );
    expect(evaluation!.discipline).toBeNull();
    expect(readText('Program Completion Summary\nDate: 10/09/2026\nGoals met.')[0]!.type).toBe(
      'discharge-summary',
    );
  });
});

describe("a utilization manager's extension letter", () => {
  it('reads the new grant and its order number, not the previous approval it recalls', () => {
    const [doc] = readText(
      [
        'EXTENSION DETERMINATION',
        'Order #: UMX-5521-B',
        'Previously authorized: 8 visits, 09/01/2026 - 09/30/2026',
        'Visits approved: 4',
        'Approved dates: 10/01/2026 through 10/21/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('authorization');
    expect(values(doc, 'auth-number')).toEqual(['UMX-5521-B']);
    expect(values(doc, 'auth-start')).toEqual(['2026-10-01']);
    expect(values(doc, 'auth-visits')).toEqual(['4']);
    // An order's number on a physician's order is no authorization.
    const [order] = readText('PHYSICIAN ORDER\nOrder #: 778812\nPT eval and treat.');
    expect(factsOf(order, 'auth-number')).toEqual([]);
  });

  it('takes attendance and centralization goals as measurable', () => {
    const [doc] = readText(
      [
        'PLAN OF CARE',
        'Date: 09/14/2026',
        'Goals (by 10/12/2026):',
        '1. Centralize L leg pain to the low back.',
        '2. Attend all scheduled sessions.',
      ].join('\n'),
    );
    const goals = factsOf(doc, 'goal-short').concat(factsOf(doc, 'goal-long'));
    expect(goals.map((g) => g.detail?.measurable)).toEqual([true, true]);
  });
});
