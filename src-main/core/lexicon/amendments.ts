/**
 * How a record marks an entry that changes or adds to what was written before (PIM Ch. 3
 * §3.3.2.5): the kind of entry each word names. One place for these words; the reader and the
 * rule only see the kind.
 */
export type AmendmentKind = 'addendum' | 'late-entry' | 'amendment' | 'correction';

/** The label at the start of a title or line: "Addendum", "Late Entry", "Amended ...", "Correction". */
export const AMENDMENT_LABEL =
  /^\s*(?:\*{1,3}\s*)?(?:(addend(?:um|a))|(late[\s-]+entry|delayed\s+entry|late[\s-]+documentation)|(amend(?:ment|ed)\b)|(correct(?:ion|ed)\b))/i;

/** The kind a label match names (the capture group that matched). */
export function amendmentKind(m: RegExpExecArray): AmendmentKind {
  if (m[1]) return 'addendum';
  if (m[2]) return 'late-entry';
  if (m[3]) return 'amendment';
  return 'correction';
}

/**
 * What the entry amends, after its label: "to the note of 09/11/2026", "for DOS 09/11/2026",
 * "re: visit on 9/11/26". The date after one of these words is the amended note's; another date
 * on the line is the entry's own.
 */
export const AMENDS_DATE_CUE =
  /\b(?:to|for|of|re:?|regarding|amending|correcting)\s+(?:the\s+)?(?:(?:daily|treatment|visit|progress|session|office|therapy|evaluation|initial)\s+)?(?:note|visit|session|entry|report|evaluation|documentation|record|DOS|date\s+of\s+service|service\s+date|encounter)?\s*(?:dated|of|on|from|for)?\s*$/i;
