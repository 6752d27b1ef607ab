import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildPacket,
  planPacket,
  type PacketInput,
  type PacketPlan,
} from '../../src-main/core/packet';
import { buildFixture, day, marker, type Fixture } from './fixture';
import { pageText, pageTexts, pageWords, qpdfCheck, readOutlineAndLabels } from './pdf-inspect';

const OUT = mkdtempSync(join(tmpdir(), 'chartready-packet-'));
let fx: Fixture;

beforeAll(async () => {
  fx = await buildFixture();
});

function input(over: Partial<PacketInput> = {}): PacketInput {
  return {
    episode: fx.episode,
    findings: fx.findings,
    kind: 'appeal',
    denial: { carc: '50', group: 'CO', source: 'remit', remitDate: '2026-10-01' },
    claimId: 'CLM-100',
    settings: fx.settings,
    today: '2026-11-24',
    loadDocumentSource: fx.load,
    ...over,
  };
}

interface Built {
  file: string;
  bytes: Uint8Array;
  plan: PacketPlan;
  pageCount: number;
  pages: string[];
}

async function build(name: string, over: Partial<PacketInput> = {}): Promise<Built> {
  const { pdf, plan, pageCount } = await buildPacket(input(over));
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  return { file, bytes: pdf, plan, pageCount, pages: pageTexts(file) };
}

/** Pages 1..(first exhibit - 1): the letter or cover sheet and the index. */
function frontText(b: Built): string {
  const firstExhibit = b.plan.exhibits[0]?.firstPage ?? b.pageCount + 1;
  return b.pages.slice(0, firstExhibit - 1).join('\n');
}

function letterText(b: Built): string {
  // The letter ends where the index begins.
  const idx = b.pages.findIndex((p) => /Exhibit Index/.test(p));
  return b.pages.slice(0, idx).join('\n');
}

const norm = (s: string) => s.replace(/\s+/g, ' ');

/** Every "Exhibit X, pp. a-b" / "Exhibit X, p. a" in the letter lands on that exhibit's own pages. */
function assertCitationsPointAtExhibits(b: Built): number {
  const text = norm(letterText(b));
  const cites = [...text.matchAll(/Exhibit ([A-Z]+), (?:pp\. (\d+)-(\d+)|p\. (\d+))/g)];
  for (const m of cites) {
    const letter = m[1] as string;
    const from = Number(m[2] ?? m[4]);
    const to = Number(m[3] ?? m[4]);
    const exhibit = b.plan.exhibits.find((e) => e.letter === letter);
    expect(exhibit, `cited exhibit ${letter} exists`).toBeDefined();
    const docId = exhibit!.documentIds[0] as number;
    const tag = fx.tags.get(docId) as string;
    expect(from).toBeGreaterThanOrEqual(exhibit!.firstPage);
    expect(to).toBeLessThanOrEqual(exhibit!.lastPage);
    for (let p = from; p <= to; p++) {
      const page = b.pages[p - 1] ?? '';
      const own =
        page.includes(`EXHIBIT-SOURCE ${tag} page`) || page.includes(`Exhibit ${letter} -`);
      expect(own, `page ${p} belongs to exhibit ${letter} (${tag})`).toBe(true);
    }
  }
  return cites.length;
}

