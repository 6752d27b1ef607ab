/**
 * What prints on appeal letters is checked in the core as on the Settings screen (issue 15):
 * email, phone, fax and tax ID (EIN), so the API refuses what the screen refuses.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_SETTINGS } from '../../shared/settings';
import { ClinicSettingsSchema } from '../../shared/api-schemas';
import { openDatabase } from '../../src-main/core/store/db';
import { getSettings, saveSettings } from '../../src-main/core/api/settings';

describe('clinic settings printed on letters', () => {
  it('refuses a bad email, phone, fax or tax ID in the core, and the screen schema agrees', () => {
    const db = openDatabase(':memory:');
    for (const [field, value] of [
      ['contactEmail', 'not-an-email'],
      ['phone', 'abc'],
      ['fax', '12345'],
      ['taxId', '12'],
      ['taxId', '12-34567890'],
    ] as const) {
      const bad = { ...EMPTY_SETTINGS, [field]: value };
      expect(() => saveSettings(db, bad), `${field} ${value}`).toThrow();
      const r = ClinicSettingsSchema.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual([field]);
    }
    expect(getSettings(db).contactEmail).toBeNull();
    db.close();
  });

  it('accepts the ways people write them', () => {
    const db = openDatabase(':memory:');
    const good = {
      ...EMPTY_SETTINGS,
      contactEmail: 'billing@riverbend.example',
      phone: '(217) 555-0142',
      fax: '+1 217.555.0143 x12',
      taxId: '365550142',
    };
    expect(ClinicSettingsSchema.safeParse(good).success).toBe(true);
    expect(saveSettings(db, good).phone).toBe('(217) 555-0142');
    expect(saveSettings(db, { ...good, taxId: '36-5550142' }).taxId).toBe('36-5550142');
    db.close();
  });
});
