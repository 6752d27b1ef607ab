/**
 * A FHIR document (Bundle.type "document") is a signed note: its Composition printed with its
 * sections' narrative, its Encounter's clock times and its legal attester as the signature, then
 * read by the same readers as any note (first met in c71). A preliminary Composition with no
 * attester is an unsigned note.
 */
import { describe, expect, it } from 'vitest';
import { readFhirBundle } from '../../src-main/core/ingest/fhir';
import { extractDocuments } from '../../src-main/core/extract';
import type { ReadResult } from '../../shared/model';

type FhirResult = Extract<ReadResult, { kind: 'fhir' }>;

function documentBundle(composition: Record<string, unknown>): Uint8Array {
  const bundle = {
    resourceType: 'Bundle',
    type: 'document',
    timestamp: '2026-05-12T15:04:00-05:00',
    entry: [
      {
        fullUrl: 'urn:uuid:comp-1',
        resource: {
          resourceType: 'Composition',
          id: 'comp-1',
          status: 'final',
          type: {
            coding: [{ system: 'http://loinc.org', code: '11506-3' }],
            text: 'Progress note',
          },
          subject: { reference: 'Patient/p1' },
          encounter: { reference: 'Encounter/e1' },
          date: '2026-05-12T14:58:00-05:00',
          author: [{ reference: 'Practitioner/pr1', display: 'Tomasz Wierzbicki, PT, DPT' }],
          title: 'Outpatient PT Treatment Note',
          attester: [
            {
              mode: 'legal',
              time: '2026-05-12T15:02:00-05:00',
              party: { reference: 'Practitioner/pr1', display: 'Tomasz Wierzbicki, PT, DPT' },
            },
          ],
          section: [
            {
              title: 'Subjective',
              text: {
                status: 'generated',
                div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Hip sore after stairs at home.</p></div>',
              },
            },
            {
              title: 'Interventions',
              text: {
                status: 'generated',
                div: '<div xmlns="http://www.w3.org/1999/xhtml"><table><tr><th>Service</th><th>CPT</th><th>Minutes</th></tr><tr><td>Therapeutic exercise</td><td>97110</td><td>25 min</td></tr></table><p>Tolerated well, no increase in pain.</p></div>',
              },
            },
          ],
          ...composition,
        },
      },
      {
        fullUrl: 'urn:uuid:p1',
        resource: {
          resourceType: 'Patient',
          id: 'p1',
          name: [{ family: 'Ostergaard', given: ['Lise'] }],
          birthDate: '1949-02-11',
        },
      },
      {
        fullUrl: 'urn:uuid:e1',
        resource: {
          resourceType: 'Encounter',
          id: 'e1',
          status: 'finished',
          class: { code: 'AMB' },
          period: { start: '2026-05-12T13:30:00-05:00', end: '2026-05-12T14:10:00-05:00' },
        },
      },
    ],
  };
  return new TextEncoder().encode(JSON.stringify(bundle));
}

const read = (composition: Record<string, unknown> = {}) =>
  readFhirBundle(documentBundle(composition)) as FhirResult;

const facts = (composition: Record<string, unknown> = {}) => {
  const [doc] = read(composition).documents;
  const [note] = extractDocuments(doc!.name, doc!.pages ?? []);
  return (kind: string) => note!.facts.filter((f) => f.kind === kind).map((f) => f.value);
};

describe('a FHIR document Composition', () => {
  it('is one note for its patient, dated by the Composition', () => {
    const result = read();
    expect(result.documents).toHaveLength(1);
    const [doc] = result.documents;
    expect(doc?.title).toBe('Outpatient PT Treatment Note');
    expect(doc?.date).toBe('2026-05-12');
    expect(doc?.patient?.name).toBe('Ostergaard, Lise');
  });

  it("reads as a note: date, the Encounter's clock times, minutes and the attester's signature", () => {
    const of = facts();
    expect(of('date-of-service')).toEqual(['2026-05-12']);
    expect(of('time-in')).toEqual(['13:30']);
    expect(of('time-out')).toEqual(['14:10']);
    expect(of('signer')).toEqual(['Tomasz Wierzbicki']);
    expect(of('signed-date')).toEqual(['2026-05-12']);
    expect(of('section')).toEqual(expect.arrayContaining(['subjective', 'patient-response']));
  });

  it('prints no signature for a preliminary note no one attested', () => {
    const of = facts({ status: 'preliminary', attester: undefined });
    expect(of('signer')).toEqual([]);
    expect(of('signed-date')).toEqual([]);
  });

  it('is refused with the field named when a required element is missing', () => {
    expect(() => read({ title: undefined })).toThrow(/Composition.*title/);
  });
});
