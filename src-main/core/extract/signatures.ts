/** Signature lines: who signed, with what credentials, when; blank signature lines; physician certification. */
import type { Fact, FactKind, PageMark } from '../../../shared/model';
import type { FactSink } from './facts';
import type { PageMarks } from './page-marks';
import { findDates, leadingDate } from '../parse/dates';
import { isBlank, type Line } from './lines';
import {
  authorRoleOf,
  credentialsIn,
  isCredentialToken,
  SIGNER_INITIALS,
} from '../domain/credentials';
import { US_STATES } from '../domain/payer-kinds';
import { cellsOf, isRuleLine, type Cell } from './layout';
import { extractSignatureGrids } from './signature-grid';

/** How a signature was made, after "Signed": "electronically", "digitally", "on device". */
const SIGNED_HOW = String.raw`(?:electronically|digitally|on\s+(?:the\s+)?(?:device|tablet|iPad))`;
/**
 * The system a signature was made in, between "signed" and "by": "Electronically signed via
 * Physician Portal by", "signed through DocuSign by" (at most three words, and only before "by").
 */
const SIGNED_VIA = String.raw`(?:\s+(?:via|through|using)\s+(?:the\s+)?[A-Za-z][\w'&-]*(?:\s+[A-Za-z][\w'&-]*){0,2}(?=\s+by\b))?`;
/**
 * Labels that introduce a signature wherever they stand. Listed longest first. A label may say
 * what it signs for: "Therapist signature (week):", "Signature (attending):", or open on what was
 * signed: "Encounter signed by", "Note signed by".
 */
const SIGNER_LABEL = new RegExp(
  String.raw`^\W*(?:(?:Encounter|Note|Visit|Document|Report|Record)\s+(?:(?:electronically|digitally)\s+)?signed\s+by|(?:Electronically|Digitally)\s+(?:signed|authenticated)${SIGNED_VIA}(?:\s+by)?|(?:Signed|Authenticated)\s+${SIGNED_HOW}${SIGNED_VIA}(?:\s+by)?|E-?signed(?:\s+by)?|Docu-?Signed\s+by|(?:Reviewed\s+and\s+)?Signed(?:\s+and\s+reviewed)?(?:\s+by)?(?=\s*:|\s+by|\s)|(?:Reviewed\s+and\s+|(?:Electronically|Digitally)\s+)?Co-?signed(?:\s+by|(?=\s*:))|Authenticated\s+by|Attested\s+by|Sign(?:ature)?\s+Info(?:rmation)?|Signed|(?:Therapist|Clinician|Provider|Treating Therapist|Evaluating Therapist|Rendering (?:Therapist|Provider)|Evaluator|Author)(?:'s)?\s+Sig ?nature|(?:E-)?Signature|Co-?signer)\b(?:\s*\/\s*(?:Credentials?|Title))?(?:\s*\([^()]{1,25}\))?\s*:?\s*`,
  'i',
);
/**
 * Role labels a note's header also uses ("Therapist: Jane Roe, PT" under the patient's name): a
 * signature only at the end of a note, where a signature block stands.
 */
const ROLE_LABEL =
  /^\W*(?:Completed\s+by|Prepared\s+by|Evaluator|Examiner|Evaluating Clinician|Supervising Therapist|Attending Therapist|Treating Provider|Author|Therapist|Clinician|Treating Therapist|Evaluating Therapist|Rendering (?:Therapist|Provider))\b\s*:?\s*/i;
/**
 * "Electronically signed by", a tablet's "Signed on device by", and inside a line "Entered and
 * e-signed: JRS 10/27/2026" (its colon asked).
 */
const E_SIGNED_ANYWHERE = new RegExp(
  String.raw`\b(?:(?:Electronically|Digitally)\s+signed${SIGNED_VIA}(?:\s+by)?\s*:?|Signed\s+${SIGNED_HOW}${SIGNED_VIA}(?:\s+by)?\s*:?|(?<![([]\s*)e-?signed(?:\s+by)?\s*:)\s*`,
  'i',
);
/**
 * An EMR's audit line naming the note's author before saying it was signed ("Created 05/07/2026
 * 16:02 by Noor Haddad, OTR/L, signed 05/07/2026 16:11"): the author signed it. A note only
 * created, never signed, has no signature here.
 */
const AUDIT_SIGNED =
  /^\W*(?:Created|Entered|Written|Documented|Authored)\b[^\n]{0,40}?\bby\s+(?=[^\n]*?,?\s+(?:e-?signed|signed)\b)/i;
/** A signed note opened and signed again: "unlocked and re-signed 07/15/2026", "re-signed on". */
const REOPENED =
  /\b(?:(?:unlocked|reopened|re-opened)\b[^.;\n]{0,30}?\bre-?signed|re-signed)\s+(?:on\s+)?/i;
