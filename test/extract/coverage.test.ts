/** Coverage signs (coverage-sign facts) and letterhead states, read from notes in several styles. */
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src-main/core/extract';
import { expectQuotesExact, onePage } from './helpers';

function signs(
  text: string,
): Array<{ value: string; sign?: string; state?: string; quote: string }> {
  const pages = onePage(text);
  const docs = extractDocuments('note.txt', pages);
  expectQuotesExact(docs, pages);
  return docs.flatMap((d) =>
    d.facts
      .filter((f) => f.kind === 'coverage-sign')
      .map((f) => ({
        value: f.value,
        sign: f.detail?.sign,
        ...(f.detail?.state ? { state: f.detail.state } : {}),
        quote: f.provenance.quote,
      })),
  );
}

const labels = (text: string) => signs(text).map((s) => `${s.value}: ${s.sign}`);

describe('coverage signs', () => {
  it('reads a WC claim: claim number with a date of injury, adjuster, employer, injured worker', () => {
    expect(
      labels(
        [
          'Work Conditioning Daily Note',
          'Patient: Roe, Jane   Claim #: WC-26-55102   DOI: 11/14/2025',
          'Employer: Acme Foods Distribution',
          'Adjuster: Pat Lee (Travelers)',
          'RE: Injured worker Jane Roe',
        ].join('\n'),
      ),
    ).toEqual([
      'workers-comp: employer',
      'workers-comp: adjuster',
      'workers-comp: injured worker or claimant',
      'workers-comp: claim number and date of injury',
    ]);
  });

  it('takes neither a date of injury alone nor an empty or retired employer as a sign', () => {
    expect(
      labels('PT Evaluation\nDate of injury: 01/18/2026 (fall at home)\nEmployer: retired\n'),
    ).toEqual([]);
    expect(labels('Daily Note\nClaim #: 88812\nEmployer: N/A\n')).toEqual([]);
  });

  it('reads utilization review and a state agency with its jurisdiction', () => {
    expect(
      signs(
        "NOTICE OF PREAUTHORIZATION DETERMINATION\nUtilization review agent: J. Smith RN\nTexas Department of Insurance, Division of Workers' Compensation\n",
      ).map((s) => [s.sign, s.state ?? null]),
    ).toEqual([
      ['utilization review', null],
      ["Texas Division of Workers' Compensation", 'TX'],
      ["workers' compensation named", null],
    ]);
    expect(
      signs(
        'PR-2 Primary Treating Physician Progress Report\nTreatment per MTUS guidelines.\n',
      ).map((s) => [s.value, s.state]),
    ).toEqual([['workers-comp', 'CA']]);
  });

  it('reads Medicare: the word, a contractor, an MBI-shaped beneficiary id', () => {
    expect(
      labels(
        'PT Plan of Care\nMedicare beneficiary ID: 1EG4TE5MK73\nPayer: Novitas Solutions (JL)\n',
      ),
    ).toEqual([
      'medicare: Medicare',
      'medicare: Medicare beneficiary identifier',
      'medicare: Medicare contractor',
    ]);
  });

  it('skips negations, unticked form options and Medicare Advantage', () => {
    expect(
      labels("Intake\nCase type: [X] Workers' Compensation  [ ] Private  [ ] Medicare\n"),
    ).toEqual(["workers-comp: workers' compensation named"]);
    expect(
      labels('Evaluation\nThis is not a workers comp claim.\nNon-Medicare patient.\n'),
    ).toEqual([]);
    expect(labels('Evaluation\nInsurance: Humana Medicare Advantage PPO\n')).toEqual([]);
  });

  it('keeps one fact per sign per document', () => {
    expect(labels('Daily Note\nSpoke with adjuster.\nFaxed note to adjuster.\n')).toEqual([
      'workers-comp: adjuster',
    ]);
  });

  it("reads the state of the letterhead's address, not of addresses further down", () => {
    const letterhead = (text: string) => {
      const docs = extractDocuments('note.txt', onePage(text));
      return docs.flatMap((d) =>
        d.facts.filter((f) => f.kind === 'letterhead-state').map((f) => f.value),
      );
    };
    expect(letterhead('Riverbend Rehab\n100 Main St, Austin, TX 78701\nDaily Note\n')).toEqual([
      'TX',
    ]);
    expect(
      letterhead('Daily Note\na\nb\nc\nd\ne\nf\nMailed to 1 Elm St, Fresno, CA 93701\n'),
    ).toEqual([]);
  });
});
