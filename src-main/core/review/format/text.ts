import { decisionLine } from '../../../../shared/decisions';
import type { Evidence, Finding } from '../../../../shared/model';
import type { ReportSource, ReviewedEpisode } from './report';

export interface TextOptions {
  /** ANSI colors for a terminal. Off by default so files and pipes stay plain. */
  color?: boolean;
  /** Wrap width; the report reads well at 80-100 columns. */
  width?: number;
}

const ANSI = {
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      out.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(indent + line);
  return out;
}

function evidenceLine(e: Evidence): string {
  const where = e.line !== undefined ? `line ${e.line}` : `p.${e.page}`;
  const quote = e.quote.replace(/\s+/g, ' ').trim();
  const short = quote.length > 70 ? `${quote.slice(0, 67)}...` : quote;
  return `${e.file} ${where} "${short}"`;
}

function dateRange(dates: string[]): string {
  if (dates.length === 0) return '';
  if (dates.length <= 3) return dates.join(', ');
  return `${dates[0]} .. ${dates[dates.length - 1]} (${dates.length} dates)`;
}

/** Problems first by consequence (errors, warnings, notes), then collapsed counts. */
function bucket(f: Finding): 'error' | 'warning' | 'info' | 'pass' | 'na' {
  if (f.status === 'pass') return 'pass';
  if (f.status === 'n/a') return 'na';
  return f.severity;
}

function renderEpisode(
  ep: ReviewedEpisode,
  width: number,
  paint: (c: keyof typeof ANSI, s: string) => string,
): string[] {
  const lines: string[] = [];
  const profile = ep.profile ? ` | profile ${ep.profile}` : '';
  lines.push(
    ...wrap(
      `Episode ${ep.id} | ${ep.start} to ${ep.end} | ${ep.visits} visit(s)${profile}`,
      width,
      '  ',
    ),
  );
  lines.push(...wrap(`Payer: ${ep.payer.name} (${ep.payer.kind})`, width, '  '));
  for (const why of ep.payer.basis ?? []) lines.push(...wrap(`- ${why}`, width, '    '));
  lines.push(...wrap(`Claims: ${ep.claims.join(', ') || 'none'}`, width, '  '));
  const groups: Array<{
    key: 'error' | 'warning' | 'info';
    title: string;
    color: keyof typeof ANSI;
  }> = [
    { key: 'error', title: 'ERRORS', color: 'red' },
    { key: 'warning', title: 'WARNINGS', color: 'yellow' },
    { key: 'info', title: 'NOTES', color: 'cyan' },
  ];
  for (const g of groups) {
    const list = ep.findings.filter((f) => bucket(f) === g.key);
    if (list.length === 0) continue;
    lines.push('');
    lines.push(paint(g.color, `  ${g.title} (${list.length})`));
    for (const f of list) {
      const status = f.status === 'warn' ? ' [needs review]' : '';
      const dates = dateRange(f.dates);
      lines.push(paint('bold', `    ${f.rule}${dates ? `  ${dates}` : ''}${status}`));
      lines.push(...wrap(f.message, width, '      '));
      const decided = decisionLine(f);
      if (decided) lines.push(...wrap(decided, width, '      '));
      for (const e of f.evidence.slice(0, 3))
        lines.push(...wrap(evidenceLine(e), width, '      - '));
      if (f.evidence.length > 3) lines.push(`      - ... ${f.evidence.length - 3} more`);
    }
  }
  const passed = new Set(ep.findings.filter((f) => f.status === 'pass').map((f) => f.rule));
  const na = new Set(ep.findings.filter((f) => f.status === 'n/a').map((f) => f.rule));
  lines.push('');
  lines.push(paint('dim', `  Passed: ${passed.size} rule(s) | Not applicable: ${na.size} rule(s)`));
  return lines;
}

/** Human report grouped by patient (design/cli-contract.md: default `review` output). */
export function formatText(report: ReportSource, opts: TextOptions = {}): string {
  return [...textChunks(report, opts)].join('');
}

/** The same text as `formatText`, a patient at a time (large stores write hundreds of MB). */
export function* textChunks(report: ReportSource, opts: TextOptions = {}): Generator<string> {
  const width = opts.width ?? 96;
  const paint = (c: keyof typeof ANSI, s: string) =>
    opts.color ? `${ANSI[c]}${s}${ANSI.reset}` : s;
  // First pass: the totals and each patient's episodes (where they are, not the episodes: a
  // large store's review is read from its stored rows as it is reached).
  let errors = 0;
  let warnings = 0;
  const byPatient = new Map<string, Array<{ start: string; index: number }>>();
  let index = 0;
  for (const e of report.episodes) {
    for (const f of e.findings) {
      if (f.status !== 'fail' && f.status !== 'warn') continue;
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    const key = `${e.patient.name}\u0000${e.patient.mrn ?? ''}\u0000${e.patient.dob ?? ''}`;
    const at = { start: e.start, index: index++ };
    const list = byPatient.get(key);
    if (list) list.push(at);
    else byPatient.set(key, [at]);
  }
  yield (
    `ChartReady review | generated ${report.generatedAt} | rules ${report.rulesVersion}\n` +
    `${report.episodes.length} episode(s) | ${errors} error(s), ${warnings} warning(s)\n`
  );

  const keys = [...byPatient.keys()].sort((a, b) => a.localeCompare(b));
  for (const key of keys) {
    const eps: ReviewedEpisode[] = byPatient
      .get(key)!
      .sort((a, b) => (a.start < b.start ? -1 : 1))
      .map((e) => report.episodes.at(e.index)!);
    const p = eps[0]!.patient;
    const out: string[] = [''];
    out.push('='.repeat(Math.min(width, 80)));
    const ids = [p.mrn ? `MRN ${p.mrn}` : null, p.dob ? `DOB ${p.dob}` : null]
      .filter(Boolean)
      .join(', ');
    out.push(paint('bold', `${p.name}${ids ? `  (${ids})` : ''}`));
    for (const ep of eps) {
      out.push('');
      out.push(...renderEpisode(ep, width, paint));
    }
    yield out.join('\n') + '\n';
  }
}
