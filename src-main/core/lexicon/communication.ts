import { PAYER_NAME_WORDS } from '../domain/payer-kinds';

/**
 * Who a work program keeps informed and how clinicians write that they did: the parties (adjuster,
 * nurse case manager, physician, employer) by their usual names and abbreviations, and the words of
 * a contact ("Spoke w/ adj", "faxed PN to Dr. Park", "cc: adjuster", "LM for NCM").
 */

/** Party vocabulary, most specific first ("nurse case manager" before "nurse"). */
export const PARTY_WORDS: ReadonlyArray<{ party: string; re: RegExp }> = [
  {
    party: 'case-manager',
    // Minnesota's qualified rehabilitation consultant (QRC) manages the claimant's return to work.
    re: /\b(?:nurse case manager|(?:RN |field |medical |vocational )?case manager|NCM|FCM|RNCM|CCM|QRC|qualified rehabilitation consultant|(?<![A-Za-z]\s?)CM\b(?=[\s,.:;)]))/i,
  },
  {
    party: 'adjuster',
    re: /\b(?:claims? adjust[eo]r|adjust[eo]rs?|adj\b\.?|claims? (?:examiner|representative|rep|specialist|professional|handler|manager)|claim rep|carrier rep(?:resentative)?|insurance rep(?:resentative)?|TPA rep(?:resentative)?)/i,
  },
  {
    party: 'employer',
    re: /\b(?:employer(?: rep(?:resentative)?)?|supervisor|foreman|HR(?: (?:manager|representative|rep|dept|department))?|human resources|safety (?:manager|coordinator|director)|(?:plant|operations|ops|warehouse|store|shift|office|general|branch|site|fleet|facility) (?:manager|mgr|supervisor)|return[- ]to[- ]work coordinator|RTW coord(?:inator)?|supv|injury comp(?:ensation)?(?:\s+(?:specialist|office|coordinator|manager))?)\b/i,
  },
  {
    party: 'physician',
    re: /\b(?:physician|doctor|surgeon|PCP|PTP|primary treating physician|ortho(?:pedist|paedist|pedic surgeon)?|treating provider|referring provider|treating (?:MD|DO|NP|PA)|referring (?:MD|DO|NP|PA))\b/i,
  },
  // Titles and credentials are read in their own case: "Dr. Park", "DR CHISHOLM" (a printout's
  // capitals), "J. Park MD".
  { party: 'physician', re: /\b(?:Dr|DR)\.?\s+[A-Z]|\b(?:MD|M\.D\.|DO|D\.O\.|DPM|NP|PA-C)\b/ },
];

/**
 * A workers' compensation carrier or administrator named as the one reached ("faxed to Melissa
 * Tran (CorVel)"): the claim's adjuster works there.
 */
export function namesClaimsPayer(text: string): RegExpExecArray | null {
  for (const w of PAYER_NAME_WORDS) {
    if (w.kind !== 'workers-comp' || w.re.source.includes('comp')) continue;
    const m = w.re.exec(text);
    if (m) return m;
  }
  return null;
}

/**
 * A party's name used for where a document came from, not whom the clinic reached: "employer
 * file", "employer's job description", "physician report", "adjuster notes" (read right after the
 * party word; sticky: set `lastIndex` to where the party word ends).
 */
export const PARTY_AS_SOURCE =
  /(?:'s)?[ ]{1,2}(?:file|records?|chart|job (?:description|desc|analysis|demands?|offer)|job analysis|form|report|notes?|letterhead|paperwork|documents?|documentation)\b/iy;

/** Words that say a contact was made (a call, a fax, a letter, a copy). */
export const CONTACT_VERB =
  /\b(?:spoke|speak|talked|call(?:ed|s)?|phone(?:d)?|telephone(?:d)?|tele?conference|t\/c|tc'?d|left (?:a )?(?:message|voicemail|vm)|LM|LVM|VM|faxed|fax(?:ed)?|e-?faxed|sent|mailed|e-?mailed|email|letter|copied|cc'?d|discussed|conferred|conference|met with|contacted|updated|notified|informed|forwarded|provided|reported to|submitted|delivered|returned call|received (?:a )?call)\b/i;

/** Prepositions that attach a party to the contact ("with", "to", "w/", "from", "for"). */
export const CONTACT_WITH = /\b(?:with|to|from|for|via)\b|\bw\//i;

/** Lines that address a party: "To:", "Re:", "Attn:", "cc:", "Copy to:", "Sent:", "Dear". */
export const ADDRESS_LINE =
  /^\s*(?:To|Attn|Attention|Dear|cc|c\.c\.|bcc|Recipient|Contact|Copy to|Copies to|Copies|Distribution|Sent|Sent to|Faxed|Faxed to|Fax to|Mailed to|Report sent to|Forwarded to)\b\s*:?/i;

/**
 * A letter's copy list, which a chief complaint's "CC:" is not: the label, then a person ("cc:
 * Colleen Murtagh, Bayfront Claims", "cc: Dr. Kapoor", "Cc: Ferris, Alicia <...>", "Cc: Brandi
 * Savoy") or a party ("cc: Employer / Insurer"). Names are capitalised; a complaint is not.
 */
export const COPY_LIST =
  /^\s*(?:[Cc][Cc]|c\.c\.)\s*:\s*(?:Dr\.?\s+[A-Z]|[A-Z][a-z]*\.?\s+(?:[A-Z]\.\s+)?[A-Z][a-z][\w'-]*\s*(?:[,;<(]|$)|[A-Z][a-z][\w'-]*,\s+[A-Z][a-z]+\s*(?:[;<]|$)|(?:[Ee]mployer|[Ii]nsurer|[Cc]arrier|[Aa]djuster|[Pp]atient chart)\b)/;

/** How a contact went, as a form or a log names it: "(fax 4/13/26)", "phone", "e-mail summary". */
export const CONTACT_MODE =
  /\b(?:fax(?:ed)?|e-?fax(?:ed)?|phone(?:d)?|telephone|tele?conference|call(?:ed)?|e-?mail(?:ed)?|letter|mailed|voicemail|voice mail|VM|message|in person|meeting|conference)\b/i;

/** A telephone or fax number: a contact's details, not a contact made. */
export const PHONE_NUMBER = /\(?\b\d{3}\)?[\s.-]*\d{3}[\s.-]\d{4}\b/;

/** The patient's own contacts ("Pt reports she spoke with her supervisor") are not the clinic's. */
export const PATIENT_REPORTS =
  /^\W*(?:[A-Za-z]{1,12}\s*:\s*)?(?:pt|patient|claimant|client|he|she|they)\s+(?:reports?|states?|says|notes?|indicates?|relates?)\b/i;

/** A contact still to come ("will call the adjuster", "to be faxed to Dr. Lee") is not one made. */
export const NOT_YET =
  /\b(?:will|plan(?:s|ned)?\s+to|to\s+be|need(?:s|ed)?\s+to|should|going\s+to|awaiting|pending|attempt(?:ed)?\s+to|unable\s+to|no\s+(?:response|answer|return))\b/i;
