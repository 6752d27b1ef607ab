import { describe, expect, it } from 'vitest';
import {
  readLedger,
  readLedgerBytes,
  type LedgerStats,
} from '../../src-main/core/ingest/ledger-csv';
import { ReaderError } from '../../src-main/core/ingest/errors';
import type { BillingLine } from '../../shared/model';

const enc = (s: string) => new TextEncoder().encode(s);

async function read(text: string) {
  const result = await readLedgerBytes(enc(text));
  if (result.kind !== 'ledger') throw new Error('not a ledger');
  return result;
}

async function rejection(text: string): Promise<ReaderError> {
  try {
    await readLedgerBytes(enc(text));
  } catch (err) {
    if (err instanceof ReaderError) return err;
    throw err;
  }
  throw new Error('expected the ledger to be rejected');
}

describe('readLedgerBytes', () => {
  it('reads a comma ledger with quoted commas, appended modifiers and a totals row', async () => {
    const csv = [
      'Patient Name,MRN,DOS,CPT Code,Units,Charge,Primary Insurance,Claim #,Rendering',
      '"DOE, JANE",A100,03/04/2026,97110-59,2,"$1,234.50",Acme WC,CLM-1,Roe PT',
      '"Doe, Jane",A100,3/5/26,97545 GP,,"(12.00)",Acme WC,CLM-1,Roe PT',
      '"Doe, Jane",A100,2026-03-06,97110:GP,1,45,Acme WC,CLM-2,',
      ',,,,,"$1,267.50",,,',
      'Grand Total,,,,,1267.50,,,',
    ].join('\n');
    const { lines, skippedRows } = await read(csv);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({
      source: 'ledger',
      line: 2,
      patientName: 'DOE, JANE',
      mrn: 'A100',
      dob: null,
      dos: '2026-03-04',
      code: '97110',
      modifiers: ['59'],
      units: 2,
      charge: 1234.5,
      payer: 'Acme WC',
      payerClass: null,
      claimId: 'CLM-1',
      provider: 'Roe PT',
    } satisfies BillingLine);
    expect(lines[1]).toMatchObject({
      dos: '2026-03-05',
      code: '97545',
      modifiers: ['GP'],
      units: 1,
      charge: -12,
    });
    expect(lines[2]).toMatchObject({
      dos: '2026-03-06',
      modifiers: ['GP'],
      claimId: 'CLM-2',
      provider: null,
    });
    expect(skippedRows.map((r) => r.line)).toEqual([5, 6]);
    expect(skippedRows[1]!.reason).toMatch(/total/i);
  });

  it('reads a semicolon ledger with BOM, decimal commas, dotted dates and Mod1..Mod4 columns', async () => {
    const csv =
      '\uFEFFLast Name;First Name;Acct #;Service Date;Proc Code;Mod1;Mod2;Mod3;Mod4;Qty;Fee;Carrier\r\n' +
      'MÜLLER;Anna;77;04.03.2026;97110;GP;59;;;2;1.234,50;AOK\r\n' +
      'Smith;Bob;78;05.03.2026;97530;;;;;1;95,00;AOK\r\n';
    const { lines, skippedRows } = await read(csv);
    expect(skippedRows).toEqual([]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      line: 2,
      patientName: 'MÜLLER, Anna',
      mrn: '77',
      dos: '2026-03-04',
      code: '97110',
      modifiers: ['GP', '59'],
      units: 2,
      charge: 1234.5,
      payer: 'AOK',
    });
    expect(lines[1]).toMatchObject({
      patientName: 'Smith, Bob',
      dos: '2026-03-05',
      modifiers: [],
      charge: 95,
    });
  });

  it('finds the header below a title line and lists blank lines as skipped', async () => {
    const csv = [
      'Billing Ledger - March 2026',
      '',
      'Client\tDate of Service\tHCPCS\tModifier(s)\tDays/Units\tAmount\tDOB',
      'ROE, RICHARD\t03/10/2026\tg0283\tgp\t1\t20\t01/02/1960',
      '',
      'ROE, RICHARD\t03/11/2026\t97140\t59 GP\t3\t$90.00\t01/02/1960',
      '',
    ].join('\n');
    const { lines, skippedRows } = await read(csv);
    expect(lines.map((l) => l.line)).toEqual([4, 6]);
    expect(lines[0]).toMatchObject({
      code: 'G0283',
      modifiers: ['GP'],
      dob: '1960-01-02',
      patientName: 'ROE, RICHARD',
    });
    expect(lines[1]).toMatchObject({ modifiers: ['59', 'GP'], units: 3, charge: 90 });
    expect(skippedRows).toEqual([{ line: 5, reason: 'blank line' }]);
  });

  it('sniffs a pipe delimiter and does not split a suffix that is not a modifier', async () => {
    const { lines } = await read(
      'Patient|DOS|CPT\nAnn Lee|1/2/99|97110-ABC\nAnn Lee|01/03/1999|97110 5\n',
    );
    expect(lines[0]).toMatchObject({ dos: '1999-01-02', code: '97110-ABC', modifiers: [] });
    expect(lines[1]).toMatchObject({ dos: '1999-01-03', code: '97110 5', modifiers: [] });
  });

  it("reads a hospital's UB-04 line listing: Serv Date, HCPCS/Rate, Serv Units, Pat Ctrl No", async () => {
    const csv = [
      'ACCOUNT NO,PAT CTRL NO,PATIENT NAME,MED REC NO,SERV DATE,REV CD,HCPCS/RATE,MOD1,SERV UNITS,TOTAL CHARGES',
      'V00500012345,V00500012345-01,"OSTROM,LENA",M000771204,03/10/2026,0430,97110,GO,2,180.00',
    ].join('\n');
    const { lines } = await read(csv);
    expect(lines[0]).toMatchObject({
      dos: '2026-03-10',
      code: '97110',
      modifiers: ['GO'],
      units: 2,
      charge: 180,
      mrn: 'M000771204',
      claimId: 'V00500012345-01',
    });
  });

  it('skips a decorated report total that sits in the patient column of a print spool', async () => {
    const csv = [
      '"ACCT","PATIENT","SVC DT","CPT","MOD1","MOD2","UNITS","CHARGE"',
      '"004486","BIGHORSE, TRAVIS","05-27-26","97546","GP","","1","80.00"',
      '"","*** REPORT TOTAL ***","","","","","52","7500.00"',
      '"","-- Page Total --","","","","","1","80.00"',
    ].join('\r\n');
    const { lines, skippedRows } = await read(csv);
    expect(lines.map((l) => [l.dos, l.code, l.units])).toEqual([['2026-05-27', '97546', 1]]);
    expect(skippedRows).toEqual([
      { line: 3, reason: 'total row "*** REPORT TOTAL ***"' },
      { line: 4, reason: 'total row "-- Page Total --"' },
    ]);
  });

  it('still rejects a patient row whose date is blank', async () => {
    const err = await rejection('Patient,DOS,CPT\n"Totalis, Ann",,97110\n');
    expect(err.message).toBe('line 2: date of service "" in column "DOS" is blank');
  });

  it('rejects a header it cannot map, listing the headers found and expected', async () => {
    const err = await rejection('Name,When,What\nA,03/04/2026,97110\n');
    expect(err.rejection.line).toBe(1);
    expect(err.message).toBe(
      'line 1: cannot find a date-of-service column; headers found: "Name", "When", "What"; ' +
        'expected one of: DOS, Date of Service, Service Date, Svc Date, Service Dt, Svc Dt, Date Svc, DOS From, From DOS, From Date, Date From, Service From, Service From Date, Service Start Date, Service Start, Start Date of Service, DOS Start, Serv Date, Serv Dt, Date of Svc, Visit Date, Appointment Date, Appt Date, Date of Appointment, Encounter Date',
    );
  });

  it('rejects a ledger with no patient column', async () => {
    const err = await rejection('DOS,CPT,Units\n03/04/2026,97110,1\n');
    expect(err.message).toMatch(
      /^line 1: cannot find a patient \(name or MRN\) column; headers found: "DOS", "CPT", "Units"/,
    );
  });

  it('rejects the whole file on an impossible date, naming the physical line, column and value', async () => {
    const csv = 'Title line\nPatient,DOS,CPT\nA,03/04/2026,97110\nB,13/45/2026,97110\n';
    const err = await rejection(csv);
    expect(err.rejection.line).toBe(4);
    expect(err.message).toBe(
      'line 4: date of service "13/45/2026" in column "DOS" is not a valid date',
    );
    await expect(readLedgerBytes(enc('Patient,DOS,CPT\nA,02/30/2026,97110\n'))).rejects.toThrow(
      /line 2: .*02\/30\/2026/,
    );
  });

  it('rejects bad units', async () => {
    const err = await rejection('Patient,DOS,CPT,Units\nA,03/04/2026,97110,two\n');
    expect(err.message).toBe('line 2: units "two" in column "Units" is not a whole number');
  });
});

