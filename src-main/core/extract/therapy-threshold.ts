/**
 * Amounts already applied to the beneficiary's Medicare therapy threshold this year, as a clinic
 * documents them from the eligibility response (HETS 270/271): in a field line, in prose or in a
 * small table under a heading. BILL-KX-THRESHOLD starts a bucket's running total from them.
 *
 * Facts: `therapy-threshold-applied`, value the amount ("1940.00"), detail.bucket `PT/SLP` | `OT`,
 * detail.year when the statement names it, detail.date when it says what date it is as of.
 */
import { findDates } from '../parse/dates';
import {
  AS_OF_BEFORE,
  MONEY,
  THRESHOLD_BUCKET_ABBREV,
  THRESHOLD_BUCKET_WORDS,
  THRESHOLD_FIGURE,
  THRESHOLD_NOT_USED,
  THRESHOLD_STATEMENT,
  THRESHOLD_USED,
  THRESHOLD_YEAR,
} from '../lexicon/coverage';
import type { TherapyBucket } from '../../../shared/model';
import type { FactSink } from './facts';
import { isBlank, type Line } from './lines';

interface Span {
  start: number;
  end: number;
}

/** Lines a statement runs on after its first (wrapped prose, a table's rows). */
const STATEMENT_LINES = 4;
/** Words between a bucket and its amount ("PT/SLP amount used year to date: $1,940.00"). */
const MAX_GAP_AFTER = 40;
const MAX_GAP_BEFORE = 40;

