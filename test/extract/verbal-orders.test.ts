import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src-main/core/extract';
import { factValues, onePage, quotes } from './helpers';

const verbal = (text: string) => factValues(text, 'verbal-certification');

describe('verbal certification', () => {
  it('reads the date on the line in several phrasings and date styles', () => {
    expect(verbal('Daily Note\nVerbal order received from Dr. Ortiz on 08/05/2026.\n')).toEqual([
      '2026-08-05',
    ]);
    expect(
      verbal('Progress Note\nPOC certified verbally by telephone, Sept 9, 2026 (RN).\n'),
    ).toEqual(['2026-09-09']);
    expect(
      verbal('Communication Log\nTelephone order: Dr. Park approved plan 2026-10-21\n'),
    ).toEqual(['2026-10-21']);
    expect(verbal('Note\nV.O. from Dr. Kessler to continue plan as written\n')).toEqual([
      'undated',
    ]);
  });

  it('cites the phrase through the date', () => {
    const pages = onePage(
      'Daily Note\nPlan: Verbal certification 9/4/26 Dr. Lee; signed copy to follow\n',
    );
    const [doc] = extractDocuments('n.txt', pages);
    expect(quotes(doc!, 'verbal-certification')).toEqual(['Verbal certification 9/4/26']);
  });

  it('does not read verbal cues, requests, or a stated absence', () => {
    expect(verbal('Daily Note\nRequired 2 verbal cues for load positioning.\n')).toEqual([]);
    expect(verbal('Daily Note\nAwaiting verbal order from Dr. Ortiz.\n')).toEqual([]);
    expect(verbal('Daily Note\nNo verbal order on file; faxed plan 9/5/26.\n')).toEqual([]);
    expect(verbal('Daily Note\nLeft message requesting phone approval of the plan.\n')).toEqual([]);
  });

  it('reads a form field answered "no" as no verbal order, and one answered with a date as one', () => {
    // A certification form's yes/no field, in the ways forms print the answer.
    expect(verbal('Plan of Care Certification\nVerbal order received: No\n')).toEqual([]);
    expect(verbal('Plan of Care Certification\nTelephone order obtained? N\n')).toEqual([]);
    expect(verbal('Plan of Care Certification\nVerbal order: [ ] Yes [X] No\n')).toEqual([]);
    expect(verbal('Plan of Care Certification\nVerbal order: \u2610 Yes \u2612 No\n')).toEqual([]);
    expect(verbal('Plan of Care Certification\nVerbal order: [X] Yes 6/5/26 [ ] No\n')).toEqual([
      '2026-06-05',
    ]);
    expect(verbal('Plan of Care Certification\nVerbal order - none\n')).toEqual([]);
    expect(verbal('Plan of Care Certification\nVerbal order: N/A\n')).toEqual([]);
    expect(
      verbal('Plan of Care Certification\nVerbal order received: 06/05/2026 from Dr. Hale\n'),
    ).toEqual(['2026-06-05']);
    expect(verbal('Plan of Care Certification\nVerbal order: Yes, 6/5/26\n')).toEqual([
      '2026-06-05',
    ]);
    // "Nov" is a month, not an answer.
    expect(verbal('Plan of Care Certification\nVerbal order received: Nov 3, 2026\n')).toEqual([
      '2026-11-03',
    ]);
  });
});
