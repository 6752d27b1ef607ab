import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRemit } from '../../src-main/core/ingest/x12-835';
import { ReaderError } from '../../src-main/core/ingest/errors';
import type { Remit } from '../../shared/model';

const fixture = (name: string) =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../fixtures/x12-835/${name}`, import.meta.url))),
  );

function remitOf(bytes: Uint8Array): Remit {
  const result = readRemit(bytes);
  if (result.kind !== 'remit') throw new Error('not a remit');
  return result.remit;
}

function rejectionOf(bytes: Uint8Array): ReaderError {
  try {
    readRemit(bytes);
  } catch (err) {
    if (err instanceof ReaderError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('readRemit on the OopFactory sample files', () => {
  it('5010 Example1: header, HC composites with modifiers, CAS triplets, reversals, PLB', () => {
    const remit = remitOf(fixture('oopfactory-5010-Example1.txt'));
    expect(remit).toMatchObject({
      version: '5010',
      payerName: 'ASHTABULA COUNTY ADAMH BD',
      payeeName: 'LAKE AREA RECOVERY CENTER',
      paymentDate: '2004-03-15',
      checkNumber: 'A04B001017.07504',
    });
    expect(remit.claims.map((c) => c.claimId)).toEqual([
      '444444',
      '999999',
      '888888',
      '111111',
      '121212',
      '333333',
      '777777',
      '123456',
      '090909',
      '090909',
    ]);
    const first = remit.claims[0]!;
    expect(first).toMatchObject({
      status: '1',
      charge: 56.7,
      paid: 56.52,
      payerClaimNumber: '0000000655555555',
      patientName: 'FUDD, ELMER',
      memberId: '1333333',
      segment: 15,
      // CLP06: MC, Medicaid (a county behavioral health board's remit).
      filingIndicator: 'MC',
    });
    expect(first.services[0]).toEqual({
      code: 'H0005',
      modifiers: ['HF', 'H9'],
      charge: 56.7,
      paid: 56.52,
      units: 6,
      dos: '2004-02-05',
      adjustments: [{ group: 'CO', carc: '42', amount: 0.18, units: 0 }],
      remarks: [],
      segment: 19,
    });
    // CAS with two triplets in one segment.
    expect(remit.claims[2]!.services[0]!.adjustments).toEqual([
      { group: 'CO', carc: '29', amount: 162.13, units: 0 },
      { group: 'CO', carc: '42', amount: 0, units: 0 },
    ]);
    expect(remit.claims[1]!.services[0]).toMatchObject({ code: 'M2200', modifiers: ['HE'] });
    expect(remit.claims[6]!.services[0]!.modifiers).toEqual(['HF', '99', 'H9']);
    // Reversal: status 22 with negative charge, paid and units.
    const reversal = remit.claims[7]!;
    expect(reversal).toMatchObject({
      status: '22',
      charge: -42.58,
      paid: -42.58,
      patientName: 'SIMPSON, HOMER',
    });
    expect(reversal.services[0]).toMatchObject({
      code: 'H0036',
      modifiers: ['GT', 'UK'],
      units: -2,
    });
    expect(reversal.services[0]!.adjustments.map((a) => `${a.group}-${a.carc}`)).toEqual([
      'CR-141',
      'CR-42',
      'CR-22',
      'OA-141',
    ]);
    // DTM*150 service period start stands in for a missing DTM*472; LQ*HE remark.
    expect(remit.claims[8]!.services[0]).toMatchObject({ dos: '2004-02-10', remarks: ['MA92'] });
  });

  it('5010 ExampleFromNth: three interchanges, denials, RARC remarks, claim dates', () => {
    const remit = remitOf(fixture('oopfactory-5010-ExampleFromNth.txt'));
    expect(remit.version).toBe('005010X221A1');
    expect(remit.paymentDate).toBe('2012-02-01');
    expect(remit.payeeName).toBe('XXX,XXXXXXXX'); // the first transaction's payee
    expect(remit.claims).toHaveLength(56);
    const carcs = new Set(
      remit.claims.flatMap((c) => c.services.flatMap((s) => s.adjustments.map((a) => a.carc))),
    );
    for (const code of ['24', '204', '16', '23', '165', '45']) expect(carcs).toContain(code);
    const first = remit.claims[0]!;
    expect(first).toMatchObject({
      claimId: '9999999999-999',
      status: '4',
      periodStart: '2012-01-16',
      periodEnd: '2012-01-16',
      patientName: 'DAK, XXXXXXX',
      segment: 18,
    });
    // `>` is the component separator in this file.
    expect(first.services.map((s) => s.code)).toEqual(['99999', '90716']);
    expect(first.services[0]).toMatchObject({ dos: '2012-01-16', remarks: ['N1'], units: 9.999 });
    expect(remit.claims[2]!.services[0]!.modifiers).toEqual(['XX']);
    // Claims from the second and third interchange are collected too.
    expect(remit.claims.filter((c) => c.segment > 291).length).toBeGreaterThan(20);
    const denied165 = remit.claims.find((c) =>
      c.services.some((s) => s.adjustments.some((a) => a.carc === '165')),
    );
    expect(denied165).toMatchObject({ status: '4', periodStart: '2011-08-25' });
    expect(denied165!.services[0]!.remarks).toEqual(['N1', 'X999']);
  });

  it('reads 4010 files, whose 835 layout matches for the segments used', () => {
    const grip = remitOf(fixture('oopfactory-4010-Example1_GripElements.txt'));
    expect(grip.version).toBe('004010X091A1');
    expect(grip.claims).toHaveLength(9);
    const big = remitOf(fixture('oopfactory-4010-FromNth-835_DeIdent_01.dat'));
    expect(big.claims).toHaveLength(96);
    expect(big.paymentDate).toBe('2011-05-03');
    expect(big.claims[0]!.services).toHaveLength(6);
    expect(big.claims[0]!.services[0]!.adjustments).toEqual([
      { group: 'PR', carc: '16', amount: 215, units: null },
    ]);
    expect(big.claims[2]!.memberId).toBe('99999999999'); // NM1*IL wins over NM1*QC
  });
});

describe('readRemit rejections', () => {
  const example = new TextDecoder().decode(fixture('oopfactory-5010-Example1.txt'));

  it('rejects a file cut off before SE, naming the open ST segment', () => {
    const cut = example.slice(0, example.indexOf('CLP*123456'));
    const err = rejectionOf(enc(cut));
    expect(err.rejection.line).toBe(3);
    expect(err.message).toBe('segment 3: ST has no matching SE (file truncated?)');
  });

  it('rejects a file missing IEA', () => {
    const cut = example.slice(0, example.indexOf('IEA*'));
    expect(rejectionOf(enc(cut)).message).toMatch(/^segment 1: ISA has no matching IEA/);
  });

  it('rejects a short ISA and a file with no ISA', () => {
    expect(rejectionOf(enc('ISA*00*   *00*~')).message).toMatch(
      /^segment 1: ISA is 15 characters long; it must be 106/,
    );
    expect(rejectionOf(enc('GS*HP*A*B~ST*835*1~')).message).toMatch(
      /does not start with an ISA segment/,
    );
  });

  it('reads an ISA whose ids are padded one space too many, and still refuses a broken one', () => {
    const lines = example.split('~');
    const isa = lines[0]!.split('*');
    isa[8] = `${isa[8]!} `; // ISA08 sixteen characters wide
    const misPadded = [isa.join('*'), ...lines.slice(1)].join('~');
    expect(remitOf(enc(misPadded)).claims.length).toBe(remitOf(enc(example)).claims.length);
    expect(
      rejectionOf(enc('ISA*00*   *00*   *ZZ*A*ZZ*B*260708*0915*^*00501*1*0*P*:' + ' '.repeat(60)))
        .message,
    ).toMatch(/^segment 1: ISA is not the fixed-width 106-character header/);
  });

  it('rejects a transaction that is not an 835', () => {
    const other = example.replace('ST*835*07504123', 'ST*837*07504123');
    expect(rejectionOf(enc(other)).message).toBe(
      'segment 3: transaction set 837 is not an 835 remittance',
    );
  });

  it('honours non-default separators and a single-line file', () => {
    const isa =
      'ISA|00|          |00|          |ZZ|SENDER         |ZZ|RECEIVER       |260304|1200|^|00501|000000001|0|P|}!';
    const body = [
      'GS|HP|S|R|20260304|1200|1|X|005010X221A1',
      'ST|835|0001',
      'BPR|I|100|C|ACH|CTX|||||||||||20260305',
      'TRN|1|CHK42|1',
      'N1|PR|WC MUTUAL',
      'N1|PE|CITY PT',
      'LX|1',
      'CLP|CLM-9|4|200|0|0|WC|ICN9',
      'NM1|QC|1|ROE|RICHARD',
      'DTM|232|20260301',
      'CAS|CO|50|200',
      'SVC|HC}97545}GP}59|200|0||2',
      'DTM|472||||RD8|20260302-20260303',
      'SVC|HC}97546}GP|50|0',
      'SE|14|0001',
      'GE|1|1',
      'IEA|1|000000001',
    ].join('!');
    const remit = remitOf(enc(isa + body + '!'));
    expect(remit.checkNumber).toBe('CHK42');
    expect(remit.paymentDate).toBe('2026-03-05');
    const claim = remit.claims[0]!;
    expect(claim.adjustments).toEqual([{ group: 'CO', carc: '50', amount: 200, units: null }]);
    expect(claim.services[0]).toMatchObject({
      code: '97545',
      modifiers: ['GP', '59'],
      units: 2,
      dos: '2026-03-02',
    });
    // No DTM*472 on the second line: falls back to the claim statement date; units default to 1.
    expect(claim.services[1]).toMatchObject({ code: '97546', units: 1, dos: '2026-03-01' });
  });
});
