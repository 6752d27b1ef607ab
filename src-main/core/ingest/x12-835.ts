/**
 * X12 835 remittance reader. Tokenizes with the ISA-defined separators, checks the envelopes, then
 * maps the few loops the review needs: claims (CLP), service lines (SVC), dates, adjustments (CAS),
 * remarks (LQ/MOA/MIA), payer/payee, payment date and check number.
 *
 * 4010 (004010X091A1) files are read too: the segments used here have the same layout in 4010 and
 * 5010. Any version is accepted as long as each transaction is an 835 that opens with BPR; anything
 * else is rejected with the segment that does not fit.
 */
import type {
  Adjustment,
  AdjustmentGroup,
  Remit,
  RemitClaim,
  RemitService,
  ReadResult,
} from '../../../shared/model';
import { reject } from './errors';
import { splitTransactions } from './x12-envelope';
import { tokenizeX12, type X12Segment } from './x12-tokenize';

const GROUPS: readonly AdjustmentGroup[] = ['CO', 'PR', 'OA', 'PI', 'CR'];

function fail(seg: X12Segment, why: string): never {
  reject(`segment ${seg.index}: ${seg.id} ${why}`, { line: seg.index, code: 'invalid' });
}

function el(seg: X12Segment, n: number): string {
  return (seg.elements[n] ?? '').trim();
}

function amount(seg: X12Segment, n: number): number {
  const raw = el(seg, n);
  if (raw === '') return 0;
  const value = Number(raw);
  if (!Number.isFinite(value)) fail(seg, `element ${n} "${raw}" is not a number`);
  return value;
}

function optionalNumber(seg: X12Segment, n: number): number | null {
  return el(seg, n) === '' ? null : amount(seg, n);
}

/** CCYYMMDD to YYYY-MM-DD; a real calendar date or the file is rejected. */
function x12Date(seg: X12Segment, raw: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  const d = m ? new Date(`${iso}T00:00:00Z`) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    fail(seg, `date "${raw}" is not a valid CCYYMMDD date`);
  }
  return iso;
}

/** DTM02 date, or a DTM05/06 period (`RD8` `20260301-20260305`: the start is taken). */
function dtmDate(seg: X12Segment): string | null {
  if (el(seg, 2) !== '') return x12Date(seg, el(seg, 2));
  const period = el(seg, 6);
  if (el(seg, 5) === 'RD8' && period !== '') return x12Date(seg, period.split('-')[0]!);
  if (el(seg, 5) === 'D8' && period !== '') return x12Date(seg, period);
  return null;
}

function personName(seg: X12Segment): string | null {
  const last = el(seg, 3);
  const first = el(seg, 4);
  if (last && first) return `${last}, ${first}`;
  return last || first || null;
}

/** CAS: a group code then up to six reason / amount / quantity triplets. */
function adjustments(seg: X12Segment): Adjustment[] {
  const group = el(seg, 1) as AdjustmentGroup;
  if (!GROUPS.includes(group))
    fail(seg, `group "${el(seg, 1)}" is not one of ${GROUPS.join(', ')}`);
  const out: Adjustment[] = [];
  for (let i = 2; i <= 17; i += 3) {
    const carc = el(seg, i);
    if (carc === '') continue;
    out.push({ group, carc, amount: amount(seg, i + 1), units: optionalNumber(seg, i + 2) });
  }
  return out;
}

interface Transaction835 {
  payerName: string | null;
  payeeName: string | null;
  paymentDate: string | null;
  checkNumber: string | null;
  claims: RemitClaim[];
}

