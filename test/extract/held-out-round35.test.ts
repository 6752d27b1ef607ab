/**
 * Round 35's styles the readers missed, written here in other words than the held-out charts': a
 * form's total in hours and minutes ("Total treatment time: 1:05"), a signature's date under the
 * signer's job title, a "Final Report" that discharges, a physician's job title after the
 * credentials, a certification heading followed by the statement signed, goals scored on Section
 * GG levels, and a note whose every page repeats its title and date until it is signed.
 */
import { describe, expect, it } from 'vitest';
import { readPages, readText, factsOf, values } from './helpers';

describe('a total written as hours and minutes', () => {
  const total = (line: string) =>
    values(readText(['DAILY NOTE', 'DOS: 10/02/2026', line].join('\n'))[0], 'total-minutes');

  it('reads "1:05" after a total label as 65 minutes, a clock time or a range as none', () => {
    expect(total('Total treatment time: ___1:05___ (hrs:min)')).toEqual(['65']);
    expect(total('Session length: 3:15')).toEqual(['195']);
    expect(total('Total Treatment Time: 2:45 PM')).toEqual([]);
    // Without "total", a length or a stated h:mm format, "2:30" may be the hour it began.
    expect(total('Treatment Time: 2:30')).toEqual([]);
    expect(total('Program time: 2:30 (h:mm)')).toEqual(['150']);
  });
});

describe('signatures in letters and plans', () => {
  it("dates a signature by the date line under the signer's job title", () => {
    const [doc] = readText(
      [
        'PROGRESS REPORT',
        'Re: Bram Oyelowo   Date of report: 10/02/2026',
        'Progressing toward all goals.',
        'Respectfully,',
        '/s/ Priya Naidoo, OTR/L',
        'Clinic Manager, Hand Therapy',
        'Date: 10/02/2026',
      ].join('\n'),
    );
    expect(values(doc, 'signer')).toEqual(['Priya Naidoo']);
    expect(values(doc, 'signed-date')).toEqual(['2026-10-02']);
  });

  it("keeps a physician's credentials before a job title", () => {
    const [plan] = readText(
      [
        'PLAN OF CARE',
        'Date: 09/28/2026',
        'Goals: walk 300 ft by 10/30/2026',
        'E-signed: Rafael Quist, DO Medical Director 09/30/2026',
      ].join('\n'),
    );
    expect(values(plan, 'physician-signer')).toEqual(['Rafael Quist']);
    expect(values(plan, 'credentials')).toContain('DO');
    const [note] = readText(
      [
        'DAILY NOTE',
        'DOS: 09/30/2026',
        'Ther ex 30 min.',
        'Signed: Mina Cho, PT, DPT, Clinic Director, 09/30/2026',
      ].join('\n'),
    );
    expect(values(note, 'signer')).toEqual(['Mina Cho']);
    expect(values(note, 'credentials')).toEqual(['PT, DPT']);
  });

  it('reads a certification heading over the statement signed as no empty signature field', () => {
    const plan = (lines: string[]) =>
      readText(
        ['PLAN OF CARE', 'Date: 09/28/2026', 'Goals: walk 300 ft by 10/30/2026', ...lines].join(
          '\n',
        ),
      )[0];
    const signed = plan([
      'Physician Approval:',
      'I certify that these services are needed and that the patient is under my care.',
      'Signature: Rafael Quist, DO   09/30/2026',
    ]);
    expect(factsOf(signed, 'signature-blank')).toEqual([]);
    // A form's empty field is still one.
    const empty = plan(['Physician Approval: ____________________   Date: ________']);
    expect(factsOf(empty, 'signature-blank')).toHaveLength(1);
    const unsigned = plan(['Therapist signature: ______________________ Date: ________']);
    expect(factsOf(unsigned, 'signature-blank')).toHaveLength(1);
  });
});

describe('document titles and pages', () => {
  it('reads a final report as the discharge, an FCE final report as the FCE', () => {
    const typeOf = (title: string) =>
      readText([title, 'Date: 10/30/2026', 'Goals met.'].join('\n'))[0]!.type;
    expect(typeOf('Final Report - Work Hardening Program')).toBe('discharge-summary');
    expect(typeOf('DISCHARGE & FINAL SUMMARY')).toBe('discharge-summary');
    expect(typeOf('FCE Final Report')).toBe('fce');
    // A hospital system's status mark over each document says it is final, not what it is.
    expect(
      readText(['* Final Report *', 'DAILY NOTE', 'DOS: 10/30/2026'].join('\n'))[0]!.type,
    ).toBe('daily-note');
  });

  it('keeps a note whose second page repeats its title and date, unsigned until then, whole', () => {
    const head = ['RIVER BEND THERAPY\tPROGRESS NOTE', 'Thursday, October 8, 2026'];
    const docs = readPages(
      [
        [...head, 'PATIENT', 'Patient: Amara Lindell', 'ASSESSMENT', 'Progressing.'].join('\n'),
        [...head, 'BILLING', '97110 x2', 'Signed electronically by Jo Park, PT · 10/08/2026'].join(
          '\n',
        ),
      ],
      'note.pdf',
    );
    expect(docs.map((d) => [d.type, d.pageStart, d.pageEnd])).toEqual([['progress-report', 1, 2]]);
    expect(values(docs[0], 'signer')).toEqual(['Jo Park']);
  });
});

describe('goals scored on Section GG levels', () => {
  it('takes a GG level as the measure', () => {
    const [doc] = readText(
      ['PLAN OF CARE', 'Date: 09/28/2026', 'Goals (by 10/30/2026):', '1. Sit to stand GG 04.'].join(
        '\n',
      ),
    );
    expect(
      factsOf(doc, 'goal-short').concat(factsOf(doc, 'goal-long'))[0]?.detail?.measurable,
    ).toBe(true);
  });
});
