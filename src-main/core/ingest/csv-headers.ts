/**
 * Ledger column headers differ by billing system. Synonyms live in one table; matching ignores
 * case, spaces and punctuation, so `Acct #`, `ACCT#` and `acct` are the same header.
 */

export type LedgerField =
  | 'patient'
  | 'lastName'
  | 'firstName'
  | 'mrn'
  | 'dob'
  | 'dos'
  | 'code'
  | 'modifiers'
  | 'units'
  | 'charge'
  | 'payer'
  | 'claim'
  | 'provider';

/** Header synonyms as they are written in exports (display form, used in error messages). */
export const LEDGER_HEADER_SYNONYMS: Readonly<Record<LedgerField, readonly string[]>> = {
  patient: ['Patient', 'Patient Name', 'Pt Name', 'Client', 'Client Name'],
  lastName: ['Last Name', 'Patient Last Name', 'Last'],
  firstName: ['First Name', 'Patient First Name', 'First'],
  mrn: ['MRN', 'Account', 'Acct #', 'Account #', 'Patient ID', 'Chart #'],
  dob: ['DOB', 'Date of Birth', 'Birth Date'],
  dos: ['DOS', 'Date of Service', 'Service Date', 'From Date'],
  code: ['CPT', 'CPT Code', 'Procedure', 'Proc Code', 'HCPCS', 'CPT/HCPCS'],
  modifiers: ['Modifier', 'Modifiers', 'Modifier(s)', 'Mod'],
  units: ['Units', 'Qty', 'Quantity', 'Days/Units'],
  charge: ['Charge', 'Charges', 'Amount', 'Billed', 'Fee'],
  payer: ['Payer', 'Insurance', 'Primary Insurance', 'Carrier', 'Financial Class'],
  claim: ['Claim', 'Claim #', 'Claim ID', 'Invoice', 'ICN'],
  provider: ['Provider', 'Rendering', 'Rendering Provider', 'Therapist'],
};

/** Numbered modifier columns: `Mod1`..`Mod4`, `Modifier 1`..`Modifier 4`. */
const NUMBERED_MODIFIER = /^mod(?:ifier)?([1-4])$/;

export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const FIELD_BY_HEADER: ReadonlyMap<string, LedgerField> = new Map(
  (Object.entries(LEDGER_HEADER_SYNONYMS) as Array<[LedgerField, readonly string[]]>).flatMap(
    ([field, names]) => names.map((n) => [normalizeHeader(n), field] as const),
  ),
);

export interface LedgerColumns {
  /** Column index per field; the first matching column wins. */
  fields: Partial<Record<LedgerField, number>>;
  /** Numbered modifier columns in order Mod1..Mod4. */
  modifierColumns: number[];
  headers: string[];
}

export function mapLedgerHeaders(headers: string[]): LedgerColumns {
  const fields: Partial<Record<LedgerField, number>> = {};
  const numbered: Array<[number, number]> = [];
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    const numberedMatch = NUMBERED_MODIFIER.exec(key);
    if (numberedMatch) {
      numbered.push([Number(numberedMatch[1]), index]);
      return;
    }
    const field = FIELD_BY_HEADER.get(key);
    if (field && fields[field] === undefined) fields[field] = index;
  });
  numbered.sort((a, b) => a[0] - b[0]);
  return { fields, modifierColumns: numbered.map(([, i]) => i), headers };
}

/** The first required field that is missing, or null when the columns are enough to read rows. */
export function missingRequiredField(columns: LedgerColumns): 'dos' | 'code' | 'patient' | null {
  const f = columns.fields;
  if (f.dos === undefined) return 'dos';
  if (f.code === undefined) return 'code';
  if (f.patient === undefined && f.lastName === undefined && f.mrn === undefined) return 'patient';
  return null;
}

const REQUIRED_LABEL = {
  dos: 'date-of-service',
  code: 'procedure-code',
  patient: 'patient (name or MRN)',
} as const;

export function describeMissingColumn(
  missing: 'dos' | 'code' | 'patient',
  headers: string[],
): string {
  const expected =
    missing === 'patient'
      ? [...LEDGER_HEADER_SYNONYMS.patient, 'Last Name + First Name', ...LEDGER_HEADER_SYNONYMS.mrn]
      : LEDGER_HEADER_SYNONYMS[missing];
  const found = headers.filter((h) => h.trim() !== '').map((h) => `"${h}"`);
  return (
    `cannot find a ${REQUIRED_LABEL[missing]} column; ` +
    `headers found: ${found.length > 0 ? found.join(', ') : '(none)'}; ` +
    `expected one of: ${expected.join(', ')}`
  );
}
