import { useEffect, useState } from 'react';
import type { ChartReadyApi, UnassignedBilling } from '../../shared/api';
import { messageOf } from '../api';
import { AssignCell, useRowAssignment } from './AssignRows';

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
  const rows = useRowAssignment<UnassignedBilling>(groupKey);
  const { status, error, setError, headingRef } = rows;

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
    const left = await rows.assign(
      g,
      index,
      (patientKey) => api.assignBilling({ lineIds: g.lineIds, claims: g.claims, patientKey }),
      (left) => {
        const patient = g.candidates.find((p) => p.key === rows.choice[groupKey(g)]);
        return `Assigned ${rowsOf(g)} of ${g.name} in ${g.file} to ${patient?.name}${patient?.dob ? ` (DOB ${patient.dob})` : ''}. ${left.length} left.`;
      },
    );
    if (!left) return;
    setGroups(left);
    onAssigned?.();
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
                      <AssignCell
                        selectId={selectId}
                        rowKey={key}
                        label={`Patient for ${label}`}
                        buttonLabel={`Assign billing of ${label}`}
                        patients={g.candidates}
                        state={rows}
                        onAssign={() => void assign(g, i)}
                      />
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
