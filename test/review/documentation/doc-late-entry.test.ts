/**
 * DOC-LATE-ENTRY (PIM Ch. 3 §3.3.2.5): addenda and late entries count only when they identify
 * themselves, carry their own date and author, and leave the original identifiable; one that does
 * not is left out of every other rule, and is an error when a failing rule leaned on it.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/model';
import { reviewEpisode } from '../../../src-main/core/review/engine';
import { loadPayerProfile } from '../../../src-main/core/review/profiles';
import { episode, type FactSpec } from '../builder';

const DOS = '2026-03-04';
const WRITTEN = '2026-03-09';

function review(b: ReturnType<typeof episode>, profile = 'workers-comp'): Finding[] {
  return reviewEpisode(b.build(), loadPayerProfile(profile));
}
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

/** A work-conditioning day whose note gives no minutes, billed 97545, and a late entry for it. */
function dayFixedBy(entry: FactSpec | null, title = 'Late Entry - Daily Note') {
  const b = episode('workers-comp').daily(DOS, {}).bill(DOS, '97545', 1);
  if (entry) b.doc('daily-note', DOS, { 'date-of-service': DOS, ...entry }, { title });
  return b;
}

const LATE_ENTRY = {
  amendment: { value: 'late-entry', detail: { of: DOS, date: WRITTEN } },
  'total-minutes': '95',
};

describe('DOC-LATE-ENTRY', () => {
  it('passes a late entry that is labelled, dated, signed and beside its original; its minutes count', () => {
    const findings = review(
      dayFixedBy({ ...LATE_ENTRY, signer: 'Kim Lund', credentials: 'PTA', 'signed-date': WRITTEN }),
    );
    expect(of(findings, 'DOC-LATE-ENTRY')).toMatchObject([{ status: 'pass', dates: [DOS] }]);
    expect(of(findings, 'DOC-DAILY-TIME').map((f) => f.status)).toEqual(['pass']);
  });

  it('leaves out an unsigned late entry: the time rule still fails, and the entry is an error naming it', () => {
    const findings = review(dayFixedBy(LATE_ENTRY));
    const [late] = of(findings, 'DOC-LATE-ENTRY');
    expect(late).toMatchObject({ status: 'fail', severity: 'error', dates: [DOS] });
    expect(late!.message).toContain('has no author');
    expect(late!.message).toMatch(/Without it, .*DOC-DAILY-TIME/);
    expect(of(findings, 'DOC-DAILY-TIME').map((f) => f.status)).toEqual(['fail']);
  });

  it('an entry without a date of its own is a warning when nothing leaned on it', () => {
    const b = episode('workers-comp')
      .daily(DOS, { minutes: 95 })
      .bill(DOS, '97545', 1)
      .doc(
        'daily-note',
        DOS,
        {
          'date-of-service': DOS,
          amendment: { value: 'addendum', detail: { of: DOS, date: null } },
          signer: 'Kim Lund',
          credentials: 'PTA',
        },
        { title: 'Addendum' },
      );
    const [late] = of(review(b), 'DOC-LATE-ENTRY');
    expect(late).toMatchObject({ status: 'fail', severity: 'warning' });
    expect(late!.message).toContain('has no date of its own');
  });

  it('a stand-alone entry whose original is not in the record fails: nothing identifies what it replaced', () => {
    const b = episode('workers-comp')
      .daily('2026-03-02', { minutes: 95 })
      .bill('2026-03-02', '97545', 1)
      .doc(
        'daily-note',
        DOS,
        { 'date-of-service': DOS, ...LATE_ENTRY, signer: 'Kim Lund', 'signed-date': WRITTEN },
        { title: 'Corrected Note' },
      );
    const [late] = of(review(b, 'commercial'), 'DOC-LATE-ENTRY');
    expect(late).toMatchObject({ status: 'fail' });
    expect(late!.message).toContain(`no note of ${DOS} is in the record`);
  });

  it('an addendum block inside its own note, signed "by NAME, credentials" with its date, passes', () => {
    const b = episode('medicare').daily(DOS, {
      minutes: 40,
      extra: { amendment: { value: 'addendum', detail: { of: null, date: WRITTEN } } },
    });
    // The builder's quotes are "kind: value"; the by-line comes from the note's own signer here.
    const [late] = of(review(b, 'medicare'), 'DOC-LATE-ENTRY');
    expect(late).toMatchObject({ status: 'pass' });
  });

  it('flags a compliant entry written after a records request for the claim as a warning', () => {
    const b = dayFixedBy({
      ...LATE_ENTRY,
      signer: 'Kim Lund',
      credentials: 'PTA',
      'signed-date': WRITTEN,
    });
    const model = b.build();
    model.claims[0]!.requests = [{ kind: 'adr', dated: '2026-03-06' }];
    const findings = reviewEpisode(model, loadPayerProfile('medicare'));
    const [late] = of(findings, 'DOC-LATE-ENTRY');
    expect(late).toMatchObject({ status: 'warn' });
    expect(late!.message).toContain('written after the ADR dated 2026-03-06 for claim CLM-1');
    // Still considered: its minutes count.
    expect(of(findings, 'DOC-DAILY-TIME').map((f) => f.status)).not.toContain('fail');
    // A request dated after the entry says nothing about it.
    model.claims[0]!.requests = [{ kind: 'adr', dated: '2026-03-20' }];
    expect(
      of(reviewEpisode(model, loadPayerProfile('medicare')), 'DOC-LATE-ENTRY')[0]?.status,
    ).toBe('pass');
  });

  it('says nothing (n/a) where the record has no labelled entry', () => {
    const [late] = of(
      review(episode('workers-comp').daily(DOS, { minutes: 95 })),
      'DOC-LATE-ENTRY',
    );
    expect(late?.status).toBe('n/a');
  });
});

