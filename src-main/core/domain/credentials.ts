/**
 * Professional credentials as they follow a signer's name, in one table: who they make the signer
 * (therapist, assistant, physician or other clinician) and which therapy discipline. The signature
 * reader, discipline detection and the review's authorship checks all read this table.
 */
import type { Discipline } from '../../../shared/model';

export type CredentialRole = 'therapist' | 'assistant' | 'physician' | 'other';

export interface Credential {
  role: CredentialRole;
  discipline: Discipline | null;
}

const T = (discipline: Discipline): Credential => ({ role: 'therapist', discipline });
const A = (discipline: Discipline): Credential => ({ role: 'assistant', discipline });
const PHYSICIAN: Credential = { role: 'physician', discipline: null };
const OTHER: Credential = { role: 'other', discipline: null };

/**
 * Credentials by their letters (upper case, no dots, spaces or hyphens: "OTR/L" is "OTRL",
 * "CCC-SLP" is "CCCSLP", "PA-C" is "PAC"). Physicians and non-physician practitioners may order
 * and certify therapy (BPM Ch. 15 §220.1.1); assistants may not write progress reports
 * (§220.3.D); "other" credentials (certifications, degrees, athletic trainers) name no discipline.
 */
const TABLE: ReadonlyMap<string, Credential> = new Map<string, Credential>([
  ['PT', T('PT')],
  ['DPT', T('PT')],
  ['MPT', T('PT')],
  ['MSPT', T('PT')],
  ['RPT', T('PT')],
  ['LPT', T('PT')],
  ['PTA', A('PT')],
  ['LPTA', A('PT')],
  ['OT', T('OT')],
  ['OTR', T('OT')],
  ['OTRL', T('OT')],
  ['OTL', T('OT')],
  ['OTD', T('OT')],
  ['MOT', T('OT')],
  ['MSOT', T('OT')],
  ['COTA', A('OT')],
  ['COTAL', A('OT')],
  ['OTA', A('OT')],
  ['OTAL', A('OT')],
  ['SLP', T('SLP')],
  ['CCCSLP', T('SLP')],
  ['SLPA', A('SLP')],
  ['MD', PHYSICIAN],
  ['DO', PHYSICIAN],
  ['DPM', PHYSICIAN],
  ['DC', PHYSICIAN],
  ['NP', PHYSICIAN],
  ['FNP', PHYSICIAN],
  ['FNPC', PHYSICIAN],
  ['ANP', PHYSICIAN],
  ['APRN', PHYSICIAN],
  ['APNP', PHYSICIAN],
  ['CNP', PHYSICIAN],
  ['CNS', PHYSICIAN],
  ['PA', PHYSICIAN],
  ['PAC', PHYSICIAN],
  ['ATC', OTHER],
  ['LAT', OTHER],
  ['OCS', OTHER],
  ['SCS', OTHER],
  ['NCS', OTHER],
  ['GCS', OTHER],
  ['WCS', OTHER],
  ['PCS', OTHER],
  ['CCS', OTHER],
  ['CSCS', OTHER],
  ['CEAS', OTHER],
  ['CWCE', OTHER],
  ['CFCE', OTHER],
  ['CHT', OTHER],
  ['CLT', OTHER],
  // The Lymphology Association of North America's certification, written after the CLT.
  ['CLTLANA', OTHER],
  // Aquatic Therapy and Rehab Institute Certification.
  ['ATRIC', OTHER],
  // Pelvic health: Herman & Wallace's Pelvic Rehabilitation Practitioner Certification, BCIA's
  // pelvic muscle dysfunction biofeedback certification.
  ['PRPC', OTHER],
  ['BCBPMD', OTHER],
  ['COMT', OTHER],
  ['FAAOMPT', OTHER],
  ['CMPT', OTHER],
  ['CIDN', OTHER],
  ['MS', OTHER],
  ['MA', OTHER],
  ['MBA', OTHER],
  ['MED', OTHER],
  ['PHD', OTHER],
  ['PSYD', OTHER],
  // Counsellors and social workers on an interdisciplinary program's team.
  ['LPC', OTHER],
  ['LPCC', OTHER],
  ['LCPC', OTHER],
  ['LCSW', OTHER],
  ['LMFT', OTHER],
  ['CRC', OTHER],
  ['RN', OTHER],
  ['BSN', OTHER],
  ['CCM', OTHER],
  ['CRRN', OTHER],
]);

