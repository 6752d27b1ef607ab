import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtInProfiles,
  CATALOG_RULE_IDS,
  loadPayerProfile,
  payerProfileSchema,
  profileForPayer,
} from '../../../src-main/core/review/profiles';
import { billingRules } from '../../../src-main/core/review/rules/billing';

const dir = mkdtempSync(join(tmpdir(), 'chartready-profile-'));
function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('built-in payer profiles', () => {
  it('are the five catalog profiles, each valid and covering every catalog rule id', () => {
    const profiles = builtInProfiles();
    expect(profiles.map((p) => p.name)).toEqual([
      'medicare',
      'workers-comp',
      'texas-wc',
      'california-wc',
      'commercial',
    ]);
    expect(CATALOG_RULE_IDS).toHaveLength(29);
    for (const p of profiles) {
      expect(payerProfileSchema.safeParse(p).success).toBe(true);
      expect(Object.keys(p.rules).sort()).toEqual([...CATALOG_RULE_IDS].sort());
    }
  });

  it('billing rules are catalog ids in catalog order', () => {
    const ids = billingRules.map((r) => r.meta.id);
    expect(ids.every((id) => CATALOG_RULE_IDS.includes(id))).toBe(true);
    expect(ids.filter((id) => id !== 'DOC-DAILY-TIME')).toEqual(
      CATALOG_RULE_IDS.filter((id) => !id.startsWith('DOC-')),
    );
  });

  it('Medicare: no AUTH-* or PROG-DURATION; KX and MUE values per catalog', () => {
    const m = loadPayerProfile('medicare');
    expect(m.rules['AUTH-PRESENT']?.applies).toBe(false);
    expect(m.rules['PROG-DURATION']?.applies).toBe(false);
    expect(m.thresholds.mue['97546']).toBe(2);
    expect(m.thresholds.kxThresholds['2025']).toBe(2410);
    expect(m.thresholds.progressEveryCalendarDays).toBeNull();
  });

  it('picks the profile for a payer kind and state', () => {
    expect(profileForPayer('medicare', null).name).toBe('medicare');
    expect(profileForPayer('workers-comp', 'TX').name).toBe('texas-wc');
    expect(profileForPayer('workers-comp', 'ca').name).toBe('california-wc');
    expect(profileForPayer('workers-comp', 'NC').name).toBe('workers-comp');
    expect(profileForPayer('commercial', null).name).toBe('commercial');
    expect(profileForPayer('other', null).name).toBe('commercial');
    expect(profileForPayer('workers-comp', 'TX').thresholds.timeRule).toBe('texas-dwc');
  });

  it('returns copies, so callers cannot change the built-ins', () => {
    loadPayerProfile('medicare').thresholds.mue['97546'] = 9;
    expect(loadPayerProfile('medicare').thresholds.mue['97546']).toBe(2);
  });
});

describe('loadPayerProfile from a JSON file', () => {
  it('loads a full profile file', () => {
    const p = file('full.json', loadPayerProfile('texas-wc'));
    expect(loadPayerProfile(p).name).toBe('texas-wc');
  });

  it('extends a built-in profile', () => {
    const p = file('ext.json', {
      extends: 'medicare',
      name: 'my-mac',
      thresholds: { mue: { '97546': 3 } },
    });
    const prof = loadPayerProfile(p);
    expect(prof.name).toBe('my-mac');
    expect(prof.thresholds.mue['97546']).toBe(3);
    expect(prof.thresholds.recertDays).toBe(90);
  });

  it('names the file and field path of a wrong type', () => {
    const bad = loadPayerProfile('medicare') as unknown as {
      thresholds: { mue: Record<string, unknown> };
    };
    bad.thresholds.mue['97546'] = 'two';
    const p = file('profile.json', bad);
    expect(() => loadPayerProfile(p)).toThrow(
      'profile.json: thresholds.mue.97546: expected a number',
    );
  });

  it('names a missing field and an unknown one', () => {
    const { label: _l, ...noLabel } = loadPayerProfile('commercial');
    expect(() => loadPayerProfile(file('nolabel.json', noLabel))).toThrow(
      /nolabel\.json: label: expected a string/,
    );
    const extra = { ...loadPayerProfile('commercial'), colour: 'red' };
    expect(() => loadPayerProfile(file('extra.json', extra))).toThrow(
      /extra\.json: \(root\): unknown field colour/,
    );
    const sev = loadPayerProfile('commercial') as unknown as { rules: Record<string, unknown> };
    sev.rules['BILL-MUE'] = { applies: true, severity: 'fatal' };
    expect(() => loadPayerProfile(file('sev.json', sev))).toThrow(
      /sev\.json: rules\.BILL-MUE\.severity/,
    );
  });

  it('reports bad JSON and unknown names', () => {
    expect(() => loadPayerProfile(file('broken.json', '{ "name": '))).toThrow(
      /broken\.json: not valid JSON/,
    );
    expect(() => loadPayerProfile('no-such-profile')).toThrow(/not a built-in profile/);
  });
});
