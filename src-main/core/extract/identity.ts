/**
 * Whose document this is, from what it says: the patient's name under any of the labels clinics,
 * carriers, employers and plans use (lexicon/identity.ts), a letter's "Re:" line, the date of
 * birth, the chart's number and the claim number; and the payer.
 */
import type { FactSink } from './facts';
import { isCredentialToken } from '../domain/credentials';
import { leadingDate } from '../parse/dates';
import type { Line } from './lines';
import { boxValuesUnder } from './layout';
import {
  surnameStart,
  BARE_CLAIM,
  CLAIM_LABEL,
  DOB_LABEL,
  IDENTIFIER,
  LAST_FIRST_FIELDS,
  ACCOUNT_LABEL,
  BANNER_NAME,
  BULLET_BANNER_NAME,
  MRN_LABEL,
  NEXT_FIELD,
  NOT_NAME_WORDS,
  NOT_PATIENT_BEFORE,
  OTHER_PARTY,
  PARTY_BLOCK_HEADING,
  PATIENT_NAME_LABELS,
  PATIENT_PARTY,
  RE_LABEL,
  RE_NAME_CUE,
  SUBJECT_IDENTIFIER,
  SUBJECT_PART_SEPARATOR,
  SUBJECT_SURNAME,
} from '../lexicon/identity';

/**
 * Patient-name labels, followed by ":" or by a table cell's tab ("Patient<TAB>Delahunt, Grace M.");
 * the word before the label must not make it someone else's name.
 */
const NAME_LABEL = new RegExp(
  `(?<![A-Za-z] ?)\\b(?:${PATIENT_NAME_LABELS.join('|')})(?:\\s*:|[ ]*\\t)\\s*`,
  'dgi',
);
const PAYER_LABEL =
  /\b(?:Primary Insurance|Secondary Insurance|Insurance(?: Carrier| Company)?|Payer|Payor|Carrier|Insurer|Financial Class)\s*:\s*/dgi;

/**
 * Where a payer's name ends in a field that goes on about the coverage: "UMR (member 604418273,
 * group 76-410552) · no prior authorization required", "Meritain Health, member MRT800451927".
 */
const AFTER_PAYER_NAME =
  /\s+[·•]\s|\s*;|\s+\((?=[^)]*\b(?:member|ID|policy|group|subscriber|claim|plan|auth)\b)|,\s*(?:member|ID|policy|group|subscriber|claim|plan)\b/i;

function payerNameLength(value: string): number {
  const m = AFTER_PAYER_NAME.exec(value);
  return m && m.index > 0 ? m.index : value.length;
}

/** A field value runs until two spaces, a tab, a pipe, or the next label. */
function fieldValue(text: string, from: number): [number, number] {
  const rest = text.slice(from);
  const m = NEXT_FIELD.exec(rest);
  let end = m ? from + m.index : text.length;
  while (end > from && /[\s,;]/.test(text[end - 1] ?? '')) end--;
  return [from, end];
}

