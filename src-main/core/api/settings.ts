import { z } from 'zod';
import { EMPTY_SETTINGS, type ClinicSettings } from '../../../shared/settings';
import { EinSchema, EmailSchema, NpiSchema, PhoneSchema } from '../../../shared/api-schemas';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';

const nullableText = z.string().trim().max(500).nullable();
/** Printed on appeal letters: checked as the Settings screen checks them (shared schemas). */
const printed = (schema: z.ZodType<string, string>) => z.string().trim().pipe(schema).nullable();

export const clinicSettingsSchema = z.object({
  clinicName: nullableText,
  addressLines: z.array(z.string().max(200)).max(6),
  phone: printed(PhoneSchema),
  fax: printed(PhoneSchema),
  npi: NpiSchema.nullable(),
  taxId: printed(EinSchema),
  contactName: nullableText,
  contactEmail: printed(EmailSchema),
  signerName: nullableText,
  signerTitle: nullableText,
  defaultPayerProfile: nullableText,
  reviewerName: nullableText.optional(),
});

/** Settings live in the database, so a chart's packets always use that clinic's letterhead. */
export function getSettings(db: Db): ClinicSettings {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'clinic'").get() as
    { value: string } | undefined;
  if (!row) return { ...EMPTY_SETTINGS };
  // Read leniently: a value saved before it was checked (NPI check digit, phone, email, tax ID)
  // must not lose the rest.
  const lenient = z.string().nullable().optional();
  const parsed = clinicSettingsSchema
    .partial()
    .extend({ npi: lenient, phone: lenient, fax: lenient, taxId: lenient, contactEmail: lenient })
    .safeParse(JSON.parse(row.value));
  return { ...EMPTY_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export function saveSettings(db: Db, settings: ClinicSettings): ClinicSettings {
  const valid = clinicSettingsSchema.parse(settings);
  db.prepare(
    "INSERT INTO settings (key, value) VALUES ('clinic', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(JSON.stringify(valid));
  // Which settings are filled in; the values are the clinic's, but the log needs only the keys.
  recordAudit(db, 'settings', {
    keys: Object.entries(valid)
      .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([k]) => k),
  });
  return valid;
}
