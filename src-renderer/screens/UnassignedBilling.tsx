import { useEffect, useRef, useState } from 'react';
import type { ChartReadyApi, UnassignedBilling } from '../../shared/api';
import { messageOf } from '../api';
import { Button } from '../components/Button';
import { patientLabel } from './UnassignedDocuments';

const groupKey = (g: UnassignedBilling) => `${g.source}|${g.file}|${g.name}`;

const rowsOf = (g: UnassignedBilling) =>
  g.source === 'ledger'
    ? `${g.lineIds.length} ledger line${g.lineIds.length === 1 ? '' : 's'}`
    : `${g.claims.length} remit claim${g.claims.length === 1 ? '' : 's'}`;

const datesOf = (g: UnassignedBilling) =>
  !g.from ? 'undated' : g.from === g.to ? g.from : `${g.from} to ${g.to}`;

/**
 * Billing that gives only a name several patients share (a ledger without DOB or MRN columns):
 * no episode includes it until the user says whose it is, choosing among the patients of that
 * name. The choice is kept with the file and audit-logged. `generation` changes after an import.
 */
export function UnassignedBillingRows({
  api,
  generation,
  onAssigned,
}: {
  api: ChartReadyApi;
  generation: number;
  onAssigned?: () => void;
}) {
  const [groups, setGroups] = useState<UnassignedBilling[] | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rowSelects = useRef(new Map<string, HTMLSelectElement>());

  useEffect(() => {
    let live = true;
    api
      .listUnassignedBilling()
      .then((g) => live && setGroups(g))
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, [api, generation]);

  if (!groups || (groups.length === 0 && !status && !error)) return null;

  const assign = async (g: UnassignedBilling, index: number) => {
    const patient = g.candidates.find((p) => p.key === choice[groupKey(g)]);
    if (!patient) return;
    setBusy(groupKey(g));
    setError(null);
    try {
      const left = await api.assignBilling({
        lineIds: g.lineIds,
        claims: g.claims,
        patientKey: patient.key,
      });
      setGroups(left);
      setStatus(
        `Assigned ${rowsOf(g)} of ${g.name} in ${g.file} to ${patient.name}${patient.dob ? ` (DOB ${patient.dob})` : ''}. ${left.length} left.`,
      );
      onAssigned?.();
      const next = left[Math.min(index, left.length - 1)];
      requestAnimationFrame(() => {
        const target = next ? rowSelects.current.get(groupKey(next)) : null;
        (target ?? headingRef.current)?.focus();
      });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      aria-labelledby="unassigned-billing-h"
      className="panel attention"
      data-testid="unassigned-billing"
    >
      <h2 id="unassigned-billing-h" ref={headingRef} tabIndex={-1}>
        Billing for a name several patients share ({groups.length})
      </h2>
      {groups.length > 0 && (
        <p>
          These billing rows give a patient&apos;s name only (no date of birth or record number),
          and more than one patient of this chart has that name, so no episode includes them. Choose
          whose they are.
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
      {groups.length > 0 && (
        <div className="wide-table">
          <table className="data unassigned">
            <caption className="visually-hidden">
              Billing rows without a patient, and the patient to assign each group to
            </caption>
            <thead>
              <tr>
                <th scope="col">Name as billed</th>
                <th scope="col">Rows</th>
                <th scope="col">Dates of service</th>
                <th scope="col">Codes</th>
                <th scope="col">Patient</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g, i) => {
                const key = groupKey(g);
                const selectId = `assign-billing-${i}`;
                const label = `${g.name} in ${g.file}`;
                return (
                  <tr key={key}>
                    <th scope="row">
                      {g.name}
                      <div className="small muted mono">{g.file}</div>
                    </th>
                    <td>{rowsOf(g)}</td>
                    <td className="nowrap">{datesOf(g)}</td>
                    <td>{g.codes.join(', ')}</td>
                    <td>
                      <div className="assign-row">
                        <label htmlFor={selectId} className="visually-hidden">
                          Patient for {label}
                        </label>
                        <select
                          id={selectId}
                          ref={(el) => {
                            if (el) rowSelects.current.set(key, el);
                            else rowSelects.current.delete(key);
                          }}
                          value={choice[key] ?? ''}
                          onChange={(e) => setChoice((c) => ({ ...c, [key]: e.target.value }))}
                        >
                          <option value="">Choose a patient…</option>
                          {g.candidates.map((p) => (
                            <option key={p.key} value={p.key}>
                              {patientLabel(p)}
                            </option>
                          ))}
                        </select>
                        <Button
                          type="button"
                          className="primary"
                          disabled={!choice[key] || busy !== null}
                          aria-label={`Assign billing of ${label}`}
                          onClick={() => void assign(g, i)}
                        >
                          {busy === key ? 'Assigning…' : 'Assign'}
                        </Button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
