/**
 * How documents say whose they are. Clinic notes write "Patient:" or "Pt:"; documents written by
 * others name the same person by their own role for them: the carrier's "Claimant", the employer's
 * "Employee", the adjuster's "Injured worker", a plan's "Member" or "Beneficiary", a letter's "Re:"
 * line. Identifiers: date of birth, the chart's number (MRN, PID, account), the claim number.
 */

/** Labels that name the patient, each followed by ":" (longer forms first). */
export const PATIENT_NAME_LABELS: readonly string[] = [
  "Patient(?:'s)? Name",
  'Patient',
  'Pt\\.? Name',
  'Pt',
  'Client Name',
  'Client',
  "Claimant(?:'s)?(?: Name)?",
  "Injured (?:Worker|Employee)(?:'s)?(?: (?:legal |full )?Name)?",
  "Worker(?:'s)?(?: (?:legal |full )?Name)?",
  "Employee(?:'s)?(?: (?:legal |full )?Name)?",
  'Member(?: Name)?',
  'Beneficiary(?: Name)?',
  // Long-term care: "Resident: PELLETIER, MARGARET", "1. Resident name: ...".
  'Resident(?: Name)?',
  // Work programs (CARF) and group services name the patient a participant.
  'Participant(?: Name)?',
  // Forms add the order they expect: "Name (Last, First, Middle):".
  'Name(?: \\((?:Last|First)[A-Za-z, ]{0,30}\\))?',
];

/**
 * A form's party block heading: "Patient:", "Employee Information", "Claims Administrator:",
 * "Requesting Physician Information", "Primary Treating Physician: (original signature ...)". The
 * plain "Name" label below it names that party.
 */
