import type { PayerKind } from '../../../../shared/model';
import { US_STATES } from '../../domain/payer-kinds';
import type { RuleMeta, ScopedSource } from '../types';

/** Where a finding's source must hold: the payer kind of the profile applied, and its state. */
export interface Jurisdiction {
  kind: PayerKind;
  /** Two-letter state of a workers' compensation jurisdiction, when known. */
  state: string | null;
}

const KIND_WORDS: Readonly<Record<PayerKind, string>> = {
  medicare: 'Medicare',
  'workers-comp': "workers' compensation",
  commercial: 'commercial plans',
  other: 'this payer',
  unknown: 'this payer',
};

/** Per jurisdiction ("kind\0state"), each rule's citation by rule id, made once. */
const cache = new Map<string, Map<string, string>>();

/**
 * The source a finding cites: the rule's sources that hold for the episode's payer kind and state
 * (a Texas rule is cited for Texas workers' comp only, a Medicare manual for Medicare). Where the
 * catalog names none for them, the citation says so first and names the catalog's sources for
 * reference only, never as if another jurisdiction's law applied.
 */
export function sourceFor(meta: RuleMeta, where: Jurisdiction): string {
  return citationsFor(where)(meta);
}

/**
 * `sourceFor` for one jurisdiction, for the engine to ask rule by rule: the jurisdiction's table
 * is found once per episode, not once per rule.
 */
export function citationsFor(where: Jurisdiction): (meta: RuleMeta) => string {
  const key = `${where.kind}\0${where.state ?? ''}`;
  let cited = cache.get(key);
  if (!cited) cache.set(key, (cited = new Map()));
  const table = cited;
  return (meta) => {
    if (!meta.sources) return meta.source;
    let source = table.get(meta.id);
    if (source === undefined) table.set(meta.id, (source = citation(meta.sources, where)));
    return source;
  };
}

function citation(sources: readonly ScopedSource[], where: Jurisdiction): string {
  const fits = sources.filter(
    (s) =>
      (!s.payers || s.payers.includes(where.kind)) &&
      (!s.states || (where.state !== null && s.states.includes(where.state))),
  );
  if (fits.length) return fits.map((s) => s.text).join('; ');
  // Another jurisdiction's law is not this payer's authority: it is named only as where the
  // catalog's standard comes from, after saying that nothing here is specific to this payer.
  const state = where.state ? `${US_STATES[where.state] ?? where.state} ` : '';
  return `None specific to ${state}${KIND_WORDS[where.kind]} in the catalog; the check applies the catalog's general standard (for reference only, not as authority for this payer: ${sources.map((s) => s.text).join('; ')})`;
}
