/**
 * The checklist's evidence links: one link per place quoted, and links that would read alike told
 * apart by their quote (an authorization letter's page quoted once for each limit it states).
 */
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../shared/model';
import { evidenceLinks } from '../../src-renderer/lib/evidence-links';

const ev = (file: string, page: number, quote: string, line?: number): Evidence =>
  line === undefined ? { file, page, quote } : { file, page, line, quote };

describe('evidence links', () => {
  it('names each place once; places that read alike carry the start of their quote', () => {
    const letter = 'auth/UR Determination 0412.pdf';
    const links = evidenceLinks(
      [
        ev(letter, 1, 'Approved: 8 visits of work conditioning'),
        ev(letter, 1, 'Approved: 8 visits of work conditioning'),
        ev(letter, 1, 'Approved hours: 24 (twenty-four) within the certified period of care'),
        ev('notes/visit 2026-05-15.txt', 1, 'Visit 9 of program'),
      ],
      [],
    ).map((l) => l.label);
    expect(links).toEqual([
      'Show evidence: UR Determination 0412.pdf p. 1: “Approved: 8 visits of work conditioning”',
      'Show evidence: UR Determination 0412.pdf p. 1: “Approved hours: 24 (twenty-four) within the cer…”',
      'Show evidence: visit 2026-05-15.txt p. 1',
    ]);
  });

  it('keeps plain labels when no two read alike, lines for ledger rows, titles for bundled notes', () => {
    const links = evidenceLinks(
      [
        ev('billing/ledger.csv', 1, 'line 7: 2026-05-15 97545 x1', 7),
        ev('billing/ledger.csv', 1, 'line 8: 2026-05-15 97546 x2', 8),
        ev('fhir/Patient-1.json#DocumentReference/n1', 1, 'Plan: continue'),
      ],
      [
        {
          file: 'fhir/Patient-1.json#DocumentReference/n1',
          title: 'PHYSICAL THERAPY DAILY NOTE',
          date: '2026-05-15',
        } as never,
      ],
    ).map((l) => l.label);
    expect(links).toEqual([
      'Show evidence: ledger.csv line 7',
      'Show evidence: ledger.csv line 8',
      'Show evidence: PHYSICAL THERAPY DAILY NOTE, 2026-05-15 p. 1',
    ]);
  });

  it("names a FHIR claim's item by its claim, not by a line number shared across claims", () => {
    const item = (claim: string, n: number) => ({
      ...ev('fhir/Patient-9.json', 1, `${claim} 97110 x2`, n),
      place: `claim ${claim}, item ${n}`,
    });
    const links = evidenceLinks([item('KM261002', 1), item('KM261009', 1)], []).map((l) => l.label);
    expect(links).toEqual([
      'Show evidence: Patient-9.json claim KM261002, item 1',
      'Show evidence: Patient-9.json claim KM261009, item 1',
    ]);
  });
});
