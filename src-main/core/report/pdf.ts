/**
 * The client report as a PDF, typeset with the packet's helpers (fonts, flow layout, page stamps,
 * bookmarks and page labels): cover, summary, tables by clinician and rule (and payer, month),
 * failing rules explained, the corrective-action plan and the appendix of findings.
 */
import { PDFDocument, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import { parseISO } from 'date-fns';
import type { DashboardSlice } from '../../../shared/api';
import { embedFonts } from '../packet/build';
import { usDate } from '../packet/format';
import { addOutline, setPageLabels, type OutlineEntry } from '../packet/outline';
import { PageContent, PageFonts } from '../packet/page-content';
import { PAGE_HEIGHT, PAGE_WIDTH, TEXT_BOX } from '../packet/page-geometry';
import { batesLabelRanges, batesNumber, pageStamp } from '../packet/stamp';
import {
  drawLaidOutPage,
  layoutBlocks,
  textWidth,
  type Block,
  type DrawOp,
  type Fonts,
  type FontStyle,
  type LaidOutPage,
} from '../packet/text-layout';
import { toWinAnsi } from '../packet/winansi';
import type { ClientReport } from './data';
import { money, percent, periodText } from './format';
import '../packet/standard-font-metrics';

const TABLE_SIZE = 8.5;
const ROW = 13;

export interface TableColumn {
  head: string;
  width: number;
  align?: 'left' | 'right';
}

/** Pages of draw operations filled top to bottom: blocks through the packet layout, and tables. */
class Flow {
  readonly pages: LaidOutPage[] = [[]];
  readonly outline: OutlineEntry[] = [];
  private y = TEXT_BOX.top;

  constructor(private readonly fonts: Fonts) {}

  private get page(): LaidOutPage {
    return this.pages[this.pages.length - 1] as LaidOutPage;
  }

  newPage(): void {
    if (this.page.length > 0) this.pages.push([]);
    this.y = TEXT_BOX.top;
  }

  /** Starts a section on a new page with a heading and a bookmark. */
  section(title: string, intro?: string): void {
    this.newPage();
    this.outline.push({ title, pageIndex: this.pages.length - 1 });
    this.blocks([
      { kind: 'para', runs: [{ text: title, style: 'bold' }], size: 16, spaceAfter: 8 },
    ]);
    if (intro) this.blocks([{ kind: 'para', runs: [{ text: intro, style: 'italic' }], size: 9.5 }]);
  }

  blocks(blocks: Block[]): void {
    for (const block of blocks) {
      if (block.kind === 'page-break') {
        this.newPage();
        continue;
      }
      if (block.kind === 'space') {
        this.y -= block.height;
        continue;
      }
      if (block.kind === 'rule') {
        this.ensure(8);
        this.page.push(ruleOp(this.y + 4));
        this.y -= block.spaceAfter ?? 10;
        continue;
      }
      // A lead-in (heading, finding line) keeps a few lines of what follows on its page.
      if (block.keepWithNext) this.ensure((block.size ?? 10.5) * 1.35 * 4 + 10);
      let laid = layoutBlocks([block], this.fonts, { ...TEXT_BOX, top: this.y });
      if (laid.length > 1) {
        this.newPage();
        laid = layoutBlocks([block], this.fonts, TEXT_BOX);
      }
      const last = laid[laid.length - 1] as LaidOutPage;
      for (const extra of laid.slice(0, -1)) {
        this.page.push(...extra);
        this.pages.push([]);
      }
      this.page.push(...last);
      const size = block.size ?? 10.5;
      const bottom = Math.min(...last.map((op) => op.y));
      this.y = bottom - size * 0.35 - (block.spaceAfter ?? 6);
    }
  }

  private ensure(height: number): boolean {
    if (this.y - height < TEXT_BOX.bottom) {
      this.newPage();
      return true;
    }
    return false;
  }

  private row(cells: string[], columns: TableColumn[], style: FontStyle): void {
    let x = TEXT_BOX.left;
    cells.forEach((cell, i) => {
      const col = columns[i] as TableColumn;
      const text = clip(cell, this.fonts[style], col.width - 6);
      const w = textWidth(this.fonts[style], text, TABLE_SIZE);
      this.page.push({
        kind: 'text',
        text,
        x: col.align === 'right' ? x + col.width - 6 - w : x,
        y: this.y - TABLE_SIZE,
        size: TABLE_SIZE,
        style,
        width: w,
      });
      x += col.width;
    });
    this.y -= ROW;
  }

  /**
   * A horizontal bar chart of shares (0-1): label, a bar on a thin 0-100% track, and the figure
   * written out, so it reads without colour (bars are drawn as thick rules in the rule grey).
   */
  bars(rows: Array<{ label: string; value: number | null; text: string }>): void {
    const labelWidth = 130;
    const track = TEXT_BOX.right - TEXT_BOX.left - labelWidth - 150;
    const x0 = TEXT_BOX.left + labelWidth;
    for (const r of rows) {
      this.ensure(ROW + 2);
      const base = this.y - TABLE_SIZE;
      const mid = base + TABLE_SIZE / 3;
      const label = clip(r.label, this.fonts.regular, labelWidth - 8);
      this.page.push({
        kind: 'text',
        text: label,
        x: TEXT_BOX.left,
        y: base,
        size: TABLE_SIZE,
        style: 'regular',
        width: 0,
      });
      this.page.push({
        kind: 'rule',
        text: '',
        x: x0,
        y: mid,
        size: 0.3,
        style: 'regular',
        width: track,
      });
      if (r.value)
        this.page.push({
          kind: 'rule',
          text: '',
          x: x0,
          y: mid,
          size: 8,
          style: 'regular',
          width: Math.max(0.5, track * Math.min(1, r.value)),
        });
      this.page.push({
        kind: 'text',
        text: toWinAnsi(r.text),
        x: x0 + track + 8,
        y: base,
        size: TABLE_SIZE,
        style: 'regular',
        width: 0,
      });
      this.y -= ROW + 1;
    }
    this.y -= 8;
  }

  /** A table with its header repeated on each page it runs onto; cells are clipped to fit. */
  table(columns: TableColumn[], rows: string[][]): void {
    const header = () => {
      this.row(
        columns.map((c) => c.head),
        columns,
        'bold',
      );
      this.page.push(ruleOp(this.y + ROW - TABLE_SIZE - 4));
    };
    this.ensure(ROW * 3);
    header();
    for (const r of rows) {
      if (this.ensure(ROW)) header();
      this.row(r, columns, 'regular');
    }
    this.y -= 8;
  }
}

function ruleOp(y: number): DrawOp {
  return {
    kind: 'rule',
    text: '',
    x: TEXT_BOX.left,
    y,
    size: 0.5,
    style: 'regular',
    width: TEXT_BOX.right - TEXT_BOX.left,
  };
}

function clip(text: string, font: Fonts['regular'], max: number): string {
  let t = toWinAnsi(text);
  if (textWidth(font, t, TABLE_SIZE) <= max) return t;
  while (t.length > 1 && textWidth(font, t + '...', TABLE_SIZE) > max) t = t.slice(0, -1);
  return t + '...';
}

const para = (text: string, opts: Partial<Extract<Block, { kind: 'para' }>> = {}): Block => ({
  kind: 'para',
  runs: [{ text }],
  ...opts,
});

const keyValue = (key: string, value: string): Block => ({
  kind: 'para',
  runs: [{ text: `${key}: `, style: 'bold' }, { text: value }],
  spaceAfter: 3,
});

const SLICE_COLUMNS = (first: string): TableColumn[] => [
  { head: first, width: 190 },
  { head: 'Billed dates', width: 58, align: 'right' },
  { head: 'Passing', width: 45, align: 'right' },
  { head: 'Readiness', width: 53, align: 'right' },
  { head: 'Charges', width: 61, align: 'right' },
  { head: 'At risk', width: 61, align: 'right' },
];

const sliceRows = (slices: DashboardSlice[]) =>
  slices.map((s) => [
    s.label,
    String(s.billedDates),
    String(s.passingDates),
    percent(s.readiness),
    money(s.charges),
    money(s.atRisk),
  ]);

function countText(e: { errors: number; warnings: number }): string {
  const parts: string[] = [];
  if (e.errors) parts.push(`${e.errors} open error${e.errors === 1 ? '' : 's'}`);
  if (e.warnings) parts.push(`${e.warnings} open warning${e.warnings === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

function readinessLine(r: ClientReport): string {
  const s = r.summary;
  return `${percent(s.readiness)} (${s.passingDates} of ${s.billedDates} billed dates pass every error-severity rule)`;
}

function coverBlocks(r: ClientReport): Block[] {
  return [
    { kind: 'space', height: 150 },
    para('Chart audit readiness report', { size: 13, align: 'center', spaceAfter: 14 }),
    {
      kind: 'para',
      runs: [{ text: r.clinicName, style: 'bold' }],
      size: 24,
      align: 'center',
      spaceAfter: 18,
    },
    para(`Period reviewed: ${periodText(r.period)}`, { size: 12, align: 'center', spaceAfter: 6 }),
    para(`As of ${usDate(r.asOf)}`, { size: 12, align: 'center', spaceAfter: 6 }),
    ...(r.sample
      ? [
          para(`Scope: probe sample ${r.sample.id} (${r.sample.n} claims)`, {
            size: 12,
            align: 'center',
          }),
        ]
      : []),
    { kind: 'space', height: 60 },
    para(`Prepared with ChartReady, rules ${r.rulesVersion}.`, { size: 9, align: 'center' }),
  ];
}

function summaryBlocks(r: ClientReport): Block[] {
  const s = r.summary;
  const out: Block[] = [
    keyValue('Readiness', readinessLine(r)),
    keyValue(
      'Dollars at risk',
      `${money(s.atRisk)} of ${money(s.charges)} billed (charges on dates with an open error)`,
    ),
    keyValue('Episodes reviewed', String(s.episodes)),
    keyValue('Open findings', `${s.errorFindings} errors, ${s.warningFindings} warnings`),
    keyValue('Corrective actions', `${s.openActions} open, ${s.overdueActions} overdue`),
  ];
  if (r.sample) {
    const x = r.sample;
    const conf = Math.round(x.interval.confidence * 100);
    out.push(
      { kind: 'space', height: 8 },
      {
        kind: 'para',
        runs: [{ text: `Probe sample ${x.id}`, style: 'bold' }],
        size: 12,
        spaceAfter: 4,
      },
      keyValue(
        'Error rate',
        `${percent(x.errorRate)} (${x.inError} of ${x.n} claims); ${conf}% interval ${percent(x.interval.lower)} - ${percent(x.interval.upper)} (Clopper-Pearson)`,
      ),
      keyValue('Dollars at risk in the sample', money(x.sampledAtRisk)),
      keyValue(
        'Projected to the frame',
        `${money(x.projected.point)} (${x.frameSize} claims; lower limit ${x.projected.lower === null ? 'not computable' : money(x.projected.lower)})`,
      ),
      ...(x.frameChanged
        ? [para('The claims have changed since the sample was drawn.', { size: 9 })]
        : []),
      para(
        `The figures, tables and findings in this report cover the billed dates of the ${x.n} sampled claims; the projection extends the sample to the ${x.frameSize} claims of the frame.`,
        { size: 9 },
      ),
    );
  }
  return out;
}

export async function clientReportPdf(
  r: ClientReport,
): Promise<{ pdf: Uint8Array; pageCount: number }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = embedFonts(doc);
  const flow = new Flow(fonts);

  flow.outline.push({ title: 'Cover', pageIndex: 0 });
  flow.blocks(coverBlocks(r));

  flow.section('Summary', `Readiness and dollars at risk as of ${usDate(r.asOf)}.`);
  flow.blocks(summaryBlocks(r));
  flow.blocks([
    { kind: 'space', height: 6 },
    para('By month', { size: 12, runs: [{ text: 'By month', style: 'bold' }] }),
  ]);
  flow.bars(
    r.byMonth.map((m) => ({
      label: m.label,
      value: m.readiness,
      text: `${percent(m.readiness)} ready, ${money(m.atRisk)} at risk`,
    })),
  );
  flow.table(SLICE_COLUMNS('Month'), sliceRows(r.byMonth));
  flow.blocks([para('By payer', { size: 12, runs: [{ text: 'By payer', style: 'bold' }] })]);
  flow.table(SLICE_COLUMNS('Payer'), sliceRows(r.byPayer));

  flow.section(
    'By clinician',
    'Billed dates of the episodes of each clinician (the rendering provider, else the first signer of the visit notes).',
  );
  flow.bars(
    r.byClinician.map((c) => ({
      label: c.label,
      value: c.readiness,
      text: `${percent(c.readiness)} ready, ${money(c.atRisk)} at risk`,
    })),
  );
  flow.table(SLICE_COLUMNS('Clinician'), sliceRows(r.byClinician));

  flow.section(
    'By rule',
    'Open error findings per rule, the billed dates they concern and the charges on them.',
  );
  flow.table(
    [
      { head: 'Rule', width: 128 },
      { head: 'Title', width: 200 },
      { head: 'Findings', width: 45, align: 'right' },
      { head: 'Dates', width: 40, align: 'right' },
      { head: 'At risk', width: 55, align: 'right' },
    ],
    r.byRule.map((x) => [
      x.rule,
      x.title,
      String(x.findings),
      String(x.billedDates),
      money(x.atRisk),
    ]),
  );

  flow.section(
    'Failing rules explained',
    'What each failing rule checks and what to change in documentation habits.',
  );
  if (r.explained.length === 0) flow.blocks([para('No rule fails.')]);
  for (const e of r.explained) {
    flow.blocks([
      {
        kind: 'para',
        runs: [
          { text: `${e.title} `, style: 'bold' },
          { text: `(${e.rule})`, style: 'italic' },
        ],
        keepWithNext: true,
        spaceAfter: 2,
      },
      para(`${countText(e)}, ${money(e.atRisk)} at risk. What to change: ${e.advice}`, {
        indent: 12,
        spaceAfter: 10,
      }),
    ]);
  }

  flow.section(
    'Corrective-action plan',
    'Confirmed defects with their action, owner and due date.',
  );
  if (r.actions.length === 0)
    flow.blocks([
      para('No corrective actions are recorded yet (see "chartready decide --as confirmed").'),
    ]);
  for (const a of r.actions) {
    flow.blocks([
      {
        kind: 'para',
        runs: [
          { text: `Due ${usDate(a.due)}  ${a.status.toUpperCase()}  `, style: 'bold' },
          { text: `Owner: ${a.clinician ?? 'not named'}  ` },
          { text: `${a.rule}  ${a.patient ?? '(episode no longer reviewed)'}`, style: 'italic' },
          { text: a.dates.length ? `  ${a.dates.map(usDate).join(', ')}` : '' },
        ],
        size: 9.5,
        keepWithNext: true,
        spaceAfter: 1,
      },
      para(a.action, { size: 9.5, indent: 12, spaceAfter: 8 }),
    ]);
  }

  flow.section(
    'Appendix: findings',
    'Every fail and warn finding with its evidence (file, page, quote) and the reviewer\u2019s decision.',
  );
  for (const f of r.findings) {
    const decision = f.decision
      ? `Decision: ${f.decision.as} by ${f.decision.by} - ${f.decision.reason}`
      : 'Decision: open';
    flow.blocks([
      {
        kind: 'para',
        runs: [
          { text: `${f.level.toUpperCase()} ${f.rule}`, style: 'bold' },
          {
            text: `  ${f.patient}  ${f.dates.length ? f.dates.map(usDate).join(', ') : 'whole episode'}`,
          },
        ],
        size: 9.5,
        keepWithNext: true,
        spaceAfter: 1,
      },
      para(f.message, { size: 9, indent: 12, spaceAfter: 1 }),
      ...f.evidence.slice(0, 3).map((ev, i) => ({
        kind: 'para' as const,
        runs: [
          {
            text: `${f.citations[i]}: `,
            style: 'italic' as const,
          },
          { text: `"${ev.quote}"` },
        ],
        size: 8.5,
        indent: 24,
        spaceAfter: 1,
      })),
      ...(f.evidence.length > 3
        ? [
            para(`(${f.evidence.length - 3} more cite${f.evidence.length === 4 ? '' : 's'})`, {
              size: 8.5,
              indent: 24,
              spaceAfter: 1,
            }),
          ]
        : []),
      para(decision, { size: 8.5, indent: 12, spaceAfter: 8 }),
    ]);
  }

  const pageCount = flow.pages.length;
  const pageFonts = new PageFonts(doc);
  const stamp = pageStamp(
    {
      topLeft: r.clinicName,
      topRight: `Client report  as of ${usDate(r.asOf)}`,
      bottomCenter: `Chart audit readiness  ${periodText(r.period)}`,
    },
    fonts,
    pageFonts,
  );
  const prefix = 'RPT-';
  const treeRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
  const pageRefs = flow.pages.map((ops, i) => {
    const content = new PageContent(pageFonts);
    drawLaidOutPage(content, ops, fonts);
    stamp(content, batesNumber(prefix, i + 1), i + 1, pageCount);
    return content.toPage(doc, treeRef, [0, 0, PAGE_WIDTH, PAGE_HEIGHT]);
  });
  const tree = doc.catalog.Pages();
  tree.set(PDFName.of('Kids'), doc.context.obj(pageRefs));
  tree.set(PDFName.of('Count'), PDFNumber.of(pageRefs.length));
  addOutline(doc, flow.outline, pageRefs);
  setPageLabels(doc, batesLabelRanges(prefix, pageCount));
  doc.setTitle(toWinAnsi(`Chart audit readiness report - ${r.clinicName}`), {
    showInWindowTitleBar: true,
  });
  doc.setAuthor(toWinAnsi(r.clinicName));
  doc.setCreator('ChartReady');
  doc.setProducer('ChartReady (pdf-lib)');
  const date = parseISO(`${r.asOf}T12:00:00Z`);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const pdf = await doc.save({
    useObjectStreams: false,
    objectsPerTick: Infinity,
    addDefaultPage: false,
  });
  return { pdf, pageCount };
}
