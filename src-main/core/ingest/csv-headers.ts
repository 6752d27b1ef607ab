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
  | 'codeType'
  | 'transactionType'
  | 'modifiers'
  | 'units'
  | 'charge'
  | 'allowed'
  | 'payer'
  | 'payerClass'
  | 'claim'
  | 'provider';

/**
 * Header synonyms as they are written in exports (display form, used in error messages), most
 * specific first: when two columns of a file map to one field, the one whose synonym comes first
 * here wins ("CPT" over "Code", "MRN" over "Account"). Gathered from billing systems' charge,
 * ledger and encounter exports (WebPT, OpenEMR, hospital charge detail, clearinghouse reports).
 */
export const LEDGER_HEADER_SYNONYMS: Readonly<Record<LedgerField, readonly string[]>> = {
  patient: [
    'Patient Name',
    'Patient',
    'Pt Name',
    'Patient Full Name',
    'Client Name',
    'Client',
    // Long-term care calls the patient a resident.
    'Resident Name',
    'Resident',
    // Workers' compensation billing calls the patient the claimant or injured worker.
    'Claimant Name',
    'Claimant',
    'Injured Worker',
    'Name',
  ],
  lastName: ['Patient Last Name', 'Last Name', 'Pt Last Name', 'Last', 'Surname', 'Family Name'],
  firstName: ['Patient First Name', 'First Name', 'Pt First Name', 'First', 'Given Name'],
  mrn: [
    'MRN',
    'Med Rec #',
    'Medical Record Number',
    'Medical Record #',
    'Med Rec No',
    'Medical Record No',
    'Chart #',
    'Chart No',
    'Chart Number',
    'Patient ID',
    'Pt ID',
    'Resident ID',
    'Res ID',
    'PID',
    'Patient Account',
    'Patient Account Number',
    'Patient Acct #',
    'Patient Acct No',
    'Pt Acct #',
    'Acct #',
    'Acct No',
    'Acct',
    'Account #',
    'Account No',
    'Account Number',
    'Account',
  ],
  dob: ['DOB', 'Date of Birth', 'Birth Date', 'Birthdate', 'Pt DOB', 'Patient DOB'],
  dos: [
    'DOS',
    'Date of Service',
    'Service Date',
    'Svc Date',
    'Service Dt',
    'Svc Dt',
    'Date Svc',
    'DOS From',
    'From DOS',
    'From Date',
    // Medisoft/Lytec transaction detail: "Date From" and "Date To" bound each line's service.
    'Date From',
    'Service From',
    'Service From Date',
    'Service Start Date',
    'Service Start',
    'Start Date of Service',
    'DOS Start',
    // A UB-04 line listing (form locator 45): "Serv Date".
    'Serv Date',
    'Serv Dt',
    'Date of Svc',
    'Visit Date',
    // A scheduling app's sales export dates each charge by its appointment.
    'Appointment Date',
    'Appt Date',
    'Date of Appointment',
    'Encounter Date',
  ],
  code: [
    'CPT',
    'CPT Code',
    'CPT/HCPCS',
    'CPT/HCPCS Code',
    'HCPCS',
    'HCPCS Code',
    // UB-04 form locator 44.
    'HCPCS/Rate',
    'HCPCS/Rate/HIPPS Code',
    'Procedure Code',
    'Proc Code',
    'Proc',
    'Procedure',
    'Service Code',
    'Billing Code',
    'Charge Code',
    'Code',
  ],
  codeType: ['Code Type', 'Code Set', 'Code System'],
  // A transaction detail report lists each charge with the payments and adjustments posted to it,
  // one row each, under the same procedure code.
  transactionType: [
    'Transaction Type',
    'Trans Type',
    'Txn Type',
    'Tran Type',
    'Transaction Code Type',
    'Entry Type',
    'Posting Type',
    'Line Type',
  ],
  modifiers: ['Modifiers', 'Modifier(s)', 'Modifier', 'Mods', 'Mod'],
  units: [
    'Units',
    'Unit',
    'Qty',
    'Quantity',
    'Days/Units',
    'Svc Units',
    'Service Units',
    'Serv Units',
  ],
  // A bare "Billed" comes last: OpenEMR's billing report uses it for a Y/N flag beside "Fee".
  charge: [
    'Charge',
    'Charges',
    'Charge Amt',
    'Charge Amount',
    'Total Charges',
    'Total Charge',
    'Chg',
    'Chg Amt',
    'Billed Amt',
    'Billed Amount',
    'Fee',
    'Amount',
    'Amt',
    'Billed',
  ],
  // What the payer is expected to allow for the line (fee schedule or contract): hospital charge
  // detail and practice ledgers carry it before any 835 comes back. "Contractual Allowance" is
  // the write-off (charge minus allowed), not the allowed amount, so it is not here.
  allowed: [
    'Allowed',
    'Allowed Amt',
    'Allowed Amount',
    'Allowable',
    'Allowable Amt',
    'Allowable Amount',
    'Expected Allowed',
    'Expected Allowed Amt',
    'Expected Allowed Amount',
    'Expected Allowable',
    'Exp Allowed',
    'Exp Allow',
    'Exp Allowable',
    'Est Allowed',
    'Estimated Allowed',
    'Contractual Allowable',
    'Contract Allowable',
    'Contracted Amount',
    'Contracted Amt',
    'Fee Schedule Allowed',
    'Fee Schedule Amount',
    'Fee Sched Allowed',
    'Fee Sched Amt',
    'Ins Allowed',
    'Payer Allowed',
  ],
  payer: [
    'Payer',
    'Payer Name',
    'Payor',
    'Payor Name',
    'Primary Payer',
    'Primary Payor',
    'Primary Insurance',
    'Primary Ins',
    'Primary Ins Plan',
    'Insurance',
    'Insurance Name',
    'Insurance Company',
    'Insurance Carrier',
    'Insurance Plan',
    'Ins Plan',
    'Ins Co',
    'Ins',
    'Carrier',
    'Plan Name',
    'Plan',
    // Practice-management invoices name whom the claim went to.
    'Billed To',
    'Bill To',
    'Bill To Payer',
    'Claim Payer',
  ],
  payerClass: [
    'Financial Class',
    'Fin Class',
    'Fin Cls',
    'Payer Class',
    'Payer Type',
    'Payor Type',
    'Payer Category',
    'Insurance Type',
    'Ins Type',
    'Insurance Category',
    'Coverage Type',
    'Plan Type',
    'Policy Type',
    'Category',
  ],
  // The provider's own bill number first (an 835's CLP01 echoes it); a WC ledger's "Claim No"
  // beside an "Invoice" is often the carrier's injury claim, shared by every bill of the case.
  claim: [
    // A hospital bill's patient control number (UB-04 form locator 3a), which an 835's CLP01
    // echoes.
    'Patient Control Number',
    'Patient Control No',
    'Pat Ctrl No',
    'Pat Control No',
    'Claim #',
    'Claim ID',
    'Claim',
    'Invoice #',
    'Invoice',
    'Invoice No',
    'Invoice Number',
    'Claim No',
    'Claim Number',
    'HAR',
    'Hospital Account',
    'Encounter #',
    'Encounter',
    'ICN',
  ],
  provider: [
    'Rendering Provider',
    'Rendering Prov',
    'Rendering',
    'Rendering Therapist',
    'Provider',
    'Therapist',
    'Clinician',
    'Treating Provider',
  ],
};