function assertEveryPageStamped(b: Built, claim: string) {
  expect(b.pages.length).toBe(b.pageCount);
  b.pages.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain('Doe, John');
    expect(text, `page ${i + 1}`).toContain(claim);
    expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${b.pageCount}`);
    expect(text, `page ${i + 1}`).toContain(`CR-${String(i + 1).padStart(6, '0')}`);
  });
}

async function assertOutline(b: Built) {
  const { outline, labels, title } = await readOutlineAndLabels(b.bytes);
  expect(outline[0]?.pageIndex).toBe(0);
  expect(outline.map((o) => o.title)).toContain('Exhibit index');
  for (const e of b.plan.exhibits) {
    const item = outline.find((o) => o.title.startsWith(`Exhibit ${e.letter} - `));
    expect(item, `bookmark for exhibit ${e.letter}`).toBeDefined();
    expect(item!.pageIndex).toBe(e.firstPage - 1);
  }
  expect(outline).toHaveLength(b.plan.exhibits.length + 2);
  expect(labels?.[0]).toBe('CR-000001');
  expect(labels?.[b.pageCount - 1]).toBe(`CR-${String(b.pageCount).padStart(6, '0')}`);
  expect(title).toContain('Doe, John');
}

describe('appeal packet for a CO-50 (medical necessity) denial', () => {
  let b: Built;
  beforeAll(async () => {
    b = await build('appeal-co50');
  });

  it('scopes the claim to the lines the remit denied with CARC 50', () => {
    expect(b.plan.datesAtIssue).toEqual([day(11), day(12), day(13), day(14), day(15)]);
    expect(b.plan.linesAtIssue.map((l) => l.code).sort()).toEqual([
      '97110',
      '97545',
      '97545',
      '97545',
      '97545',
      '97545',
    ]);
    expect(b.plan.denialMeaning).toMatch(/not medically necessary/);
    expect(b.plan.deadline).toBeNull(); // workers' comp: no computed deadline
  });

  it('orders exhibits as a reviewer expects, with only the notes for the dates at issue', () => {
    const cats = b.plan.exhibits.map((e) => e.category);
    expect(cats.slice(0, 5)).toEqual([
      'Physician Order / Referral',
      'Authorization',
      'Functional Capacity Evaluation',
      'Job Description',
      'Evaluation',
    ]);
    const notes = b.plan.exhibits.filter((e) => e.category === 'Daily Note');
    expect(notes.map((e) => e.date)).toEqual(b.plan.datesAtIssue);
    expect(cats.slice(-5)).toEqual([
      'Progress Report',
      'Progress Report',
      'Discharge Summary',
      'Communication',
      'Communication',
    ]);
    expect(b.plan.exhibits.map((e) => e.letter).slice(0, 3)).toEqual(['A', 'B', 'C']);
  });

  it('stamps every page with patient, claim, Bates number and Page X of N', () => {
    assertEveryPageStamped(b, 'CLM-100');
  });

  it('cites exhibit pages that hold that exhibit', () => {
    expect(assertCitationsPointAtExhibits(b)).toBeGreaterThanOrEqual(8);
    const letter = norm(letterText(b));
    expect(letter).toContain('Alan Smith, MD');
    expect(letter).toContain('Lift 50 lb floor to waist 5x to meet medium PDL');
    expect(letter).toContain('CO-50');
    expect(letter).toContain('Request for reconsideration');
    expect(letter).toContain('WC-778899');
    expect(letter).toContain('2026091500123');
  });

  it("copies only each document's own pages from a printed chart", () => {
    const all = b.pages.join('\n');
    for (let n = 1; n <= 15; n++) {
      const present = all.includes(marker(`daily-${day(n)}`, n));
      expect(present, `note ${n}`).toBe(n >= 11);
    }
    const e = b.plan.exhibits.find((x) => x.date === day(11) && x.category === 'Daily Note')!;
    expect(e.lastPage - e.firstPage).toBe(1); // separator + one page
    expect(b.pages[e.lastPage - 1]).toContain(marker(`daily-${day(11)}`, 11));
  });

  it('lists failed pre-checks as gaps and never claims them in the letter', () => {
    expect(b.plan.gaps).toContain(
      'No progress report covers treatment days 11-15 (DOC-PROGRESS-10 failed); the letter does not claim one.',
    );
    expect(b.plan.gaps.some((g) => g.includes('BILL-WC-TIME-UNITS failed'))).toBe(true);
    const letter = norm(letterText(b));
    // The assistant's report dated inside the failed period is an exhibit but is never cited.
    const pta = b.plan.exhibits.find((e) => e.title === 'Progress Note (PTA)')!;
    expect(letter).not.toContain(`Exhibit ${pta.letter},`);
    expect(letter).not.toContain('PTA note');
    // The over-billed date (150 min, 97546 billed) is not put forward as supported.
    expect(letter).not.toMatch(/09\/16\/2026: 150 minutes/);
    expect(letter).toMatch(/09\/15\/2026: 175 minutes documented, supporting 97545 x1 \+ 97546 x1/);
    // The clinician's report for days 1-10 is cited.
    const pt = b.plan.exhibits.find((e) => e.title === 'Progress Report')!;
    expect(letter).toContain(`Exhibit ${pt.letter},`);
  });

  it('has bookmarks per exhibit, Bates page labels, metadata, and passes qpdf --check', async () => {
    await assertOutline(b);
    const q = qpdfCheck(b.file);
    expect(q.output).toContain('No syntax or stream encoding errors');
    expect(q.ok).toBe(true);
  });

  it('typesets the text-source document with non-WinAnsi characters replaced', () => {
    const e = b.plan.exhibits.find((x) => x.title === 'Adjuster Update')!;
    const text = b.pages.slice(e.firstPage, e.lastPage).join('\n');
    expect(text).toContain(marker('comm-text', 1));
    expect(text).toContain(marker('comm-text', 2));
    expect(text).toContain('"K. Baker" - progress faxed');
  });

  it('keeps original content clear of the stamp bands', () => {
    const band = 34;
    for (const e of b.plan.exhibits.slice(0, 5)) {
      for (let p = e.firstPage + 1; p <= e.lastPage; p++) {
        const words = pageWords(b.file, p);
        const source = words.filter((w) => w.text === 'EXHIBIT-SOURCE' || w.text === 'footer');
        expect(source.length, `page ${p} has source words`).toBeGreaterThan(0);
        for (const w of source) {
          expect(w.yMin, `page ${p} ${w.text}`).toBeGreaterThanOrEqual(band);
          expect(w.yMax, `page ${p} ${w.text}`).toBeLessThanOrEqual(792 - band);
        }
        const stamp = words.find((w) => w.text.startsWith('CR-0'));
        expect(stamp!.yMin).toBeGreaterThan(792 - band);
      }
    }
  });

  it('is deterministic for the same input', async () => {
    const again = await buildPacket(input());
    expect(Buffer.from(again.pdf).equals(Buffer.from(b.bytes))).toBe(true);
  });
});

describe('appeal packet for a CO-97 (bundling) denial', () => {
  let b: Built;
  beforeAll(async () => {
    // No BILL-WC-TIME-UNITS finding here: the composer must catch the over-billed date from the facts itself.
    b = await build('appeal-co97', {
      denial: { carc: '97', group: 'CO', source: 'remit' },
      findings: fx.findings.filter((f) => f.rule !== 'BILL-WC-TIME-UNITS'),
    });
  });

  it('argues the add-on pairing and unit math only where the record supports it', () => {
    expect(b.plan.linesAtIssue.every((l) => l.code === '97546')).toBe(true);
    const letter = norm(letterText(b));
    expect(letter).toMatch(
      /97546 \(each additional hour\) was billed with its primary code 97545 on the same date of service/,
    );
    expect(letter).toContain('Request for reconsideration - bundling');
    expect(b.plan.gaps).toContain(
      '2026-09-16: 150 min documented supports 97545 x1 + 97546 x0, but 97545 x1 + 97546 x1 was billed; the letter does not claim the billed units.',
    );
    // The gaps are read on screen beside findings and deadlines: one date form, theirs.
    expect(b.plan.gaps.some((g) => /\b\d{2}\/\d{2}\/\d{4}\b/.test(g))).toBe(false);
    expect(letter).not.toMatch(/09\/16\/2026: 150 minutes/);
    expect(assertCitationsPointAtExhibits(b)).toBeGreaterThanOrEqual(5);
  });

  it('stamps every page and bookmarks every exhibit', async () => {
    assertEveryPageStamped(b, 'CLM-100');
    await assertOutline(b);
    expect(qpdfCheck(b.file).ok).toBe(true);
  });
});

describe('ADR response', () => {
  let b: Built;
  beforeAll(async () => {
    b = await build('adr', { kind: 'adr' });
  });

  it('has a cover sheet with claim identifiers and no argument', () => {
    const cover = norm(b.pages[0] ?? '');
    // A workers' compensation payer: "ADR" is Medicare's term.
    expect(cover).toContain('Response to Request for Records');
    expect(cover).not.toContain('Additional Documentation');
    for (const s of [
      'Doe, John',
      'WC-778899',
      '2026091500123',
      'CLM-100',
      '1234567893',
      '09/15/2026 - 09/21/2026',
    ])
      expect(cover).toContain(s);
    expect(norm(frontText(b))).not.toMatch(/midpoint rule|We disagree/);
  });

  it("bookmarks its cover as the payer names the request, not as Medicare's ADR", async () => {
    const { outline } = await readOutlineAndLabels(b.bytes);
    expect(outline[0]?.title).toBe('Records response cover sheet');
  });

  it('holds the record of the claim: the treatment notes of its dates, in order, and no later care', () => {
    const notes = b.plan.exhibits.filter((e) => e.category === 'Daily Note');
    const claimDates = new Set(b.plan.datesAtIssue);
    expect(claimDates.size).toBeGreaterThan(1);
    expect(notes.map((e) => e.date)).toEqual([...claimDates].sort());
    const all = b.pages.join('\n');
    for (let n = 1; n <= 15; n++) {
      const seen = all.includes(marker(`daily-${day(n)}`, n));
      expect(seen, day(n)).toBe(claimDates.has(day(n)));
    }
    // Nothing is argued, but the errors the review found in the records sent are named first.
    expect(b.plan.gaps.every((g) => g.startsWith('The review found in these records: '))).toBe(
      true,
    );
    expect(b.plan.gaps.some((g) => g.includes('2026-09-16 (BILL-WC-TIME-UNITS)'))).toBe(true);
  });

  it('stamps every page and passes qpdf', async () => {
    assertEveryPageStamped(b, 'CLM-100');
    await assertOutline(b);
    expect(qpdfCheck(b.file).ok).toBe(true);
  });
});

describe('settings, user choices and failures', () => {
  it('flags missing settings with visible placeholders instead of inventing them', async () => {
    const sparse = { ...fx.settings, npi: null, taxId: '  ', signerName: null, addressLines: [] };
    const b = await build('missing-settings', { settings: sparse });
    expect(b.plan.settingsMissing).toEqual([
      'clinic address',
      'clinic NPI',
      'clinic tax ID',
      'signer name',
    ]);
    const front = norm(letterText(b));
    expect(front).toContain('[clinic NPI missing - set it in Settings]');
    expect(front).toContain('[signer name missing - set it in Settings]');
    expect(front).toContain('[clinic address missing - set it in Settings]');
    expect(front).not.toContain('1234567893');
    expect(planPacket(input()).settingsMissing).toEqual([]);
  });

  it('asks for a signature log while an exhibit signature is illegible and the packet has none', () => {
    const evalId = fx.ids.eval as number;
    const at = { file: 'eval.pdf', page: 1, start: 0, end: 11, quote: '[illegible]' };
    // The evaluation's signer line as a transcriber wrote it: "Signature: [illegible], PT".
    const documents = fx.episode.documents.map((d) =>
      d.id !== evalId
        ? d
        : {
            ...d,
            facts: [
              ...d.facts.filter((f) => f.kind !== 'signer'),
              { kind: 'signature-illegible' as const, value: '[illegible]', provenance: at },
            ],
          },
    );
    const gap =
      'The signature on the evaluation dated 2026-09-01 is illegible and the packet holds no signature log or attestation; add one (a reviewer who asks for it must have it within 20 calendar days).';
    const without = planPacket(input({ episode: { ...fx.episode, documents } }));
    expect(without.gaps).toContain(gap);

    const log = {
      ...documents[0]!,
      id: 9999,
      type: 'other' as const,
      title: 'Signature Log',
      date: null,
      facts: [{ kind: 'signature-log' as const, value: 'log', provenance: at }],
    };
    const withLog = planPacket(
      input({ episode: { ...fx.episode, documents: [...documents, log] } }),
    );
    expect(withLog.gaps).not.toContain(gap);
    expect(withLog.exhibits.at(-1)!.title).toBe('Signature Log');
    expect(planPacket(input()).gaps.some((g) => g.includes('illegible'))).toBe(false);
    // An intake form is not a record entry DOC-SIGNED judges: its signature asks for nothing.
    const intake = {
      ...log,
      id: 9998,
      title: 'Intake',
      facts: [{ kind: 'signature-illegible' as const, value: '[illegible]', provenance: at }],
    };
    const adr = planPacket(
      input({ kind: 'adr', episode: { ...fx.episode, documents: [...documents, intake] } }),
    );
    expect(adr.exhibits.some((e) => e.title === 'Intake')).toBe(true);
    expect(adr.gaps.filter((g) => g.includes('illegible'))).toEqual([gap]);
  });

  it('honours exclude and exhibitOrder', () => {
    const fce = fx.ids.fce as number;
    const discharge = fx.ids.discharge as number;
    const order = fx.ids.order as number;
    const plan = planPacket(input({ exclude: [fce], exhibitOrder: [discharge, order] }));
    const ids = plan.exhibits.map((e) => e.documentIds[0]);
    expect(ids).not.toContain(fce);
    expect(ids.slice(0, 2)).toEqual([discharge, order]);
    expect(plan.exhibits.map((e) => e.letter).slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(plan.gaps).toContain(
      'The functional capacity evaluation was removed from the packet; the letter does not cite it.',
    );
    const plain = planPacket(input());
    expect(plain.exhibits.map((e) => e.documentIds[0])).toContain(fce);
    expect(plain.gaps.some((g) => g.includes('functional capacity evaluation'))).toBe(false);
  });

  it("builds with the user's order and letters the exhibits by position", async () => {
    const b = await build('reordered', {
      exhibitOrder: [fx.ids.discharge as number],
      exclude: [fx.ids['comm-text'] as number],
    });
    expect(b.plan.exhibits[0]?.title).toBe('Discharge Summary');
    expect(b.pages[(b.plan.exhibits[0]?.firstPage ?? 0) - 1]).toContain(
      'Exhibit A - Discharge Summary - 09/22/2026',
    );
    expect(b.pages.join('\n')).not.toContain('comm-text');
    assertCitationsPointAtExhibits(b);
  });

  it('refuses a packet with every exhibit excluded: its letter would say records it does not hold are enclosed', async () => {
    const all = planPacket(input()).exhibits.flatMap((e) => e.documentIds);
    const none = input({ exclude: all });
    expect(planPacket(none).gaps).toContain('No documents are selected for the packet.');
    await expect(buildPacket(none)).rejects.toThrow(/No documents are selected for the packet/);
  });

  it('names the file when a source PDF cannot be read', async () => {
    const load: PacketInput['loadDocumentSource'] = async (doc) =>
      doc.file === 'chart/fce.pdf'
        ? { kind: 'pdf', bytes: new TextEncoder().encode('not a pdf at all') }
        : fx.load(doc);
    await expect(buildPacket(input({ loadDocumentSource: load }))).rejects.toThrow(
      /chart\/fce\.pdf/,
    );
  });

  it("names the file when a document's page range is past the end of its PDF", async () => {
    const episode = {
      ...fx.episode,
      documents: fx.episode.documents.map((d) =>
        d.file === 'chart/eval.pdf' ? { ...d, pageEnd: 9 } : d,
      ),
    };
    await expect(buildPacket(input({ episode }))).rejects.toThrow(
      /chart\/eval\.pdf.*pages 1-9.*3 pages/,
    );
  });

  it('computes the Medicare redetermination deadline from the remit date', () => {
    const episode = { ...fx.episode, payer: { ...fx.episode.payer, kind: 'medicare' as const } };
    const plan = planPacket(
      input({
        episode,
        denial: { carc: '50', group: 'CO', source: 'remit', remitDate: '2026-10-01' },
      }),
    );
    // 2026-10-01 + 5 days presumed receipt + 120 days.
    expect(plan.deadline).toEqual(expect.objectContaining({ date: '2027-02-03', daysLeft: 71 }));
    expect(
      planPacket(input({ episode, denial: { carc: '50', group: 'CO', source: 'user' } })).deadline,
    ).toBeNull();
  });

  it('asks Medicare for redetermination and uses a configurable Bates prefix', async () => {
    const episode = { ...fx.episode, payer: { ...fx.episode.payer, kind: 'medicare' as const } };
    const b = await build('medicare', { episode, batesPrefix: 'RWR-' });
    const letter = norm(letterText(b));
    expect(letter).toContain('Request for redetermination - medical necessity');
    expect(letter).toContain('Medicare number (MBI): WC-778899');
    b.pages.forEach((text, i) => expect(text).toContain(`RWR-${String(i + 1).padStart(6, '0')}`));
    const { labels } = await readOutlineAndLabels(b.bytes);
    expect(labels?.[1]).toBe('RWR-000002');
  });

  it('uses the medical-necessity template for an unknown CARC and says so', () => {
    const plan = planPacket(input({ denial: { carc: '999', group: null, source: 'user' } }));
    expect(plan.gaps[0]).toMatch(/CARC 999 is not in the denial template table/);
    expect(plan.denialMeaning).toMatch(/medically necessary/);
  });

  it('notes the corrected-claim remedy for CARC 16 and still assembles', () => {
    const plan = planPacket(input({ denial: { carc: '16', group: 'CO', source: 'user' } }));
    expect(plan.gaps.some((g) => /corrected claim is usually the remedy/.test(g))).toBe(true);
    expect(plan.exhibits.length).toBeGreaterThan(5);
  });

  it('flags dates outside the authorization for an authorization denial', () => {
    const plan = planPacket(input({ denial: { carc: '197', group: 'CO', source: 'user' } }));
    expect(plan.gaps).toContain(
      'Dates of service 2026-09-21 fall outside the authorization on file (2026-09-01 to 2026-09-18); the letter does not claim authorization for them.',
    );
  });

  it('reads page text with pdftotext -f/-l too', async () => {
    const b = await build('single-page-check', { kind: 'adr', claimId: 'CLM-200' });
    expect(pageText(b.file, 1)).toContain('CLM-200');
    expect(pageText(b.file, b.pageCount)).toContain(`Page ${b.pageCount} of ${b.pageCount}`);
  });
});