/** A credential's table key: upper case, without dots, hyphens or the slash of "OTR/L". */
function keyOf(token: string): string {
  return token.toUpperCase().replace(/[.\-/\s]/g, '');
}

/** The credential a token names ("PT", "P.T.", "OTR/L", "CCC-SLP", "PA-C"), or null. */
export function credentialOf(token: string): Credential | null {
  const t = token.replace(/\.$/, '');
  if (t.length < 2 || t.length > 9) return null;
  return TABLE.get(keyOf(t)) ?? null;
}

/**
 * A credential as written after a name: one table entry ("PT", "M.D.", "OTR/L"), or several joined
 * by a slash ("PT/DPT"; "OTR/L" is one, found whole first).
 */
export function isCredentialToken(token: string): boolean {
  if (credentialOf(token)) return true;
  const parts = token.replace(/\.$/, '').split('/');
  return parts.length > 1 && parts.every((p) => credentialOf(p) !== null);
}

/** The credentials named in a credentials string ("PT, DPT, OCS", "OTR/L", "P.T.", "LPTA"). */
export function credentialsIn(text: string): Credential[] {
  // "P.T." and "D.P.T." at the end of the text or before a separator are "PT" and "DPT" (before a
  // name, "P.T. Nguyen", they are initials); "OTR/L" and "COTA/L" join their slash.
  const undotted = text
    .toUpperCase()
    .replace(/\b[A-Z](?:\.[A-Z])+\.?(?=\s*(?:$|[,;/)|]))/g, (m) => m.replace(/\./g, ''))
    .replace(/\b(OTR|COTA|OTA|OT)\s*\/\s*L\b/g, '$1L')
    .replace(/\bCCC-SLP\b/g, 'CCCSLP')
    .replace(/\b(PA|FNP)-C\b/g, '$1C');
  const out: Credential[] = [];
  for (const token of undotted.split(/[^A-Z]+/)) {
    const c = token ? TABLE.get(token) : undefined;
    if (c) out.push(c);
  }
  return out;
}

export type AuthorRole = 'clinician' | 'assistant' | 'physician' | 'unknown';

/**
 * Who a credentials string names. A therapist or physician credential anywhere wins (a report
 * co-signed by the PT is the PT's report); only assistant credentials make an assistant.
 */
export function authorRoleOf(text: string): AuthorRole {
  let physician = false;
  let assistant = false;
  for (const c of credentialsIn(text)) {
    if (c.role === 'therapist') return 'clinician';
    if (c.role === 'physician') physician = true;
    else if (c.role === 'assistant') assistant = true;
  }
  if (physician) return 'physician';
  if (assistant) return 'assistant';
  return 'unknown';
}

/** The therapy discipline a credentials string names (the first therapist or assistant credential). */
export function disciplineOfCredentials(text: string): Discipline | null {
  for (const c of credentialsIn(text)) if (c.discipline) return c.discipline;
  return null;
}

/** Whether any credential in the list is a physician's or practitioner's (MD, DO, NP, PA, DPM, ...). */
export function isPhysicianCredential(tokens: readonly string[]): boolean {
  return tokens.some((t) => credentialOf(t)?.role === 'physician');
}

/**
 * What a record may sign an entry with instead of a name, for a signature log to resolve: a
 * clinician's initials ("KLB") or a hospital system's user mnemonic ("CVESTERG"). Never a
 * credential ("PTA"): callers check that first where both may stand.
 */
export const SIGNER_INITIALS = /^[A-Z]{2,10}$/;
