import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ChartReadyApi } from '../../shared/api';
import {
  dueText,
  REQUEST_KINDS,
  type DeadlineItem,
  type DeadlineList,
  type RequestKind,
} from '../../shared/deadlines';
import { messageOf } from '../api';
import { href } from '../lib/route';
import { Button } from '../components/Button';
import { localStamp } from '../../shared/dates';

const KIND_LABEL: Record<RequestKind, string> = {
  adr: 'ADR (Medicare additional documentation request)',
  rac: 'RAC request',
  tpe: 'TPE request',
  carrier: "Carrier's or plan's request",
};

function what(i: DeadlineItem): string {
  if (i.origin === 'denial')
    return `Denial ${i.denial?.code ?? ''}${i.denial?.remarks.length ? ` ${i.denial.remarks.join(' ')}` : ''}`;
  const parts = [`${i.kind.toUpperCase()} dated ${i.noticeDate}`];
  if (i.received) parts.push(`received ${i.received}`);
  if (i.from) parts.push(`from ${i.from}`);
  return parts.join(', ');
}

function packetText(i: DeadlineItem): string {
  if (i.kind === 'corrected-claim') return 'No packet: corrected claim';
  if (i.appealConfirmedBy && !i.packet.builtAt) return 'No appeal: the review confirms the denial';
  const kind = i.packet.kind === 'adr' ? 'Records packet' : 'Appeal packet';
  return i.packet.builtAt
    ? `${kind} built ${localStamp(i.packet.builtAt, false)}`
    : `${kind} not built`;
}

/**
 * Marks one deadline answered (the date the response went out, how), or shows the mark with a way
 * to take it back. The mark and its reopening are in the audit log.
 */
function AnswerControl({
  item,
  today,
  onAnswer,
}: {
  item: DeadlineItem;
  today: string;
  onAnswer: (on: string | null, how: string | null) => Promise<void>;
}) {
  const [on, setOn] = useState(today);
  const [how, setHow] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { on: useId(), how: useId() };
  const reopenRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  /** Set when this control changed the mark: focus follows it, never falling to the page. */
  const moved = useRef(false);
  const answered = !!item.answered;

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (answered ? reopenRef.current : summaryRef.current)?.focus();
  }, [answered]);

  const run = async (answerOn: string | null, answerHow: string | null) => {
    setError(null);
    setBusy(true);
    try {
      moved.current = true;
      await onAnswer(answerOn, answerHow);
    } catch (err) {
      moved.current = false;
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  if (item.answered)
    return (
      <div className="small" data-testid="deadline-answered">
        Answered {item.answered.on}
        {item.answered.how ? ` (${item.answered.how})` : ''}, marked by {item.answered.by}.{' '}
        <Button
          ref={reopenRef}
          type="button"
          className="link"
          disabled={busy}
          aria-label={`Reopen: deadline for claim ${item.claimId}`}
          onClick={() => void run(null, null)}
        >
          Reopen
        </Button>
        {error && (
          <p role="alert" className="error small">
            {error}
          </p>
        )}
      </div>
    );
  return (
    <details className="decide">
      <summary ref={summaryRef} aria-label={`Mark answered: deadline for claim ${item.claimId}`}>
        Mark answered
      </summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!on) return setError('Enter the date the response went out.');
          void run(on, how.trim() || null);
        }}
        aria-label={`Answer to claim ${item.claimId}`}
      >
        <label htmlFor={ids.on}>Sent on</label>
        <input
          id={ids.on}
          type="date"
          value={on}
          max={today}
          onChange={(e) => setOn(e.target.value)}
        />
        <label htmlFor={ids.how}>How (optional)</label>
        <input
          id={ids.how}
          value={how}
          maxLength={200}
          placeholder="faxed, confirmation number"
          onChange={(e) => setHow(e.target.value)}
        />
        {error && (
          <p role="alert" className="error small">
            {error}
          </p>
        )}
        <Button type="submit" disabled={busy}>
          Save
        </Button>
      </form>
    </details>
  );
}

