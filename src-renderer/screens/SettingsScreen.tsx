import { useEffect, useId, useRef, useState } from 'react';
import type { AppInfo, ChartReadyApi } from '../../shared/api';
import type { ClinicSettings } from '../../shared/settings';
import { ApiError, messageOf } from '../api';
import { ClinicSettingsSchema } from '../../shared/api-schemas';
import { PayersSection } from './PayersSection';
import { DataSection } from './DataSection';

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
  name,
  label,
  hint,
  type,
  value,
  error,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  type?: string;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  const errorId = useId();
  return (
    <>
      <label htmlFor={id}>
        {label}
        {hint && <span className="muted small"> ({hint})</span>}
      </label>
      <span className="field-with-error">
        <input
          id={id}
          name={name}
          type={type ?? 'text'}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {error && (
          <span id={errorId} className="field-error">
            {label} {error}
          </span>
        )}
      </span>
    </>
  );
}

/** Unsaved edits, kept while the user looks elsewhere in the app (never silently dropped). */
const DRAFT_KEY = 'chartready.settings.draft';

/** The settings as they would be saved: text fields trimmed, blanks as null. */
function cleaned(s: ClinicSettings, address: string): ClinicSettings {
  const clean = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
  return {
    ...s,
    ...Object.fromEntries(FIELDS.map((f) => [f.key, clean(s[f.key])])),
    addressLines: address
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  };
}

export function SettingsScreen({ api }: { api: ChartReadyApi }) {
  const addrId = useId();
  const profileId = useId();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [s, setS] = useState<ClinicSettings | null>(null);
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string>('');
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    Promise.all([api.info(), api.getSettings()])
      .then(([i, settings]) => {
        setInfo(i);
        setSaved(JSON.stringify(cleaned(settings, settings.addressLines.join('\n'))));
        const draft = window.sessionStorage.getItem(DRAFT_KEY);
        const kept = draft ? (JSON.parse(draft) as { s: ClinicSettings; address: string }) : null;
        setS(kept?.s ?? settings);
        setAddress(kept?.address ?? settings.addressLines.join('\n'));
        if (kept) setStatus('Your unsaved changes were kept: save them or discard them.');
      })
      .catch((err: unknown) => setError(messageOf(err)));
  }, [api]);

  const dirty = s !== null && JSON.stringify(cleaned(s, address)) !== saved;
  // Keep unsaved edits for this session, and warn before the window closes with them.
  useEffect(() => {
    if (!s) return;
    if (dirty) window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ s, address }));
    else window.sessionStorage.removeItem(DRAFT_KEY);
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [s, address, dirty]);

  /** Shows each problem beside its field and moves focus to the first. */
  function showFieldErrors(errors: Record<string, string>) {
    setFieldErrors(errors);
    const first = Object.keys(errors)[0];
    if (first)
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus(),
      );
  }

  async function save() {
    if (!s) return;
    setError(null);
    setStatus(null);
    const next = cleaned(s, address);
    const check = ClinicSettingsSchema.safeParse(next);
    if (!check.success) {
      const errors: Record<string, string> = {};
      for (const issue of check.error.issues) {
        const key = String(issue.path[0] ?? '');
        errors[key] ??= issue.message;
      }
      return showFieldErrors(errors);
    }
    setFieldErrors({});
    try {
      const stored = await api.saveSettings(next);
      setSaved(JSON.stringify(cleaned(stored, stored.addressLines.join('\n'))));
      setS(stored);
      setAddress(stored.addressLines.join('\n'));
      setStatus('Settings saved.');
    } catch (err) {
      if (err instanceof ApiError && err.field) showFieldErrors({ [err.field]: messageOf(err) });
      else setError(messageOf(err));
    }
  }

  async function discard() {
    const settings = await api.getSettings();
    window.sessionStorage.removeItem(DRAFT_KEY);
    setS(settings);
    setAddress(settings.addressLines.join('\n'));
    setFieldErrors({});
    setStatus('Unsaved changes discarded.');
  }

  return (
    <div className="screen">
      <h1>Settings</h1>
      {!s && !error && <p role="status">Loading…</p>}
      {s && (
        <form
          ref={formRef}
          noValidate
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
                  name={f.key}
                  label={f.label}
                  hint={f.hint}
                  type={f.type}
                  value={s[f.key] ?? ''}
                  error={fieldErrors[f.key]}
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
                  name={f.key}
                  label={f.label}
                  hint={f.hint}
                  type={f.type}
                  value={s[f.key] ?? ''}
                  error={fieldErrors[f.key]}
                  onChange={(v) => setS({ ...s, [f.key]: v })}
                />
              ))}
            </div>
          </section>
          <section aria-labelledby="review-h" className="panel">
            <h2 id="review-h">Review</h2>
            <div className="form-grid">
              <label htmlFor={profileId}>Payer profile for every episode</label>
              <div>
                <select
                  id={profileId}
                  aria-describedby={`${profileId}-hint`}
                  value={s.defaultPayerProfile ?? ''}
                  onChange={(e) => setS({ ...s, defaultPayerProfile: e.target.value || null })}
                >
                  <option value="">Each episode's payer chooses (automatic)</option>
                  {info?.profiles.map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.label}
                    </option>
                  ))}
                </select>
                <p className="muted field-note" id={`${profileId}-hint`}>
                  A profile chosen here is applied to every episode instead of the one its payer
                  chooses; a profile set on an episode's own page still comes first.
                </p>
              </div>
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
            {dirty && (
              <button type="button" onClick={() => void discard()}>
                Discard changes
              </button>
            )}
            {dirty && <span className="muted">Unsaved changes</span>}
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
      <DataSection api={api} />
    </div>
  );
}
