/**
 * Styles first met on the eighteenth held-out round: a portal whose patient banner sets its
 * fields apart by style alone (inline boxes with no space between), a child's session note whose
 * data table of targets, trials and cueing is what was furnished and whose observations and
 * engagement say how the child responded, charge tables whose descriptor states the code's unit
 * ("each 15 min") beside a Minutes column, and a printed chart whose every page ends with the same
 * typed signer's name. Each case is written here in its own words, with cases that must not be read.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src-main/core/ingest/html';
import { readPages, readText, values } from './helpers';

describe('inline boxes that abut', () => {
  it('reads a banner of spans with no space between as separate fields', () => {
    const html =
      '<div class="banner"><span><b>Patient:</b> ROE, JANE</span><span><b>DOB:</b> 02/03/2019</span>' +
      '<span><b>MRN:</b> 44120</span></div>';
    expect(htmlToText(html)).toBe('Patient: ROE, JANE\tDOB: 02/03/2019\tMRN: 44120');
  });

  it('keeps words that markup only styles, and spaces the source wrote', () => {
    expect(htmlToText('<p><b>Ex</b>ercise and <i>gait</i> <b>training</b></p>')).toBe(
      'Exercise and gait training',
    );
    expect(htmlToText('<p><span>Left</span> <span>knee</span></p>')).toBe('Left knee');
  });
});

describe("a child's session note", () => {
  const note = (observations: string) =>
    [
      'OT TREATMENT NOTE',
      'Client: Haddad, Noor   DOB: 05/06/2020',
      'Date of service: 09/09/2026',
      'Task\tAttempts\tAccuracy\tPrompts',
      'Lacing card (10 holes)\t3\t67%\tVerbal',
      'Scissor cutting on line\t4\t50%\tHand-over-hand',
      observations,
      'Electronically signed by Lena Fry, MOT, OTR/L on 09/09/2026 17:02',
    ].join('\n');

  it("takes a data table's rows of tasks with their accuracy and prompts as what was furnished", () => {
    const [doc] = readText(note('Noor engaged well; needed one movement break.'));
    expect(values(doc!, 'intervention')).toEqual([
      'Lacing card (10 holes)\t3\t67%\tVerbal',
      'Scissor cutting on line\t4\t50%\tHand-over-hand',
    ]);
    expect(values(doc!, 'section')).toContain('patient-response');
  });

  it('reads engagement stated as a sentence, and a clinical-observations heading, as the response', () => {
    const [fair] = readText(note('Fair participation after a slow start.'));
    expect(values(fair!, 'section')).toContain('patient-response');
    const [headed] = readText(
      note('Clinical Observations:\nCried at transition, settled with timer.'),
    );
    expect(values(headed!, 'section')).toEqual(
      expect.arrayContaining(['objective', 'patient-response']),
    );
    const [none] = readText(note('Plan: continue.'));
    expect(values(none!, 'section')).not.toContain('patient-response');
  });

  it('a caregiver education heading ends the data above it', () => {
    const [doc] = readText(
      [
        'SPEECH SESSION NOTE',
        'Date of service: 09/10/2026',
        'Observations of play: imitated 3 animal sounds',
        'Caregiver education',
        'Showed father how to model two-word phrases at bath time.',
      ].join('\n'),
    );
    expect(values(doc!, 'section')).toContain('interventions');
    expect(values(doc!, 'intervention').join(' ')).not.toMatch(/^Caregiver education$/);
  });
});

describe('minutes in a charge table', () => {
  it("reads the Minutes column, not the descriptor's unit, and a labelled total with a qualifier", () => {
    const [doc] = readText(
      [
        'DAILY NOTE',
        'Date of service: 03/03/2026',
        'Timed minutes (one-on-one): 40 min',
        'Code\tDescription\tMinutes\tUnits',
        '97110\tTherapeutic exercise, each 15 minutes\t25\t2',
        '97140\tManual therapy techniques, per 15 min\t15\t1',
      ].join('\n'),
    );
    expect(values(doc!, 'timed-minutes')).toEqual(['40']);
    expect(doc!.facts.filter((f) => f.kind === 'service-minutes').map((f) => f.detail)).toEqual([
      { code: '97110', minutes: 25 },
      { code: '97140', minutes: 15 },
    ]);
  });

  it('still reads minutes written after a service with no table', () => {
    const [doc] = readText(['DAILY NOTE', 'Date: 03/04/2026', 'Ther ex 97110: 23 min'].join('\n'));
    expect(doc!.facts.find((f) => f.kind === 'service-minutes')?.detail).toEqual({
      code: '97110',
      minutes: 23,
    });
  });
});

describe('a printed chart whose pages end with the same signer', () => {
  const page = (date: string, signed: string) =>
    [
      'COASTAL REHAB - PT VISIT NOTE',
      `Patient: PRUDHOMME, ALAIN   DOB 03/04/1970   Date of service: ${date}`,
      'S: better today',
      'Therapeutic exercise 97110 25 min',
      'Signature: ________________________',
      'Marc Thibodeaux, PT, DPT  LA Lic. PT-08812',
      `Signed: ${signed}`,
      'Printed from Coastal EMR | PRUDHOMME, ALAIN | Page 1',
    ].join('\n');

  it('keeps the typed name under each signature line, so each page is signed', () => {
    const docs = readPages([
      page('10/01/2026', '10/01/2026 16:40'),
      page('10/03/2026', '10/03/2026 15:10'),
      page('10/06/2026', 'Pending'),
    ]);
    expect(docs.map((d) => values(d, 'signer'))).toEqual([
      ['Marc Thibodeaux'],
      ['Marc Thibodeaux'],
      [],
    ]);
    expect(docs.map((d) => values(d, 'signed-date'))).toEqual([['2026-10-01'], ['2026-10-03'], []]);
  });
});
