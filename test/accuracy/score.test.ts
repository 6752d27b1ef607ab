/**
 * The accuracy harness's scoring (scripts/accuracy/score.ts): what counts as a found defect, a
 * false alarm on a clean episode, a wrong profile, a lost episode; and the corpus PDF renderer.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/model';
import type { ReviewedEpisode } from '../../shared/review';
import { CATALOG_RULE_IDS } from '../../src-main/core/review/profiles/rule-ids';
import { readPdf } from '../../src-main/core/ingest';
import { renderPdf } from '../../scripts/accuracy/render-pdf';
import {
  gateFailures,
  parseChartExpectation,
  patientKey,
  scoreChart,
  type ChartExpectation,
} from '../../scripts/accuracy/score';

const okRules = () => Object.fromEntries(CATALOG_RULE_IDS.map((id) => [id, 'ok' as const]));

function chart(episodes: ChartExpectation['episodes']): ChartExpectation {
  return { title: 't', style: 's', asOf: '2026-11-30', episodes };
}

function reviewed(
  name: string,
  findings: Partial<Finding>[],
  profile = 'workers-comp',
): ReviewedEpisode {
  return {
    id: 'ep',
    patient: { name, dob: null },
    payer: { name: 'X', kind: 'workers-comp' },
    start: '2026-03-02',
    end: '2026-03-27',
    visits: 10,
    claims: [],
    profile,
    findings: findings.map((f) => ({
      rule: 'DOC-SIGNED',
      status: 'pass',
      severity: 'error',
      message: 'm',
      dates: [],
      evidence: [],
      ...f,
    })),
  };
}

describe('chart.json', () => {
  it('must judge every catalog rule, and only catalog rules', () => {
    const rules = okRules();
    delete (rules as Record<string, unknown>)['PROG-DURATION'];
    const data = chart([
      {
        patient: 'Roe, Jane',
        start: '2026-03-02',
        end: '2026-03-27',
        payerKind: 'workers-comp',
        profile: 'workers-comp',
        clean: true,
        rules,
      },
    ]);
    expect(() => parseChartExpectation(data, 'x/chart.json')).toThrow(
      /rules missing: PROG-DURATION/,
    );
    expect(() =>
      parseChartExpectation(
        chart([{ ...data.episodes[0]!, rules: { ...okRules(), 'NOT-A-RULE': 'ok' } }]),
        'x',
      ),
    ).toThrow(/unknown rules: NOT-A-RULE/);
  });
});

describe('scoring', () => {
  const base = {
    patient: 'Roe, Jane',
    start: '2026-03-02',
    end: '2026-03-27',
    payerKind: 'workers-comp' as const,
    profile: 'workers-comp',
  };

  it('a fail on a clean episode is a false alarm that fails the gate; a warn is reported only', () => {
    const score = scoreChart('c', chart([{ ...base, clean: true, rules: okRules() }]), [
      reviewed('ROE, JANE A', [
        { rule: 'DOC-SIGNED', status: 'fail', dates: ['2026-03-05'] },
        { rule: 'DOC-DAILY-TIME', status: 'warn' },
      ]),
    ]);
    expect(score.cleanAlarms.map((a) => a.rule)).toEqual(['DOC-DAILY-TIME', 'DOC-SIGNED']);
    expect(gateFailures(score)).toEqual(['c: Roe, Jane: DOC-SIGNED failed on a clean episode: m']);
    expect(score.tally.get('DOC-SIGNED')).toMatchObject({ falsePositives: 1, truePositives: 0 });
  });

  it('finds a planted defect by a shared date; another date is a false alarm; no finding is a miss', () => {
    const rules = {
      ...okRules(),
      'BILL-WC-TIME-UNITS': { expect: 'fail' as const, dates: ['2026-03-11'], why: '150 min' },
      'AUTH-PRESENT': { expect: 'fail' as const, dates: [], why: 'none on file' },
    };
    const score = scoreChart('c', chart([{ ...base, clean: false, rules }]), [
      reviewed('Roe, Jane', [
        { rule: 'BILL-WC-TIME-UNITS', status: 'fail', dates: ['2026-03-11'] },
        { rule: 'BILL-WC-TIME-UNITS', status: 'fail', dates: ['2026-03-12'] },
      ]),
    ]);
    expect(score.tally.get('BILL-WC-TIME-UNITS')).toEqual({
      planted: 1,
      found: 1,
      truePositives: 1,
      falsePositives: 1,
    });
    expect(score.missed.map((m) => m.rule)).toEqual(['AUTH-PRESENT']);
    expect(gateFailures(score)).toEqual(['c: Roe, Jane: missed AUTH-PRESENT : none on file']);
  });

  it('a wrong profile, a lost episode and a phantom episode with a failure fail the gate', () => {
    const score = scoreChart('c', chart([{ ...base, clean: true, rules: okRules() }]), [
      reviewed('Roe, Jane', [], 'commercial'),
      reviewed('Doe, John', [{ rule: 'AUTH-PRESENT', status: 'fail' }]),
    ]);
    expect(score.profiles).toHaveLength(1);
    expect(score.unexpectedEpisodes.map((a) => a.rule)).toEqual(['AUTH-PRESENT']);
    const lost = scoreChart('c', chart([{ ...base, clean: true, rules: okRules() }]), []);
    expect(gateFailures(lost)).toEqual(['c: episode not found: Roe, Jane 2026-03-02']);
  });

  it('matches patients by last and first name in any order and case', () => {
    expect(patientKey('ROE, JANE A.')).toBe(patientKey('Jane Roe'));
    expect(patientKey('Roe, Jane')).not.toBe(patientKey('Roe, John'));
  });
});

describe('corpus PDFs', () => {
  it('renders pages, wraps long lines and draws tab-separated cells as separate columns', async () => {
    const source = [
      '%% font: Courier',
      'DAILY NOTE',
      'Activity\tMinutes',
      'Treadmill\t15',
      '\f',
      `Page two ${'word '.repeat(40)}`,
    ].join('\n');
    const read = await readPdf(await renderPdf(source));
    if (read.kind !== 'notes') throw new Error('not notes');
    expect(read.pages).toHaveLength(2);
    expect(read.pages[0]!.text).toBe('DAILY NOTE\nActivity\tMinutes\nTreadmill\t15');
    expect(read.pages[1]!.text.split('\n').length).toBeGreaterThan(1);
  });

  it('draws comparison signs and arrows the standard font lacks as their ASCII spelling', async () => {
    const read = await readPdf(
      await renderPdf('Goal: TUG \u2264 12 s, flexion \u2265 125 deg \u2192 stairs'),
    );
    if (read.kind !== 'notes') throw new Error('not notes');
    expect(read.pages[0]!.text).toBe('Goal: TUG <= 12 s, flexion >= 125 deg -> stairs');
  });
});
