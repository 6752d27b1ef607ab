/** NPI check digit (CMS: Luhn over the prefix 80840 and the first nine digits). */
import { describe, expect, it } from 'vitest';
import { isValidNpi } from '../../shared/npi';
import { ClinicSettingsSchema } from '../../shared/api-schemas';
import { EMPTY_SETTINGS } from '../../shared/settings';

describe('NPI check digit', () => {
  it('accepts the CMS worked example 123456789 + check digit 3, and refuses every other last digit', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    for (const d of '012456789') expect(isValidNpi(`123456789${d}`)).toBe(false);
  });

  it('refuses a transposition of two neighbouring digits and anything not 10 digits', () => {
    expect(isValidNpi('2134567893')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678931')).toBe(false);
    expect(isValidNpi('12345678a3')).toBe(false);
  });

  it('the settings schema says which field and why', () => {
    const r = ClinicSettingsSchema.safeParse({ ...EMPTY_SETTINGS, npi: '1234567890' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['npi'] });
    expect(r.error?.issues[0]?.message).toContain('check digit');
  });
});
