/**
 * Styles first met on the twelfth held-out round: e-mail printouts among the chart's documents,
 * a visit note combined with its progress report, print headers that say "(continued)", goal
 * lists with their fields on the lines under each goal, charge tables with a blank minutes
 * column. Each case is written here in its own words (other vendors' layouts, not the corpus's),
 * with a negative case beside it where a reading could go too far.
 */
import { describe, expect, it } from 'vitest';
import { readPages, readText, values } from './helpers';

describe('an e-mail printout', () => {
  const email = (subject: string, body: string[]) =>
    [
      'Avery Koss',
      'From:\tAvery Koss <akoss@northbendrehab.example>',
      'Sent:\tTuesday, June 9, 2026 2:15 PM',
      'To:\tClaims Desk <claims@harborline.example>',
      `Subject:\t${subject}`,
      '',
      ...body,
    ].join('\n');

  it('is correspondence, whatever report its subject names', () => {
    const [doc] = readText(
      email('Voss, Tamsin - weekly progress report 06/09', [
        'Hi Dana,',
        'This week’s progress report is attached. Floor lift is up to 30 lb.',
        'Avery Koss, PT',
      ]),
    );
    expect(doc!.type).toBe('communication');
  });

  it('that grants an approval with its number is the authorization', () => {
    const [doc] = readText(
      email('RE: Voss, Tamsin - therapy request', [
        'The request is approved as follows.',
        'Approval #:   HL-44017',
        'Approved:     8 visits, physical therapy',
        'Dates:        06/15/2026 through 07/31/2026',
      ]),
    );
    expect(doc!.type).toBe('authorization');
    expect(values(doc!, 'auth-number')).toEqual(['HL-44017']);
  });

  it('that only passes on news of an approval, or quotes one below, is correspondence', () => {
    const [news] = readText(
      email('Tamsin Voss - start of program', [
        'Dr. Ames, she starts Monday; 8 visits approved by the carrier.',
      ]),
    );
    expect(news!.type).toBe('communication');
    const [reply] = readText(
      email('RE: Voss, Tamsin - therapy request', [
        'Thanks, scheduled for Monday.',
        '-----Original Message-----',
        'From: Claims Desk',
        'Approval #:   HL-44017',
        'Approved:     8 visits, physical therapy',
      ]),
    );
    expect(reply!.type).toBe('communication');
  });
});

describe('a visit note combined with a report', () => {
  const note = (title: string) =>
    [
      title,
      'Patient: Brandt, Olive   DOB: 02/02/1950',
      'Date of service: 11/03/2026',
      'Therapeutic exercise 97110  25 min',
    ].join('\n');

  it('"Treatment Note & Progress Report" is the progress report, which records the visit too', () => {
    expect(readText(note('TREATMENT NOTE & PROGRESS REPORT'))[0]!.type).toBe('progress-report');
    expect(readText(note('Visit Note / Discharge Summary'))[0]!.type).toBe('discharge-summary');
  });

  it('"Daily Progress Note" is one daily note', () => {
    expect(readText(note('Daily Progress Note'))[0]!.type).toBe('daily-note');
  });
});

describe('a page whose repeated title says it continues', () => {
  it('"EVALUATION - continued" over the same header continues the document', () => {
    const head = ['Patient: Brandt, Olive   DOB: 02/02/1950   Visit date: 11/02/2026'];
    const docs = readPages([
      ['OUTPATIENT PT EVALUATION', ...head, 'History: fell on ice 10/01/2026.'].join('\n'),
      ['OUTPATIENT PT EVALUATION - continued', ...head, 'Assessment: good potential.'].join('\n'),
    ]);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.pageEnd).toBe(2);
  });
});

