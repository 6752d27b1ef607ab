import { describe, expect, it } from 'vitest';
import { docDailyPresent } from '../../../src-main/core/review/rules/documentation/doc-daily-present';
import { episode } from '../builder';
import { fails, run } from './helpers';

describe('DOC-DAILY-PRESENT', () => {
  it('passes when every billed date has a note; evaluation-only days need the evaluation', () => {
    const ep = episode('medicare')
      .doc('evaluation', '2026-09-01')
      .bill('2026-09-01', '97163', 1, ['GP'])
      .daily('2026-09-02')
      .bill('2026-09-02', '97545')
      .bill('2026-09-02', '97546', 2)
      .build();
    const f = run(docDailyPresent, ep);
    expect(f).toHaveLength(1);
    expect(f[0]!.status).toBe('pass');
  });

  it("takes a work program's note by whichever discipline ran the session, not a PT note billed as OT", () => {
    const program = (codes: [string, string[]]) =>
      episode('workers-comp')
        .doc('evaluation', '2026-09-14', { signer: 'Ann Lee', credentials: 'PT' })
        .daily('2026-09-15', { signer: 'Jo Varner', credentials: 'OTR/L' })
        .bill('2026-09-15', codes[0], 1, codes[1])
        .build();
    // The OT ran the work-hardening day the program billed under GP: the program's note.
    const workHardening = program(['97545', ['GP']]);
    workHardening.documents[1]!.discipline = 'OT';
    expect(run(docDailyPresent, workHardening)[0]!.status).toBe('pass');
    // A PT treatment code needs a PT's note: the OT's does not document it.
    const ptLine = program(['97110', ['GP']]);
    ptLine.documents[1]!.discipline = 'OT';
    expect(fails(run(docDailyPresent, ptLine))[0]!.message).toBe(
      'No treatment note for billed DOS 2026-09-15 (97110 (PT)).',
    );
  });

  it('fails a billed date without a note, citing the billing line', () => {
    const ep = episode('workers-comp')
      .daily('2026-09-02')
      .bill('2026-09-02', '97545')
      .bill('2026-09-03', '97545')
      .build();
    const f = fails(run(docDailyPresent, ep));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('No treatment note for billed DOS 2026-09-03 (97545).');
    expect(f[0]!.evidence[0]!.quote).toContain('2026-09-03 97545');
  });

  it('flags orphan notes as info and undated notes as warn', () => {
    const ep = episode('workers-comp')
      .daily('2026-09-02')
      .bill('2026-09-02', '97545')
      .daily('2026-09-04')
      .doc('daily-note', null, { signer: 'Jane Roe' })
      .build();
    const f = run(docDailyPresent, ep);
    expect(f.find((x) => x.status === 'fail')!.severity).toBe('info');
    expect(f.filter((x) => x.status === 'warn')).toHaveLength(1);
  });

  it('requires the note discipline to match the line', () => {
    const ep = episode('medicare')
      .daily('2026-09-02')
      .bill('2026-09-02', '97530', 1, ['GO'])
      .build();
    expect(fails(run(docDailyPresent, ep))[0]!.message).toContain('97530 (OT)');
  });
});
