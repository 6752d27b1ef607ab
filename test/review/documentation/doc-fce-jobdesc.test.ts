import { describe, expect, it } from 'vitest';
import { docFceJobdesc } from '../../../src-main/core/review/rules/documentation/doc-fce-jobdesc';
import { episode } from '../builder';
import { fails, run } from './helpers';

describe('DOC-FCE-JOBDESC', () => {
  it('is n/a without 97545/97546 (Medicare)', () => {
    const f = run(
      docFceJobdesc,
      episode('medicare').daily('2026-09-02').bill('2026-09-02', '97110').build(),
    );
    expect(f[0]!.status).toBe('n/a');
  });

  it('passes with a job description, baseline FCE, job goal and plateau', () => {
    const ep = episode('workers-comp')
      .doc('job-description', '2026-08-20', {
        'job-title': 'Warehouse associate',
        'physical-demand-level': 'Medium',
      })
      .doc('fce', '2026-09-01', {
        'objective-measure': 'Lift 20 lb',
        plateau: 'Plateaued in PT since 8/1',
      })
      .bill('2026-09-08', '97545')
      .build();
    expect(run(docFceJobdesc, ep)[0]!.status).toBe('pass');
  });

  it('WC: errors for items 1-3, warning for plateau', () => {
    const ep = episode('workers-comp').daily('2026-09-08').bill('2026-09-08', '97545').build();
    const f = fails(run(docFceJobdesc, ep));
    expect(f.map((x) => x.severity)).toEqual(['error', 'error', 'error', 'warning']);
    expect(f[0]!.message).toBe('No job description / physical demand level documented.');
    expect(f[1]!.message).toContain('No baseline functional testing vs job demands');
  });

  it('commercial warning, Medicare info', () => {
    const sev = (kind: 'commercial' | 'medicare') =>
      fails(run(docFceJobdesc, episode(kind).bill('2026-09-08', '97545').build()))[0]!.severity;
    expect(sev('commercial')).toBe('warning');
    expect(sev('medicare')).toBe('info');
  });
});
