/**
 * Styles first met on the twentieth held-out round: a records request answered by batch-printing
 * the notes of every patient by date of service (each note's header band above its title, the
 * batch's cover page first), and faxed pages run through OCR (a digit inside a title word, a label
 * split in two, credentials after a name without a comma). Each case is written here in its own
 * words, with cases that must not be read.
 */
import { describe, expect, it } from 'vitest';
import { readPages, readText, values } from './helpers';
import { isTitleLine, titleType } from '../../src-main/core/extract/classify';

describe('a batch print of several patients by date of service', () => {
  const note = (patient: string, date: string, signer: string) =>
    [
      'HARBOR POINT THERAPY',
      '9 Dock Street, Mystic, CT',
      `Patient: ${patient}    DOB: 03/03/1960    Acct No: 77${date.slice(3, 5)}`,
      `Date of Service: ${date}    Provider: ${signer}`,
      'Insurance: Anthem PPO  ID XQ12345',
      '______________________________________________',
      'TREATMENT NOTE - PHYSICAL THERAPY        Visit #4',
      'S: less pain on stairs.',
      'CPT\tUnits\tMin',
      '97110\t2\t30',
      'Total timed minutes: 30',
      `Electronically signed by ${signer} on ${date}`,
    ].join('\n');

  it("reads each note with its own patient and date, and the batch's cover apart", () => {
    const docs = readPages([
      [
        'HARBOR POINT THERAPY',
        'BATCH PRINT - NOTES',
        'Date of service range: 06/01/2026 - 06/05/2026',
      ].join('\n'),
      note('OSEI, KWAME', '06/02/2026', 'Lin Wu, PT'),
      [
        note('BRANDT, ILSE', '06/02/2026', 'Lin Wu, PT'),
        note('OSEI, KWAME', '06/04/2026', 'Lin Wu, PT'),
      ].join('\n'),
    ]);
    expect(
      docs.map((d) => [d.type, values(d, 'patient-name'), values(d, 'date-of-service')]),
    ).toEqual([
      ['other', [], []],
      ['daily-note', ['OSEI, KWAME'], ['2026-06-02']],
      ['daily-note', ['BRANDT, ILSE'], ['2026-06-02']],
      ['daily-note', ['OSEI, KWAME'], ['2026-06-04']],
    ]);
  });

  it("keeps a heading under a note's own dated fields in that note", () => {
    const docs = readText(
      [
        'DAILY NOTE',
        'Date of Service: 06/02/2026',
        'Patient: OSEI, KWAME',
        'Therapist: Lin Wu, PT',
        '*** TREATMENT NOTE - PHYSICAL THERAPY ***',
        'S: less pain on stairs.',
        'Electronically signed by Lin Wu, PT on 06/02/2026',
      ].join('\n'),
    );
    expect(docs).toHaveLength(1);
  });
});

describe('faxed pages read by OCR', () => {
  it('reads a title word with a digit for a letter', () => {
    expect(titleType('PHYSICAL THERAPY PROGRESS REP0RT')).toBe('progress-report');
    expect(titleType('INITIAL EVALUATI0N')).toBe('evaluation');
    expect(titleType('Form WC-3 Rev 01/2026')).toBeNull();
  });

  it('reads a signature whose label OCR split, with credentials after the name', () => {
    const [doc] = readText(
      [
        'DAILY TREATMENT RECORD',
        'Visit Date: 06/02/2026',
        'Therapist Sig nature: /s/ R. Okonkwo-Hale PT, DPT          Date: 6/2/26',
      ].join('\n'),
    );
    expect(values(doc!, 'signer')).toEqual(['R. Okonkwo-Hale']);
    expect(values(doc!, 'credentials')).toEqual(['PT, DPT']);
    expect(values(doc!, 'signed-date')).toEqual(['2026-06-02']);
  });

  it('reads a heading in capitals whatever the case of its short qualifier', () => {
    expect(
      isTitleLine('OCCUPATIONAL THERAPY INITIAL EVALUATION AND PLAN OF CARE (Blue Cross PPO)'),
    ).toBe(true);
    expect(
      isTitleLine(
        'RECERTIFICATION - UPDATED PLAN OF CARE (from the progress report / recertification of 05/14/2026)',
      ),
    ).toBe(false);
  });

  it("dates an eligibility inquiry's applied amounts by its date/time", () => {
    const [doc] = readText(
      [
        'Medicare Eligibility Inquiry (HETS 270/271)',
        'Inquiry date/time: 04/20/2026 10:02 ET',
        'Beneficiary: OSEI, KWAME   DOB: 03/03/1950',
        '',
        'Therapy services - calendar year 2026:',
        '   PT/SLP combined  applied amount:  $640.00',
      ].join('\n'),
    );
    expect(doc!.facts.find((f) => f.kind === 'therapy-threshold-applied')?.detail).toEqual({
      bucket: 'PT/SLP',
      year: 2026,
      date: '2026-04-20',
    });
  });
});

describe('a role field that carries an e-signature mark', () => {
  it('signs the note wherever it stands, not only at its end', () => {
    const body = Array.from({ length: 12 }, (_, k) => `Plan item ${k + 1}: continue.`);
    const [doc] = readText(
      [
        'INITIAL EVALUATION',
        'Date of evaluation: 06/01/2026',
        'Therapist: /s/ Ana Ruiz PT, DPT   NPI 1234567893   Date 06/01/2026',
        ...body,
      ].join('\n'),
    );
    expect(values(doc!, 'signer')).toEqual(['Ana Ruiz']);
    expect(values(doc!, 'signed-date')).toEqual(['2026-06-01']);
    const [unsigned] = readText(
      [
        'INITIAL EVALUATION',
        'Date of evaluation: 06/01/2026',
        'Therapist: Ana Ruiz, PT',
        ...body,
      ].join('\n'),
    );
    expect(values(unsigned!, 'signer')).toEqual([]);
  });
});