function bucketsIn(text: string): Array<Span & { bucket: TherapyBucket }> {
  const out: Array<Span & { bucket: TherapyBucket }> = [];
  for (const re of [THRESHOLD_BUCKET_ABBREV, THRESHOLD_BUCKET_WORDS]) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (out.some((b) => start < b.end && end > b.start)) continue;
      out.push({ start, end, bucket: /^(?:OT|occupational)/i.test(m[0]) ? 'OT' : 'PT/SLP' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function amountsIn(text: string): Array<Span & { value: number }> {
  const out: Array<Span & { value: number }> = [];
  for (const m of text.matchAll(MONEY)) {
    const start = m.index ?? 0;
    const value = Number(m[0].replace(/[$,\s]/g, ''));
    if (Number.isFinite(value)) out.push({ start, end: start + m[0].length, value });
  }
  return out;
}

/** Bucket and amount pairs in a statement: an amount after its bucket, else before it. */
function pairsIn(text: string): Array<{ bucket: TherapyBucket; value: number; span: Span }> {
  const buckets = bucketsIn(text);
  const amounts = amountsIn(text);
  const used = new Set<number>();
  const out: Array<{ bucket: TherapyBucket; value: number; span: Span }> = [];
  const after = (a: Span) => text.slice(a.end, a.end + 15);
  for (const b of buckets) {
    const i = amounts.findIndex(
      (a, k) => !used.has(k) && a.start >= b.end && !isThresholdFigure(text, a),
    );
    const a = amounts[i];
    if (!a || a.start - b.end > MAX_GAP_AFTER) continue;
    const gap = text.slice(b.end, a.start);
    // Another bucket or a sentence's end between them: the amount is not this bucket's.
    if (buckets.some((o) => o.start >= b.end && o.end <= a.start) || /[.;]\s/.test(gap)) continue;
    if (THRESHOLD_NOT_USED.test(gap) && !THRESHOLD_USED.test(gap)) continue;
    if (/\b(?:remain\w*|left|available|balance)\b/i.test(after(a))) continue;
    used.add(i);
    out.push({ bucket: b.bucket, value: a.value, span: { start: b.start, end: a.end } });
  }
  for (const b of buckets) {
    if (out.some((p) => p.bucket === b.bucket)) continue;
    let i = -1;
    amounts.forEach((a, k) => {
      if (!used.has(k) && a.end <= b.start && !isThresholdFigure(text, a)) i = k;
    });
    const a = amounts[i];
    if (!a || b.start - a.end > MAX_GAP_BEFORE) continue;
    const gap = text.slice(a.end, b.start);
    if (/[.;]\s/.test(gap) || THRESHOLD_NOT_USED.test(gap)) continue;
    // "the threshold is $2,480 for PT/SLP": the threshold itself.
    if (THRESHOLD_NOT_USED.test(text.slice(Math.max(0, a.start - 20), a.start))) continue;
    used.add(i);
    out.push({ bucket: b.bucket, value: a.value, span: { start: a.start, end: b.end } });
  }
  return out;
}

/** The amount is the threshold itself: its own line's label names the threshold, not what was used. */
function isThresholdFigure(text: string, a: Span): boolean {
  const label = text.slice(text.lastIndexOf('\n', a.start - 1) + 1, a.start);
  return THRESHOLD_FIGURE.test(label) && !THRESHOLD_USED.test(label);
}

/**
 * A line that only names a bucket, as a benefits printout heads each block of fields
 * ("PHYSICAL THERAPY / SPEECH-LANGUAGE PATHOLOGY (combined)", "OCCUPATIONAL THERAPY"): the
 * fields under it ("Therapy amount applied calendar year 2026 .... $2,061.50") are that bucket's.
 */
function bucketHeading(text: string): TherapyBucket | null {
  const buckets = bucketsIn(text);
  if (buckets.length === 0 || new Set(buckets.map((b) => b.bucket)).size > 1) return null;
  let rest = text;
  for (const b of [...buckets].reverse()) rest = rest.slice(0, b.start) + rest.slice(b.end);
  return /[a-z0-9]/i.test(rest.replace(/\([^)]*\)/g, '')) ? null : buckets[0]!.bucket;
}

function asOfDate(text: string): string | null {
  for (const d of findDates(text)) {
    if (AS_OF_BEFORE.test(text.slice(Math.max(0, d.start - 20), d.start))) return d.iso;
  }
  return null;
}

/**
 * A line of an eligibility response printed as a form, under the heading that names the check:
 * "Physical Therapy/Speech-Language Pathology  applied amount: $1,413.49" states the amount on its
 * own, its year and date in the form's heading lines above it.
 */
function isAppliedAmountLine(text: string): boolean {
  return THRESHOLD_USED.test(text) && bucketsIn(text).length > 0 && amountsIn(text).length > 0;
}

function dateYear(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

export function extractTherapyThreshold(lines: Line[], sink: FactSink): void {
  const done = new Set<TherapyBucket>();
  // What the document's check says about itself before its amounts: its year and its date.
  let checked = false;
  let formYear: number | null = null;
  let formDate: string | null = null;
  let heading: TherapyBucket | null = null;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (first.running) continue;
    if (isBlank(first)) heading = null;
    if (checked) {
      const y = THRESHOLD_YEAR.exec(first.text);
      if (y && formYear === null) formYear = Number(y[1] ?? y[2] ?? y[3]);
      formDate ??= asOfDate(first.text);
      const named = bucketHeading(first.text);
      if (named) {
        heading = named;
        continue;
      }
      // A field under a bucket's heading: its amount is the bucket's when its label says applied.
      const amount = heading ? amountsIn(first.text)[0] : undefined;
      if (heading && amount) {
        const label = first.text.slice(0, amount.start);
        if (!done.has(heading) && THRESHOLD_USED.test(label) && !THRESHOLD_NOT_USED.test(label)) {
          done.add(heading);
          const y = THRESHOLD_YEAR.exec(label);
          const year = y ? Number(y[1] ?? y[2] ?? y[3]) : (formYear ?? dateYear(formDate));
          sink.addSpan(
            'therapy-threshold-applied',
            amount.value.toFixed(2),
            first.page,
            first.start,
            first.start + amount.end,
            {
              bucket: heading,
              ...(year !== null ? { year } : {}),
              ...(formDate !== null ? { date: formDate } : {}),
            },
          );
        }
        continue;
      }
    }
    const opens = THRESHOLD_STATEMENT.test(first.text);
    if (!opens && !(checked && isAppliedAmountLine(first.text))) continue;
    checked = true;
    // The statement runs on over the lines that follow it without a break (wrapped prose, a
    // table's rows), read as one text so a pair wrapped across lines is still a pair.
    const statement: Line[] = [first];
    for (let j = i + 1; j < lines.length && statement.length <= STATEMENT_LINES; j++) {
      const l = lines[j]!;
      if (isBlank(l) || l.running || l.page !== first.page || bucketHeading(l.text)) break;
      statement.push(l);
    }
    i += statement.length - 1;
    const starts: number[] = [];
    let text = '';
    for (const l of statement) {
      if (text !== '') text += '\n';
      starts.push(text.length);
      text += l.text;
    }
    if (opens) formDate ??= asOfDate(text);
    if (!THRESHOLD_USED.test(text)) continue;
    const pageAt = (at: number): number => {
      let k = starts.length - 1;
      while (k > 0 && starts[k]! > at) k--;
      return statement[k]!.start + (at - starts[k]!);
    };
    const date = asOfDate(text) ?? formDate;
    const named = THRESHOLD_YEAR.exec(text);
    const year = named ? Number(named[1] ?? named[2] ?? named[3]) : (formYear ?? dateYear(date));
    for (const p of pairsIn(text)) {
      if (done.has(p.bucket)) continue;
      done.add(p.bucket);
      sink.addSpan(
        'therapy-threshold-applied',
        p.value.toFixed(2),
        first.page,
        pageAt(p.span.start),
        pageAt(p.span.end - 1) + 1,
        {
          bucket: p.bucket,
          ...(year !== null ? { year } : {}),
          ...(date !== null ? { date } : {}),
        },
      );
    }
  }
}
