/**
 * Round 34's styles the readers missed, written here in other words than the held-out charts': an
 * EHR's template panels (a label cell beside a sentence, "Referral<tab>09/01/2026 - evaluate and
 * treat ..."), a sign-off that opens on what was signed ("Note signed by ..."), an encounter
 * print named only by its visit type ("OT DISCHARGE"), claim numbers that start like a reading,
 * goals stated as an observable criterion, and limitations stated as difficulty with a task.
 */
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src-main/core/extract';
import { htmlToText } from '../../src-main/core/ingest/html';
import { factsOf, onePage, readText, values } from './helpers';

const panel = (rows: Array<[string, string]>) =>
  `<table>${rows.map(([l, v]) => `<tr><td><b>${l}</b></td><td>${v}</td></tr>`).join('')}</table>`;

describe("a template's panels of label and value cells", () => {
  const EVAL = htmlToText(
    `<html><body><h2>Hand Therapy Initial Evaluation</h2>` +
      panel([
        ['Patient', 'Oyelaran, Bisi'],
        ['Date of service', '09/08/2026'],
        [
          'Referral',
          '09/01/2026 - evaluate and treat right wrist after distal radius fracture, splint as needed',
        ],
        ['Authorization', 'PA-55120: twelve visits approved from 09/08/2026 through 10/30/2026'],
        ['Progress note', 'due by the tenth visit or by 10/06/2026 at the latest'],
      ]) +
      `<h3>Assessment</h3><p>Decreased wrist ROM and grip limit her cooking and typing.</p>` +
      `<p>Note signed by Tomasz Wren, OTR/L on 09/08/2026 16:20</p></body></html>`,
  );

  it('keeps a label cell that names a document, beside a sentence, a field of the note', () => {
    const docs = readText(EVAL, 'eval.html');
    expect(docs.map((d) => [d.type, d.date])).toEqual([['evaluation', '2026-09-08']]);
  });

  it('still reads a title cell beside the clinic name as the title', () => {
    const docs = readText(
      [
        'PROGRESS REPORT\tLakeside Rehabilitation Center',
        'Date: 09/30/2026',
        'Goals: progressing',
      ].join('\n'),
    );
    expect(docs.map((d) => d.type)).toEqual(['progress-report']);
  });

  it('reads a row labelled in words beside a date range as a field, not a title', () => {
    const docs = readText(
      htmlToText(
        `<h2>Occupational Therapy Discharge Summary</h2>` +
          panel([
            ['Start of care', '09/08/2026'],
            ['Visits attended', '12 of 12 approved'],
            ['Date of discharge', '10/30/2026'],
            ['Interval covered', '10/02/2026 (last progress note) - 10/30/2026'],
            ['Reason for discharge', 'Goals met'],
          ]),
      ),
      'dc.html',
    );
    expect(docs.map((d) => [d.type, d.title])).toEqual([
      ['discharge-summary', 'Occupational Therapy Discharge Summary'],
    ]);
  });

  it('reads a sign-off that opens on what was signed', () => {
    const [doc] = readText(EVAL, 'eval.html');
    expect(values(doc, 'signer')).toEqual(['Tomasz Wren']);
    expect(values(doc, 'credentials')).toEqual(['OTR/L']);
    expect(values(doc, 'signed-date')).toEqual(['2026-09-08']);
    const [report] = readText(
      [
        'DAILY NOTE',
        'DOS: 09/10/2026',
        'Ther ex 30 min.',
        'Document signed by Ana Ruiz, PTA 09/10/2026',
      ].join('\n'),
    );
    expect(values(report, 'signer')).toEqual(['Ana Ruiz']);
  });
});

describe('an encounter print named by its visit type', () => {
  const print = (type: string) =>
    [
      'Harbor Point Family Medicine',
      'Encounter Date: 10/30/2026',
      'Provider: Tomasz Wren, OTR/L',
      `Appointment Type: ${type}`,
      'HPI',
      'Independent with home program. Goals met.',
    ].join('\n');

  it('reads "OT DISCHARGE" and "Speech Therapy Discharge" as the discharge', () => {
    for (const type of ['OT DISCHARGE', 'Speech Therapy Discharge Visit'])
      expect(readText(print(type)).map((d) => d.type)).toEqual(['discharge-summary']);
    expect(readText(print('OT FOLLOW UP')).map((d) => d.type)).not.toContain('discharge-summary');
  });
});

describe('claim numbers and vital signs', () => {
  it('reads no heart rate in a claim number that starts with HR', () => {
    expect(
      values(readText('DAILY NOTE\nClaim No: HR31-5520018\nHR 88 bpm at rest.')[0], 'vital'),
    ).toEqual(['HR 88 bpm']);
    // A range of readings is still a reading.
    expect(values(readText('DAILY NOTE\nRPE 12-13 during lifts.')[0], 'vital')).toEqual(['RPE 12']);
  });
});

describe('goals and limitations in plain words', () => {
  const measurable = (goal: string) => {
    const [doc] = extractDocuments(
      'goals.txt',
      onePage(
        ['PLAN OF CARE', 'Date: 09/08/2026', 'Goals (by 10/06/2026):', `1. ${goal}`].join('\n'),
      ),
    );
    return factsOf(doc, 'goal-short').concat(factsOf(doc, 'goal-long'))[0]?.detail?.measurable;
  };

  it('takes an observable criterion as measurable', () => {
    expect(measurable('Quad set without extensor lag')).toBe(true);
    expect(measurable('Swelling at the ankle 2+ or less')).toBe(true);
    expect(measurable('Walk 300 ft on grass w/o LOB')).toBe(true);
    expect(measurable('Feel better')).toBe(false);
  });

  it('reads difficulty with a task as a functional limitation', () => {
    for (const line of [
      'Has difficulty reaching overhead cupboards and fastening a bra.',
      'Trouble with stairs since the fall.',
      'Pain limiting R hand use for typing.',
    ]) {
      const [doc] = readText(
        ['INITIAL EVALUATION', 'Date: 09/08/2026', 'HISTORY', 'Fell 08/20/2026.', line].join('\n'),
      );
      expect(values(doc, 'section'), line).toContain('functional-limitations');
    }
    // A diagnosis code's words state no limitation the clinician found.
    const [none] = readText(
      [
        'INITIAL EVALUATION',
        'Date: 09/08/2026',
        'Dx: M17.11 Primary OA R knee; R26.2 Difficulty in walking',
        'HISTORY',
        'Fell 08/20/2026.',
      ].join('\n'),
    );
    expect(values(none, 'section')).not.toContain('functional-limitations');
  });
});
