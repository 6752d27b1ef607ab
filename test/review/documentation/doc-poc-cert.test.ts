import { describe, expect, it } from 'vitest';
import { docPocCert } from '../../../src-main/core/review/rules/documentation/doc-poc-cert';
import { episode } from '../builder';
import { fails, fullEvaluation, run } from './helpers';

const cert = (signedOn: string, extra: Record<string, string> = {}) => ({
  'physician-signer': 'Dr. A. Smith, MD',
  'physician-signed-date': signedOn,
  duration: '8 weeks',
  ...extra,
});

describe('DOC-POC-CERT', () => {
  it('passes a plan certified within 30 days of the evaluation day', () => {
    const ep = episode('medicare')
      .doc('evaluation', '2026-09-01', fullEvaluation('2026-09-01'))
      .doc('plan-of-care', '2026-09-01', cert('2026-09-20'))
      .daily('2026-09-03')
      .build();
    const f = run(docPocCert, ep);
    expect(f).toHaveLength(1);
    expect(f[0]!.status).toBe('pass');
    expect(f[0]!.evidence[0]!.quote).toBe('physician-signed-date: 2026-09-20');
  });

  it('counts the 30 days from the evaluation: delayed without reason is an error, with reason a warning', () => {
    const build = (extra: Record<string, string>) =>
      episode('medicare')
        .doc('evaluation', '2026-09-01', { signer: 'Jane Roe' })
        .doc('plan-of-care', '2026-09-01', cert('2026-10-15', extra))
        .daily('2026-09-03')
        .build();
    const noReason = fails(run(docPocCert, build({})));
    expect(noReason[0]!.severity).toBeUndefined();
    expect(noReason[0]!.message).toContain(
      '44 days after the first treatment day 2026-09-01 (limit 30), without a delay explanation',
    );
    const withReason = fails(
      run(docPocCert, build({ 'delay-reason': 'Physician on leave; sent 9/5, 9/19' })),
    );
    expect(withReason[0]!.severity).toBe('warning');
  });

  it('fails every date when the plan is never certified', () => {
    const ep = episode('medicare')
      .doc('plan-of-care', '2026-09-01')
      .daily('2026-09-01')
      .daily('2026-09-03')
      .build();
    const f = fails(run(docPocCert, ep));
    expect(f).toHaveLength(1);
    expect(f[0]!.dates).toEqual(['2026-09-01', '2026-09-03']);
    expect(
      f[0]!.message.startsWith('Plan of care not certified for DOS 2026-09-01 through 2026-09-03'),
    ).toBe(true);
  });

  it('accepts the 2025 alternative: signed order plus plan sent within 30 days', () => {
    const ep = episode('medicare')
      .doc('physician-order', '2026-08-28', {
        'physician-signer': 'Dr. Smith',
        'physician-signed-date': '2026-08-28',
      })
      .doc('plan-of-care', '2026-09-01', { 'plan-sent-date': '2026-09-02' })
      .daily('2026-09-01')
      .build();
    expect(run(docPocCert, ep)[0]!.status).toBe('pass');
  });

  it('fails dates beyond the certified interval without recertification', () => {
    const b = episode('medicare').doc(
      'plan-of-care',
      '2026-09-01',
      cert('2026-09-02', { duration: '4 weeks' }),
    );
    b.daily('2026-09-01').daily('2026-09-28').daily('2026-09-29').daily('2026-10-01');
    const f = fails(run(docPocCert, b.build()));
    expect(f).toHaveLength(1);
    expect(f[0]!.dates).toEqual(['2026-09-29', '2026-10-01']);
    expect(f[0]!.message).toContain('the certified interval ended 2026-09-28');
    // a recertification dated at the start of the new interval covers them
    b.doc('plan-of-care', '2026-09-29', cert('2026-09-30'));
    expect(run(docPocCert, b.build())[0]!.status).toBe('pass');
  });

  it('is n/a for workers compensation', () => {
    const ep = episode('workers-comp').daily('2026-09-01').build();
    expect(run(docPocCert, ep)[0]!.status).toBe('n/a');
  });
});
