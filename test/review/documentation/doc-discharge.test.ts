import { describe, expect, it } from 'vitest';
import { docDischarge } from '../../../src-main/core/review/rules/documentation/doc-discharge';
import { episode } from '../builder';
import { fails, run, signed } from './helpers';

describe('DOC-DISCHARGE', () => {
  it('is n/a while the episode is open', () => {
    expect(run(docDischarge, episode('medicare').daily('2026-09-02').build())[0]!.status).toBe(
      'n/a',
    );
  });

  it('passes a complete clinician discharge summary', () => {
    const ep = episode('workers-comp')
      .bill('2026-09-02', '97545')
      .doc('discharge-summary', '2026-10-02', {
        ...signed('2026-10-02'),
        'goal-assessment': 'Lift goal met: 50 lb',
        'objective-measure': 'Lift 50 lb floor to waist',
        'physical-demand-level': 'Medium',
        'rtw-status': 'Full duty',
        'discharge-reason': 'Program completed; goals met',
      })
      .build();
    expect(run(docDischarge, ep)[0]!.status).toBe('pass');
  });

  it('fails a summary that does not say why care ended', () => {
    const ep = episode('medicare')
      .daily('2026-09-02')
      .doc('discharge-summary', '2026-09-05', {
        ...signed('2026-09-05'),
        'goal-assessment': 'LTG 1 met',
        'objective-measure': 'TUG 10.4 s',
        section: ['goals', 'objective', 'plan'],
      })
      .build();
    expect(fails(run(docDischarge, ep))[0]!.message).toBe(
      'Discharge summary dated 2026-09-05 lacks reason for discharge. Read fixture/discharge-summary-2026-09-05-2.pdf p. 1; looked for reason for discharge: a Reason for discharge label, ticked reason or "discharged due to".',
    );
  });

  it('fails an ended episode without a summary: error for Medicare when the last period has no report', () => {
    const ep = {
      ...episode('medicare').daily('2026-09-02').daily('2026-09-03').build(),
      ended: true,
    };
    const f = fails(run(docDischarge, ep));
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'No discharge summary for episode ending 2026-09-03 (and no progress report).',
    );
    const wc = { ...episode('workers-comp').daily('2026-09-02').build(), ended: true };
    expect(fails(run(docDischarge, wc))[0]!.severity).toBeUndefined(); // default warning
  });

  it('fails a summary written by an assistant or lacking goal status', () => {
    const ep = episode('medicare')
      .daily('2026-09-02')
      .doc('discharge-summary', '2026-09-05', signed('2026-09-05', 'PTA'))
      .build();
    const f = fails(run(docDischarge, ep));
    expect(f[0]!.message).toContain('written by an assistant');
    expect(f[0]!.message).toContain('status of each goal');
  });

  it('takes a Functional status label as the functional status at discharge, and fails without one', () => {
    const summary = (sections: string[]) =>
      episode('medicare')
        .daily('2026-09-02')
        .doc('discharge-summary', '2026-09-05', {
          ...signed('2026-09-05'),
          'goal-assessment': 'LTG 1 met',
          'discharge-reason': 'Goals met',
          section: sections,
        })
        .build();
    expect(run(docDischarge, summary(['goals', 'plan', 'functional-limitations']))[0]!.status).toBe(
      'pass',
    );
    expect(fails(run(docDischarge, summary(['goals', 'plan'])))[0]!.message).toContain(
      'lacks functional status at discharge',
    );
  });
});