function readTransaction(segments: X12Segment[], component: string): Transaction835 {
  const tx: Transaction835 = {
    payerName: null,
    payeeName: null,
    paymentDate: null,
    checkNumber: null,
    claims: [],
  };
  const first = segments[1];
  if (!first || first.id !== 'BPR') {
    const st = segments[0]!;
    reject(
      `segment ${first?.index ?? st.index}: an 835 transaction must begin with BPR after ST, found ${first?.id ?? 'nothing'}`,
      { line: first?.index ?? st.index, code: 'invalid' },
    );
  }
  let claim: RemitClaim | null = null;
  let service: RemitService | null = null;

  const closeClaim = () => {
    if (claim) {
      for (const s of claim.services) s.dos ??= claim.periodStart ?? claim.periodEnd;
      tx.claims.push(claim);
    }
    claim = null;
    service = null;
  };

  for (const seg of segments) {
    switch (seg.id) {
      case 'BPR':
        if (el(seg, 16)) tx.paymentDate = x12Date(seg, el(seg, 16));
        break;
      case 'TRN':
        if (el(seg, 2)) tx.checkNumber ??= el(seg, 2);
        break;
      case 'N1':
        if (claim) break;
        if (el(seg, 1) === 'PR') tx.payerName = el(seg, 2) || null;
        if (el(seg, 1) === 'PE') tx.payeeName = el(seg, 2) || null;
        break;
      case 'CLP':
        closeClaim();
        if (el(seg, 1) === '') fail(seg, 'has no claim id (CLP01)');
        claim = {
          claimId: el(seg, 1),
          status: el(seg, 2),
          charge: amount(seg, 3),
          paid: amount(seg, 4),
          patientResponsibility: amount(seg, 5),
          filingIndicator: el(seg, 6).trim().toUpperCase() || null,
          payerClaimNumber: el(seg, 7) || null,
          payerName: tx.payerName,
          patientName: null,
          memberId: null,
          periodStart: null,
          periodEnd: null,
          adjustments: [],
          remarks: [],
          services: [],
          segment: seg.index,
        };
        break;
      case 'NM1':
        if (!claim) break;
        if (el(seg, 1) === 'QC') {
          claim.patientName = personName(seg);
          // The patient's id stands in for the member id until an NM1*IL (insured) gives one.
          if (el(seg, 8) === 'MI' && el(seg, 9)) claim.memberId ??= el(seg, 9);
        }
        if (el(seg, 1) === 'IL' && el(seg, 9)) claim.memberId = el(seg, 9);
        break;
      case 'DTM': {
        const qualifier = el(seg, 1);
        if (service && (qualifier === '472' || qualifier === '150')) service.dos ??= dtmDate(seg);
        else if (claim && !service && qualifier === '232') claim.periodStart = dtmDate(seg);
        else if (claim && !service && qualifier === '233') claim.periodEnd = dtmDate(seg);
        break;
      }
      case 'CAS':
        if (service) service.adjustments.push(...adjustments(seg));
        else if (claim) claim.adjustments.push(...adjustments(seg));
        break;
      case 'MOA':
        if (claim) for (let i = 3; i <= 7; i++) if (el(seg, i)) claim.remarks.push(el(seg, i));
        break;
      case 'MIA':
        if (claim)
          for (const i of [5, 20, 21, 22, 23]) if (el(seg, i)) claim.remarks.push(el(seg, i));
        break;
      case 'SVC': {
        if (!claim) fail(seg, 'appears before any CLP claim');
        const parts = el(seg, 1).split(component);
        const code = (parts[1] ?? '').trim().toUpperCase();
        if (code === '') fail(seg, `composite "${el(seg, 1)}" has no procedure code`);
        service = {
          code,
          modifiers: parts
            .slice(2, 6)
            .map((m) => m.trim().toUpperCase())
            .filter((m) => m !== ''),
          charge: amount(seg, 2),
          paid: amount(seg, 3),
          units: el(seg, 5) === '' ? 1 : amount(seg, 5),
          dos: null,
          adjustments: [],
          remarks: [],
          segment: seg.index,
        };
        claim.services.push(service);
        break;
      }
      case 'LQ':
        if (service && el(seg, 1) === 'HE' && el(seg, 2)) service.remarks.push(el(seg, 2));
        break;
      case 'LX':
      case 'PLB':
      case 'SE':
        // Header numbers, provider-level adjustments and the trailer end the current claim.
        closeClaim();
        break;
      default:
        break;
    }
  }
  closeClaim();
  return tx;
}

export function readRemit(bytes: Uint8Array): ReadResult {
  const text = new TextDecoder('utf-8').decode(bytes);
  const { delimiters, segments } = tokenizeX12(text);
  const transactions = splitTransactions(segments);
  if (transactions.length === 0)
    reject('segment 1: the file holds no ST transaction', { line: 1, code: 'invalid' });
  let remit: Remit | null = null;
  for (const t of transactions) {
    const st = t.segments[0]!;
    if (t.setId !== '835') {
      reject(
        `segment ${st.index}: transaction set ${t.setId || '(blank)'} is not an 835 remittance`,
        {
          line: st.index,
          code: 'invalid',
        },
      );
    }
    const tx = readTransaction(t.segments, delimiters.component);
    if (remit === null) {
      remit = {
        version: t.version,
        payerName: tx.payerName,
        payeeName: tx.payeeName,
        paymentDate: tx.paymentDate,
        checkNumber: tx.checkNumber,
        claims: [],
      };
    }
    // Each claim keeps its own transaction's payment date (the first one's is the file's).
    remit.claims.push(...tx.claims.map((c) => ({ ...c, paymentDate: tx.paymentDate })));
  }
  return { kind: 'remit', remit: remit! };
}
