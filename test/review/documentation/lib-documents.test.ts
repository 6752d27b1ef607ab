import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  authorKind,
  countTreatmentDays,
  credentialKind,
  daysBetween,
  isJobLinkedGoal,
  isMeasurableGoal,
  isPlanDocument,
  isTimeBoundGoal,
  isWorkProgram,
  planDurationDays,
  signatureStatus,
  treatmentDays,
} from '../../../src-main/core/review/lib/documents';
import { episode } from '../builder';
import { fullEvaluation } from './helpers';

describe('lib/documents', () => {
  it('date arithmetic is calendar based', () => {
    expect(addDaysIso('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysBetween('2026-09-01', '2026-10-16')).toBe(45);
  });

  it('classifies credentials', () => {
    expect(credentialKind('PT, DPT')).toBe('clinician');
    expect(credentialKind('PTA')).toBe('assistant');
    expect(credentialKind('COTA/L')).toBe('assistant');
    expect(credentialKind('OTR/L')).toBe('clinician');
    expect(credentialKind('MD')).toBe('physician');
    expect(credentialKind('PTA; co-signed J. Roe, PT')).toBe('clinician');
    expect(credentialKind('')).toBe('unknown');
    // Written with dots, as some EMRs print them (the fact's value drops the last dot).
    expect(credentialKind('P.T')).toBe('clinician');
    expect(credentialKind('D.P.T.')).toBe('clinician');
    expect(credentialKind('P.T.A')).toBe('assistant');
    expect(credentialKind('M.D')).toBe('physician');
    // Dotted initials before a name are initials: an assistant's report stays an assistant's.
    expect(credentialKind('P.T. Nguyen')).toBe('unknown');
    expect(credentialKind('P.T. Nguyen, PTA')).toBe('assistant');
    expect(credentialKind('O.T. Roe, COTA/L')).toBe('assistant');
  });

  it('measurable and time-bound goals', () => {
    expect(isMeasurableGoal('Lift 50 lb floor to waist 5x')).toBe(true);
    expect(isMeasurableGoal('Walk 500 ft')).toBe(true);
    expect(isMeasurableGoal('Return to medium PDL work')).toBe(true);
    expect(isMeasurableGoal('Improve strength')).toBe(false);
    expect(isMeasurableGoal('Decrease pain')).toBe(false);
    expect(isTimeBoundGoal('within 4 weeks')).toBe(true);
    expect(isTimeBoundGoal('by discharge')).toBe(true);
    expect(isTimeBoundGoal('by 10/15/2026')).toBe(true);
    expect(isTimeBoundGoal('in 6 visits')).toBe(true);
    expect(isTimeBoundGoal('Lift 50 lb')).toBe(false);
    expect(isJobLinkedGoal('Lift 50 lb to meet job demands')).toBe(true);
    expect(isJobLinkedGoal('Sleep through the night')).toBe(false);
  });

  it('treatment days merge same-day notes and billing, and count evaluation days', () => {
    const ep = episode('medicare')
      .doc('evaluation', '2026-09-01', fullEvaluation('2026-09-01'))
      .daily('2026-09-02')
      .daily('2026-09-02')
      .bill('2026-09-02', '97110', 2, ['GP'])
      .bill('2026-09-03', '97530', 1, ['GO'])
      .build();
    expect(countTreatmentDays(ep)).toBe(3);
    expect(treatmentDays(ep, 'OT').map((d) => d.date)).toEqual(['2026-09-03']);
    expect(treatmentDays(ep, 'PT').map((d) => d.date)).toEqual(['2026-09-01', '2026-09-02']);
  });

  it('signature status, plan documents, durations and work programs', () => {
    const ep = episode('workers-comp')
      .doc('evaluation', '2026-09-01', fullEvaluation('2026-09-01'))
      .daily('2026-09-02', { signed: false })
      .daily('2026-09-03', { credentials: 'PTA' })
      .doc('progress-report', '2026-09-04', { signer: 'Jane Roe' })
      .bill('2026-09-02', '97545')
      .build();
    const [evaluation, unsigned, byAssistant, noCreds] = ep.documents;
    expect(isPlanDocument(evaluation!)).toBe(true);
    expect(planDurationDays(evaluation!)).toBe(28);
    expect(signatureStatus(evaluation!).status).toBe('signed');
    expect(signatureStatus(unsigned!).status).toBe('unsigned');
    expect(signatureStatus(unsigned!).evidence.quote).toBe('signature-blank: blank');
    expect(authorKind(byAssistant!)).toBe('assistant');
    expect(signatureStatus(noCreds!).missing).toEqual(['credentials', 'date']);
    expect(isWorkProgram(ep)).toBe(true);
  });
});
