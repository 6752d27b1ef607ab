import { describe, expect, it } from 'vitest';
import { docPocPresent } from '../../../src-main/core/review/rules/documentation/doc-poc-present';
import { episode } from '../builder';
import { fails, fullEvaluation, run } from './helpers';

describe('DOC-POC-PRESENT', () => {
  it('accepts an evaluation carrying goals and frequency/duration as the plan', () => {
    const ep = episode('medicare')
      .doc('evaluation', '2026-09-08', fullEvaluation('2026-09-08'))
      .daily('2026-09-09')
      .build();
    const f = run(docPocPresent, ep);
    expect(f[0]!.status).toBe('pass');
  });

  it('accepts section facts goals and frequency-duration', () => {
    const ep = episode('medicare')
      .doc('evaluation', '2026-09-08', { section: ['goals', 'frequency-duration'] })
      .daily('2026-09-09')
      .build();
    expect(run(docPocPresent, ep)[0]!.status).toBe('pass');
  });

  it('fails when no plan covers the treatment dates', () => {
    const ep = episode('medicare')
      .doc('evaluation', '2026-09-08', { diagnosis: 'M54.5' })
      .daily('2026-09-09')
      .daily('2026-09-10')
      .build();
    const f = fails(run(docPocPresent, ep));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'No plan of care found covering DOS 2026-09-09 through 2026-09-10 (2 dates).',
    );
    expect(f[0]!.dates).toEqual(['2026-09-09', '2026-09-10']);
  });

  it('fails the dates before a late plan, and requires an OT plan for OT lines', () => {
    const late = episode('medicare')
      .daily('2026-09-09')
      .daily('2026-09-12')
      .doc('plan-of-care', '2026-09-11')
      .build();
    expect(fails(run(docPocPresent, late))[0]!.dates).toEqual(['2026-09-09']);
    const ot = episode('medicare')
      .doc('plan-of-care', '2026-09-01', {}, { discipline: 'PT' })
      .bill('2026-09-09', '97110', 1, ['GP'])
      .bill('2026-09-09', '97530', 1, ['GO'])
      .build();
    const f = fails(run(docPocPresent, ot));
    expect(f).toHaveLength(1);
    expect(f[0]!.message.startsWith('OT: ')).toBe(true);
  });
});
