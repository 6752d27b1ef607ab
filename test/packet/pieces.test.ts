import { describe, expect, it } from 'vitest';
import {
  parseDenialCode,
  templateForCarc,
  toWinAnsi,
  unitsSupportedByMinutes,
} from '../../src-main/core/packet';
import { exhibitLetter, selectExhibitDocuments } from '../../src-main/core/packet/exhibits';
import { episode } from '../review/builder';
import { batesLabelRanges, batesNumber } from '../../src-main/core/packet/stamp';

describe('parseDenialCode', () => {
  it.each([
    ['50', { carc: '50', group: null }],
    ['CO-50', { carc: '50', group: 'CO' }],
    ['co50', { carc: '50', group: 'CO' }],
    ['PR 204', { carc: '204', group: 'PR' }],
    [' oa:97 ', { carc: '97', group: 'OA' }],
  ])('reads %s', (text, expected) => expect(parseDenialCode(text)).toEqual(expected));

  it.each(['', 'XX-50', 'fifty', 'CO-', '50 51'])('rejects %j', (text) =>
    expect(parseDenialCode(text)).toBeNull(),
  );
});

describe('unitsSupportedByMinutes (rules.md section 2 worked examples)', () => {
  it.each([
    [45, 0, 0],
    [60, 0, 0],
    [61, 1, 0],
    [115, 1, 0],
    [150, 1, 0],
    [151, 1, 1],
    [210, 1, 1],
    [211, 1, 2],
    [245, 1, 2],
    [271, 1, 3],
  ])('%i min -> 97545 x%i + 97546 x%i', (min, a, b) =>
    expect(unitsSupportedByMinutes(min)).toEqual({ u97545: a, u97546: b }),
  );
});

describe('denial templates', () => {
  it('maps every listed CARC to a template', () => {
    for (const carc of [
      '50',
      '97',
      '236',
      '197',
      '198',
      '15',
      '62',
      '96',
      '204',
      '151',
      '16',
      '4',
      '119',
    ]) {
      expect(templateForCarc(carc).known, carc).toBe(true);
    }
    expect(templateForCarc('12345').known).toBe(false);
  });
});

describe('toWinAnsi', () => {
  it('keeps Latin-1 and maps or replaces the rest', () => {
    expect(toWinAnsi('Caf\u00e9 \u201cquoted\u201d \u2014 50\u00b0 \u2264 3')).toBe(
      'Caf\u00e9 "quoted" - 50\u00b0 <= 3',
    );
    expect(toWinAnsi('\u6f22\u5b57 \ud83d\ude42 \u0151')).toBe('?? ? o');
    expect(toWinAnsi('a\u200bb\tc')).toBe('ab    c');
  });
});

describe('exhibitLetter', () => {
  it('goes A..Z, AA, AB', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(exhibitLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
    ]);
  });
});

describe('selectExhibitDocuments', () => {
  const ep = episode('medicare')
    .doc('evaluation', '2026-09-01', { 'signature-illegible': '[illegible]' })
    .daily('2026-09-02')
    .doc('other', null, { 'signature-log': 'log' }, { title: 'Signature Log' })
    .doc('other', '2026-09-03', {}, { title: 'Intake questionnaire' })
    .build();
  const titles = (kind: 'appeal' | 'adr') =>
    selectExhibitDocuments(ep, { kind, claimId: 'CLM-1', datesAtIssue: ['2026-09-02'] }).map(
      (d) => d.title,
    );

  it('keeps a signature log in an appeal, after the clinical record; an ADR takes every record', () => {
    expect(titles('appeal')).toEqual(['evaluation', 'daily-note', 'Signature Log']);
    expect(titles('adr')).toEqual([
      'evaluation',
      'daily-note',
      'Intake questionnaire',
      'Signature Log',
    ]);
  });
});

describe('batesLabelRanges', () => {
  /** The label a viewer shows for page n (1-based) under decimal /PageLabels ranges. */
  function label(ranges: ReturnType<typeof batesLabelRanges>, n: number): string {
    const range = ranges.filter((r) => r.first <= n).at(-1)!;
    return `${range.prefix}${n}`;
  }

  it.each([1, 9, 10, 99, 100, 604, 1000, 123_456])(
    'labels %i pages as their Bates numbers',
    (count) => {
      const ranges = batesLabelRanges('CR-', count);
      expect(ranges.length).toBeLessThanOrEqual(6);
      for (let n = 1; n <= count; n++) expect(label(ranges, n)).toBe(batesNumber('CR-', n));
    },
  );
});
