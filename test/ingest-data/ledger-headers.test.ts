/**
 * Ledger headers as billing systems export them: abbreviations ("Svc Date", "Fin Class"),
 * OpenEMR's "Code Type" beside "Code", the payer class apart from the payer name, and the
 * refusal (with headers found and expected) of a file that has no date, code or patient column.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  LEDGER_HEADER_SYNONYMS,
  mapLedgerHeaders,
  normalizeHeader,
  type LedgerField,
} from '../../src-main/core/ingest/csv-headers';
import { readLedgerBytes } from '../../src-main/core/ingest/ledger-csv';
import { ReaderError } from '../../src-main/core/ingest/errors';

const enc = (s: string) => new TextEncoder().encode(s);
const corpus = (path: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../corpus/${path}`, import.meta.url))));

async function read(bytes: Uint8Array) {
  const result = await readLedgerBytes(bytes);
  if (result.kind !== 'ledger') throw new Error('not a ledger');
  return result;
}

function fieldsOf(headers: string[]): Partial<Record<LedgerField, string>> {
  const { fields } = mapLedgerHeaders(headers);
  return Object.fromEntries(
    Object.entries(fields).map(([field, index]) => [field, headers[index!]]),
  ) as Partial<Record<LedgerField, string>>;
}

describe('ledger header synonyms', () => {
  it('reads the patient\'s account number as the chart\'s number ("Patient Acct #")', () => {
    expect(
      fieldsOf(['Encounter ID', 'Service Date', 'Patient Name', 'Patient Acct #', 'CPT']),
    ).toMatchObject({
      mrn: 'Patient Acct #',
    });
    expect(fieldsOf(['DOS', 'Pt Acct #', 'Patient', 'Code'])).toMatchObject({ mrn: 'Pt Acct #' });
  });

  it('maps the abbreviations billing systems export', () => {
    expect(
      fieldsOf([
        'Svc Date',
        'Pt ID',
        'Proc',
        'Mod 1',
        'Chg',
        'Ins Plan',
        'Fin Class',
        'Claim No',
        'Rendering Prov',
      ]),
    ).toMatchObject({
      dos: 'Svc Date',
      mrn: 'Pt ID',
      code: 'Proc',
      charge: 'Chg',
      payer: 'Ins Plan',
      payerClass: 'Fin Class',
      claim: 'Claim No',
      provider: 'Rendering Prov',
    });
    expect(
      fieldsOf(['Service Dt', 'Acct No', 'Procedure Code', 'Charge Amt', 'Plan', 'Invoice #']),
    ).toMatchObject({
      dos: 'Service Dt',
      mrn: 'Acct No',
      code: 'Procedure Code',
      charge: 'Charge Amt',
      payer: 'Plan',
      claim: 'Invoice #',
    });
    expect(
      fieldsOf(['DOS From', 'Chart No', 'CPT/HCPCS Code', 'Billed Amt', 'Primary Ins']),
    ).toMatchObject({
      dos: 'DOS From',
      mrn: 'Chart No',
      code: 'CPT/HCPCS Code',
      payer: 'Primary Ins',
    });
  });

  it("reads a practice-management invoice export's 'Billed To' as the payer", () => {
    expect(
      fieldsOf([
        'Invoice #',
        'Invoice Date',
        'Patient',
        'Service Date',
        'Billing Code',
        'Modifiers',
        'Units',
        'Fee',
        'Billed To',
        'Policy #',
        'Financial Class',
      ]),
    ).toMatchObject({
      dos: 'Service Date',
      code: 'Billing Code',
      payer: 'Billed To',
      payerClass: 'Financial Class',
    });
  });

  it('takes the payer class columns as the class, never as the payer name', () => {
    for (const header of [
      'Financial Class',
      'Fin Class',
      'Plan Type',
      'Insurance Type',
      'Ins Type',
      'Category',
      'Payer Type',
      'Coverage Type',
      // A booking system's invoice export: "Commercial – PPO".
      'Policy Type',
    ]) {
      expect(fieldsOf(['DOS', 'CPT', 'Patient', header]), header).toEqual({
        dos: 'DOS',
        code: 'CPT',
        patient: 'Patient',
        payerClass: header,
      });
    }
  });

  it('prefers the specific header of a field over a generic one, wherever it stands', () => {
    // "Code" and "Amount" are generic; "CPT" and "Fee" say what they hold. OpenEMR's "Billed" is a flag.
    expect(fieldsOf(['Code', 'Amount', 'DOS', 'CPT', 'Fee', 'Billed', 'Patient'])).toMatchObject({
      code: 'CPT',
      charge: 'Fee',
    });
    expect(fieldsOf(['Code Type', 'Code'])).toEqual({ codeType: 'Code Type', code: 'Code' });
    // The provider's bill number over a WC ledger's carrier claim number.
    expect(fieldsOf(['Claim No', 'Invoice'])).toMatchObject({ claim: 'Invoice' });
  });

  it('gives each normalized header one field', () => {
    const owner = new Map<string, LedgerField>();
    for (const [field, names] of Object.entries(LEDGER_HEADER_SYNONYMS) as Array<
      [LedgerField, readonly string[]]
    >) {
      for (const name of names) {
        const key = normalizeHeader(name);
        const before = owner.get(key);
        expect(before === undefined || before === field, `${name}: ${before} and ${field}`).toBe(
          true,
        );
        owner.set(key, field);
      }
    }
  });
});

describe('ledgers exported by billing systems', () => {
  it('imports a charge detail report with Svc Date, Mod 1/Mod 2, Primary Ins and Fin Class', async () => {
    const { lines, skippedRows } = await read(
      corpus(
        'c01-texas-soap-pdf/export/Billing/Charge_Detail_Report_WC_2026-03-01_to_2026-04-30.csv',
      ),
    );
    expect(lines.length).toBeGreaterThan(20);
    expect(lines[1]).toMatchObject({
      dos: '2026-03-09',
      code: '97545',
      modifiers: ['WC', 'CA'],
      payer: 'Texas Mutual Insurance Company',
      payerClass: 'Workers Comp',
      claimId: 'C26-10452',
    });
    expect(skippedRows.some((r) => /total/i.test(r.reason))).toBe(true);
  });

  it('imports an OpenEMR billing report: Code Type CPT4 rows are services, ICD10 rows are not', async () => {
    const { lines } = await read(
      corpus('c07-openemr-forms-ot/export/billing/openemr_billing_report_20260301-20260430.csv'),
    );
    expect(lines.length).toBeGreaterThan(20);
    expect(lines[0]).toMatchObject({
      dos: '2026-03-03',
      code: '97163',
      modifiers: ['GP'],
      charge: 245,
      payer: 'Heartland Health Plan',
      payerClass: 'Commercial',
      claimId: '2231-10452',
      mrn: '2231',
    });
    const csv = [
      'Pid,Patient Name,Service Date,Code Type,Code,Modifier,Units,Fee,Billed',
      '7,"DOE, JANE",03/03/2026,CPT4,97110,GP,2,90.00,Y',
      '7,"DOE, JANE",03/03/2026,ICD10,M54.50,,1,0.00,Y',
      '7,"DOE, JANE",03/03/2026,HCPCS,G0283,,1,20.00,Y',
    ].join('\n');
    const read2 = await read(enc(csv));
    expect(read2.lines.map((l) => l.code)).toEqual(['97110', 'G0283']);
    expect(read2.skippedRows).toEqual([{ line: 3, reason: 'diagnosis row (code type "ICD10")' }]);
  });

  it('still refuses a file with no mappable date column, naming headers found and expected', async () => {
    let err: unknown = null;
    try {
      await readLedgerBytes(enc('When,What,Who\n03/04/2026,97110,Doe\n'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReaderError);
    expect((err as Error).message).toMatch(
      /cannot find a date-of-service column; headers found: "When", "What", "Who"; expected one of: DOS, .*Svc Date/,
    );
  });
});

describe('allowed amount column', () => {
  it('reads the allowed amount a ledger carries, in the names billing systems give it', async () => {
    expect(fieldsOf(['DOS', 'CPT', 'Patient', 'Charge', 'Allowed Amt']).allowed).toBe(
      'Allowed Amt',
    );
    expect(fieldsOf(['DOS', 'CPT', 'Patient', 'Charge', 'Fee Schedule Allowed']).allowed).toBe(
      'Fee Schedule Allowed',
    );
    // Not named by a synonym: an allowed amount by the word in it.
    expect(fieldsOf(['DOS', 'CPT', 'Patient', 'Charges', 'Primary Ins Allowed $']).allowed).toBe(
      'Primary Ins Allowed $',
    );
    // A Raintree-style charge export with the contract's allowable beside the charge.
    const r = await read(
      enc(
        [
          'Patient,Svc Date,Proc Code,Mods,Units,Billed Amt,Contractual Allowable,Payer',
          '"Ostrowski, Lena",03/02/2026,97110,GP,2,180.00,61.20,Medicare Part B',
          '"Ostrowski, Lena",03/02/2026,97140,GP,1,95.00,,Medicare Part B',
        ].join('\n'),
      ),
    );
    expect(r.lines.map((l) => [l.charge, l.allowed])).toEqual([
      [180, 61.2],
      [95, null],
    ]);
  });

  it('does not take a write-off, allowed units or a count for the allowed amount', async () => {
    expect(
      fieldsOf(['DOS', 'CPT', 'Patient', 'Charge', 'Contractual Allowance', 'Visits Allowed'])
        .allowed,
    ).toBeUndefined();
    expect(fieldsOf(['DOS', 'CPT', 'Patient', 'Allowed Units']).allowed).toBeUndefined();
    const r = await read(enc('Patient,DOS,CPT,Charge\nRoe,03/02/2026,97110,90.00\n'));
    expect('allowed' in r.lines[0]!).toBe(false);
  });
});
