/**
 * Styles first met on the fifteenth held-out round: a legacy system's reports drawn in boxes
 * (Unicode box-drawing characters or ASCII "+---+" and "|"), and hospital notes dictated and
 * transcribed as prose (minutes, frequency and history in sentences, numbers in words). Each case
 * is written here in its own words, with a negative case beside it where a reading could go too far.
 */
import { describe, expect, it } from 'vitest';
import { mapLedgerHeaders } from '../../src-main/core/ingest/csv-headers';
import { numberValue } from '../../src-main/core/parse/numbers';
import { readText, values } from './helpers';

describe('a report drawn in boxes', () => {
  const boxed = [
    '╔══════════════════════════════════════════════════════╗',
    '║ WORK HARDENING DAILY NOTE                            ║',
    '╚══════════════════════════════════════════════════════╝',
    '┌──────────────────────────┬───────────────────────────┐',
    '│ Patient: NAKAMURA, TESSA │ DOB: 01/22/1988           │',
    '│ Date of Service: 04/06/2026 │ Time In: 07:45         │',
    '│ Time Out: 10:50          │ Breaks: 15 min            │',
    '├──────────────────────────┴───────────────────────────┤',
    '│ Tolerance                │ Fatigue after carries, no pain increase │',
    '└──────────────────────────────────────────────────────┘',
  ];

  it('reads the fields inside the boxes, with quotes that are the page', () => {
    const [doc] = readText(boxed.join('\n'));
    expect(doc!.type).toBe('daily-note');
    expect(values(doc!, 'patient-name')).toContain('NAKAMURA, TESSA');
    expect(values(doc!, 'date-of-service')).toEqual(['2026-04-06']);
    expect(values(doc!, 'time-in')).toContain('07:45');
    expect(values(doc!, 'total-minutes')).toContain('170');
  });

  it('a row of a label cell and its value is that field; a border is no content', () => {
    const [doc] = readText(
      [
        'DISCHARGE SUMMARY',
        '+----------------------+-----------------------------------+',
        '| Date                 | 05/01/2026                        |',
        '| Reason for discharge | Goals met, released to full duty  |',
        '+----------------------+-----------------------------------+',
      ].join('\n'),
    );
    expect(values(doc!, 'date-of-service')).toEqual(['2026-05-01']);
    expect(values(doc!, 'discharge-reason')).toEqual(['Goals met, released to full duty']);
    expect(doc!.facts.some((f) => /[─┌+]-{3}/.test(f.provenance.quote))).toBe(false);
  });

  it('a pipe inside prose is left alone', () => {
    const [doc] = readText(
      ['PT DAILY NOTE', 'Date of service: 05/02/2026', 'Bike | treadmill warm-up 10 min.'].join(
        '\n',
      ),
    );
    expect(doc!.facts.some((f) => f.provenance.quote.includes('Bike | treadmill'))).toBe(false);
  });
});

describe('a dictated note', () => {
  const note = (body: string[]) =>
    readText(
      [
        'PHYSICAL THERAPY TREATMENT NOTE',
        'PATIENT: OYELARAN, BISI        MR#: 5500213',
        'DATE OF SERVICE: 03/09/2026',
        '',
        ...body,
        '',
        'Electronically authenticated by Wren Hollis, PT on 03/10/2026',
      ].join('\n'),
    )[0]!;

  it('reads minutes told in sentences, numbers in words included', () => {
    const doc = note([
      'Eighteen minutes of therapeutic exercise on the leg press and step-ups, then 12 minutes',
      'of manual therapy to the hip. We spent 30 timed minutes in all, and the visit lasted 38.',
      'Total time of the visit was 38 minutes.',
    ]);
    expect(values(doc, 'timed-minutes')).toEqual(['30']);
    expect(values(doc, 'total-minutes')).toEqual(['38']);
    expect(values(doc, 'service-minutes')).toContain('18');
    expect(values(doc, 'intervention').length).toBeGreaterThan(0);
  });

  it('reads "Timed code treatment totaled 41 minutes" and "timed minutes today 41"', () => {
    expect(values(note(['Timed code treatment totaled 41 minutes.']), 'timed-minutes')).toEqual([
      '41',
    ]);
    expect(values(note(['Total timed minutes today 41.']), 'timed-minutes')).toEqual(['41']);
    // A units column beside a label is no count of timed minutes.
    expect(values(note(['1    Timed code minutes: 23']), 'timed-minutes')).toEqual(['23']);
  });

  it('reads the plan and the history of an evaluation written as prose', () => {
    const [doc] = readText(
      [
        'PHYSICAL THERAPY EVALUATION',
        'DATE OF SERVICE: 03/02/2026',
        'She has had two falls this winter and no therapy so far this year. Past medical history',
        'includes type 2 diabetes and a left hip replacement. Functionally she cannot stand long',
        'enough to cook a meal.',
        'PLAN: Physical therapy two times per week for eight weeks.',
      ].join('\n'),
    );
    expect(values(doc!, 'frequency')).toEqual(['2 times per week']);
    expect(values(doc!, 'duration')).toContain('8 weeks');
    const sections = values(doc!, 'section');
    expect(sections).toContain('history');
    expect(sections).toContain('functional-limitations');
  });

  it('a service named by its minutes on an approval letter is no intervention furnished', () => {
    const [doc] = readText(
      [
        'AUTHORIZATION APPROVAL',
        'Member: Oyelaran, Bisi',
        'Approved: 97110 therapeutic exercise, 15 minutes per unit, 12 units, 03/01/2026 to 04/30/2026',
      ].join('\n'),
    );
    expect(values(doc!, 'intervention')).toEqual([]);
  });
});

describe('numbers in words', () => {
  it('reads one to ninety-nine and nothing else', () => {
    expect(numberValue('Fifteen')).toBe(15);
    expect(numberValue('forty-five')).toBe(45);
    expect(numberValue('twenty five')).toBe(25);
    expect(numberValue('7')).toBe(7);
    expect(numberValue('fifteen-two')).toBeNull();
    expect(numberValue('hundred')).toBeNull();
  });
});

describe("a hospital charge listing's procedure column", () => {
  it('is found under "HCPCS/CPT", not under its description or its fee', () => {
    const cols = mapLedgerHeaders([
      'SERVICE DATE',
      'REV CODE',
      'HCPCS/CPT',
      'CPT DESCRIPTION',
      'QTY',
      'TOTAL CHARGE',
      'PATIENT NAME',
    ]);
    expect(cols.fields.code).toBe(2);
  });
});

describe('a signature followed by its licence and NPI without brackets (round 16)', () => {
  it('is signed by the name before them, dated by "Date/time signed"', () => {
    const [doc] = readText(
      [
        'WORK CONDITIONING EVALUATION',
        'Date of service: 09/10/2026',
        'Pt agrees with the plan.',
        'Electronically signed by: Dana R. Okoro, PT, DPT KY Lic. PT 004821 NPI 1629384751',
        'Date/time signed: 09/10/2026 13:48',
      ].join('\n'),
    );
    expect(values(doc!, 'signer')).toEqual(['Dana R. Okoro']);
    expect(values(doc!, 'credentials')).toEqual(['PT, DPT']);
    expect(values(doc!, 'signed-date')).toEqual(['2026-09-10']);
  });
});
