import { describe, expect, it } from 'vitest';
import { docEvalPresent } from '../../../src-main/core/review/rules/documentation/doc-eval-present';
import { episode } from '../builder';
import { fails, run } from './helpers';

describe('DOC-EVAL-PRESENT', () => {
  it("reads a work program's evaluation for the program, whichever discipline writes its days", () => {
    const withOtBilling = episode('workers-comp')
      .doc('evaluation', '2026-09-14', { signer: 'Ann Lee' })
      .daily('2026-09-15')
      .bill('2026-09-15', '97545', 1, ['GP'])
      .bill('2026-09-16', '97110', 1, ['GO'])
      .build();
    withOtBilling.documents[1]!.discipline = 'OT';
    // A program day run by an OT opens no OT stream; an OT treatment billed as OT does.
    const program = run(docEvalPresent, withOtBilling);
    expect(program.filter((f) => f.status === 'fail').map((f) => f.message)).toEqual([
      expect.stringMatching(/^OT: No initial evaluation/),
    ]);
    const noOtBilling = episode('workers-comp')
      .doc('evaluation', '2026-09-14', { signer: 'Ann Lee' })
      .daily('2026-09-15')
      .bill('2026-09-15', '97545', 1, ['GP'])
      .build();
    noOtBilling.documents[1]!.discipline = 'OT';
    expect(run(docEvalPresent, noOtBilling)[0]!.status).toBe('pass');
  });

  it("opens no discipline's stream from a page that only names it (an eligibility response)", () => {
    const speech = () =>
      episode('medicare')
        .doc('evaluation', '2026-03-05', { signer: 'Lorna Pike' }, { discipline: 'SLP' })
        .daily('2026-03-09', { discipline: 'SLP', credentials: 'M.A., CCC-SLP' })
        .bill('2026-03-05', '92524', 1, ['GN'])
        .bill('2026-03-09', '92507', 1, ['GN']);
    // "PT/SLP amount applied 2026: $0.00" on the payer's response reads as PT.
    const withEligibility = speech().doc('other', '2026-03-03', {}, { discipline: 'PT' }).build();
    expect(run(docEvalPresent, withEligibility).map((f) => f.status)).toEqual(['pass']);
    // A PT note does open one.
    const withPtNote = speech().daily('2026-03-10', { discipline: 'PT' }).build();
    expect(
      run(docEvalPresent, withPtNote)
        .filter((f) => f.status === 'fail')
        .map((f) => f.message),
    ).toEqual([expect.stringMatching(/^PT: No initial evaluation/)]);
  });

  it('passes with an evaluation on the first program day', () => {
    const ep = episode('workers-comp')
      .doc('evaluation', '2026-09-08', { signer: 'Jane Roe' })
      .daily('2026-09-08')
      .bill('2026-09-08', '97545')
      .build();
    const f = run(docEvalPresent, ep);
    expect(f).toHaveLength(1);
    expect(f[0]!.status).toBe('pass');
    expect(f[0]!.evidence[0]!.file).toContain('evaluation');
  });

  it('fails without an evaluation, citing the first billed line', () => {
    const ep = episode('workers-comp').daily('2026-09-08').bill('2026-09-08', '97545').build();
    const f = fails(run(docEvalPresent, ep));
    expect(f[0]!.message).toBe(
      'No initial evaluation found before the first work-conditioning date of service (first DOS: 2026-09-08).',
    );
    expect(f[0]!.evidence[0]!.line).toBe(2);
  });

  it('fails when the evaluation is dated after the first program day', () => {
    const ep = episode('medicare')
      .bill('2026-09-08', '97545')
      .doc('evaluation', '2026-09-10')
      .build();
    expect(fails(run(docEvalPresent, ep))[0]!.message).toContain('dated 2026-09-10, after');
  });

  it('accepts an FCE for WC but not for Medicare', () => {
    const build = (kind: 'workers-comp' | 'medicare') =>
      episode(kind).doc('fce', '2026-09-01').bill('2026-09-08', '97545').build();
    expect(run(docEvalPresent, build('workers-comp'))[0]!.status).toBe('pass');
    expect(run(docEvalPresent, build('medicare'))[0]!.status).toBe('fail');
  });

  it('warns on re-entry after a long gap without a new evaluation', () => {
    const ep = episode('commercial')
      .doc('evaluation', '2026-01-05')
      .daily('2026-01-06')
      .daily('2026-04-01')
      .build();
    const f = fails(run(docEvalPresent, ep));
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.dates).toEqual(['2026-04-01']);
  });

  it('returns nothing (engine n/a) for an empty episode', () => {
    expect(run(docEvalPresent, episode('medicare').build())).toEqual([]);
  });
});
