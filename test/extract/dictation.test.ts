/**
 * Notes dictated to speech recognition and exported as transcribed (first met on the twentieth
 * held-out round): headings spoken with their punctuation ("Objective colon"), numbers, clock
 * times and dates spelled out, full stops dropped. Each case is written here in its own words,
 * with cases that must not be read.
 */
import { describe, expect, it } from 'vitest';
import { quotes, readText, values } from './helpers';
import { asWritten, withoutFill } from '../../src-main/core/parse/spoken';
import { findDates } from '../../src-main/core/parse/dates';

const written = (text: string) => {
  const out = asWritten(text);
  expect(out.length).toBe(text.length);
  return withoutFill(out);
};

describe('dictation as written', () => {
  it('writes spoken measures, clock times and dates in figures, length for length', () => {
    expect(written('carried a tote twenty two pounds forty feet')).toBe(
      'carried a tote 22 pounds 40 feet',
    );
    expect(written('sled push one hundred twenty five pounds')).toBe('sled push 125 pounds');
    expect(written('worked from seven forty five AM to ten forty five AM')).toBe(
      'worked from 7:45 AM to 10:45 AM',
    );
    expect(written("here two o'clock to five o'clock PM")).toBe('here 2:00 to 5:00 PM');
    expect(written('in clinic eleven thirty to two thirty PM')).toBe('in clinic 11:30 to 2:30 PM');
    expect(written('from one ten to four ten')).toBe('from 1:10 to 4:10');
    expect(findDates(asWritten('seen April twenty third, 2026')).map((d) => d.iso)).toEqual([
      '2026-04-23',
    ]);
    expect(findDates(asWritten('injured on June first 2025')).map((d) => d.iso)).toEqual([
      '2025-06-01',
    ]);
  });

  it('leaves words that are not measures as they are', () => {
    for (const text of [
      'seen one-on-one session today',
      'one of the goals',
      'pain four out of ten',
      'at ten AM',
      'lifted it twice',
    ])
      expect(written(text)).toBe(text);
  });

  it('puts a spoken label on a line of its own with its colon', () => {
    expect(written('visit three. Plan colon continue program')).toBe(
      'visit three.\nPlan: continue program',
    );
    // A dropped full stop: a capital after running words starts the label.
    expect(written('total two hours Response to treatment colon tolerated well')).toBe(
      'total 2 hours\nResponse to treatment: tolerated well',
    );
    expect(written('Goals colon two, carry a box. Three, kneel')).toBe(
      'Goals:\n2. carry a box.\n3. kneel',
    );
  });

  it('never reads the bowel as punctuation', () => {
    for (const text of [
      'Past history includes colon cancer in 2015.',
      'PMH of sigmoid colon resection.',
      'History colon cancer screening normal.',
    ])
      expect(written(text)).toBe(text);
  });
});