/** Labels that introduce the certifying physician's signature. */
const PHYSICIAN_LABEL =
  /^\W*(?:(?:(?:Referring|Certifying|Attending|Requesting|Ordering|Treating|Primary\s+Treating)\s+)?(?:Physician|Doctor|MD|Provider)(?:\s*\/\s*(?:NPP|NP|PA|non-?physician practitioner))?(?:'s)?\s+(?:Signature|Certification)|Signature\s+of\s+(?:the\s+)?(?:(?:Treating|Attending|Referring|Ordering)\s+)?(?:Physician|Doctor|Provider|MD)(?:\s*\/\s*(?:NPP|NP|PA))?|Certified\s+by|Certifying Physician Signature|Physician Approval)\b\s*:?\s*/i;
/** A signature label that names the physician, not just a provider ("Provider Signature"). */
const PHYSICIAN_NAMED_IN_LABEL =
  /\b(?:physician|doctor|MD|referring|certifying|attending|ordering|requesting|treating|certified)\b/i;
/** A physician named in a field ("Physician:", "Ordering provider:"), a signature only with a mark. */
const PHYSICIAN_FIELD =
  /^\W*(?:(?:Ordering|Referring|Treating|Attending|Certifying)\s+)?(?:Physician|Provider|Doctor|MD)\s*:\s*/i;
/** A physician named in a field anywhere on its line ("Requesting Provider:   ASHFORD,LEONARD P"). */
const PHYSICIAN_NAMED =
  /\b(?:Ordering|Referring|Requesting|Attending|Certifying)\s+(?:Physician|Provider|Doctor)\s*:\s*/gi;

/** A name as two fields compare it: letters only, in capitals ("ASHFORD,LEONARD P"). */
function nameKeyOf(name: string): string {
  return name.toUpperCase().replace(/[^A-Z]/g, '');
}

/** Where a physician field writes the physician's credentials ("Samuel Okafor, MD"). */
interface FieldCredentials {
  line: Line;
  start: number;
  end: number;
}

/** Where the credentials closing a name start ("Samuel Okafor, MD" at ", MD"), else null. */
function trailingCredentials(value: string): number | null {
  let at: number | null = null;
  for (const m of [...value.matchAll(/,?\s+([A-Za-z./]{2,9})(?=,?\s|$)/g)].reverse()) {
    if (m.index + m[0].length !== (at ?? value.trimEnd().length) || !isCredentialToken(m[1]!))
      break;
    at = m.index;
  }
  return at;
}

/**
 * The names a document's physician fields give: the order's own signer, when the signature under
 * it prints that name without credentials ("Electronically signed by: ASHFORD,LEONARD P" under
 * "Requesting Provider: ASHFORD,LEONARD P", "Signature: Samuel Okafor (signed)" under "Ordering
 * provider: Samuel Okafor, MD"), is that physician, with the credentials the field gives.
 */
function physicianFieldNames(lines: readonly Line[]): Map<string, FieldCredentials | null> {
  const names = new Map<string, FieldCredentials | null>();
  for (const line of lines)
    for (const m of line.text.matchAll(PHYSICIAN_NAMED)) {
      const from = m.index + m[0].length;
      const value = line.text.slice(
        from,
        from + /[ \t]{2,}|\t|$/.exec(line.text.slice(from))!.index,
      );
      const cut = trailingCredentials(value);
      const key = nameKeyOf(cut === null ? value : value.slice(0, cut));
      if (key.length < 4) continue;
      const creds = cut === null ? null : from + cut + /^[,\s]*/.exec(value.slice(cut))![0].length;
      names.set(
        key,
        creds === null ? null : { line, start: creds, end: from + value.trimEnd().length },
      );
      // The name as printed with its credentials ("SAMUELOKAFORMD") matches too.
      if (creds !== null) names.set(nameKeyOf(value), null);
    }
  return names;
}
/** A role field that carries an e-signature's mark signs wherever it stands: "Therapist: /s/ J. Roe, PT". */
const ROLE_SIGNED = /^\W*[A-Za-z][A-Za-z ]{0,30}:\s*\/e?s\/\s*\S/i;
const SIGNED_MARK = /\/e?s\/|\b(?:e-?signed|electronically signed|signed)\b/i;
const CERTIFY_STATEMENT = /\bI (?:certify|have reviewed|approve)\b/i;
/** A date line right under a signature belongs to the signature ("SIGNED DATE/TIME: 03-03-26 1120"). */
export const SIGNATURE_DATE_LINE =
  /^\s*(?:Date(?:\s*\/\s*time)?(?:\s+signed)?|Signed\s+date(?:\s*\/\s*time)?|(?:e-?|electronically\s+|digitally\s+)?Signed(?:\s+on)?|Signature\s+date(?:\s*\/\s*time)?)\s*:?\s*/i;
/** A label that also heads a block: "Physician Certification", "Physician Approval". */
const HEADING_LABEL = /\b(?:certification|approval)\b/i;
const BLANK_BODY = /^[\s_.\-/~=]*$/;

export function isSignatureLine(text: string): boolean {
  return (
    SIGNER_LABEL.test(text) ||
    ROLE_LABEL.test(text) ||
    E_SIGNED_ANYWHERE.test(text) ||
    PHYSICIAN_LABEL.test(text)
  );
}

/** A line that signs what is above it: a labelled signature with a signer, or a bare "Name, PT". */
export function signsAbove(text: string): boolean {
  const label =
    PHYSICIAN_LABEL.exec(text) ?? SIGNER_LABEL.exec(text) ?? E_SIGNED_ANYWHERE.exec(text);
  const sig = label
    ? parseBody(text, label.index + label[0].length, label[0].includes(':'))
    : unlabelledSignature(text);
  return !!sig && (sig.name !== null || sig.illegible !== null);
}

interface ParsedSignature {
  name: [number, number] | null;
  /** The name as a name reads when its span holds more: "Kwan, Jennifer" for "Kwan OTR/L, Jennifer". */
  nameValue?: string;
  /** A signature that is there but cannot be read as a name: the span of what stands for it. */
  illegible: [number, number] | null;
  creds: [number, number] | null;
  credList: string[];
  date: { iso: string; start: number; end: number } | null;
  blank: boolean;
}

/** A transcriber's mark for a handwritten signature: "[signed]", "[handwritten signature]". */
const TRANSCRIBED = String.raw`\[\s*(?:signed|(?:hand-?written\s+|wet\s+|ink\s+)?signature)\s*\]`;
/**
 * The "/s/" (California forms: "/es/") that marks a typed electronic signature ("/s/ Jane Roe,
 * PT"), before or after the name, a transcriber's "[signed]", and "Electronically signed by" /
 * "E-signed by" after a "Signature:" label (a visit log's "Signed" column).
 */
const LEADING_S_MARK = new RegExp(
  String.raw`^\s*(?:\/e?s\/|${TRANSCRIBED}|(?:(?:electronically|digitally)\s+signed|signed\s+${SIGNED_HOW}|e-?signed)${SIGNED_VIA}(?:\s+by)?\s*[:\-–—]?)\s*`,
  'i',
);
const TRAILING_S_MARK = /\s*\/e?s\/$/i;
/** A form's field naming the supervising clinician, its name on the line under it. */
const SUPERVISOR_FIELD = /^\W*supervis(?:ing|or)\b[\w /-]{0,25}:?\s*$/i;
/** "Co-" left before a signature mark read inside the line: "Co-signed on device by". */
const COSIGN_BEFORE = /\bco-?\s*$/i;
const TRANSCRIBED_MARK = new RegExp(TRANSCRIBED, 'i');
/** The words that say a signature was made electronically ("e-signed", "digitally signed"). */
const E_SIGNATURE_WORDS = String.raw`(?:e-?signed|e-?signature|electronically signed|signed electronically|digitally signed|electronic signature)`;
/**
 * "(e-signed)", "(electronically signed)", "[electronic signature]", "(signed, returned by fax)",
 * "(electronic)" after a name or its date.
 */
const E_SIGNED_TAIL = new RegExp(
  String.raw`[\s,;]*(?:[([]\s*(?:signed|${E_SIGNATURE_WORDS}|electronic(?:ally)?|digital(?:ly)?|esig|on file|signed on (?:the )?(?:original|file)|original (?:signed )?on file|wet signature(?: on file)?)(?:[,;]\s*[^()[\]]{0,40})?\s*[)\]]|[([]\s*${E_SIGNATURE_WORDS}\s+(?:via|through|by|using|in|on|from)\s+[^()[\]]{0,40}[)\]]|[([]?\s*(?:${E_SIGNATURE_WORDS}|esig))[\s.,;]*$`,
  'i',
);
/** How a signature reached the chart, after the signer: "via provider portal", "via DocuSign". */
const SIGNED_THROUGH_TAIL =
  /\s+(?:via|through)\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,2}(?:portal|DocuSign|e-?fax|fax|e-?mail|secure\s+messag\w*)\s*$/i;
/** A job a signer holds, as EMRs print it after the name: "Program Director", "Occupational Therapist". */
const ROLE_NOUN = String.raw`(?:physician|doctor|surgeon|therapist|provider|practitioner|clinician|director|counselor|counsellor|psychologist|coordinator|specialist|manager|supervisor|consultant|instructor)`;
const ROLE_WORDS = String.raw`(?:[A-Za-z-]+\s+){0,4}${ROLE_NOUN}`;
/**
 * A signer's role in parentheses: "(supervising PT)", "(authorized treating physician)", one or
 * more jobs ("(Supervising Physical Therapist / Program Director)"), in any case.
 */
const ROLE_REMARK = String.raw`\((?:(?:supervising|supervisor|treating|covering|evaluating|attending)\b[^()]*|${ROLE_WORDS}(?:\s*[/&,]\s*${ROLE_WORDS})*)\)`;
/** A job title or a remark in parentheses after a signer's credentials. */
const ROLE_TAIL = new RegExp(
  String.raw`(?:,\s*(?:[A-Z][A-Za-z-]+\s+){0,3}(?:Specialist|Coordinator|Director|Manager|Supervisor|Technician|Consultant|Instructor|Clinician)|\s*${ROLE_REMARK})\s*$`,
  'i',
);

/**
 * The name and credentials before a job title ("Jane Roe, PT, Program Director"); a credential the
 * title's words start with stays ("Hildegard Oyelaran, MD Medical Director" keeps "MD").
 */
function withoutRole(text: string): string {
  // "..., Medical Director, NPI ..." leaves its comma behind when the number goes.
  const role = ROLE_TAIL.exec(text.replace(/[\s,;]+$/, ''));
  if (!role) return text;
  let keep = 0;
  for (const w of role[0].matchAll(/[^\s,]+/g)) {
    if (!isCredentialToken(w[0])) break;
    keep = w.index + w[0].length;
  }
  return text.slice(0, role.index + keep);
}

/**
 * A specialty in brackets after the credentials, its words capitalized: "(Occupational Medicine)",
 * "(Physical Medicine & Rehab)"; not a remark ("(see attached notes)").
 */
const SPECIALTY_REMARK = String.raw`\(\p{Lu}\p{Ll}+(?:\s*(?:[&/,]\s*)?(?:(?:and|of)\s+)?\p{Lu}\p{Ll}+){0,4}\)`;
const BRACKETED_SPECIALTY_TAIL = new RegExp(
  String.raw`[\s,]([A-Za-z./-]{2,8})\s*${SPECIALTY_REMARK}\s*$`,
  'u',
);

/**
 * A specialty printed after the credentials ("Harold Pruitt, MD Orthopaedic Surgery"): words in
 * lower case after a credential say what the signer practises; the name and credentials come
 * before them.
 */
function withoutSpecialty(text: string): string {
  // The specialty in brackets ("Rene Doe, MD (Orthopaedic Surgery)"), as a referral prints it.
  const bracketed = BRACKETED_SPECIALTY_TAIL.exec(text);
  if (bracketed && isCredentialToken(bracketed[1]!))
    return text.slice(0, bracketed.index + 1 + bracketed[1]!.length);
  const tail = /[\s,]([A-Za-z./-]{2,8})(?=((?:\s+\p{Lu}\p{Ll}[\p{L}&-]*){1,4})\s*$)/gu;
  for (const m of text.matchAll(tail)) {
    // One short word ("Jane Roe, PT Final") is a status, not a specialty.
    const words = m[2]!.trim().split(/\s+/);
    const specialty = words.length > 1 || words[0]!.length >= 7;
    if (specialty && isCredentialToken(m[1]!)) return text.slice(0, m.index + m[0].length);
  }
  return text;
}

/**
 * Where the signer's name and credentials end: a wide gap, a date or time, a separator, or the
 * system it was signed in ("NAME, MD (NPI ...) via Cadenza provider portal on ...").
 */
const NAME_END =
  /[ \t]{2,}|\t|\||;|(?<!\([^()]{0,40})\s(?:via|through|using)\s+(?=[A-Za-z])|\s?[·•]|\s\/e?s\/(?=\s*\S)|\s@\s?|(?<!\/s)\/\s*Date\b|\s[-–—]\s|\bDate\b|\bon\s+(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s)|\bat\s+\d|\s\d{1,2}:\d{2}\b|(?<=\s)(?<!(?:electronically|digitally)\s)signed(?:\s*:\s*|\s+)(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*[-./\s,])/i;
/**
 * A co-signer after the first ("Jane Roe, PT & John Doe, PTA"): the first signature is read. A
 * capital and a small letter make it a name: "Jane Roe / PT" is one signer with credentials.
 */
const CO_SIGNER = /\s(?:&|and|\/)\s(?=\p{Lu}\p{Ll})/u;
/** The first match of `re` (global or not) in `text` that stands outside parentheses. */
function outsideBrackets(re: RegExp, text: string): RegExpExecArray | null {
  const all = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let depth = 0;
  let counted = 0;
  for (let m; (m = all.exec(text));) {
    for (; counted < m.index; counted++)
      depth += text[counted] === '(' ? 1 : text[counted] === ')' ? -1 : 0;
    if (depth <= 0) return m;
  }
  return null;
}

/**
 * A licence or NPI number ending a signature: "(Lic #PT12345)", "License #12345", "#4471", "NPI
 * 1234567890", "TX Lic. #1187452" (a state's code before it; PA, MD, MA and DC are left out, as
 * they are credentials too), "License: MT PHY-PT-LIC-4417" (a board's lettered number), "CO Lic #
 * PTL.0018824" (letters and digits the board separates with a point).
 */
const LICENCE = String.raw`(?:\([^()]*\d[^()]*\)|(?:\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|NYS)\s+(?:(?:PT|PTA|OT|OTA|SLP)\s+)?)?(?:[Ll](?:ic|IC)(?:ense|ENSE)?\.?|NPI|#)(?:\s*(?:No\.?|Number|#))?\s*:?\s*#?\s*(?:[A-Z]{0,4}[\s.]?-?\d[\w.-]*|(?:[A-Z]{2}\s+)?[A-Z][A-Z-]*-\d[\w.-]*))`;
const LICENSE_TAIL = new RegExp(String.raw`${LICENCE}[\s,.;]*$`);
/** The supervising therapist named after an assistant's signature: "(sup PT M. Okafor, PT, DPT)". */
const SUPERVISOR = String.raw`\(?\s*(?:sup(?:ervising|ervised by|v)?\.?|co-?signed(?:\s+by)?|cosigner|reviewed by)\s*(?:PT|OT|therapist)?\s*:?[^()]*\)?`;
const STATE_CREDENTIAL_LICENCE =
  /\s+(?:PA|MD|MA|DC)\s+(?:Lic(?:ense)?|LIC(?:ENSE)?)\b\.?\s*(?:No\.?|#)?\s*:?\s*#?\s*[A-Z]{0,4}-?\d[\w-]*[\s,.;]*$/;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'.-]*`;
/** "Jane Roe", "Dr. Alan Park", "Mary O'Neil-Smith", "José Núñez", or inverted: "Roe, Jane". */
const NAME = new RegExp(
  `^(?:Dr\\.?\\s+)?(?:${NAME_WORD}(?:\\s+${NAME_WORD}){0,4}|${NAME_WORD}(?:\\s+${NAME_WORD})?,\\s*${NAME_WORD}(?:\\s+${NAME_WORD}){0,2})$`,
  'u',
);
/**
 * Words that say a signature line holds no signature ("Pending", "See attached", "Not signed"), or
 * holds a practice or a job title ("Acme PT, Inc.", "Jane Roe, Physical Therapist"), not a name.
 */
const NOT_A_NAME =
  /\b(?:pending|unsigned|not|awaiting|none|tbd|unable|refused|see|signed|signature|patient|file|attached|above|below|inc|llc|ltd|corp|pllc|clinic|center|hospital|rehab|therapy|services|physical|occupational|therapist|assistant|physician|doctor|license|lic|npi|number|date|time|of|the|for|plan|care|certification|order|report|note|evaluation|treatment|supervising|treating|rendering|attending|evaluating|line|block|section|required|requested)\b/i;
/** A transcriber's or reviewer's word that a signature cannot be read. */
const ILLEGIBLE =
  /\b(?:illegible|unreadable|indecipherable|undecipherable|not\s+legible|scrawl(?:ed)?|scribble[ds]?)\b/i;
/** Characters no name holds: a scanned scrawl read by OCR ("J~r#e"). */
const NOT_NAME_CHAR = /[^\p{L}\s.,'()[\]-]/u;

const NO_SIGNATURE: ParsedSignature = {
  name: null,
  illegible: null,
  creds: null,
  credList: [],
  date: null,
  blank: false,
};

/** What stands between a signature's date and the signer named after it: a time, a dash or "by". */
const DATE_THEN_NAME =
  /^\s*(?:(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[ECMP][SD]T\s*)?)?(?:[-–—]|by\b)\s*(?=[A-Z])/;

/**
 * Parses the text after a signature label: "Jane Roe, PT, DPT on 03/04/2026 14:22". `labelled`:
 * the label ended in a colon, so an empty body is an empty signature field.
 */
function parseBody(text: string, bodyFrom: number, labelled: boolean): ParsedSignature {
  // "/s/" is a signature mark, not part of the name: step over a leading one.
  const lead = LEADING_S_MARK.exec(text.slice(bodyFrom));
  const from = bodyFrom + (lead ? lead[0].length : 0);
  const body = text.slice(from);
  const date = findDates(body)[0] ?? null;
  // "Signed electronically 05/05/2026 14:02 - Keiko Marsh, OTR/L": the date first, then the name.
  if (date && body.slice(0, date.start).trim() === '') {
    const tail = DATE_THEN_NAME.exec(body.slice(date.end));
    if (tail) {
      const signed = parseBody(text, from + date.end + tail[0].length, labelled);
      const at = { iso: date.iso, start: from + date.start, end: from + date.end };
      if (signed.name) return { ...signed, date: signed.date ?? at };
    }
  }
  const cut = NAME_END.exec(body);
  const coSigner = outsideBrackets(CO_SIGNER, body);
  let nameText = body.slice(
    0,
    Math.min(
      cut ? cut.index : body.length,
      coSigner ? coSigner.index : body.length,
      date ? date.start : body.length,
    ),
  );
  // A licence or NPI number after the credentials is not part of the name.
  const beforeLicence = nameText;
  // "PT, DPT PA License PT019844": after a credential, PA (MD, MA, DC) before "License" is the state.
  const stateLicence = STATE_CREDENTIAL_LICENCE.exec(nameText);
  const before = stateLicence
    ? /([^\s,]+)[\s,]*$/.exec(nameText.slice(0, stateLicence.index))
    : null;
  if (stateLicence && before && isCredentialToken(before[1]!))
    nameText = nameText.slice(0, stateLicence.index);
  for (let m; (m = LICENSE_TAIL.exec(nameText));) nameText = nameText.slice(0, m.index);
  // "Daniel Park MD (electronically signed)": the mark of an e-signature, not part of the name.
  nameText = nameText.replace(E_SIGNED_TAIL, '').replace(SIGNED_THROUGH_TAIL, '');
  // A role after the credentials ("..., ATC, Work Hardening Specialist", "(supervising physical
  // therapist)") says what the signer does; the name and credentials come before it.
  nameText = withoutRole(nameText);
  nameText = withoutSpecialty(nameText);
  const hadLicence = nameText !== beforeLicence;
  // "Jane Roe, PT (03/05/2026 12:40)": the bracket opens the date's remark.
  nameText = nameText.replace(/[\s,;@–([-]+$/u, '');
  const end = nameText.length;
  // Blank: an empty line or rule after "Signature:" ("Signature: ______   Date: 03/04/2026"), not
  // a field that holds something else ("Signature Date: 03/04/2026", "Therapist NPI: 1234567890").
  const blank =
    BLANK_BODY.test(nameText) && !hadLicence && (labelled || /[_~=]/.test(nameText) || !date);
  // A transcribed fax marks a handwriting it does not spell out: "Physician Signature: [signed]
  // Date: 4/20/26" bears a signature whose name is not read.
  if (blank && lead && TRANSCRIBED_MARK.test(lead[0]))
    return {
      ...NO_SIGNATURE,
      illegible: [bodyFrom + lead[0].indexOf('['), bodyFrom + lead[0].trimEnd().length],
      date: date ? { iso: date.iso, start: from + date.start, end: from + date.end } : null,
    };
  // "Signature: electronically signed" under "Signed by: Imani Forsythe, PT": the mark of the
  // signature named above, no empty field.
  if (blank && lead) return NO_SIGNATURE;
  const inverted = credentialedInvertedName(nameText);
  if (inverted && !blank) {
    const [c0, c1] = inverted.creds;
    return {
      name: [from, from + nameText.length],
      nameValue: inverted.name,
      illegible: null,
      creds: [from + c0, from + c1],
      credList: inverted.credList,
      date: date ? { iso: date.iso, start: from + date.start, end: from + date.end } : null,
      blank: false,
    };
  }
  // Peel credentials off the end: "Jane Roe, PT, DPT" / "J. Roe PT".
  const credList: string[] = [];
  let credStart = -1;
  for (;;) {
    const m = /[\s,]+([A-Za-z./-]{2,8})[\s,.]*$/.exec(nameText);
    if (!m || !isCredentialToken(m[1]!)) break;
    credList.unshift(m[1]!.replace(/\.$/, ''));
    credStart = m.index + m[0].indexOf(m[1]!);
    nameText = nameText.slice(0, m.index);
  }
  const credEnd = credStart >= 0 ? from + body.slice(0, end).replace(/[\s,.]+$/, '').length : -1;
  // A trailing "/s/" ("Jane Roe /s/") marks the signature too; "Jane Roe / PT" leaves a slash.
  nameText = nameText
    .replace(/[\s,]+$/, '')
    .replace(TRAILING_S_MARK, '')
    .replace(/[\s,/]+$/, '');
  const name = nameText.trim();
  const span: [number, number] = [
    from + (nameText.length - nameText.trimStart().length),
    from + nameText.length,
  ];
  // "On:", "ID:": the label of another field ("Signed On: 03/04/2026"), not a name.
  if (name.endsWith(':')) return NO_SIGNATURE;
  // Inverted names put the given name after the comma, never a credential ("Jane Roe, PT Final").
  const afterComma = /,\s*([^\s,]+)/.exec(name);
  const validName =
    NAME.test(name) && !NOT_A_NAME.test(name) && !(afterComma && isCredentialToken(afterComma[1]!));
  // Unreadable: said so in words, or (OCR of a scrawl) no run of letters a name would have, only
  // characters no name holds, on a line with the credentials or date of a signature. Anything
  // else that is not a name (a remark after "Therapist", "Pending") is not a signature at all.
  const unreadable =
    !blank &&
    !validName &&
    (ILLEGIBLE.test(name) ||
      (!/\p{L}{3}/u.test(name) && NOT_NAME_CHAR.test(name) && (credList.length > 0 || !!date)));
  return {
    name: !blank && validName ? span : null,
    illegible: unreadable ? span : null,
    creds: credStart >= 0 ? [from + credStart, credEnd] : null,
    credList,
    date: date ? { iso: date.iso, start: from + date.start, end: from + date.end } : null,
    blank,
  };
}

/**
 * A name printed family name first with the credentials before the given name, as hospital
 * systems list their users ("Kwan OTR/L, Jennifer", "Ellery MD, Marcus", "Roe PT, DPT, Jan"):
 * the name as "Kwan, Jennifer" and the span of the credentials within `text`.
 */
function credentialedInvertedName(
  text: string,
): { name: string; creds: [number, number]; credList: string[] } | null {
  const comma = text.lastIndexOf(',');
  if (comma < 0) return null;
  const given = text.slice(comma + 1).trim();
  // "Thackeray-Boyd PT, DPT": what follows the comma is a credential, not a given name.
  if (!GIVEN_NAMES.test(given) || isCredentialToken(given)) return null;
  // Before the last comma: the family name, then credentials only ("Roe PT, DPT").
  const head = text.slice(0, comma).trimEnd();
  const tokens = [...head.matchAll(/[^\s,]+/g)];
  const firstCred = tokens.findIndex(
    (t, k) => k > 0 && tokens.slice(k).every((c) => isCredentialToken(c[0])),
  );
  if (firstCred < 1 || firstCred > 2) return null;
  const family = head.slice(0, tokens[firstCred]!.index).trim();
  if (!FAMILY_NAME.test(family) || isCredentialToken(family)) return null;
  if (NOT_A_NAME.test(family) || NOT_A_NAME.test(given)) return null;
  return {
    name: `${family}, ${given}`,
    creds: [tokens[firstCred]!.index, head.length],
    credList: tokens.slice(firstCred).map((t) => t[0]),
  };
}

const FAMILY_NAME = new RegExp(`^${NAME_WORD}(?:[\\s-]${NAME_WORD})?$`, 'u');
const GIVEN_NAMES = new RegExp(`^${NAME_WORD}(?:\\s+${NAME_WORD}){0,2}$`, 'u');

/**
 * A signature stamp, as a transcribed or printed record says it ("Signature: [stamped] A. Kessler
 * MD", "rubber stamp signature"). Medicare does not accept stamped signatures (PIM Ch. 3
 * §3.3.2.4). A stamp that is only an image cannot be read from text.
 */
const STAMPED =
  /\b(?:signature\s+stamp|stamped\s+signature|rubber[- ]stamp(?:ed)?|signed\s+(?:by|with)\s+(?:a\s+)?stamp)\b/i;
/** "stamp"/"stamped" in the body of a signature line ("Signature: (stamped) J. Roe"), not a time stamp. */
const STAMP_WORD = /(?<!\b(?:time|date)[\s-]?)\bstamp(?:ed)?\b/i;

/** Where a line says its signature is a stamp, as [start, end] of the words that say so. */
function stampSpan(text: string, bodyFrom: number | null): [number, number] | null {
  const m = STAMPED.exec(text);
  if (m) return [m.index, m.index + m[0].length];
  if (bodyFrom === null) return null;
  const w = STAMP_WORD.exec(text.slice(bodyFrom));
  return w ? [bodyFrom + w.index, bodyFrom + w.index + w[0].length] : null;
}

/**
 * A signature log or attestation page's heading ("Signature Log", "Attestation Statement"), or
 * the key a hospital flowsheet prints to the initials it files entries under ("User Key").
 */
const LOG_HEADING =
  /^\W*(?:(?:[A-Za-z]+\s+){0,3}(?:Signature|Initials?)\s+(?:Log|Legend|Key|Attestation(?:\s+Statement)?)|Attestation\s+Statement|User\s+Key)\b/i;
/** How long a log's heading line may be ("REHABILITATION SERVICES SIGNATURE LOG - PHYSICAL THERAPY"). */
const LOG_HEADING_MAX = 80;

/** A signature log's heading on its line: its words, on a line of a heading's length. */
function logHeading(text: string): RegExpExecArray | null {
  const m = LOG_HEADING.exec(text);
  return m && text.trim().length <= LOG_HEADING_MAX ? m : null;
}
/** An author's attestation ("I, ..., hereby attest that the medical record entry ... reflects signatures ..."). */
const ATTESTS = /\bhereby\s+attest\b/i;
/** What an author attests, not a patient: the record entry, or signatures and notations they made. */
const ATTESTS_AUTHORSHIP =
  /\b(?:medical\s+record\s+entr(?:y|ies)|signatures?\s*\/\s*notations?|(?:signatures?|notations?)\s+(?:that\s+)?I\s+(?:made|signed|wrote)|my\s+signature)\b/i;

/**
 * A signature log or an author's signature attestation in the record ('signature-log', value
 * `log` or `attestation`): what a reviewer needs to accept an illegible signature (PIM Ch. 3
 * §3.3.2.4). A patient's "I hereby attest that the information I provided is true" is not one.
 * Says whether the line had one.
 */
function extractSignatureLog(lines: Line[], i: number, sink: FactSink): boolean {
  const t = lines[i]!.text;
  const heading = logHeading(t);
  if (heading) {
    sink.add('signature-log', 'log', lines[i]!, heading.index, heading.index + heading[0].length);
    return true;
  }
  const attest = ATTESTS.exec(t);
  if (!attest) return false;
  const near = [t.slice(attest.index), lines[i + 1]?.text ?? '', lines[i + 2]?.text ?? ''];
  if (!ATTESTS_AUTHORSHIP.test(near.join(' '))) return false;
  sink.add(
    'signature-log',
    'attestation',
    lines[i]!,
    attest.index,
    attest.index + attest[0].length,
  );
  return true;
}

/**
 * A signature label with its colon that starts a later column of the line ("Samuel K. Whitcombe,
 * MD   NPI 1710385962   Signature: Samuel K Whitcombe MD   Date: 10/02/2026"), its index in the line.
 */
function labelInLaterCell(text: string): RegExpExecArray | null {
  const firstColon = text.indexOf(':');
  if (firstColon < 0) return null;
  for (const cell of cellsOf(text).slice(1)) {
    // Columns of fields before it ("Authorized Agent Name:   Signature:") make the line a form's
    // row for someone else's entry, not a signature block under a name.
    if (firstColon < cell.start) return null;
    const m = PHYSICIAN_LABEL.exec(cell.text) ?? SIGNER_LABEL.exec(cell.text);
    if (!m || !m[0].includes(':')) continue;
    // The name stands after the label in its own column; a label alone in its column is followed
    // by another field ("DocuSigned by:   Sent: 7/7/2026" in an audit certificate's columns).
    if (cell.text.slice(m.index + m[0].length).trim() === '') return null;
    m.index += cell.start;
    return m;
  }
  return null;
}

/**
 * The rows of a signature log (under its heading): initials, the full name they stand for and the
 * credentials, each in its own column ("KLB   Katherine L. Brandt   OTR/L   Occupational
 * Therapist   NPI ..."). Entries signed with those initials are that clinician's (PIM Ch. 3
 * §3.3.2.4 accepts a signature log to identify a signer).
 */
function extractSignatureLogEntries(lines: Line[], from: number, sink: FactSink): void {
  for (const line of lines.slice(from + 1)) {
    const cells = cellsOf(line.text);
    if (cells.length < 2) continue;
    const initials = cells[0]!;
    // The name and its credentials in one cell ("Keller, Maren O, PT, DPT"), or apart.
    const joined = nameWithCredentials(cells[1]!);
    const name = joined?.name ?? cells[1]!;
    if (!SIGNER_INITIALS.test(initials.text) || isCredentialToken(initials.text)) continue;
    if (!NAME.test(name.text) || NOT_A_NAME.test(name.text)) continue;
    const creds = joined?.creds ?? cells.slice(2).find((c) => credentialsIn(c.text).length > 0);
    if (!creds) continue;
    sink.add('signature-log-entry', initials.text, line, initials.start, creds.end, {
      name: name.text,
      credentials: creds.text,
    });
  }
}

/**
 * A signature log printed in the page's running footer (a flowsheet's "User Key" at the foot of
 * every page) names the initials the sheet is filed under as well as one in the body: read from
 * all the lines when the body's lines held none.
 */
export function extractFooterSignatureLog(lines: Line[], sink: FactSink): void {
  if (sink.has('signature-log-entry')) return;
  // The first heading's entries are read to the end: a later heading's lines are among them.
  const at = lines.findIndex((l) => logHeading(l.text) !== null);
  if (at >= 0) extractSignatureLogEntries(lines, at, sink);
}

/** A cell holding a name with its credentials after a comma: "Keller, Maren O, PT, DPT". */
function nameWithCredentials(cell: Cell): { name: Cell; creds: Cell } | null {
  const m = /^(.*?),\s*([A-Za-z/.-]{2,9}(?:,\s*[A-Za-z/.-]{2,9})*)\s*$/.exec(cell.text);
  if (!m || !m[2]!.split(/,\s*/).every(isCredentialToken)) return null;
  const at = cell.start + cell.text.lastIndexOf(m[2]!);
  return {
    name: { text: m[1]!, start: cell.start, end: cell.start + m[1]!.length },
    creds: { text: m[2]!, start: at, end: at + m[2]!.length },
  };
}

/**
 * A flowsheet row of the clinician's initials: "Init", "Initials", "Therapist initials", or the
 * user a hospital record filed the column under ("Filed By", "Documented By").
 */
const INITIALS_ROW =
  /^\s*(?:(?:(?:Therapist|Clinician|Staff|Provider|Treating)\s+)?Init(?:ials?|\.)?|(?:Filed|Documented|Entered|Recorded)\s+By)\s*:\s*([A-Z]{2,4})\s*$/;

/**
 * A flowsheet day initialled in its own column ("Init   JRW   MKL" under the dates): the initials
 * sign that day's entry, dated by the column's date (a legend on the sheet, or the clinic's
 * signature log, says whose they are).
 */
export function extractColumnInitials(
  lines: Line[],
  column: { iso: string; line: Line; start: number; end: number },
  sink: FactSink,
): void {
  if (sink.has('signer')) return;
  for (const line of lines) {
    const m = INITIALS_ROW.exec(line.text);
    if (!m || isCredentialToken(m[1]!)) continue;
    const at = m.index + m[0].indexOf(m[1]!, m[0].indexOf(':'));
    sink.add('signer', m[1]!, line, at, at + m[1]!.length);
    sink.add('signed-date', column.iso, column.line, column.start, column.end);
    return;
  }
}

/**
 * What may stand after an unlabelled signature's credentials: its date, a time, a licence or NPI
 * number, separators. Anything else makes the line a sentence, not a signature.
 */
const SIGNATURE_TAIL = new RegExp(
  String.raw`^(?:[\s,;|/()[\]–—·•-]|\bon\b|\bat\b|\bdate\b:?|\b(?:${E_SIGNATURE_WORDS}|esig|signed)\b|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?(?:[Mm]\.?)?)?|\b[ECMP][SD]T\b|${LICENCE}|${SUPERVISOR}|${ROLE_REMARK})*$`,
  'i',
);

/**
 * The signer's specialty after the credentials, in brackets ("(Occupational Medicine)") or as
 * capitalised words before the NPI or the line's end ("Gregory Hallstrom, MD Occupational
 * Medicine NPI 1487203365", "Anjali Sethuraman, MD - Occupational Medicine   NPI ...").
 */
const SPECIALTY_AFTER = new RegExp(
  String.raw`^\s*${SPECIALTY_REMARK}|^\s+(?:[-–—]\s+)?\p{Lu}\p{Ll}+(?:\s+(?:(?:and|of|&)\s+)?\p{Lu}\p{Ll}+){0,3}(?=\s+(?:NPI|Lic(?:ense|\.)?|#)|\s*$)`,
  'u',
);

/** A signer's typed name with credentials, standing alone ("Dana Roe, PT, DPT  TX Lic. 1234"). */
export function isSignerNameLine(text: string): boolean {
  const sig = unlabelledSignature(text);
  return !!sig?.name && !!sig.creds;
}

/** The dash a running log's entry is signed off with: "   — K. Doyle, PT, DPT  10/06/26". */
const SIGN_OFF_DASH = /^\s*(?:[—–]|--)\s*/;

/**
 * A signature line without a label, as notes and letters end: "Jane Roe, PT, DPT 04/07/2026",
 * "Sincerely, / Kim Lu, OTR/L". Only a name with credentials (and its date) on a line of its own.
 */
/**
 * The part of a line a signer's name may fill: the line, or on a form its first cell ("Nadia
 * Ferreira-Lund, PT, DPT<tab>2/Wk x 3 Wk", the next box's value beside it). Offsets stay the line's.
 */
function signerCell(line: Line): string {
  const first = cellsOf(line.text)[0];
  return first ? line.text.slice(0, first.end) : line.text;
}

/** State names, lower case: "Missouri PT License No. 2009014471" names the licensing state. */
const STATE_NAMES: ReadonlySet<string> = new Set(
  Object.values(US_STATES).map((s) => s.toLowerCase()),
);

function unlabelledSignature(text: string): ParsedSignature | null {
  // Read from its first word: a print may indent the block a few spaces ("   Achterberg, Rosalind,
  // OTR/L"); a name after a tab or a wide gap stands in a form's later column ("Print/type name").
  const from = SIGN_OFF_DASH.exec(text)?.[0].length ?? /^ {0,12}(?! )/.exec(text)?.[0].length ?? 0;
  const sig = parseBody(text, from, false);
  if (
    !sig.name ||
    !sig.creds ||
    STATE_NAMES.has(text.slice(sig.name[0], sig.name[1]).trim().toLowerCase()) ||
    text
      .slice(0, sig.name[0])
      .replace(SIGN_OFF_DASH, '')
      .trim()
      .replace(/\/e?s\//i, '') !== ''
  )
    return null;
  let rest = text.slice(sig.creds[1]);
  // Its date may stand in a remark after it: "Jane Roe, PT, DPT (signed electronically 04/13/2026)".
  const dates = findDates(rest);
  for (const d of [...dates].reverse()) rest = rest.slice(0, d.start) + ' ' + rest.slice(d.end);
  // The signer's specialty in brackets ("(Occupational Medicine)") may stand before its NPI.
  rest = rest.replace(SPECIALTY_AFTER, ' ');
  if (!SIGNATURE_TAIL.test(rest)) return null;
  const first = dates[0];
  if (!sig.date && first)
    return {
      ...sig,
      date: { iso: first.iso, start: sig.creds[1] + first.start, end: sig.creds[1] + first.end },
    };
  return sig;
}

/**
 * A hospital record's entry line: "Document<tab>03/05/26 0800<tab>CVESTERG<tab>(Rec: ...)". The
 * user who documented the entry authenticates it by signing on; the record's signature log says
 * who the mnemonic is.
 */
const DOCUMENTED_BY =
  /^\s*Document(?:ed)?\s+(\d{1,2}\/\d{1,2}\/\d{2,4})\s+\d{3,4}\s+([A-Z]{2,10})(?=\s|$)/d;

/** The entry line's match (its date, then its user), unless the "user" is a credential. */
function documentedEntry(text: string): RegExpExecArray | null {
  const m = DOCUMENTED_BY.exec(text);
  return m && !isCredentialToken(m[2]!) ? m : null;
}

/** The date of a hospital record's entry line ("Document 03/05/26 0800 CVESTERG"), or null. */
export function documentedOn(text: string): string | null {
  const m = documentedEntry(text);
  return m ? (leadingDate(m[1]!)?.iso ?? null) : null;
}

function documentedBy(line: Line, sink: FactSink): boolean {
  const m = documentedEntry(line.text);
  if (!m) return false;
  const [us, ue] = m.indices![2]!;
  sink.add('signer', m[2]!, line, us, ue);
  const date = leadingDate(m[1]!);
  const [ds, de] = m.indices![1]!;
  if (date) sink.add('signed-date', date.iso, line, ds, de);
  return true;
}

/** A letter's copy list's label: "cc:", "Copies to:", "Distribution:". */
const COPY_LABEL = /^\s*(?:cc|c\.c\.|bcc|copy to|copies(?: to)?|distribution)\s*:/i;

/**
 * An indented line under a copy list's label, the lines between indented too ("cc: Ray Tolbert,
 * Claims Adjuster" / "     Curtis W. Lamb, MD"): a person copied, not a signer.
 */
function inCopyList(lines: readonly Line[], i: number): boolean {
  if (!/^\s/.test(lines[i]!.text)) return false;
  for (let k = i - 1; k >= 0; k--) {
    const t = lines[k]!.text;
    if (COPY_LABEL.test(t)) return true;
    if (t.trim() === '' || !/^\s/.test(t)) return false;
  }
  return false;
}

/**
 * The signer written before a signature mark on its line, with or without its role: "Thomas Reyes,
 * PT - electronically signed ...", "Therapist: Meredith Callahan, OTR/L  electronically signed ...".
 */
function signatureBeforeMark(head: string): ParsedSignature | null {
  const role = ROLE_LABEL.exec(head);
  const off = role ? role[0].length : 0;
  // The signer's specialty or department may follow the name ("Samuel Greer, DO - Occupational
  // Medicine   Signed electronically ...").
  const sig =
    unlabelledSignature(head.slice(off)) ??
    unlabelledSignature(head.slice(off).replace(SPECIALTY_TAIL, ''));
  if (!sig || off === 0) return sig;
  const shift = (span: [number, number] | null): [number, number] | null =>
    span ? [span[0] + off, span[1] + off] : null;
  return {
    ...sig,
    name: shift(sig.name),
    creds: shift(sig.creds),
    illegible: shift(sig.illegible),
    date: sig.date ? { ...sig.date, start: sig.date.start + off, end: sig.date.end + off } : null,
  };
}

/** A dash and words (no digits) closing a signer's name cell: a specialty, a department. */
const SPECIALTY_TAIL = /\s+[-–—]\s+[\p{L} &/,.'()]+\s*$/u;

/**
 * What may follow a signature's wrapped date on its line: a time and its zone, nothing else. A
 * hospital's stamp writes the time on the 24-hour clock without a colon ("04/06/2026 1640").
 */
const WRAPPED_DATE_REST =
  /^\s*(?:(?:at\s+)?(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?|(?:[01]\d|2[0-3])[0-5]\d(?:\s*h(?:rs?)?\b)?)(?:\s*(?:[ECMP][SD]?T|UTC|GMT)\b)?(?:\s*\([A-Za-z ]{1,30}\))?)?\s*$/;

/** A field that holds only the mark of an e-signature ("Signature: electronically signed"). */
const MARK_ONLY_LINE = new RegExp(
  String.raw`^\W*signature\s*:?\s*(?:electronically signed|signed electronically|digitally signed|e-?signed|\/e?s\/|${TRANSCRIBED})\s*$`,
  'i',
);
/** A signer's printed name (and NPI) under the signature, between it and its date. */
const PRINTED_NAME_LINE = /^\s*(?:Printed|Print|Typed)\s+name\b|^\s*NPI\b/i;
/** A signature's date as a field along the printed-name line: "...  Date signed: 08/31/2026". */
const DATE_FIELD_ALONG =
  /(?:\t| {2,})(?:Date(?:\s*\/\s*time)?(?:\s+signed)?|Signed\s+date|Signature\s+date|Signed(?:\s+on)?)\s*:\s*/i;

/**
 * A form's attestation prompt: "Attestation: I have reviewed and completed this documentation",
 * "I attest that this documentation is complete".
 */
const ATTESTATION_PROMPT =
  /^\W*attestation\b|\bI (?:hereby )?attest\b|\bI (?:have )?(?:reviewed|completed|performed)\b.*\bdocumentation\b/i;
/** Its answer's assent before the signer: "Yes - Devin Achterberg, MOT, OTR/L 2026-05-06 10:12". */
const ASSENT = /^\s*(?:yes|agreed?|attested|confirmed)\s*[-–—:,]\s*/i;

/**
 * The assent under an attestation prompt, as the label of the signature it carries; the prompt
 * may stand on the line above or, read as one field with it, before a colon on the same line.
 */
function attestedAnswer(lines: readonly Line[], i: number): RegExpExecArray | null {
  const t = lines[i]!.text;
  const field = /:\s+/.exec(t);
  if (field && ATTESTATION_PROMPT.test(t.slice(0, field.index))) {
    const from = field.index + field[0].length;
    const assent = ASSENT.exec(t.slice(from));
    if (assent) {
      assent.index += from;
      return assent;
    }
  }
  let k = i - 1;
  while (k >= 0 && isBlank(lines[k]!)) k--;
  const prompt = k >= 0 ? lines[k]!.text : '';
  return ATTESTATION_PROMPT.test(prompt) || CERTIFY_STATEMENT.test(prompt)
    ? ASSENT.exec(lines[i]!.text)
    : null;
}

/**
 * A signature field with its colon after a sentence on the same line: "Signed copy returned via
 * eFax 09/21/2026. Physician signature: NAME, DO   Date: 09/21/2026". Its index is the line's.
 */
function fieldAfterSentence(text: string, label: RegExp): RegExpExecArray | null {
  for (const end of text.matchAll(/[.;]\s+(?=[A-Z])/g)) {
    const from = end.index + end[0].length;
    const found = label.exec(text.slice(from));
    if (found?.[0].includes(':')) {
      found.index += from;
      return found;
    }
  }
  return null;
}

/**
 * A line of a signature block under the signer's name: a title or a licence ("Program Director,
 * Industrial Rehabilitation", "Kansas PT License #12-03471"), short, no sentence and no date.
 */
function isSignerTitleLine(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 60 && !/[.:]$/.test(t) && findDates(t).length === 0;
}

/** How far from a document's end an unlabelled signature may stand (in content lines). */
const UNLABELLED_TAIL_LINES = 8;

/** Facts that say a document bears a signature, read or not (a signer, an illegible mark). */
const SIGNATURE_KINDS: ReadonlySet<FactKind> = new Set([
  'signer',
  'physician-signer',
  'signature-illegible',
]);

/** A status word an EMR prints alone under a note's title: "Signed", "E-Signed". */
const STATUS_BADGE = /^\s*(?:e-?)?signed\s*$/i;

/** A signature field that states it is not signed yet ("Signed: Pending", "Signature: Unsigned"). */
const SIGNATURE_PENDING =
  /^\W*(?:e-?signed|signed|signature(?:\s+status)?)\s*:\s*(?:pending|unsigned|not\s+(?:yet\s+)?signed|awaiting(?:\s+\w+){0,2})\s*\.?\s*$/i;

/**
 * A transcription service's stamp that the author has not yet read what was typed ("DICTATED BUT
 * NOT READ", "Dictated, not signed", "Transcribed but not reviewed"): the typed name above it is
 * where the author will sign, not a signature. An electronic signature added later replaces it.
 */
const DICTATED_NOT_READ =
  /^\W*(?:dictated|transcribed)\b[\s,/]*(?:(?:but|and)\s+)?not\s+(?:yet\s+)?(?:read|signed|reviewed|authenticated|verified)\b[\w\s]{0,30}\W*$/i;

/** The line that says a note is not signed yet, if any (index, else -1). */
function pendingSignature(lines: Line[]): number {
  const field = lines.findIndex((l) => SIGNATURE_PENDING.test(l.text));
  if (field >= 0) return field;
  const stamp = lines.findIndex((l) => DICTATED_NOT_READ.test(l.text));
  if (stamp < 0 || lines.some((l) => E_SIGNED_ANYWHERE.test(l.text) || AUDIT_SIGNED.test(l.text)))
    return -1;
  return stamp;
}

export function extractSignatures(lines: Line[], sink: FactSink): void {
  let certifyUntil = -1;
  const grid = extractSignatureGrids(lines, sink);
  // A field saying the note is not signed yet outranks a typed name at its end: the name is
  // printed where the signature will go.
  const pending = pendingSignature(lines);
  if (pending >= 0) {
    const line = lines[pending]!;
    sink.add('signature-blank', 'blank', line, 0, line.text.length);
  }
  // A role field ("Therapist: Jane Roe, PT, NPI ...") signs a note only where nothing else does:
  // a form with an explicit signature line names its therapist without signing for them.
  const explicit =
    grid.size > 0 ||
    lines.some(
      (l) =>
        SIGNER_LABEL.test(l.text) || E_SIGNED_ANYWHERE.test(l.text) || AUDIT_SIGNED.test(l.text),
    );
  const physicians = physicianFieldNames(lines);
  lines.forEach((line, i) => {
    if (grid.has(line)) return;
    const t = line.text;
    const reopened = REOPENED.exec(t);
    const again = reopened && leadingDate(t.slice(reopened.index + reopened[0].length));
    if (reopened && again) {
      const at = reopened.index + reopened[0].length;
      sink.add('signature-reopened', again.iso, line, at + again.start, at + again.end);
    }
    if (documentedBy(line, sink)) return;
    // A log's heading ("Signature Log") is not a signature line.
    if (extractSignatureLog(lines, i, sink) && LOG_HEADING.test(t)) {
      extractSignatureLogEntries(lines, i, sink);
      return;
    }
    if (CERTIFY_STATEMENT.test(t)) certifyUntil = i + 4;
    // "Physician: Harold Okoro, MD   /s/ Harold Okoro, MD   Date: 10/13/2026": a physician's
    // field that carries the mark of a signature signs the order.
    // The mark may stand on the field's own line below ("Physician: Harlan Weatherby, MD" over
    // "Signature: electronically signed").
    const marked = SIGNED_MARK.test(t) || MARK_ONLY_LINE.test(lines[i + 1]?.text ?? '');
    const phys =
      PHYSICIAN_LABEL.exec(t) ??
      (marked ? PHYSICIAN_FIELD.exec(t) : null) ??
      fieldAfterSentence(t, PHYSICIAN_LABEL);
    const atEnd = i >= lines.length - UNLABELLED_TAIL_LINES;
    const label =
      phys ??
      attestedAnswer(lines, i) ??
      SIGNER_LABEL.exec(t) ??
      E_SIGNED_ANYWHERE.exec(t) ??
      AUDIT_SIGNED.exec(t) ??
      labelInLaterCell(t) ??
      ((atEnd && !explicit) || ROLE_SIGNED.test(t) ? ROLE_LABEL.exec(t) : null);
    const stamp = stampSpan(t, label ? label.index + label[0].length : null);
    if (stamp) sink.add('signature-stamped', t.slice(stamp[0], stamp[1]), line, stamp[0], stamp[1]);
    // "Signature:" ends in a colon; "Signature Date" and "Therapist NPI" name other fields.
    const sig = label
      ? parseBody(t, label.index + label[0].length, label[0].includes(':'))
      : atEnd && !ROLE_LABEL.test(t) && pending < 0 && !inCopyList(lines, i)
        ? unlabelledSignature(t)
        : null;
    if (!sig) return;
    // "PHYSICIAN CERTIFICATION" standing alone heads the certification block; it is no empty
    // signature field. With a colon it heads one when the statement signed follows it.
    const statementBelow = () => {
      for (let k = i + 1; k < lines.length; k++)
        if (!isBlank(lines[k]!)) return CERTIFY_STATEMENT.test(lines[k]!.text);
      return false;
    };
    if (
      label &&
      sig.blank &&
      (!label[0].includes(':') || statementBelow()) &&
      HEADING_LABEL.test(label[0]) &&
      t.trim() === label[0].trim()
    )
      return;
    // "Priya Venkataraman, MD" over "Electronically signed: 09/29/2026 3:51 PM": the mark and its
    // date sign the name written just above.
    if (!sig.name && !sig.illegible && label && sig.date) {
      // The name stands before the mark on its line ("Thomas Reyes, PT - electronically signed
      // 07/22/2026"), or a line or two above it (a specialty or NPI line between).
      const before = label.index > 0 ? signatureBeforeMark(t.slice(0, label.index)) : null;
      // A page break may fall between them, its running footer and header in between: an
      // e-signature's mark ("/es/ NAME, PT") a few lines up is still the one this date closes,
      // and so is a typed name ending the page before ("Kyle D. Brandt, PT, DPT" / a running
      // header / his title / "Electronically signed 03/20/2026").
      const k = before?.name
        ? i
        : ([i - 1, i - 2, i - 3].find(
            (j) =>
              j >= 0 &&
              lines.slice(j + 1, i).every((l) => isSignerTitleLine(l.text)) &&
              !!unlabelledSignature(signerCell(lines[j]!))?.name,
          ) ??
          [i - 3, i - 4, i - 5, i - 6].find(
            (j) =>
              j >= 0 &&
              (SIGNED_MARK.test(lines[j]!.text) || lines[j]!.page !== line.page) &&
              !!unlabelledSignature(signerCell(lines[j]!))?.name,
          ));
      const above = before?.name
        ? before
        : k === undefined
          ? null
          : unlabelledSignature(signerCell(lines[k]!));
      if (above?.name) {
        const prev = lines[k!]!;
        const physicianAbove = authorRoleOf(above.credList.join(', ')) === 'physician';
        const [n0, n1] = above.name;
        sink.add(
          physicianAbove ? 'physician-signer' : 'signer',
          prev.text.slice(n0, n1),
          prev,
          n0,
          n1,
        );
        if (above.creds)
          sink.add(
            'credentials',
            prev.text.slice(above.creds[0], above.creds[1]),
            prev,
            above.creds[0],
            above.creds[1],
          );
        sink.add(
          physicianAbove ? 'physician-signed-date' : 'signed-date',
          sig.date.iso,
          line,
          sig.date.start,
          sig.date.end,
        );
        return;
      }
    }
    // "Signed: 05/04/2026 3:20 PM" under "E-signature: /s/ Dana Roe, PT": the date of the
    // signature above it, no empty field.
    if (sig.blank && !sig.name && sig.date && i > 0 && signsAbove(lines[i - 1]!.text)) return;
    if (sig.blank && !sig.name) {
      // A signature box's heading ("Therapist Signature / Date") with the signature under it; a
      // heading ruled off ("Signature" over "_____") has it under the rule.
      const after = (j: number) => lines.findIndex((l, k) => k > j && l.text.trim() !== '');
      let n = after(i);
      const labelOnly = !!label && !label[0].includes(':') && t.trim() === label[0].trim();
      // Only an electronic signature under the rule: a printed name under a rule is the name
      // under a line left to sign by hand.
      if (labelOnly && n > 0 && isRuleLine(lines[n]!.text)) {
        const m = after(n);
        const e = m > 0 ? lines[m]!.text : '';
        if (SIGNER_LABEL.test(e) || E_SIGNED_ANYWHERE.test(e)) n = m;
      }
      const next = n > 0 ? lines[n]! : undefined;
      const under = next ? unlabelledSignature(next.text) : null;
      // A signing service's block ("Signed by:" over the signer's name, then its date): the
      // name under the label is the signature, wherever in the document it stands. A label
      // over a rule ("Signature: ______") is a place to sign by hand, its name a printed one.
      const labelAlone = !!label && t.slice(label.index + label[0].length).trim() === '';
      if (next && under?.name && labelAlone && !label[0].includes('/') && !sig.date) {
        const physicianUnder =
          !!phys || authorRoleOf(under.credList.join(', ')) === 'physician' || i <= certifyUntil;
        addSigner(sink, next, under, physicianUnder);
        if (!under.date) addDateBelow(lines, n, physicianUnder, sink);
        return;
      }
      if (
        next &&
        (SIGNER_LABEL.test(next.text) || E_SIGNED_ANYWHERE.test(next.text) || under?.name)
      )
        return;
      // A note's status badge under its title ("Daily Note" / "Signed"), a word alone with no
      // rule under it, says the note is signed; it is no place left to sign.
      if (labelOnly && STATUS_BADGE.test(t)) return;
      // A physician's field left blank ("Physician signature: ____" under a plan) is a
      // certification not yet returned, not the author's note unsigned; a bare "Provider
      // signature" may be the therapist's own.
      const physicianBlank = !!phys && PHYSICIAN_NAMED_IN_LABEL.test(phys[0]);
      sink.add(
        'signature-blank',
        'blank',
        line,
        0,
        t.length,
        physicianBlank ? { physician: true } : undefined,
      );
      return;
    }
    if (sig.illegible) {
      const [s0, s1] = sig.illegible;
      sink.add('signature-illegible', t.slice(s0, s1), line, s0, s1);
    }
    if (!sig.name && !sig.illegible) return;
    const nameText = sig.name ? (sig.nameValue ?? t.slice(sig.name[0], sig.name[1])) : null;
    const physician =
      !!phys ||
      authorRoleOf(sig.credList.join(', ')) === 'physician' ||
      (i <= certifyUntil && /^\W*Signature\b/i.test(t)) ||
      (nameText !== null && physicians.has(nameKeyOf(nameText)));
    // "Co-signed on device by Nadia Brennerman, OTR/L": the supervisor's countersignature, not
    // the author's (the assistant's visit stays the assistant's).
    // A name under a "SUPERVISING OTR" field is the supervisor's too.
    const cosign = label
      ? COSIGN_BEFORE.test(t.slice(0, label.index)) || /\bco-?sign/i.test(label[0])
      : SUPERVISOR_FIELD.test(lines[i - 1]?.text ?? '');
    const detail = cosign ? { cosigner: true } : undefined;
    if (sig.name && nameText !== null)
      sink.add(
        physician ? 'physician-signer' : 'signer',
        nameText,
        line,
        sig.name[0],
        sig.name[1],
        detail,
      );
    if (sig.creds)
      sink.add(
        'credentials',
        t.slice(sig.creds[0], sig.creds[1]),
        line,
        sig.creds[0],
        sig.creds[1],
        detail,
      );
    else {
      const field = nameText !== null ? physicians.get(nameKeyOf(nameText)) : undefined;
      if (field)
        sink.add(
          'credentials',
          field.line.text.slice(field.start, field.end),
          field.line,
          field.start,
          field.end,
          detail,
        );
    }
    const dateKind = physician ? 'physician-signed-date' : 'signed-date';
    if (sig.date) sink.add(dateKind, sig.date.iso, line, sig.date.start, sig.date.end);
    else {
      // "Signature: Jane Roe, PT" with "Date: 03/04/2026" on the next line, or under the signer's
      // printed name.
      const between = lines[i + 1]?.text ?? '';
      // "Printed name: Helen Marsh, MD   NPI: 1973055621   Date signed: 08/31/2026" under it.
      const printed = PRINTED_NAME_LINE.test(between) ? DATE_FIELD_ALONG.exec(between) : null;
      const along = printed && leadingDate(between.slice(printed.index + printed[0].length));
      if (printed && along) {
        const at = printed.index + printed[0].length;
        sink.add(dateKind, along.iso, lines[i + 1]!, at + along.start, at + along.end);
        return;
      }
      // The signer's title between ("Program Director, Work Conditioning" / "Date signed: ...").
      const next =
        PRINTED_NAME_LINE.test(between) ||
        MARK_ONLY_LINE.test(between) ||
        (isSignerTitleLine(between) && !SIGNATURE_DATE_LINE.test(between))
          ? lines[i + 2]
          : lines[i + 1];
      const m = next && SIGNATURE_DATE_LINE.exec(next.text);
      const d = m && leadingDate(next.text.slice(m[0].length));
      if (next && m && d)
        sink.add(dateKind, d.iso, next, m[0].length + d.start, m[0].length + d.end);
      else if (next) {
        // A long signature line wrapped its date and time onto the next line ("09/21/26 16:48").
        const lead = next.text.length - next.text.trimStart().length;
        const w = leadingDate(next.text.slice(lead));
        if (w && WRAPPED_DATE_REST.test(next.text.slice(lead + w.end)))
          sink.add(dateKind, w.iso, next, lead + w.start, lead + w.end);
      }
    }
  });
}

/** Signer, credentials and date of a signature read from `line`. */
function addSigner(sink: FactSink, line: Line, sig: ParsedSignature, physician: boolean): void {
  if (!sig.name) return;
  const t = line.text;
  const nameText = sig.nameValue ?? t.slice(sig.name[0], sig.name[1]);
  sink.add(physician ? 'physician-signer' : 'signer', nameText, line, sig.name[0], sig.name[1]);
  if (sig.creds)
    sink.add('credentials', t.slice(sig.creds[0], sig.creds[1]), line, sig.creds[0], sig.creds[1]);
  if (sig.date)
    sink.add(
      physician ? 'physician-signed-date' : 'signed-date',
      sig.date.iso,
      line,
      sig.date.start,
      sig.date.end,
    );
}

/** How many lines under a signer's name its "Date:" line may stand (a hash or an NPI between). */
const DATE_BELOW_LINES = 2;

/** The "Date: ..." line just under a signer's name: the signature's date. */
function addDateBelow(lines: Line[], at: number, physician: boolean, sink: FactSink): void {
  for (let j = at + 1; j <= at + DATE_BELOW_LINES && j < lines.length; j++) {
    const t = lines[j]!.text;
    // The date may stand at the end of the rule signed above ("______   Date 7/28/26").
    const lead = /^\s*_{3,}\s*/.exec(t)?.[0].length ?? 0;
    const m = SIGNATURE_DATE_LINE.exec(t.slice(lead));
    const at = lead + (m?.[0].length ?? 0);
    const d = m && leadingDate(t.slice(at));
    if (m && d) {
      const kind = physician ? 'physician-signed-date' : 'signed-date';
      sink.add(kind, d.iso, lines[j]!, at + d.start, at + d.end);
      return;
    }
    if (SIGNER_LABEL.test(t) || PHYSICIAN_LABEL.test(t)) return;
  }
}

/** A rule drawn for a signature to be written on: "______________________". */
const RULE_LINE = /^\s*_{5,}\s*$/;

/** A line that signs electronically ("Electronically signed by ...", "/s/ Jane Roe, PT"). */
function isElectronicSignature(text: string): boolean {
  return E_SIGNED_ANYWHERE.test(text) || /\/e?s\//i.test(text) || E_SIGNED_TAIL.test(text);
}

/**
 * Whether a page has a place a hand signature could stand: a signature area that is not an
 * electronic signature (a blank or typed signature field, a rule, the physician's line, a printed
 * name). The PDF reader looks for marks only on such pages: a page signed only electronically, or
 * a body page with no signature area, would gain nothing from the operator-list scan.
 */
export function mayBeSignedByHand(pageText: string): boolean {
  for (const t of pageText.split('\n')) {
    if (isElectronicSignature(t)) continue;
    if (
      SIGNER_LABEL.test(t) ||
      PHYSICIAN_LABEL.test(t) ||
      ROLE_LABEL.test(t) ||
      RULE_LINE.test(t) ||
      PRINTED_NAME_LINE.test(t) ||
      unlabelledSignature(t)?.name
    )
      return true;
  }
  return false;
}

/**
 * Whether a line belongs to a signature area, where a mark drawn on or beside it is a signature:
 * a signature label (blank or not), the physician's certification line, a rule drawn to sign on,
 * a "Printed name" line, or a signer's printed name with credentials near the end of the note. A
 * role field ("Therapist: ...") counts only at the end: in the header it stands beside the logo.
 */
function isSignatureArea(lines: Line[], i: number): boolean {
  const t = lines[i]!.text;
  const atEnd = i >= lines.length - UNLABELLED_TAIL_LINES;
  // An electronic signature signs by its words; an image beside it adds nothing.
  if (LOG_HEADING.test(t) || isElectronicSignature(t)) return false;
  if (SIGNER_LABEL.test(t) || PHYSICIAN_LABEL.test(t)) return true;
  if (RULE_LINE.test(t) || PRINTED_NAME_LINE.test(t)) return true;
  if (!atEnd) return false;
  return ROLE_LABEL.test(t) || !!unlabelledSignature(t)?.name;
}

/** The lines that make one signature block with the anchor: the line before it and two after. */
function blockOf(lines: Line[], anchor: number): Line[] {
  const block = [lines[anchor]!];
  const prev = lines[anchor - 1];
  if (prev && (RULE_LINE.test(prev.text) || isBlankSignatureLabel(prev.text))) block.unshift(prev);
  for (let j = anchor + 1; j <= anchor + 2 && j < lines.length; j++) {
    const t = lines[j]!.text;
    // The next block's label ends this one ("Physician Signature:" under the therapist's).
    if (j > anchor + 1 && (SIGNER_LABEL.test(t) || PHYSICIAN_LABEL.test(t))) break;
    block.push(lines[j]!);
  }
  return block;
}

function isBlankSignatureLabel(text: string): boolean {
  const label = PHYSICIAN_LABEL.exec(text) ?? SIGNER_LABEL.exec(text);
  return !!label && parseBody(text, label.index + label[0].length, true).blank;
}

const onLines = (f: Fact, block: Line[]) =>
  block.some(
    (l) =>
      l.page === f.provenance.page && f.provenance.start >= l.start && f.provenance.start <= l.end,
  );

/**
 * Signatures drawn, pasted or stamped on the page (issue 18), after `extractSignatures` read the
 * typed ones. A mark in a signature area signs its block: the signer printed beside it (already
 * read as `signer`/`physician-signer`) gets `detail.mark`; with no printed name the mark is an
 * illegible signature (`signature-illegible`, detail.mark). A Stamp annotation there, with nothing
 * drawn beside it, is a stamped signature (`signature-stamped`). Either way the line is no longer
 * a blank signature line. Marks elsewhere (a logo, a diagram, ink far from any signature line)
 * sign nothing.
 */
export function extractSignatureMarks(lines: Line[], marks: PageMarks, sink: FactSink): void {
  // Most documents have no marks at all: nothing to place.
  if (!lines.some((l) => marks.onPage(l.page))) return;
  // Each mark goes to the signature-area line nearest it.
  const nearest = new Map<PageMark, { anchor: number; distance: number }>();
  lines.forEach((line, i) => {
    if (!marks.onPage(line.page) || !isSignatureArea(lines, i)) return;
    for (const { mark, distance } of marks.near(line)) {
      const best = nearest.get(mark);
      if (!best || distance < best.distance) nearest.set(mark, { anchor: i, distance });
    }
  });
  const byAnchor = new Map<number, PageMark[]>();
  for (const [mark, { anchor }] of nearest)
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), mark]);
  for (const [anchor, found] of byAnchor) {
    // Drawn ink beside a stamp (a "Received" stamp by the physician's signature) is the signature.
    const kind = (found.find((m) => m.kind !== 'stamp') ?? found[0]!).kind;
    const block = blockOf(lines, anchor);
    const line = lines[anchor]!;
    for (const f of sink.facts.filter((x) => x.kind === 'signature-blank' && onLines(x, block)))
      sink.remove(f);
    let signers = sink.facts.filter((f) => SIGNATURE_KINDS.has(f.kind) && onLines(f, block));
    // OCR's guess at the handwriting itself ("ANNAN", confidence 0) is no printed name.
    if (kind === 'scan-ink') {
      for (const f of signers) if (isOcrGuess(f)) sink.remove(f);
      signers = signers.filter((f) => !isOcrGuess(f));
    }
    // The name printed under a stamp is the stamp's, not a signature (detail.mark says so).
    for (const f of signers) f.detail = { ...f.detail, mark: kind };
    if (kind === 'stamp')
      sink.add('signature-stamped', 'stamp', line, 0, line.text.length, { mark: 'stamp' });
    else if (signers.length === 0)
      sink.add('signature-illegible', `${kind} mark`, line, 0, line.text.length, { mark: kind });
    // The block's date, for a stamp too: whether the stamp counts is the review's to say.
    const physician =
      block.some((l) => PHYSICIAN_LABEL.test(l.text)) ||
      signers.some((f) => f.kind === 'physician-signer');
    addBlockDate(block, physician ? 'physician-signed-date' : 'signed-date', sink);
  }
}

/** Below this OCR confidence a signer's words are OCR's reading of handwriting, not print. */
const OCR_GUESS_BELOW = 50;

function isOcrGuess(f: Fact): boolean {
  return f.provenance.source === 'ocr' && (f.provenance.confidence ?? 100) < OCR_GUESS_BELOW;
}

/**
 * The date written in a hand-signed block ("Signature: ____  Date: 10/05/2026", or a "Date:" line
 * under the printed name), when the typed reading left it out (it skips blank signature lines).
 */
function addBlockDate(
  block: Line[],
  kind: 'signed-date' | 'physician-signed-date',
  sink: FactSink,
): void {
  if (sink.facts.some((f) => f.kind === kind && onLines(f, block))) return;
  for (const l of block) {
    const d = findDates(l.text)[0];
    if (d) {
      sink.add(kind, d.iso, l, d.start, d.end);
      return;
    }
  }
}

/**
 * A note that says it is unsigned ("**** UNSIGNED DOCUMENT - PENDING PROVIDER SIGNATURE ****",
 * "Note status: OPEN - awaiting provider signature"): with no signature anywhere in it, that line
 * is what a finding quotes, as a blank signature field is.
 */
const UNSIGNED_STATEMENT =
  /^[\s*=#~_\-[(]*(?:[a-z ]{0,20}status\s*:\s*)?(?:open\b[\s,–—-]*)?(?:(?:document|note|entry|report)\s+)?(?:unsigned|not\s+(?:yet\s+)?signed|(?:pending|awaiting)\s+(?:[a-z]+\s+)?(?:e-?)?signature|signature\s+(?:pending|required|missing))\b/i;
/** A statement line, not a sentence of a note's prose. */
const UNSIGNED_STATEMENT_CHARS = 100;

export function extractUnsignedStatement(lines: Line[], sink: FactSink): void {
  const signed = sink.facts.some(
    (f) => SIGNATURE_KINDS.has(f.kind) || f.kind === 'signature-blank',
  );
  if (signed) return;
  const line = lines.find(
    (l) => l.text.trim().length <= UNSIGNED_STATEMENT_CHARS && UNSIGNED_STATEMENT.test(l.text),
  );
  if (line) sink.add('signature-blank', 'blank', line, 0, line.text.length);
}
