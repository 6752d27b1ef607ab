/**
 * Loads each exhibit's source and prepares its pages: PDF pages are embedded as-is (only the
 * document's own page range: a printed chart holds many documents), image files as their scan
 * images (scan-pages.ts), text sources are typeset.
 * Exhibits keep their original pages, copied, not re-typed (architecture.md).
 */
import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFRawStream,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import type { EpisodeDocument } from '../../../shared/episode';
import type { PageText } from '../../../shared/model';
import { layoutBlocks, type Block, type Fonts, type LaidOutPage } from './text-layout';
import type { DocumentSource, PacketInput } from './types';
import { pageTransform } from './page-geometry';
import { RawSource } from './raw-embed';
import { embedScanPages } from './scan-pages';
import { UnsupportedPdf } from '../pdf-objects/syntax';
import { log, pathRef } from '../log';

/**
 * An original page as a form XObject in the packet: `ref` draws it upright (its /Rotate applied)
 * in a `width` x `height` box with its lower-left corner at the origin.
 */
export interface EmbeddedSourcePage {
  ref: PDFRef;
  width: number;
  height: number;
}

export type ExhibitPage =
  { kind: 'embedded'; page: EmbeddedSourcePage } | { kind: 'typeset'; ops: LaidOutPage };

/**
 * A parsed source file and the copier that brings its objects (fonts, images) over once, and the
 * packet-wide BBox and Matrix arrays.
 */
interface LoadedPdf {
  pdf: PDFDocument;
  copier: PDFObjectCopier;
  numberArray: (values: number[]) => PDFArray;
}

/**
 * One array per distinct list of numbers: the pages of a file nearly always share their box and
 * matrix, and pdf-lib writes direct arrays inline wherever they are used.
 */
function numberArrays(target: PDFDocument): (values: number[]) => PDFArray {
  const arrays = new Map<string, PDFArray>();
  return (values) => {
    const key = values.join(' ');
    let array = arrays.get(key);
    if (!array) {
      array = target.context.obj(values);
      arrays.set(key, array);
    }
    return array;
  };
}

export interface PreparedExhibit {
  doc: EpisodeDocument;
  pages: ExhibitPage[];
  /** Original page number -> [first, last] 0-based index into `pages`. */
  sourcePageMap: Map<number, [number, number]>;
}

