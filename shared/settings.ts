/** Clinic settings used for packet letterhead and signature block. Missing values are flagged, never invented. */
export interface ClinicSettings {
  clinicName: string | null;
  addressLines: string[];
  phone: string | null;
  fax: string | null;
  npi: string | null;
  taxId: string | null;
  contactName: string | null;
  contactEmail: string | null;
  signerName: string | null;
  signerTitle: string | null;
  defaultPayerProfile: string | null;
  /** Who records reviewer decisions on findings (else the operating-system user). */
  reviewerName?: string | null;
}

export const EMPTY_SETTINGS: ClinicSettings = {
  clinicName: null,
  addressLines: [],
  phone: null,
  fax: null,
  npi: null,
  taxId: null,
  contactName: null,
  contactEmail: null,
  signerName: null,
  signerTitle: null,
  defaultPayerProfile: null,
};
