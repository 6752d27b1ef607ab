import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AuditCheck, ChartReadyApi, DataInfo } from '../../shared/api';
import { messageOf } from '../api';
import { Button } from '../components/Button';
import { FieldWithError as PathField } from '../components/FieldWithError';
import { formatBytes } from '../lib/bytes';
import { EncryptedCopy } from './EncryptedCopy';
import { focusHeadingAfterReload } from '../lib/focus-rescue';
import { storeProblem, type StoreProblem } from '../lib/store-errors';
import { localStamp } from '../../shared/dates';

/** After another database is opened every screen's data is stale: start the app again on it. */
function restartOnNewStore(): void {
  // No screen named: the app opens on its home for this database (Readiness, or the welcome).
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  focusHeadingAfterReload();
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
  const [problem, setProblem] = useState<StoreProblem | null>(null);
  const [working, setBusy] = useState(false);
  const [copying, setCopying] = useState(false);
  const busy = working || copying;
  const ids = { path: useId(), pass: useId(), backup: useId() };
  const inputs = {
    path: useRef<HTMLInputElement>(null),
    passphrase: useRef<HTMLInputElement>(null),
    backup: useRef<HTMLInputElement>(null),
  };

  /** Shows the problem beside its field and puts focus there, to correct it. */
  const refuse = (p: StoreProblem) => {
    setProblem(p);
    requestAnimationFrame(() => inputs[p.field as keyof typeof inputs]?.current?.focus());
  };

  useEffect(() => {
    api
      .getDataInfo()
      .then(setInfo)
      .catch((err: unknown) => setError(messageOf(err)));
  }, [api]);

  /** Runs an action; a refusal about a path goes beside that path's field. */
  async function act(
    what: () => Promise<void>,
    about?: { action: 'open' | 'create' | 'backup'; path: string },
  ) {
    setBusy(true);
    setError(null);
    setProblem(null);
    setStatus('');
    try {
      await what();
    } catch (err) {
      if (about) refuse(storeProblem(err, about.action, about.path));
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const open = (target: string, create: boolean) =>
    act(
      async () => {
        await api.openStore({ path: target, create, passphrase: passphrase || null });
        restartOnNewStore();
      },
      { action: create ? 'create' : 'open', path: target },
    );

  const submitOpen = (e: FormEvent, create: boolean) => {
    e.preventDefault();
    if (!path.trim())
      return refuse({ field: 'path', text: 'Enter the path of the database file.' });
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
            <dd>{formatBytes(info.sizeBytes)}</dd>
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
                <span className="muted small">opened {localStamp(r.openedAt, false)}</span>{' '}
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
        <PathField id={ids.path} field="path" problem={problem}>
          {(invalid) => (
            <input
              id={ids.path}
              ref={inputs.path}
              value={path}
              spellCheck={false}
              placeholder="/path/to/client.db"
              onChange={(e) => setPath(e.target.value)}
              {...invalid}
            />
          )}
        </PathField>
        <label htmlFor={ids.pass}>Passphrase (encrypted databases only)</label>
        <PathField id={ids.pass} field="passphrase" problem={problem}>
          {(invalid) => (
            <input
              id={ids.pass}
              ref={inputs.passphrase}
              type="password"
              autoComplete="off"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              {...invalid}
            />
          )}
        </PathField>
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
          const target = backupPath.trim();
          if (!target) return refuse({ field: 'backup', text: 'Enter where to write the backup.' });
          void act(
            async () => {
              const r = await api.backupStore({ path: target });
              setStatus(`Backup written to ${r.path} (${formatBytes(r.bytes)}).`);
            },
            { action: 'backup', path: target },
          );
        }}
      >
        <label htmlFor={ids.backup}>Backup file (new)</label>
        <PathField id={ids.backup} field="backup" problem={problem}>
          {(invalid) => (
            <input
              id={ids.backup}
              ref={inputs.backup}
              value={backupPath}
              spellCheck={false}
              placeholder="/path/to/backup.db"
              onChange={(e) => setBackupPath(e.target.value)}
              {...invalid}
            />
          )}
        </PathField>
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
      <EncryptedCopy
        api={api}
        disabled={busy}
        onBusy={setCopying}
        onOpenCopy={(copy) => {
          // Opening needs the passphrase: the open form asks for it (the page did not keep it).
          setPath(copy);
          setPassphrase('');
          setProblem(null);
          setStatus(`Enter the passphrase of ${copy}, then choose Open database.`);
          inputs.passphrase.current?.focus();
        }}
      />
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
