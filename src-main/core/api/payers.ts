/**
 * The clinic's payer list as the user sees it: every payer name the store knows (billing lines,
 * remits, notes) and every name the user listed, each with the kind the evidence decided, its
 * basis, and the user's own choice. Built from the same per-patient decisions the review makes.
 */
import { z } from 'zod';
import type { PayerSummary, SetPayerKindRequest } from '../../../shared/api';
import type { PayerKind } from '../../../shared/model';
import { US_STATES } from '../domain/payer-kinds';
import type { PayerDecision } from '../episodes';
import { payerNameKey, readPayerList, type PayerListEntry } from '../store/payer-list';
import type { Db } from '../store/db';

/** A user's choice as given on the command line or by the app, checked at the boundary. */
export const setPayerKindSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'a payer name is needed').max(300),
    kind: z.enum(['medicare', 'workers-comp', 'commercial', 'other']).nullable(),
    state: z
      .string()
      .trim()
      .toUpperCase()
      .refine((s) => s in US_STATES, 'must be a two-letter US state (TX, CA, ...)')
      .nullish(),
  })
  .refine((r) => !r.state || r.kind === 'workers-comp', {
    message: "a state is the jurisdiction of a workers' comp payer only",
    path: ['state'],
  });

/** Parses `NAME=kind[,state]` (kind `auto` clears the choice: the evidence decides again). */
export function parsePayerAssignment(text: string): SetPayerKindRequest {
  const eq = text.lastIndexOf('=');
  if (eq < 1) throw new Error(`expected NAME=kind[,state], got "${text}"`);
  const [kindText = '', state = ''] = text
    .slice(eq + 1)
    .split(',')
    .map((s) => s.trim());
  const kind = kindText.toLowerCase();
  const parsed = setPayerKindSchema.safeParse({
    name: text.slice(0, eq),
    kind: kind === 'auto' || kind === '' ? null : kind,
    state: state || null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const what = issue.path[0] === 'kind' ? `kind "${kindText}"` : String(issue.path[0] ?? '');
    throw new Error(
      issue.path[0] === 'kind'
        ? `${what}: expected medicare, workers-comp, commercial, other or auto`
        : `${what}: ${issue.message}`,
    );
  }
  return { name: parsed.data.name, kind: parsed.data.kind, state: parsed.data.state ?? null };
}

/** Collects the per-patient decisions of a build or review, by payer name key. */
export class PayerDecisions {
  /**
   * name key -> spellings seen (with counts and the strongest level that decided them) and the
   * decision per patient id. Spellings of one payer (`payerNameKey`) are one row.
   */
  private readonly byKey = new Map<string, PayerEvidence>();

  readonly onPayerDecision = (
    name: string | null,
    decision: PayerDecision,
    patientId: number,
  ): void => {
    if (name === null) return;
    const key = payerNameKey(name);
    if (key === '') return;
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { names: new Map(), patients: new Map() }));
    const seen = entry.names.get(name);
    entry.names.set(name, {
      count: (seen?.count ?? 0) + 1,
      level: Math.min(seen?.level ?? WEAKEST, decision.level ?? WEAKEST),
    });
    // A patient whose notes and billing spell the payer two ways: the better-founded decision
    // (an 835's filing indicator over the name's words) speaks for it.
    const known = entry.patients.get(patientId);
    if (!known || (decision.level ?? WEAKEST) < (known.level ?? WEAKEST))
      entry.patients.set(patientId, decision);
  };

  /** Patient ids (1-based) whose items name this payer. */
  patientsOf(name: string): number[] {
    return [...(this.byKey.get(payerNameKey(name))?.patients.keys() ?? [])];
  }

  /** One row per payer: the store's names and the list's, by name. */
  summaries(list: ReadonlyMap<string, PayerListEntry>): PayerSummary[] {
    const rows: PayerSummary[] = [];
    const keys = new Set([...this.byKey.keys(), ...list.keys()]);
    for (const key of keys) {
      const entry = this.byKey.get(key);
      const listed = list.get(key) ?? null;
      rows.push(summarize(entry, listed));
    }
    return rows.sort((a, b) => a.name.localeCompare(b.name));
  }
}

interface PayerEvidence {
  names: Map<string, { count: number; level: number }>;
  patients: Map<number, PayerDecision>;
}

/** Below every signal level: a decision without one (unknown). */
const WEAKEST = Number.MAX_SAFE_INTEGER;

function summarize(entry: PayerEvidence | undefined, listed: PayerListEntry | null): PayerSummary {
  // The spelling the records use most (of equals, the one the strongest evidence decided); the
  // list's when the records use it too, or show none.
  let name = listed?.name ?? '';
  let best = { count: 0, level: WEAKEST };
  entry?.names.forEach((n, spelling) => {
    if (n.count > best.count || (n.count === best.count && n.level < best.level))
      [name, best] = [spelling, n];
  });
  // The row keeps the spelling the user chose it by, when the records use it.
  if (listed && entry?.names.has(listed.name)) name = listed.name;
  // The kind most of this payer's patients got; the others are named in the basis.
  const byKind = new Map<PayerKind, PayerDecision[]>();
  entry?.patients.forEach((d) => {
    const list = byKind.get(d.kind);
    if (list) list.push(d);
    else byKind.set(d.kind, [d]);
  });
  const ranked = [...byKind.entries()].sort((a, b) => b[1].length - a[1].length);
  const main = ranked[0]?.[1][0];
  const basis = main
    ? [...main.basis]
    : listed
      ? [`clinic payer list: "${listed.name}" = ${listed.kind}`]
      : [];
  for (const [kind, ds] of ranked.slice(1)) {
    basis.push(`${ds.length} other patient(s) decided ${kind} from their own evidence`);
  }
  return {
    name,
    kind: main?.kind ?? listed?.kind ?? 'unknown',
    state: main?.state ?? listed?.state ?? null,
    basis,
    patients: entry?.patients.size ?? 0,
    spellings: [...(entry?.names.keys() ?? [])].filter((n) => n !== name).sort(),
    listed: listed ? { kind: listed.kind, state: listed.state, setAt: listed.setAt } : null,
  };
}

/** The payer rows of a store, from a fresh build of its episodes (the CLI's `payers`). */
export function payerSummaries(db: Db, build: (decisions: PayerDecisions) => void): PayerSummary[] {
  const decisions = new PayerDecisions();
  build(decisions);
  return decisions.summaries(readPayerList(db));
}
