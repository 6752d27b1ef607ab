import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFhirBundle } from '../../src-main/core/ingest/fhir';
import { ReaderError } from '../../src-main/core/ingest/errors';
import type { ReadResult } from '../../shared/model';

type FhirResult = Extract<ReadResult, { kind: 'fhir' }>;

const enc = (s: string) => new TextEncoder().encode(s);
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

async function smallPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawText('Progress Report', {
    x: 72,
    y: 700,
    size: 14,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  return doc.save();
}

/** A bundle shaped after the R4 specification's resource definitions. */
function bundle(pdf: Uint8Array): object {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'urn:uuid:6f1c2b1e-0000-4000-8000-000000000001',
        resource: {
          resourceType: 'Patient',
          id: 'pat1',
          identifier: [
            { system: 'http://example.org/ssn', value: '999-00-1234' },
            {
              type: {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }],
              },
              value: 'MRN-42',
            },
          ],
          name: [{ use: 'official', family: 'Roe', given: ['Richard', 'A'] }],
          birthDate: '1960-01-02',
        },
      },
      { resource: { resourceType: 'Encounter', id: 'enc1', status: 'finished' } },
      {
        resource: {
          resourceType: 'DocumentReference',
          id: 'note1',
          status: 'current',
          subject: { reference: 'urn:uuid:6f1c2b1e-0000-4000-8000-000000000001' },
          date: '2026-03-04T14:22:00Z',
          type: {
            coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }],
          },
          content: [
            {
              attachment: {
                contentType: 'text/plain',
                data: b64('Daily Note\nDate of Service: 03/04/2026\fPage two'),
              },
            },
          ],
        },
      },
      {
        resource: {
          resourceType: 'DocumentReference',
          id: 'pdf1',
          status: 'current',
          subject: { reference: 'Patient/pat1' },
          description: 'Progress Report March',
          context: { period: { start: '2026-03-10' } },
          content: [{ attachment: { contentType: 'application/pdf', data: b64(pdf) } }],
        },
      },
      {
        resource: {
          resourceType: 'DocumentReference',
          id: 'html1',
          status: 'current',
          subject: { reference: 'Patient/pat1' },
          content: [
            {
              attachment: {
                contentType: 'text/html',
                title: 'Evaluation',
                data: b64('<h1>Initial Evaluation</h1><p>Pain 6/10</p>'),
              },
            },
          ],
        },
      },
      { resource: { resourceType: 'Organization', id: 'org1', name: 'WC Mutual' } },
      {
        resource: {
          resourceType: 'Claim',
          id: 'claim1',
          identifier: [{ value: 'CLM-100' }],
          status: 'active',
          patient: { reference: 'Patient/pat1' },
          insurer: { reference: 'Organization/org1' },
          provider: { display: 'Jane Roe, PT' },
          item: [
            {
              sequence: 1,
              productOrService: {
                coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '97545' }],
              },
              modifier: [{ coding: [{ code: 'gp' }] }],
              quantity: { value: 1 },
              servicedDate: '2026-03-04',
              net: { value: 250, currency: 'USD' },
            },
            {
              sequence: 2,
              productOrService: { coding: [{ code: '97546' }] },
              quantity: { value: 2 },
              servicedDate: '2026-03-04',
              unitPrice: { value: 60 },
            },
          ],
        },
      },
      {
        resource: {
          resourceType: 'ExplanationOfBenefit',
          id: 'eob1',
          identifier: [{ value: 'ICN-555' }],
          patient: { reference: 'Patient/pat1' },
          insurer: { display: 'WC Mutual' },
          claim: { reference: 'Claim/claim1', identifier: { value: 'CLM-100' } },
          outcome: 'complete',
          item: [
            {
              sequence: 1,
              productOrService: { coding: [{ code: '97545' }] },
              modifier: [{ coding: [{ code: 'GP' }] }],
              servicedDate: '2026-03-04',
              adjudication: [
                { category: { coding: [{ code: 'submitted' }] }, amount: { value: 250 } },
                { category: { coding: [{ code: 'benefit' }] }, amount: { value: 0 } },
                {
                  category: { coding: [{ code: 'denial' }] },
                  reason: {
                    coding: [
                      {
                        system: 'https://x12.org/codes/claim-adjustment-reason-codes',
                        code: 'CO-50',
                      },
                    ],
                  },
                  amount: { value: 250 },
                },
              ],
            },
          ],
        },
      },
      {
        resource: {
          resourceType: 'Goal',
          id: 'goal1',
          lifecycleStatus: 'active',
          subject: { reference: 'Patient/pat1' },
          description: { text: 'Lift 40 lb floor to waist' },
          startDate: '2026-03-04',
          target: [{ dueDate: '2026-04-01' }],
        },
      },
      {
        resource: {
          resourceType: 'CarePlan',
          id: 'cp1',
          status: 'active',
          intent: 'plan',
          subject: { reference: 'Patient/pat1' },
          period: { start: '2026-03-04', end: '2026-04-01' },
          description: 'Work conditioning 5x/week for 4 weeks',
          goal: [{ reference: 'Goal/goal1' }],
          activity: [{ detail: { description: 'Therapeutic exercise' } }],
        },
      },
    ],
  };
}

