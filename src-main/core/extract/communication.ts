/**
 * Contacts with the adjuster, case manager, physician or employer, wherever the chart records
 * them: a letter or fax (its addressee, "Re:" and "cc:" lines), a communication log whose entries
 * carry their own dates ("11/03/26 10:15 Phone call w/ adjuster ..."), a sentence inside a daily
 * note ("Spoke w/ adj J. Ruiz by phone re: progress"), a report "sent to adjuster and Dr. Park".
 * Each contact is a `communication` fact (detail: its own date when the line gives one, and the
 * parties); `communication-party` facts name each party a document reaches.
 */
import type { DocType, SectionName } from '../../../shared/model';
import {
  ADDRESS_LINE,
  CONTACT_MODE,
  CONTACT_VERB,
  CONTACT_WITH,
  NOT_YET,
  namesClaimsPayer,
  PARTY_AS_SOURCE,
  PARTY_WORDS,
  PATIENT_REPORTS,
  PHONE_NUMBER,
} from '../lexicon/communication';
import { REQUEST_FOR_AUTHORIZATION } from './classify';
import { checkboxOptions, LIST_MARKER } from './layout';
import { headingOf } from './sections';
import { findDates } from '../parse/dates';
import type { FactSink } from './facts';
import type { Line } from './lines';

/**
 * The first mention of a party that names the party itself, not where a document came from
 * ("Job analysis (from employer file) rec'd" reached no one at the employer).
 */
function firstMention(re: RegExp, text: string): RegExpExecArray | null {
  const all = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const m of text.matchAll(all)) {
    PARTY_AS_SOURCE.lastIndex = m.index + m[0].length;
    if (!PARTY_AS_SOURCE.test(text)) return m as RegExpExecArray;
  }
  return null;
}

/** Parties named in a text, in lexicon order, each once, with the span of its first mention. */
function partiesIn(text: string): Array<{ party: string; start: number; end: number }> {
  const out: Array<{ party: string; start: number; end: number }> = [];
  for (const { party, re } of PARTY_WORDS) {
    if (out.some((p) => p.party === party)) continue;
    const m = firstMention(re, text);
    if (m) out.push({ party, start: m.index, end: m.index + m[0].length });
  }
  if (!out.some((p) => p.party === 'adjuster' || p.party === 'case-manager')) {
    const carrier = namesClaimsPayer(text);
    if (carrier)
      out.push({ party: 'adjuster', start: carrier.index, end: carrier.index + carrier[0].length });
  }
  return out;
}

/**
 * A contact line: a contact word with a party attached ("Spoke w/ adj"), an address line ("cc:"),
 * or a party with the way it was reached and when ("Employer D. Whitaker (e-mail 04/13/2026)").
 */
function isContactLine(text: string, people: KnownPeople): boolean {
  if (PATIENT_REPORTS.test(text)) return false;
  if (ADDRESS_LINE.test(text)) return true;
  // The party is what the contact reached: named after the verb ("Spoke w/ adj", "faxed PN to
  // Dr. Park"), not before it ("Rec'd employer job desc, reviewed w/ pt"), within the verb's
  // sentence: "service calls, 5-7 calls/day. No employer job description" reaches no one.
  for (const sentence of sentencesOf(text)) {
    const verb = CONTACT_VERB.exec(sentence.text);
    if (!verb) continue;
    const at = sentence.start + verb.index;
    if (NOT_YET.test(text.slice(Math.max(0, at - 25), at))) break;
    const after = sentence.text.slice(verb.index);
    if (CONTACT_WITH.test(after) && partiesIn(after).length > 0) return true;
    // "Called Dana Whitcombe re modified duty": a person the header named, right after the verb.
    if (people.partiesNamed(after.slice(0, CONTACT_NAME_REACH)).length > 0) return true;
  }
  const mode = CONTACT_MODE.exec(text);
  const dates = findDates(text);
  // A number beside a mode is usually a letterhead's "Fax 253-555-0188"; in a log entry, which
  // starts with its date, it is the number the contact went to.
  const logEntry = dates.some((d) => d.start <= 3);
  return (
    !!mode &&
    (logEntry || !PHONE_NUMBER.test(text)) &&
    dates.length > 0 &&
    !NOT_YET.test(text.slice(Math.max(0, mode.index - 25), mode.index))
  );
}