describe('readLedger (streaming)', () => {
  it('streams chunks split mid-line and mid-CRLF and returns stats', async () => {
    const text =
      'Patient;DOS;CPT;Charge\r\nA;2026-03-04;97110;1.000,00\r\nB;2026-03-05;97112;50\r\nTotals:;;;1.050,00\r\n';
    const bytes = enc(text);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
    }
    const gen = readLedger(chunks());
    const lines: BillingLine[] = [];
    let stats: LedgerStats | undefined;
    for (;;) {
      const next = await gen.next();
      if (next.done) {
        stats = next.value;
        break;
      }
      lines.push(next.value);
    }
    expect(lines.map((l) => [l.line, l.code, l.charge])).toEqual([
      [2, '97110', 1000],
      [3, '97112', 50],
    ]);
    expect(stats).toEqual({
      rows: 2,
      delimiter: ';',
      skippedRows: [{ line: 4, reason: 'total row "Totals:"' }],
      // Said at import: what a review will take for granted about the missing columns.
      assumed: [
        'no units column found: each row counts as 1 unit',
        'no payer column found: the payer comes from remittances and the notes',
        'no modifier column found: lines are read without modifiers',
      ],
    });
  });

  it('streams a large ledger row by row', async () => {
    const rowCount = 20_000;
    async function* chunks() {
      yield 'Patient,DOS,CPT,Units\n';
      for (let i = 0; i < rowCount; i += 1000) {
        let block = '';
        for (let j = i; j < i + 1000; j++) block += `P${j},03/04/2026,97110,${(j % 4) + 1}\n`;
        yield block;
      }
    }
    let count = 0;
    let units = 0;
    for await (const line of readLedger(chunks())) {
      count++;
      units += line.units;
    }
    expect(count).toBe(rowCount);
    expect(units).toBe(50_000);
  });
});

