/**
 * Round 31's styles the readers missed, written here in other words than the held-out charts':
 * signatures dated before the signer's name, a Word template's "Signature/Credentials" label, a
 * list of activities after a service's label, the federal program's physician forms, approvals
 * that state their period "between" two dates, an agency's injury compensation contact.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, readText, values } from './helpers';

describe('signatures as round 31 printed them', () => {
  it('reads a signature whose date and time stand before the signer', () => {
    const [doc] = readText(
      [
        'Treatment Note',
        'Date: 07/02/2026',
        'Gait training.',
        'E-signed 07/02/2026 16:40 - Dana Okoye, PTA, CLT-LANA',
      ].join('\n'),
    );
    expect(values(doc, 'signer')).toEqual(['Dana Okoye']);
    expect(values(doc, 'credentials')).toEqual(['PTA, CLT-LANA']);
    expect(values(doc, 'signed-date')).toEqual(['2026-07-02']);
  });

  it('reads a signature cell labelled "Signature/Credentials" beside its date cell', () => {
    const [doc] = readText(
      [
        'Aquatic Visit Note',
        'Date: 07/02/2026',
        'Pool walking 10 laps.',
        'Therapist Signature/Credentials:\t/s/ Lee Park, PT, ATRIC\tDate/Time:\t07/02/2026 5:15 PM',
      ].join('\n'),
    );
    expect(values(doc, 'signer')).toEqual(['Lee Park']);
    expect(values(doc, 'signed-date')).toEqual(['2026-07-02']);
  });
});

describe('minutes, forms and approvals as round 31 printed them', () => {
  it('reads no minutes for a service whose label opens a list of activities', () => {
    const [doc] = readText(
      [
        'Daily Note',
        'DOS: 07/06/2026',
        "Ther ex: treadmill 8', step-ups 3x10",
        'Ther ex: 20 min',
      ].join('\n'),
    );
    expect(factsOf(doc, 'service-minutes').map((f) => f.detail?.minutes)).toEqual([20]);
  });

  it("types the federal program's physician forms and a physician's own evaluation as orders", () => {
    const capacity = [
      'WORK CAPACITY EVALUATION            OWCP-5b',
      'Employee: Reyes, Ana     Date of examination: 06/01/2026',
      'Restrictions: lifting 20 lb, 6 hours per day.',
      "Physician's Signature: Omar Haddad, MD   Date: 06/01/2026",
    ].join('\n');
    expect(readText(capacity)[0]!.type).toBe('physician-order');
    const consult = [
      'ORTHOPAEDIC EVALUATION',
      'Date: 06/01/2026',
      'Plan: PT 2x/week for 6 weeks.',
      'Electronically signed by Omar Haddad, MD on 06/01/2026',
    ].join('\n');
    expect(readText(consult)[0]!.type).toBe('physician-order');
  });

  it('reads an approval period stated "between" two dates, and a code list as table data', () => {
    const approval = [
      'AUTHORIZATION DECISION',
      'Date: 06/03/2026',
      'Authorization Number: 7781-22',
      'Service\tCPT codes\tApproved',
      'PT evaluation and treatment\t97161-97163, 97110,\t8 visits',
      'Approved: 8 visits between 06/08/2026 and 07/10/2026.',
    ].join('\n');
    const [doc] = readText(approval);
    expect(doc!.type).toBe('authorization');
    expect([values(doc, 'auth-start'), values(doc, 'auth-end')]).toEqual([
      ['2026-06-08'],
      ['2026-07-10'],
    ]);
  });

  it("reaches the employer through an agency's injury compensation contact", () => {
    const log = [
      'COMMUNICATION LOG',
      'Patient: Reyes, Ana   DOB 01/02/1980',
      'Date\tParty\tMode\tContent',
      '06/10/2026\tVA Injury Comp Specialist R. Lowe\temail\tProgress report sent',
    ].join('\n');
    expect(values(readText(log)[0], 'communication-party')).toContain('employer');
  });

  it("reads a field's label over its value in a row as no title", () => {
    const summary = [
      'DISCHARGE SUMMARY',
      'DOS: 06/30/2026',
      'Period since last progress report:\t06/16/2026 - 06/30/2026',
      'Reason for discharge: goals met.',
    ].join('\n');
    expect(readText(summary).map((d) => d.type)).toEqual(['discharge-summary']);
  });

  it('reads an assist level given in cues as measurable', () => {
    const plan = [
      'PLAN OF CARE',
      'Date: 06/01/2026',
      'Goals:',
      'STG1 (2 wks): Pt applies compression garment w/ min verbal cues',
    ].join('\n');
    expect(factsOf(readText(plan)[0], 'goal-short').map((f) => f.detail?.measurable)).toEqual([
      true,
    ]);
  });
});
