/** Which clinic settings the letter or cover sheet needs; missing ones are flagged, never invented. */
import type { ClinicSettings } from '../../../shared/settings';
import type { PacketKind } from './types';

export type SettingKey = keyof Omit<ClinicSettings, 'defaultPayerProfile' | 'reviewerName'>;

export const SETTING_LABELS: Record<SettingKey, string> = {
  clinicName: 'clinic name',
  addressLines: 'clinic address',
  phone: 'clinic phone',
  fax: 'clinic fax',
  npi: 'clinic NPI',
  taxId: 'clinic tax ID',
  contactName: 'contact name',
  contactEmail: 'contact email',
  signerName: 'signer name',
  signerTitle: 'signer title',
};

const REQUIRED: Record<PacketKind, SettingKey[]> = {
  appeal: ['clinicName', 'addressLines', 'phone', 'npi', 'taxId', 'signerName', 'signerTitle'],
  // ADR cover sheet (rules.md section 6): provider identity and a contact for the reviewer.
  adr: ['clinicName', 'addressLines', 'phone', 'npi', 'contactName'],
};

function isBlank(value: ClinicSettings[SettingKey]): boolean {
  if (Array.isArray(value)) return value.every((v) => !v.trim());
  return value === null || !value.trim();
}

export function missingSettings(settings: ClinicSettings, kind: PacketKind): SettingKey[] {
  return REQUIRED[kind].filter((k) => isBlank(settings[k]));
}

/** The visible stand-in the letter prints for a missing setting. */
export function placeholder(key: SettingKey): string {
  return `[${SETTING_LABELS[key]} missing - set it in Settings]`;
}

/** The setting's value, or its visible placeholder when blank. */
export function settingOrPlaceholder(
  settings: ClinicSettings,
  key: Exclude<SettingKey, 'addressLines'>,
): string {
  const v = settings[key];
  return v && v.trim() ? v.trim() : placeholder(key);
}
