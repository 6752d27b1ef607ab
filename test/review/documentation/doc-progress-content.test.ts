import { describe, expect, it } from 'vitest';
import { docProgressContent } from '../../../src-main/core/review/rules/documentation/doc-progress-content';
import { episode } from '../builder';
import { fails, fullEvaluation, run, signed } from './helpers';

const complete = {
  ...signed('2026-09-21'),
  'document-date': '2026-09-21',
  'report-period-start': '2026-09-08',
  'report-period-end': '2026-09-21',
  'objective-measure': 'Floor-to-waist lift 35 lb',
  'goal-assessment': ['Lift goal: 35 of 50 lb, progressing', 'Sitting: 45 of 60 min, progressing'],
  'rtw-status': 'Modified duty',
  section: ['objective', 'assessment', 'plan', 'job-demands'],
};

describe('DOC-PROGRESS-CONTENT', () => {
  it('passes a complete report that assesses each goal', () => {
    const ep = episode('workers-comp')
      .doc('evaluation', '2026-09-08', fullEvaluation('2026-09-08'))
      .doc('progress-report', '2026-09-21', complete)
      .bill('2026-09-08', '97545')
      .build();
    expect(run(docProgressContent, ep)[0]!.status).toBe('pass');
  });

  it('takes a frequency to continue at as the plan for continuing treatment, and fails without one', () => {
    const noPlan = { ...complete, section: ['objective', 'assessment', 'job-demands'] };
    const planless = episode('workers-comp')
      .doc('evaluation', '2026-09-08', fullEvaluation('2026-09-08'))
      .doc('progress-report', '2026-09-21', noPlan)
      .build();
    expect(fails(run(docProgressContent, planless))[0]!.message).toContain(
      'lacks plans for continuing treatment',
    );
    const continuing = episode('workers-comp')
      .doc('evaluation', '2026-09-08', fullEvaluation('2026-09-08'))
      .doc('progress-report', '2026-09-21', { ...noPlan, frequency: '3x/wk' })
      .build();
    expect(run(docProgressContent, continuing)[0]!.status).toBe('pass');
  });

  it('Medicare: error without a goal-by-goal assessment', () => {
    const ep = episode('medicare')
      .doc('progress-report', '2026-09-21', { ...complete, 'goal-assessment': [] })
      .build();
    const f = fails(run(docProgressContent, ep));
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'Progress report 2026-09-21 lacks an assessment of progress toward each goal. Read fixture/progress-report-2026-09-21-1.pdf p. 1; looked for an assessment of progress toward each goal: goal statuses (met, progressing, not met, % achieved) beside the goals.',
    );
  });

  it('says it could not confirm section-read elements where no headings were recognized, but still states a missing signature', () => {
    const narrative = episode('commercial')
      .doc('progress-report', '2026-09-21', {
        'report-period-start': '2026-09-08',
        'report-period-end': '2026-09-21',
        'goal-assessment': 'LTG 1 progressing',
      })
      .build();
    const f = run(docProgressContent, narrative)[0]!;
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(
      /^Progress report 2026-09-21 lacks signature with professional identification\. Read /,
    );
    expect(f.message).toContain(
      'Could not confirm objective measurements of change and plans for continuing treatment in Progress report 2026-09-21',
    );
    const signed = episode('commercial')
      .doc('progress-report', '2026-09-21', {
        'report-period-start': '2026-09-08',
        'report-period-end': '2026-09-21',
        'goal-assessment': 'LTG 1 progressing',
        signer: 'Jane Roe',
        credentials: 'PT, DPT',
        'signed-date': '2026-09-21',
      })
      .build();
    const w = run(docProgressContent, signed)[0]!;
    expect(w.status).toBe('warn');
    expect(w.message).toMatch(
      /^Could not confirm objective measurements of change and plans for continuing treatment/,
    );
  });

  it('takes the work status a report states as the assessment of a return-to-work goal', () => {
    const evaluation = {
      ...fullEvaluation('2026-09-08'),
      'goal-long': [
        'Lift 50 lb floor to waist 5x to meet medium PDL within 4 weeks',
        'RTW goal: full duty as route driver by 10/06/2026',
      ],
    };
    const report = (extra: Record<string, string | string[]>) =>
      episode('workers-comp')
        .doc('evaluation', '2026-09-08', evaluation)
        .doc('progress-report', '2026-09-21', { ...complete, ...extra })
        .bill('2026-09-08', '97545')
        .build();
    // Two goals set statuses, the third (RTW) is where the work status stands.
    expect(run(docProgressContent, report({}))[0]!.status).toBe('pass');
    // Without a work status the RTW goal goes unassessed.
    const silent = fails(run(docProgressContent, report({ 'rtw-status': [] })));
    expect(silent[0]!.message).toContain('2 of 3 goals assessed');
  });

  it("takes a work program's measured goals as capacity against the job when the plan set them at the job's demands", () => {
    const goal = (value: string, jobLinked: boolean) => ({
      value,
      detail: { timeFrame: 'by 10/02/2026', measurable: true, jobLinked, rtw: false },
    });
    const report = { ...complete, section: ['objective', 'assessment', 'plan'] };
    const withPlan = (jobLinked: boolean, extra: Record<string, string | string[]> = {}) =>
      episode('workers-comp')
        .doc('evaluation', '2026-09-08', {
          ...fullEvaluation('2026-09-08'),
          'goal-long': [
            goal('Lift 50 lb floor to waist, the heaviest tote on his route', jobLinked),
            goal('Sit 60 min without rest', jobLinked),
          ],
          'goal-short': [],
        })
        .doc('progress-report', '2026-09-21', { ...report, ...extra })
        .bill('2026-09-08', '97545')
        .build();
    expect(run(docProgressContent, withPlan(true))[0]!.status).toBe('pass');
    // Goals not tied to the job, or a report that measures nothing, compare nothing with the job.
    expect(fails(run(docProgressContent, withPlan(false)))[0]!.message).toContain(
      'current capacity versus job demands',
    );
    expect(
      fails(
        run(
          docProgressContent,
          withPlan(true, { 'objective-measure': [], section: ['assessment', 'plan'] }),
        ),
      )[0]!.message,
    ).toContain('current capacity versus job demands');
  });

  it('warning when only some goals are assessed or the period dates are missing', () => {
    const ep = episode('commercial')
      .doc('evaluation', '2026-09-08', fullEvaluation('2026-09-08'))
      .doc('progress-report', '2026-09-21', {
        ...complete,
        'goal-assessment': 'Lift goal: 35 of 50 lb',
        'report-period-start': [],
      })
      .build();
    const f = fails(run(docProgressContent, ep));
    expect(f[0]!.severity).toBeUndefined(); // rule default: warning
    expect(f[0]!.message).toContain('1 of 2 goals assessed');
    expect(f[0]!.message).toContain('start and end dates of the reporting period');
  });
});

