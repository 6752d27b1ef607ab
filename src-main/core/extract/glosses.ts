/**
 * Bilingual forms print each label with its translation after a slash ("Patient / Paciente:",
 * "Date of Service / Fecha de servicio: 06/02/2026", "SUBJECTIVE / SUBJETIVO"). On a page written
 * that way the translation reads as blank, so every reader sees the label it knows. Which language
 * the gloss is in does not matter: the page's habit of pairing every label is what marks it.
 */
import { sectionNamed } from '../lexicon/sections';

/**
 * A label and its gloss: at the start of a line or a cell (a tab, two spaces), before a colon, a
 * cell's end or the line's end. What follows the gloss still qualifies the label ("OBJECTIVE /
 * OBJETIVO - Re-test 06/08/2026", "Short-term goals / Metas a corto plazo (1 week):"). Three-part
 * labels ("DOB / Age / Sex:") are not glosses.
 */
const GLOSSED_LABEL =
  /(?<=^\s*|\t| {2})([A-Za-z][A-Za-z0-9 .#'()&,-]{0,80}?[A-Za-z.#)]) \/ ([^/:\t()]{0,80}?[^\s/:()-])((?:\s+[-–]\s+[^\t:]*?|\s*\([^()\t]*\))?)(\s*:|(?=\s*$|\t| {2}))/g;

/** A field's label at the start of a line or a cell, with its colon. */
const FIELD_LABEL = /(?<=^\s*|\t| {2})[A-Za-z][^:\t]{0,80}?:(?=\s|$)/g;

/**
 * How many of a page's field labels must carry a gloss before its slashes read as glosses: a
 * bilingual form glosses nearly every label, an English one pairs a few ("Time In / Out:",
 * "Response / tolerance:").
 */
const GLOSSED_PAGE_SHARE = 0.5;
const GLOSSED_PAGE_MIN = 5;

/**
 * A second half that is a section's own name is a second label, not a gloss: "Assessment /
 * Plan" heads both (the first half's own name repeated, "PLAN / PLAN", is a gloss).
 */
function isGloss(label: string, gloss: string): boolean {
  const named = sectionNamed(gloss);
  return named === null || named === sectionNamed(label);
}

function isGlossedPage(lines: readonly string[]): boolean {
  let labels = 0;
  let glossed = 0;
  for (const line of lines) {
    labels += [...line.matchAll(FIELD_LABEL)].length;
    for (const m of line.matchAll(GLOSSED_LABEL)) if (m[4] && isGloss(m[1]!, m[2]!)) glossed++;
  }
  return glossed >= GLOSSED_PAGE_MIN && glossed >= labels * GLOSSED_PAGE_SHARE;
}

/** The page's lines with their labels' glosses blanked, offset for offset the page's own. */
export function withoutGlosses(lines: readonly string[]): readonly string[] {
  if (!isGlossedPage(lines)) return lines;
  return lines.map((line) =>
    line.replace(
      GLOSSED_LABEL,
      (whole, label: string, gloss: string, tail: string, colon: string) => {
        if (!isGloss(label, gloss)) return whole;
        // "Patient / Paciente:" reads "Patient:", the gloss's room after the colon.
        const head = `${label}${tail}${colon ? ':' : ''}`;
        return head + ' '.repeat(whole.length - head.length);
      },
    ),
  );
}
