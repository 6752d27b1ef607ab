import { describe, expect, it } from 'vitest';
import { factValues } from './helpers';

const reasons = (text: string) => factValues(text, 'discharge-reason');

describe('discharge reason', () => {
  it('reads a labelled field, stopping at the next column', () => {
    expect(
      reasons(
        'DISCHARGE SUMMARY\nDate: 03/02/2026\nReason for discharge: Program completed; goals met     Visits: 10\n',
      ),
    ).toEqual(['Program completed; goals met']);
  });

  it('reads other EMRs labels: "D/C Reason -", "Discharge Reason:", "Reason for D/C:"', () => {
    expect(reasons('Discharge Summary\nD/C Reason - pt moved out of state\n')).toEqual([
      'pt moved out of state',
    ]);
    expect(reasons('PT Discharge Note\nDISCHARGE REASON: Maximum benefit reached\n')).toEqual([
      'Maximum benefit reached',
    ]);
    expect(reasons('Discharge Summary\nReason for D/C: self-discharged after 6 visits\n')).toEqual([
      'self-discharged after 6 visits',
    ]);
  });

  it('reads the line under a "Reason for Discharge" heading', () => {
    expect(
      reasons(
        'Discharge Summary\n\nReason for Discharge\n\n  Insurance authorization exhausted; home program.\nGoal Status\n',
      ),
    ).toEqual(['Insurance authorization exhausted; home program.']);
  });

  it('reads "discharged due to ..." in a discharge summary only', () => {
    expect(
      reasons('Discharge Summary\nPatient discharged due to non-attendance (3 no-shows).\n'),
    ).toEqual(['discharged due to non-attendance (3 no-shows)']);
    expect(
      reasons(
        'Daily Note\nDate of service: 03/02/2026\nDischarged due to pain from the ED last year.\n',
      ),
    ).toEqual([]);
  });

  it('finds nothing in a blank or unfilled field', () => {
    expect(reasons('Discharge Summary\nReason for discharge: ________\n')).toEqual([]);
    expect(reasons('Discharge Summary\nReason for discharge:\nGoal Status\n')).toEqual([]);
    expect(reasons('Discharge Summary\nGoals met. Home program issued.\n')).toEqual([]);
  });

  it('takes only the ticked boxes of a printed form, on the label line or under it', () => {
    expect(
      reasons(
        'Discharge Summary\nReason for discharge: [X] Goals met  [ ] Plateau  [ ] Non-compliance\n',
      ),
    ).toEqual(['Goals met']);
    expect(
      reasons(
        'Discharge Summary\nReason for Discharge:\n  ☐ Insurance exhausted\n  ☒ Patient request\n  ☐ Goals met\nGoal Status\n',
      ),
    ).toEqual(['Patient request']);
    // A form with nothing ticked gives no reason.
    expect(
      reasons('Discharge Summary\nDischarge reason: ( ) Goals met ( ) Moved ( ) Other\n'),
    ).toEqual([]);
  });
});
