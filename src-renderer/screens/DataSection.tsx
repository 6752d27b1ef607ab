import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AuditCheck, ChartReadyApi, DataInfo } from '../../shared/api';
import { messageOf } from '../api';
import { Button } from '../components/Button';

const bytes = (n: number) =>
  n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** After another database is opened every screen's data is stale: start the app again on it. */
function restartOnNewStore(): void {
  // No screen named: the app opens on its home for this database (Readiness, or the welcome).
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  window.location.reload();
}

/**
 * Settings › Data: the database in use and where it lives, the recent ones (a consultant keeps one
 * per client) to switch to, opening or creating another by path, a backup copy, checking the
 * audit log's hash chain; and About (versions).
 */
export function DataSection({ api }: { api: ChartReadyApi }) {
  const [info, setInfo] = useState<DataInfo | null>(null);
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [backupPath, setBackupPath] = useState('');
  const [audit, setAudit] = useState<AuditCheck | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { path: useId(), pass: useId(), backup: useId() };

  useEffect(() => {
    api
      .getDataInfo()
      .then(setInfo)
      .catch((err: unknown) => setError(messageOf(err)));
  }, [api]);

  async function act(what: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await what();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const open = (target: string, create: boolean) =>
    act(async () => {
      await api.openStore({ path: target, create, passphrase: passphrase || null });
      restartOnNewStore();
    });

  const submitOpen = (e: FormEvent, create: boolean) => {
    e.preventDefault();
    if (!path.trim()) return setError('Enter the path of the database file.');
    void open(path.trim(), create);
  };

  return (
    <section aria-labelledby="data-h" className="panel" data-testid="data-section">
      <h2 id="data-h">Data</h2>
      {info && (
        <dl className="facts">
          <div>
            <dt>Database in use</dt>
            <dd className="mono" data-testid="db-path">
              {info.dbPath}
            </dd>
          </div>
          <div>
            <dt>Size</dt>
            <dd>{bytes(info.sizeBytes)}</dd>
          </div>
          <div>
            <dt>Encrypted</dt>
            <dd>{info.encrypted ? 'Yes' : 'No'}</dd>
          </div>
        </dl>
      )}
      {info && info.recent.length > 0 && (
        <>
          <h3>Recent databases</h3>
          <ul className="recent-stores" aria-label="Recent databases">
            {info.recent.map((r) => (
              <li key={r.path}>
                <span className="mono">{r.path}</span>{' '}
                <span className="muted small">opened {r.openedAt.slice(0, 10)}</span>{' '}
                {r.path === info.dbPath ? (
                  <span className="small">(in use)</span>
                ) : r.exists ? (
                  <Button
                    type="button"
                    disabled={busy}
                    aria-label={`Open ${r.path}`}
                    onClick={() => void open(r.path, false)}
                  >
                    Open
                  </Button>
                ) : (
                  <span className="small">(moved or deleted)</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Open or create another database</h3>
      <p className="small muted">
        One database per client keeps each client&apos;s charts, decisions and reports apart.
      </p>
      <form className="form-grid" onSubmit={(e) => submitOpen(e, false)}>
        <label htmlFor={ids.path}>Database file</label>
        <input
          id={ids.path}
          value={path}
          spellCheck={false}
          placeholder="/path/to/client.db"
          onChange={(e) => setPath(e.target.value)}
        />
        <label htmlFor={ids.pass}>Passphrase (encrypted databases only)</label>
        <input
          id={ids.pass}
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <span />
        <div className="button-row">
          <Button type="submit" disabled={busy}>
            Open database
          </Button>
          <Button type="button" disabled={busy} onClick={(e) => submitOpen(e, true)}>
            Create new database
          </Button>
        </div>
      </form>
      <h3>Backup and audit log</h3>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          if (!backupPath.trim()) return setError('Enter where to write the backup.');
          void act(async () => {
            const r = await api.backupStore({ path: backupPath.trim() });
            setStatus(`Backup written to ${r.path} (${bytes(r.bytes)}).`);
          });
        }}
      >
        <label htmlFor={ids.backup}>Backup file (new)</label>
        <input
          id={ids.backup}
          value={backupPath}
          spellCheck={false}
          placeholder="/path/to/backup.db"
          onChange={(e) => setBackupPath(e.target.value)}
        />
        <span />
        <div className="button-row">
          <Button type="submit" disabled={busy}>
            Write backup
          </Button>
          <Button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const a = await api.checkAuditLog();
                setAudit(a);
              })
            }
          >
            Verify audit log
          </Button>
        </div>
      </form>
      {audit && (
        <p data-testid="audit-check" className={audit.ok ? '' : 'error-text'}>
          {audit.ok
            ? `Audit log verified: ${audit.entries} entries, hash chain intact.`
            : `Audit log BROKEN at entry ${audit.brokenId}: ${audit.reason}`}
        </p>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {info && (
        <>
          <h3>About</h3>
          <dl className="facts" data-testid="about">
            <div>
              <dt>ChartReady</dt>
              <dd>{info.version}</dd>
            </div>
            <div>
              <dt>Rules</dt>
              <dd className="mono">{info.rulesVersion}</dd>
            </div>
            <div>
              <dt>Note reader</dt>
              <dd>version {info.extractorVersion}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
