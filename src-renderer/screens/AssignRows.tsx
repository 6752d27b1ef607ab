import { useRef, useState } from 'react';
import type { PatientChoice } from '../../shared/api';
import { messageOf } from '../api';
import { Button } from '../components/Button';

/** A patient as the assignment lists offer it: name, DOB and MRN. */
export const patientLabel = (p: PatientChoice) =>
  [p.name, p.dob ? `DOB ${p.dob}` : null, p.mrn ? `MRN ${p.mrn}` : null]
    .filter(Boolean)
    .join(' · ');

/**
 * The state of a table whose rows the user assigns to a patient one at a time (documents, held
 * billing): the row being assigned, what the last assignment said, an error, and where the
 * keyboard goes next (the next row's patient list, else the table's heading).
 */
export function useRowAssignment<R>(keyOf: (row: R) => string) {
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rowSelects = useRef(new Map<string, HTMLSelectElement>());

  /** Runs one assignment; `done` says what it did given the rows left, which it returns. */
  const assign = async (
    row: R,
    index: number,
    action: (patientKey: string) => Promise<R[]>,
    done: (left: R[]) => string,
  ): Promise<R[] | null> => {
    const patientKey = choice[keyOf(row)];
    if (!patientKey) return null;
    setBusy(keyOf(row));
    setError(null);
    try {
      const left = await action(patientKey);
      setStatus(done(left));
      // Keep the keyboard where the work is: the next row's patient list, else the heading.
      const next = left[Math.min(index, left.length - 1)];
      requestAnimationFrame(() => {
        const target = next ? rowSelects.current.get(keyOf(next)) : null;
        (target ?? headingRef.current)?.focus();
      });
      return left;
    } catch (err) {
      setError(messageOf(err));
      return null;
    } finally {
      setBusy(null);
    }
  };

  return { choice, setChoice, busy, status, error, setError, headingRef, rowSelects, assign };
}

/** A row's patient list and its Assign button. */
export function AssignCell({
  selectId,
  rowKey,
  label,
  buttonLabel,
  patients,
  state,
  onAssign,
}: {
  selectId: string;
  rowKey: string;
  label: string;
  buttonLabel: string;
  patients: PatientChoice[];
  state: Pick<ReturnType<typeof useRowAssignment>, 'choice' | 'setChoice' | 'busy' | 'rowSelects'>;
  onAssign: () => void;
}) {
  const { choice, setChoice, busy, rowSelects } = state;
  return (
    <div className="assign-row">
      <label htmlFor={selectId} className="visually-hidden">
        {label}
      </label>
      <select
        id={selectId}
        ref={(el) => {
          if (el) rowSelects.current.set(rowKey, el);
          else rowSelects.current.delete(rowKey);
        }}
        value={choice[rowKey] ?? ''}
        onChange={(e) => setChoice((c) => ({ ...c, [rowKey]: e.target.value }))}
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
        disabled={!choice[rowKey] || busy !== null}
        aria-label={buttonLabel}
        onClick={onAssign}
      >
        {busy === rowKey ? 'Assigning…' : 'Assign'}
      </Button>
    </div>
  );
}