describe('a dictated note', () => {
  const note = [
    'RIVERBEND WORK REHAB',
    'WORK CONDITIONING NOTE',
    'Patient: ANSEL P. VOSS   DOB: 05/05/1975',
    'DOS 06/17/2026',
    '',
    'This is Dana Morrow PT dictating for Ansel Voss, session number five. Subjective colon back is sore two out of ten. Objective colon patient in the gym from eight fifteen AM to eleven fifteen AM less one ten minute rest break, total program time two hours and fifty minutes Activities performed colon rowing machine warm up eight minutes total, bucket carry thirty pounds sixty feet times ten trips, crate lift floor to waist thirty five pounds three sets of eight. Response to treatment colon tolerated the session with mild fatigue. Assessment colon improving lift endurance. Plan colon continue three times per week.',
    '',
    'Electronically signed by Dana Morrow, PT, DPT on 06/17/2026 at 4:40 PM',
  ].join('\n');

  it('reads its times, total, sections and activities, quoting the words said', () => {
    const [doc] = readText(note);
    expect(doc!.type).toBe('daily-note');
    expect(values(doc!, 'time-in')).toEqual(['08:15']);
    expect(values(doc!, 'time-out')).toEqual(['11:15']);
    expect(quotes(doc!, 'time-in')).toEqual(['eight fifteen AM']);
    expect(values(doc!, 'total-minutes')).toEqual(['170']);
    expect(values(doc!, 'break-minutes')).toEqual(['10']);
    expect(values(doc!, 'section')).toEqual(
      expect.arrayContaining([
        'subjective',
        'objective',
        'interventions',
        'patient-response',
        'plan',
      ]),
    );
    // "warm up eight minutes total" is an activity, not the session's total.
    expect(values(doc!, 'intervention').join(' ')).toContain('rowing machine warm up 8 minutes');
    expect(values(doc!, 'frequency')).toEqual(['3 times per week']);
  });

  it('reads goals listed by spoken numbers under a term with its time frame, in their words', () => {
    const [doc] = readText(
      [
        'WORK CONDITIONING EVALUATION',
        'Patient: ANSEL P. VOSS   DOB: 05/05/1975',
        'Date of evaluation June tenth, 2026',
        '',
        'Assessment colon capacity is below the heavy demand of his job. Goals colon short term goals in three weeks colon one, lift forty pounds floor to waist. Two, carry thirty pounds fifty feet. Long term goals in five weeks colon one, lift sixty pounds floor to waist to meet his job. Plan colon three times per week for five weeks.',
        '',
        'Electronically signed by Dana Morrow, PT, DPT on 06/10/2026 at 5:00 PM',
      ].join('\n'),
    );
    const goals = doc!.facts.filter((f) => f.kind === 'goal-short' || f.kind === 'goal-long');
    expect(goals.map((g) => [g.kind, g.value, g.detail?.timeFrame, g.detail?.measurable])).toEqual([
      ['goal-short', 'lift forty pounds floor to waist.', 'in 3 weeks', true],
      ['goal-short', 'carry thirty pounds fifty feet.', 'in 3 weeks', true],
      ['goal-long', 'lift sixty pounds floor to waist to meet his job.', 'in 5 weeks', true],
    ]);
    expect(values(doc!, 'date-of-service')).toEqual(['2026-06-10']);
  });

  it('counts goals assessed by a spoken range', () => {
    const [doc] = readText(
      [
        'WEEKLY PROGRESS REPORT',
        'Patient: ANSEL P. VOSS',
        'Goal status colon short term goal one met. Long term goals one through three progressing.',
      ].join('\n'),
    );
    const assessed = doc!.facts.filter((f) => f.kind === 'goal-assessment');
    expect(assessed.map((f) => [f.detail?.status, f.detail?.count])).toEqual([
      ['met', undefined],
      ['progressing', 3],
    ]);
  });
});

describe('documents others send about a dictated chart', () => {
  it("takes the patient from a subject line that gives the patient's role first", () => {
    const [doc] = readText(
      [
        'Summit Claims Services - Utilization Review      June 2, 2026',
        'RE: Claimant Ansel P. Voss   Claim SC-4410-22   DOI 02/02/2026',
        'DECISION: APPROVED  Work conditioning 97545/97546 up to 10 sessions / 30 hours',
      ].join('\n'),
    );
    expect(values(doc!, 'patient-name')).toEqual(['Voss, Ansel P.']);
  });

  it("reads a physician's page with an order field as the order", () => {
    const [doc] = readText(
      [
        'LAKESIDE ORTHOPEDICS',
        'DATE: June 1, 2026',
        'PATIENT: Voss, Ansel P.   DOB 05/05/1975',
        'ORDER: Work conditioning 3 hrs/day, 3x/week x 4 weeks.',
        'Signed: Hal Brenner, MD (electronic signature) 06/01/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('physician-order');
  });

  it('does not read a frequency in a report as visits approved', () => {
    const [doc] = readText(
      [
        'PROGRESS REPORT',
        'Patient: Voss, Ansel',
        'I recommend he continue three sessions of three hours per week for the remaining 4 authorized visits.',
      ].join('\n'),
    );
    expect(values(doc!, 'auth-visits')).not.toContain('3');
  });
});
