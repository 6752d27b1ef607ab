/**
 * Who rendered an episode's care, for the episode list's clinician column, its filter, the
 * dashboard's "by clinician" figures and the findings command: the ledger's rendering provider
 * and the signers of the clinic's own visit documents (evaluation, notes, reports, discharge).
 * Letters, utilization-review determinations, case managers' reports, authorizations and physician
 * orders are signed by people outside the clinic (or are not visits), so their signers are not.
 */
import type { EpisodeDocument, EpisodeModel } from '../../../shared/episode';
import type { DocType, Fact } from '../../../shared/model';
import { credentialsIn, isCredentialToken, SIGNER_INITIALS } from '../domain/credentials';
import { displayName, parseName, titleWords } from '../episodes/identity';
import { memoByString } from '../memo';
import { THERAPY_RECORDS } from '../review/lib/documents';

/** The clinic's own visit documents: what a treating therapist writes and signs. */
const VISIT_DOCUMENTS = new Set<DocType>([...THERAPY_RECORDS, 'fce']);

/** One person however the sources write them: last name and first initial. */
function personKey(name: string): string | null {
  const p = parseName(name);
  return p ? `${p.last}|${p.first[0]}` : null;
}

/**
 * "SORENSEN, MEGAN PT" -> "Sorensen, Megan"; an NPI or a bare word is no name. Without a comma
 * the order is the billing system's ("TAKEDA BRIAN PT" is last name first in many ledgers, "BRIAN
 * TAKEDA" in others): read the way that names a clinician the notes name, else kept as printed.
 */
function providerName(raw: string, signers: ReadonlySet<string>): string | null {
  const words = raw.trim().split(/\s+/);
  while (words.length > 1 && isCredentialToken(words.at(-1)!.replace(/[,;]$/, ''))) words.pop();
  const name = words.join(' ').replace(/,$/, '');
  if (!/[A-Za-z]/.test(name) || !parseName(name)) return null;
  if (name.includes(',')) return displayName(name);
  const lastFirst = `${words[0]}, ${words.slice(1).join(' ')}`;
  const asPrinted = personKey(name);
  if (!(asPrinted && signers.has(asPrinted)) && signers.has(personKey(lastFirst) ?? ''))
    return displayName(lastFirst);
  // A name printed in capitals is shown in title case, its order kept.
  return name === name.toUpperCase() ? titleWords(name.toLowerCase()) : name;
}

/**
 * The clinicians who signed a visit document, as it names them: each signer with the credentials
 * written after it (before the next signature), or initials the signature log resolved. A signer
 * with no credentials (a heading read as a name: "Audit Trail") or a physician's is left out.
 */
function visitSigners(doc: EpisodeDocument): string[] {
  if (!VISIT_DOCUMENTS.has(doc.type)) return [];
  const out: string[] = [];
  const facts = doc.facts;
  facts.forEach((f, i) => {
    if (f.kind !== 'signer') return;
    if (SIGNER_INITIALS.test(f.value)) {
      const logged = facts.find((c) => c.kind === 'credentials' && c.detail?.name);
      if (logged && isClinicianCredential(logged)) out.push(logged.detail!.name!);
      return;
    }
    const creds = credentialsAfter(facts, i);
    if (creds && isClinicianCredential(creds) && parseName(f.value)) out.push(f.value);
  });
  return out;
}

function credentialsAfter(facts: readonly Fact[], signer: number): Fact | null {
  for (let i = signer + 1; i < facts.length; i++) {
    const f = facts[i]!;
    if (f.kind === 'credentials') return f;
    if (f.kind === 'signer' || f.kind === 'physician-signer') return null;
  }
  return null;
}

/** Credentials of someone who renders care: any known one, none a physician's only. */
function isClinicianCredential(creds: Fact): boolean {
  return clinicianCredentials(creds.value);
}

/** A store's notes repeat the same few credential lines ("PT, DPT") on every visit. */
const clinicianCredentials = memoByString((value) => {
  const known = credentialsIn(value);
  return known.length > 0 && known.some((c) => c.role !== 'physician');
}, 10_000);

/**
 * The episode's clinicians, each once: rendering providers in billing order, then visit-document
 * signers in document order. One person written two ways ("T. Brooks" on the notes, "BROOKS,
 * TERRENCE PT" on the ledger) is one entry, named as the notes name them unless they give only
 * an initial.
 */
export function episodeClinicians(m: EpisodeModel): string[] {
  const byPerson = new Map<string, string>();
  const add = (name: string, fromNotes: boolean) => {
    const key = personKey(name);
    if (!key) return;
    const known = byPerson.get(key);
    if (known === undefined) byPerson.set(key, name);
    else if (
      fromNotes &&
      firstNameLength(name) > 1 &&
      firstNameLength(name) >= firstNameLength(known)
    )
      byPerson.set(key, name);
  };
  const signers = m.documents.flatMap(visitSigners);
  const signerKeys = new Set(signers.map(personKey).filter((k) => k !== null));
  // An episode's lines name the same one or two providers over and over: read each once.
  const providers = new Set(m.billing.map((line) => line.provider));
  for (const raw of providers) {
    const name = raw ? providerName(raw, signerKeys) : null;
    if (name) add(name, false);
  }
  for (const name of signers) add(name, true);
  return [...byPerson.values()];
}

function firstNameLength(name: string): number {
  return parseName(name)?.first.length ?? 0;
}