export const PARTY_BLOCK_HEADING =
  /^\s*([A-Z][A-Za-z'/ ]{2,40}?)\s*(?:(?:Information|Info|Details)\s*:?|:)\s*(?:\([^)]*\))?\s*$/;

/** Party blocks that are someone other than the patient: the doctor, the carrier, the employer. */
export const OTHER_PARTY =
  /\b(?:physician|doctor|provider|administrator|employer|insurer|insurance|carrier|adjuster|attorney|facility|practice|company|agent|reviewer|organi[sz]ation|therapist|clinician|manager|contact|referring|requester|requestor|guarantor|emergency)\b/i;

/** Party blocks whose plain "Name" is the patient's: the forms' own words for the patient. */
export const PATIENT_PARTY =
  /^(?:patient|employee|injured (?:worker|employee)|worker|claimant|member|beneficiary|client|subscriber|insured|resident)$/i;

/**
 * A form's split name fields: "Last<TAB>DELGADO<TAB>First<TAB>RAMON", "Last Name: Roe  First Name:
 * Jane". Group 1 is the last name, group 2 the first.
 */
export const LAST_FIRST_FIELDS =
  /\bLast(?: Name)?\s*(?::|\t)\s*([A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*)?)\s*(?:\t|\||[ \t]{2,}|,)\s*First(?: Name)?\s*(?::|\t)\s*([A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*)?)(?=\s*(?:\t|\||[ \t]{2,}|$))/dg;

/**
 * A letter's subject line: "Re: Alvarez, Maria, claim MWC26118734", "RE: Gerald Pickett DOB ...",
 * "RE: Employee Kendra L. Pruitt  Claim ..." (the patient's role before the name is no part of it).
 * It names the patient only when it reads as a name and says so by its form (see `RE_NAME_CUE`).
 */
export const RE_LABEL =
  /(?:\b(?:Re|Regarding|In re)\s*:\s*|^\s*Subject\s*:\s*(?:(?:RE|FW|Fwd)\s*:\s*)*)(?:(?:Employee|Claimant|Patient|Injured (?:worker|employee)|Worker|Member|IW)\s+(?=[A-Z]))?/dgim;

/**
 * What makes a "Re:" value a patient rather than a subject ("Re: Work Conditioning Program"): an
 * inverted name ("Nguyen, Linda"), or an identifier on the same line (DOB, claim, MRN, injury date).
 */
export const RE_NAME_CUE =
  /\b(?:DOB|D\.O\.B|Date of Birth|Claim|Clm|MRN|Acct|Account|Chart|PID|DOI|Date of Injury)\b/i;

/**
 * An identifier standing beside a name in a subject line ("RE: Jane Roe  GB-0041977-6213"): a
 * code of capitals, digits and dashes, seven characters or more, with a digit and a capital or a
 * dash (an ISO date is no identifier).
 */
export const SUBJECT_IDENTIFIER =
  /(?<![\w/-])(?!\d{4}-\d{2}-\d{2}\b)(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z-])[A-Z0-9][A-Z0-9-]{6,}(?![\w/-])/;

/**
 * What separates the parts of a subject line ("RE: Authorization request - Roe, Jane / Clm 123"):
 * a dash or slash between spaces, a pipe.
 */
export const SUBJECT_PART_SEPARATOR = /\s+[-–—/|]\s+/;

/**
 * A surname leading a subject line's part alone or before the topic ("Kowalczyk", "Hendricks week
 * 3", "Vang status"), after a first name or title ("Deshawn Marlowe", "Mr. Vang"): one word, in
 * any case; its first letter a capital (the reader checks). Group 1 is the surname.
 */
export const SUBJECT_SURNAME =
  /^\s*(?:(?:Mr|Ms|Mrs|Miss)\.?\s+|[A-Z][a-z]+\s+(?:[A-Z]\.?\s+)?)?([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)(?=\s*$|\s+(?:week|wk|status|update|progress|discharge|eval|evaluation|report|visit)\b)/i;

/**
 * Words before a name or number label that make it someone else's ("Employer contact name:",
 * "Provider account:").
 */
export const NOT_PATIENT_BEFORE =
  /\b(?:employer|physician|doctor|therapist|company|insurance|adjuster|contact|case manager|case|social|provider|facility|clinic|practice|billing|group|supervisor|emergency|referring|parent|guardian|spouse)\s*$/i;

/**
 * Words that never stand in a person's name in these documents: a "name" holding one is a
 * practice, a carrier, a program or a subject ("Re: Work Conditioning Program").
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  [
    'inc',
    'llc',
    'pllc',
    'corp',
    'corporation',
    'company',
    'co',
    'services',
    'service',
    'insurance',
    'mutual',
    'fund',
    'group',
    'claims',
    'claim',
    'therapy',
    'rehab',
    'rehabilitation',
    'clinic',
    'center',
    'hospital',
    'medical',
    'health',
    'program',
    'work',
    'conditioning',
    'hardening',
    'evaluation',
    'authorization',
    'approved',
    'denied',
    'pending',
    'request',
    'response',
    'determination',
    'decision',
    'report',
    'note',
    'notes',
    'letter',
    'plan',
    'care',
    'progress',
    'discharge',
    'status',
    'update',
    'referral',
    'order',
    'visit',
    'visits',
    'physical',
    'occupational',
    'department',
    'unknown',
    // Job titles written after a name ("D. Alvarez, Kitchen Manager"): a role, not a given name.
    'manager',
    'supervisor',
    'coordinator',
    'director',
    'specialist',
    'representative',
    'adjuster',
    'administrator',
  ].map((w) => w.toLowerCase()),
);

/**
 * A patient banner: the name as "LAST,FIRST M" at the start of the line, in capitals or as
 * written ("Ulvestad, Marnie R   DOB 09/02/1987   Acct ...", a physician office's visit note),
 * then, after a column gap, the masked SSN or a date-of-birth label ("HALLORAN,EDITH M
 * XXX-XX-5512   DOB: 08/14/1948   Page 1", VistA's page footer), or right after it the date of
 * birth itself ("Ulvestad, Marnie R DOB 09/02/1987"). The name is unlabelled; what
 * follows it on the line says whose it is.
 */
export const BANNER_NAME =
  /^\s*((?:[A-Z][A-Z'-]+(?:[ -][A-Z][A-Z'-]+)?,\s?[A-Z][A-Z'-]+|[A-Z][a-z'-]*[a-z](?:[ -][A-Z][a-z'-]*[a-z])?,\s?[A-Z][a-z'-]*[a-z])(?: [A-Z]\.?)?)(?=(?:[ \t]{2,}|\t).*(?:\b(?:XXX|\*{3})-(?:XX|\*{2})-\d{4}\b|\b(?:DOB|D\.O\.B\.?|Date of Birth)\b)|\s+(?:DOB|D\.O\.B\.?)\s*:?\s*\d)/d;

/**
 * A booking system's patient banner: the name in its own case, then a bullet or a bar and the
 * date-of-birth label ("Harriet Lindqvist · DOB: Aug 14, 1979 · Patient #1148").
 */
export const BULLET_BANNER_NAME =
  /^\s*([A-Z][A-Za-z'-]+(?: [A-Z]\.?)?(?: [A-Z][A-Za-z'-]+){1,2})\s*[·•|]\s*(?:DOB|D\.O\.B\.?|Date of Birth|Born)\b/d;

export const DOB_LABEL =
  /\b(?:DOB|D\.O\.B\.?|Date of Birth|Birth ?Date|Birthdate)(?![A-Za-z])\s*[:#-]?\s*/dgi;

/** The chart's own number for the patient: MRN, PID, account, chart or patient number. */
export const MRN_LABEL =
  /\b(?:MRN|MR\s*#|Medical Record (?:#|No\.?|Number)|Unit\s*(?:#|No\.?|Number)|Acct\.?\s*(?:#|No\.?)?|Account\s*(?:#|No\.?|Number)?|Chart\s*(?:#|No\.?|Number)|Patient (?:ID|#|No\.?|Number)|Pt\.? ID|PID)\s*[:#]?\s*/dgi;

/**
 * An account label: a hospital's number for one visit or bill ("ACCT#: V00419027554"), which a
 * medical-record label on the same line ("UNIT#", "MRN") outranks as the patient's number.
 */
export const ACCOUNT_LABEL = /^(?:Acct|Account)\b/i;

/** A labelled claim number: "Claim #:", "Claim number:", "WC Claim No.", "Carrier claim ID". */
export const CLAIM_LABEL = /\bClaim\s*(?:#|No\.?|Number|ID)\s*[:#]?\s*|\bClaim\s*:\s*/dgi;

/**
 * A claim number written after the word alone (or its abbreviation), as letters' and e-mails'
 * subject lines do ("claim MWC2611873", "Clm 30256Q118742").
 */
export const BARE_CLAIM =
  /\b(?:claim|clm\.?)\s+(?=[A-Z0-9-]*\d)(?![0-9]{4}-[0-9]{2}-[0-9]{2}\b)/dgi;

/** A claim or chart number: letters, digits and dashes, at least one digit. */
export const IDENTIFIER = /^[A-Z0-9][A-Z0-9-]{2,24}\b/i;

/** Labels that end the value before them on a line ("Patient: Roe, Jane   DOB: ..."). */
export const NEXT_FIELD =
  /[ \t]{2,}|\t|\||\b(?:DOB|D\.O\.B|Date of Birth|MRN|Acct|Account|Chart|Patient ID|PID|Claim|Payer|Insurance|Carrier|DOS|DOI|Date|Sex|Gender|Age|Visit|Phone|Employer|Employee (?:#|ID|No)|Physician|Therapist|Dx|Diagnosis|Auth|Position|Dept|Hire)\b/i;

/** Words that open a surname of several words ("Van Wyk", "de la Cruz", "St. John"). */
const SURNAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'das',
  'dos',
  'du',
  'la',
  'le',
  'st',
  'st.',
  'ten',
  'ter',
  'bin',
  'al',
  'el',
]);

/**
 * Where the surname starts in a name written first name first ("Gerald Van Wyk": at "Van"):
 * the last word, with the particles before it, never the first word.
 */
export function surnameStart(tokens: readonly string[]): number {
  let at = tokens.length - 1;
  while (at > 1 && SURNAME_PARTICLES.has(tokens[at - 1]!.toLowerCase())) at--;
  return at;
}