/**
 * Numbered modifier columns: `Mod1`..`Mod4`, `Mod 1`, `Modifier 1`..`Modifier 4`, `CPT Mod 1`, and
 * a practice-management report's narrow `M1`..`M4` beside `Proc`.
 */
const NUMBERED_MODIFIER = /^(?:(?:cpt|proc)?mod(?:ifier)?|m)([1-4])$/;

export function normalizeHeader(header: string): string {
  return header
    .replace(FORM_BOX_REF, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A claim form's box number after a header ("DOS From (24A)", "Units (24G)", "Patient Name (2)"). */
const FORM_BOX_REF = /\s*\((?:box\s*)?\d{1,2}[a-z]?\)\s*$/i;

/**
 * Headers whose "#" changes the field: "Patient #" beside "Patient" is the practice's patient
 * number, the chart's own, not the name. Elsewhere "Claim #" is the claim as "Claim" is.
 */
const NUMBER_OF: ReadonlyMap<string, LedgerField> = new Map([
  ['patient', 'mrn'],
  ['pt', 'mrn'],
  ['client', 'mrn'],
]);

function numberHeaderField(header: string): LedgerField | null {
  const m = /^\s*(.+?)\s*(?:#|No\.?|Number)\s*$/i.exec(header);
  return m ? (NUMBER_OF.get(normalizeHeader(m[1]!)) ?? null) : null;
}

/** Field and rank (position among the field's synonyms) by normalized header; first one kept. */
const FIELD_BY_HEADER: ReadonlyMap<string, { field: LedgerField; rank: number }> = (() => {
  const map = new Map<string, { field: LedgerField; rank: number }>();
  for (const [field, names] of Object.entries(LEDGER_HEADER_SYNONYMS) as Array<
    [LedgerField, readonly string[]]
  >) {
    names.forEach((n, rank) => {
      const key = normalizeHeader(n);
      if (!map.has(key)) map.set(key, { field, rank });
    });
  }
  return map;
})();

/**
 * A "Code Type" cell that says the row's code is a diagnosis (OpenEMR lists ICD10 justification
 * rows beside CPT4 service rows): such a row is not a billed service.
 */
export const DIAGNOSIS_CODE_TYPE = /^\s*(?:ICD|DSM|SNOMED|DX\b|diag)/i;

/**
 * A transaction type that posts money against a charge rather than billing a service ("Insurance
 * Payment", "Insurance Adjustment", "Patient Pmt", "Write-Off", "Refund", "Transfer to Patient").
 */
export const NOT_A_CHARGE_TRANSACTION =
  /\b(?:pay(?:ment)?s?|pmts?|paid|adj(?:ustment)?s?|write[- ]?offs?|w\/o|refunds?|transfers?|credits?|deposits?|reversals?|voids?|recoup\w*)\b/i;

export interface LedgerColumns {
  /** Column index per field: the column whose synonym ranks first, else the leftmost. */
  fields: Partial<Record<LedgerField, number>>;
  /** Numbered modifier columns in order Mod1..Mod4. */
  modifierColumns: number[];
  headers: string[];
}

export function mapLedgerHeaders(headers: string[]): LedgerColumns {
  const fields: Partial<Record<LedgerField, number>> = {};
  const rankOf: Partial<Record<LedgerField, number>> = {};
  const numbered: Array<[number, number]> = [];
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    const numberedMatch = NUMBERED_MODIFIER.exec(key);
    if (numberedMatch) {
      numbered.push([Number(numberedMatch[1]), index]);
      return;
    }
    const numberField = numberHeaderField(header);
    // Below every named synonym: an "MRN" or "Chart #" column beside it is the chart's number.
    const hit = numberField ? { field: numberField, rank: 1000 } : FIELD_BY_HEADER.get(key);
    if (!hit) return;
    const rank = rankOf[hit.field];
    if (rank === undefined || hit.rank < rank) {
      fields[hit.field] = index;
      rankOf[hit.field] = hit.rank;
    }
  });
  // A header none of the synonyms names may still say what it holds by a word in it ("Units
  // Billed", "Ins Carrier"): a units column read as 1 per row, or a payer lost, changes the review.
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    for (const [field, re] of HEADER_WORDS) {
      if (fields[field] === undefined && re.test(key) && !isTaken(fields, index)) {
        fields[field] = index;
        break;
      }
    }
  });
  // A charge ledger whose only date column is a plain "Date" dates each charge by its service:
  // with another date column beside it ("Post Date", "Date") the plain one says nothing.
  if (fields.dos === undefined) {
    const dated = headers.filter((h) => /date|\bdt\b/i.test(h));
    const plain = headers.findIndex((h) => normalizeHeader(h) === normalizeHeader('Date'));
    if (dated.length === 1 && plain >= 0 && !isTaken(fields, plain)) fields.dos = plain;
  }
  numbered.sort((a, b) => a[0] - b[0]);
  return { fields, modifierColumns: numbered.map(([, i]) => i), headers };
}