describe('line numbers with quoted fields that span lines', () => {
  it('counts the physical lines inside a quoted field', async () => {
    const csv = [
      'Patient,DOS,CPT,Note',
      '"LEE, ANN",03/02/2026,97110,"first line',
      'second line',
      'third line"',
      '',
      '"LEE, ANN",03/03/2026,97140,plain',
    ].join('\n');
    const r = await read(csv + '\n');
    expect(r.lines.map((l) => l.line)).toEqual([2, 6]);
    expect(r.skippedRows).toEqual([{ line: 5, reason: 'blank line' }]);
  });

  it('names the right line for a bad row after a multi-line field', async () => {
    const csv = [
      'Patient,DOS,CPT,Note',
      '"LEE, ANN",03/02/2026,97110,"a',
      'b"',
      '"LEE, ANN",13/45/2026,97110,x',
    ].join('\n');
    const err = await rejection(csv);
    expect(err.rejection.line).toBe(4);
    expect(err.rejection.reason).toMatch(/^line 4: /);
  });

  it("reads a scheduling app's sales export: appointment date, patient number, products skipped", async () => {
    const csv = [
      'Invoice #,Invoice Date,Appointment Date,Patient,Patient #,Item,Billing Code,Modifiers,Units,Claim #',
      '3101,05/11/2026,05/04/2026,"Ostrander, Bea",2207,Follow-up 30,97110,GP,2,K-5520',
      '3102,05/11/2026,05/04/2026,"Ostrander, Bea",2207,Foam roller (retail),,,1,',
    ].join('\n');
    const { lines, skippedRows } = await read(csv);
    expect(lines.map((l) => [l.dos, l.patientName, l.mrn, l.code, l.claimId])).toEqual([
      ['2026-05-04', 'Ostrander, Bea', '2207', '97110', 'K-5520'],
    ]);
    expect(skippedRows).toEqual([
      { line: 3, reason: 'no procedure code: not a billed service (a product, fee or payment)' },
    ]);
  });

  it("skips a hospital claim's total line (revenue code 0001) under its services", async () => {
    const csv = [
      'Med Rec #,Patient Name,Rev Code,Rev Description,HCPCS,Service Date,Units,Total Charges',
      '00771,"PELLEGRIN, ODA",0430,OCCUPATIONAL THERAPY,97535,05/05/2026,2,210.00',
      '00771,"PELLEGRIN, ODA",0001,TOTAL CHARGES,,,,210.00',
    ].join('\n');
    const { lines, skippedRows } = await read(csv);
    expect(lines.map((l) => l.code)).toEqual(['97535']);
    expect(skippedRows.map((r) => r.line)).toEqual([3]);
  });

  it("reads a claim form export's headers with their box numbers ('DOS From (24A)', 'Units (24G)')", async () => {
    const csv = [
      'Patient Name (2),Patient DOB (3),DOS From (24A),DOS To (24A),CPT/HCPCS (24D),Mod 1,Units (24G),Charges (24F)',
      '"Ferreira, Lia",03/14/1962,02/03/2026,02/03/2026,97110,GP,2,120.00',
    ].join('\n');
    const { lines } = await read(csv);
    expect(lines.map((l) => [l.patientName, l.dos, l.code, l.units, l.modifiers])).toEqual([
      ['Ferreira, Lia', '2026-02-03', '97110', 2, ['GP']],
    ]);
  });
});

