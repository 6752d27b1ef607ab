import { describe, expect, it } from 'vitest';
import { docEvalElements } from '../../../src-main/core/review/rules/documentation/doc-eval-elements';
import { episode } from '../builder';
import { fails, fullEvaluation, run } from './helpers';

describe('DOC-EVAL-ELEMENTS', () => {
  it('passes a complete work-conditioning evaluation', () => {
    const ep = episode('workers-comp')
      .doc('evaluation', '2026-09-08', fullEvaluation('2026-09-08'))
      .bill('2026-09-08', '97545')
      .build();
    expect(run(docEvalElements, ep)[0]!.status).toBe('pass');
  });

  it("takes an evaluation's diagnoses from the certification of the plan it holds, not of another", () => {
    const { diagnosis: _d, ...withoutDx } = fullEvaluation('2026-03-02');
    const assessment = {
      ...withoutDx,
      section: (withoutDx.section as string[]).filter((x) => x !== 'diagnosis'),
    };
    const build = (type: 'certification' | 'physician-order') =>
      episode('medicare')
        .doc('evaluation', '2026-03-02', assessment)
        .doc(type, '2026-03-05', { diagnosis: 'S72.002D Fx neck of L femur' })
        .build();
    expect(run(docEvalElements, build('certification'))[0]!.status).toBe('pass');
    expect(fails(run(docEvalElements, build('physician-order')))[0]!.message).toContain(
      'diagnosis / reason for referral',
    );
  });

  it('lists missing elements as a warning', () => {
    const facts = fullEvaluation('2026-09-08');
    facts.section = ['objective', 'assessment', 'plan', 'diagnosis'];
    const ep = episode('workers-comp')
      .doc('evaluation', '2026-09-08', facts)
      .bill('2026-09-08', '97545')
      .build();
    const f = fails(run(docEvalElements, ep));
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBeUndefined(); // rule default: warning
    expect(f[0]!.message).toContain('history');
    expect(f[0]!.message).toContain('functional limitations');
    expect(f[0]!.message).toContain('gap between current capacity and job demands');
    expect(f[0]!.dates).toEqual(['2026-09-08']);
  });

  it('is an error when objective measures are entirely absent', () => {
    const ep = episode('medicare')
      .doc('evaluation', '2026-09-08', {
        diagnosis: 'M54.5',
        section: ['history', 'assessment', 'plan', 'functional-limitations'],
      })
      .build();
    const f = fails(run(docEvalElements, ep));
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('objective measures');
    expect(f[0]!.message).not.toContain('job'); // job-demand items are WC/COM only
  });

  it('returns nothing without an evaluation', () => {
    expect(run(docEvalElements, episode('medicare').daily('2026-09-08').build())).toEqual([]);
  });
});