/** Words inside a header that say its field (normalized: lower case, letters and digits only). */
const HEADER_WORDS: ReadonlyArray<[LedgerField, RegExp]> = [
  ['units', /^(?!.*(?:price|charge|amount|amt|cost|fee|rate)).*(?:units?|qty|quantity)/],
  [
    'payer',
    /^(?!.*(?:class|type|category|paid|allow|id|number|no$)).*(?:carrier|insur|payer|payor)/,
  ],
  ['patient', /^(?:patient|resident|client|member|claimant|injuredworker)(?:fullname|name)?$/],
  // "HCPCS/CPT", "CPT4 Code", "Proc (CPT)": a procedure code column, not its description or fee.
  ['code', /^(?!.*(?:desc|name|text|fee|charge|price|amount|amt|rate|mod|units?)).*(?:cpt|hcpcs)/],
  // "Primary Allowed", "Allowed $ (Expected)": an amount allowed, not a count of allowed units or
  // visits, not what is left of it, and not an allowance (the contractual write-off).
  [
    'allowed',
    /^(?!.*(?:disallow|notallow|nonallow|units?|visits?|qty|remain|left|balance|variance|diff|allowance)).*allow(?:ed|able)/,
  ],
];

const isTaken = (fields: Partial<Record<LedgerField, number>>, index: number): boolean =>
  Object.values(fields).includes(index);

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
