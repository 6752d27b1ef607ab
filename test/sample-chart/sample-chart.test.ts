import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { writeSampleChart } from '../../scripts/make-sample-chart';

const ASSETS = resolve(__dirname, '../../assets/sample-chart');

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
  }
  return out.sort();
}

async function pdfPages(data: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const tc = await (await doc.getPage(i)).getTextContent();
    // pdf.js splits Courier words into items: rebuild lines from hasEOL, collapse runs of spaces
    const text = tc.items
      .map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : ''))
      .join('');
    pages.push(text.replace(/[ \t]+/g, ' '));
  }
  await doc.destroy();
  return pages;
}

const read = (rel: string) => readFile(join(ASSETS, rel));

let tmp = '';
let written: string[] = [];
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'sample-chart-'));
  written = await writeSampleChart(tmp);
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('sample chart generator', () => {
  it('regenerates the committed assets byte for byte', async () => {
    expect(await listFiles(ASSETS)).toEqual(written);
    for (const rel of written) {
      const a = await read(rel);
      const b = await readFile(join(tmp, rel));
      expect(Buffer.compare(a, b), rel).toBe(0);
    }
  });

  it('PDFs open with pdf.js and carry the expected text; the scan has none', async () => {
    const pdfs = written.filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(20);
    for (const rel of pdfs) {
      const pages = await pdfPages(await read(rel));
      expect(pages.length, rel).toBeGreaterThan(0);
      const text = pages.join('\n');
      if (rel.endsWith('fax_scan_referral.pdf')) {
        expect(pages).toHaveLength(1);
        expect(text.trim()).toBe('');
        continue;
      }
      expect(text, rel).toMatch(/Riverbend|RIVERBEND/);
      if (rel.startsWith('alvarez')) {
        expect(pages, rel).toHaveLength(rel.includes('evaluation') ? pages.length : 1);
        expect(text, rel).toContain('Alvarez, Maria');
      }
      if (rel.startsWith('chen')) expect(text, rel).toContain('Chen, Robert');
    }
  });

  it('Okafor printed chart: running header on every page, blank signature on 10/8', async () => {
    const pages = await pdfPages(await read('okafor-james/okafor_james_chart.pdf'));
    expect(pages.length).toBe(22);
    pages.forEach((t, i) =>
      expect(t).toContain(`OKAFOR, JAMES Acct 200871 Printed 11/13/2026 Page ${i + 1} of 22`),
    );
    const unsigned = pages.filter((t) => t.includes('Therapist signature: ________'));
    expect(unsigned).toHaveLength(1);
    expect(unsigned[0]).toContain('DOS 10/8/26');
    expect(pages.filter((t) => /Signed: T\. Brooks PT \d/.test(t)).length).toBeGreaterThan(10);
  });

  it('835 files: ISA is 106 chars and SE/GE/IEA counts match', async () => {
    for (const rel of written.filter((f) => f.startsWith('remits/'))) {
      const raw = (await read(rel)).toString('latin1');
      const el = raw[3] ?? '';
      const segTerm = raw[105] ?? '';
      expect(raw.indexOf(segTerm), rel).toBe(105);
      const segs = raw
        .split(segTerm)
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .map((s) => s.split(el));
      let stStart = -1;
      let stCount = 0;
      let gsCount = 0;
      for (const [i, s] of segs.entries()) {
        if (s[0] === 'GS') gsCount++;
        if (s[0] === 'ST') {
          stStart = i;
          stCount++;
        }
        if (s[0] === 'SE') expect(Number(s[1]), `${rel} SE at ${i}`).toBe(i - stStart + 1);
        if (s[0] === 'GE') expect(Number(s[1]), rel).toBe(stCount);
        if (s[0] === 'IEA') expect(Number(s[1]), rel).toBe(gsCount);
      }
      expect(stCount, rel).toBeGreaterThan(0);
      expect(
        segs.filter((s) => s[0] === 'CLP').every((s) => /^RB26-\d{4}-[A-Z]{3}$/.test(s[1] ?? '')),
      ).toBe(true);
    }
    const mw = (await read('remits/midwest_wc_835.edi')).toString();
    expect(mw).toMatch(/CLP\*RB26-0921-ALV\*4\*/);
    const gl = (await read('remits/greatlakes_835.txt')).toString();
    expect(gl).toMatch(/SVC\|HC\^97546\|180\|0\|\|1!\nDTM\|472\|20261014!\nCAS\|CO\|97\|180!/);
  });

  it('ledger lines match the notes billing blocks except where the defects say otherwise', async () => {
    const csv = (await read('billing/ledger.csv')).toString();
    const ledger = new Map<string, string[]>();
    for (const row of csv.split('\r\n').slice(1)) {
      const m = /^"([A-Z]+), [A-Z]+",(\d+),(\d\d)\/(\d\d)\/(\d{4}),(\d{5}),(\w*),(\w*),(\d+),/.exec(
        row,
      );
      if (!m) continue;
      const key = `${m[1]} ${m[5]}-${m[3]}-${m[4]}`;
      const mods = [m[7], m[8]]
        .filter((x) => x)
        .map((x) => `-${x}`)
        .join('');
      ledger.set(key, [...(ledger.get(key) ?? []), `${m[6]}${mods}:${m[9]}`].sort());
    }
    expect(csv.endsWith('\r\n\r\n')).toBe(true);
    expect(csv).toMatch(/\r\nTotal,/);

    const notes = new Map<string, string[]>();
    const put = (key: string, code: string) =>
      notes.set(key, [...(notes.get(key) ?? []), code].sort());
    // Alvarez: one PDF per note
    for (const rel of written.filter((f) =>
      /^alvarez-maria\/.*(daily-note|evaluation)\.pdf$/.test(f),
    )) {
      const text = (await pdfPages(await read(rel))).join('\n');
      for (const m of text.matchAll(/CPT (\d{5}(?:-\w\w)*) .*Units: (\d+)/g))
        put(`ALVAREZ ${rel.slice(14, 24)}`, `${m[1]}:${m[2]}`);
    }
    // Okafor: split the printed chart by note start (each note starts on a new page)
    let dos = '';
    for (const t of await pdfPages(await read('okafor-james/okafor_james_chart.pdf'))) {
      const d = /DOS (\d+)\/(\d+)\/26/.exec(t);
      if (d) dos = `2026-${d[1]?.padStart(2, '0')}-${d[2]?.padStart(2, '0')}`;
      for (const m of t.matchAll(/^(\d{5}(?:-\w\w)*) [A-Z ,0-9]+ X(\d+)$/gm))
        put(`OKAFOR ${dos}`, `${m[1]}:${m[2]}`);
    }
    // Nguyen: text notes
    for (const rel of written.filter((f) => f.startsWith('nguyen-linda/') && f.endsWith('.txt'))) {
      const text = (await read(rel)).toString();
      for (const m of text.matchAll(/Procedure (\d{5}(?:-\w\w)*) .*\((\d+) units?\)/g))
        put(`NGUYEN ${rel.slice(13, 23)}`, `${m[1]}:${m[2]}`);
    }
    // Chen: FHIR DocumentReferences (text/plain and one PDF) plus the evaluation PDF
    const bundle = JSON.parse(
      (await read('chen-robert/chen_robert_fhir_bundle.json')).toString(),
    ) as {
      type: string;
      entry: Array<{
        resource: {
          resourceType: string;
          context?: { period?: { start?: string } };
          content?: Array<{ attachment: { contentType: string; data: string } }>;
        };
      }>;
    };
    expect(bundle.type).toBe('collection');
    let pdfCount = 0;
    for (const { resource: r } of bundle.entry) {
      if (r.resourceType !== 'DocumentReference') continue;
      const att = r.content?.[0]?.attachment;
      const day = r.context?.period?.start?.slice(0, 10) ?? '';
      if (!att) continue;
      const bytes = Buffer.from(att.data, 'base64');
      let text = '';
      if (att.contentType === 'application/pdf') {
        pdfCount++;
        text = (await pdfPages(bytes)).join('\n');
      } else text = bytes.toString('utf8');
      for (const m of text.matchAll(/^(\d{5}(?:-\w\w)*) x(\d+)$/gm))
        put(`CHEN ${day}`, `${m[1]}:${m[2]}`);
    }
    expect(pdfCount).toBe(1);
    const evalText = (
      await pdfPages(await read('chen-robert/2026-08-03_PT_Evaluation_POC.pdf'))
    ).join('\n');
    for (const m of evalText.matchAll(/^(9716\d-GP) .* x(\d)$/gm))
      put('CHEN 2026-08-03', `${m[1]}:${m[2]}`);

    expect(notes.size).toBe(ledger.size);
    const stripGp = (xs: string[]) => xs.map((x) => x.replace('-GP', ''));
    const mismatched: string[] = [];
    for (const [key, lines] of ledger) {
      const n = notes.get(key);
      if (JSON.stringify(n) === JSON.stringify(lines)) continue;
      // defect (f): Medicare lines without GP in the ledger on two dates
      if (key.startsWith('CHEN') && JSON.stringify(stripGp(n ?? [])) === JSON.stringify(lines)) {
        mismatched.push(key);
        continue;
      }
      throw new Error(`${key}: ledger ${lines.join(',')} vs notes ${n?.join(',')}`);
    }
    expect(mismatched).toEqual(['CHEN 2026-08-19', 'CHEN 2026-08-31']);
    // the planted billing defects are visible in both places
    expect(ledger.get('OKAFOR 2026-10-14')).toEqual(['97546:1']);
    expect(ledger.get('ALVAREZ 2026-09-17')).toEqual(['97110:2', '97545:1', '97546:1']);
    expect(notes.get('NGUYEN 2026-11-04')).toEqual(['97545:1', '97546:1']);
  });
});
