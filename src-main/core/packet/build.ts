/**
 * Packet assembly: cover letter (or ADR cover sheet), exhibit index, then per exhibit a separator
 * and the original pages. The letter cites packet page numbers, which depend on the letter's own
 * length, so the front matter is laid out repeatedly until its page count is stable.
 */
import { PDFDocument, PDFName, PDFNumber, StandardFonts, type PDFFont, type PDFRef } from 'pdf-lib';
import { parseISO } from 'date-fns';
import { RefusedError } from '../../../shared/errors';
import type { ExhibitPlacement } from './citations';
import {
  prepareExhibits,
  SourceLoads,
  type EmbeddedSourcePage,
  type PreparedExhibit,
} from './exhibit-sources';
import { packetIdentity, type PacketIdentity } from './identity';
import { indexPageCount, indexPages, separatorPage, separatorTitle } from './index-pages';
import { adrCoverBlocks, appealLetterBlocks, type LetterContext } from './letter';
import { addOutline, setPageLabels, type OutlineEntry } from './outline';
import { EMBED_BOX, PAGE_HEIGHT, PAGE_WIDTH } from './page-geometry';
import { planPacketDetailed, type DetailedPlan } from './plan';
import { PageContent, PageFonts, rgbColor } from './page-content';
import { batesLabelRanges, batesNumber, pageStamp, type StampInfo } from './stamp';
import { drawLaidOutPage, layoutBlocks, type Fonts, type LaidOutPage } from './text-layout';
import type { Exhibit, PacketInput, PacketPlan } from './types';
import { toWinAnsi } from './winansi';
// Installs the native decoder of standard font metrics before any font is embedded.
import './standard-font-metrics';

const MAX_LAYOUT_PASSES = 8;

interface FrontMatter {
  letterPages: LaidOutPage[];
  indexPages: LaidOutPage[];
  exhibits: Exhibit[];
  placements: Map<number, ExhibitPlacement>;
}

/** Packet page numbers for each exhibit, given how many pages come before the first one. */
function placeExhibits(exhibits: Exhibit[], prepared: PreparedExhibit[], frontPages: number) {
  const placements = new Map<number, ExhibitPlacement>();
  let next = frontPages + 1;
  const placed = exhibits.map((e, i) => {
    const prep = prepared[i] as PreparedExhibit;
    const firstPage = next;
    const lastPage = firstPage + prep.pages.length;
    next = lastPage + 1;
    placements.set(prep.doc.id, {
      letter: e.letter,
      separatorPage: firstPage,
      contentFirst: firstPage + 1,
      contentLast: lastPage,
      sourcePageMap: prep.sourcePageMap,
    });
    return { ...e, firstPage, lastPage };
  });
  return { placed, placements };
}

function layoutFrontMatter(
  detailed: DetailedPlan,
  input: PacketInput,
  identity: PacketIdentity,
  prepared: PreparedExhibit[],
  fonts: Fonts,
): FrontMatter {
  const { plan } = detailed;
  const indexCount = indexPageCount(plan.exhibits, fonts);
  let letterCount = 1;
  for (let pass = 0; pass < MAX_LAYOUT_PASSES; pass++) {
    const { placed, placements } = placeExhibits(plan.exhibits, prepared, letterCount + indexCount);
    const ctx: LetterContext = {
      episode: input.episode,
      plan: { ...plan, exhibits: placed },
      template: detailed.template,
      paragraphs: detailed.paragraphs,
      settings: input.settings,
      identity,
      today: input.today,
      placements,
      indexPage: letterCount + 1,
      totalExhibits: placed.length,
      hasTypesetExhibits: prepared.some((p) => p.pages.some((page) => page.kind === 'typeset')),
    };
    const blocks = plan.kind === 'appeal' ? appealLetterBlocks(ctx) : adrCoverBlocks(ctx);
    const letterPages = layoutBlocks(blocks, fonts);
    if (letterPages.length === letterCount) {
      return {
        letterPages,
        indexPages: indexPages(placed, plan.kind, fonts),
        exhibits: placed,
        placements,
      };
    }
    letterCount = letterPages.length;
  }
  throw new Error('The cover letter layout did not settle on a page count');
}

export function embedFonts(doc: PDFDocument): Fonts {
  let mono: PDFFont | undefined;
  return {
    regular: doc.embedStandardFont(StandardFonts.Helvetica),
    bold: doc.embedStandardFont(StandardFonts.HelveticaBold),
    italic: doc.embedStandardFont(StandardFonts.HelveticaOblique),
    // Only text-only sources are set in Courier: loading its metrics is paid for when one is.
    get mono() {
      return (mono ??= doc.embedStandardFont(StandardFonts.Courier));
    },
  };
}

const FRAME_COLOR = rgbColor(0.7, 0.7, 0.7);

/** Draws an original page scaled into the box between the stamp bands, never over them. */
function drawEmbedded(content: PageContent, embedded: EmbeddedSourcePage): void {
  const scale = Math.min(EMBED_BOX.width / embedded.width, EMBED_BOX.height / embedded.height);
  const width = embedded.width * scale;
  const height = embedded.height * scale;
  const x = EMBED_BOX.x + (EMBED_BOX.width - width) / 2;
  const y = EMBED_BOX.y + (EMBED_BOX.height - height) / 2;
  content.form(embedded.ref, x, y, scale);
  // A hairline frame shows the reviewer where the original page begins and ends.
  content.frame(x, y, width, height, 0.5, FRAME_COLOR);
}

/** The packet's name on its pages and metadata: "ADR" is Medicare's word for a records request. */
function packetName(plan: PacketPlan, medicare: boolean, appeal: string): string {
  if (plan.kind === 'appeal') return appeal;
  return medicare ? 'ADR response' : 'Records response';
}

