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
});
