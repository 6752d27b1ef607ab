import { describe, expect, it } from 'vitest';
import { docPocGoals } from '../../../src-main/core/review/rules/documentation/doc-poc-goals';
import { episode } from '../builder';
import { fails, fullEvaluation, run, signed } from './helpers';

describe('DOC-POC-GOALS', () => {
  it('passes a complete plan with measurable, time-bound, job-linked goals', () => {
    const ep = episode('workers-comp')
      .doc('evaluation', '2026-09-08', fullEvaluation('2026-09-08'))
      .bill('2026-09-08', '97545')
      .build();
    expect(run(docPocGoals, ep)[0]!.status).toBe('pass');
  });

  it('fails (error) a plan missing required elements', () => {
    const ep = episode('medicare')
      .doc('plan-of-care', '2026-09-08', {
        'goal-long': 'Walk 500 ft within 4 weeks',
        frequency: '3x/week',
        section: ['goals', 'history'],
      })
      .build();
    const f = fails(run(docPocGoals, ep));
    expect(f[0]!.severity).toBeUndefined(); // rule default error
    expect(f[0]!.message).toMatch(
      /^Plan of care dated 2026-09-08 lacks diagnoses, type of services and duration\. Read fixture\/plan-of-care-2026-09-08-\d\.pdf p\. 1; looked for diagnoses: an ICD-10 code/,
    );
  });

  it("takes the plan's diagnoses from the physician's certification of it, in the plan's discipline", () => {
    // A hospital assessment holding the plan names the condition in its history only; the
    // certification return lists the ICD codes.
    const { diagnosis: _d, ...withoutDx } = fullEvaluation('2026-03-02');
    const assessment = {
      ...withoutDx,
      section: (withoutDx.section as string[]).filter((x) => x !== 'diagnosis'),
    };
    const plan = (certified: string, discipline: 'PT' | 'OT') =>
      episode('medicare')
        .doc('evaluation', '2026-03-02', assessment)
        .doc(
          'certification',
          certified,
          { diagnosis: 'S72.002D Fx neck of L femur', 'physician-signer': 'L. Hartsock' },
          { discipline },
        )
        .build();
    expect(run(docPocGoals, plan('2026-03-05', 'PT'))[0]!.status).toBe('pass');
    // Another discipline's certification, or one long after, is not this plan's.
    for (const other of [plan('2026-03-05', 'OT'), plan('2026-05-20', 'PT')])
      expect(fails(run(docPocGoals, other))[0]!.message).toMatch(
        /^Plan of care dated 2026-03-02 lacks diagnoses\./,
      );
  });

  it('warns when goals are not measurable or have no time frame', () => {
    const facts = {
      ...fullEvaluation('2026-09-08'),
      'goal-long': [],
      'goal-short': ['Improve strength', 'Decrease pain'],
    };
    const ep = episode('medicare').doc('evaluation', '2026-09-08', facts).build();
    const f = fails(run(docPocGoals, ep));
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('2 of 2 goals are not measurable');
    expect(f[0]!.message).toContain('2 of 2 goals have no time frame');
    expect(f[0]!.evidence[0]!.quote).toBe('goal-short: Improve strength');
  });

  it('long-term goals take the time frame of a plan that states its duration', () => {
    const plan = {
      ...signed('2026-09-08'),
      diagnosis: 'M75.121 Rotator cuff tear',
      'goal-long': 'Lift 8 lb to a 68 in. shelf',
      frequency: '2x/week',
      intervention: 'Therapeutic exercise',
      section: ['diagnosis', 'goals', 'plan'],
    };
    const withDuration = episode('medicare')
      .doc('plan-of-care', '2026-09-08', { ...plan, duration: '13 weeks' })
      .build();
    expect(run(docPocGoals, withDuration)[0]!.status).toBe('pass');
    const noDuration = episode('medicare').doc('plan-of-care', '2026-09-08', plan).build();
    const f = fails(run(docPocGoals, noDuration));
    expect(f.map((x) => x.message).join(' ')).toContain('1 of 1 goals have no time frame');
  });

  it('WC work program: warns when goals are not tied to job demands and no amount is stated', () => {
    const facts = {
      ...fullEvaluation('2026-09-08'),
      'goal-long': ['Sleep 7 hours without waking by discharge'],
      'goal-short': [],
      'rtw-status': [],
      frequency: '5x/week',
    };
    const ep = episode('workers-comp')
      .doc('evaluation', '2026-09-08', facts)
      .bill('2026-09-08', '97545')
      .build();
    const f = fails(run(docPocGoals, ep));
    expect(f[0]!.message).toContain('no goal is linked to the job demands');
    expect(f[0]!.message).toContain('amount (hours per session)');
    expect(f[0]!.message).toContain('return-to-work status');
  });

  it('a threshold on a score or timed test is measurable; a vague goal is not', () => {
    const facts = {
      ...fullEvaluation('2026-09-08'),
      'goal-long': [
        'TUG < 12 s without assistive device by 10/01/2026',
        'LEFS >= 60/80 in 6 weeks',
      ],
      'goal-short': ['Feel better in 6 weeks'],
    };
    const f = fails(
      run(docPocGoals, episode('medicare').doc('evaluation', '2026-09-08', facts).build()),
    );
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('1 of 3 goals are not measurable');
    expect(f[0]!.evidence[0]!.quote).toBe('goal-short: Feel better in 6 weeks');
  });

  it('a FHIR CarePlan copy is judged only when the chart has no narrative plan', () => {
    const structured = { 'goal-long': 'Walk 500 ft', frequency: '3x/week' };
    const file = { file: 'bundle.json#CarePlan/cp1' };
    const both = episode('medicare')
      .doc('evaluation', '2026-09-08', fullEvaluation('2026-09-08'))
      .doc('plan-of-care', '2026-09-08', structured, file)
      .build();
    expect(run(docPocGoals, both)[0]!.status).toBe('pass');
    const alone = episode('medicare').doc('plan-of-care', '2026-09-08', structured, file).build();
    expect(fails(run(docPocGoals, alone))[0]!.message).toContain('lacks diagnoses');
  });
});
