import { useEffect, useState } from 'react';
import type { ChartReadyApi, PatientChoice, UnassignedDocument } from '../../shared/api';
import { messageOf } from '../api';
import { AssignCell, useRowAssignment } from './AssignRows';

const pagesOf = (d: UnassignedDocument) =>
  d.pageStart === d.pageEnd ? `p. ${d.pageStart}` : `pp. ${d.pageStart}-${d.pageEnd}`;

/**
 * Documents that name no patient the store knows: they are in no episode until the user assigns
 * each to a patient (the choice is kept across re-reading and reviews, and audit-logged).
 * `generation` changes after an import; `onAssigned` lets the screen refresh what depends on it.
 */
export function UnassignedDocuments({
  api,
  generation,
  onAssigned,
}: {
  api: ChartReadyApi;
  generation: number;
  onAssigned?: () => void;
}) {
  const [docs, setDocs] = useState<UnassignedDocument[] | null>(null);
  const [patients, setPatients] = useState<PatientChoice[]>([]);
  const rows = useRowAssignment<UnassignedDocument>((d) => String(d.documentId));
  const { status, error, setError, headingRef } = rows;

  useEffect(() => {
    let live = true;
    Promise.all([api.listUnassigned(), api.listPatients()])
      .then(([d, p]) => {
        if (!live) return;
        setDocs(d);
        setPatients(p);
      })
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, [api, generation]);

  if (!docs || (docs.length === 0 && !status && !error)) return null;

  const assign = async (doc: UnassignedDocument, index: number) => {
    const left = await rows.assign(
      doc,
      index,
      (patientKey) => api.assignDocument({ documentId: doc.documentId, patientKey }),
      (left) => {
        const patient = patients.find((p) => p.key === rows.choice[String(doc.documentId)]);
        return `Assigned ${doc.file} ${pagesOf(doc)} to ${patient?.name}; it is now part of that patient's episodes. ${left.length} left.`;
      },
    );
    if (!left) return;
    setDocs(left);
    onAssigned?.();
  };

  return (
    <section
      aria-labelledby="unassigned-h"
      className="panel attention"
      data-testid="unassigned-documents"
    >
      <h2 id="unassigned-h" ref={headingRef} tabIndex={-1}>
        Documents without a patient ({docs.length})
      </h2>
      {docs.length > 0 && (
        <p>
          These documents name no patient this chart can tell apart (no name, a name several
          patients share, or a claim number or date of birth no single patient carries), so no
          episode includes them. Choose whose each one is.
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
      {docs.length > 0 && (
        <div className="wide-table">
          <table className="data unassigned">
            <caption className="visually-hidden">
              Documents without a patient, and the patient to assign each to
            </caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Type</th>
                <th scope="col">Date</th>
                <th scope="col">What it says</th>
                <th scope="col">Patient</th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d, i) => {
                const selectId = `assign-${d.documentId}`;
                return (
                  <tr key={d.documentId}>
                    <th scope="row">
                      <span className="mono">{d.file}</span>{' '}
                      <span className="muted nowrap">{pagesOf(d)}</span>
                      {d.title && <div className="small muted">{d.title}</div>}
                    </th>
                    <td>{d.type}</td>
                    <td className="nowrap">{d.date ?? 'undated'}</td>
                    <td>{d.clues.join('; ')}</td>
                    <td>
                      <AssignCell
                        selectId={selectId}
                        rowKey={String(d.documentId)}
                        label={`Patient for ${d.file} ${pagesOf(d)}`}
                        buttonLabel={`Assign ${d.file} ${pagesOf(d)}`}
                        patients={patients}
                        state={rows}
                        onAssign={() => void assign(d, i)}
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
