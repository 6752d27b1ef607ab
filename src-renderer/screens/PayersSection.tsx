import { useEffect, useRef, useState } from 'react';
import type { ChartReadyApi, ChosenPayerKind, PayerSummary } from '../../shared/api';
import { messageOf } from '../api';
import { PAYER_KIND_LABEL } from '../lib/payer-kinds';
import { Button } from '../components/Button';

const CHOICES: Array<{ value: '' | ChosenPayerKind; label: string }> = [
  { value: '', label: 'Decide from the record' },
  { value: 'workers-comp', label: "Workers' comp" },
  { value: 'medicare', label: 'Medicare' },
  { value: 'commercial', label: 'Commercial' },
  { value: 'other', label: 'Other (Medicaid, auto, ...)' },
];

interface Draft {
  kind: '' | ChosenPayerKind;
  state: string;
}

function draftOf(p: PayerSummary): Draft {
  return { kind: p.listed?.kind ?? '', state: p.listed?.state ?? '' };
}

/**
 * The clinic's payer list: each payer the charts name, the kind the evidence decided and why, and
 * the user's own choice, which outweighs every signal in the record. Saving a row reviews again
 * the episodes of the patients that payer touches.
 */
export function PayersSection({ api }: { api: ChartReadyApi }) {
  const [payers, setPayers] = useState<PayerSummary[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Saving disables the row's button: focus goes to the outcome, not to the page body.
  const outcome = useRef<HTMLParagraphElement>(null);
  const saved = useRef(false);
  useEffect(() => {
    if (!saved.current) return;
    saved.current = false;
    outcome.current?.focus();
  }, [status, error]);

  function show(list: PayerSummary[]) {
    setPayers(list);
    setDrafts(Object.fromEntries(list.map((p) => [p.name, draftOf(p)])));
  }

  useEffect(() => {
    api
      .listPayers()
      .then(show)
      .catch((err: unknown) => setError(messageOf(err)));
  }, [api]);

  async function save(p: PayerSummary) {
    const d = drafts[p.name] ?? draftOf(p);
    setError(null);
    setStatus(null);
    setBusy(p.name);
    try {
      const list = await api.setPayerKind({
        name: p.name,
        kind: d.kind === '' ? null : d.kind,
        state: d.kind === 'workers-comp' && d.state.trim() ? d.state.trim().toUpperCase() : null,
      });
      show(list);
      setStatus(
        d.kind === ''
          ? `${p.name}: the record decides again; its episodes were reviewed again.`
          : `${p.name} saved as ${PAYER_KIND_LABEL[d.kind]}; its episodes were reviewed again.`,
      );
    } catch (err) {
      setError(`${p.name}: ${messageOf(err)}`);
    } finally {
      saved.current = true;
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="payers-h" className="panel" id="payers">
      <h2 id="payers-h">Payers</h2>
      <p className="muted small">
        The kind of each payer decides the audit profile. ChartReady decides it from the record (835
        filing indicator, the ledger&apos;s financial class, the chart, the name); your choice here
        outweighs all of them and is kept in the audit log.
      </p>
      {!payers && !error && <p role="status">Loading payers…</p>}
      {payers && payers.length === 0 && <p className="muted">No payers in this database yet.</p>}
      {payers && payers.length > 0 && (
        <table className="payers" data-testid="payers">
          <caption className="visually-hidden">Payers, their decided kind and your choice</caption>
          <thead>
            <tr>
              <th scope="col">Payer</th>
              <th scope="col">Decided</th>
              <th scope="col">Patients</th>
              <th scope="col">Your choice</th>
              <th scope="col">
                <span className="visually-hidden">Save</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {payers.map((p) => {
              const d = drafts[p.name] ?? draftOf(p);
              const changed =
                d.kind !== (p.listed?.kind ?? '') || d.state !== (p.listed?.state ?? '');
              return (
                <tr key={p.name} data-payer={p.name}>
                  <th scope="row">
                    {p.name}
                    {p.spellings && p.spellings.length > 0 && (
                      <span className="muted small payer-spellings">
                        Also written: {p.spellings.join('; ')}
                      </span>
                    )}
                    <details>
                      <summary>Why</summary>
                      <ul className="small">
                        {p.basis.map((b, i) => (
                          <li key={i}>{b}</li>
                        ))}
                      </ul>
                    </details>
                  </th>
                  <td className={p.kind === 'unknown' ? 'error-text' : undefined}>
                    {PAYER_KIND_LABEL[p.kind] ?? p.kind}
                    {p.state ? `, ${p.state}` : ''}
                  </td>
                  <td>{p.patients}</td>
                  <td>
                    <div className="payer-choice">
                      <select
                        aria-label={`Kind of ${p.name}`}
                        value={d.kind}
                        onChange={(e) =>
                          setDrafts({
                            ...drafts,
                            [p.name]: { ...d, kind: e.target.value as Draft['kind'] },
                          })
                        }
                      >
                        {CHOICES.map((c) => (
                          <option key={c.value} value={c.value}>
                            {c.label}
                          </option>
                        ))}
                      </select>
                      {d.kind === 'workers-comp' && (
                        <input
                          aria-label={`Workers' comp state of ${p.name} (two letters, optional)`}
                          className="state-input"
                          maxLength={2}
                          placeholder="State"
                          value={d.state}
                          onChange={(e) =>
                            setDrafts({ ...drafts, [p.name]: { ...d, state: e.target.value } })
                          }
                        />
                      )}
                    </div>
                  </td>
                  <td>
                    <Button
                      type="button"
                      disabled={!changed || busy !== null}
                      aria-label={`Save ${p.name}`}
                      onClick={() => void save(p)}
                    >
                      {busy === p.name ? 'Saving…' : 'Save'}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {status && (
        <p role="status" ref={outcome} tabIndex={-1} data-testid="payer-status">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" className="error-text" ref={outcome} tabIndex={-1}>
          {error}
        </p>
      )}
    </section>
  );
}
