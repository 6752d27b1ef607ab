/**
 * Amounts already applied to the Medicare therapy threshold (therapy-threshold-applied facts),
 * as other EMRs print what the eligibility response said.
 */
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src-main/core/extract';
import { expectQuotesExact, onePage } from './helpers';

function applied(text: string): string[] {
  const pages = onePage(text);
  const docs = extractDocuments('note.txt', pages);
  expectQuotesExact(docs, pages);
  return docs.flatMap((d) =>
    d.facts
      .filter((f) => f.kind === 'therapy-threshold-applied')
      .map(
        (f) =>
          `${f.detail?.bucket} ${f.value} year=${f.detail?.year ?? '-'} asof=${f.detail?.date ?? '-'}`,
      ),
  );
}

describe('therapy threshold already applied', () => {
  it('reads a WebPT-style intake field: "Therapy Cap Used (PT/ST): $1,210.40 as of 02/03/2025"', () => {
    expect(
      applied(
        [
          'Initial Evaluation',
          'Date of Service: 02/04/2025',
          'Insurance: Medicare Part B   Secondary: AARP Supplement',
          'Therapy Cap Used (PT/ST): $1,210.40 as of 02/03/2025 per eligibility check',
          'Therapy Cap Used (OT): $0',
          '',
          'Subjective: pt reports low back pain since December.',
        ].join('\n'),
      ),
    ).toEqual(['PT/SLP 1210.40 year=2025 asof=2025-02-03', 'OT 0.00 year=2025 asof=2025-02-03']);
  });

  it('reads prose in an Epic-style note and a small table under an eligibility heading', () => {
    expect(
      applied(
        [
          'Outpatient Occupational Therapy Evaluation',
          'Visit date: March 9, 2026',
          'Per the 270/271 eligibility response run on 03/06/2026, $645.18 has been applied',
          'toward the occupational therapy threshold for calendar year 2026.',
        ].join('\n'),
      ),
    ).toEqual(['OT 645.18 year=2026 asof=2026-03-06']);
    expect(
      applied(
        [
          'SPEECH THERAPY EVALUATION',
          'DOS 05/12/2026',
          'Medicare Therapy Threshold - amounts used YTD (HETS)',
          'Discipline        Used',
          'Physical therapy / speech-language pathology   $2,012.00',
          'Occupational therapy                           $118.75',
        ].join('\n'),
      ),
    ).toEqual(['PT/SLP 2012.00 year=- asof=-', 'OT 118.75 year=- asof=-']);
  });

  it('does not read the threshold itself, what remains of it, or charges as amounts applied', () => {
    expect(
      applied(
        [
          'Daily Note  04/02/2026',
          'The 2026 therapy threshold is $2,480 for PT/SLP combined; amounts applied: see 271.',
          'OT threshold of $2,480 counts separately.',
          'Remaining before KX: PT/SLP $1,300.00 remaining',
          'Charges: 97110 x2 $58.84, 97140 x1 $27.06',
          'Pt $40.00 copay collected.',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
