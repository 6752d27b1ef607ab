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

  it('a signed order and the plan sent in time certify the plan, however late the physician signs it', () => {
    const ep = episode('medicare')
      .doc('physician-order', '2026-08-28', {
        'physician-signer': 'Dr. Smith',
        'physician-signed-date': '2026-08-28',
      })
      .doc('plan-of-care', '2026-09-01', { ...cert('2026-10-09'), 'plan-sent-date': '2026-09-01' })
      .daily('2026-09-01')
      .daily('2026-10-08')
      .build();
    const [result] = run(docPocCert, ep);
    expect(result!.status).toBe('pass');
    expect(result!.message).toContain(
      'Signed order and plan sent to the referring practitioner on 2026-09-01',
    );
    expect(result!.message).toContain('the plan itself was signed 2026-10-09');
    // Without the plan sent, the same late signature fails.
    const late = episode('medicare')
      .doc('plan-of-care', '2026-09-01', cert('2026-10-09'))
      .daily('2026-09-01')
      .build();
    expect(fails(run(docPocCert, late))[0]!.message).toContain('without a delay explanation');
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

  it('a recertification signed over 30 days after its period began does not cover the days before it, unless the delay is explained', () => {
    const build = (extra: Record<string, string>) => {
      const b = episode('medicare').doc(
        'plan-of-care',
        '2026-03-03',
        cert('2026-03-05', { duration: '2026-03-03 to 2026-05-31' }),
      );
      // The recertification is a progress report the physician signed, as practices send it.
      b.doc('progress-report', '2026-05-26', {
        ...cert('2026-07-08', { duration: '2026-06-01 to 2026-07-26' }),
        ...extra,
      });
      for (const d of ['2026-03-03', '2026-05-28', '2026-06-02', '2026-07-07', '2026-07-09'])
        b.daily(d);
      return b.build();
    };
    const f = fails(run(docPocCert, build({})));
    expect(f).toHaveLength(1);
    expect(f[0]!.dates).toEqual(['2026-06-02', '2026-07-07']);
    expect(f[0]!.message).toContain(
      'was signed 2026-07-08, after them, without a reason for the delay',
    );
    const explained = run(docPocCert, build({ 'delay-reason': 'physician on leave' }));
    expect(explained.map((x) => [x.status, x.severity])).toEqual([['fail', 'warning']]);
    expect(explained[0]!.message).toContain('37 days after its period began 2026-06-01');
  });

  it('a recertification signed within 30 days after its period began covers the period', () => {
    const b = episode('medicare').doc(
      'plan-of-care',
      '2026-03-03',
      cert('2026-03-05', { duration: '2026-03-03 to 2026-05-31' }),
    );
    b.doc(
      'progress-report',
      '2026-05-26',
      cert('2026-06-20', { duration: '2026-06-01 to 2026-07-26' }),
    );
    b.daily('2026-03-03').daily('2026-06-02').daily('2026-07-09');
    expect(run(docPocCert, b.build())[0]!.status).toBe('pass');
  });

  it('is n/a for workers compensation', () => {
    const ep = episode('workers-comp').daily('2026-09-01').build();
    expect(run(docPocCert, ep)[0]!.status).toBe('n/a');
  });

  describe('verbal certification (§220.1.3.B)', () => {
    const build = (signedOn: string | null, verbal: string) => {
      const b = episode('medicare')
        .doc('evaluation', '2026-09-01', fullEvaluation('2026-09-01'))
        .daily('2026-09-03')
        .doc('daily-note', '2026-09-04', { 'verbal-certification': verbal });
      if (signedOn) b.doc('plan-of-care', '2026-09-01', cert(signedOn));
      else b.doc('plan-of-care', '2026-09-01', { duration: '8 weeks' });
      return b.build();
    };

    it('accepts a signature past 30 days when a timely verbal certification came within 14 days before it', () => {
      const f = run(docPocCert, build('2026-10-08', '2026-09-28'));
      expect(f.map((x) => x.status)).toEqual(['pass']);
      expect(f[0]!.message).toContain('verbal certification 2026-09-28, signed within 14 days');
      expect(f[0]!.evidence[0]!.quote).toBe('verbal-certification: 2026-09-28');
    });

    it('fails a signature more than 14 days after the verbal certification', () => {
      const f = fails(run(docPocCert, build('2026-10-20', '2026-09-28')));
      expect(f[0]!.message).toBe(
        'Verbal certification 2026-09-28 was timely, but the signed certification 2026-10-20 came 22 days later (limit 14).',
      );
      expect(f[0]!.dates).toEqual(['2026-09-28', '2026-10-20']);
    });

    it('fails a verbal certification never followed by a signature', () => {
      const f = fails(run(docPocCert, build(null, '2026-09-05')));
      expect(f).toHaveLength(1);
      expect(f[0]!.message).toBe(
        'Verbal certification documented 2026-09-05, but no physician/NPP signature and date on the plan followed within 14 days.',
      );
    });

    it('ignores a verbal certification documented after the 30 days, and dates an undated one by its note', () => {
      const late = fails(run(docPocCert, build('2026-10-20', '2026-10-10')));
      expect(late[0]!.message).toContain('without a delay explanation');
      const undated = run(docPocCert, build('2026-10-08', 'undated'));
      // The note that records it is dated 2026-09-04: timely, but the signature came 34 days later.
      expect(fails(undated)[0]!.message).toContain('Verbal certification 2026-09-04 was timely');
    });
  });
});
