/**
 * The client report's tables as a workbook (exceljs): one sheet per table, typed cells (numbers as
 * numbers, dates as dates, currency and percent formats) and a frozen header row on each sheet.
 */
import ExcelJS from 'exceljs';
import type { DashboardSlice } from '../../../shared/api';
import type { IsoDate } from '../../../shared/model';
import type { ClientReport } from './data';

const CURRENCY = '"$"#,##0.00';
const PERCENT = '0.0%';
const DATE = 'mm/dd/yyyy';

type Kind = 'text' | 'int' | 'currency' | 'percent' | 'date';

interface Column {
  header: string;
  width: number;
  kind: Kind;
}

const NUM_FMT: Partial<Record<Kind, string>> = {
  currency: CURRENCY,
  percent: PERCENT,
  date: DATE,
  int: '0',
};

/** An ISO date as a date cell (midnight UTC, which exceljs writes as the same calendar day). */
function dateCell(d: IsoDate | null | undefined): Date | null {
  return d ? new Date(`${d}T00:00:00Z`) : null;
}

type Cell = string | number | Date | null;

function addSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  columns.forEach((c, i) => {
    const fmt = NUM_FMT[c.kind];
    if (fmt) ws.getColumn(i + 1).numFmt = fmt;
  });
  ws.getRow(1).numFmt = '@';
}

const SLICE_COLUMNS = (first: string): Column[] => [
  { header: first, width: 32, kind: 'text' },
  { header: 'Billed dates', width: 13, kind: 'int' },
  { header: 'Passing dates', width: 13, kind: 'int' },
  { header: 'Readiness', width: 11, kind: 'percent' },
  { header: 'Charges', width: 13, kind: 'currency' },
  { header: 'At risk', width: 13, kind: 'currency' },
  { header: 'Episodes', width: 10, kind: 'int' },
];

const sliceRows = (slices: DashboardSlice[]): Cell[][] =>
  slices.map((s) => [
    s.label,
    s.billedDates,
    s.passingDates,
    s.readiness,
    s.charges,
    s.atRisk,
    s.episodes,
  ]);

export async function clientReportXlsx(r: ClientReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ChartReady';
  const stamp = new Date(`${r.asOf}T12:00:00Z`);
  wb.created = stamp;
  wb.modified = stamp;

  const s = r.summary;
  const summary: Array<[string, Cell, Kind]> = [
    ['Clinic', r.clinicName, 'text'],
    ['As of', dateCell(r.asOf), 'date'],
    ['Period from', dateCell(r.period.first), 'date'],
    ['Period to', dateCell(r.period.last), 'date'],
    ['Episodes reviewed', s.episodes, 'int'],
    ['Billed dates', s.billedDates, 'int'],
    ['Passing dates', s.passingDates, 'int'],
    ['Readiness', s.readiness, 'percent'],
    ['Charges', s.charges, 'currency'],
    ['Dollars at risk', s.atRisk, 'currency'],
    ['Open error findings', s.errorFindings, 'int'],
    ['Open warnings', s.warningFindings, 'int'],
    ['Open corrective actions', s.openActions, 'int'],
    ['Overdue corrective actions', s.overdueActions, 'int'],
  ];
  if (r.sample) {
    const x = r.sample;
    summary.push(
      ['Sample', x.id, 'int'],
      ['Sampled claims', x.n, 'int'],
      ['Claims in error', x.inError, 'int'],
      ['Error rate', x.errorRate, 'percent'],
      [
        `Error rate lower (${Math.round(x.interval.confidence * 100)}%)`,
        x.interval.lower,
        'percent',
      ],
      [
        `Error rate upper (${Math.round(x.interval.confidence * 100)}%)`,
        x.interval.upper,
        'percent',
      ],
      ['Dollars at risk in the sample', x.sampledAtRisk, 'currency'],
      ['Frame size (claims)', x.frameSize, 'int'],
      ['Projected dollars at risk', x.projected.point, 'currency'],
      ['Projected lower limit', x.projected.lower, 'currency'],
    );
  }
  const ws = wb.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Measure', width: 34 },
    { header: 'Value', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const [label, value, kind] of summary) {
    const row = ws.addRow([label, value]);
    const fmt = NUM_FMT[kind];
    if (fmt) row.getCell(2).numFmt = fmt;
  }

  addSheet(wb, 'By clinician', SLICE_COLUMNS('Clinician'), sliceRows(r.byClinician));
  addSheet(wb, 'By payer', SLICE_COLUMNS('Payer'), sliceRows(r.byPayer));
  addSheet(wb, 'By month', SLICE_COLUMNS('Month'), sliceRows(r.byMonth));
  addSheet(
    wb,
    'By rule',
    [
      { header: 'Rule', width: 28, kind: 'text' },
      { header: 'Title', width: 60, kind: 'text' },
      { header: 'Findings', width: 10, kind: 'int' },
      { header: 'Billed dates', width: 13, kind: 'int' },
      { header: 'At risk', width: 13, kind: 'currency' },
      { header: 'What to change', width: 80, kind: 'text' },
    ],
    r.byRule.map((x) => [
      x.rule,
      x.title,
      x.findings,
      x.billedDates,
      x.atRisk,
      r.explained.find((e) => e.rule === x.rule)?.advice ?? null,
    ]),
  );
  addSheet(
    wb,
    'Corrective actions',
    [
      { header: 'Due', width: 12, kind: 'date' },
      { header: 'Status', width: 10, kind: 'text' },
      { header: 'Owner', width: 24, kind: 'text' },
      { header: 'Patient', width: 24, kind: 'text' },
      { header: 'Rule', width: 26, kind: 'text' },
      { header: 'Dates', width: 24, kind: 'text' },
      { header: 'Action', width: 60, kind: 'text' },
      { header: 'Finding', width: 20, kind: 'text' },
    ],
    r.actions.map((a) => [
      dateCell(a.due),
      a.status,
      a.clinician,
      a.patient,
      a.rule,
      a.dates.join(', '),
      a.action,
      a.findingId,
    ]),
  );
  addSheet(
    wb,
    'Findings',
    [
      { header: 'Finding', width: 20, kind: 'text' },
      { header: 'Patient', width: 24, kind: 'text' },
      { header: 'Rule', width: 26, kind: 'text' },
      { header: 'Level', width: 9, kind: 'text' },
      { header: 'First date', width: 12, kind: 'date' },
      { header: 'Dates', width: 24, kind: 'text' },
      { header: 'Message', width: 60, kind: 'text' },
      { header: 'File', width: 40, kind: 'text' },
      { header: 'Page', width: 7, kind: 'int' },
      { header: 'Quote', width: 60, kind: 'text' },
      { header: 'Decision', width: 14, kind: 'text' },
      { header: 'Reason', width: 40, kind: 'text' },
    ],
    r.findings.map((f) => {
      const ev = f.evidence[0];
      return [
        f.id,
        f.patient,
        f.rule,
        f.level,
        dateCell([...f.dates].sort()[0]),
        f.dates.join(', '),
        f.message,
        f.citations[0] ?? null,
        ev?.page ?? null,
        ev?.quote ?? null,
        f.decision?.as ?? 'open',
        f.decision?.reason ?? null,
      ];
    }),
  );
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
