import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { ImportFileResult, ImportResponse, UploadedFile } from '../../shared/api';
import { fileToBase64, messageOf, type Backend } from '../api';
import { href } from '../lib/route';
import { UnassignedBillingRows } from './UnassignedBilling';
import { UnassignedDocuments } from './UnassignedDocuments';
import { Button } from '../components/Button';
import { FilePath } from '../components/FilePath';
import { importAdvice } from '../../shared/import-advice';

/** Walk dropped folders (browser File System entries) into plain files with relative names. */
async function filesFromDrop(e: DragEvent): Promise<Array<{ file: File; name: string }>> {
  const out: Array<{ file: File; name: string }> = [];
  const entries = [...e.dataTransfer.items]
    .map((i) => (i.kind === 'file' ? i.webkitGetAsEntry?.() : null))
    .filter((x): x is FileSystemEntry => !!x);
  if (entries.length === 0) {
    for (const f of [...e.dataTransfer.files]) out.push({ file: f, name: f.name });
    return out;
  }
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) =>
        (entry as FileSystemFileEntry).file(ok, fail),
      );
      out.push({ file, name: prefix + entry.name });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((ok, fail) =>
          reader.readEntries(ok, fail),
        );
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await walk(entry, '');
  return out;
}

function where(f: ImportFileResult): string {
  if (f.line != null) return `line ${f.line}`;
  if (f.page != null) return `page ${f.page}`;
  return '';
}

/** Which finished import's result this session's Import screen last showed (its end time). */
const SHOWN_KEY = 'chartready.import.shown';
const wasShown = (at: string) => sessionStorage.getItem(SHOWN_KEY) === at;
const markShown = (at: string) => sessionStorage.setItem(SHOWN_KEY, at);

