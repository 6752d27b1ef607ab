/**
 * What other clinics' charts look like, read correctly: each case is a document written the way
 * another EMR or clinician prints it (not the sample chart's phrasing), for one of the classes of
 * misreading found on charts written by others (issue 14), with a negative case beside it.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../shared/model';
import {
  authorRoleOf,
  credentialsIn,
  disciplineOfCredentials,
} from '../../src-main/core/domain/credentials';
import { credentialKind } from '../../src-main/core/review/lib/documents';
import { headingOf } from '../../src-main/core/extract/sections';
import { readText, values } from './helpers';

const read = readText;

describe('credentials: one table for the reader and the review', () => {
  it('reads assistant, podiatrist and athletic-trainer credentials the review knows', () => {
    const [doc] = read(
      ['Daily Note', 'DOS: 04/07/2026', 'Pt tol tx well.', 'Jane Roe, LPTA 04/07/2026'].join('\n'),
    );
    expect(values(doc!, 'signer')).toEqual(['Jane Roe']);
    expect(values(doc!, 'credentials')).toEqual(['LPTA']);
    expect(credentialKind('LPTA')).toBe('assistant');
    expect(credentialKind('DPM')).toBe('physician');
    expect(credentialKind('ATC')).toBe('unknown');
    expect(credentialKind('PT, DPT, OCS')).toBe('clinician');
    expect(authorRoleOf('Sam Poe, LPTA / Ann Lee, PT')).toBe('clinician');
    expect(credentialsIn('OTR/L').map((c) => c.discipline)).toEqual(['OT']);
    expect(disciplineOfCredentials('COTA/L')).toBe('OT');
    expect(disciplineOfCredentials('ATC, CSCS')).toBeNull();
  });

  it('reads a podiatrist’s signature on an order as a physician’s', () => {
    const [doc] = read(
      [
        'Physician Order',
        'Date: 03/30/2026',
        'Work conditioning 3x/wk x 4 wks.',
        'Signed: Alan Park, DPM 03/30/2026',
      ].join('\n'),
    );
    expect(values(doc!, 'physician-signer')).toEqual(['Alan Park']);
    expect(values(doc!, 'signer')).toEqual([]);
  });
});

describe('discipline from the author and the title, never from content words', () => {
  it('an FCE by a PT that speaks of occupational tasks is a PT document', () => {
    const [doc] = read(
      [
        'FUNCTIONAL CAPACITY EVALUATION',
        'Date of Exam: 03/02/2026',
        'Occupational history: warehouse order selector 6 yrs; occupational demands include',
        'lifting 50 lb, occupational therapy was not needed. Daily activities independent.',
        'Floor to waist lift 35 lb occasional.',
        'Evaluator: Mark Ruiz, PT, DPT   03/02/2026',
      ].join('\n'),
    );
    expect(doc!.type).toBe('fce');
    expect(doc!.discipline).toBe('PT');
  });

  it('an OT’s note is OT from its signature; an unsigned note without a titled discipline has none', () => {
    const [ot] = read(
      ['Treatment Note', 'DOS 3/4/26', 'Physical demands practiced.', 'Kim Lu, OTR/L 3/4/26'].join(
        '\n',
      ),
    );
    expect(ot!.discipline).toBe('OT');
    const [none] = read(
      ['Treatment Note', 'DOS 3/4/26', 'Physical therapy HEP reviewed; occupational tasks.'].join(
        '\n',
      ),
    );
    expect(none!.discipline).toBeNull();
  });
});

describe('headings and labels in any case, combined, numbered or inline', () => {
  it('names every part of a combined heading and reads history from its usual labels', () => {
    expect(headingOf('SUBJECTIVE / HISTORY')?.names).toEqual(['subjective', 'history']);
    expect(headingOf('Assessment & Plan:')?.names).toEqual(['assessment', 'plan']);
    expect(headingOf('II. PAST MEDICAL HISTORY')?.names).toEqual(['history']);
    expect(headingOf('PMH: unremarkable')?.names).toEqual(['history']);
    expect(headingOf('MOI - lifting a pallet jack at work')?.names).toEqual(['history']);
    expect(headingOf('Goals (4 weeks):')?.names).toEqual(['goals']);
    expect(headingOf('**Objective Findings**')?.names).toEqual(['objective']);
    expect(headingOf('Frequency/Duration: 3x/wk x 4 wks')?.names).toEqual(['frequency-duration']);
    // Prose that begins with a section word, a label of another field, a lone letter: none.
    expect(headingOf('Plan to progress lifting next session')).toBeNull();
    expect(headingOf('Plan of care dates: 3/2/26 - 4/1/26')).toBeNull();
    expect(headingOf('A')).toBeNull();
    expect(headingOf('A: tolerated well')?.names).toEqual(['assessment']);
  });

  it('an evaluation whose history sits under "SUBJECTIVE / HISTORY" has a history section', () => {
    const [doc] = read(
      [
        'INITIAL EVALUATION - WORK CONDITIONING',
        'Date of Service: 03/02/2026',
        'SUBJECTIVE / HISTORY',
        'Pt injured L shoulder lifting a 60 lb box at work 12/2025. Completed 8 weeks of PT.',
        'PMH unremarkable.',
        'OBJECTIVE',
        'Floor to waist lift 25 lb.',
      ].join('\n'),
    );
    expect(values(doc!, 'section')).toEqual(expect.arrayContaining(['subjective', 'history']));
  });
});

function goals(doc: ExtractedDocument) {
  return doc.facts
    .filter((f) => f.kind === 'goal-short' || f.kind === 'goal-long')
    .map((f) => ({
      kind: f.kind,
      text: f.value,
      timeFrame: f.detail?.timeFrame ?? null,
      status: f.detail?.status,
    }));
}
function statuses(doc: ExtractedDocument) {
  return doc.facts
    .filter((f) => f.kind === 'goal-assessment')
    .map((f) => `${f.detail?.status ?? '?'}${f.detail?.all ? ' (all)' : ''}`);
}

describe('goal time frames in any of their usual places', () => {
  it('reads the time frame in parentheses after the label', () => {
    const [doc] = read(
      [
        'Plan of Care',
        'Date: Mar 3, 2026',
        'STG (1.5 weeks): Pt will lift 30 lb floor to waist x 5 reps.',
        'LTG (3 weeks): Pt will carry 50 lb x 50 ft to meet medium PDL job demands.',
      ].join('\n'),
    );
    expect(goals(doc!)).toEqual([
      {
        kind: 'goal-short',
        text: 'STG (1.5 weeks): Pt will lift 30 lb floor to waist x 5 reps.',
        timeFrame: '(1.5 weeks)',
        status: undefined,
      },
      {
        kind: 'goal-long',
        text: 'LTG (3 weeks): Pt will carry 50 lb x 50 ft to meet medium PDL job demands.',
        timeFrame: '(3 weeks)',
        status: undefined,
      },
    ]);
  });

  it('takes the heading’s time frame for the goals listed under it, and reads dashes, visits and dates', () => {
    const [doc] = read(
      [
        'PT Evaluation',
        'Date of Service: 2026-03-03',
        'Long-Term Goals (to be met in 4 weeks):',
        '1. Return to full duty as a warehouse loader.',
        '2. Sit 60 min without increased symptoms.',
        'Short-Term Goals',
        '- Lift 25 lb floor to waist within 6 visits',
        'LTG - 4 weeks - push/pull 80 lb sled 50 ft',
        'Goal 3: Independent with HEP by 04/15/2026',
        'Goal 4: Improve posture',
      ].join('\n'),
    );
    expect(goals(doc!).map((g) => [g.kind, g.timeFrame])).toEqual([
      ['goal-long', 'in 4 weeks'],
      ['goal-long', 'in 4 weeks'],
      ['goal-short', 'within 6 visits'],
      ['goal-long', '4 weeks'],
      // Numbered goals under the short-term list are short-term goals.
      ['goal-short', 'by 04/15/2026'],
      ['goal-short', null],
    ]);
  });

  it('reads a goals table with target date and status columns (the header row is not a goal)', () => {
    const [doc] = read(
      [
        'Progress Report',
        'Date: 03-20-2026',
        'Goals',
        'Goal\tBaseline\tTarget\tTarget Date\tStatus',
        'Floor to waist lift\t20 lb\t50 lb\t04/15/2026\tProgressing',
        'Carry 40 lb x 100 ft\t15 lb\t40 lb\t04/15/2026\tMet',
      ].join('\n'),
    );
    expect(goals(doc!)).toEqual([
      {
        kind: 'goal-long',
        text: 'Floor to waist lift',
        timeFrame: '04/15/2026',
        status: 'progressing',
      },
      { kind: 'goal-long', text: 'Carry 40 lb x 100 ft', timeFrame: '04/15/2026', status: 'met' },
    ]);
    expect(statuses(doc!)).toEqual(['progressing', 'met']);
  });
});

describe('goal status in any of its usual forms', () => {
  it('reads a status after the goal, with the measured value after it', () => {
    const [doc] = read(
      [
        'Progress Report',
        'Date: 03/20/2026',
        'Goal status:',
        '- LTG carry 50 lb x 50 ft: PROGRESSING (40 lb).',
        '- STG lift 30 lb floor to waist: MET',
        '- LTG sit 60 min - partially met, currently 45 min',
        'Achieved: push sled 60 lb',
      ].join('\n'),
    );
    expect(statuses(doc!)).toEqual(['progressing', 'met', 'partially-met']);
  });

  it('reads assessments in sentences and statements about all goals; an unticked box says nothing', () => {
    const [letter] = read(
      [
        'Dear Dr. Lee,',
        'She has met her goal of lifting 40 lb from floor to waist. Her sitting goal is partially met.',
      ].join('\n'),
    );
    expect(statuses(letter!)).toEqual(['met']);
    const [form] = read(
      [
        'Discharge Summary',
        'Date: 03/27/2026',
        '[X] Goals met   [ ] Goals partially met   [ ] Goals not met',
      ].join('\n'),
    );
    expect(statuses(form!)).toEqual(['met (all)']);
    const [unticked] = read(
      ['Discharge Summary', 'Date: 03/27/2026', '[ ] Goals met   [X] Goals not met'].join('\n'),
    );
    expect(statuses(unticked!)).toEqual(['not-met (all)']);
    const [all] = read(
      ['Discharge Note', 'DOS 3/27/26', 'Reason for discharge: all goals met.'].join('\n'),
    );
    expect(statuses(all!)).toEqual(['met (all)']);
  });
});

function contacts(doc: ExtractedDocument) {
  return doc.facts
    .filter((f) => f.kind === 'communication')
    .map((f) => `${f.detail?.date ?? 'undated'} ${f.detail?.parties?.join('+')}`);
}

describe('communication wherever the chart records it', () => {
  it('reads a log whose entries carry their own dates and times', () => {
    const [doc] = read(
      [
        'COMMUNICATION LOG',
        'Patient: Hall, Denise   Claim # 44-19302',
        '11/03/26 10:15  Phone call w/ adjuster Tom Reyes re: start of program, schedule.',
        '11/07/26  Weekly status faxed to adjuster and Dr. Patel.',
        '11/10/2026 LM for NCM Sue Black re: progress report.',
        '11/12/26 Spoke with supervisor Ray Cole (ABC Freight) re: modified duty.',
        '11/13/26 Will call adjuster next week to request extension.',
      ].join('\n'),
    );
    expect(contacts(doc!)).toEqual([
      '2026-11-03 adjuster',
      '2026-11-07 adjuster+physician',
      '2026-11-10 case-manager',
      '2026-11-12 employer',
    ]);
  });

  it('reads contacts written inside a daily note and under a report; the patient’s own talk is not one', () => {
    const [note] = read(
      [
        'Daily Note',
        'DOS: 11/05/2026',
        'S: Pt reports he spoke with his supervisor about light duty.',
        'P: Cont POC. Spoke w/ adj J. Ruiz by phone re: progress; faxed PN to Dr. Park and adj.',
      ].join('\n'),
    );
    expect(contacts(note!)).toEqual(['undated adjuster+physician']);
    const [report] = read(
      [
        'Progress Report',
        'Date: 11/09/2026',
        'Plan: continue program.',
        'cc: adjuster Tom Reyes; Dr. A. Patel; employer (ABC Freight HR)',
      ].join('\n'),
    );
    expect(contacts(report!)).toEqual(['undated adjuster+employer+physician']);
  });
});

describe('a file that holds one document stays one', () => {
  it('a one-page utilization review letter with a second heading is one authorization', () => {
    const docs = read(
      [
        'UTILIZATION REVIEW DETERMINATION',
        'Date: November 2, 2026',
        'Re: Injured worker Denise Hall   Claim #: 44-19302   DOI: 08/14/2026',
        'Requested: Work conditioning 97545/97546, 12 visits / 48 hours',
        'AUTHORIZATION',
        'Decision Date: 11/02/2026',
        'Approved: 10 visits, 40 hours of work conditioning',
        'Authorization valid 11/03/2026 through 12/04/2026. Reference # UR-88120',
        'Reviewer: Carol Diaz, RN   Utilization Review Dept.',
      ].join('\n'),
    );
    expect(docs.map((d) => d.type)).toEqual(['authorization']);
    // What was requested is not what was approved.
    expect(values(docs[0]!, 'auth-visits')).toEqual(['10']);
    expect(values(docs[0]!, 'auth-hours')).toEqual(['40']);
    expect(values(docs[0]!, 'auth-start')).toEqual(['2026-11-03']);
  });

  it('two visit notes of different dates sharing a page are two, even when the first is unsigned', () => {
    const docs = read(
      [
        'DAILY NOTE',
        'DOS: 03/09/2026',
        'Work simulation circuit 3 hrs.',
        'Therapist signature: ____________',
        'DAILY NOTE',
        'DOS: 03/10/2026',
        'Carry 40 lb x 100 ft x 6.',
        'Signed: Kim Lu, PT 03/10/2026',
      ].join('\n'),
    );
    expect(docs.map((d) => d.date)).toEqual(['2026-03-09', '2026-03-10']);
    expect(values(docs[0]!, 'signature-blank')).toEqual(['blank']);
  });
});

describe('session time: one total per session, the usual ways of writing it, and services’ own times', () => {
  it('a note stating the same total under two labels documents it once', () => {
    const [doc] = read(
      [
        'Daily Note',
        'DOS 09/14/2026',
        'Total Time: 240 min',
        'Total Treatment Time: 240 minutes',
      ].join('\n'),
    );
    expect(values(doc!, 'total-minutes')).toEqual(['240']);
  });

  it('reads "Tx time 3h 5m" and "Start: 8:00a  End: 11:05a"', () => {
    const [a] = read(['S: Pt reports sore low back.', 'DOS 3/3/26', 'Tx time 3h 5m'].join('\n'));
    expect(values(a!, 'total-minutes')).toEqual(['185']);
    const [b] = read(['Daily Note', 'DOS 3/3/26', 'Start: 8:00a  End: 11:05a'].join('\n'));
    expect([values(b!, 'time-in'), values(b!, 'time-out'), values(b!, 'total-minutes')]).toEqual([
      ['08:00'],
      ['11:05'],
      ['185'],
    ]);
  });

  it('reads a service’s own time range as that service’s minutes, not as the session', () => {
    const [doc] = read(
      [
        'Daily Note',
        'Date of Service: 03-03-2026',
        'Therapeutic exercise (97110) 1:15-1:45 PM, one-on-one',
        'Manual therapy (97140): 15 min',
        'Total Timed Minutes and treatment time: see above',
      ].join('\n'),
    );
    expect(
      doc!.facts
        .filter((f) => f.kind === 'service-minutes')
        .map((f) => [f.detail?.code, f.detail?.minutes]),
    ).toEqual([
      ['97110', 30],
      ['97140', 15],
    ]);
    expect(values(doc!, 'time-in')).toEqual([]);
  });
});
