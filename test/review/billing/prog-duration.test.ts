import { describe, expect, it } from 'vitest';
import { progDuration } from '../../../src-main/core/review/rules/billing/prog-duration';
import { episode, weekdays } from '../builder';
import { run } from './helpers';

function program(days: number) {
  const b = episode();
  for (const d of weekdays('2026-03-02', days)) b.bill(d, '97545');
  return b;
}

describe('PROG-DURATION', () => {
  it('10 visits within 4 weeks / 20 hours passes the ODG limits', () => {
    expect(run(progDuration, program(10).build(), 'workers-comp')[0]?.status).toBe('pass');
  });

  it('12 visits without an extension authorization: warning', () => {
    const [f] = run(progDuration, program(12).build(), 'workers-comp');
    expect(f).toMatchObject({ status: 'fail', severity: 'warning' });
    expect(f?.message).toContain('exceeds');
    expect(f?.message).toContain('10 visits');
  });

  it('over the limit and over the authorization: error', () => {
    const ep = program(12)
      .doc('authorization', '2026-02-27', {
        'auth-number': 'A-1',
        'auth-visits': 10,
        'auth-start': '2026-03-01',
        'auth-end': '2026-04-30',
      })
      .build();
    expect(run(progDuration, ep, 'workers-comp')[0]).toMatchObject({
      status: 'fail',
      severity: 'error',
    });
  });

  it('over the limit but an extension authorization covers it: pass', () => {
    const ep = program(12)
      .doc('authorization', '2026-02-27', {
        'auth-number': 'A-2',
        'auth-visits': 15,
        'auth-start': '2026-03-01',
        'auth-end': '2026-04-30',
      })
      .build();
    expect(run(progDuration, ep, 'workers-comp')[0]?.status).toBe('pass');
  });

  it('programLimits null (Medicare) is n/a', () => {
    expect(run(progDuration, program(30).build(), 'medicare')[0]?.status).toBe('n/a');
  });
});
