import { useEffect, useRef, useState } from 'react';
import type { ChartReadyApi, PatientChoice, UnassignedDocument } from '../../shared/api';
import { messageOf } from '../api';
import { Button } from '../components/Button';

const pagesOf = (d: UnassignedDocument) =>
  d.pageStart === d.pageEnd ? `p. ${d.pageStart}` : `pp. ${d.pageStart}-${d.pageEnd}`;

/** A patient as the assignment lists offer it: name, DOB and MRN. */
export const patientLabel = (p: PatientChoice) =>
  [p.name, p.dob ? `DOB ${p.dob}` : null, p.mrn ? `MRN ${p.mrn}` : null]
    .filter(Boolean)
    .join(' · ');

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
  const [choice, setChoice] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rowSelects = useRef(new Map<number, HTMLSelectElement>());

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
    const key = choice[doc.documentId];
    const patient = patients.find((p) => p.key === key);
    if (!patient) return;
    setBusy(doc.documentId);
    setError(null);
    try {
      const left = await api.assignDocument({
        documentId: doc.documentId,
        patientKey: patient.key,
      });
      setDocs(left);
      setStatus(
        `Assigned ${doc.file} ${pagesOf(doc)} to ${patient.name}; it is now part of that patient's episodes. ${left.length} left.`,
      );
      onAssigned?.();
      // Keep the keyboard where the work is: the next row's patient list, else the heading.
      const next = left[Math.min(index, left.length - 1)];
      requestAnimationFrame(() => {
        const target = next ? rowSelects.current.get(next.documentId) : null;
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
                      <div className="assign-row">
                        <label htmlFor={selectId} className="visually-hidden">
                          Patient for {d.file} {pagesOf(d)}
                        </label>
                        <select
                          id={selectId}
                          ref={(el) => {
                            if (el) rowSelects.current.set(d.documentId, el);
                            else rowSelects.current.delete(d.documentId);
                          }}
                          value={choice[d.documentId] ?? ''}
                          onChange={(e) =>
                            setChoice((c) => ({ ...c, [d.documentId]: e.target.value }))
                          }
                        >
                          <option value="">Choose a patient…</option>
                          {patients.map((p) => (
                            <option key={p.key} value={p.key}>
                              {patientLabel(p)}
                            </option>
                          ))}
                        </select>
                        <Button
                          type="button"
                          className="primary"
                          disabled={!choice[d.documentId] || busy !== null}
                          aria-label={`Assign ${d.file} ${pagesOf(d)}`}
                          onClick={() => void assign(d, i)}
                        >
                          {busy === d.documentId ? 'Assigning…' : 'Assign'}
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
