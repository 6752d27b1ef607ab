import { describe, expect, it } from 'vitest';
import { docReeval } from '../../../src-main/core/review/rules/documentation/doc-reeval';
import { episode } from '../builder';
import { fails, run } from './helpers';

describe('DOC-REEVAL', () => {
  it('passes (info) when no re-evaluation is billed', () => {
    const f = run(
      docReeval,
      episode('medicare').daily('2026-09-02').bill('2026-09-02', '97110').build(),
    );
    expect(f[0]!.status).toBe('pass');
    expect(f[0]!.severity).toBe('info');
  });

  it('passes a billed re-evaluation with a documented indication', () => {
    const ep = episode('medicare')
      .doc('re-evaluation', '2026-10-01', { 'reeval-indication': 'New onset radicular symptoms' })
      .bill('2026-10-01', '97164', 1, ['GP'])
      .build();
    expect(run(docReeval, ep)[0]!.status).toBe('pass');
  });

  it("judges no program's periodic re-exam when the billing on file bills no re-evaluation", () => {
    const billed = episode('workers-comp')
      .doc('re-evaluation', '2026-03-20')
      .bill('2026-03-20', '97545', 1, ['WC'])
      .build();
    expect(fails(run(docReeval, billed))).toEqual([]);
    // With no billing on file, the re-evaluation document is still judged.
    const unbilled = episode('workers-comp').doc('re-evaluation', '2026-03-20').build();
    expect(fails(run(docReeval, unbilled))).toHaveLength(1);
  });

  it('fails a billed re-evaluation without an indication', () => {
    const ep = episode('medicare')
      .doc('re-evaluation', '2026-10-01')
      .bill('2026-10-01', '97164', 1, ['GP'])
      .build();
    const f = fails(run(docReeval, ep));
    expect(f[0]!.message).toBe(
      'Billed re-evaluation on 2026-10-01 has no documented indication (new findings, change in condition or failure to respond).',
    );
  });

  it('WC: fails an extension request without interim objective testing; passes with an interim FCE', () => {
    const b = episode('workers-comp')
      .doc('authorization', '2026-09-01')
      .bill('2026-09-08', '97545')
      .doc('authorization', '2026-10-01');
    const f = fails(run(docReeval, b.build()));
    expect(f[0]!.message).toContain(
      'Program extension requested on 2026-10-01 without interim objective testing',
    );
    b.doc('fce', '2026-09-29');
    expect(run(docReeval, b.build())[0]!.status).toBe('pass');
  });
});
