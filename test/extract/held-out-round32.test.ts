/**
 * Round 32's styles the readers missed, written here in other words than the held-out charts':
 * an encounter print whose heading is the same for every visit (the visit's reason names the
 * note), a status badge under a note's title, pelvic health certifications after a signer, a
 * physician's "Referral To:" field, a physician reviewing the therapy plan, pelvic floor
 * biofeedback as a timed code.
 */
import { describe, expect, it } from 'vitest';
import { isTimedCode } from '../../src-main/core/domain/codes';
import { isTitleLine, titleType } from '../../src-main/core/extract/classify';
import { normalizeName } from '../../src-main/core/extract/identity';
import { nameKey } from '../../src-main/core/episodes/identity';
import { measurableGoalText } from '../../src-main/core/lexicon/goals';
import { factsOf, readPages, readText, values } from './helpers';

/** A practice-management print: one banner for every encounter, the visit's reason under it. */
function encounter(reason: string, body: string[], reasonLabel = 'Visit Reason:'): string {
  return [
    'LAKEVIEW SPORTS & SPINE CLINIC',
    '210 Harbor Blvd, Duluth, MN 55802',
    'ROSS, EVELYN   DOB 02/11/1975   Chart 77120',
    'Clinical Note - Tomas Ibarra, PT   Encounter Date: 09/14/2026',
    '',
    `${reasonLabel} ${reason}`,
    '',
    ...body,
    '',
    'Electronically signed by Tomas Ibarra, PT, DPT on 09/14/2026 17:05',
  ].join('\n');
}

describe('the visit reason names a note whose print heading does not', () => {
  it.each([
    ['Initial PT evaluation - L hip', 'evaluation'],
    ['Treatment visit 4', 'daily-note'],
    ['Therapy session #6', 'daily-note'],
    ['PT visit 10 / Progress note', 'progress-report'],
    ['Treatment visit 12 - Discharge', 'discharge-summary'],
  ])('"%s" is a %s', (reason, type) => {
    const [doc] = readText(
      encounter(reason, ['Subjective: hip stiff in AM.', 'Hip abd 3x12, bridges 3x10.']),
    );
    expect(doc!.type).toBe(type);
    expect(doc!.title).toBe(reason);
  });

  it('reads the reason under its heading, without the list number', () => {
    const text = encounter('', ['Therapy session #6', '', 'Hip abd 3x12.'], 'Appointment Type')
      .replace('Appointment Type ', 'Appointment Type')
      .replace('Therapy session #6', '1) Therapy session #6');
    const [doc] = readText(text);
    expect(doc!.type).toBe('daily-note');
    expect(doc!.title).toBe('Therapy session #6');
  });

  it('leaves a reason that names no kind of visit to the content', () => {
    const [doc] = readText(encounter('L hip pain', ['Hip abd 3x12.']));
    expect(doc!.title).not.toBe('L hip pain');
  });

  it('takes a note with its own title by its title', () => {
    const [doc] = readText(
      encounter('Treatment visit 7', ['PROGRESS REPORT', 'Goals: 1. met 2. progressing']),
    );
    expect(doc!.type).toBe('progress-report');
  });

  it('never takes two sentences for a title, the first ending on a figure', () => {
    expect(isTitleLine('Program 02/02/2026 - 03/01/2026. Interval since last report 3 weeks')).toBe(
      false,
    );
    expect(isTitleLine('Progress Report - 03/01/2026')).toBe(true);
  });
});

describe('a note signed as a portal prints it', () => {
  it('reads a "Signed" status badge under the title as no empty signature, and the date below it', () => {
    const [doc] = readText(
      [
        'Treatment Note',
        '',
        'Signed',
        '',
        'Date of Service: Thu 10/08/2026',
        'Clinician: Ana Ruiz, PT, DPT',
        '',
        'Pelvic floor down-training, diaphragmatic breathing 15 min.',
        'Pt tolerated well.',
        '',
        'Electronically signed by Ana Ruiz, PT, DPT, BCB-PMD',
        'Signed: 10/08/2026 5:40 PM CDT',
      ].join('\n'),
    );
    expect(values(doc, 'date-of-service')).toEqual(['2026-10-08']);
    expect(values(doc, 'signature-blank')).toEqual([]);
    expect(values(doc, 'signer')).toEqual(['Ana Ruiz']);
    expect(values(doc, 'credentials')).toEqual(['PT, DPT, BCB-PMD']);
  });

  it.each(['PRPC', 'BCB-PMD'])('reads a signer whose credentials end with %s', (cert) => {
    const [doc] = readText(
      [
        'Daily Note',
        'Date: 10/08/2026',
        'Biofeedback 20 min.',
        `Electronically signed by Lena Marsh, PT, ${cert} 10/08/2026`,
      ].join('\n'),
    );
    expect(values(doc, 'signer')).toEqual(['Lena Marsh']);
  });

  it('still reads "Signed:" with nothing after it as a place left to sign', () => {
    const [doc] = readText(
      ['Daily Note', 'Date: 10/08/2026', 'Biofeedback 20 min.', 'Signed: Pending'].join('\n'),
    );
    expect(values(doc, 'signature-blank')).toEqual(['blank']);
  });
});

