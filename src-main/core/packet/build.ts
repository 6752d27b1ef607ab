/**
 * Packet assembly: cover letter (or ADR cover sheet), exhibit index, then per exhibit a separator
 * and the original pages. The letter cites packet page numbers, which depend on the letter's own
 * length, so the front matter is laid out repeatedly until its page count is stable.
 */
import { deflateSync } from 'node:zlib';
import {
  PDFContentStream,
  PDFDocument,
  PDFName,
  PDFRawStream,
  StandardFonts,
  degrees,
  drawPage,
  rgb,
  type PDFPage,
} from 'pdf-lib';
import { parseISO } from 'date-fns';
import type { ExhibitPlacement } from './citations';
import { prepareExhibits, type EmbeddedSourcePage, type PreparedExhibit } from './exhibit-sources';
import { packetIdentity, type PacketIdentity } from './identity';
import { indexPageCount, indexPages, separatorPage, separatorTitle } from './index-pages';
import { adrCoverBlocks, appealLetterBlocks, type LetterContext } from './letter';
import { addOutline, setPageLabels, type OutlineEntry } from './outline';
import { EMBED_BOX, PAGE_HEIGHT, PAGE_WIDTH } from './page-geometry';
import { planPacketDetailed, type DetailedPlan } from './plan';
import { batesNumber, stampPage, type StampInfo } from './stamp';
import { drawLaidOutPage, layoutBlocks, type Fonts, type LaidOutPage } from './text-layout';
import type { Exhibit, PacketInput, PacketPlan } from './types';
import { toWinAnsi } from './winansi';

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
  const indexCount = indexPageCount(plan.exhibits.length);
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

async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
}

function newPage(doc: PDFDocument): PDFPage {
  return doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
}

/** Draws an original page scaled into the box between the stamp bands, never over them. */
function drawEmbedded(page: PDFPage, embedded: EmbeddedSourcePage): void {
  const scale = Math.min(EMBED_BOX.width / embedded.width, EMBED_BOX.height / embedded.height);
  const width = embedded.width * scale;
  const height = embedded.height * scale;
  const x = EMBED_BOX.x + (EMBED_BOX.width - width) / 2;
  const y = EMBED_BOX.y + (EMBED_BOX.height - height) / 2;
  // The same operators PDFPage.drawPage writes, for a form XObject we registered ourselves.
  const name = page.node.newXObject('EmbeddedPdfPage', embedded.ref);
  page.pushOperators(
    ...drawPage(name, {
      x,
      y,
      xScale: scale,
      yScale: scale,
      rotate: degrees(0),
      xSkew: degrees(0),
      ySkew: degrees(0),
    }),
  );
  // A hairline frame shows the reviewer where the original page begins and ends.
  page.drawRectangle({ x, y, width, height, borderColor: rgb(0.7, 0.7, 0.7), borderWidth: 0.5 });
}

function stampInfo(plan: PacketPlan, identity: PacketIdentity): StampInfo {
  const member = identity.memberId ? `  Member ID ${identity.memberId}` : '';
  const payerClaim = identity.payerClaimNumber ? `  Payer claim ${identity.payerClaimNumber}` : '';
  return {
    topLeft: `${identity.patientName}  DOB ${identity.dob}${member}`,
    topRight: `${identity.claimLabel}${payerClaim}`,
    bottomCenter: `${plan.kind === 'adr' ? 'ADR response' : 'Appeal'}  DOS ${identity.dosRange}`,
  };
}

function setMetadata(
  doc: PDFDocument,
  plan: PacketPlan,
  identity: PacketIdentity,
  input: PacketInput,
): void {
  const what = plan.kind === 'adr' ? 'ADR response' : 'Appeal packet';
  doc.setTitle(toWinAnsi(`${what} - ${identity.patientName} - ${identity.claimLabel}`), {
    showInWindowTitleBar: true,
  });
  doc.setAuthor(toWinAnsi(input.settings.clinicName?.trim() || 'ChartReady'));
  doc.setSubject(
    toWinAnsi(
      `${plan.denial.group ? plan.denial.group + '-' : 'CARC '}${plan.denial.carc}: ${plan.denialMeaning}`,
    ),
  );
  doc.setKeywords(['ChartReady', plan.kind, identity.claimLabel]);
  doc.setCreator('ChartReady');
  doc.setProducer('ChartReady (pdf-lib)');
  // Same input, same bytes: dates come from `today`, never the clock.
  const date = parseISO(`${input.today}T12:00:00Z`);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}

/**
 * Compresses the content streams the packet drew (letter, stamps, frames) with Node's zlib before
 * saving, instead of pdf-lib's JavaScript deflate: same filter, same content, a fraction of the
 * time.
 */
function compressDrawnStreams(doc: PDFDocument): void {
  const flate = PDFName.of('FlateDecode');
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFContentStream) || obj.dict.get(PDFName.of('Filter')) !== flate)
      continue;
    doc.context.assign(ref, PDFRawStream.of(obj.dict, deflateSync(obj.getUnencodedContents())));
  }
}

export async function buildPacket(
  input: PacketInput,
): Promise<{ pdf: Uint8Array; plan: PacketPlan; pageCount: number }> {
  const detailed = planPacketDetailed(input);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc);
  const prepared = await prepareExhibits(
    doc,
    detailed.exhibitDocs,
    input.loadDocumentSource,
    fonts,
  );
  const identity = packetIdentity(input.episode, detailed.plan);
  const front = layoutFrontMatter(detailed, input, identity, prepared, fonts);
  const plan: PacketPlan = { ...detailed.plan, exhibits: front.exhibits };

  const outline: OutlineEntry[] = [
    { title: plan.kind === 'adr' ? 'ADR cover sheet' : 'Cover letter', pageIndex: 0 },
    { title: 'Exhibit index', pageIndex: front.letterPages.length },
  ];
  for (const ops of [...front.letterPages, ...front.indexPages])
    drawLaidOutPage(newPage(doc), ops, fonts);
  front.exhibits.forEach((exhibit, i) => {
    const prep = prepared[i] as PreparedExhibit;
    outline.push({ title: toWinAnsi(separatorTitle(exhibit)), pageIndex: doc.getPageCount() });
    drawLaidOutPage(newPage(doc), separatorPage(exhibit, fonts), fonts);
    for (const p of prep.pages) {
      const page = newPage(doc);
      if (p.kind === 'embedded') drawEmbedded(page, p.page);
      else drawLaidOutPage(page, p.ops, fonts);
    }
  });

  const pageCount = doc.getPageCount();
  const info = stampInfo(plan, identity);
  const prefix = toWinAnsi(input.batesPrefix ?? 'CR-');
  const labels: string[] = [];
  doc.getPages().forEach((page, i) => {
    const bates = batesNumber(prefix, i + 1);
    labels.push(bates);
    stampPage(page, info, bates, i + 1, pageCount, fonts);
  });
  addOutline(doc, outline);
  setPageLabels(doc, labels);
  setMetadata(doc, plan, identity, input);
  compressDrawnStreams(doc);
  // objectsPerTick: write in one go rather than yielding to the event loop every 50 objects.
  const pdf = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return { pdf, plan, pageCount };
}
