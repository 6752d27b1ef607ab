import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src-main/core/extract';
import { expectQuotesExact, onePage, values } from './helpers';

function one(text: string) {
  const pages = onePage(text);
  const docs = extractDocuments('n.txt', pages);
  expectQuotesExact(docs, pages);
  return docs[0]!;
}

describe('facts that must not be found', () => {
  it('a DOB, an injury date or a goal date is not a date of service', () => {
    const d = one(
      'Daily Note\nDOB: 03/04/1970\nDate of injury: 01/02/2026\nGoal: lift 40 lb by 04/30/2026\n',
    );
    expect(values(d, 'date-of-service')).toEqual([]);
    expect(values(d, 'dob')).toEqual(['1970-03-04']);
    expect(d.date).toBeNull();
  });

  it('"signed" inside prose is not a signature', () => {
    const d = one(
      'Daily Note\nDOS 3/4/26\nPatient signed the consent form and the HEP handout.\nSigned consent on file.\n',
    );
    expect(values(d, 'signer')).toEqual([]);
    expect(values(d, 'signed-date')).toEqual([]);
  });

  it('an empty Time In is no time, and no total is computed from it', () => {
    const d = one('Daily Note\nDOS 3/4/26\nTime In:            Time Out:\n');
    expect(values(d, 'time-in')).toEqual([]);
    expect(values(d, 'time-out')).toEqual([]);
    expect(values(d, 'total-minutes')).toEqual([]);
  });

  it('"Page 2 of 3" and a visit date are not visit numbers', () => {
    const d = one('Daily Note\nVisit: 3/4/2026\nPage 2 of 3\n');
    expect(values(d, 'visit-number')).toEqual([]);
    // The visit's date is the date of service.
    expect(values(d, 'date-of-service')).toEqual(['2026-03-04']);
  });

  it('an explicit total wins over the clock times', () => {
    const d = one('Daily Note\nDOS 3/4/26\nIn: 08:00 Out: 12:05\nTotal time: 4 hrs 5 min\n');
    expect(values(d, 'total-minutes')).toEqual(['245']);
    expect(values(d, 'time-in')).toEqual(['08:00']);
    expect(values(d, 'time-out')).toEqual(['12:05']);
  });

  it('a duration in the history is not a plan duration; "Referring Physician" is not a physician signature', () => {
    const d = one(
      'Initial Evaluation\nDate: 3/2/26\nReferring Physician: Dr. Chen\nHistory: pain for 6 weeks after a fall.\n',
    );
    expect(values(d, 'duration')).toEqual([]);
    expect(values(d, 'physician-signer')).toEqual([]);
  });

  it('"Signature:" with nothing after it is blank', () => {
    const d = one('Daily Note\nDOS 3/4/26\nSignature:\n');
    expect(values(d, 'signature-blank')).toEqual(['blank']);
    expect(values(d, 'signer')).toEqual([]);
  });

  it('"not plateaued" is not a plateau', () => {
    const d = one('Progress Note\nDOS 3/4/26\nPatient has not plateaued and continues to gain.\n');
    expect(values(d, 'plateau')).toEqual([]);
  });
});

describe('time and code formats', () => {
  it.each([
    ['8:00a-12:05p', '08:00', '12:05', '245'],
    ['Start 08:00 / Stop 12:05', '08:00', '12:05', '245'],
    ['Time: 1:00 - 3:30 PM', '13:00', '15:30', '150'],
  ])('%s', (line, tin, tout, total) => {
    const d = one(`Daily Note\nDOS 3/4/26\n${line}\n`);
    expect([values(d, 'time-in'), values(d, 'time-out'), values(d, 'total-minutes')]).toEqual([
      [tin],
      [tout],
      [total],
    ]);
  });

  it('reads billed codes with modifiers and unit styles', () => {
    const d = one(
      'Daily Note\nDOS 3/4/26\nCPT: 97110-59 x 2, 97545 - 1 unit\nCharges: 97546 (2 units)\n',
    );
    expect(values(d, 'billed-code')).toEqual(['97110-59:2', '97545:1', '97546:2']);
  });

  it('reads visit numbers and frequencies in several styles', () => {
    expect(values(one('Daily Note\nDOS 3/4/26\nVisit #7\n'), 'visit-number')).toEqual(['7']);
    expect(values(one('Daily Note\nDOS 3/4/26\nVisit: 7\n'), 'visit-number')).toEqual(['7']);
    expect(
      values(one('Plan of Care\nDate: 3/2/26\nFrequency: 5 days/wk x 4 weeks\n'), 'frequency'),
    ).toEqual(['5 days/wk']);
  });
});

describe('classification', () => {
  it.each([
    ['Functional Capacity Evaluation', 'fce'],
    ['PT Re-Assessment', 're-evaluation'],
    ['Recert', 'certification'],
    ['D/C Summary', 'discharge-summary'],
    ['Plan of Care / Certification', 'plan-of-care'],
    ['Daily Progress Note', 'daily-note'],
    ['Work Hardening Daily Note', 'daily-note'],
    ['Progress Report', 'progress-report'],
    ['Rx', 'physician-order'],
    ['Physical Demands Analysis', 'job-description'],
    ['Prior Authorization', 'authorization'],
    ['Letter to adjuster', 'communication'],
    ['Letter of Medical Necessity', 'communication'],
    ['Quarterly Newsletter', 'other'],
  ])('%s -> %s', (title, type) => {
    const d = one(`${title}\nDate: 03/04/2026\nSome text.\n`);
    expect(d.type).toBe(type);
    expect(d.title).toBe(title);
  });

  it('names the adjuster in a letter and the discipline from credentials', () => {
    const d = one(
      'Letter to adjuster\nMarch 4, 2026\nDear Ms. Grant,\nMr. Okafor continues in work hardening.\nSigned: Ann Smith, OTR/L 3/4/26\n',
    );
    expect(values(d, 'communication-party')).toEqual(['adjuster']);
    expect(values(d, 'document-date')).toEqual(['2026-03-04']);
    expect(values(d, 'program-type')).toEqual(['work-hardening']);
    expect(d.discipline).toBe('OT');
  });

  it('finds a re-evaluation indication', () => {
    const d = one(
      'Re-Evaluation\nDOS 03/20/2026\nReason for re-evaluation: fall at home with new symptoms in left knee.\n',
    );
    expect(values(d, 'reeval-indication')).toEqual(['fall at home with new symptoms in left knee']);
  });
});
