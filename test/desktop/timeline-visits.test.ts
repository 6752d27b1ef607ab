/**
 * The timeline says why a note's own visit number differs from the treatment-day count (issue
 * 15): a clinic that does not count the evaluation writes "Visit 1" on treatment day 2; a note
 * that counts visits from before this record reads higher; where they agree nothing is said.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartReadyService } from '../../src-main/core/api/service';

let dir: string;

const header = (title: string, date: string) => [
  'Lakeview Physical Therapy',
  title,
  'Patient: Marsh, Dana    DOB: 05/14/1968    MRN: LV-4410',
  `Date of service: ${date}`,
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-visits-'));
  const chart = join(dir, 'chart');
  mkdirSync(chart);
  writeFileSync(
    join(chart, 'eval.txt'),
    [
      ...header('Physical Therapy Initial Evaluation', '03/02/2026'),
      'History: low back pain after lifting at work.',
      'Plan: therapeutic exercise 2x/week for 4 weeks.',
      'Signed: Ravi Menon, PT, DPT 03/02/2026',
    ].join('\n'),
  );
  const notes: Array<[string, string]> = [
    ['03/04/2026', 'Visit 1'],
    ['03/06/2026', 'Visit 2'],
    ['03/09/2026', 'Visit 3'],
    ['03/11/2026', 'Visit 9 of 12'],
  ];
  notes.forEach(([date, visit], i) =>
    writeFileSync(
      join(chart, `note-${i}.txt`),
      [
        ...header('Daily Treatment Note', date),
        visit,
        'Therapeutic exercise 97110, 25 minutes. Total timed minutes: 25.',
        `Signed: Ravi Menon, PT, DPT ${date}`,
      ].join('\n'),
    ),
  );
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('visit numbers on the timeline', () => {
  it('explains a note numbered without the evaluation, and one counting from before', async () => {
    const service = new ChartReadyService({ dbPath: join(dir, 'store.db'), asOf: '2026-03-31' });
    try {
      await service.importPaths({ paths: [join(dir, 'chart')] });
      const [episode] = await service.listEpisodes();
      const { timeline } = await service.getEpisode({ id: episode!.id });
      const day = (date: string) => timeline.find((d) => d.date === date)!;
      expect(day('2026-03-02')).toMatchObject({ treatmentDay: 1, noteVisit: null });
      expect(day('2026-03-04')).toMatchObject({
        treatmentDay: 2,
        noteVisit: {
          number: 1,
          why: 'the note does not count the evaluation on 2026-03-02; the rule counts it as treatment day 1',
        },
      });
      expect(day('2026-03-09').noteVisit?.number).toBe(3);
      expect(day('2026-03-11').treatmentDay).toBe(5);
      expect(day('2026-03-11').noteVisit).toMatchObject({ number: 9 });
      expect(day('2026-03-11').noteVisit!.why).toMatch(/^the note counts visits this record/);
    } finally {
      service.close();
    }
  });
});