const NAME_TOKEN = /^(?:[A-Z][A-Za-z'-]*\.?|[A-Z]\.)$/;

/** A word that names a practice, carrier, subject or decision, never a person ("Mutual", "APPROVED"). */
function isNotNameWord(word: string): boolean {
  return NOT_NAME_WORDS.has(word.replace(/\.$/, '').toLowerCase());
}

/** A name's words are capitalised and none of them names a practice, carrier or subject. */
function nameTokensOk(tokens: string[]): boolean {
  return tokens.every((w) => NAME_TOKEN.test(w) && !isNotNameWord(w));
}

/** "Anita Raghunathan, MD": a clinician signing, whose credential stands where a first name would. */
function isCredentialSuffix(part: string): boolean {
  const tokens = part.split(/[\s,]+/).filter(Boolean);
  return tokens.length > 0 && tokens.every((w) => w === w.toUpperCase() && isCredentialToken(w));
}

/**
 * "Okafor, James" stays; "James Okafor" becomes "Okafor, James"; null when not a name (or when it
 * is a clinician's name with credentials).
 */
export function normalizeName(raw: string): string | null {
  const t = raw.trim().replace(/\s+/g, ' ');
  if (t.includes(',')) {
    const [last, first] = t.split(',', 2).map((s) => s.trim());
    if (!last || !first || isCredentialSuffix(first)) return null;
    const tokens = [...last.split(' '), ...first.split(' ')];
    if (tokens.length > 5 || !nameTokensOk(tokens)) return null;
    return `${last}, ${first}`;
  }
  const tokens = t.split(' ');
  if (tokens.length < 2 || tokens.length > 4 || !nameTokensOk(tokens)) return null;
  const at = surnameStart(tokens);
  return `${tokens.slice(at).join(' ')}, ${tokens.slice(0, at).join(' ')}`;
}

/** A name field's value: the field, up to a remark in parentheses ("Roe, Jane (copy to HR)"). */
function nameValue(text: string, from: number): [number, number] {
  const [s, e] = fieldValue(text, from);
  const paren = text.indexOf('(', s);
  if (paren < 0 || paren >= e) return [s, e];
  let end = paren;
  while (end > s && /[\s,;]/.test(text[end - 1] ?? '')) end--;
  return [s, end];
}

/** A value that is itself another label ("Re: Claimant: Yolanda Pruitt") is read by that label. */
const STARTS_WITH_LABEL = /^[A-Za-z][A-Za-z' ]{0,24}:/;

type Party = 'patient' | 'other' | null;

/**
 * The party a form's block heading introduces ("Claims Administrator:", "Employee Information"):
 * undefined when the line is no block heading, null for a heading that names no party.
 */
function partyOfHeading(text: string): Party | undefined {
  const m = PARTY_BLOCK_HEADING.exec(text);
  if (!m) return undefined;
  const party = m[1]!.trim();
  if (PATIENT_PARTY.test(party)) return 'patient';
  return OTHER_PARTY.test(party) ? 'other' : null;
}

/**
 * The patient a subject line names ("Re: Roe, Jane", "RE: Authorization request - Roe, Jane / Clm
 * 4471", "RE: Jane Roe  WC-2218874"): a part of it that reads as a name, in a name's inverted form
 * or beside an identifier. A subject alone ("Re: Work Conditioning Program") names nobody.
 */
/** The parts of a subject line between `from` and `to`, each with where it stands in the line. */
function subjectParts(
  text: string,
  from: number,
  to: number,
): Array<{ text: string; start: number; end: number }> {
  const parts: Array<{ text: string; start: number; end: number }> = [];
  let at = from;
  for (const part of text.slice(from, to).split(SUBJECT_PART_SEPARATOR)) {
    const start = text.indexOf(part, at);
    at = start + part.length;
    parts.push({ text: part, start, end: at });
  }
  return parts;
}

function subjectName(
  text: string,
  from: number,
  to: number,
): { name: string; start: number; end: number } | null {
  // Where the line's cues stand, found once: a part is named by a cue outside it.
  const cues = [
    ...text.matchAll(new RegExp(RE_NAME_CUE.source, 'gi')),
    ...text.matchAll(new RegExp(SUBJECT_IDENTIFIER.source, 'g')),
  ].map((m) => [m.index, m.index + m[0].length] as const);
  for (const { text: part, start, end } of subjectParts(text, from, to)) {
    const cuedElsewhere = cues.some(([a, b]) => b <= start || a >= end);
    if (!part.includes(',') && !cuedElsewhere) continue;
    const name = normalizeName(part);
    if (name) return { name, start, end };
  }
  return null;
}

/**
 * A subject line that names its patient by surname alone ("Kowalczyk - LMI-2605-118734 - progress
 * report", "RE: Hendricks week 3"): the lone capitalized word that leads a part of it. It names
 * nobody by itself; placement matches it to the one patient of the store with that surname. An
 * identifier standing as a part of its own beside it is the claim's number.
 */
function subjectSurname(line: Line, from: number, to: number, sink: FactSink): void {
  const t = line.text;
  const parts = subjectParts(t, from, to);
  let surname = false;
  for (const { text, start } of parts) {
    const lead = SUBJECT_SURNAME.exec(text);
    if (!lead || !/^[A-Z]/.test(lead[1]!)) continue;
    // "Treatment Authorization", "APPROVED": a topic or a decision in capitals names nobody.
    if (lead[0].trim().split(/\s+/).some(isNotNameWord)) continue;
    const s = start + lead.index + lead[0].length - lead[1]!.length;
    sink.add('patient-surname', lead[1]!, line, s, s + lead[1]!.length);
    surname = true;
    break;
  }
  if (!surname) return;
  for (const { text, start } of parts) {
    const id = SUBJECT_IDENTIFIER.exec(text);
    if (!id || text.trim() !== id[0]) continue;
    const s = start + text.indexOf(id[0]);
    sink.add('claim-number', id[0], line, s, s + id[0].length);
  }
}

/** A plain "Name" label (not "Patient name", "Claimant"): whose name depends on the block it is in. */
const isPlainNameLabel = (label: string): boolean => /^name\b/i.test(label);

/**
 * The patients a line names by label ("Patient: PENNINGTON, LORETTA  Claim # ..."); under another
 * party's block heading a plain "Name:" is that party's.
 */
function labelledNames(
  t: string,
  otherParty = false,
): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  for (const m of t.matchAll(NAME_LABEL)) {
    if (NOT_PATIENT_BEFORE.test(t.slice(0, m.index))) continue;
    if (otherParty && isPlainNameLabel(m[0])) continue;
    const [start, end] = nameValue(t, (m.index ?? 0) + m[0].length);
    const name = normalizeName(t.slice(start, end));
    if (name) out.push({ name, start, end });
  }
  return out;
}

/** The patient a line names by label, or null. */
export function labelledPatient(text: string): string | null {
  return labelledNames(text)[0]?.name ?? null;
}

/**
 * A form's boxes naming the patient over their values ("1. PATIENT'S LAST NAME   FIRST NAME
 * M.I." over "BRANDVOLD   ESTHER   L", as the CMS-700 prints them), and the record number box.
 */
function boxedIdentity(line: Line, next: Line | undefined, sink: FactSink): void {
  const boxes = next && next.page === line.page ? boxValuesUnder(line.text, next.text) : null;
  if (!boxes) return;
  const at = (re: RegExp) => boxes.find((b) => re.test(b.label));
  const last = at(/^(?:PATIENT'?S?\s+)?LAST NAME$/);
  const first = at(/^FIRST NAME$/);
  const initial = at(/^M\.?\s?I\.?$/);
  if (last && first) {
    const end = (initial ?? first).value.end;
    const name = normalizeName(
      `${last.value.text}, ${first.value.text} ${initial?.value.text ?? ''}`,
    );
    if (name) sink.add('patient-name', name, next!, last.value.start, end);
  }
  // The three boxes in one cell, as a PDF's text puts them: "BRANDVOLD ESTHER L".
  const whole = at(/^(?:PATIENT'?S?\s+)?LAST NAME,?\s+FIRST NAME(?:,?\s+M\.?\s?I\.?)?$/);
  const parts = whole?.value.text.split(/\s+/) ?? [];
  if (whole && parts.length >= 2 && parts.length <= 4) {
    const name = normalizeName(`${parts[0]}, ${parts.slice(1).join(' ')}`);
    if (name) sink.add('patient-name', name, next!, whole.value.start, whole.value.end);
  }
  // A state board's form: "INJURED PERSON (First Name) (M.I.) (Last Name)" over "ANSELM J
  // BRISBOIS", "PATIENT'S DATE OF BIRTH" over its date, "WCB CASE NO." over the claim.
  const person = at(
    /^(?:INJURED (?:PERSON|WORKER|EMPLOYEE)|PATIENT|CLAIMANT|EMPLOYEE)(?:'?S)?(?:\s+NAME)?\s*\(\s*First\b/i,
  );
  const personName = person && normalizeName(person.value.text);
  if (personName) sink.add('patient-name', personName, next!, person.value.start, person.value.end);
  const born = at(/^(?:(?:PATIENT|CLAIMANT|INJURED PERSON|EMPLOYEE)'?S?\s+)?DATE OF BIRTH$/i);
  const dob = born && leadingDate(born.value.text);
  if (born && dob)
    sink.add('dob', dob.iso, next!, born.value.start + dob.start, born.value.start + dob.end);
  const claim = at(
    /^(?:WCB|BOARD|CARRIER|INSURANCE CARRIER|W\.?C\.?)\s+CASE\s+(?:NO\.?|NUMBER|#)/i,
  );
  if (claim && /\d/.test(claim.value.text) && /^[\w-]+$/.test(claim.value.text))
    sink.add('claim-number', claim.value.text, next!, claim.value.start, claim.value.end);
  const record = at(/^(?:MEDICAL RECORD|MR|CHART)\s+(?:NO\.?|NUMBER|#)$/);
  if (record && /\d/.test(record.value.text))
    sink.add('mrn', record.value.text, next!, record.value.start, record.value.end);
}

export function extractIdentity(lines: Line[], sink: FactSink): void {
  // Forms group their fields by party; a blank line or the next heading ends the block.
  let party: Party = null;
  for (const [i, line] of lines.entries()) {
    const t = line.text;
    boxedIdentity(line, lines[i + 1], sink);
    if (t.trim() === '') party = null;
    const heading = partyOfHeading(t);
    if (heading !== undefined) party = heading;
    for (const { name, start, end } of labelledNames(t, party === 'other'))
      sink.add('patient-name', name, line, start, end);
    if (party !== 'other') {
      for (const m of t.matchAll(LAST_FIRST_FIELDS)) {
        const [[ls, le], [fs, fe]] = [m.indices![1]!, m.indices![2]!];
        const name = normalizeName(`${t.slice(ls, le)}, ${t.slice(fs, fe)}`);
        if (name) sink.add('patient-name', name, line, ls, fe);
      }
    }
    const banner = BANNER_NAME.exec(t) ?? BULLET_BANNER_NAME.exec(t);
    if (banner) {
      const [s, e] = banner.indices![1]!;
      const name = normalizeName(t.slice(s, e));
      if (name) sink.add('patient-name', name, line, s, e);
    }
    for (const m of t.matchAll(RE_LABEL)) {
      const [s, e] = nameValue(t, (m.index ?? 0) + m[0].length);
      const value = t.slice(s, e);
      if (STARTS_WITH_LABEL.test(value)) continue;
      const part = subjectName(t, s, e);
      if (part) sink.add('patient-name', part.name, line, part.start, part.end);
      else subjectSurname(line, s, e, sink);
    }
    for (const m of t.matchAll(DOB_LABEL)) {
      const after = (m.index ?? 0) + m[0].length;
      const d = leadingDate(t.slice(after));
      if (d) sink.add('dob', d.iso, line, after + d.start, after + d.end);
    }
    const mrnLabels = [...t.matchAll(MRN_LABEL)];
    const recordLabelled = mrnLabels.some((m) => !ACCOUNT_LABEL.test(m[0]));
    for (const m of mrnLabels) {
      // "Provider account: 4471902" is the clinic's number with the payer, not the patient's.
      if (NOT_PATIENT_BEFORE.test(t.slice(0, m.index))) continue;
      if (recordLabelled && ACCOUNT_LABEL.test(m[0])) continue;
      const after = (m.index ?? 0) + m[0].length;
      const v = IDENTIFIER.exec(t.slice(after));
      if (v && /\d/.test(v[0])) sink.add('mrn', v[0], line, after, after + v[0].length);
    }
    for (const m of t.matchAll(PAYER_LABEL)) {
      const [s, field] = fieldValue(t, (m.index ?? 0) + m[0].length);
      const e = s + payerNameLength(t.slice(s, field));
      const v = t.slice(s, e);
      if (/[A-Za-z]{2}/.test(v)) sink.add('payer', v, line, s, e);
    }
    for (const re of [CLAIM_LABEL, BARE_CLAIM]) {
      for (const m of t.matchAll(re)) {
        const after = (m.index ?? 0) + m[0].length;
        const v = IDENTIFIER.exec(t.slice(after));
        // Without a label, only a number long enough to be one ("claim 2026" is a year).
        if (!v || !/\d/.test(v[0]) || (re === BARE_CLAIM && v[0].length < 6)) continue;
        sink.add('claim-number', v[0], line, after, after + v[0].length);
      }
    }
  }
}