export function ImportScreen({ backend }: { backend: Backend }) {
  const { api, shell } = backend;
  const pathsId = useId();
  const [paths, setPaths] = useState('');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<ImportFileResult[]>([]);
  /** Files done of the total and the current file, from progress events or importStatus. */
  const [live, setLive] = useState<{ done: number; total: number | null; current: string | null }>({
    done: 0,
    total: null,
    current: null,
  });
  const [cancelling, setCancelling] = useState(false);
  // The page OCR is reading now (the slow step), cleared when its file is done.
  const [reading, setReading] = useState<{ file: string; page: number; pages: number } | null>(
    null,
  );
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after each import: the documents without a patient are listed anew.
  const [generation, setGeneration] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  /** False once the user has left this screen: an import it started ends unseen. */
  const onScreen = useRef(true);
  useEffect(() => {
    onScreen.current = true;
    return () => {
      onScreen.current = false;
    };
  }, []);
  // Bumped when an import is refused (another is running): the screen follows that one, and its
  // end clears the refusal.
  const [followKey, setFollowKey] = useState(0);
  // A new, empty database: say what the app is for and offer the sample chart to try it on.
  const [welcome, setWelcome] = useState<{ sample: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    api
      .info()
      .then((i) => live && setWelcome(i.episodes === 0 ? { sample: !!i.sampleChart } : null))
      .catch(() => {
        // The welcome is an offer; the import works without it.
      });
    return () => {
      live = false;
    };
  }, [api, generation]);

  useEffect(
    () =>
      backend.onImportProgress((e) => {
        if ('ocr' in e) {
          setReading(e.ocr);
          setLive((l) => ({ ...l, total: e.total ?? l.total, current: e.ocr.file }));
          return;
        }
        setProgress((p) => [...p, e.current]);
        setReading((r) => (r?.file === e.current.path ? null : r));
        setLive({ done: e.done, total: e.total ?? null, current: e.current.path });
      }),
    [backend],
  );

  // An import runs in the main process whatever screen started it: coming back to this screen
  // shows it live, and its result once it ends.
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = async (first: boolean) => {
      try {
        const s = await api.importStatus();
        if (!live) return;
        if (s.running) {
          setBusy(true);
          setCancelling(s.cancelRequested);
          setLive({ done: s.done, total: s.total, current: s.current });
          timer = setTimeout(() => void follow(false), 700);
        } else if (!first || (s.last && s.lastAt && !wasShown(s.lastAt))) {
          // Ended while followed, or while this screen was elsewhere and its result not yet seen.
          setBusy(false);
          setCancelling(false);
          // A refusal shown while it ran ("an import is already running") no longer holds.
          if (!first) setError(null);
          setResult(s.last);
          if (s.lastAt) markShown(s.lastAt);
          setGeneration((g) => g + 1);
        }
      } catch {
        // The status is a convenience (the import reports its own errors), but a busy main
        // process can miss one answer: keep following a running import.
        if (live && !first) timer = setTimeout(() => void follow(false), 1500);
      }
    };
    void follow(true);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, followKey]);

  async function run(job: () => Promise<ImportResponse>) {
    setBusy(true);
    setError(null);
    setResult(null);
    setProgress([]);
    setLive({ done: 0, total: null, current: null });
    setReading(null);
    try {
      setResult(await job());
      // This result is on screen: coming back later does not show it as news. Ended after the
      // user left, it is news when they come back.
      if (onScreen.current) {
        const s = await api.importStatus().catch(() => null);
        if (s?.lastAt) markShown(s.lastAt);
      }
    } catch (err) {
      setError(messageOf(err));
      // Refused while another import runs: follow it (its progress, then its result).
      setFollowKey((k) => k + 1);
    } finally {
      setBusy(false);
      setCancelling(false);
      setReading(null);
      setGeneration((g) => g + 1);
    }
  }

  async function cancel() {
    setCancelling(true);
    try {
      await api.cancelImport();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  const importPathList = (list: string[]) => {
    const clean = list.map((p) => p.trim()).filter(Boolean);
    if (clean.length === 0) {
      setError('Enter at least one file or folder path.');
      return;
    }
    void run(() => api.importPaths({ paths: clean }));
  };

  const importFiles = (files: Array<{ file: File; name: string }>) => {
    if (files.length === 0) return;
    if (shell) {
      const local = files.map((f) => shell.pathForFile(f.file)).filter(Boolean);
      if (local.length > 0) return importPathList(local);
    }
    void run(async () => {
      const uploads: UploadedFile[] = [];
      for (const f of files) uploads.push({ name: f.name, dataBase64: await fileToBase64(f.file) });
      return api.importUploads({ files: uploads });
    });
  };

  const rejected = result?.files.filter((f) => f.status === 'rejected') ?? [];
  const warned = result?.files.filter((f) => (f.warnings?.length ?? 0) > 0) ?? [];
  // "Where" (a page or line) only when some rejection is at one: a whole file has no place.
  const placed = rejected.some((f) => where(f) !== '');

  return (
    <div className="screen">
      <h1>Import chart exports</h1>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}

      <section aria-labelledby="progress-h" className="panel" hidden={!busy}>
        <h2 id="progress-h">Progress</h2>
        <p role="status" aria-live="polite" data-testid="import-progress">
          {busy
            ? `${cancelling ? 'Cancelling after the current file… ' : 'Importing… '}${live.done}${
                live.total !== null ? ` of ${live.total}` : ''
              } file(s) processed`
            : `${progress.length} file(s) processed`}
          {busy && reading && (
            <>
              ; reading <span className="mono">{reading.file}</span>: page {reading.page} of{' '}
              {reading.pages} (OCR)
            </>
          )}
        </p>
        {busy && live.current && (
          <p className="small muted">
            Current file: <span className="mono">{live.current}</span>
          </p>
        )}
        {busy && (
          <div className="button-row">
            <Button type="button" disabled={cancelling} onClick={() => void cancel()}>
              Cancel import
            </Button>
            {cancelling && reading && (
              <span className="small"> OCR stops after the page it is reading.</span>
            )}
          </div>
        )}
        {busy && progress.length > 0 && (
          <ul className="progress-list">
            {progress.slice(-8).map((f, i) => (
              <li key={`${f.path}-${i}`}>
                <span className={`badge ${f.status}`}>{f.status}</span> {f.path}
              </li>
            ))}
          </ul>
        )}
      </section>

      {result && (
        <section aria-labelledby="result-h" className="panel">
          <h2 id="result-h">Import results</h2>
          <p className="summary-line" data-testid="import-summary">
            <strong>{result.imported}</strong> imported · <strong>{result.skipped}</strong> skipped
            · <strong>{result.rejected}</strong> rejected
          </p>
          {result.cancelled && (
            <p className="flag" data-testid="import-cancelled">
              Import cancelled after {result.files.length} file(s): those listed below were stored,
              the rest were not read. Import the export again to read the rest (files already stored
              are skipped).
            </p>
          )}
          {result.imported > 0 ? (
            <p>
              <a href={href({ name: 'episodes' })}>Review episodes</a>
            </p>
          ) : (
            <p className="muted">Nothing new was imported.</p>
          )}

          {rejected.length > 0 && (
            <>
              <h3>Rejected files</h3>
              <table className="data">
                <caption className="visually-hidden">Files that could not be imported</caption>
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    {placed && <th scope="col">Where</th>}
                    <th scope="col">Reason</th>
                    <th scope="col">What to do</th>
                  </tr>
                </thead>
                <tbody>
                  {rejected.map((f) => (
                    <tr key={f.path}>
                      <td>
                        <FilePath path={f.path} />
                      </td>
                      {placed && <td>{where(f) || 'whole file'}</td>}
                      <td>{f.reason}</td>
                      <td>{importAdvice(f.code, f.ocr)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}

          {warned.length > 0 && (
            <>
              <h3>Warnings</h3>
              <ul className="warnings">
                {warned.map((f) => (
                  <li key={f.path}>
                    <FilePath path={f.path} />
                    <ul>
                      {f.warnings!.map((w, i) => (
                        <li key={i}>{w}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          )}

          <details>
            <summary>All files ({result.files.length})</summary>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Status</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Contents</th>
                </tr>
              </thead>
              <tbody>
                {result.files.map((f) => (
                  <tr key={f.path}>
                    <td>
                      <FilePath path={f.path} />
                    </td>
                    <td>
                      <span className={`badge ${f.status}`}>{f.status}</span>
                    </td>
                    <td>{f.kind ?? ''}</td>
                    <td>
                      {[
                        f.documents ? `${f.documents} document(s)` : '',
                        f.billingLines ? `${f.billingLines} billing line(s)` : '',
                        f.claims ? `${f.claims} claim(s)` : '',
                        f.reason ?? '',
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      )}
      {welcome && !busy && !result && (
        <section className="panel welcome" aria-labelledby="welcome-h" data-testid="welcome">
          <h2 id="welcome-h">Welcome to ChartReady</h2>
          <p>
            ChartReady reads a clinic&apos;s chart export on this computer, checks every episode of
            care against the payers&apos; documentation and billing rules, and builds the appeal or
            records-request packet when a claim is denied. Nothing leaves this machine.
          </p>
          {welcome.sample && (
            <p>
              New here? Try it on the bundled sample chart (four fictional patients, with defects
              planted for it to find).{' '}
              <Button
                type="button"
                disabled={busy}
                onClick={() => void run(() => api.importSample())}
              >
                Try the sample chart
              </Button>
            </p>
          )}
        </section>
      )}
      <p className="lead">
        Bring in notes (PDF, text, HTML), billing ledgers (CSV), remittances (835) and FHIR bundles.
        Files already imported are skipped.
      </p>

      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void filesFromDrop(e).then(importFiles);
        }}
      >
        <p>Drop files or folders here</p>
        <div className="button-row">
          {shell ? (
            <>
              <Button
                type="button"
                disabled={busy}
                onClick={() => void shell.pickImportPaths('folder').then(importPathList)}
              >
                Choose folder…
              </Button>
              <Button
                type="button"
                disabled={busy}
                onClick={() => void shell.pickImportPaths('files').then(importPathList)}
              >
                Choose files…
              </Button>
            </>
          ) : (
            <>
              <Button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
                Choose files…
              </Button>
              <input
                ref={fileInput}
                type="file"
                multiple
                hidden
                aria-hidden="true"
                tabIndex={-1}
                onChange={(e) => {
                  const list = [...(e.target.files ?? [])].map((f) => ({ file: f, name: f.name }));
                  e.target.value = '';
                  importFiles(list);
                }}
              />
            </>
          )}
        </div>
      </div>

      <form
        className="path-form"
        onSubmit={(e) => {
          e.preventDefault();
          importPathList(paths.split('\n'));
        }}
      >
        <label htmlFor={pathsId}>Or type paths on this computer (one per line)</label>
        <textarea
          id={pathsId}
          rows={3}
          value={paths}
          spellCheck={false}
          onChange={(e) => setPaths(e.target.value)}
          placeholder="/path/to/chart-export"
        />
        <div className="button-row">
          <Button type="submit" className="primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </Button>
        </div>
      </form>

      <UnassignedDocuments api={api} generation={generation} />
      <UnassignedBillingRows api={api} generation={generation} />
    </div>
  );
}
