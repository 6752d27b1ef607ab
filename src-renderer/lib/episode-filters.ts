/**
 * The episode list's search and filters, kept in the URL (`#/episodes?q=...&clinician=...`) so
 * they survive opening an episode and coming back, and so other screens can link to a filtered
 * list (the dashboard's rows).
 */
import type { EpisodeSummary } from '../../shared/api';

export interface EpisodeFilters {
  /** Patient name, MRN or claim number. */
  q: string;
  /** Payer kind. */
  kind: string;
  /** Payer name. */
  payer: string;
  clinician: string;
  rule: string;
  /** errors | warnings | clean */
  severity: string;
  /** '1': only episodes with a denied claim; 'returned': with a claim returned as unprocessable. */
  denied: string;
  /** open | decided | new: where the reviewer's work on the episode's findings stands. */
  state: string;
  /** Episodes that overlap this range (ISO dates). */
  from: string;
  to: string;
  /** column id and direction, "errors.desc". */
  sort: string;
}

export const NO_FILTERS: EpisodeFilters = {
  q: '',
  kind: '',
  payer: '',
  clinician: '',
  rule: '',
  severity: '',
  denied: '',
  state: '',
  from: '',
  to: '',
  sort: 'errors.desc',
};

export function filtersFromQuery(query: Record<string, string> | undefined): EpisodeFilters {
  const out = { ...NO_FILTERS };
  for (const k of Object.keys(NO_FILTERS) as Array<keyof EpisodeFilters>)
    if (query?.[k] !== undefined) out[k] = query[k];
  return out;
}

/** Only what differs from no filter at all, so a plain list has a plain URL. */
export function filtersToQuery(f: EpisodeFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(NO_FILTERS) as Array<keyof EpisodeFilters>)
    if (f[k] !== NO_FILTERS[k]) out[k] = f[k];
  return out;
}

export function isFiltered(f: EpisodeFilters): boolean {
  return (Object.keys(NO_FILTERS) as Array<keyof EpisodeFilters>).some(
    (k) => k !== 'sort' && f[k] !== NO_FILTERS[k],
  );
}

export function matchesEpisode(e: EpisodeSummary, f: EpisodeFilters): boolean {
  const q = f.q.trim().toLowerCase();
  if (
    q &&
    !e.patientName.toLowerCase().includes(q) &&
    !(e.mrn ?? '').toLowerCase().includes(q) &&
    !e.claims.some((c) => c.toLowerCase().includes(q))
  )
    return false;
  if (f.kind && e.payerKind !== f.kind) return false;
  if (f.payer && e.payerName !== f.payer) return false;
  if (f.clinician && !(e.clinicians ?? []).includes(f.clinician)) return false;
  if (f.rule && !(e.rules ?? []).includes(f.rule)) return false;
  if (f.severity === 'errors' && e.errors === 0) return false;
  if (f.severity === 'warnings' && e.warnings === 0) return false;
  if (f.severity === 'clean' && (e.errors > 0 || e.warnings > 0)) return false;
  if (f.denied === '1' && e.deniedClaims === 0) return false;
  if (f.denied === 'returned' && !e.unprocessableClaims) return false;
  if (f.state === 'open' && !(e.review?.open ?? 0)) return false;
  if (f.state === 'decided' && !(e.review?.decided ?? 0)) return false;
  if (f.state === 'new' && !(e.review?.new ?? 0)) return false;
  if (f.from && e.end < f.from) return false;
  if (f.to && e.start > f.to) return false;
  return true;
}

const LAST_QUERY_KEY = 'chartready.episodes.lastQuery';

/**
 * The list's last URL query (search, filters, sort), kept for the session: the top menu's
 * Episodes and the breadcrumbs go back to the list as the user left it, not a fresh one.
 */
export function rememberEpisodesQuery(query: Record<string, string>): void {
  try {
    window.sessionStorage.setItem(LAST_QUERY_KEY, JSON.stringify(query));
  } catch {
    // Without storage the links open the plain list.
  }
}

export function lastEpisodesQuery(): Record<string, string> {
  try {
    const raw = window.sessionStorage.getItem(LAST_QUERY_KEY);
    const q = raw ? (JSON.parse(raw) as unknown) : null;
    if (!q || typeof q !== 'object' || Array.isArray(q)) return {};
    return filtersToQuery(filtersFromQuery(q as Record<string, string>));
  } catch {
    return {};
  }
}
