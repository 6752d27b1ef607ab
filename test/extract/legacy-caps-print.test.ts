/**
 * A legacy practice-management system's 80-column printout in capitals (first met in c73), written
 * here in another clinic's words: dates with no separators ("DOS 091426", "ESIGNED ... 091426
 * 1502"), the note's type in a "NOTE TYPE=" field two spaces after the visit number, fields padded
 * with dot leaders up to their colon, "RPT PERIOD", a letter recalling the prior authorization, and
 * a ledger's "** RPT TOTAL **" row. Cases that must not be read stand beside each.
 */
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src-main/core/parse/dates';
import { readLedgerBytes } from '../../src-main/core/ingest/ledger-csv';
import { factsOf, readText, values } from './helpers';

describe('dates with no separators', () => {
  it('are read under a date label or before a 24-hour time', () => {
    expect(findDates('DOS 091426   TIME=0900-0945').map((d) => d.iso)).toEqual(['2026-09-14']);
    expect(findDates('DOB.......: 072261').map((d) => d.iso)).toEqual(['1961-07-22']);
    expect(findDates('ESIGNED BY: PRZYBYL,ANKA OTR/L 091426 1502').map((d) => d.iso)).toEqual([
      '2026-09-14',
    ]);
  });

  it('are not read from account, claim or order numbers', () => {
    for (const t of ['ACCT#...: 0063318', 'CLM# 6331809142', 'ORDER#..: 260914', 'REF 091426'])
      expect(findDates(t)).toEqual([]);
  });
});

const note = (visitLine: string) =>
  [
    'LAKESIDE ORTHO GROUP                                          PMS/OT  RPT OTN210',
    'HAND CLINIC                                                   PRT 11/20/26  PAGE 1',
    '================================================================================',
    'PATIENT.....: PRZYBYL,TOMAS J             ACCT#...: 0063318',
    'THERAPIST...: PRZYBYL,ANKA OTR/L',
    visitLine,
    '================================================================================',
    '**SUBJ**',
    'PT REPORTS PAIN 3/10 L THUMB.',
    '**PLAN**',
    'CONT POC 2X/WK.',
    'ESIGNED BY: PRZYBYL,ANKA OTR/L 091426 1502',
  ].join('\n');

describe('a legacy note header', () => {
  it("takes its type from the NOTE TYPE= field, two spaces or more after the visit's number", () => {
    for (const line of [
      'DOS 091426   TIME=0900-0945   VISIT# 4   NOTE TYPE=OT TX NOTE',
      'DOS 091426   TIME=0900-0945   VISIT# 14  NOTE TYPE=OT TX NOTE',
    ]) {
      const [doc] = readText(note(line));
      expect(doc?.type).toBe('daily-note');
      expect(values(doc, 'date-of-service')).toEqual(['2026-09-14']);
      expect(values(doc, 'signed-date')).toEqual(['2026-09-14']);
    }
  });
});

describe('a legacy plan', () => {
  const plan = [
    'OT PLAN OF CARE',
    'PATIENT.....: PRZYBYL,TOMAS J',
    'DOS 090126',
    'GOALS',
    'LTG1 PINCH 8 LB L BY 10/30/26',
    'LTG2 OPEN JARS INDEP BY 10/30/26',
    'POC SENT TO.......: OKONJO,ADA MD VIA PMS ROUTING 090126 1131',
    'RPT PERIOD..: 09/01/26 - 09/30/26',
  ].join('\n');

  it('ends its goals at a field padded up to its colon', () => {
    expect(factsOf(readText(plan)[0], 'goal-long')).toHaveLength(2);
  });

  it('reads "RPT PERIOD" as the reporting period', () => {
    const [doc] = readText(plan);
    expect(values(doc, 'report-period-start')).toEqual(['2026-09-01']);
    expect(values(doc, 'report-period-end')).toEqual(['2026-09-30']);
  });
});

describe('an approval letter that recalls the prior authorization', () => {
  it("reads this approval's number and dates, not the prior one's", () => {
    const [doc] = readText(
      [
        'NOTICE OF APPROVAL - CONTINUED OUTPATIENT THERAPY',
        'Member name:\tTomas Przybyl',
        'Prior authorization:\tUM-2609-1111 (10 visits, 09/01/2026 - 09/30/2026)',
        'Authorization number:\tUM-2610-2222',
        'Visits approved:\t6 additional visits',
        'Approved dates:\t10/05/2026 through 11/13/2026',
      ].join('\n'),
    );
    expect(doc?.type).toBe('authorization');
    expect(values(doc, 'auth-number')).toEqual(['UM-2610-2222']);
    expect(values(doc, 'auth-start')).toEqual(['2026-10-05']);
    expect(values(doc, 'auth-end')).toEqual(['2026-11-13']);
    expect(values(doc, 'auth-visits')).toEqual(['6']);
  });
});

describe("a ledger's decorated total row", () => {
  it('is skipped, not refused as a line with no date', async () => {
    const csv = [
      'ACCT#,PT NAME,SVC DT,PROC,QTY,CHG AMT,FIN CLS',
      '0063318,"PRZYBYL,TOMAS J",09/14/26,97110,2,140.00,COMMERCIAL PPO',
      ',** RPT TOTAL **,,,,140.00,',
    ].join('\r\n');
    const result = await readLedgerBytes(new TextEncoder().encode(csv));
    expect(result.kind).toBe('ledger');
    if (result.kind === 'ledger') expect(result.lines).toHaveLength(1);
  });
});
