/** The stamp a print job puts on each page, and the report name a print header puts before it. */

/** A print job's stamp: "Printed 02/27/2026 09:41", "Print date: Mar 3, 2026". */
export const PRINT_STAMPS: RegExp[] = [
  /\bPrinted(?:\s+on)?\s*:?\s*\d{1,4}[/-]\d{1,2}/i,
  /\b(?:Printed|Print date)\s*(?:on|by)?\s*:?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i,
];

/**
 * The words a print header puts before its stamp ("CONSULT REQUEST -- BANNOCK RANGE VAHCS
 * Printed 02/27/2026 09:41" gives "CONSULT REQUEST -- BANNOCK RANGE VAHCS"): the name of the
 * report printed. Null when the line carries no print stamp or nothing stands before it.
 */
export function beforePrintStamp(text: string): string | null {
  const at = Math.min(...PRINT_STAMPS.map((re) => re.exec(text)?.index ?? Infinity));
  if (!Number.isFinite(at)) return null;
  const before = text.slice(0, at).trim();
  return before || null;
}
