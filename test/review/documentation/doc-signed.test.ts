import { describe, expect, it } from 'vitest';
import { docSigned } from '../../../src-main/core/review/rules/documentation/doc-signed';
import { episode } from '../builder';
import { fails, run, signed } from './helpers';

describe('DOC-SIGNED', () => {
  it('passes when every entry is signed with credentials and date', () => {
    const ep = episode('medicare')
      .doc('evaluation', '2026-09-01', signed('2026-09-01'))
      .doc('physician-order', '2026-08-28', {
        'physician-signer': 'Dr. Smith, MD',
        'physician-signed-date': '2026-08-28',
      })
      .daily('2026-09-02')
      .build();
    const f = run(docSigned, ep);
    expect(f).toHaveLength(1);
    expect(f[0]!.status).toBe('pass');
  });

  it('fails an unsigned note as an error, citing the blank line and its date', () => {
    const ep = episode('medicare').daily('2026-09-02', { signed: false }).build();
    const f = fails(run(docSigned, ep));
    expect(f[0]!.severity).toBeUndefined();
    expect(f[0]!.dates).toEqual(['2026-09-02']);
    expect(f[0]!.evidence[0]!.quote).toBe('signature-blank: blank');
    expect(f[0]!.message).toContain('attestation');
  });

  it('fails an entry its header says another clinician furnished, unless that clinician signs it (a middle initial aside)', () => {
    const byAnother = episode('commercial')
      .daily('2026-06-16', {
        signer: 'Colm Brennock',
        credentials: 'OTR/L',
        extra: { 'treating-clinician': 'Priya Raman' },
      })
      .build();
    const f = fails(run(docSigned, byAnother));
    expect(f[0]!.severity).toBeUndefined();
    expect(f[0]!.message).toBe(
      'Treatment note dated 2026-06-16 names Priya Raman as the clinician who furnished it but is signed by Colm Brennock on 2026-06-16: not signed by its author; cure with a signed, dated attestation by the author identifying the patient.',
    );
    expect(f[0]!.evidence[0]!.quote).toBe('treating-clinician: Priya Raman');
    const cosigned = episode('commercial')
      .daily('2026-06-16', {
        signer: 'Priya K. Raman',
        credentials: 'OTR/L',
        extra: { 'treating-clinician': 'Priya Raman' },
      })
      .build();
    expect(run(docSigned, cosigned)[0]!.status).toBe('pass');
  });

  it('a prescription dated where the physician wrote it is a signed, dated order (round 46, c133)', () => {
    const rx = (date: string | null) =>
      episode('medicare')
        .doc('physician-order', date, {
          'physician-signer': 'Ignatius Varga',
          credentials: 'DO',
        })
        .build();
    expect(run(docSigned, rx('2026-03-02'))[0]!.status).toBe('pass');
    // Undated, the order still lacks its date.
    expect(fails(run(docSigned, rx(null)))[0]!.message).toContain('signature date');
  });

  it('an unsigned order cannot be cured by attestation', () => {
    const ep = episode('medicare').doc('physician-order', '2026-08-28', {}).build();
    expect(fails(run(docSigned, ep))[0]!.message).toContain('cannot be cured by attestation');
  });

  it('warns when credentials or the date are missing', () => {
    const ep = episode('medicare')
      .doc('progress-report', '2026-09-10', { signer: 'J. Roe' })
      .build();
    const f = fails(run(docSigned, ep));
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'Progress report dated 2026-09-10 is signed without credentials or a signature date.',
    );
  });

  it('a FHIR CarePlan copy (no signature field) is checked only when it is the only plan', () => {
    const plan = {
      'goal-long': 'Walk 500 ft in 4 weeks',
      frequency: '3x/week',
      duration: '4 weeks',
    };
    const file = { file: 'bundle.json#CarePlan/cp1' };
    const withNarrative = episode('medicare')
      .doc('evaluation', '2026-09-01', { ...signed('2026-09-01'), ...plan })
      .doc('plan-of-care', '2026-09-01', plan, file)
      .build();
    expect(run(docSigned, withNarrative)[0]!.status).toBe('pass');
    const alone = episode('medicare').doc('plan-of-care', '2026-09-01', plan, file).build();
    expect(fails(run(docSigned, alone))[0]!.message).toContain(
      'Plan of care dated 2026-09-01 is unsigned',
    );
  });

  it('fails a stamped signature as unsigned, even with a name, credentials and date', () => {
    const ep = episode('medicare')
      .doc('evaluation', '2026-09-01', {
        ...signed('2026-09-01'),
        'signature-stamped': 'signature stamp',
      })
      .doc('physician-order', '2026-08-28', {
        'physician-signer': 'Dr. Smith, MD',
        'physician-signed-date': '2026-08-28',
        'signature-stamped': 'stamped',
      })
      .build();
    const f = fails(run(docSigned, ep));
    expect(f.map((x) => x.message)).toEqual([
      'Physician order dated 2026-08-28 is signed with a stamp, which is not accepted and counts as unsigned; an unsigned order cannot be cured by attestation.',
      'Evaluation dated 2026-09-01 is signed with a stamp, which is not accepted and counts as unsigned; cure with a signed, dated attestation by the author identifying the patient.',
    ]);
    expect(f[0]!.severity).toBeUndefined(); // the rule's error
    expect(f[1]!.evidence[0]!.quote).toBe('signature-stamped: signature stamp');
  });

  // Medicare's 20-day window to answer a request for the log is named on Medicare episodes only.
  it.each([
    [
      'medicare',
      '; include one, as a reviewer who asks for it must have it within 20 calendar days.',
    ],
    ['workers-comp', '; include one.'],
  ] as const)(
    'warns on an illegible signature when the record holds no signature log or attestation (%s)',
    (kind, advice) => {
      const ep = episode(kind)
        .doc('evaluation', '2026-09-01', {
          'date-of-service': '2026-09-01',
          'signature-illegible': '[illegible]',
          credentials: 'PT',
          'signed-date': '2026-09-01',
        })
        .daily('2026-09-02')
        .build();
      const f = run(docSigned, ep);
      expect(f).toHaveLength(1);
      expect(f[0]!.status).toBe('warn');
      expect(f[0]!.severity).toBe('warning');
      expect(f[0]!.dates).toEqual(['2026-09-01']);
      expect(f[0]!.message).toBe(
        `Evaluation dated 2026-09-01 has an illegible signature and the record holds no signature log or attestation${advice}`,
      );
      expect(f[0]!.evidence[0]!.quote).toBe('signature-illegible: [illegible]');
    },
  );

  it('accepts an illegible signature with a signature log in the record, citing both', () => {
    const ep = episode('medicare')
      .doc('evaluation', '2026-09-01', {
        'signature-illegible': '[illegible]',
        credentials: 'PT',
        'signed-date': '2026-09-01',
      })
      .daily('2026-09-02')
      .doc('other', null, { 'signature-log': 'log' })
      .build();
    const f = run(docSigned, ep);
    expect(f.map((x) => x.status)).toEqual(['pass']);
    expect(f[0]!.evidence.map((e) => e.quote)).toEqual([
      'signature-illegible: [illegible]',
      'signature-log: log',
      'signer: Jane Roe',
    ]);
  });

  it('still asks for credentials and a date of an illegible signature a log answers for', () => {
    const ep = episode('medicare')
      .doc('progress-report', '2026-09-10', {
        'signature-illegible': 'J~r#e',
        'signature-log': 'attestation',
      })
      .build();
    const f = fails(run(docSigned, ep));
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'Progress report dated 2026-09-10 is signed without credentials or a signature date.',
    );
  });

  it('an illegible signature is not an unsigned one: a blank signature line still fails', () => {
    const ep = episode('medicare')
      .doc('evaluation', '2026-09-01', {
        'signature-illegible': '[illegible]',
        'signature-blank': 'blank',
      })
      .build();
    expect(fails(run(docSigned, ep))[0]!.message).toContain(
      'Evaluation dated 2026-09-01 is unsigned',
    );
  });
  it("a physician's blank certification line leaves the therapist's signed plan signed", () => {
    const plan = (blank: { value: string; detail: { physician: boolean } } | string) =>
      episode('medicare')
        .doc('plan-of-care', '2026-09-01', {
          signer: 'Jane Roe',
          credentials: 'PT, DPT',
          'signed-date': '2026-09-01',
          'signature-blank': blank,
        })
        .build();
    // The physician's field is DOC-POC-CERT's to judge.
    expect(fails(run(docSigned, plan({ value: 'blank', detail: { physician: true } })))).toEqual(
      [],
    );
    // The author's own line left blank is still unsigned.
    expect(fails(run(docSigned, plan('blank')))[0]!.message).toContain('is unsigned');
    // On the physician's own order, their blank line is the order unsigned.
    const order = episode('medicare')
      .doc('physician-order', '2026-08-28', {
        'physician-signer': 'Harlan Vey',
        'signature-blank': { value: 'blank', detail: { physician: true } },
      })
      .build();
    expect(fails(run(docSigned, order))[0]!.message).toContain('is unsigned');
  });
});
