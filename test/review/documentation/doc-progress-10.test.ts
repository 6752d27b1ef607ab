import { describe, expect, it } from 'vitest';
import { docProgress10 } from '../../../src-main/core/review/rules/documentation/doc-progress-10';
import { episode, weekdays, type EpisodeBuilder } from '../builder';
import { fails, profile, run } from './helpers';
import type { PayerKind } from '../../../shared/model';

const report = (
  b: EpisodeBuilder,
  date: string,
  credentials = 'PT, DPT',
  discipline: 'PT' | 'OT' = 'PT',
) =>
  b.doc(
    'progress-report',
    date,
    { 'document-date': date, signer: 'Jane Roe', credentials, 'signed-date': date },
    { discipline },
  );

/** Evaluation on treatment day 1, daily notes on the following days, reports on the given day numbers. */
function course(
  count: number,
  reportDays: number[] = [],
  kind: PayerKind = 'medicare',
  credentials?: string,
) {
  const days = weekdays('2026-09-08', count);
  const b = episode(kind);
  b.doc('evaluation', days[0]!, {
    'document-date': days[0]!,
    signer: 'Jane Roe',
    credentials: 'PT, DPT',
  });
  for (const d of days.slice(1)) b.daily(d);
  for (const n of reportDays) report(b, days[n - 1]!, credentials);
  return { b, days };
}