/**
 * Appeal and records-request deadlines, as the core sorts them (fewest days left first, overdue
 * first), each with its packet status and what is still missing; and the form to record a
 * records request. Overdue and due soon are said in words, not by colour alone.
 */
export function DeadlinesScreen({ api }: { api: ChartReadyApi }) {
  const [list, setList] = useState<DeadlineList | null>(null);
  const [claims, setClaims] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [answerStatus, setAnswerStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({
    claimId: '',
    kind: 'adr' as RequestKind,
    dated: '',
    received: '',
    from: '',
  });
  const tableRef = useRef<HTMLTableElement>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.listDeadlines(), api.listEpisodes()])
      .then(([d, eps]) => {
        if (!live) return;
        setList(d);
        setClaims([...new Set(eps.flatMap((e) => e.claims))].sort());
      })
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, [api]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (!form.claimId || !form.dated) {
      setFormError('Choose the claim and enter the date printed on the letter.');
      return;
    }
    setBusy(true);
    try {
      const next = await api.recordRequest({
        claimId: form.claimId,
        kind: form.kind,
        dated: form.dated,
        received: form.received || null,
        from: form.from.trim() || null,
      });
      setList(next);
      const added = next.items
        .filter((i) => i.origin === 'request' && i.claimId === form.claimId)
        .at(-1);
      setStatus(
        `Recorded the ${form.kind.toUpperCase()} request for claim ${form.claimId}${added?.due ? `: due ${added.due} (${dueText(added)})` : ''}.`,
      );
      setForm((f) => ({ ...f, dated: '', received: '', from: '' }));
    } catch (err) {
      setFormError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const answer = async (item: DeadlineItem, on: string | null, how: string | null) => {
    const next = await api.answerDeadline({ id: item.id, on, how });
    setList(next);
    setAnswerStatus(
      on
        ? `Marked the deadline for claim ${item.claimId} answered on ${on}.`
        : `Reopened the deadline for claim ${item.claimId}.`,
    );
  };

  if (error)
    return (
      <div className="screen">
        <h1>Deadlines</h1>
        <p role="alert" className="error-text">
          {error}
        </p>
      </div>
    );
  if (!list)
    return (
      <div className="screen">
        <h1>Deadlines</h1>
        <p role="status">Loading deadlines…</p>
      </div>
    );

  // A claim returned as unprocessable is listed (it is corrected and resubmitted) but has no
  // deadline: the summary counts only real deadlines and says how many rows have none.
  const noDeadline = list.items.filter(
    (i) => i.status === 'no-deadline' || i.kind === 'corrected-claim',
  ).length;
  const deadlines = list.items.length - noDeadline;
  const overdue = list.items.filter((i) => i.status === 'overdue').length;
  const soon = list.items.filter((i) => i.status === 'due-soon').length;
  const answered = list.items.filter((i) => i.answered && i.kind !== 'corrected-claim').length;
  return (
    <div className="screen wide" data-testid="deadlines-screen">
      <h1>Deadlines</h1>
      <p className="lead">
        Appeals of denials on remittances (835s and FHIR explanations of benefit) and responses to
        records requests as of {list.asOf}, fewest days left first. Values marked UNVERIFIED are
        defaults, not the payer&apos;s own: confirm them in the payer&apos;s provider manual or
        contract before relying on them.
      </p>
      <p data-testid="deadlines-summary">
        {deadlines} deadline{deadlines === 1 ? '' : 's'}: {overdue} overdue, {soon} due within 14
        days{answered ? `, ${answered} answered` : ''}.
        {noDeadline > 0 &&
          ` ${noDeadline} more ${noDeadline === 1 ? 'row has' : 'rows have'} no deadline (returned as unprocessable: correct and resubmit).`}
      </p>
      <p role="status" aria-live="polite" className="small" data-testid="deadlines-status">
        {answerStatus}
      </p>
      {list.items.length === 0 ? (
        <p className="empty">No denials or records requests on file.</p>
      ) : (
        <div className="wide-table" tabIndex={0} role="region" aria-label="Deadlines table">
          <table className="data deadlines" ref={tableRef}>
            <caption className="visually-hidden">
              Deadlines, fewest days left first, with packet status and what is missing
            </caption>
            <thead>
              <tr>
                <th scope="col">Days left</th>
                <th scope="col">Due</th>
                <th scope="col">Deadline</th>
                <th scope="col">Claim</th>
                <th scope="col">Payer</th>
                <th scope="col">Packet</th>
                <th scope="col">Still missing</th>
                <th scope="col">Answered</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((i) => (
                <tr key={i.id} data-testid="deadline-row" data-status={i.status}>
                  <th scope="row" className="nowrap">
                    <span className={`flag${i.status === 'overdue' ? ' overdue-flag' : ''}`}>
                      {dueText(i)}
                    </span>
                  </th>
                  <td className="nowrap">{i.due ?? '—'}</td>
                  <td>
                    {i.label}
                    <div className="small muted">{what(i)}</div>
                    {i.counted && (
                      <div className="small muted">
                        {i.counted}
                        {i.verified ? '' : ' (UNVERIFIED)'}
                      </div>
                    )}
                  </td>
                  <td>
                    <span className="mono nowrap">{i.claimId}</span>
                    {i.patient && <div className="small">{i.patient}</div>}
                  </td>
                  <td>
                    {i.payer.name ?? 'unknown'}
                    <div className="small muted">{i.payer.kind ?? 'unknown'}</div>
                  </td>
                  <td>
                    {packetText(i)}
                    {i.episodeId && i.kind === 'corrected-claim' && (
                      <div className="small">
                        <a href={href({ name: 'packet', id: i.episodeId, claim: i.claimId })}>
                          What to correct on claim {i.claimId}
                        </a>
                      </div>
                    )}
                    {i.episodeId && i.kind !== 'corrected-claim' && !i.packet.builtAt && (
                      <div className="small">
                        <a href={href({ name: 'packet', id: i.episodeId, claim: i.claimId })}>
                          {i.appealConfirmedBy
                            ? `Why no appeal, and what to send, for claim ${i.claimId}`
                            : `Build the packet for claim ${i.claimId}`}
                        </a>
                      </div>
                    )}
                  </td>
                  <td>
                    {i.missing.length === 0 ? (
                      'Nothing'
                    ) : (
                      <ul className="inline-list">
                        {i.missing.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <AnswerControl
                      item={i}
                      today={list.asOf}
                      onAnswer={(on, how) => answer(i, on, how)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="request-h" className="panel">
        <h2 id="request-h">Record a records request</h2>
        <p className="small muted">
          The response is due from the date printed on the letter (a Medicare ADR: 45 days), not
          from when it arrived.
        </p>
        <form onSubmit={submit} className="form-grid" data-testid="request-form">
          <label htmlFor="req-claim">Claim</label>
          <select
            id="req-claim"
            value={form.claimId}
            onChange={(e) => setForm({ ...form, claimId: e.target.value })}
          >
            <option value="">Choose a claim…</option>
            {claims.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <label htmlFor="req-kind">Kind of request</label>
          <select
            id="req-kind"
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value as RequestKind })}
          >
            {REQUEST_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
          <label htmlFor="req-dated">Date on the letter</label>
          <input
            id="req-dated"
            type="date"
            value={form.dated}
            onChange={(e) => setForm({ ...form, dated: e.target.value })}
          />
          <label htmlFor="req-received">Received (optional)</label>
          <input
            id="req-received"
            type="date"
            value={form.received}
            onChange={(e) => setForm({ ...form, received: e.target.value })}
          />
          <label htmlFor="req-from">Who asked (optional)</label>
          <input
            id="req-from"
            type="text"
            value={form.from}
            maxLength={200}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
          />
          <span />
          <div className="button-row">
            <Button type="submit" className="primary" disabled={busy}>
              Record request
            </Button>
          </div>
        </form>
        <p role="status" aria-live="polite" data-testid="request-status">
          {status}
        </p>
        {formError && (
          <p role="alert" className="error-text">
            {formError}
          </p>
        )}
      </section>
    </div>
  );
}
