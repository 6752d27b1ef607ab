import { describe, expect, it } from 'vitest';
import { authPresent } from '../../../src-main/core/review/rules/billing/auth-present';
import { episode } from '../builder';
import { run } from './helpers';

const AUTH = {
  'auth-number': 'A-100',
  'auth-visits': 10,
  'auth-hours': 30,
  'auth-start': '2026-03-01',
  'auth-end': '2026-03-31',
  'auth-service': 'Work conditioning',
};

describe('AUTH-PRESENT', () => {
  it('passes with an authorization starting before the first program date', () => {
    const ep = episode()
      .doc('authorization', '2026-02-27', AUTH)
      .bill('2026-03-02', '97545')
      .build();
    const [f] = run(authPresent, ep, 'workers-comp');
    expect(f).toMatchObject({ status: 'pass' });
    expect(f?.message).toContain('A-100');
  });

  it('fails without any authorization', () => {
    const ep = episode().bill('2026-03-02', '97545').build();
    const [f] = run(authPresent, ep, 'workers-comp');
    expect(f).toMatchObject({ status: 'fail', severity: 'error' });
    expect(f?.message).toBe('No authorization on file for work conditioning starting 2026-03-02.');
  });

  it('fails when the authorization starts after the first program date', () => {
    const ep = episode()
      .doc('authorization', '2026-03-05', { ...AUTH, 'auth-start': '2026-03-05' })
      .bill('2026-03-02', '97545')
      .build();
    expect(run(authPresent, ep, 'workers-comp')[0]?.message).toContain(
      'after the first work conditioning date',
    );
  });

  it('warns when the authorization lacks its number', () => {
    const { 'auth-number': _n, ...rest } = AUTH;
    const ep = episode()
      .doc('authorization', '2026-02-27', rest)
      .bill('2026-03-02', '97545')
      .build();
    expect(run(authPresent, ep, 'workers-comp')[0]).toMatchObject({
      status: 'fail',
      severity: 'warning',
    });
  });

  it('not applied under Medicare; n/a without program lines', () => {
    expect(
      run(authPresent, episode('medicare').bill('2026-03-02', '97545').build(), 'medicare')[0]
        ?.status,
    ).toBe('n/a');
    expect(
      run(authPresent, episode().bill('2026-03-02', '97110').build(), 'workers-comp')[0]?.status,
    ).toBe('n/a');
  });
});

describe('AUTH-PRESENT: several authorizations before the program', () => {
  it("judges the one that states an approval's elements, not an earlier authorization to examine", () => {
    const ep = episode()
      .doc('authorization', '2026-01-22', { 'auth-service': 'Examination and treatment' })
      .doc('authorization', '2026-02-27', AUTH)
      .bill('2026-03-02', '97545')
      .build();
    const [f] = run(authPresent, ep, 'workers-comp');
    expect(f).toMatchObject({ status: 'pass' });
    expect(f?.message).toContain('A-100');
  });
});
