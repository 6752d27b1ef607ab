import { useEffect, useId, useState } from 'react';
import type { AppInfo, ChartReadyApi } from '../../shared/api';
import type { ClinicSettings } from '../../shared/settings';
import { messageOf } from '../api';
import { PayersSection } from './PayersSection';

type TextKey = Exclude<keyof ClinicSettings, 'addressLines' | 'defaultPayerProfile'>;

const FIELDS: Array<{ key: TextKey; label: string; hint?: string; type?: string }> = [
  { key: 'clinicName', label: 'Clinic name' },
  { key: 'phone', label: 'Phone', type: 'tel' },
  { key: 'fax', label: 'Fax', type: 'tel' },
  { key: 'npi', label: 'NPI', hint: '10 digits' },
  { key: 'taxId', label: 'Tax ID' },
  { key: 'contactName', label: 'Contact name' },
  { key: 'contactEmail', label: 'Contact email', type: 'email' },
  { key: 'signerName', label: 'Signer name' },
  { key: 'signerTitle', label: 'Signer title', hint: 'e.g. PT, DPT, Clinic Director' },
  { key: 'reviewerName', label: 'Reviewer name', hint: 'recorded with your decisions on findings' },
];

function Field({
  label,
  hint,
  type,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  type?: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>
        {label}
        {hint && <span className="muted small"> ({hint})</span>}
      </label>
      <input
        id={id}
        type={type ?? 'text'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}

export function SettingsScreen({ api }: { api: ChartReadyApi }) {
  const addrId = useId();
  const profileId = useId();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [s, setS] = useState<ClinicSettings | null>(null);
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([api.info(), api.getSettings()])
      .then(([i, settings]) => {
        setInfo(i);
        setS(settings);
        setAddress(settings.addressLines.join('\n'));
      })
      .catch((err: unknown) => setError(messageOf(err)));
  }, [api]);

  async function save() {
    if (!s) return;
    setError(null);
    setStatus(null);
    const clean = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
    const next: ClinicSettings = {
      ...s,
      ...Object.fromEntries(FIELDS.map((f) => [f.key, clean(s[f.key])])),
      addressLines: address
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    };
    try {
      const saved = await api.saveSettings(next);
      setS(saved);
      setAddress(saved.addressLines.join('\n'));
      setStatus('Settings saved.');
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <div className="screen">
      <h1>Settings</h1>
      {!s && !error && <p role="status">Loading…</p>}
      {s && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <section aria-labelledby="letterhead-h" className="panel">
            <h2 id="letterhead-h">Letterhead and signature</h2>
            <p className="muted small">
              Used on appeal letters. Anything left blank is flagged on the packet, never invented.
            </p>
            <div className="form-grid">
              {FIELDS.slice(0, 1).map((f) => (
                <Field
                  key={f.key}
                  label={f.label}
                  hint={f.hint}
                  type={f.type}
                  value={s[f.key] ?? ''}
                  onChange={(v) => setS({ ...s, [f.key]: v })}
                />
              ))}
              <label htmlFor={addrId}>Address (one line each)</label>
              <textarea
                id={addrId}
                rows={3}
                value={address}
                onChange={(e) => setAddress(e.target.value)}
              />
              {FIELDS.slice(1).map((f) => (
                <Field
                  key={f.key}
                  label={f.label}
                  hint={f.hint}
                  type={f.type}
                  value={s[f.key] ?? ''}
                  onChange={(v) => setS({ ...s, [f.key]: v })}
                />
              ))}
            </div>
          </section>
          <section aria-labelledby="review-h" className="panel">
            <h2 id="review-h">Review</h2>
            <div className="form-grid">
              <label htmlFor={profileId}>Default payer profile</label>
              <select
                id={profileId}
                value={s.defaultPayerProfile ?? ''}
                onChange={(e) => setS({ ...s, defaultPayerProfile: e.target.value || null })}
              >
                <option value="">Choose by payer (automatic)</option>
                {info?.profiles.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.label}
                  </option>
                ))}
              </select>
              <span>Database</span>
              <span className="mono" data-testid="db-path">
                {info?.dbPath}
              </span>
              <span>Version</span>
              <span>{info?.version}</span>
            </div>
          </section>
          <div className="button-row">
            <button type="submit" className="primary">
              Save settings
            </button>
          </div>
        </form>
      )}
      {status && <p role="status">{status}</p>}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <PayersSection api={api} />
    </div>
  );
}
