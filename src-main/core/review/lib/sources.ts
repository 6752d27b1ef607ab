import type { PayerKind } from '../../../../shared/model';
import { US_STATES } from '../../domain/payer-kinds';
import type { RuleMeta } from '../types';

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

const cache = new Map<string, string>();

/**
 * The source a finding cites: the rule's sources that hold for the episode's payer kind and state
 * (a Texas rule is cited for Texas workers' comp only, a Medicare manual for Medicare). Where the
 * catalog names none for them, the check still follows its sources, and the citation says so
 * rather than citing another jurisdiction's law as if it applied.
 */
export function sourceFor(meta: RuleMeta, where: Jurisdiction): string {
  if (!meta.sources) return meta.source;
  const key = `${meta.id}\0${where.kind}\0${where.state ?? ''}`;
  let source = cache.get(key);
  if (source !== undefined) return source;
  const fits = meta.sources.filter(
    (s) =>
      (!s.payers || s.payers.includes(where.kind)) &&
      (!s.states || (where.state !== null && s.states.includes(where.state))),
  );
  if (fits.length) source = fits.map((s) => s.text).join('; ');
  else {
    const state = where.state ? `${US_STATES[where.state] ?? where.state} ` : '';
    source = `${meta.sources.map((s) => s.text).join('; ')} (the catalog's source; none specific to ${state}${KIND_WORDS[where.kind]})`;
  }
  cache.set(key, source);
  return source;
}