describe("a physician's encounter", () => {
  it('is the order when it refers the patient to therapy in a "Referral To:" field', () => {
    const [doc] = readText(
      [
        'Orthopedic Follow-up',
        'Date: 08/03/2026',
        'R knee doing well 6 wks post-op.',
        'Referral To: Physical Therapy - Lakeview Clinic, evaluate and treat 2x/wk x 6 wks',
        'Electronically signed by Helen Voss, MD on 08/03/2026',
      ]
        .join('\n')
        .replace('Orthopedic Follow-up', 'Encounter summary'),
    );
    expect(doc!.type).toBe('physician-order');
  });

  it('is the certification when its reason is reviewing the therapy plan', () => {
    expect(titleType('Review PT plan of care - no visit')).toBe('certification');
    expect(titleType('Sign OT plan of care')).toBe('certification');
    expect(titleType('Plan of care')).toBe('plan-of-care');
  });
});

describe('pelvic floor biofeedback', () => {
  it('is a 15-minute timed code', () => {
    expect(isTimedCode('90912')).toBe(true);
    expect(isTimedCode('90913')).toBe(true);
    expect(isTimedCode('90901')).toBe(false);
  });
});

describe("a physician's certification signed through a portal", () => {
  it('reads the signer before "via provider portal" and the date along the NPI line under it', () => {
    const [doc] = readText(
      [
        'THERAPY PLAN OF CARE',
        'Start of care: 01/12/2026',
        'Goals: 1. Gait 300 ft w/o device by 02/23/2026',
        '',
        'CERTIFYING PHYSICIAN',
        '  Signature: Electronically signed by Omar Haddad, DO via DocuSign',
        '  NPI: 1093847562        Date/Time Signed: 01/15/2026 08:10 AM',
      ].join('\n'),
    );
    expect(values(doc, 'physician-signer')).toEqual(['Omar Haddad']);
    expect(values(doc, 'physician-signed-date')).toEqual(['2026-01-15']);
  });
});

describe('names with a surname of two words', () => {
  it('keeps the particle with the surname when the first name comes first', () => {
    expect(normalizeName('Gerald Van Wyk')).toBe('Van Wyk, Gerald');
    expect(normalizeName('Rosa De La Cruz')).toBe('De La Cruz, Rosa');
    expect(normalizeName('Van Morrison')).toBe('Morrison, Van');
    expect(nameKey('Gerald Van Wyk')).toBe(nameKey('VAN WYK, GERALD'));
    expect(nameKey('Gerald Van Wyk')).not.toBe(nameKey('Wyk, Gerald'));
  });
});

describe('pelvic health goals', () => {
  it.each([
    ['Run 3.1 mi (5K) w/ 0 leaks and no pad', true],
    ['Walk/play 9 holes of golf w/o leakage', true],
    ['Improve bladder control', false],
  ])('"%s" measurable: %s', (goal, measurable) => {
    expect(measurableGoalText(goal)).toBe(measurable);
  });
});

describe("a log's header printed as one PDF text line", () => {
  it("knows the employer's contact named after another field and one space", () => {
    const docs = readPages([
      [
        'CONTACT LOG',
        'Patient: PRICE, DEVON   DOB: 04/02/1990',
        'Adjuster: Lena Ruiz 555-0101 / fax 555-0102 Employer: Tamsin Okoro, HR Manager,',
        'Date\tType\tTo / From\tRe',
        '09/03/2026\tPhone\tT. Okoro\tModified duty available from 09/14',
      ].join('\n'),
    ]);
    const contacts = docs.flatMap((d) => factsOf(d, 'communication'));
    expect(contacts.map((c) => c.value)).toContain('employer');
  });
});
