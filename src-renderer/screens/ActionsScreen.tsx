import { useEffect, useMemo, useState } from 'react';
import type { ChartReadyApi, CorrectiveAction } from '../../shared/api';
import { actionsCsv } from '../../shared/actions';
import { messageOf } from '../api';
import { useDownloadUrl } from '../lib/download-url';
import { href } from '../lib/route';
import { useRules } from '../lib/rules';

const STATUS_TEXT: Record<CorrectiveAction['status'], string> = {
  overdue: 'Overdue',
  open: 'Open',
  resolved: 'Resolved',
};

/**
 * Corrective actions of confirmed defects: overdue and open ones first, by clinician and due date,
 * then those whose finding the review no longer reports. Exportable as CSV for the people who
 * follow them up.
 */
export function ActionsScreen({ api }: { api: ChartReadyApi }) {
  const [actions, setActions] = useState<CorrectiveAction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const rules = useRules(api);

  useEffect(() => {
    api
      .listActions()
      .then(setActions)
      .catch((err: unknown) => setError(messageOf(err)));
  }, [api]);

  const shown = useMemo(
    () => (actions ?? []).filter((a) => showResolved || a.status !== 'resolved'),
    [actions, showResolved],
  );
  const csv = useMemo(() => (shown.length ? { text: actionsCsv(shown) } : null), [shown]);
  const csvUrl = useDownloadUrl(csv, 'text/csv');
  const open = (actions ?? []).filter((a) => a.status !== 'resolved').length;
  const overdue = (actions ?? []).filter((a) => a.status === 'overdue').length;

  return (
    <section aria-labelledby="actions-h">
      <h1 id="actions-h">Corrective actions</h1>
      <p className="muted">
        Each defect a reviewer confirmed, with what the clinician is to change and by when. An
        action is resolved once the review no longer reports its finding (an addendum or late entry
        was imported and read, or the billing was corrected).
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!actions && !error && <p role="status">Loading corrective actions…</p>}
      {actions && (
        <>
          <div className="toolbar">
            <p role="status">
              {open} open{overdue ? `, ${overdue} overdue` : ''}; {actions.length - open} resolved
            </p>
            <label>
              <input
                type="checkbox"
                checked={showResolved}
                onChange={(e) => setShowResolved(e.target.checked)}
              />{' '}
              Show resolved
            </label>
            {csvUrl && (
              <a className="button" href={csvUrl} download="corrective-actions.csv">
                Export CSV
              </a>
            )}
          </div>
          {shown.length === 0 ? (
            <p className="muted">
              No {showResolved ? '' : 'open '}corrective actions. Confirm a defect on an
              episode&apos;s checklist to add one.
            </p>
          ) : (
            <div
              className="table-wrap"
              tabIndex={0}
              role="region"
              aria-label="Corrective actions list"
            >
              <table className="data actions">
                <thead>
                  <tr>
                    <th scope="col">Clinician</th>
                    <th scope="col">Due</th>
                    <th scope="col">Status</th>
                    <th scope="col">Patient</th>
                    <th scope="col">Rule</th>
                    <th scope="col">Dates</th>
                    <th scope="col">Action</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((a) => (
                    <tr key={a.findingId} data-status={a.status}>
                      <td>{a.clinician ?? <span className="muted">not named</span>}</td>
                      <td className="nowrap">{a.due ?? '—'}</td>
                      <td>
                        <span className={`badge ${a.status}`}>{STATUS_TEXT[a.status]}</span>
                      </td>
                      <td>
                        {a.patient ? (
                          <a href={href({ name: 'episode', id: a.episodeId })}>{a.patient}</a>
                        ) : (
                          <span className="muted">episode no longer reviewed</span>
                        )}
                      </td>
                      {/* The rule as the checklist names it: its title, the id secondary. */}
                      <td data-testid="action-rule">
                        {rules.get(a.rule)?.title && (
                          <span className="rule-title">{rules.get(a.rule)?.title} </span>
                        )}
                        <span className="mono rule-id">{a.rule}</span>
                      </td>
                      <td>
                        {a.dates.map((d, i) => (
                          <span key={d}>
                            {i > 0 && ', '}
                            <span className="nowrap">{d}</span>
                          </span>
                        ))}
                      </td>
                      <td>{a.action}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
