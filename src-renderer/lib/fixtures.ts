/** Synthetic episodes (invented names, no health data) for scale tests of the episode table. */
import type { EpisodeSummary } from '../../shared/api';
import type { PayerKind } from '../../shared/model';

const LAST = ['Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Fir', 'Gum', 'Hazel', 'Ivy', 'Juniper'];
const FIRST = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Gray', 'Harper'];
const PAYERS: Array<[string, PayerKind]> = [
  ['Medicare Part B', 'medicare'],
  ['State Fund WC', 'workers-comp'],
  ['Acme Health PPO', 'commercial'],
];

function iso(day: number): string {
  return new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

export function makeFixtureEpisodes(n: number): EpisodeSummary[] {
  const out: EpisodeSummary[] = [];
  for (let i = 0; i < n; i++) {
    const [payerName, payerKind] = PAYERS[i % PAYERS.length]!;
    const start = (i * 7) % 300;
    out.push({
      id: `fixture-${i}`,
      patientName: `${LAST[i % LAST.length]}, ${FIRST[(i >> 3) % FIRST.length]} ${i}`,
      mrn: `FX${String(i).padStart(6, '0')}`,
      dob: null,
      payerName,
      payerKind,
      payerBasis: [`payer name "${payerName}"`],
      profile: payerKind,
      start: iso(start),
      end: iso(start + 20 + (i % 40)),
      visits: 4 + (i % 24),
      errors: i % 5,
      warnings: i % 3,
      claims: [`CLM${i}`],
      deniedClaims: i % 7 === 0 ? 1 : 0,
    });
  }
  return out;
}
