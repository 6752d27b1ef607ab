/** Patient identity and coverage: name, DOB, MRN, payer, claim number. */
import type { FactSink } from './facts';
import { findDates } from '../parse/dates';
import type { Line } from './lines';

/** Patient-name labels; the word before the label must not make it someone else's name. */
const NAME_LABEL =
  /(?<![A-Za-z] ?)\b(?:Patient(?:'s)? Name|Patient|Pt\.? Name|Pt|Beneficiary|Client Name|Client|Name)\s*:\s*/dgi;
const NOT_PATIENT_BEFORE =
  /\b(?:employer|physician|doctor|therapist|company|insurance|adjuster|contact|case manager|provider|facility|clinic|supervisor|emergency|referring|parent|guardian)\s*$/i;
const DOB_LABEL = /\b(?:DOB|D\.O\.B\.?|Date of Birth|Birth ?Date|Birthdate)\s*[:#-]?\s*/dgi;
const MRN_LABEL =
  /\b(?:MRN|Medical Record (?:#|No\.?|Number)|Acct\.?\s*(?:#|No\.?)?|Account\s*(?:#|No\.?|Number)?|Chart\s*(?:#|No\.?|Number)|Patient ID|Pt ID)\s*[:#]?\s*/dgi;
const PAYER_LABEL =
  /\b(?:Primary Insurance|Secondary Insurance|Insurance(?: Carrier| Company)?|Payer|Payor|Carrier|Insurer|Financial Class)\s*:\s*/dgi;
const CLAIM_LABEL = /\bClaim\s*(?:#|No\.?|Number|ID)\s*[:#]?\s*/dgi;

/** A field value runs until two spaces, a tab, a pipe, or the next label. */
const NEXT_FIELD =
  /\s{2,}|\t|\||\b(?:DOB|D\.O\.B|Date of Birth|MRN|Acct|Account|Chart|Patient ID|Claim|Payer|Insurance|Carrier|DOS|Date|Sex|Gender|Age|Visit|Phone|Employer|Physician|Therapist|Dx|Diagnosis|Auth)\b/i;

function fieldValue(text: string, from: number): [number, number] {
  const rest = text.slice(from);
  const m = NEXT_FIELD.exec(rest);
  let end = m ? from + m.index : text.length;
  while (end > from && /[\s,;]/.test(text[end - 1] ?? '')) end--;
  return [from, end];
}

const NAME_TOKEN = /^(?:[A-Z][A-Za-z'-]*\.?|[A-Z]\.)$/;

/** "Okafor, James" stays; "James Okafor" becomes "Okafor, James"; null when not a name. */
export function normalizeName(raw: string): string | null {
  const t = raw.trim().replace(/\s+/g, ' ');
  if (t.includes(',')) {
    const [last, first] = t.split(',', 2).map((s) => s.trim());
    if (!last || !first) return null;
    const tokens = [...last.split(' '), ...first.split(' ')];
    if (tokens.length > 5 || !tokens.every((w) => NAME_TOKEN.test(w))) return null;
    return `${last}, ${first}`;
  }
  const tokens = t.split(' ');
  if (tokens.length < 2 || tokens.length > 4 || !tokens.every((w) => NAME_TOKEN.test(w)))
    return null;
  const last = tokens.pop()!;
  return `${last}, ${tokens.join(' ')}`;
}

export function extractIdentity(lines: Line[], sink: FactSink): void {
  for (const line of lines) {
    const t = line.text;
    for (const m of t.matchAll(new RegExp(NAME_LABEL.source, NAME_LABEL.flags))) {
      if (NOT_PATIENT_BEFORE.test(t.slice(0, m.index))) continue;
      const [s, e] = fieldValue(t, (m.index ?? 0) + m[0].length);
      const name = normalizeName(t.slice(s, e));
      if (name) sink.add('patient-name', name, line, s, e);
    }
    for (const m of t.matchAll(new RegExp(DOB_LABEL.source, DOB_LABEL.flags))) {
      const after = (m.index ?? 0) + m[0].length;
      const d = findDates(t.slice(after)).find((h) => h.start === 0);
      if (d) sink.add('dob', d.iso, line, after + d.start, after + d.end);
    }
    for (const m of t.matchAll(new RegExp(MRN_LABEL.source, MRN_LABEL.flags))) {
      const after = (m.index ?? 0) + m[0].length;
      const v = /^[A-Z0-9][A-Z0-9-]{2,19}\b/i.exec(t.slice(after));
      if (v && /\d/.test(v[0])) sink.add('mrn', v[0], line, after, after + v[0].length);
    }
    for (const m of t.matchAll(new RegExp(PAYER_LABEL.source, PAYER_LABEL.flags))) {
      const [s, e] = fieldValue(t, (m.index ?? 0) + m[0].length);
      const v = t.slice(s, e);
      if (/[A-Za-z]{2}/.test(v)) sink.add('payer', v, line, s, e);
    }
    for (const m of t.matchAll(new RegExp(CLAIM_LABEL.source, CLAIM_LABEL.flags))) {
      const after = (m.index ?? 0) + m[0].length;
      const v = /^[A-Z0-9][A-Z0-9-]{2,24}\b/i.exec(t.slice(after));
      if (v && /\d/.test(v[0])) sink.add('claim-number', v[0], line, after, after + v[0].length);
    }
  }
}