/** How far after a contact's verb the person it reached is named ("Called back Dana Whitcombe"). */
const CONTACT_NAME_REACH = 40;

/** A sentence's end: a full stop before a capital, not one of a title or an initial ("Dr. Park"). */
const SENTENCE_END = /(?<!\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|Drs|[A-Z]))[.;]\s+(?=[A-Z])/g;

/** The sentences of a line, in order, with where each starts. */
function* sentencesOf(text: string): Generator<{ text: string; start: number }> {
  let start = 0;
  for (const end of text.matchAll(SENTENCE_END)) {
    yield { text: text.slice(start, end.index), start };
    start = end.index + end[0].length;
  }
  yield { text: text.slice(start), start };
}

/** The parts of a line that say something: all of it, or a form's label and its ticked options. */
function saidParts(line: Line): Array<{ text: string; start: number }> {
  const options = checkboxOptions(line.text);
  if (options.length === 0) return [{ text: line.text, start: 0 }];
  const label = line.text
    .slice(0, options[0]!.start)
    .replace(/[[(☐☒☑✓✔■□]\s*[xX✓✔*]?\s*[\])]?\s*$/, '');
  return options
    .filter((o) => o.checked)
    .map((o) => ({ text: `${label} ${o.text}`, start: o.start }));
}

/** The date a contact line gives itself: a log entry's leading date, or "on 11/03/2026". */
function ownDate(text: string): string | null {
  const dates = findDates(text);
  const lead = dates.find((d) => d.start <= 3);
  if (lead) return lead.iso;
  const on = dates.find((d) => /\b(?:on|dated?)\s*:?\s*$/i.test(text.slice(0, d.start)));
  return on?.iso ?? null;
}

/**
 * A person's name as logs write it: "Deb Alvarez", "J. Ruiz", "Angela Ruiz-Ortega", and a
 * printout's capitals "D WINTERS", "K. ASHWORTH" (an initial, then the surname).
 */
