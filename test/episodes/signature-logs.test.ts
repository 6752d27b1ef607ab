/**
 * A clinic's signature log identifies entries signed by initials, for every patient of the store:
 * the log names no patient and is no unplaced document; a visit signed "AMK" is signed by the PT
 * the log names, and a visit signed by an assistant's initials is the assistant's (CQ owed).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewStore } from '../../src-main/core/api/review';
import { buildEpisodes, unassignedDocuments } from '../../src-main/core/episodes';
import { importPaths } from '../../src-main/core/import/pipeline';
import { selectExhibitDocuments } from '../../src-main/core/packet/exhibits';
import { openDatabase } from '../../src-main/core/store/db';

const EVALUATION = [
  'PHYSICAL THERAPY INITIAL EVALUATION',
  'Patient: Marchetti, Ilse    MRN 7781204    DOB 01/30/1951',
  'Payer: Medicare Part B',
  'Date of Service: 11/02/2026',
  'Assessment: knee OA limits stairs.',
  'Signature: Anna M. Kowalski, PT, DPT   Date: 11/02/2026',
].join('\n');

const VISITS = [
  'PT VISIT LOG - WEEKLY',
  'Patient: Marchetti, Ilse    MRN 7781204    DOB 01/30/1951',
  'Payer: Medicare Part B',
  '',
  'Visit Date 11/03/2026   Visit 2',
  '  Code    Service / detail                                Min   Units',
  '  97110   Ther ex: step-ups 6 in 3x10, bridges 2x15         25     2',
  '  Timed-code min: 25',
  '  Documented and e-signed by: AMK 11/03/2026 4:12 PM',
  '',
  'Visit Date 11/05/2026   Visit 3',
  '  Code    Service / detail                                Min   Units',
  '  97110   Ther ex: sit-to-stand 3x10, heel raises 3x15      23     2',
  '  Timed-code min: 23',
  '  Documented and e-signed by: RDL 11/05/2026 3:50 PM',
].join('\n');

const LOG = [
  'THERAPY DEPARTMENT SIGNATURE LOG',
  'Initials on visit logs are the clinician’s electronic signature.',
  'Init    Full name                 Credential   NPI',
  'AMK     Anna M. Kowalski          PT, DPT      1234567893',
  'RDL     Rafael D. Lima            PTA          1234567901',
  'Maintained by: Ruth Ames, PT   Signature: Ruth Ames, PT   Date: 01/02/2026',
].join('\n');

const LEDGER = [
  'Patient,DOB,DOS,CPT,Units,Payer,Claim',
  '"MARCHETTI, ILSE",01/30/1951,11/02/2026,97162-GP,1,Medicare Part B,C1',
  '"MARCHETTI, ILSE",01/30/1951,11/03/2026,97110-GP,2,Medicare Part B,C1',
  '"MARCHETTI, ILSE",01/30/1951,11/05/2026,97110-GP,2,Medicare Part B,C1',
].join('\n');

async function review(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cr-siglog-'));
  const chart = join(dir, 'chart');
  mkdirSync(chart);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(chart, name), body);
  const db = openDatabase(join(dir, 'store.db'));
  try {
    await importPaths(db, [chart]);
    const report = reviewStore(db, { asOf: '2026-11-30', audit: false });
    expect(report.episodes).toHaveLength(1);
    const of = (rule: string) => report.episodes[0]!.findings.filter((f) => f.rule === rule);
    return { unplaced: unassignedDocuments(db), of };
  } finally {
    db.close();
  }
}

describe('a clinic signature log in the store', () => {
  it('is no unplaced document, and signs initialled visits with the credentials it lists', async () => {
    const r = await review({
      'eval.txt': EVALUATION,
      'visits.txt': VISITS,
      'signature-log.txt': LOG,
      'ledger.csv': LEDGER,
    });
    expect(r.unplaced).toEqual([]);
    expect(r.of('DOC-SIGNED').map((f) => f.status)).toEqual(['pass']);
    expect(r.of('DOC-SIGNED')[0]!.evidence).toContainEqual(
      expect.objectContaining({ file: 'signature-log.txt' }),
    );
    // 11/05 was the PTA's visit: GP without CQ.
    const modifier = r.of('BILL-THERAPY-MODIFIER');
    expect(modifier.map((f) => [f.status, f.dates])).toEqual([['fail', ['2026-11-05']]]);
    expect(modifier[0]!.message).toContain('lacks CQ although an assistant furnished the visit');
  });

  it('without the log, initials alone lack credentials and no visit is known to be an assistant’s', async () => {
    const r = await review({ 'eval.txt': EVALUATION, 'visits.txt': VISITS, 'ledger.csv': LEDGER });
    expect(r.of('DOC-SIGNED').map((f) => [f.status, f.dates])).toEqual([
      ['fail', ['2026-11-03']],
      ['fail', ['2026-11-05']],
    ]);
    expect(r.of('DOC-SIGNED')[0]!.message).toContain('without credentials');
    expect(r.of('BILL-THERAPY-MODIFIER').map((f) => f.status)).toEqual(['pass']);
  });

  it('a log imported after the notes brings the stored review up to date for the patients it signs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cr-siglog-later-'));
    const chart = join(dir, 'chart');
    const later = join(dir, 'later');
    mkdirSync(chart);
    mkdirSync(later);
    writeFileSync(join(chart, 'eval.txt'), EVALUATION);
    writeFileSync(join(chart, 'visits.txt'), VISITS);
    writeFileSync(join(chart, 'ledger.csv'), LEDGER);
    writeFileSync(join(later, 'signature-log.txt'), LOG);
    const db = openDatabase(join(dir, 'store.db'));
    try {
      await importPaths(db, [chart]);
      const signed = () =>
        reviewStore(db, { asOf: '2026-11-30', audit: false })
          .episodes[0]!.findings.filter((f) => f.rule === 'DOC-SIGNED')
          .map((f) => f.status);
      expect(signed()).toEqual(['fail', 'fail']);
      // The log names no patient: only the clinic's documents change, and the review follows.
      await importPaths(db, [later]);
      expect(signed()).toEqual(['pass']);
    } finally {
      db.close();
    }
  });
});

describe('the log in the record of the episodes it serves', () => {
  function store(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'cr-siglog-record-'));
    const chart = join(dir, 'chart');
    mkdirSync(chart);
    for (const [name, body] of Object.entries(files)) writeFileSync(join(chart, name), body);
    return { db: openDatabase(join(dir, 'store.db')), chart };
  }

  it('an episode whose initials the log identifies holds the log, and its packet sends it', async () => {
    const { db, chart } = store({
      'eval.txt': EVALUATION,
      'visits.txt': VISITS,
      'signature-log.txt': LOG,
      'ledger.csv': LEDGER,
    });
    try {
      await importPaths(db, [chart]);
      const [episode] = buildEpisodes(db, { asOf: '2026-11-30' });
      const log = episode!.documents.filter((d) => d.file === 'signature-log.txt');
      expect(log).toHaveLength(1);
      // The log is the clinic's: it gives the episode no discipline of its own.
      expect(log[0]!.discipline).toBeNull();
      for (const kind of ['appeal', 'adr'] as const) {
        const exhibits = selectExhibitDocuments(episode!, {
          kind,
          claimId: null,
          datesAtIssue: ['2026-11-03'],
        });
        expect(exhibits.at(-1)!.file, kind).toBe('signature-log.txt');
      }
    } finally {
      db.close();
    }
  });

  it('answers for an illegible signature in any episode; an episode it does not serve does not hold it', async () => {
    const illegibleVisit = [
      'PT DAILY NOTE',
      'Patient: Marchetti, Ilse    MRN 7781204    DOB 01/30/1951',
      'Payer: Medicare Part B',
      'Date of Service: 11/03/2026',
      'Ther ex: step-ups 6 in 3x10, bridges 2x15 (25 min). Timed-code min: 25. Total time: 25 min.',
      'Tolerated well.',
      'Signature: [illegible], PT  Date: 11/03/2026',
    ].join('\n');
    const other = [
      'PHYSICAL THERAPY INITIAL EVALUATION',
      'Patient: Brandt, Otto    MRN 7781300    DOB 05/02/1949',
      'Payer: Medicare Part B',
      'Date of Service: 11/02/2026',
      'Assessment: hip OA limits gait.',
      'Signature: Anna M. Kowalski, PT, DPT   Date: 11/02/2026',
    ].join('\n');
    const ledger = [
      LEDGER.split('\n').slice(0, 3).join('\n'),
      '"BRANDT, OTTO",05/02/1949,11/02/2026,97162-GP,1,Medicare Part B,C2',
    ].join('\n');
    const signedWith = async (files: Record<string, string>) => {
      const { db, chart } = store(files);
      try {
        await importPaths(db, [chart]);
        const episodes = buildEpisodes(db, { asOf: '2026-11-30' });
        const report = reviewStore(db, { asOf: '2026-11-30', audit: false });
        const marchetti = report.episodes.find((e) => e.patient.name.includes('Marchetti'))!;
        return {
          statuses: marchetti.findings.filter((f) => f.rule === 'DOC-SIGNED').map((f) => f.status),
          holding: episodes
            .filter((e) => e.documents.some((d) => d.file === 'signature-log.txt'))
            .map((e) => e.patient.name),
        };
      } finally {
        db.close();
      }
    };
    const files = {
      'eval.txt': EVALUATION,
      'visit.txt': illegibleVisit,
      'other.txt': other,
      'ledger.csv': ledger,
    };
    expect((await signedWith(files)).statuses).toEqual(['warn']);
    const withLog = await signedWith({ ...files, 'signature-log.txt': LOG });
    expect(withLog.statuses).toEqual(['pass']);
    expect(withLog.holding).toEqual([expect.stringContaining('Marchetti')]);
  });
});