function stampInfo(plan: PacketPlan, identity: PacketIdentity, medicare: boolean): StampInfo {
  const member = identity.memberId ? `  Member ID ${identity.memberId}` : '';
  const payerClaim = identity.payerClaimNumber ? `  Payer claim ${identity.payerClaimNumber}` : '';
  return {
    topLeft: `${identity.patientName}  DOB ${identity.dob}${member}`,
    topRight: `${identity.claimLabel}${payerClaim}`,
    bottomCenter: `${packetName(plan, medicare, 'Appeal')}  DOS ${identity.dosRange}`,
  };
}

function setMetadata(
  doc: PDFDocument,
  plan: PacketPlan,
  identity: PacketIdentity,
  input: PacketInput,
): void {
  const what = packetName(plan, input.episode.payer.kind === 'medicare', 'Appeal packet');
  const title = [what, identity.patientName, identity.claimLabel].filter(Boolean).join(' - ');
  doc.setTitle(toWinAnsi(title), { showInWindowTitleBar: true });
  doc.setAuthor(toWinAnsi(input.settings.clinicName?.trim() || 'ChartReady'));
  // A records response answers a request for the records, not a denial: it names no denial code.
  doc.setSubject(
    toWinAnsi(
      plan.kind === 'adr'
        ? "Records enclosed at the payer's request"
        : `${plan.denial.group ? plan.denial.group + '-' : 'CARC '}${plan.denial.carc}: ${plan.denialMeaning}`,
    ),
  );
  doc.setKeywords(['ChartReady', plan.kind, ...(identity.claimLabel ? [identity.claimLabel] : [])]);
  doc.setCreator('ChartReady');
  doc.setProducer('ChartReady (pdf-lib)');
  // Same input, same bytes: dates come from `today`, never the clock.
  const date = parseISO(`${input.today}T12:00:00Z`);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}

export async function buildPacket(
  input: PacketInput,
): Promise<{ pdf: Uint8Array; plan: PacketPlan; pageCount: number }> {
  const detailed = planPacketDetailed(input);
  // A letter that says the record is enclosed must enclose some: no exhibits, no packet.
  if (detailed.exhibitDocs.length === 0)
    throw new RefusedError(
      'No documents are selected for the packet: add at least one exhibit (a packet without records would tell the payer the record is enclosed when it is not).',
    );
  const doc = await PDFDocument.create({ updateMetadata: false });
  const loads = new SourceLoads(detailed.exhibitDocs, input.loadDocumentSource);
  // Font metrics load while the source files are read.
  const fonts = embedFonts(doc);
  const prepared = await prepareExhibits(doc, detailed.exhibitDocs, loads, fonts);
  const identity = packetIdentity(input.episode, detailed.plan);
  const front = layoutFrontMatter(detailed, input, identity, prepared, fonts);
  const plan: PacketPlan = { ...detailed.plan, exhibits: front.exhibits };

  const outline: OutlineEntry[] = [
    // A records response's cover is a sheet, named as the payer names the request.
    {
      title:
        plan.kind === 'appeal'
          ? 'Cover letter'
          : `${packetName(plan, input.episode.payer.kind === 'medicare', '')} cover sheet`,
      pageIndex: 0,
    },
    { title: 'Exhibit index', pageIndex: front.letterPages.length },
  ];
  // What each page shows below its stamp, in packet order.
  const bodies: ((content: PageContent) => void)[] = [];
  for (const ops of [...front.letterPages, ...front.indexPages])
    bodies.push((content) => drawLaidOutPage(content, ops, fonts));
  front.exhibits.forEach((exhibit, i) => {
    const prep = prepared[i] as PreparedExhibit;
    outline.push({ title: toWinAnsi(separatorTitle(exhibit)), pageIndex: bodies.length });
    const separator = separatorPage(exhibit, fonts);
    bodies.push((content) => drawLaidOutPage(content, separator, fonts));
    for (const p of prep.pages) {
      bodies.push((content) =>
        p.kind === 'embedded'
          ? drawEmbedded(content, p.page)
          : drawLaidOutPage(content, p.ops, fonts),
      );
    }
  });

  const pageCount = bodies.length;
  const pageFonts = new PageFonts(doc);
  const stamp = pageStamp(
    stampInfo(plan, identity, input.episode.payer.kind === 'medicare'),
    fonts,
    pageFonts,
  );
  const prefix = toWinAnsi(input.batesPrefix ?? 'CR-');
  const treeRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
  const mediaBox = [0, 0, PAGE_WIDTH, PAGE_HEIGHT];
  const pageRefs = bodies.map((body, i) => {
    const content = new PageContent(pageFonts);
    body(content);
    stamp(content, batesNumber(prefix, i + 1), i + 1, pageCount);
    return content.toPage(doc, treeRef, mediaBox);
  });
  // The pages become the kids of the new document's empty page tree in one go: PDFDocument.addPage
  // would wrap each in a PDFPage and walk the tree on every insert. pdf-lib computes its own page
  // list on first use, so the document still sees them all.
  const tree = doc.catalog.Pages();
  tree.set(PDFName.of('Kids'), doc.context.obj(pageRefs));
  tree.set(PDFName.of('Count'), PDFNumber.of(pageRefs.length));
  addOutline(doc, outline, pageRefs);
  setPageLabels(doc, batesLabelRanges(prefix, pageCount));
  setMetadata(doc, plan, identity, input);
  // objectsPerTick: write in one go rather than yielding to the event loop every 50 objects.
  // addDefaultPage: false, or save asks for the page count, which wraps every page in a PDFPage.
  const pdf = await doc.save({
    useObjectStreams: false,
    objectsPerTick: Infinity,
    addDefaultPage: false,
  });
  return { pdf, plan, pageCount };
}
