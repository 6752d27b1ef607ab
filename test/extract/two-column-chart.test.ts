/**
 * What the two-column chart (c24, seventh round) showed once its pages were read column by
 * column: a goal list that runs to the bottom of a page, an approval letter whose table is
 * aligned with spaces, and goal standards without a number. Each case is written here in its own
 * words, with a negative case beside it where a reading could go too far.
 */
import { describe, expect, it } from 'vitest';
import { measurableGoalText } from '../../src-main/core/lexicon/goals';
import { readPages, readText, values } from './helpers';

describe('a marked goal list that runs to the bottom of a page', () => {
  const header = [
    'LAKESHORE SPINE & SPORT | 88 Harbor Rd | Tel 555-0100',
    'PHYSICAL THERAPY EVALUATION AND PLAN OF CARE',
    'Patient: Lindqvist, Ada\tDOB: 05/30/1964\tAcct: 77120\tVisit date: 09/14/2026',
    'Clinician: Omar Haddad, PT\tReferred by: Rhea Moss, MD',
  ];

  it('the next page’s repeated header band and a stray column line set no goals', () => {
    const docs = readPages([
      [
        ...header,
        'GOALS',
        'Short-term (2 wks):',
        'STG 1. Don and doff shoe independently.',
        'STG 2. Stand 15 min at sink with pain no more than 3/10.',
        'Long-term (6 wks):',
        'LTG 1. Garden 45 min with one rest break.',
      ].join('\n'),
      [
        'rotation limited both ways.\tand agrees with the plan.',
        'Printed 09/15/2026 10:02 AM\tPage 1 of 2',
      ].join('\n'),
      [
        ...header,
        'Gait: antalgic, cane in right hand.',
        'Printed 09/15/2026 10:02 AM\tPage 2 of 2',
      ].join('\n'),
    ]);
    const doc = docs[0];
    expect(values(doc!, 'goal-short')).toHaveLength(2);
    expect(values(doc!, 'goal-long')).toEqual(['LTG 1. Garden 45 min with one rest break.']);
  });

  it('a marked goal on the next page is still a goal of the list', () => {
    const [doc] = readPages([
      [...header, 'LONG TERM GOALS (6 wks)', '1. Walk 1 mile on level ground.'].join('\n'),
      ['2. Climb 14 stairs with one rail.'].join('\n'),
    ]);
    expect(values(doc!, 'goal-long')).toHaveLength(2);
  });
});

describe('an approval letter whose table is aligned with spaces', () => {
  const letter = (row: string, request = 'We received the request on 08/28/2026.') =>
    [
      'Harborview Health Plan',
      'September 1, 2026',
      'Member: Kessling, Bo      Member ID: HH4410277',
      'Reference number: UM-2026-55102',
      request,
      'The following services have been approved:',
      '  Service                          Visits   From        To',
      row,
      'Requested: 20 visits, 09/02/2026 to 11/30/2026. Approved dates are shown above.',
    ].join('\n');

  it('is the authorization, and its visits and period come from the row under the columns', () => {
    const [doc] = readText(
      letter('  Outpatient PT 97110, 97140       16       09/02/2026  10/30/2026'),
    );
    expect(doc!.type).toBe('authorization');
    expect(values(doc!, 'auth-number')).toEqual(['UM-2026-55102']);
    expect(values(doc!, 'auth-visits')).toEqual(['16']);
    expect(values(doc!, 'auth-start')).toEqual(['2026-09-02']);
    expect(values(doc!, 'auth-end')).toEqual(['2026-10-30']);
  });

  it('an evaluation-only row gives neither the count nor the period', () => {
    const [doc] = readText(
      letter('  PT evaluation 97162              1        09/02/2026  09/09/2026'),
    );
    expect(values(doc!, 'auth-visits')).toEqual([]);
    expect(values(doc!, 'auth-end')).toEqual([]);
  });

  it('the labelled request’s numbers are not the approval’s', () => {
    const [doc] = readText(letter('  (see attached)'));
    expect(values(doc!, 'auth-visits')).toEqual([]);
    expect(values(doc!, 'auth-end')).toEqual([]);
  });

  it('a letter that has been approved nothing is no authorization', () => {
    const [doc] = readText(
      [
        'Harborview Health Plan',
        'September 1, 2026',
        'Member: Kessling, Bo',
        'Dear Provider:',
        'Your request for outpatient therapy is under review. A decision will follow.',
      ].join('\n'),
    );
    expect(doc!.type).not.toBe('authorization');
  });
});

describe('goal standards a reviewer can check without a number', () => {
  it('a reach to a landmark and "without <where> pain" are measurable', () => {
    expect(measurableGoalText('Forward bend fingertips to floor')).toBe(true);
    expect(measurableGoalText('Kneel to garden without knee pain')).toBe(true);
    expect(measurableGoalText('Improve lumbar mobility')).toBe(false);
    expect(measurableGoalText('Decrease pain')).toBe(false);
  });
});
