/**
 * Addenda, late entries and corrections as EMRs print them (DOC-LATE-ENTRY): a stand-alone late
 * entry note, an addendum block appended under a signed note, a corrected note's title, an HTML
 * export's addendum row; and the words used in passing ("corrected posture", "plan amended") that
 * are no entry.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../shared/model';
import { htmlToText } from '../../src-main/core/ingest/html';
import { readText } from './helpers';

function entries(doc: ExtractedDocument) {
  return doc.facts
    .filter((f) => f.kind === 'amendment')
    .map((f) => ({ kind: f.value, of: f.detail?.of ?? null, date: f.detail?.date ?? null }));
}

describe('addenda and late entries', () => {
  it('reads a stand-alone late entry note: its kind, the visit it is for and the day it was written', () => {
    const [doc] = readText(
      [
        'LATE ENTRY',
        'Patient: Marsh, Odile   DOB 02/14/1966',
        'Late entry for date of service 10/06/2026, documented 10/08/2026.',
        'Total treatment time on 10/06: 2 hrs 40 min.',
        'Electronically signed by Piet Varga, PT 10/08/2026 09:12',
      ].join('\n'),
    );
    expect(entries(doc!)).toEqual([
      { kind: 'late-entry', of: null, date: null },
      { kind: 'late-entry', of: '2026-10-06', date: '2026-10-08' },
    ]);
  });

  it('reads an addendum block under a signed note, its author on the by-line', () => {
    const [doc] = readText(
      [
        'Treatment Note   DOS: 11/03/2026',
        'Pt: Ruud, Hanne',
        'S: reports 4/10 LBP.',
        'Signed: Ama Osei, DPT 11/03/2026',
        '',
        'Addendum by Ama Osei, DPT on 11/05/2026 2:15 PM',
        'Rest break of 20 min was not billed. Original note unchanged.',
      ].join('\n'),
    );
    expect(entries(doc!)).toEqual([{ kind: 'addendum', of: null, date: '2026-11-05' }]);
  });

  it('reads "Amended note" and "Correction to visit of ..." titles and labels with a colon', () => {
    const [a] = readText('Amended Progress Report\nPatient: Ivo Brandt\nDate: 12/01/2026\n');
    expect(entries(a!).map((e) => e.kind)).toEqual(['amendment']);
    const [b] = readText(
      'Daily Note 12/02/2026\nPatient: Ivo Brandt\nCORRECTION to visit of 12/01/2026: units were 2, not 3.\n',
    );
    expect(entries(b!)).toEqual([{ kind: 'correction', of: '2026-12-01', date: null }]);
  });

  it('reads an HTML export whose addendum is a labelled table row', () => {
    const text = htmlToText(
      '<h2>Visit Note</h2><table><tr><th>Patient</th><td>Ruud, Hanne</td></tr>' +
        '<tr><th>Date of Service</th><td>11/03/2026</td></tr>' +
        '<tr><th>Addendum</th><td>11/06/2026 Ama Osei, DPT: manual therapy 97140 was 12 min.</td></tr></table>',
    );
    const [doc] = readText(text, 'note.html');
    expect(entries(doc!)).toEqual([{ kind: 'addendum', of: null, date: '2026-11-06' }]);
  });

  it('does not read words used in passing as entries', () => {
    const [doc] = readText(
      [
        'Daily Note 12/02/2026',
        'Patient: Ivo Brandt',
        'Corrected posture with tactile cues during lifts.',
        'Plan of care amended per MD call; see order.',
        'Amendments to home program discussed with patient.',
      ].join('\n'),
    );
    expect(entries(doc!)).toEqual([]);
  });
});
