/**
 * The least any review of a store can cost on this machine, whatever its rules: read the rows it
 * needs (as review-scan does) and make a report as large as the real one. The report is made from
 * data already in memory, with no rule logic, no episode building and no patient matching: one
 * finding object per finding with a fresh message of the real average length, its dates and its
 * evidence objects citing quotes read from the store. If this floor is over a time goal, no engine
 * meets that goal without reporting less.
 */
import type { ReviewedEpisode } from '../../shared/review';
import type { Db } from '../../src-main/core/store/db';

/** The size of a review report, from `reportShape`. */
export interface ReportShape {
  episodes: number;
  findings: number;
  evidence: number;
  dates: number;
  messageChars: number;
}

export function reportShape(
  episodes: Iterable<ReviewedEpisode> & { readonly length: number },
): ReportShape {
  const shape: ReportShape = {
    episodes: episodes.length,
    findings: 0,
    evidence: 0,
    dates: 0,
    messageChars: 0,
  };
  for (const e of episodes) {
    for (const f of e.findings) {
      shape.findings++;
      shape.evidence += f.evidence.length;
      shape.dates += f.dates.length;
      shape.messageChars += f.message.length;
    }
  }
  return shape;
}

/** Steps through every row of `sql` as raw arrays; returns the row count. */
function scan(conn: Db, sql: string): number {
  let n = 0;
  for (const _ of conn.prepare(sql).raw().iterate()) n++;
  return n;
}

/**
 * The rows a review reads (every document, billing line and facts array, JSON.parse of each) with
 * plain raw iteration and nothing else; `keep` receives each parsed facts array.
 */
export function readReviewRows(
  conn: Db,
  keep: (facts: unknown[][]) => void = () => {},
): { documents: number; billingLines: number; facts: number } {
  const rows = {
    documents: scan(
      conn,
      `SELECT id, type, title, date, page_start, page_end, discipline, payer, file_id,
              patient_name, patient_dob, patient_mrn FROM documents`,
    ),
    billingLines: scan(
      conn,
      `SELECT source, line, patient_name, mrn, dob, dos, code, modifiers, units, charge, payer,
              claim_id, provider, file_id, id FROM billing_lines`,
    ),
    facts: 0,
  };
  for (const [, json] of conn
    .prepare('SELECT document_id, facts FROM document_facts')
    .raw()
    .iterate() as Iterable<[number, string]>) {
    const facts = JSON.parse(json) as unknown[][];
    rows.facts += facts.length;
    keep(facts);
  }
  return rows;
}

/** Reads the store's rows, then makes a report of `shape`'s size; times each step. */
export function reviewFloor(conn: Db, shape: ReportShape): { readMs: number; reportMs: number } {
  const t0 = performance.now();
  const quotes: string[] = [];
  readReviewRows(conn, (facts) => {
    if (quotes.length < 10_000 && facts[0]) quotes.push(String(facts[0][5]));
  });
  const t1 = performance.now();
  const days: string[] = [];
  for (let m = 1; m <= 12; m++)
    for (let d = 1; d <= 28; d++)
      days.push(`2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const perEpisode = Math.round(shape.findings / shape.episodes);
  // Spread the real totals over the findings: integer part everywhere, the rest as one extra.
  const evidenceEach = shape.evidence / shape.findings;
  const datesEach = shape.dates / shape.findings;
  const filler = 'x'.repeat(Math.max(0, Math.round(shape.messageChars / shape.findings) - 40));
  const episodes: Array<{ id: string; findings: unknown[] }> = [];
  let n = 0;
  for (let e = 0; e < shape.episodes; e++) {
    const findings: unknown[] = [];
    for (let r = 0; r < perEpisode; r++, n++) {
      const day = days[n % days.length]!;
      const message = `Finding ${r} of episode ${e}, dated ${day}: ${filler}`;
      message.charCodeAt(0); // one flat string, as the engine keeps
      const dates: string[] = [];
      const nDates = Math.floor(datesEach) + ((n * 0.618) % 1 < datesEach % 1 ? 1 : 0);
      for (let k = 0; k < nDates; k++) dates.push(days[(n + k) % days.length]!);
      const evidence: Array<{ file: string; page: number; quote: string }> = [];
      const nEvidence = Math.floor(evidenceEach) + ((n * 0.382) % 1 < evidenceEach % 1 ? 1 : 0);
      for (let k = 0; k < nEvidence; k++)
        evidence.push({ file: 'notes.pdf', page: 1, quote: quotes[(n + k) % quotes.length]! });
      findings.push({
        rule: 'RULE',
        source: 'source',
        group: 'documentation',
        status: 'fail',
        message,
        dates,
        evidence,
        severity: 'error',
      });
    }
    episodes.push({ id: `ep-${e}`, findings });
  }
  const t2 = performance.now();
  if (episodes.length !== shape.episodes) throw new Error('floor report is short');
  return { readMs: t1 - t0, reportMs: t2 - t1 };
}
