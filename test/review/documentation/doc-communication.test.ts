import { describe, expect, it } from 'vitest';
import { docCommunication } from '../../../src-main/core/review/rules/documentation/doc-communication';
import { episode, weekdays } from '../builder';
import { fails, run } from './helpers';

const comm = (party: string[]) => ({ 'communication-party': party });

describe('DOC-COMMUNICATION', () => {
  it('passes with periodic communication to every party', () => {
    const b = episode('workers-comp');
    for (const d of weekdays('2026-09-07', 15)) b.daily(d).bill(d, '97545');
    b.doc('communication', '2026-09-07', comm(['adjuster', 'physician', 'employer']));
    b.doc('communication', '2026-09-18', comm(['adjuster']));
    expect(run(docCommunication, b.build())[0]!.status).toBe('pass');
  });

  it('WC: warns when a period passes without communication and when a party is never contacted', () => {
    const b = episode('workers-comp');
    for (const d of weekdays('2026-09-07', 15)) b.daily(d).bill(d, '97545');
    b.doc('communication', '2026-09-07', comm(['adjuster', 'physician']));
    const f = fails(run(docCommunication, b.build()));
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
    expect(f[0]!.message).toBe(
      'No documented communication with the adjuster, physician or employer since 2026-09-07 (14 days by 2026-09-21).',
    );
    expect(f[0]!.dates).toEqual(['2026-09-21']);
    expect(f[1]!.message).toContain('with the employer');
  });

  it('WC therapy that is no work program reports to the adjuster and the physician; the employer is the program’s party', () => {
    const therapy = episode('workers-comp');
    for (const d of weekdays('2026-09-07', 8))
      therapy.daily(d, { codes: ['97110'] }).bill(d, '97110', 2);
    therapy.doc('communication', '2026-09-07', comm(['adjuster', 'physician']));
    therapy.doc('communication', '2026-09-16', comm(['adjuster', 'physician']));
    expect(run(docCommunication, therapy.build())[0]!.status).toBe('pass');
    // The same contacts around a work-conditioning program leave the employer out.
    const program = episode('workers-comp');
    for (const d of weekdays('2026-09-07', 8)) program.daily(d).bill(d, '97545');
    program.doc('communication', '2026-09-07', comm(['adjuster', 'physician']));
    program.doc('communication', '2026-09-16', comm(['adjuster', 'physician']));
    expect(fails(run(docCommunication, program.build())).map((f) => f.message)).toEqual([
      'No documented communication with the employer since the program began on 2026-09-07.',
    ]);
  });

  it("WC: the work status at discharge must reach the payer's side, named by role or by the carrier's name", () => {
    const discharge = (sentTo: { value: string; detail: { date: string; parties: string[] } }) => {
      const b = episode('workers-comp');
      for (const d of weekdays('2026-09-07', 8)) b.daily(d).bill(d, '97545');
      b.doc('communication', '2026-09-07', comm(['adjuster', 'physician', 'employer']));
      b.doc('discharge-summary', '2026-09-16', { communication: sentTo });
      return run(docCommunication, b.build());
    };
    // Faxed to the physician only: the claim's handler never hears of the discharge.
    const physicianOnly = fails(
      discharge({ value: 'physician', detail: { date: '2026-09-16', parties: ['physician'] } }),
    );
    expect(physicianOnly.map((f) => [f.message, f.dates])).toEqual([
      [
        'No documented communication of the work status / return-to-work recommendation to the adjuster or case manager at discharge (2026-09-16).',
        ['2026-09-16'],
      ],
    ]);
    // "... and to D. Okafor, Midwest Workers' Compensation": the carrier, by name, is its adjuster.
    const carrier = discharge({
      value: "physician; D. Okafor, Midwest Workers' Compensation",
      detail: { date: '2026-09-16', parties: ['physician'] },
    });
    expect(carrier[0]!.status).toBe('pass');
    const caseManager = discharge({
      value: 'case-manager',
      detail: { date: '2026-09-16', parties: ['case-manager'] },
    });
    expect(caseManager[0]!.status).toBe('pass');
  });

  it('info for a Medicare work program; n/a for Medicare without one', () => {
    const mcr = episode('medicare').daily('2026-09-07').bill('2026-09-07', '97545').build();
    expect(fails(run(docCommunication, mcr))[0]!.severity).toBe('info');
    expect(run(docCommunication, episode('medicare').daily('2026-09-07').build())[0]!.status).toBe(
      'n/a',
    );
  });
});

describe('DOC-COMMUNICATION: a log of dated contacts', () => {
  it("dates each contact by its entry, not by the log's print date", () => {
    const b = episode('workers-comp');
    for (const d of weekdays('2026-09-07', 8)) b.daily(d).bill(d, '97545');
    const contact = (date: string, parties: string[]) => ({
      value: parties.join(','),
      detail: { date, parties },
    });
    // Printed on the discharge day: the adjuster was reached on 09-07 only, the physician since.
    b.doc('communication', '2026-09-16', {
      'communication-party': ['adjuster', 'physician', 'employer'],
      communication: [
        contact('2026-09-07', ['adjuster', 'employer']),
        contact('2026-09-08', ['physician']),
        contact('2026-09-16', ['physician']),
      ],
    });
    b.doc('discharge-summary', '2026-09-16', {});
    const f = fails(run(docCommunication, b.build()));
    expect(f.map((x) => x.dates)).toEqual([['2026-09-16']]);
    expect(f[0]!.message).toContain('to the adjuster or case manager at discharge');
  });
});
