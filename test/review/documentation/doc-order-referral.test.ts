import { describe, expect, it } from 'vitest';
import { docOrderReferral } from '../../../src-main/core/review/rules/documentation/doc-order-referral';
import { episode } from '../builder';
import { fails, run } from './helpers';

const order = {
  'physician-signer': 'Dr. A. Smith, MD',
  'physician-signed-date': '2026-09-01',
  'program-type': 'work-conditioning',
};

describe('DOC-ORDER-REFERRAL', () => {
  it('passes with a signed program order before the first DOS', () => {
    const ep = episode('workers-comp')
      .doc('physician-order', '2026-09-01', order)
      .bill('2026-09-08', '97545')
      .build();
    expect(run(docOrderReferral, ep)[0]!.status).toBe('pass');
  });

  it('fails with payer severities when there is no order', () => {
    const sev = (kind: 'workers-comp' | 'commercial' | 'medicare', certified: boolean) => {
      const b = episode(kind).bill('2026-09-08', '97545');
      if (certified)
        b.doc('plan-of-care', '2026-09-08', {
          'physician-signer': 'Dr. Smith',
          'physician-signed-date': '2026-09-10',
        });
      const f = fails(run(docOrderReferral, b.build()));
      expect(f[0]!.message).toBe(
        'No signed referral/order for work conditioning dated on or before 2026-09-08.',
      );
      return f[0]!.severity;
    };
    expect(sev('workers-comp', false)).toBe('error');
    expect(sev('commercial', false)).toBe('warning');
    expect(sev('medicare', false)).toBe('error'); // the order would be needed for the 2025 alternative
  });

  it('Medicare: no order needed when the plan of care is certified (passes)', () => {
    const ep = episode('medicare')
      .bill('2026-09-08', '97110')
      .doc('plan-of-care', '2026-09-08', {
        'physician-signer': 'Dr. Smith',
        'physician-signed-date': '2026-09-10',
      })
      .build();
    const [f] = run(docOrderReferral, ep);
    expect(f).toMatchObject({ status: 'pass', dates: ['2026-09-10'] });
    expect(f!.message).toContain(
      'none is needed for Medicare because the plan of care is certified',
    );
  });

  it('fails an unsigned order, citing the blank line', () => {
    const ep = episode('workers-comp')
      .doc('physician-order', '2026-09-01', {
        'program-type': 'work-conditioning',
        'signature-blank': 'blank',
      })
      .bill('2026-09-08', '97545')
      .build();
    const f = fails(run(docOrderReferral, ep));
    expect(f[0]!.message).toContain('unsigned');
    expect(f[0]!.evidence[0]!.quote).toBe('signature-blank: blank');
  });

  it('WC: fails an order that does not prescribe the program, or is dated late', () => {
    const generic = episode('workers-comp')
      .doc(
        'physician-order',
        '2026-09-01',
        { 'physician-signer': 'Dr. Smith', 'physician-signed-date': '2026-09-01' },
        { title: 'PT eval and treat' },
      )
      .bill('2026-09-08', '97545')
      .build();
    expect(fails(run(docOrderReferral, generic))[0]!.message).toContain(
      'does not prescribe work conditioning',
    );
    const late = episode('workers-comp')
      .doc('physician-order', '2026-09-20', { ...order, 'physician-signed-date': '2026-09-20' })
      .bill('2026-09-08', '97545')
      .build();
    expect(fails(run(docOrderReferral, late))[0]!.dates).toEqual(['2026-09-20']);
  });
});
