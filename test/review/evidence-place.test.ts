/** Evidence for a structured source's line says where it is in words when "line N" would mislead. */
import { describe, expect, it } from 'vitest';
import type { EpisodeBillingLine } from '../../shared/episode';
import { evidenceFromLine } from '../../src-main/core/review/lib/evidence';

const line = (source: EpisodeBillingLine['source'], n: number): EpisodeBillingLine => ({
  source,
  line: n,
  patientName: 'Roe, Jan',
  mrn: null,
  dob: null,
  dos: '2026-10-02',
  code: '97110',
  modifiers: ['GP'],
  units: 2,
  charge: null,
  payer: null,
  claimId: 'KM261002',
  provider: null,
  file: 'fhir/Patient-9.json',
  quote: '2026-10-02 97110 x2',
});

describe('evidence for a billing line', () => {
  it('names a FHIR item and an 835 segment by their claim; a ledger row by its line', () => {
    expect(evidenceFromLine(line('fhir', 2)).place).toBe('claim KM261002, item 2');
    expect(evidenceFromLine({ ...line('remit', 14), file: 'era/2026-10.835' }).place).toBe(
      'claim KM261002, segment 14',
    );
    expect(evidenceFromLine(line('ledger', 7))).toEqual({
      file: 'fhir/Patient-9.json',
      page: 1,
      line: 7,
      quote: '2026-10-02 97110 x2',
    });
  });

  it('names an item of a FHIR ExplanationOfBenefit (read as a remit) an item, in place and quote', () => {
    const e = evidenceFromLine({
      ...line('remit', 1),
      quote: 'segment 1: 2026-10-02 97110-GP x2 (claim KM261002)',
    });
    expect(e.place).toBe('claim KM261002, item 1');
    expect(e.quote).toBe('item 1: 2026-10-02 97110-GP x2 (claim KM261002)');
  });
});
