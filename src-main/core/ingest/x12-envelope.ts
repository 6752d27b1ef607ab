/**
 * Envelope checks for an X12 file: every ISA closed by IEA, GS by GE, ST by SE. A missing closer is
 * how a truncated download shows up, so it is reported with the segment that was left open.
 */
import { reject } from './errors';
import type { X12Segment } from './x12-tokenize';

export interface X12Transaction {
  /** ST01, e.g. `835`. */
  setId: string;
  /** GS08 of the enclosing group, else ISA12. */
  version: string;
  /** Segments from ST to SE inclusive. */
  segments: X12Segment[];
}

function open(segment: X12Segment, what: string): never {
  reject(`segment ${segment.index}: ${segment.id} has no matching ${what} (file truncated?)`, {
    line: segment.index,
    code: 'corrupt',
  });
}

export function splitTransactions(segments: X12Segment[]): X12Transaction[] {
  const transactions: X12Transaction[] = [];
  let isa: X12Segment | null = null;
  let gs: X12Segment | null = null;
  let st: X12Segment | null = null;
  let current: X12Segment[] = [];
  for (const seg of segments) {
    switch (seg.id) {
      case 'ISA':
        if (st) open(st, 'SE');
        if (gs) open(gs, 'GE');
        if (isa) open(isa, 'IEA');
        isa = seg;
        break;
      case 'GS':
        if (!isa)
          reject(`segment ${seg.index}: GS outside an ISA interchange`, {
            line: seg.index,
            code: 'corrupt',
          });
        if (st) open(st, 'SE');
        if (gs) open(gs, 'GE');
        gs = seg;
        break;
      case 'ST':
        if (!gs)
          reject(`segment ${seg.index}: ST outside a GS group`, {
            line: seg.index,
            code: 'corrupt',
          });
        if (st) open(st, 'SE');
        st = seg;
        current = [seg];
        break;
      case 'SE':
        if (!st)
          reject(`segment ${seg.index}: SE without an ST`, { line: seg.index, code: 'corrupt' });
        current.push(seg);
        transactions.push({
          setId: st.elements[1] ?? '',
          version: gs?.elements[8] || isa?.elements[12] || '',
          segments: current,
        });
        st = null;
        current = [];
        break;
      case 'GE':
        if (st) open(st, 'SE');
        if (!gs)
          reject(`segment ${seg.index}: GE without a GS`, { line: seg.index, code: 'corrupt' });
        gs = null;
        break;
      case 'IEA':
        if (st) open(st, 'SE');
        if (gs) open(gs, 'GE');
        if (!isa)
          reject(`segment ${seg.index}: IEA without an ISA`, { line: seg.index, code: 'corrupt' });
        isa = null;
        break;
      default:
        if (st) current.push(seg);
        else {
          reject(`segment ${seg.index}: ${seg.id} appears outside a transaction (ST..SE)`, {
            line: seg.index,
            code: 'corrupt',
          });
        }
    }
  }
  if (st) open(st, 'SE');
  if (gs) open(gs, 'GE');
  if (isa) open(isa, 'IEA');
  return transactions;
}
