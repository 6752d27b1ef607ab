import { describe, expect, it } from 'vitest';
import { reviewEpisode } from '../../../src-main/core/review/engine';
import { documentationRules } from '../../../src-main/core/review/rules/documentation';
import { episode, weekdays } from '../builder';
import { fullEvaluation, profile } from './helpers';

const IDS = [
  'DOC-EVAL-PRESENT',
  'DOC-EVAL-ELEMENTS',
  'DOC-ORDER-REFERRAL',
  'DOC-POC-PRESENT',
  'DOC-POC-GOALS',
  'DOC-POC-CERT',
  'DOC-DAILY-PRESENT',
  'DOC-DAILY-CONTENT',
  'DOC-SIGNED',
  'DOC-PROGRESS-10',
  'DOC-PROGRESS-CONTENT',
  'DOC-REEVAL',
  'DOC-DISCHARGE',
  'DOC-FCE-JOBDESC',
  'DOC-LATE-ENTRY',
  'DOC-COMMUNICATION',
];

describe('documentation rules through the engine', () => {
  it('are registered in catalog order', () => {
    expect(documentationRules.map((r) => r.meta.id)).toEqual(IDS);
    for (const r of documentationRules) {
      expect(r.meta.group).toBe('documentation');
      expect(r.meta.source.length).toBeGreaterThan(10);
    }
  });

  it('every rule id appears at least once, with source and group filled in', () => {
    const days = weekdays('2026-09-08', 12);
    const b = episode('medicare').doc('evaluation', days[0]!, fullEvaluation(days[0]!));
    for (const d of days.slice(1)) b.daily(d).bill(d, '97545', 1, ['GP']);
    b.doc('progress-report', days[9]!, { signer: 'Jane Roe', credentials: 'PT' });
    b.doc('discharge-summary', days[11]!, { signer: 'Jane Roe', credentials: 'PT' });
    const findings = reviewEpisode(b.build(), profile('medicare', {}, IDS), documentationRules);
    for (const id of IDS) expect(findings.some((f) => f.rule === id)).toBe(true);
    for (const f of findings) {
      expect(f.source).toBeTruthy();
      expect(f.group).toBe('documentation');
      if (f.status !== 'pass' && f.status !== 'n/a') expect(f.message.length).toBeGreaterThan(10);
    }
  });
});