async function loadPdf(doc: EpisodeDocument, bytes: Uint8Array): Promise<PDFDocument> {
  try {
    // Fastest: parse without yielding to the event loop every few objects (each yield is a timer).
    return await PDFDocument.load(bytes, {
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Could not read the PDF for exhibit document "${doc.file}": ${reason}`);
  }
}

// PDFName.of decodes its argument on every call; every embedded page uses these.
const NAMES = {
  BBox: PDFName.of('BBox'),
  DecodeParms: PDFName.of('DecodeParms'),
  F: PDFName.of('F'),
  Filter: PDFName.of('Filter'),
  Form: PDFName.of('Form'),
  FormType: PDFName.of('FormType'),
  Matrix: PDFName.of('Matrix'),
  Resources: PDFName.of('Resources'),
  Subtype: PDFName.of('Subtype'),
  Type: PDFName.of('Type'),
  XObject: PDFName.of('XObject'),
};

/** The page's MediaBox and /Rotate, through the shared transform. */
function libPageTransform(page: PDFPage): ReturnType<typeof pageTransform> {
  const media = page.node.MediaBox();
  const n = (i: number) => media.lookup(i, PDFNumber).asNumber();
  return pageTransform([n(0), n(1), n(2), n(3)], page.node.Rotate()?.asNumber() ?? 0);
}

/**
 * Wraps one original page as a form XObject. A page with a single stored content stream (the
 * usual case) keeps that stream's bytes and filters as they are: nothing is decoded or
 * recompressed. Returns undefined for anything else (see embedMergedPage).
 */
function embedStoredPage(
  target: PDFDocument,
  loaded: LoadedPdf,
  page: PDFPage,
): EmbeddedSourcePage | undefined {
  const contents = page.node.Contents();
  const single =
    contents instanceof PDFArray && contents.size() === 1 ? contents.lookup(0) : contents;
  const raw = single instanceof PDFRawStream && !single.dict.has(NAMES.F);
  if (!raw && contents) return undefined;
  const { context } = target;
  const { matrix, box, width, height } = libPageTransform(page);
  const resources = page.node.getInheritableAttribute(NAMES.Resources);
  const formDict = PDFDict.withContext(context);
  formDict.set(NAMES.Type, NAMES.XObject);
  formDict.set(NAMES.Subtype, NAMES.Form);
  formDict.set(NAMES.FormType, PDFNumber.of(1));
  formDict.set(NAMES.BBox, loaded.numberArray(box));
  formDict.set(NAMES.Matrix, loaded.numberArray(matrix));
  formDict.set(
    NAMES.Resources,
    resources ? loaded.copier.copy(resources) : PDFDict.withContext(context),
  );
  let bytes: Uint8Array = new Uint8Array(0);
  if (raw) {
    const filter = single.dict.get(NAMES.Filter);
    const parms = single.dict.get(NAMES.DecodeParms);
    if (filter) formDict.set(NAMES.Filter, loaded.copier.copy(filter));
    if (parms) formDict.set(NAMES.DecodeParms, loaded.copier.copy(parms));
    bytes = single.getContents();
  }
  return { ref: target.context.register(PDFRawStream.of(formDict, bytes)), width, height };
}

/** Several content streams (or an in-memory one): pdf-lib decodes and merges them. */
async function embedMergedPage(target: PDFDocument, page: PDFPage): Promise<EmbeddedSourcePage> {
  const { matrix, box, width, height } = libPageTransform(page);
  const [left, bottom, right, top] = box as [number, number, number, number];
  const [embedded] = await target.embedPages([page], [{ left, bottom, right, top }], [matrix]);
  if (!embedded) throw new Error('the page could not be embedded');
  return { ref: embedded.ref, width, height };
}

async function embedPdfRange(
  target: PDFDocument,
  doc: EpisodeDocument,
  loaded: LoadedPdf,
): Promise<PreparedExhibit> {
  const source = loaded.pdf;
  const count = source.getPageCount();
  if (doc.pageStart < 1 || doc.pageEnd < doc.pageStart || doc.pageEnd > count) {
    throw new Error(
      `Exhibit document "${doc.file}" names pages ${doc.pageStart}-${doc.pageEnd}, but the file has ${count} page${count === 1 ? '' : 's'}`,
    );
  }
  const srcPages = source.getPages().slice(doc.pageStart - 1, doc.pageEnd);
  const embedded: EmbeddedSourcePage[] = [];
  try {
    for (const page of srcPages)
      embedded.push(embedStoredPage(target, loaded, page) ?? (await embedMergedPage(target, page)));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Could not copy the pages of exhibit document "${doc.file}": ${reason}`);
  }
  return embeddedExhibit(doc, embedded);
}

/** An exhibit of original pages, one packet page each. */
function embeddedExhibit(doc: EpisodeDocument, embedded: EmbeddedSourcePage[]): PreparedExhibit {
  const sourcePageMap = new Map<number, [number, number]>();
  embedded.forEach((_, i) => sourcePageMap.set(doc.pageStart + i, [i, i]));
  return { doc, pages: embedded.map((page) => ({ kind: 'embedded', page })), sourcePageMap };
}

/**
 * A source PDF while its documents are prepared: copied raw where the reader takes the file
 * (`raw`, null once it did not), else parsed by pdf-lib (`lib`, on first need).
 */
interface SourcePdf {
  bytes: Uint8Array;
  raw?: RawSource | null;
  lib?: LoadedPdf;
}

async function embedPdfDocument(
  target: PDFDocument,
  doc: EpisodeDocument,
  source: SourcePdf,
  numberArray: LoadedPdf['numberArray'],
): Promise<PreparedExhibit> {
  if (source.raw !== null) {
    try {
      source.raw ??= new RawSource(source.bytes, target.context);
      return embeddedExhibit(doc, source.raw.embedRange(doc.pageStart, doc.pageEnd));
    } catch (err) {
      // Whatever the raw reader cannot take, pdf-lib gets (and reports, if it fails too).
      log.debug('packet.raw-copy-fallback', {
        file: pathRef(doc.file),
        reason: err instanceof UnsupportedPdf ? 'unsupported-pdf' : 'reader-error',
      });
      source.raw = null;
    }
  }
  if (!source.lib) {
    const pdf = await loadPdf(doc, source.bytes);
    source.lib = { pdf, copier: PDFObjectCopier.for(pdf.context, target.context), numberArray };
  }
  return embedPdfRange(target, doc, source.lib);
}

function typesetText(doc: EpisodeDocument, pages: PageText[], fonts: Fonts): PreparedExhibit {
  const inRange = pages.filter((p) => p.page >= doc.pageStart && p.page <= doc.pageEnd);
  const chosen = inRange.length > 0 ? inRange : pages;
  const out: ExhibitPage[] = [];
  const sourcePageMap = new Map<number, [number, number]>();
  for (const p of chosen) {
    const blocks: Block[] = [
      {
        kind: 'para',
        runs: [
          { text: `${doc.file} - original page ${p.page} (typeset from text)`, style: 'italic' },
        ],
        size: 8,
        spaceAfter: 8,
      },
      ...p.text.split(/\r?\n/).map<Block>((line) =>
        line.trim() === ''
          ? { kind: 'space', height: 6 }
          : {
              kind: 'para',
              runs: [{ text: line.replace(/\s+$/, ''), style: 'mono' }],
              size: 9,
              spaceAfter: 1,
            },
      ),
    ];
    const laid = layoutBlocks(blocks, fonts);
    sourcePageMap.set(p.page, [out.length, out.length + laid.length - 1]);
    for (const ops of laid) out.push({ kind: 'typeset', ops });
  }
  if (out.length === 0)
    out.push({
      kind: 'typeset',
      ops: layoutBlocks([{ kind: 'para', runs: [{ text: '(no text)' }] }], fonts)[0] ?? [],
    });
  return { doc, pages: out, sourcePageMap };
}

export type SourceResult = { source: DocumentSource } | { error: unknown };

/**
 * How many source files are read ahead of the one being prepared: enough to keep reads under way
 * while earlier files are parsed, few enough that a packet of large scanned files does not hold
 * them all in memory at once.
 */
export const READ_AHEAD = 8;

/**
 * Source files loaded a few ahead of use, in the order exhibits need them. Failures are kept, not
 * thrown, until the exhibit that needs the file is prepared.
 */
export class SourceLoads {
  private readonly files: Array<{ file: string; doc: EpisodeDocument }> = [];
  private readonly order = new Map<string, number>();
  private readonly started = new Map<string, Promise<SourceResult>>();
  private next = 0;

  constructor(
    docs: EpisodeDocument[],
    private readonly load: PacketInput['loadDocumentSource'],
  ) {
    for (const doc of docs) {
      if (this.order.has(doc.file)) continue;
      this.order.set(doc.file, this.files.length);
      this.files.push({ file: doc.file, doc });
    }
    this.fill(READ_AHEAD);
  }

  /** The load of `file` (each file is taken once); starts the loads that follow it. */
  take(file: string): Promise<SourceResult> {
    this.fill((this.order.get(file) ?? -1) + 1 + READ_AHEAD);
    const result = this.started.get(file);
    if (!result) throw new Error(`exhibit source "${file}" was not planned`);
    this.started.delete(file);
    return result;
  }

  private fill(upTo: number): void {
    for (; this.next < Math.min(upTo, this.files.length); this.next++) {
      const { file, doc } = this.files[this.next]!;
      // Called now (the executor runs at once), so the read is under way before this returns.
      const started = new Promise<DocumentSource>((resolve) => resolve(this.load(doc))).then(
        (source) => ({ source }),
        (error: unknown) => ({ error }),
      );
      this.started.set(file, started);
    }
  }
}

export async function prepareExhibits(
  target: PDFDocument,
  docs: EpisodeDocument[],
  loads: SourceLoads,
  fonts: Fonts,
): Promise<PreparedExhibit[]> {
  const numberArray = numberArrays(target);
  // A printed chart holds many documents: parse each file once, and keep it only until its last
  // document is prepared, so a parsed file can be collected young instead of promoted. A text or
  // scanned file can hold several documents too (an FCE, evaluation and plan in one export).
  const cache = new Map<string, SourcePdf | DocumentSource>();
  const lastUse = new Map(docs.map((doc, i) => [doc.file, i]));
  const prepared: PreparedExhibit[] = [];
  for (const [i, doc] of docs.entries()) {
    let source = cache.get(doc.file);
    if (!source) {
      const loaded = await loads.take(doc.file);
      if ('error' in loaded) {
        const reason = loaded.error instanceof Error ? loaded.error.message : String(loaded.error);
        throw new Error(`Could not load exhibit document "${doc.file}": ${reason}`);
      }
      source = loaded.source.kind === 'pdf' ? { bytes: loaded.source.bytes } : loaded.source;
      cache.set(doc.file, source);
    }
    if (!('kind' in source))
      prepared.push(await embedPdfDocument(target, doc, source, numberArray));
    else if (source.kind === 'text') prepared.push(typesetText(doc, source.pages, fonts));
    else if (source.kind === 'image')
      prepared.push(await embedScanPages(target, doc, source.bytes));
    if (lastUse.get(doc.file) === i) cache.delete(doc.file);
  }
  return prepared;
}
