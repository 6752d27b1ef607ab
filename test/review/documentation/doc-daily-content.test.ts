import { describe, expect, it } from 'vitest';
import { docDailyContent } from '../../../src-main/core/review/rules/documentation/doc-daily-content';
import { episode } from '../builder';
import { fails, run } from './helpers';

describe('DOC-DAILY-CONTENT', () => {
  // A hospital records a visit in a narrative note (what was done, signed) and a flowsheet column
  // (minutes, codes, the user who filed it): one visit, judged as one record.
  const narrative = {
    'date-of-service': '2026-03-05',
    intervention: 'Gait training 150 ft x 3 with SBA',
    section: ['objective', 'patient-response'],
    signer: 'Maren Keller',
    credentials: 'PT, DPT',
  };
  const flowsheetColumn = {
    'date-of-service': '2026-03-05',
    'timed-minutes': 43,
    'total-minutes': 43,
    signer: 'MOK',
  };

  it('judges a narrative note and the flowsheet column of its date and discipline as one visit', () => {
    const ep = episode('medicare')
      .doc('daily-note', '2026-03-05', narrative)
      .doc('daily-note', '2026-03-05', flowsheetColumn)
      .bill('2026-03-05', '97116', 3)
      .build();
    expect(run(docDailyContent, ep)[0]!.status).toBe('pass');
  });

  it("judges notes of two disciplines on one date apart: the OT column lacks the OT visit's care", () => {
    const ep = episode('medicare')
      .doc('daily-note', '2026-03-05', narrative)
      .doc('daily-note', '2026-03-05', flowsheetColumn, { discipline: 'OT' })
      .bill('2026-03-05', '97116', 3)
      .build();
    const f = fails(run(docDailyContent, ep)).map((x) => x.message);
    // Each is judged on its own: the PT note lacks its minutes, the OT column the OT care.
    expect(f).toContain('Treatment note 2026-03-05 is missing total treatment time.');
    expect(f.some((m) => m.includes('missing the interventions furnished'))).toBe(true);
  });

  it("reads a flowsheet column on an evaluation day with that day's evaluation, not alone", () => {
    const ep = (withEval: boolean) => {
      const b = episode('medicare').doc('daily-note', '2026-03-02', {
        ...flowsheetColumn,
        'date-of-service': '2026-03-02',
      });
      if (withEval)
        b.doc('evaluation', '2026-03-02', {
          'date-of-service': '2026-03-02',
          intervention: 'HEP instruction: quad sets 2x10',
          section: ['objective', 'patient-response'],
          signer: 'Maren Keller',
          credentials: 'PT, DPT',
        });
      return b.bill('2026-03-02', '97110', 1).build();
    };
    expect(run(docDailyContent, ep(true))[0]!.status).toBe('pass');
    expect(fails(run(docDailyContent, ep(false)))[0]!.message).toContain(
      'missing the interventions furnished',
    );
  });

  it('passes notes with interventions and parameters, time and credentialed signature', () => {
    const ep = episode('workers-comp')
      .daily('2026-09-02', { minutes: 180, extra: { intervention: ['Lift 30 lb x 10'] } })
      .daily('2026-09-03', { minutes: 180, extra: { intervention: ['Lift 35 lb x 10'] } })
      .daily('2026-09-04', { minutes: 180, extra: { intervention: ['Lift 40 lb x 10'] } })
      .bill('2026-09-02', '97545')
      .build();
    expect(run(docDailyContent, ep)[0]!.status).toBe('pass');
  });

  it("reads each billed service's own minutes as the note's time; one billed service without them leaves the total unknown", () => {
    const minutes = (code: string, n: number) => ({
      value: String(n),
      detail: { code, minutes: n },
    });
    const note = (codes: string[]) =>
      episode('commercial')
        .daily('2026-04-07', {
          extra: { 'service-minutes': [minutes('97530', 26), minutes('97110', 15)] },
        })
        .bill('2026-04-07', '97530', 2)
        .bill('2026-04-07', codes[0]!, 1)
        .build();
    expect(run(docDailyContent, note(['97110']))[0]!.status).toBe('pass');
    const f = fails(run(docDailyContent, note(['97010'])));
    expect(f[0]!.message).toBe('Treatment note 2026-04-07 is missing total treatment time.');
  });

  it('fails (error) a note without time, signature or parameters', () => {
    const ep = episode('workers-comp')
      .daily('2026-09-02', { signed: false, extra: { intervention: ['Work simulation'] } })
      .bill('2026-09-02', '97545')
      .build();
    const f = fails(run(docDailyContent, ep));
    expect(f[0]!.severity).toBeUndefined();
    expect(f[0]!.message).toContain('Treatment note 2026-09-02 is missing parameters');
    expect(f[0]!.message).toContain('total treatment time');
    expect(f[0]!.message).toContain('signature');
  });

  it('counts an illegible signature as a signature (DOC-SIGNED judges it), still asking credentials', () => {
    const note = (extra: Record<string, string>) =>
      episode('workers-comp')
        .doc('daily-note', '2026-09-02', {
          'date-of-service': '2026-09-02',
          intervention: 'Lift 30 lb x 10',
          'total-minutes': 180,
          section: ['objective', 'patient-response'],
          'signature-illegible': '[illegible]',
          ...extra,
        })
        .build();
    expect(run(docDailyContent, note({ credentials: 'PT' }))[0]!.status).toBe('pass');
    expect(fails(run(docDailyContent, note({})))[0]!.message).toBe(
      'Treatment note 2026-09-02 is missing professional identification (credentials).',
    );
  });

  it('warns (WC) when patient response is missing, and on 3 cloned notes', () => {
    const ep = episode('workers-comp')
      .daily('2026-09-02', { minutes: 180, extra: { section: ['objective'] } })
      .daily('2026-09-03', { minutes: 180 })
      .daily('2026-09-04', { minutes: 180 })
      .build();
    const f = fails(run(docDailyContent, ep));
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'Treatment note 2026-09-02 is missing patient response / tolerance.',
    );
    const cloned = f.find((x) => x.message.includes('cloned'))!;
    expect(cloned.dates).toEqual(['2026-09-02', '2026-09-03', '2026-09-04']);
  });

  it('warns on an undated note', () => {
    const ep = episode('medicare').doc('daily-note', null, { signer: 'Jane Roe' }).build();
    expect(run(docDailyContent, ep)[0]!.status).toBe('warn');
  });
});
