import { useEffect, useState } from 'react';
import type { ChartReadyApi, ReanalyzeResponse } from '../../shared/api';
import { messageOf } from '../api';

/**
 * Says when imported files were read by an older version of the note reader (their facts predate
 * what this version reads) and reads them again on request; `onDone` reloads what depends on them.
 */
export function ReaderNotice({ api, onDone }: { api: ChartReadyApi; onDone: () => void }) {
  const [due, setDue] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReanalyzeResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .info()
      .then((i) => live && setDue(i.filesReadByOlderReader))
      .catch(() => {
        // The notice is an offer, not a requirement: the review works without it.
      });
    return () => {
      live = false;
    };
  }, [api]);

  if (due === 0 && !result) return null;

  const readAgain = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.reanalyze();
      setResult(r);
      setDue(r.failed.length);
      onDone();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="reader-h" className="panel attention" data-testid="reader-notice">
      <h2 id="reader-h">Notes read by an older version</h2>
      {result ? (
        <p role="status">
          Read {result.files} file{result.files === 1 ? '' : 's'} again: {result.documentsBefore}{' '}
          document{result.documentsBefore === 1 ? '' : 's'} before, {result.documentsAfter} now. The
          review below uses what this version reads.
        </p>
      ) : (
        <p>
          {due} imported file{due === 1 ? ' was' : 's were'} read by an older version of the note
          reader, so the review does not see what this version reads from them (illegible signatures
          and signature logs, for one). Reading them again uses the stored pages and keeps every
          citation.
        </p>
      )}
      {result && result.failed.length > 0 && (
        <>
          <p>These files could not be read again and keep what they had:</p>
          <ul>
            {result.failed.map((f) => (
              <li key={f.path}>
                <span className="mono">{f.path}</span>: {f.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!result && (
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void readAgain()}
          >
            {busy ? 'Reading again…' : 'Read them again'}
          </button>
        </div>
      )}
    </section>
  );
}
