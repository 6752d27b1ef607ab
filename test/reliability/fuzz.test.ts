/**
 * Fuzzing the readers with fast-check: random and mutated bytes for PDF, ledger CSV, X12 835,
 * FHIR JSON and zip inputs. Every case must end in a named rejection ({ ok: false } with a
 * reason) or a successful read, within a time bound: never an uncaught exception or a hang.
 * The CI run is bounded (fixed seed, modest runs); `npm run fuzz` sets FUZZ_RUNS for a campaign.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReadOutcome } from '../../shared/model';
import {
  isSourceProblem,
  readSource,
  walkSources,
  type ZipLimits,
} from '../../src-main/core/ingest';
import { RawSource } from '../../src-main/core/packet/raw-embed';
import { makeZip, type ZipMember } from '../ingest-docs/zip-writer';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 0;
const runs = (ci: number) => (RUNS > 0 ? RUNS : ci);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
/** A single read may take this long at most (pdf.js on a big file included). */
const CASE_MS = 15_000;

const SAMPLE = join(__dirname, '../../assets/sample-chart');
const SEEDS = {
  pdf: readFileSync(join(SAMPLE, 'alvarez-maria/2026-09-09_daily-note.pdf')),
  csv: readFileSync(join(SAMPLE, 'billing/ledger.csv')),
  remit: readFileSync(join(SAMPLE, 'remits/midwest_wc_835.edi')),
  fhir: readFileSync(join(SAMPLE, 'chen-robert/chen_robert_fhir_bundle.json')),
  // The sample's HTML note (tables, lists) and a form export's controls, for the HTML reader.
  html: Buffer.concat([
    readFileSync(join(SAMPLE, 'nguyen-linda/2026-11-02_progress_report.html')),
    Buffer.from(
      '<form><dl><dt>Status</dt><dd><select><option selected>Met</option><option>Not met</option></select></dd></dl>' +
        '<table><tr><td><input type="checkbox" checked></td><td><label for="g">Goals met</label></td></tr>' +
        '<tr><th>Pain</th><td><input type="text" value="3/10"><input id="g" type="radio"></td></tr></table></form>',
    ),
  ]),
};
const NAMES = {
  pdf: 'note.pdf',
  csv: 'ledger.csv',
  remit: 'remit.835',
  fhir: 'bundle.json',
  html: 'note.html',
};

let cases = 0;
afterAll(() => {
  // Figures for the README; visible with --reporter=verbose.
  console.log(`fuzz: ${cases} cases, seed ${SEED}`);
});

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]);
}

/** The property every reader call must satisfy. */
async function readsOrRejects(path: string, bytes: Uint8Array): Promise<ReadOutcome> {
  cases++;
  const out = await withTimeout(readSource(path, bytes), CASE_MS, `readSource(${path})`);
  if (!out.ok) {
    expect(typeof out.rejection.reason).toBe('string');
    expect(out.rejection.reason.length).toBeGreaterThan(0);
  } else {
    expect(out.result).toBeTruthy();
  }
  return out;
}

/** Byte-level mutations of a seed: truncation, flips, inserts, a repeated slice (huge field). */
const mutation = (seed: Buffer) =>
  fc.oneof(
    fc.nat(seed.length).map((n) => seed.subarray(0, n)),
    fc
      .array(fc.tuple(fc.nat(seed.length - 1), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 20,
      })
      .map((flips) => {
        const b = Buffer.from(seed);
        for (const [i, v] of flips) b[i] = v;
        return b;
      }),
    fc
      .tuple(fc.nat(seed.length), fc.uint8Array({ minLength: 1, maxLength: 200 }))
      .map(([at, ins]) => Buffer.concat([seed.subarray(0, at), ins, seed.subarray(at)])),
    fc
      .tuple(
        fc.nat(seed.length - 65),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 2, max: 20000 }),
      )
      .map(([at, len, times]) =>
        Buffer.concat([
          seed.subarray(0, at),
          Buffer.alloc(len * times, seed.subarray(at, at + len)),
          seed.subarray(at),
        ]),
      ),
    // Wrong encodings: the same text as UTF-16 (with and without BOM) or Latin-1 bytes.
    fc.constantFrom(
      Buffer.from(seed.toString('latin1'), 'utf16le'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.toString('utf8'), 'utf16le')]),
      Buffer.from(seed.toString('utf8'), 'latin1'),
    ),
  );

