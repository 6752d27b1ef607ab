import { useEffect, useState } from 'react';
import type { ChartReadyApi, ReanalyzeResponse } from '../../shared/api';
import { messageOf } from '../api';
import { Button } from '../components/Button';

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
      if (r.files > 0) onDone();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const status = busy
    ? 'Reading again…'
    : !result
      ? ''
      : result.files === 0
        ? 'No file could be read again; each keeps what it had.'
        : `Read ${plural(result.files, 'file')} again: ${plural(result.documentsBefore, 'document')} before, ${result.documentsAfter} now. The review below uses what this version reads.`;

  return (
    <section aria-labelledby="reader-h" className="panel attention" data-testid="reader-notice">
      <h2 id="reader-h">Notes read by an older version</h2>
      {due > 0 && !result && (
        <p>
          {due} imported file{due === 1 ? ' was' : 's were'} read by an older version of the note
          reader, so the review does not see what this version reads from{' '}
          {due === 1 ? 'it' : 'them'} (illegible signatures and signature logs, for one). Reading
          again uses the stored pages; the files and pages that findings cite stay the same.
        </p>
      )}
      {/* Present from the start, so screen readers announce what it says when it changes. */}
      <p role="status" aria-live="polite">
        {status}
      </p>
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
      {due > 0 && (
        <div className="button-row">
          <Button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void readAgain()}
          >
            {result ? 'Try again' : 'Read again'}
          </Button>
        </div>
      )}
    </section>
  );
}