function rejectionOf(text: string): ReaderError {
  try {
    readFhirBundle(enc(text));
  } catch (err) {
    if (err instanceof ReaderError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('readFhirBundle', () => {
  let pdf: Uint8Array;
  let result: FhirResult;
  beforeAll(async () => {
    pdf = await smallPdf();
    const read = readFhirBundle(enc(JSON.stringify(bundle(pdf), null, 2)));
    if (read.kind !== 'fhir') throw new Error('not fhir');
    result = read;
  });

  it('maps the patient with the MR identifier', () => {
    expect(result.patients).toEqual([{ name: 'Roe, Richard A', dob: '1960-01-02', mrn: 'MRN-42' }]);
  });

  it('maps text, PDF and HTML DocumentReferences with their patients', () => {
    const [text, pdfDoc, html] = result.documents;
    const patient = { name: 'Roe, Richard A', dob: '1960-01-02', mrn: 'MRN-42' };
    expect(text).toEqual({
      name: '#DocumentReference/note1',
      title: 'Progress note',
      date: '2026-03-04',
      patient,
      pages: [
        { page: 1, text: 'Daily Note\nDate of Service: 03/04/2026' },
        { page: 2, text: 'Page two' },
      ],
    });
    expect(pdfDoc).toMatchObject({
      name: '#DocumentReference/pdf1',
      title: 'Progress Report March',
      date: '2026-03-10',
      patient,
    });
    expect(Buffer.from(pdfDoc!.pdf!).equals(Buffer.from(pdf))).toBe(true);
    expect(pdfDoc!.pages).toBeUndefined();
    expect(html!.title).toBe('Evaluation');
    expect(html!.pages![0]!.text).toContain('Initial Evaluation');
    expect(html!.pages![0]!.text).not.toContain('<h1>');
  });

  it('typesets a CarePlan with its goals into a page a classifier can read', () => {
    // The goal the plan lists is part of the plan: one item per goal with its due date, and no
    // separate "Goals" document (it would be an unclassifiable copy of the plan's goal).
    expect(result.documents.map((d) => d.name)).not.toContain('#Goal/goal1');
    const plan = result.documents.find((d) => d.name === '#CarePlan/cp1')!;
    expect(plan).toMatchObject({ title: 'Plan of Care', date: '2026-03-04' });
    expect(plan.pages![0]!.text.split('\n')).toEqual([
      'Plan of Care',
      'Patient: Roe, Richard A',
      'Plan period: 2026-03-04 to 2026-04-01',
      'Description: Work conditioning 5x/week for 4 weeks',
      'Interventions:',
      '- Therapeutic exercise',
      'Goals:',
      '- Lift 40 lb floor to waist (due by 2026-04-01)',
    ]);
    // Encounter is not turned into a document.
    expect(result.documents.map((d) => d.name)).not.toContain('#Encounter/enc1');
    expect(result.documents).toHaveLength(4);
  });

  it('typesets a Goal no CarePlan lists as a document of its own', () => {
    const lone = readFhirBundle(
      new TextEncoder().encode(
        JSON.stringify({
          resourceType: 'Bundle',
          type: 'collection',
          entry: [
            {
              resource: {
                resourceType: 'Goal',
                id: 'g9',
                subject: { display: 'Roe, Richard' },
                lifecycleStatus: 'active',
                description: { text: 'Carry 30 lb 100 ft' },
                startDate: '2026-03-04',
                target: [{ dueDate: '2026-04-01' }],
              },
            },
          ],
        }),
      ),
    );
    const goal = lone.kind === 'fhir' ? lone.documents.find((d) => d.name === '#Goal/g9') : null;
    expect(goal).toMatchObject({ title: 'Goals', date: '2026-03-04' });
    expect(goal!.pages![0]!.text).toContain('Goal: Carry 30 lb 100 ft\nTarget date: 2026-04-01');
  });

  it('maps Claim items to billing lines', () => {
    expect(result.billing).toEqual([
      {
        source: 'fhir',
        line: 1,
        patientName: 'Roe, Richard A',
        mrn: 'MRN-42',
        dob: '1960-01-02',
        dos: '2026-03-04',
        code: '97545',
        modifiers: ['GP'],
        units: 1,
        charge: 250,
        payer: 'WC Mutual',
        payerClass: null,
        claimId: 'CLM-100',
        provider: 'Jane Roe, PT',
      },
      expect.objectContaining({ line: 2, code: '97546', modifiers: [], units: 2, charge: 120 }),
    ]);
  });

  it('maps the EOB with a CO-50 denial', () => {
    expect(result.claims).toHaveLength(1);
    const claim = result.claims[0]!;
    expect(claim).toMatchObject({
      claimId: 'CLM-100',
      status: '4',
      charge: 250,
      paid: 0,
      payerClaimNumber: 'ICN-555',
      payerName: 'WC Mutual',
    });
    expect(claim.services[0]).toMatchObject({
      code: '97545',
      modifiers: ['GP'],
      dos: '2026-03-04',
    });
    expect(claim.services[0]!.adjustments).toEqual([
      { group: 'CO', carc: '50', amount: 250, units: null },
    ]);
  });

  it('accepts a single resource that is not a Bundle', () => {
    const read = readFhirBundle(
      enc(JSON.stringify({ resourceType: 'Patient', id: 'p', name: [{ text: 'Ann Lee' }] })),
    );
    expect(read).toEqual({
      kind: 'fhir',
      patients: [{ name: 'Ann Lee', dob: null, mrn: null }],
      documents: [],
      billing: [],
      claims: [],
    });
  });
});

describe('readFhirBundle rejections', () => {
  it('reports invalid JSON with line and column', () => {
    const err = rejectionOf('{\n  "resourceType": "Bundle",\n  "entry": [ }\n}');
    expect(err.rejection.line).toBe(3);
    expect(err.message).toMatch(/^line 3, column 14: invalid JSON: Unexpected token/);
    expect(err.message).not.toContain('entry'); // no snippet of the file in the reason
    const truncated = rejectionOf('{"resourceType": "Patient",\n "name": [{"family": "Ro');
    expect(truncated.message).toMatch(/^line 2, column 25: invalid JSON/);
  });

  it('names the entry and the field of a resource failing validation', () => {
    const doc = {
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'Encounter' } },
        { resource: { resourceType: 'Patient', id: 'x', birthDate: '03/04/1960' } },
      ],
    };
    expect(rejectionOf(JSON.stringify(doc)).message).toMatch(
      /^entry\[1\] \(Patient\/x\): birthDate: expected a FHIR date/,
    );
    const claim = {
      resourceType: 'Claim',
      id: 'c',
      patient: {},
      item: [{ sequence: 1, productOrService: {}, quantity: { value: 'two' } }],
    };
    expect(rejectionOf(JSON.stringify(claim)).message).toMatch(
      /^entry\[0\] \(Claim\/c\): item\[0\]\.quantity\.value: /,
    );
  });

  it('rejects deeply nested JSON and non-FHIR JSON without crashing', () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    expect(rejectionOf(deep).rejection.code).toBe('unsafe');
    expect(rejectionOf('{"hello": 1}').message).toMatch(/not a FHIR resource/);
  });
});