const PERSON =
  /\b(?:[A-Z][a-z]+|(?:Mr|Ms|Mrs|Mx)\.|[A-Z]\.)\s+([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)\b|\b[A-Z]\.?\s+([A-Z]{2,}(?:[-'][A-Z]{2,})?)\b/g;
/** Every place a person's name starts, overlapping ones too (see PERSON). */
const PERSON_AT = new RegExp(`(?=(${PERSON.source}))`, 'g');
/** A value part that is a person's name and nothing more. */
const PERSON_ONLY = new RegExp(`^(?:${PERSON.source})$`);
/**
 * A header's field naming a role, at the line's start or after a column gap ("NCM: "), or after
 * one space where a PDF's text joined the fields of a line, a one-word label then ("... fax
 * 410-555-0488 Employer: ").
 */
const ROLE_FIELD =
  /(?:^|[ \t]{2,})\s*([A-Z][A-Za-z./ ]{1,25}?)\s*:\s*|(?<=\S) ([A-Z][A-Za-z./]{1,25})\s*:\s*/g;
/** What may stand between a name and its role: "Deb Alvarez (employer)", "adjuster J. Ruiz". */
const NEXT_TO = /^[\s(),:-]{0,3}$/;

/**
 * People a document introduces with their role ("Phone w/ Deb Alvarez (employer)", "adjuster J.
 * Ruiz"), by surname: a later entry that names only the person ("phone Deb Alvarez re full duty")
 * reached the same party.
 */
/** A header's field naming the claim's carrier or administrator: "Insurance:", "Carrier:". */
const CARRIER_FIELD = /^(?:insurance|insurer|carrier|payer|claims administrator|TPA)$/i;
/** Words of a firm's legal name that no one calls it by ("INS CO OF AMERICA", "Inc."). */
const CORPORATE_WORD =
  /^(?:ins|insurance|co|company|corp|corporation|inc|llc|of|the|america|services|wc|workers|comp|compensation)$/i;

/**
 * The name a carrier or an employer is called by, from the field's value: its first two words
 * before any corporate word or separator ("ACCIDENT FUND INS CO OF AMERICA - WORKERS COMP" → "accident
 * fund"); null when that leaves fewer than two words of three letters or more.
 */
function organisationName(value: string): string | null {
  const head = value.split(/\s[-–—|(]\s?|[ \t]{2,}|[,;(]/, 1)[0]!.trim();
  const words: string[] = [];
  for (const w of head.split(/\s+/)) {
    if (CORPORATE_WORD.test(w.replace(/\.$/, '')) || !/^[A-Za-z&'-]{3,}$/.test(w)) break;
    words.push(w.toLowerCase());
    if (words.length === 2) break;
  }
  return words.length === 2 ? words.join(' ') : null;
}

class KnownPeople {
  private readonly byName = new Map<string, string>();
  /**
   * Organisations the header names by role: the claim's carrier ("accident fund"), reached
   * through its adjuster, and the employer ("smoky hill"), reached through whoever works there.
   */
  private readonly organisations = new Map<string, string>();

  learn(text: string, parties: ReadonlyArray<{ party: string; start: number; end: number }>): void {
    if (parties.length !== 1) return;
    const p = parties[0]!;
    for (const m of text.matchAll(PERSON)) {
      const between =
        m.index < p.start ? text.slice(m.index + m[0].length, p.start) : text.slice(p.end, m.index);
      const key = (m[1] ?? m[2]!).toLowerCase();
      if (NEXT_TO.test(between) && !/^Dr\b/i.test(m[0]) && !this.byName.has(key))
        this.byName.set(key, p.party);
    }
  }

  /**
   * A header's role fields name the people a log's entries will call by name alone: "Employer:
   * Atlantic Produce, Michael Furtado, Safety Coordinator", "Adjuster: Colleen Murtagh".
   */
  learnFields(text: string): void {
    const fields = [...text.matchAll(ROLE_FIELD)];
    fields.forEach((f, k) => {
      // The label is the role and nothing else: "Employer", "NCM", "Claims adjuster".
      const label = (f[1] ?? f[2]!).trim();
      const value = text.slice(f.index + f[0].length, fields[k + 1]?.index ?? text.length);
      if (CARRIER_FIELD.test(label)) {
        const name = organisationName(value);
        if (name) this.organisations.set(name, 'adjuster');
        return;
      }
      const named = partiesIn(label);
      if (named.length !== 1 || named[0]!.start !== 0 || named[0]!.end !== label.length) return;
      const firm = named[0]!.party === 'employer' ? organisationName(value) : null;
      if (firm && !this.organisations.has(firm)) this.organisations.set(firm, 'employer');
      // A person is a part of the value of its own ("Atlantic Produce, Michael Furtado, Safety
      // Coordinator"): the firm's or the title's words are no one's name.
      for (const part of value.split(/[,;()<>|]|\s[-–—]\s|[ \t]{2,}/)) {
        const m = PERSON_ONLY.exec(part.trim());
        const key = m && (m[1] ?? m[2]!).toLowerCase();
        if (key && !this.byName.has(key)) this.byName.set(key, named[0]!.party);
      }
    });
  }

  /**
   * A letter's address block names its addressees with their titles, a column each when two
   * are written side by side: "Rhonda Teague, Senior Claims Adjuster     Nolan P. Harrigan, MD".
   */
  learnTitled(text: string): void {
    for (const cell of text.split(/\t+|[ ]{3,}/)) {
      const comma = cell.indexOf(',');
      if (comma < 0) continue;
      const m = PERSON_ONLY.exec(
        cell
          .slice(0, comma)
          .trim()
          .replace(/^(?:[A-Z][a-z]+\.?\s+)?(?=[A-Z][a-z]+\s)/, ''),
      );
      const title = cell.slice(comma + 1).trim();
      const named = partiesIn(title);
      if (!m || named.length !== 1 || title.length > 40) continue;
      const key = (m[1] ?? m[2]!).toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, named[0]!.party);
    }
  }

  partiesNamed(text: string): Array<{ party: string; start: number; end: number }> {
    const out: Array<{ party: string; start: number; end: number }> = [];
    const lower = text.toLowerCase();
    for (const [name, party] of this.organisations) {
      const at = lower.search(new RegExp(`\\b${name}\\b`));
      if (at >= 0 && !out.some((o) => o.party === party))
        out.push({ party, start: at, end: at + name.length });
    }
    if (this.byName.size === 0) return out;
    // Overlapping reads: "Called Dana Whitcombe" holds "Called Dana" and "Dana Whitcombe".
    for (const m of text.matchAll(PERSON_AT)) {
      const party = this.byName.get((m[2] ?? m[3]!).toLowerCase());
      if (party && !out.some((o) => o.party === party))
        out.push({ party, start: m.index, end: m.index + m[1]!.length });
    }
    return out;
  }
}

export function extractCommunicationParties(
  lines: Line[],
  titleLine: Line | null,
  type: DocType,
  sink: FactSink,
): void {
  // A physician's own order or report ("A copy of this report is provided to ... the employer")
  // records the physician's contacts, not the program's; a request for authorization the clinic
  // writes is typed an order too, and is the clinic's contact with the payer.
  if (type === 'physician-order' && !(titleLine && REQUEST_FOR_AUTHORIZATION.test(titleLine.text)))
    return;
  const reached = new Set<string>();
  const people = new KnownPeople();
  const record = (line: Line, said: string, date: string | null, last: Line = line) => {
    const named = partiesIn(said);
    people.learn(said, named);
    const parties = [
      ...named,
      ...people.partiesNamed(said).filter((p) => !named.some((n) => n.party === p.party)),
    ];
    if (parties.length === 0) return;
    for (const p of parties) {
      if (reached.has(p.party)) continue;
      reached.add(p.party);
      const at = line.text.indexOf(said.slice(p.start, p.end));
      if (at >= 0) sink.add('communication-party', p.party, line, at, at + p.end - p.start);
    }
    const names = parties.map((p) => p.party);
    sink.addSpan('communication', names.join(','), line.page, line.start, last.end, {
      date,
      parties: names,
    });
  };
  if (titleLine && type === 'communication') record(titleLine, titleLine.text, null);
  let section: SectionName | null = null;
  lines.forEach((line, i) => {
    if (line === titleLine) return;
    people.learnFields(line.text);
    people.learnTitled(line.text);
    // "cc: Dr. Lee" copies a letter ("CC:" also heads a chief complaint: the address wins).
    const h = ADDRESS_LINE.test(line.text) ? null : headingOf(line.text);
    if (h) section = h.name;
    else if (ADDRESS_LINE.test(line.text)) section = null;
    // What the patient reports and the history of the injury are not the clinic's contacts
    // ("S: Reported to supervisor same day").
    if (section === 'subjective' || section === 'history') return;
    const parts = saidParts(line);
    for (const part of parts) {
      if (!isContactLine(part.text, people)) continue;
      // A contact's sentence wrapped onto the next line names its other parties there ("faxed
      // to Dr. Raghavan, K. Dorsey, Midlothian Mutual" / "and P. Gunderson, RN, CCM").
      const more = parts.length === 1 ? continuation(lines, i) : null;
      if (more) record(line, `${part.text} ${more.text}`, ownDate(part.text), more.last);
      else record(line, part.text, ownDate(part.text));
    }
  });
}

/** A line that stops mid-phrase: after a comma, a conjunction, a preposition or a dash. */
const OPEN_ENDED = /(?:,|\b(?:and|or|to|with|of|the|for|via|cc)|[&/–—-])\s*$/i;

/** How many lines a contact's sentence may run on. */
const CONTINUED_LINES = 2;

/**
 * The lines that carry on a contact's sentence: while it stops mid-phrase and the next line is
 * more of the paragraph (not blank, a heading, a list item or a dated entry).
 */
function continuation(lines: Line[], i: number): { text: string; last: Line } | null {
  let text = '';
  let last: Line | null = null;
  let at = lines[i]!;
  for (let k = i + 1; k <= i + CONTINUED_LINES && k < lines.length; k++) {
    const next = lines[k]!;
    if (next.page !== at.page || next.running) break;
    const t = next.text;
    // Only a line left mid-phrase ("... and to", "..., Dr. Lee,") or a next line in lower case
    // carries on; a new sentence under a field ("Copies to: HR" / "The employer was ...") does not.
    if (!OPEN_ENDED.test(at.text) && !/^\s*[a-z]/.test(t)) break;
    const dated = findDates(t.trimStart())[0]?.start === 0;
    if (t.trim() === '' || dated || headingOf(t) || LIST_MARKER.test(t)) break;
    text += ` ${t.trim()}`;
    last = next;
    at = next;
  }
  return last ? { text: text.trim(), last } : null;
}
