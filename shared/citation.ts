import type { Evidence } from './model';

/**
 * Where a piece of evidence stands, as a reader of a report finds it: the file (a document kept
 * inside a FHIR bundle by its title, not its resource id), then the page, or for structured
 * sources the place in words ("claim KM26100205206, item 2") or the line.
 */
export function citationWords(ev: Evidence, titleOf: (file: string) => string | null): string {
  const hash = ev.file.indexOf('#');
  const file =
    hash < 0
      ? ev.file
      : `${ev.file.slice(0, hash)}: ${titleOf(ev.file) ?? ev.file.slice(hash + 1)}`;
  return `${file}, ${evidencePlace(ev)}`;
}

/** Where in its file a piece of evidence stands: its place in words, else its line, else its page. */
export function evidencePlace(ev: Evidence): string {
  return ev.place ?? (ev.line != null ? `line ${ev.line}` : `p. ${ev.page}`);
}