describe('DOC-PROGRESS-CONTENT: statements on all goals of one term', () => {
  const evaluation = {
    ...fullEvaluation('2026-09-08'),
    'goal-short': ['Sit 60 min without rest within 2 weeks', 'Stand 30 min within 2 weeks'],
    'goal-long': [
      'Lift 50 lb floor to waist 5x within 4 weeks',
      'Carry 40 lb 100 ft within 4 weeks',
    ],
  };
  const term = (said: string, t: 'short' | 'long', status: 'met' | 'progressing') => ({
    value: said,
    detail: { status, all: true, term: t },
  });

  it('counts "STGs met" for the short-term goals only', () => {
    const shortOnly = episode('workers-comp')
      .doc('evaluation', '2026-09-08', evaluation)
      .doc('progress-report', '2026-09-21', {
        ...complete,
        'goal-assessment': [term('STGs met', 'short', 'met')],
      })
      .build();
    expect(fails(run(docProgressContent, shortOnly))[0]!.message).toContain(
      'every goal (2 of 4 goals assessed)',
    );
    const both = episode('workers-comp')
      .doc('evaluation', '2026-09-08', evaluation)
      .doc('progress-report', '2026-09-21', {
        ...complete,
        'goal-assessment': [
          term('STGs met', 'short', 'met'),
          term('Long term goals progressing', 'long', 'progressing'),
        ],
      })
      .build();
    expect(run(docProgressContent, both)[0]!.status).toBe('pass');
  });
});