const opts = (n: number) => ({ numRuns: runs(n), seed: SEED, endOnFailure: true });

describe('fuzz: readSource on mutated inputs', () => {
  for (const kind of ['csv', 'remit', 'fhir', 'html', 'pdf'] as const) {
    const n = kind === 'pdf' ? 60 : 150;
    it(`${kind}: mutated seed bytes read or reject with a reason`, async () => {
      await fc.assert(
        fc.asyncProperty(mutation(SEEDS[kind]), async (bytes) => {
          await readsOrRejects(NAMES[kind], bytes);
        }),
        opts(n),
      );
    });
  }

  it('random bytes under every file name read or reject', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.values(NAMES), 'note.txt', 'note.html', 'x.zip', 'noext'),
        fc.uint8Array({ minLength: 0, maxLength: 4096 }),
        async (name, bytes) => {
          await readsOrRejects(name, bytes);
        },
      ),
      opts(200),
    );
  });

  it('random text with format markers reads or rejects', async () => {
    const prefix = fc.constantFrom(
      '%PDF-1.7\n',
      'ISA*00*          *00*          *ZZ*A*ZZ*B*260101*1200*^*00501*000000001*0*P*:~',
      '{"resourceType":"Bundle","type":"collection","entry":[',
      'Patient Name,DOS,CPT,Units,Charge\n',
      '<html><body>',
    );
    await fc.assert(
      fc.asyncProperty(
        prefix,
        fc.string({ unit: 'binary', maxLength: 2000 }),
        fc.constantFrom(...Object.values(NAMES), 'noext'),
        async (p, body, name) => {
          await readsOrRejects(name, Buffer.from(p + body, 'utf8'));
        },
      ),
      opts(200),
    );
  });
});

/**
 * The packet's raw page copier (packet/raw-embed.ts) on mutated PDFs: every case copies the pages
 * or throws an Error (the packet then falls back to pdf-lib), in bounded time. It runs
 * synchronously, so a hang would stall the suite rather than time out: the bound is checked after.
 */
describe('fuzz: raw page copy on mutated PDFs', () => {
  const seeds = async () => {
    const compact = await PDFDocument.load(SEEDS.pdf);
    return [
      SEEDS.pdf,
      // Cross-reference and object streams, as pdf-lib writes by default.
      Buffer.from(await compact.save({ useObjectStreams: true })),
    ];
  };
  it('copies or throws an Error', async () => {
    const [classic, streams] = await seeds();
    for (const seed of [classic!, streams!]) {
      await fc.assert(
        fc.asyncProperty(mutation(seed), async (bytes) => {
          cases++;
          const target = await PDFDocument.create();
          const started = performance.now();
          try {
            const source = new RawSource(new Uint8Array(bytes), target.context);
            if (source.pages.length > 0) source.embedRange(1, source.pages.length);
          } catch (err) {
            expect(err).toBeInstanceOf(Error);
          }
          expect(performance.now() - started).toBeLessThan(CASE_MS);
        }),
        opts(150),
      );
    }
  });
});

describe('fuzz: hostile structures', () => {
  it('deeply nested JSON is rejected or read, not a stack overflow', async () => {
    for (const depth of [1_000, 100_000, 1_000_000]) {
      const deep = `{"resourceType":"Bundle","type":"collection","entry":[${'['.repeat(depth)}${']'.repeat(depth)}]}`;
      await readsOrRejects('deep.json', Buffer.from(deep));
      const objs = `{"resourceType":"Bundle","entry":[{"resource":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}]}`;
      await readsOrRejects('deep2.json', Buffer.from(objs));
    }
  });

  it('huge fields in a ledger and an 835 read or reject', async () => {
    const big = 'x'.repeat(8 * 1024 * 1024);
    await readsOrRejects(
      'ledger.csv',
      Buffer.from(`Patient Name,DOS,CPT,Units,Charge\n"${big}",09/01/2026,97110,1,$10\n`),
    );
    await readsOrRejects('ledger.csv', Buffer.from(`Patient Name,DOS,CPT,Units,Charge\n"${big}`));
    const remit = SEEDS.remit.toString('utf8').replace(/NM1\*QC\*1\*/, `NM1*QC*1*${big}`);
    await readsOrRejects('remit.835', Buffer.from(remit));
  });

  it('a PDF with thousands of pages is refused cheaply, and a large one reads in time', async () => {
    const src = await PDFDocument.load(SEEDS.pdf);
    const make = async (pages: number) => {
      const doc = await PDFDocument.create();
      const [page] = await doc.copyPages(src, [0]);
      // The same page object referenced many times: a big page tree for almost no bytes.
      for (let i = 0; i < pages; i++) doc.addPage(page!);
      return doc.save({ useObjectStreams: true });
    };
    const huge = await readsOrRejects('many.pdf', await make(6000));
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.rejection.reason).toMatch(/pages/);
    const started = Date.now();
    const large = await readsOrRejects('large.pdf', await make(500));
    expect(large.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(CASE_MS);
  });
});

