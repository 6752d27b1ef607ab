/**
 * A hospital record system's legal record prints one encounter after another, each under its
 * header ("3/16/2026 - Therapy Visit in NORTHGATE INDUSTRIAL REHAB"), then the note filed in it
 * ("Progress Notes by Leah M Okonkwo, PT, DPT at 3/16/2026 11:52 AM") and the note's own title
 * ("WORK CONDITIONING DAILY NOTE"). Each encounter is a document of its own, dated by its header.
 * What it is comes from the note's own title, else the kind of note filed (a generic "Progress
 * Notes" names none), else the encounter's kind ("Telephone", "Therapy Visit").
 */
import { leadingDate } from '../parse/dates';
import { isTitleLine, titleType } from './classify';
import { type Line, isBlank } from './lines';
import type { DocumentSlice, EntryDate } from './split';

/** "3/16/2026 - Therapy Visit in NORTHGATE INDUSTRIAL REHAB": the date, the kind, the department. */
const ENCOUNTER_HEADER =
  /^\s*(\d{1,2}\/\d{1,2}\/\d{4})\s+[-–—]\s+([A-Z][A-Za-z/&' -]{1,40}?)\s+in\s+[A-Z0-9][A-Z0-9 &'/.,()-]{2,80}\s*$/;
/** The note filed in an encounter, its kind first: "Telephone Encounter by NAME at 3/16/2026 12:58 PM". */
const FILED_NOTE =
  /^\s*([A-Z][A-Za-z/&' -]{2,40}?)\s+by\s+\S.{0,80}?\s+at\s+\d{1,2}\/\d{1,2}\/\d{4}\b/;
/** The kind every note may be filed under ("Progress Notes"): it says nothing of what the note is. */
const GENERIC_KIND = /^progress notes?$/i;
/** How far under the filed note's line (or the header) the note's own title stands. */
const TITLE_LINES = 8;

/** Encounters need at least two headers to be a record of encounters, not a line of prose. */
const MIN_ENCOUNTERS = 2;

/**
 * One slice per encounter when the file is a record of encounters (the pages before the first
 * one, a release-of-information cover, a slice of their own); null when it is not one.
 */
export function splitEncounters(all: Line[]): DocumentSlice[] | null {
  const heads: number[] = [];
  all.forEach((l, i) => {
    // A header whose date is no calendar date ("13/45/2026 - ...") heads nothing.
    if (!l.running && ENCOUNTER_HEADER.test(l.text) && leadingDate(l.text.trimStart()))
      heads.push(i);
  });
  if (heads.length < MIN_ENCOUNTERS) return null;
  // An encounter takes its page from the top (the running header above it), as the record
  // starts each encounter on a page of its own.
  const from = (i: number): number => {
    let top = i;
    while (
      top > 0 &&
      all[top - 1]!.page === all[i]!.page &&
      (all[top - 1]!.running || isBlank(all[top - 1]!))
    )
      top--;
    return top;
  };
  const slices: DocumentSlice[] = [];
  const first = from(heads[0]!);
  if (all.slice(0, first).some((l) => !l.running && !isBlank(l)))
    slices.push({ lines: all.slice(0, first), titleIndex: -1 });
  heads.forEach((h, k) => {
    const start = from(h);
    const lines = all.slice(start, k + 1 < heads.length ? from(heads[k + 1]!) : all.length);
    slices.push(encounterSlice(lines, h - start));
  });
  return slices;
}

function encounterSlice(lines: Line[], at: number): DocumentSlice {
  const header = lines[at]!;
  const m = ENCOUNTER_HEADER.exec(header.text)!;
  const d = leadingDate(header.text.trimStart())!;
  const lead = header.text.length - header.text.trimStart().length;
  const date: EntryDate = { iso: d.iso, line: header, start: lead + d.start, end: lead + d.end };
  const content = lines.map((l, i) => [l, i] as const).filter(([l]) => !l.running && !isBlank(l));
  const headerAt = content.findIndex(([, i]) => i === at);
  const filedAt = content.findIndex(([l], k) => k > headerAt && FILED_NOTE.test(l.text));
  const after = filedAt >= 0 ? filedAt : headerAt;
  // The note's own title, right under the filed note's line.
  const own = content
    .slice(after + 1, after + 1 + TITLE_LINES)
    .find(([l]) => !FILED_NOTE.test(l.text) && isTitleLine(l.text) && titleType(l.text) !== null);
  if (own) return { lines, titleIndex: own[1], entryOf: { title: own[0].text, header: [], date } };
  const kind = filedAt >= 0 ? FILED_NOTE.exec(content[filedAt]![0].text)![1]!.trim() : null;
  const title =
    kind && !GENERIC_KIND.test(kind) && titleType(kind) !== null
      ? kind
      : (encounterTitle(m[2]!.trim()) ?? m[2]!.trim());
  return { lines, titleIndex: -1, entryOf: { title, header: [], date } };
}

/** An encounter's kind as a title: "Telephone" is a telephone encounter, "Therapy Visit" a visit. */
function encounterTitle(kind: string): string | null {
  if (titleType(kind) !== null) return kind;
  const encounter = `${kind} encounter`;
  return titleType(encounter) !== null ? encounter : null;
}