describe('a transaction detail report (round 46, c133, in other words)', () => {
  it('bills the charge rows only: payments, adjustments and write-offs posted to them bill nothing', async () => {
    const csv = [
      'DOS,Patient,Acct,Txn Type,CPT,Mod,Qty,Amt,Payer',
      '05/04/2026,"Ibarguen, Tomasa",7731,CHARGE,97110,GP,2,128.00,Medicare B',
      '05/04/2026,"Ibarguen, Tomasa",7731,PAYMENT - PRIMARY INS,97110,GP,,-71.40,Medicare B',
      '05/04/2026,"Ibarguen, Tomasa",7731,CONTRACTUAL WRITE OFF,97110,GP,,-41.20,Medicare B',
      '05/04/2026,"Ibarguen, Tomasa",7731,PATIENT PMT,97110,GP,,-15.40,Medicare B',
      '05/06/2026,"Ibarguen, Tomasa",7731,CHARGE,97112,GP,1,70.00,Medicare B',
    ].join('\n');
    const { lines, skippedRows } = await read(csv);
    expect(lines.map((l) => [l.dos, l.code, l.units])).toEqual([
      ['2026-05-04', '97110', 2],
      ['2026-05-06', '97112', 1],
    ]);
    expect(skippedRows.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(skippedRows[0]!.reason).toContain('PAYMENT - PRIMARY INS');
  });
});