describe('a form whose title is above a field dating another document', () => {
  it('"Initial eval: 10/05/2026" under the certification title leaves it a certification', () => {
    const [doc] = readText(
      [
        'PLAN OF CARE CERTIFICATION',
        'Re: Brandt, Olive   DOB 02/02/1950',
        'Initial eval: 10/05/2026',
        'Certification period: 10/05/2026 - 12/04/2026',
        'Physician signature: /s/ Lena Ortiz, MD   Date: 10/08/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('certification');
  });
});

describe('goals with their fields on the lines under them', () => {
  const plan = (fields: string, after: string) =>
    [
      'PLAN OF CARE',
      'Patient: Brandt, Olive   DOB: 02/02/1950   Date: 11/02/2026',
      'Goals',
      'Goal 1: Olive will climb 12 stairs with one rail.',
      fields,
      after,
      'Goal 2: Olive will walk 300 ft with a cane.',
      'Due: 12/15/2026    Status: In progress',
    ].join('\n');

  it('a field row dates its goal, and the line under it is no goal', () => {
    const [doc] = readText(plan('Due: 12/15/2026    Status: Initiated', 'Baseline 4 stairs.'));
    const goals = doc!.facts.filter((f) => f.kind === 'goal-long');
    expect(goals.map((g) => g.value)).toEqual([
      'Goal 1: Olive will climb 12 stairs with one rail.',
      'Goal 2: Olive will walk 300 ft with a cane.',
    ]);
    expect(goals.map((g) => g.detail?.timeFrame)).toEqual(['12/15/2026', '12/15/2026']);
  });

  it('a "Status:" field under a goal assesses it', () => {
    const [doc] = readText(plan('Due: 12/15/2026    Status: Partially met', 'Now 8 stairs.'));
    const assessed = doc!.facts.filter((f) => f.kind === 'goal-assessment');
    expect(assessed.map((f) => f.detail?.status)).toEqual(['partially-met', 'progressing']);
  });

  it('a status grid that starts its rows with the goals’ labels restates them', () => {
    const [doc] = readText(
      [
        'PLAN OF CARE',
        'Patient: Brandt, Olive   DOB: 02/02/1950   Date: 11/02/2026',
        'GOALS',
        'STG 1 (2 wks): sit to stand without hands 5 times.',
        'LTG 1 (6 wks): walk 300 ft with a cane.',
        'Goal\tStart\tNow\tTarget\tStatus',
        'STG 1\t2 reps\t2 reps\t5 reps\tNew',
        'LTG 1\t50 ft\t50 ft\t300 ft\tNew',
      ].join('\n'),
    );
    expect(values(doc!, 'goal-short')).toHaveLength(1);
    expect(values(doc!, 'goal-long')).toHaveLength(1);
  });
});

describe('a discharge reason in a field table', () => {
  it('the cell beside the label is the reason', () => {
    const [doc] = readText(
      [
        'DISCHARGE SUMMARY',
        'Patient: Brandt, Olive   DOB: 02/02/1950   Date: 12/15/2026',
        'Visits attended\t14 of 14',
        'Reason for discharge\tMoved to another state',
      ].join('\n'),
    );
    expect(values(doc!, 'discharge-reason')).toEqual(['Moved to another state']);
  });
});

describe('a charge table with a units and a minutes column', () => {
  const note = (rows: string[]) =>
    [
      'TREATMENT NOTE',
      'Patient: Brandt, Olive   DOB: 02/02/1950   Date of service: 11/05/2026',
      'Code\tMod\tUnits\tMinutes',
      ...rows,
    ].join('\n');

  it('a row that leaves its minutes blank gives no minutes (its last cell is the units)', () => {
    const [doc] = readText(note(['97110\tGP\t2\t', '97140\tGP\t1\t']));
    expect(values(doc!, 'service-minutes')).toEqual([]);
  });

  it('a full row gives its minutes', () => {
    const [doc] = readText(note(['97110\tGP\t2\t27', '97140\tGP\t1\t12']));
    expect(values(doc!, 'service-minutes')).toEqual(['27', '12']);
  });
});
