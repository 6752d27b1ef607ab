/**
 * What other clinics' charts look like, read correctly: each case is a document written the way
 * another EMR or clinician prints it (not the sample chart's phrasing), for one of the classes of
 * misreading found on charts written by others (issue 14), with a negative case beside it.
 */
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src-main/core/extract';
import {
  authorRoleOf,
  credentialsIn,
  disciplineOfCredentials,
} from '../../src-main/core/domain/credentials';
import { credentialKind } from '../../src-main/core/review/lib/documents';
import { expectQuotesExact, onePage, values } from './helpers';

function read(text: string, file = 'note.txt') {
  const pages = onePage(text);
  const docs = extractDocuments(file, pages);
  expectQuotesExact(docs, pages);
  return docs;
}

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
