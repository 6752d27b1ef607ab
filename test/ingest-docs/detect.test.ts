import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectKind, isJunkPath } from '../../src-main/core/ingest/detect';

const utf8 = (s: string) => new TextEncoder().encode(s);
const DATA_835 = '/work/shared/data/x12-835';

describe('detectKind', () => {
  it('detects PDFs by signature, even misnamed or with bytes before the header', () => {
    expect(detectKind('note.pdf', utf8('%PDF-1.7\n...'))).toBe('pdf');
    expect(detectKind('scan', utf8('\n\n  junk %PDF-1.4\n'))).toBe('pdf');
    expect(detectKind('note.pdf', utf8(' '.repeat(1100) + '%PDF-1.4'))).toBe('unknown');
  });

  it('detects zips by signature', () => {
    expect(detectKind('chart.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0]))).toBe('zip');
    expect(detectKind('chart.zip', utf8('not a zip'))).toBe('unknown');
  });

  it('detects an 835 by its ISA segment whatever the extension', () => {
    const isa =
      'ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *260304*1200*^*00501*000000001*0*P*:~';
    for (const name of ['remit.835', 'remit.edi', 'remit.dat', 'remit.txt', 'remit.x12', 'remit']) {
      expect(detectKind(name, utf8(isa))).toBe('remit');
    }
    expect(detectKind('remit.txt', utf8('\ufeff\r\n  ' + isa.replace(/\*/g, '|')))).toBe('remit');
  });

  it('detects every real 835 sample as a remit', () => {
    const files = readdirSync(DATA_835).filter((f) => /\.(txt|dat)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const head = readFileSync(join(DATA_835, f)).subarray(0, 4096);
      expect(detectKind(f, head), f).toBe('remit');
    }
  });

  it('does not take a note that starts with "ISA..." for an 835', () => {
    expect(detectKind('note.txt', utf8('ISAAC, JOHN\nDaily Note'))).toBe('txt');
  });

  it('detects FHIR JSON by resourceType', () => {
    expect(
      detectKind('bundle.json', utf8('{\n  "resourceType": "Bundle",\n  "type": "collection"')),
    ).toBe('fhir');
    expect(detectKind('export.dat', utf8('{"resourceType":"Bundle"}'))).toBe('fhir');
    expect(detectKind('settings.cfg', utf8('{"theme":"dark"}'))).toBe('unknown');
  });

  it('detects ledgers by extension or by a delimited header line', () => {
    expect(detectKind('ledger.csv', utf8('anything'))).toBe('ledger');
    expect(detectKind('ledger.TSV', utf8('a\tb'))).toBe('ledger');
    expect(detectKind('export.dat', utf8('Patient Name;DOS;CPT Code;Units;Charge\n'))).toBe(
      'ledger',
    );
    expect(
      detectKind('ledger.txt', utf8('Patient\tDOS\tCPT\tMod1\r\nDOE, JANE\t3/4/26\t97545\t\r\n')),
    ).toBe('ledger');
    expect(
      detectKind(
        'ledger.txt',
        utf8('"Pt Name","Acct #","Date of Service","Proc Code"\n"Doe, Jane",1,2,3\n'),
      ),
    ).toBe('ledger');
  });

  it('keeps text notes that merely contain commas as notes', () => {
    expect(detectKind('note.txt', utf8('Smith, John, DOB 01/02/1960\nDaily Note\n'))).toBe('txt');
    expect(detectKind('note.txt', utf8('Patient, Visit, Note\nSubjective: pain 3/10'))).toBe('txt');
  });

  it('detects HTML by content or by extension', () => {
    expect(detectKind('note.txt', utf8('<!DOCTYPE html><html><body>x</body></html>'))).toBe('html');
    expect(detectKind('note', utf8('\ufeff<HTML>\n<body>x</body>'))).toBe('html');
    expect(detectKind('note.htm', utf8('<p>Daily note</p>'))).toBe('html');
  });

  it('detects plain text notes by extension and refuses what it does not know', () => {
    expect(detectKind('note.TXT', utf8('Daily Note\nDOS 3/4/26'))).toBe('txt');
    expect(detectKind('note.text', utf8('Daily Note'))).toBe('txt');
    expect(detectKind('note.docx', utf8('Daily Note'))).toBe('unknown');
    expect(detectKind('README', utf8('Daily Note'))).toBe('unknown');
    // Content decides: PNG bytes are an image (read by OCR), whatever the name says.
    expect(detectKind('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toBe(
      'image',
    );
    expect(detectKind('scan.tif', new Uint8Array([0, 1, 2, 3, 0, 5]))).toBe('image');
    expect(detectKind('blob.bin', new Uint8Array([0, 1, 2, 3, 0, 5]))).toBe('unknown');
  });
});

describe('isJunkPath', () => {
  it('flags OS clutter anywhere in a path', () => {
    for (const p of [
      '.DS_Store',
      'patients/doe/.DS_Store',
      'Thumbs.db',
      'scans/thumbs.DB',
      '__MACOSX/notes/a.pdf',
      'chart.zip/__MACOSX/._a.pdf',
      'notes/desktop.ini',
      'ledger/~$billing.xlsx',
      'notes/._eval.pdf',
    ]) {
      expect(isJunkPath(p), p).toBe(true);
    }
  });

  it('drops the support files Word saves beside a web page, and nothing else in such a folder', () => {
    for (const p of [
      'export/Daily Note 3-10-26_files/filelist.xml',
      'export/Daily Note 3-10-26_files/colorschememapping.xml',
      'Befund 3-10-26-Dateien/themedata.thmx',
      'Eval_files/image001.png',
    ])
      expect(isJunkPath(p), p).toBe(true);
    for (const p of [
      'patient_files/2026-03-10 note.pdf',
      'patient_files/scan0001.png',
      'Eval_files.pdf',
      'filelist.xml',
    ])
      expect(isJunkPath(p), p).toBe(false);
  });

  it('keeps real files, including names that only look similar', () => {
    for (const p of ['notes/eval.pdf', 'MACOSX/a.pdf', 'thumbs.db.pdf', 'a~$b.txt', 'ledger.csv']) {
      expect(isJunkPath(p), p).toBe(false);
    }
  });
});
