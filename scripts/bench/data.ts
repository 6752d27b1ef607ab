/** Synthetic benchmark inputs: note PDFs and ledger rows, generated deterministically. */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const FIRST = [
  'Maria',
  'James',
  'Linda',
  'Robert',
  'Ana',
  'Kevin',
  'Grace',
  'Omar',
  'Lucy',
  'Paul',
];
const LAST = [
  'Alvarez',
  'Okafor',
  'Nguyen',
  'Chen',
  'Silva',
  'Brooks',
  'Patel',
  'Moreau',
  'Kim',
  'Ross',
];

export function patientName(i: number): { last: string; first: string } {
  return {
    last: `${LAST[i % LAST.length]}${Math.floor(i / 100)}`,
    first: FIRST[Math.floor(i / 10) % FIRST.length]!,
  };
}

export function isoDate(dayOffset: number): string {
  const d = new Date(Date.UTC(2026, 0, 5));
  d.setUTCDate(d.getUTCDate() + dayOffset);
  return d.toISOString().slice(0, 10);
}

function usDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

/** A daily work-conditioning note, the commonest document in a chart export. */
export function noteLines(i: number): string[] {
  const p = patientName(i % 500);
  const date = usDate(isoDate(i % 200));
  const lines = [
    'Work Conditioning Daily Note',
    `Patient: ${p.last}, ${p.first}    DOB: 04/12/1979    MRN: ${100000 + (i % 500)}`,
    "Payer: Midwest Workers' Compensation Insurance Co.",
    `Date of Service: ${date}    Visit ${(i % 10) + 1} of 10`,
    'Time In: 8:00 AM    Time Out: 11:05 AM    Total Treatment Time: 185 min',
    "Subjective: Patient reports low back soreness 3/10 after yesterday's session.",
    'Objective:',
  ];
  for (let k = 0; k < 14; k++) {
    lines.push(
      `  ${k + 1}. Floor-to-waist lift ${20 + k * 2} lb x 10 reps, rest 60 s; carry 50 ft x 4`,
    );
  }
  lines.push('Vitals: BP 128/82  HR 88 bpm  SpO2 98%  RPE 13');
  lines.push('Assessment: Tolerated program well; lifting capacity improving toward medium PDL.');
  lines.push('Plan: Continue work conditioning 5x/week; progress loads per protocol.');
  lines.push('CPT: 97545 x1, 97546 x1');
  lines.push(`Electronically signed by Jane Roe, PT, DPT on ${date} 14:22`);
  return lines;
}

export async function writeNotePdfs(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const lines = noteLines(i);
    // Every fifth note runs to a second page, as long notes do.
    const pages = i % 5 === 0 ? 2 : 1;
    for (let pg = 0; pg < pages; pg++) {
      const page = doc.addPage([612, 792]);
      lines.forEach((text, n) =>
        page.drawText(pg === 0 ? text : `(continued) ${text}`, {
          x: 50,
          y: 740 - n * 16,
          size: 10,
          font,
        }),
      );
    }
    doc.setCreationDate(new Date(Date.UTC(2026, 0, 1)));
    doc.setModificationDate(new Date(Date.UTC(2026, 0, 1)));
    await writeFile(join(dir, `note-${String(i).padStart(5, '0')}.pdf`), await doc.save());
  }
}

export interface LedgerRowValues {
  name: string;
  mrn: string;
  dos: string;
  code: string;
  modifiers: string[];
  units: number;
  charge: number;
  payer: string;
  claim: string;
  provider: string;
}

const CODES: Array<[string, string[], number]> = [
  ['97545', ['GP'], 1],
  ['97546', ['GP'], 1],
  ['97110', ['GP', '59'], 2],
  ['97530', ['GP'], 1],
];

export function ledgerRow(i: number): LedgerRowValues {
  const patient = i % 50_000;
  const p = patientName(patient);
  const [code, modifiers, units] = CODES[i % CODES.length]!;
  return {
    name: `${p.last.toUpperCase()}, ${p.first.toUpperCase()}`,
    mrn: String(200000 + patient),
    dos: isoDate(Math.floor(i / 50_000) % 300),
    code,
    modifiers,
    units,
    charge: 125 * units,
    payer: "Midwest Workers' Compensation Insurance Co.",
    claim: `CLM-${patient}-${Math.floor(i / 250_000)}`,
    provider: 'Jane Roe PT',
  };
}

export async function writeLedger(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(
    'Patient Name,Acct #,DOS,CPT,Mod1,Mod2,Units,Charge,Primary Insurance,Claim #,Rendering Provider\n',
  );
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const r = ledgerRow(i);
    buf += `"${r.name}",${r.mrn},${usDate(r.dos)},${r.code},${r.modifiers[0] ?? ''},${r.modifiers[1] ?? ''},${r.units},"$${r.charge.toFixed(2)}","${r.payer}",${r.claim},${r.provider}\n`;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}