describe('DOC-LATE-ENTRY: a second, unlabelled version of a note', () => {
  const RESIGNED = '2026-03-20';
  /** A visit note of DOS as a note signed on `signed` would be read, with its clock times. */
  function note(signed: string, times: [string, string] | null, minutes: number, visit?: number) {
    const facts: FactSpec = {
      'date-of-service': DOS,
      'total-minutes': String(minutes),
      intervention: ['Crate lift 30 lb x 10', 'Sled push 60 lb x 6'],
      section: ['subjective', 'objective', 'assessment', 'plan', 'patient-response'],
      signer: 'Tomas Ruiz',
      credentials: 'PT',
      'signed-date': signed,
    };
    if (times) [facts['time-in'], facts['time-out']] = times;
    if (visit !== undefined) facts['visit-number'] = String(visit);
    return facts;
  }

  it('flags the same session re-signed days later without a label, and leaves it out of the time rules', () => {
    const b = episode('workers-comp')
      .doc('daily-note', DOS, note(DOS, ['07:30', '10:15'], 165))
      .doc('daily-note', DOS, note(RESIGNED, ['07:30', '10:15'], 165))
      .bill(DOS, '97545', 1)
      .bill(DOS, '97546', 1);
    const findings = review(b);
    const [late] = of(findings, 'DOC-LATE-ENTRY');
    expect(late).toMatchObject({ status: 'fail', severity: 'warning', dates: [DOS, RESIGNED] });
    expect(late!.message).toContain('does not identify itself as an addendum or late entry');
    // One session of 165 minutes, not two notes merged into 330.
    expect(of(findings, 'DOC-DAILY-TIME').map((f) => f.status)).toEqual(['pass']);
  });

  it('without clock times the same visit number makes it the same session', () => {
    const b = episode('workers-comp')
      .doc('daily-note', DOS, note(DOS, null, 150, 4))
      .doc('daily-note', DOS, note(RESIGNED, null, 150, 4))
      .bill(DOS, '97545', 1);
    expect(of(review(b), 'DOC-LATE-ENTRY')[0]).toMatchObject({ status: 'fail' });
  });

  it('a morning and an afternoon session of one day are two notes, even when one is signed later', () => {
    const b = episode('workers-comp')
      .doc('daily-note', DOS, note(DOS, ['08:00', '10:00'], 120))
      .doc('daily-note', DOS, note(RESIGNED, ['13:00', '14:30'], 90))
      .bill(DOS, '97545', 1)
      .bill(DOS, '97546', 1);
    expect(of(review(b), 'DOC-LATE-ENTRY').map((f) => f.status)).toEqual(['n/a']);
  });

  it('a later version that adds the clock times the first lacked is the same visit by its number', () => {
    const b = episode('workers-comp')
      .doc('daily-note', DOS, note(DOS, null, 150, 5))
      .doc('daily-note', DOS, note(RESIGNED, ['07:30', '10:00'], 150, 5))
      .bill(DOS, '97545', 1);
    expect(of(review(b), 'DOC-LATE-ENTRY')[0]).toMatchObject({
      status: 'fail',
      dates: [DOS, RESIGNED],
    });
  });

  it('a note with times and a later note of another visit number without them are two sessions', () => {
    const b = episode('workers-comp')
      .doc('daily-note', DOS, note(DOS, ['08:00', '10:00'], 120, 5))
      .doc('daily-note', DOS, note(RESIGNED, null, 60, 6))
      .bill(DOS, '97545', 1)
      .bill(DOS, '97546', 1);
    expect(of(review(b), 'DOC-LATE-ENTRY').map((f) => f.status)).toEqual(['n/a']);
  });

  it('two notes of one day that print neither times nor a visit number are not taken for versions', () => {
    const b = episode('workers-comp')
      .doc('daily-note', DOS, note(DOS, null, 120))
      .doc('daily-note', DOS, note(RESIGNED, null, 60))
      .bill(DOS, '97545', 1)
      .bill(DOS, '97546', 1);
    expect(of(review(b), 'DOC-LATE-ENTRY').map((f) => f.status)).toEqual(['n/a']);
  });
});