describe('fuzz: zip containers through walkSources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cr-fuzz-zip-'));
  let k = 0;

  async function walkAll(zip: Buffer, limits: Partial<ZipLimits> = {}) {
    const file = join(dir, `z${k++}.zip`);
    writeFileSync(file, zip);
    cases++;
    const seen: Array<{ path: string; ok: boolean }> = [];
    await withTimeout(
      (async () => {
        for await (const e of walkSources([file], limits)) {
          if (isSourceProblem(e)) {
            expect(e.rejection.reason.length).toBeGreaterThan(0);
            seen.push({ path: e.path, ok: false });
          } else {
            const bytes = await e.read();
            await readsOrRejects(e.path, bytes);
            seen.push({ path: e.path, ok: true });
          }
        }
      })(),
      CASE_MS,
      'walkSources',
    );
    return seen;
  }

  const memberName = fc.oneof(
    fc.constantFrom(
      '../../etc/passwd',
      '/abs/path.pdf',
      'C:\\win\\note.pdf',
      'a/../../b.csv',
      'ok/note.txt',
      'inner.zip',
      'nul\0name.pdf',
      '',
      '././/x.json',
    ),
    fc.string({ maxLength: 40 }),
  );
  const member: fc.Arbitrary<ZipMember> = fc.record({
    name: memberName,
    data: fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.constantFrom(SEEDS.csv, SEEDS.fhir, SEEDS.remit).map((b) => new Uint8Array(b)),
    ),
    deflate: fc.boolean(),
    claimedSize: fc.option(fc.nat(1 << 30), { nil: undefined }),
  });

  it('random archives (traversal names, lying sizes, damage) never escape or throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(member, { minLength: 0, maxLength: 6 }),
        fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { nil: undefined }),
        async (members, flip) => {
          const zip = makeZip(members);
          if (flip && zip.length > 0) zip[flip[0] % zip.length] = flip[1];
          const seen = await walkAll(zip, { maxEntryBytes: 64 * 1024, maxTotalBytes: 256 * 1024 });
          for (const s of seen.filter((x) => x.ok)) {
            expect(s.path).not.toMatch(/(^|\/)\.\.(\/|$)/);
            expect(s.path).not.toContain('\0');
          }
        },
      ),
      opts(120),
    );
  });

  it('zip bombs are refused by the limits (per entry, ratio, total, nested)', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const bomb = makeZip([{ name: 'bomb.csv', data: zeros, deflate: true }]);
    const seen = await walkAll(bomb, { maxEntryBytes: 1024 * 1024, ratioFloorBytes: 64 * 1024 });
    expect(seen).toEqual([{ path: expect.stringContaining('bomb.csv'), ok: false }]);
    // A lying header: claims 10 bytes, inflates to 4 MiB.
    const liar = makeZip([{ name: 'liar.csv', data: zeros, deflate: true, claimedSize: 10 }]);
    expect((await walkAll(liar, { maxEntryBytes: 1024 * 1024 })).every((s) => !s.ok)).toBe(true);
    const nested = makeZip([
      { name: 'a.zip', data: makeZip([{ name: 'b.zip', data: bomb }]) },
      {
        name: 'many.zip',
        data: makeZip(
          Array.from({ length: 50 }, (_, i) => ({ name: `${i}.csv`, data: zeros, deflate: true })),
        ),
      },
    ]);
    const nestedSeen = await walkAll(nested, { maxTotalBytes: 8 * 1024 * 1024 });
    expect(nestedSeen.every((s) => !s.ok)).toBe(true);
  });
});
