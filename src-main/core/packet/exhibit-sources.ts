/**
 * Loads each exhibit's source and prepares its pages: PDF pages are embedded as-is (only the
 * document's own page range: a printed chart holds many documents), text sources are typeset.
 * Exhibits keep their original pages, copied, not re-typed (architecture.md).
 */
import {
  ParseSpeeds,
  PDFArray,
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

/** A parsed source file and the copier that brings its objects (fonts, images) over once. */
interface LoadedPdf {
  pdf: PDFDocument;
  copier: PDFObjectCopier;
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

type Matrix = [number, number, number, number, number, number];

/**
 * Form matrix that moves the page's MediaBox to the origin and applies its /Rotate (clockwise, as
 * viewers show it), plus the upright size.
 */
function pageTransform(page: PDFPage): {
  matrix: Matrix;
  box: number[];
  width: number;
  height: number;
} {
  const media = page.node.MediaBox();
  const n = (i: number) => media.lookup(i, PDFNumber).asNumber();
  const [x0, y0, x1, y1] = [n(0), n(1), n(2), n(3)];
  const left = Math.min(x0, x1);
  const bottom = Math.min(y0, y1);
  const w = Math.abs(x1 - x0);
  const h = Math.abs(y1 - y0);
  const rotate = (((page.node.Rotate()?.asNumber() ?? 0) % 360) + 360) % 360;
  const box = [left, bottom, left + w, bottom + h];
  // (x, y) is first moved by (-left, -bottom), then rotated within the w x h box.
  switch (rotate) {
    case 90: // x' = y, y' = w - x
      return { matrix: [0, -1, 1, 0, -bottom, w + left], box, width: h, height: w };
    case 180: // x' = w - x, y' = h - y
      return { matrix: [-1, 0, 0, -1, w + left, h + bottom], box, width: w, height: h };
    case 270: // x' = h - y, y' = x
      return { matrix: [0, 1, -1, 0, h + bottom, -left], box, width: h, height: w };
    default:
      return { matrix: [1, 0, 0, 1, -left, -bottom], box, width: w, height: h };
  }
}

/**
 * Wraps one original page as a form XObject. A page with a single stored content stream (the
 * usual case) keeps that stream's bytes and filters as they are: nothing is decoded or
 * recompressed. Anything else goes through pdf-lib's embedder, which decodes and merges.
 */
async function embedSourcePage(
  target: PDFDocument,
  loaded: LoadedPdf,
  page: PDFPage,
): Promise<EmbeddedSourcePage> {
  const { matrix, box, width, height } = pageTransform(page);
  const contents = page.node.Contents();
  const single =
    contents instanceof PDFArray && contents.size() === 1 ? contents.lookup(0) : contents;
  const raw = single instanceof PDFRawStream && !single.dict.has(PDFName.of('F'));
  if (raw || !contents) {
    const resources = page.node.getInheritableAttribute(PDFName.of('Resources'));
    const formDict = target.context.obj({
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: box,
      Matrix: matrix,
    });
    formDict.set(
      PDFName.of('Resources'),
      resources ? loaded.copier.copy(resources) : target.context.obj({}),
    );
    let bytes: Uint8Array = new Uint8Array(0);
    if (raw) {
      const filter = single.dict.get(PDFName.of('Filter'));
      const parms = single.dict.get(PDFName.of('DecodeParms'));
      if (filter) formDict.set(PDFName.of('Filter'), loaded.copier.copy(filter));
      if (parms) formDict.set(PDFName.of('DecodeParms'), loaded.copier.copy(parms));
      bytes = single.getContents();
    }
    return { ref: target.context.register(PDFRawStream.of(formDict, bytes)), width, height };
  }
  // Several content streams (or an in-memory one): pdf-lib decodes and merges them.
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
    for (const page of srcPages) embedded.push(await embedSourcePage(target, loaded, page));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Could not copy the pages of exhibit document "${doc.file}": ${reason}`);
  }
  const sourcePageMap = new Map<number, [number, number]>();
  embedded.forEach((_, i) => sourcePageMap.set(doc.pageStart + i, [i, i]));
  return { doc, pages: embedded.map((page) => ({ kind: 'embedded', page })), sourcePageMap };
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

export async function prepareExhibits(
  target: PDFDocument,
  docs: EpisodeDocument[],
  load: PacketInput['loadDocumentSource'],
  fonts: Fonts,
): Promise<PreparedExhibit[]> {
  // A printed chart holds many documents: parse each file once.
  const pdfCache = new Map<string, LoadedPdf>();
  const prepared: PreparedExhibit[] = [];
  for (const doc of docs) {
    let pdf = pdfCache.get(doc.file);
    if (!pdf) {
      let source: DocumentSource;
      try {
        source = await load(doc);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new Error(`Could not load exhibit document "${doc.file}": ${reason}`);
      }
      if (source.kind === 'text') {
        prepared.push(typesetText(doc, source.pages, fonts));
        continue;
      }
      const parsed = await loadPdf(doc, source.bytes);
      pdf = { pdf: parsed, copier: PDFObjectCopier.for(parsed.context, target.context) };
      pdfCache.set(doc.file, pdf);
    }
    prepared.push(await embedPdfRange(target, doc, pdf));
  }
  return prepared;
}
