import { useId, useMemo, useState } from 'react';
import type { ExportedReport } from '../../shared/api';
import { messageOf, type Backend } from '../api';
import { useDownloadUrl } from '../lib/download-url';
import { Button } from '../components/Button';

const FORMATS = [
  { value: 'pdf', label: 'PDF report', mime: 'application/pdf' },
  {
    value: 'xlsx',
    label: 'Excel workbook (same tables)',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
] as const;
type Format = (typeof FORMATS)[number]['value'];

/**
 * The client report of the stored review, as `chartready report` writes it: saved through the
 * desktop's save dialog, or built and offered as a download in a browser. Either way the export
 * is in the audit log with its hash.
 */
export function ReportExport({ backend }: { backend: Backend }) {
  const { api, shell } = backend;
  const [format, setFormat] = useState<Format>('pdf');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [built, setBuilt] = useState<ExportedReport | null>(null);
  const formatId = useId();
  const file = useMemo(() => (built ? { base64: built.base64 } : null), [built]);
  const url = useDownloadUrl(file, FORMATS.find((f) => f.value === built?.format)?.mime ?? '');

  async function exportReport() {
    setBusy(true);
    setError(null);
    setBuilt(null);
    setStatus(`Building the ${format === 'pdf' ? 'PDF report' : 'workbook'}…`);
    try {
      if (shell) {
        const where = await shell.saveReport({ format });
        setStatus(where ? `Saved the client report to ${where}.` : 'Not saved.');
        return;
      }
      const r = await api.exportReport({ format });
      setBuilt(r);
      setStatus(`Built ${r.fileName}: ${r.summary}.`);
    } catch (err) {
      setStatus('');
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="report-h" className="panel report-export">
      <h2 id="report-h">Client report</h2>
      <p className="small muted">
        Cover, readiness summary, tables by clinician, payer, month and rule, what to change for
        each failing rule, the corrective-action plan and every finding with its evidence and
        decision.
      </p>
      <div className="button-row">
        <label htmlFor={formatId}>Format</label>
        <select id={formatId} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
        <Button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void exportReport()}
        >
          Export client report
        </Button>
        {built && url && (
          <a className="button" href={url} download={built.fileName} data-testid="report-download">
            Save {built.fileName}
          </a>
        )}
      </div>
      <p role="status" aria-live="polite" data-testid="report-status">
        {status}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
