/**
 * A booking system's chart entry header: the entry's title, then after a dash the appointment's
 * date, its time and the clinician seen ("Treatment Note — Tue, Apr 7, 2026 at 7:30 AM with Noor
 * Haddad, PT, DPT"). The title is the part before the dash; the clinician is the one the entry
 * says furnished the visit, whoever signs it.
 */
import { isCredentialToken } from '../domain/credentials';
import { findDates } from '../parse/dates';
import type { FactSink } from './facts';
import type { Line } from './lines';

export interface EntryHeader {
  /** Where the title ends in the text. */
  titleEnd: number;
  clinician: { name: string; credentials: string | null; start: number; end: number } | null;
}

const ENTRY_DASH = /\s+[—–-]\s+/g;
/** How far after the dash its date may end ("Wednesday, September 30, 2026" is 29 characters). */
const DATE_REACH = 40;
const WEEKDAY_BEFORE_DATE = /^(?:[A-Za-z]{3,9}\.?,?\s*)?$/;
const AFTER_ENTRY_DATE =
  /^\s*(?:(?:at|@)\s*\d{1,2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*(?:(?:with|by)\s+(\S.*?))?\s*$/d;
/** A person's name as a header writes it: two or three capitalised words. */
const PERSON = /^[A-Z][A-Za-z'-]+(?: [A-Z]\.?)?(?: [A-Z][A-Za-z'-]+){1,2}$/;

export function entryHeader(text: string): EntryHeader | null {
  for (const m of text.matchAll(ENTRY_DASH)) {
    const at = m.index + m[0].length;
    const tail = text.slice(at);
    // The date stands right after the dash, after at most a weekday: a short look is enough.
    const date = findDates(tail.slice(0, DATE_REACH))[0];
    if (!date || !WEEKDAY_BEFORE_DATE.test(tail.slice(0, date.start))) continue;
    const after = AFTER_ENTRY_DATE.exec(tail.slice(date.end));
    if (!after) continue;
    const who = after.indices?.[1];
    const from = at + date.end;
    return {
      titleEnd: m.index,
      clinician: who ? clinicianIn(text, from + who[0], from + who[1]) : null,
    };
  }
  return null;
}

/** "Noor Haddad, PT, DPT": the name, and the credentials after it when every part is one. */
function clinicianIn(text: string, start: number, end: number): EntryHeader['clinician'] {
  const value = text.slice(start, end);
  const comma = value.indexOf(',');
  const name = (comma < 0 ? value : value.slice(0, comma)).trim();
  if (!PERSON.test(name)) return null;
  const rest = comma < 0 ? '' : value.slice(comma + 1).trim();
  const parts = rest.split(/\s*,\s*|\s+/).filter(Boolean);
  if (parts.length > 0 && !parts.every(isCredentialToken)) return null;
  return { name, credentials: rest || null, start, end };
}

/** The clinician the entry's header line names (the first such line of the entry). */
export function extractTreatingClinician(lines: readonly Line[], sink: FactSink): void {
  for (const line of lines) {
    if (line.running) continue;
    const who = entryHeader(line.text)?.clinician;
    if (!who) continue;
    sink.add('treating-clinician', who.name, line, who.start, who.end, {
      ...(who.credentials ? { credentials: who.credentials } : {}),
    });
    return;
  }
}
