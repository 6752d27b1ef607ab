/**
 * Loads each exhibit's source and prepares its pages: PDF pages are embedded as-is (only the
 * document's own page range: a printed chart holds many documents), text sources are typeset.
 * Exhibits keep their original pages, copied, not re-typed (architecture.md).
 */
import { PDFDocument, type PDFEmbeddedPage } from 'pdf-lib';
import type { EpisodeDocument } from '../../../shared/episode';
import type { PageText } from '../../../shared/model';
import { layoutBlocks, type Block, type Fonts, type LaidOutPage } from './text-layout';
import type { DocumentSource, PacketInput } from './types';

export type ExhibitPage =
  { kind: 'embedded'; page: PDFEmbeddedPage } | { kind: 'typeset'; ops: LaidOutPage };

export interface PreparedExhibit {
  doc: EpisodeDocument;
  pages: ExhibitPage[];
  /** Original page number -> [first, last] 0-based index into `pages`. */
  sourcePageMap: Map<number, [number, number]>;
}

async function loadPdf(doc: EpisodeDocument, bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Could not read the PDF for exhibit document "${doc.file}": ${reason}`);
  }
}

async function embedPdfRange(
  target: PDFDocument,
  doc: EpisodeDocument,
  source: PDFDocument,
): Promise<PreparedExhibit> {
  const count = source.getPageCount();
  if (doc.pageStart < 1 || doc.pageEnd < doc.pageStart || doc.pageEnd > count) {
    throw new Error(
      `Exhibit document "${doc.file}" names pages ${doc.pageStart}-${doc.pageEnd}, but the file has ${count} page${count === 1 ? '' : 's'}`,
    );
  }
  const srcPages = source.getPages().slice(doc.pageStart - 1, doc.pageEnd);
  let embedded: PDFEmbeddedPage[];
  try {
    embedded = await target.embedPages(srcPages);
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
  const pdfCache = new Map<string, PDFDocument>();
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
      pdf = await loadPdf(doc, source.bytes);
      pdfCache.set(doc.file, pdf);
    }
    prepared.push(await embedPdfRange(target, doc, pdf));
  }
  return prepared;
}