describe('DOC-PROGRESS-10', () => {
  it('passes at 10 treatment days without a report (nothing due yet)', () => {
    const { b } = course(10);
    const f = run(docProgress10, b.build());
    expect(f).toHaveLength(1);
    expect(f[0]!.status).toBe('pass');
  });

  it('fails at the 11th treatment day without a report, counting the evaluation day as day 1', () => {
    const { b, days } = course(11);
    const f = run(docProgress10, b.build());
    expect(fails(f)).toHaveLength(1);
    expect(f[0]!.severity).toBeUndefined(); // default error for Medicare
    expect(f[0]!.dates).toEqual([days[10]]);
    expect(f[0]!.message).toBe(
      'No clinician progress report between treatment day 1 (2026-09-08) and treatment day 10 (2026-09-21); overdue at treatment day 11 (2026-09-22).',
    );
    expect(f[0]!.evidence[0]!.file).toContain('daily-note-2026-09-22');
  });

  it('accepts a report dated on the 10th treatment day, and restarts the count the day after', () => {
    const { b } = course(20, [10]);
    expect(run(docProgress10, b.build())[0]!.status).toBe('pass');
    const { b: b21, days } = course(21, [10]);
    const f = fails(run(docProgress10, b21.build()));
    expect(f).toHaveLength(1);
    expect(f[0]!.dates).toEqual([days[20]]);
    expect(f[0]!.message).toContain('between treatment day 11');
    expect(f[0]!.message).toContain('overdue at treatment day 21');
  });

  it('fails at day 11 and day 21 when no report is ever written', () => {
    const { b, days } = course(21);
    const f = fails(run(docProgress10, b.build()));
    expect(f.map((x) => x.dates[0])).toEqual([days[10], days[20]]);
  });

  it('passes 21 days with reports on day 10 and day 20', () => {
    const { b } = course(21, [10, 20]);
    expect(run(docProgress10, b.build())[0]!.status).toBe('pass');
  });

  it('counts several notes on one calendar day as one treatment day', () => {
    const { b, days } = course(10);
    for (const d of days.slice(1)) b.daily(d).bill(d, '97545');
    const f = run(docProgress10, b.build());
    expect(f[0]!.status).toBe('pass');
    expect(f[0]!.message).toContain('10 treatment days');
  });

  it('does not count a report written by an assistant', () => {
    const { b, days } = course(11, [8], 'medicare', 'PTA');
    const f = fails(run(docProgress10, b.build()));
    expect(f).toHaveLength(1);
    expect(f[0]!.dates).toEqual([days[10]]);
    expect(f[0]!.message).toContain('written by an assistant');
  });

  it('counts a clinician re-evaluation as closing its period', () => {
    const { b, days } = course(15);
    b.doc('re-evaluation', days[6]!, { signer: 'Jane Roe', credentials: 'PT' });
    expect(run(docProgress10, b.build())[0]!.status).toBe('pass');
  });

  it('counts PT and OT separately', () => {
    const days = weekdays('2026-09-08', 11);
    const b = episode('medicare');
    for (const d of days) b.bill(d, '97110', 1, ['GP']).bill(d, '97530', 1, ['GO']);
    report(b, days[9]!, 'PT', 'PT');
    const f = fails(run(docProgress10, b.build()));
    expect(f).toHaveLength(1);
    expect(f[0]!.message.startsWith('OT: ')).toBe(true);
    expect(f[0]!.dates).toEqual([days[10]]);
  });

  it('Medicare: no 30-day clock (a report at day 9, 45 calendar days in, passes)', () => {
    const dates = [
      '2026-09-01',
      '2026-09-06',
      '2026-09-11',
      '2026-09-16',
      '2026-09-21',
      '2026-09-26',
      '2026-10-01',
      '2026-10-08',
      '2026-10-16',
      '2026-10-20',
    ];
    const b = episode('medicare');
    for (const d of dates) b.daily(d);
    report(b, dates[8]!);
    expect(run(docProgress10, b.build())[0]!.status).toBe('pass');
  });

  it('workers comp: warning severity and the calendar cadence from the profile', () => {
    const dates = [
      '2026-09-07',
      '2026-09-09',
      '2026-09-11',
      '2026-09-14',
      '2026-09-16',
      '2026-09-18',
      '2026-09-21',
    ];
    const b = episode('workers-comp');
    for (const d of dates) b.daily(d).bill(d, '97545');
    const f = fails(
      run(docProgress10, b.build(), profile('workers-comp', { progressEveryCalendarDays: 14 })),
    );
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.dates).toEqual(['2026-09-21']);
    expect(f[0]!.message).toContain('14 calendar days');
    // the same visits pass with no calendar cadence
    const ok = run(
      docProgress10,
      b.build(),
      profile('workers-comp', { progressEveryCalendarDays: null }),
    );
    expect(ok[0]!.status).toBe('pass');
  });

  it('downgrades to a warning when clinician notes in the period assess each goal', () => {
    const days = weekdays('2026-09-08', 11);
    const b = episode('medicare');
    for (const d of days)
      b.daily(d, { extra: { 'goal-assessment': 'Lift goal: 35 of 50 lb, progressing' } });
    const f = fails(run(docProgress10, b.build()));
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('goal-by-goal');
  });

  it('warns when the only report has no credentials, and when a note is undated', () => {
    const { b } = course(12);
    b.doc('progress-report', '2026-09-15', { signer: 'J. Roe' });
    b.doc('daily-note', null, { signer: 'Jane Roe' });
    const f = run(docProgress10, b.build());
    expect(f.filter((x) => x.status === 'warn')).toHaveLength(2);
  });

  it('is n/a (no findings) without treatment days', () => {
    expect(run(docProgress10, episode('medicare').build())).toEqual([]);
  });
  it('asks whose a report is only where one was due: an uncredentialed discharge at the end', () => {
    // Report on day 10, then five more days and a discharge summary whose author shows no
    // credentials (unsigned): nothing was due after day 10, so nothing to question.
    const { b, days } = course(16, [10]);
    b.doc('discharge-summary', days[15]!, { 'document-date': days[15]! });
    expect(run(docProgress10, b.build())[0]!.status).toBe('pass');
    // The same discharge summary where a report was due (day 21) is still questioned.
    const { b: late, days: d2 } = course(21, [10]);
    late.doc('discharge-summary', d2[19]!, { 'document-date': d2[19]! });
    const f = run(docProgress10, late.build());
    expect(f[0]!.status).toBe('warn');
    expect(f[0]!.message).toContain('does not show the author');
  });
});
