/**
 * How the checklist names a finding's evidence: "Show evidence: FILE p. N" (or "line N"), a
 * document kept inside a bundle by its title and date.
 */
import type { DocumentSummary } from '../../shared/api';
import { evidencePlace } from '../../shared/citation';
import type { Evidence } from '../../shared/model';

/**
 * A document kept inside another file (a FHIR bundle's DocumentReference) is named by its title
 * and date, not by its container and resource id.
 */
export function embeddedTitle(documents: readonly DocumentSummary[], file: string): string | null {
  if (!file.includes('#')) return null;
  const d = documents.find((x) => x.file === file);
  return d ? `${d.title}${d.date ? `, ${d.date}` : ''}` : null;
}

/** Short file name for a citation; embedded documents keep their container's name. */
export function evidenceName(file: string): string {
  const [outer, inner] = file.split('#');
  const base = outer!.split('/').pop() ?? outer!;
  return inner ? `${base} (${inner.split('/')[0]})` : base;
}

/**
 * A finding's evidence links: the same place quoted twice is one link, and places that would read
 * alike ("p. 1" of one letter, quoted for each limit it states) are told apart by their quote.
 */
export function evidenceLinks(
  evidence: readonly Evidence[],
  documents: readonly DocumentSummary[],
): Array<{ e: Evidence; label: string }> {
  const seen = new Set<string>();
  const unique = evidence.filter((e) => {
    const key = `${e.file}\0${e.page}\0${e.line ?? ''}\0${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const place = (e: Evidence) =>
    `Show evidence: ${embeddedTitle(documents, e.file) ?? evidenceName(e.file)} ${evidencePlace(e)}`;
  const count = new Map<string, number>();
  for (const e of unique) count.set(place(e), (count.get(place(e)) ?? 0) + 1);
  return unique.map((e) => {
    const label = place(e);
    if ((count.get(label) ?? 0) < 2 || !e.quote.trim()) return { e, label };
    const quote = e.quote.trim().replace(/\s+/g, ' ');
    return { e, label: `${label}: “${quote.length > 48 ? `${quote.slice(0, 47)}…` : quote}”` };
  });
}
