/**
 * The review loop of issue 16 on the sample chart, through the commands a compliance reviewer
 * uses: review, decide, import a late entry, review again. A late entry that breaks the
 * recordkeeping principles (no author) is left out: the decided finding is carried as it was and
 * DOC-LATE-ENTRY says the claim leaned on it; a compliant one is read, the finding goes away and
 * its decision is kept as resolved; the audit log verifies throughout.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src-main/core/import/pipeline';
import { runReview } from '../../src-main/core/api/review';
import { openDatabase } from '../../src-main/core/store/db';
import { runCli } from '../cli-run';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';
const DOS = '2026-09-11';

let dir: string;
let db: string;

interface Listed {
  id: string;
  rule: string;
  dates: string[];
  status: string;
  severity: string;
  message: string;
  patient: string;
  decision?: { as: string };
}

const cli = runCli;

async function findings(
  ...flags: string[]
): Promise<{ findings: Listed[]; resolved: Array<{ findingId: string }> }> {
  const r = await cli(['findings', '--db', db, '--as-of', AS_OF, '--json', ...flags]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as { findings: Listed[]; resolved: Array<{ findingId: string }> };
}

async function actions(asOf = AS_OF): Promise<Array<Record<string, unknown>>> {
  const r = await cli(['actions', '--db', db, '--as-of', asOf, '--format', 'json']);
  expect(r.code, r.err).toBe(0);
  return (JSON.parse(r.out) as { actions: Array<Record<string, unknown>> }).actions;
}

/** A late entry for the 09/11 session, as a text note in the patient's folder. */
async function importLateEntry(name: string, signed: boolean): Promise<void> {
  const folder = join(dir, name);
  mkdirSync(folder);
  writeFileSync(
    join(folder, `${name}.txt`),
    [
      'LATE ENTRY - WORK CONDITIONING DAILY NOTE',
      'Patient: Alvarez, Maria    DOB: 03/17/1984    MRN: 200614',
      `Late entry for date of service 09/11/2026, written ${signed ? '09/14/2026' : ''}`.trim(),
      'Work simulation continued after the documented session: pallet stacking and',
      'sled push, 10:00 AM to 10:35 AM.',
      'Total Time: 35 minutes',
      'The note of 09/11/2026 stands as written.',
      signed ? 'Electronically signed by Dana Whitfield, PT, DPT on 09/14/2026' : '',
    ].join('\n'),
  );
  const r = await cli(['import', '--db', db, folder]);
  expect(r.code, r.err).toBe(0);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-loop-'));
  db = join(dir, 'store.db');
  // The sample's scanned fax is refused (needs OCR), which makes the import command exit 1.
  const store = openDatabase(db);
  await importPaths(store, [SAMPLE]);
  store.close();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('review, decide, late entry, review again', () => {
  it('carries a decision past a non-compliant late entry and resolves it with a compliant one', async () => {
    const first = await findings();
    const target = first.findings.find(
      (f) => f.rule === 'BILL-WC-TIME-UNITS' && f.dates.includes(DOS) && f.status === 'fail',
    )!;
    expect(target, 'the planted 09/11 time defect').toBeDefined();
    const decided = await cli([
      'decide',
      '--db',
      db,
      '--finding',
      target.id,
      '--as',
      'confirmed',
      '--reason',
      'time does not support 97546',
      '--action',
      'document total time per session',
      '--due',
      '2026-12-15',
      '--clinician',
      'Dana Whitfield, PT',
      '--by',
      'Test Reviewer',
    ]);
    expect(decided.code, decided.err).toBe(0);

    // The corrective action is listed for its clinician, open, and overdue once past its date.
    const open = await actions();
    expect(open).toMatchObject([
      {
        findingId: target.id,
        clinician: 'Dana Whitfield, PT',
        due: '2026-12-15',
        status: 'open',
        rule: 'BILL-WC-TIME-UNITS',
        patient: 'Alvarez, Maria',
      },
    ]);
    expect((await actions('2026-12-16'))[0]?.status).toBe('overdue');
    const out = join(dir, 'actions.csv');
    const csv = await cli([
      'actions',
      '--db',
      db,
      '--as-of',
      AS_OF,
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(csv.code, csv.err).toBe(0);
    const [header, row] = readFileSync(out, 'utf8').split('\r\n');
    expect(header).toBe(
      'clinician,due,status,patient,rule,dates,action,finding_id,episode_id,decided_by,decided_at',
    );
    expect(row).toContain(
      `"Dana Whitfield, PT",2026-12-15,open,"Alvarez, Maria",BILL-WC-TIME-UNITS`,
    );

    // An unsigned late entry: not considered; the finding stays, with its decision.
    await importLateEntry('late-entry-unsigned', false);
    const second = await findings();
    const still = second.findings.find((f) => f.id === target.id);
    expect(still?.decision?.as).toBe('confirmed');
    const late = second.findings.filter((f) => f.rule === 'DOC-LATE-ENTRY');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ status: 'fail', severity: 'error', dates: [DOS] });
    expect(late[0]!.message).toContain('has no author');
    expect(late[0]!.message).toMatch(/Without it, .*BILL-WC-TIME-UNITS/);

    // A signed, dated late entry: its 35 minutes count (185 min support 97545 + 97546).
    await importLateEntry('late-entry-signed', true);
    const third = await findings('--decided');
    expect(third.findings.some((f) => f.id === target.id)).toBe(false);
    expect(
      third.findings.some((f) => f.rule === 'BILL-WC-TIME-UNITS' && f.dates.includes(DOS)),
    ).toBe(false);
    expect(third.resolved.map((r) => r.findingId)).toContain(target.id);
    // The unsigned entry is still not considered, but nothing leans on it now: a warning.
    const lateNow = (await findings()).findings.filter((f) => f.rule === 'DOC-LATE-ENTRY');
    expect(lateNow).toMatchObject([{ status: 'fail', severity: 'warning' }]);

    expect((await actions())[0]).toMatchObject({ findingId: target.id, status: 'resolved' });

    // A records request for the claim, dated before the signed entry was written: the entry is
    // still considered, but flagged as written after the request.
    const store = openDatabase(db);
    const claim = runReview(store, { asOf: AS_OF, audit: false })
      .models.flatMap((m) => m.claims)
      .find((c) => c.lines.some((l) => l.dos === DOS))!.claimId;
    store.close();
    const asked = await cli([
      'request',
      '--db',
      db,
      '--claim',
      claim,
      '--kind',
      'carrier',
      '--dated',
      '2026-09-12',
    ]);
    expect(asked.code, asked.err).toBe(0);
    const flagged = (await findings()).findings.filter((f) => f.rule === 'DOC-LATE-ENTRY');
    expect(flagged).toHaveLength(2);
    expect(flagged.find((f) => f.status === 'warn')?.message).toContain(
      `written after the carrier's records request dated 2026-09-12 for claim ${claim}`,
    );

    const verify = await cli(['audit-log', '--db', db, '--verify']);
    expect(verify.code, verify.out + verify.err).toBe(0);
  }, 120_000);
});
