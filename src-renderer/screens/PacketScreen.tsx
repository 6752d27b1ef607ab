import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type {
  BuiltPacket,
  EpisodeDetail,
  PacketExhibitView,
  PacketHistoryItem,
  PacketPlanView,
  PacketRequest,
  StoredPacket,
} from '../../shared/api';
import { messageOf, type Backend } from '../api';
import { useDownloadUrl } from '../lib/download-url';
import { openPdf, renderPage, type PDFDocumentProxy } from '../lib/pdf';
import { href } from '../lib/route';
import { lastEpisodesQuery } from '../lib/episode-filters';
import { clearPacketDraft, readPacketDraft, writePacketDraft } from '../lib/packet-draft';
import { Button } from '../components/Button';
import { EpisodeNotFound } from '../components/EpisodeNotFound';
import {
  claimOptionLabel,
  denialSourceWords,
  recordsOptionName,
  recordsResponseName,
  remitName,
} from '../lib/packet-words';
import { CorrectedClaim } from './CorrectedClaim';
import { isNotFound } from '../../shared/errors';
import { localStamp } from '../../shared/dates';

function PacketPreview({
  built,
  title,
}: {
  built: { pdfBase64: string; pageCount: number };
  title: string;
}) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [pageNo, setPageNo] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);

  // A preview appears only when the user builds or reopens a packet. The Build button is at the
  // foot of the exhibit list and the preview can be a screen away (above it in the other column,
  // below it in one): it is brought into view with focus on its heading, or goes unseen.
  // The panel's top, not its heading's, goes to the top of the view: aligning the heading left
  // the panel's edge and padding above the viewport.
  useEffect(() => {
    const h = heading.current;
    if (!h) return;
    (panel.current ?? h).scrollIntoView({ block: 'start' });
    h.focus({ preventScroll: true });
  }, [built]);

  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    setPageNo(1);
    openPdf(built.pdfBase64)
      .then((d) => {
        opened = d;
        if (live) setDoc(d);
      })
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [built]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    renderPage(doc, pageNo, canvas.current, 560).catch((err: unknown) => setError(messageOf(err)));
  }, [doc, pageNo]);

  const count = doc?.numPages ?? built.pageCount;
  return (
    <section aria-labelledby="preview-h" className="panel" data-testid="packet-preview" ref={panel}>
      <h2 id="preview-h" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="button-row">
        <Button type="button" disabled={pageNo <= 1} onClick={() => setPageNo((p) => p - 1)}>
          Previous page
        </Button>
        <span role="status" aria-live="polite" data-testid="preview-page">
          Page {pageNo} of {count}
        </span>
        <Button type="button" disabled={pageNo >= count} onClick={() => setPageNo((p) => p + 1)}>
          Next page
        </Button>
      </div>
      <div className="pdf-page">
        <canvas ref={canvas} role="img" aria-label={`Packet page ${pageNo} of ${count}`} />
      </div>
    </section>
  );
}

/** A file's own name, without its folders: what tells two documents of one title apart. */
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** An exhibit's identity across plans: its documents (its letter changes as it moves). */
const exhibitKey = (x: PacketExhibitView) => x.documentIds.join('.');

/** Where focus goes once the next plan is on screen: it replaces the rows the user acted on. */
type FocusAfterPlan =
  { exhibit: string; control: 'up' | 'down' | 'exclude' } | { available: number | null };

function ExhibitRow({
  x,
  index,
  last,
  onMove,
  onExclude,
}: {
  x: PacketExhibitView;
  index: number;
  last: boolean;
  onMove: (from: number, to: number, control: 'up' | 'down') => void;
  onExclude: () => void;
}) {
  const name = `Exhibit ${x.letter}: ${x.title}`;
  return (
    <li className="exhibit" data-testid="exhibit" data-exhibit={exhibitKey(x)}>
      <div>
        <strong>Exhibit {x.letter}</strong> {x.title}
        <div className="muted small">
          {x.category}
          {x.date ? ` · ${x.date}` : ''}
          {x.lastPage > 0 ? ` · packet pages ${x.firstPage}–${x.lastPage}` : ''}
          {x.files.length > 0 ? ` · ${x.files.map(baseName).join(', ')}` : ''}
        </div>
      </div>
      <div className="button-row compact">
        <Button
          type="button"
          aria-label={`Move ${name} up`}
          data-control="up"
          disabled={index === 0}
          onClick={() => onMove(index, index - 1, 'up')}
        >
          ↑ Up
        </Button>
        <Button
          type="button"
          aria-label={`Move ${name} down`}
          data-control="down"
          disabled={last}
          onClick={() => onMove(index, index + 1, 'down')}
        >
          ↓ Down
        </Button>
        <button
          type="button"
          aria-label={`Exclude ${name}`}
          data-control="exclude"
          onClick={onExclude}
        >
          Exclude
        </button>
      </div>
    </li>
  );
}

/** A built packet's time: local, to the minute, its date in the form of every other date. */
const builtWhen = (iso: string) => localStamp(iso);

/** The packets built for this episode: when, for which claim, pages and hash; each reopens. */
function PacketHistory({
  items,
  onOpen,
}: {
  items: PacketHistoryItem[];
  onOpen: (item: PacketHistoryItem) => void;
}) {
  return (
    <section aria-labelledby="history-h" className="panel" data-testid="packet-history">
      <h2 id="history-h">Packets built</h2>
      <table className="data">
        <caption className="visually-hidden">Packets built for this episode, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Built</th>
            <th scope="col">Claim</th>
            <th scope="col">Kind</th>
            <th scope="col">Pages</th>
            <th scope="col">SHA-256</th>
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} data-testid="history-row">
              <td className="nowrap">{builtWhen(p.builtAt)}</td>
              <td className="mono">{p.claimId ?? 'whole episode'}</td>
              <td>
                {p.kind === 'adr' ? 'Records response' : 'Appeal'}
                {/* A records response answers no denial: no code, even on one built before. */}
                {p.kind === 'appeal' && p.carc ? ` (${p.carc})` : ''}
              </td>
              <td>{p.pages}</td>
              <td className="mono" title={p.sha256}>
                {p.sha256.slice(0, 12)}…
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Open the packet built ${builtWhen(p.builtAt)}`}
                  onClick={() => onOpen(p)}
                >
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * No denial on file for the claim asked for (for the whole episode: for any of its claims), so
 * there is no appeal to write unless the user enters the code from the payer's notice.
 */
function noDenialOnFile(detail: EpisodeDetail, claimId: string): boolean {
  return claimId
    ? !detail.claims.find((c) => c.claimId === claimId)?.denial
    : !detail.claims.some((c) => c.denial);
}

export function PacketScreen({
  backend,
  id,
  initialClaim,
}: {
  backend: Backend;
  id: string;
  /** The claim a link asked for; else the first denied claim. */
  initialClaim?: string;
}) {
  const { api, shell } = backend;
  const claimId = useId();
  const denialId = useId();
  const kindId = useId();
  const [detail, setDetail] = useState<EpisodeDetail | null>(null);
  const [claim, setClaim] = useState<string>('');
  const [denial, setDenial] = useState('');
  const [kind, setKind] = useState<'appeal' | 'adr'>('appeal');
  const [order, setOrder] = useState<number[] | undefined>(undefined);
  const [exclude, setExclude] = useState<number[]>([]);
  const [plan, setPlan] = useState<PacketPlanView | null>(null);
  const [built, setBuilt] = useState<BuiltPacket | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [history, setHistory] = useState<PacketHistoryItem[] | null>(null);
  const [shown, setShown] = useState<StoredPacket | null>(null);
  /** The claim whose saved choices were last applied: a new claim restores its own. */
  const restoredFor = useRef<string | null>(null);
  /** The claim whose choices the user changed since its last build: they are kept as a draft. */
  const editedFor = useRef<string | null>(null);
  const focusAfterPlan = useRef<(FocusAfterPlan & { from: PacketPlanView | null }) | null>(null);
  const exhibitList = useRef<HTMLDivElement>(null);
  const exhibitsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    api
      .getEpisode({ id })
      .then((d) => {
        setDetail(d);
        const first =
          d.claims.find((c) => c.claimId === initialClaim) ??
          d.claims.find((c) => c.denial) ??
          d.claims[0];
        // The denial comes from the claim's 835 unless the user enters another: the field starts
        // empty so the packet says where its code came from.
        if (first) setClaim(first.claimId);
      })
      .catch((err: unknown) => (isNotFound(err) ? setMissing(true) : setError(messageOf(err))));
  }, [api, id, initialClaim]);

  useEffect(() => {
    let live = true;
    api
      .listPackets({ episodeId: id })
      .then((h) => live && setHistory(h))
      .catch(() => live && setHistory([]));
    return () => {
      live = false;
    };
  }, [api, id]);

  // The claim's unbuilt choices (exhibit order, exclusions, denial code, kind) come back when the
  // user returns; without any, its latest packet's start the next one; another claim starts from
  // its own (or the defaults).
  useEffect(() => {
    if (!detail || history === null || restoredFor.current === claim) return;
    restoredFor.current = claim;
    const draft = readPacketDraft(id, claim);
    const last = history.find((p) => (p.claimId ?? '') === claim);
    const from = draft ?? last?.request;
    setOrder(from?.exhibitOrder ?? undefined);
    setExclude(from?.exclude ?? []);
    setDenial(from?.denial ?? '');
    // A claim with no denial, or one the review itself confirms, has no appeal letter: the records
    // response is what can be built.
    const confirmed = detail.claims.find((c) => c.claimId === claim)?.denialConfirmedBy;
    setKind(from?.kind ?? (noDenialOnFile(detail, claim) || confirmed ? 'adr' : 'appeal'));
    if (draft) {
      editedFor.current = claim;
      setAnnounce('Your unbuilt exhibit order and exclusions for this claim were kept.');
    } else if (last)
      setAnnounce(
        `Exhibit order and exclusions restored from the packet built ${builtWhen(last.builtAt)}.`,
      );
  }, [id, detail, history, claim]);

  useEffect(() => {
    if (editedFor.current !== claim || restoredFor.current !== claim) return;
    writePacketDraft(id, claim, {
      denial: denial.trim() || null,
      kind,
      exclude,
      exhibitOrder: order,
    });
  }, [id, claim, denial, kind, order, exclude]);
  const edited = () => {
    editedFor.current = claim;
  };

  const selectedClaim = detail?.claims.find((c) => c.claimId === claim) ?? null;
  // The claim whose remittance the plan's denial came from (the whole episode: its first denial).
  const planClaim =
    detail?.claims.find((c) => c.claimId === (plan?.claimId ?? claim)) ??
    detail?.claims.find((c) => c.denial) ??
    null;
  const selectedDenial = selectedClaim?.denial ?? null;
  // Returned as unprocessable: no appeal to plan; the screen says what to correct instead.
  const correction = kind === 'appeal' ? (selectedClaim?.correction ?? null) : null;
  // An appeal asked for with no denial on file and none entered: nothing to plan, and the screen
  // says so as information (the user's next step), not as an error.
  const noAppeal = kind === 'appeal' && !!detail && noDenialOnFile(detail, claim) && !denial.trim();
  // The review's own findings confirm the claim's denial on every line at issue: no letter to plan.
  const confirmedBy =
    kind === 'appeal' && !denial.trim() ? (selectedClaim?.denialConfirmedBy ?? null) : null;
  // Said on the records response too: the claim opens on it, and the user should know why.
  const confirmedNote = kind === 'adr' ? (selectedClaim?.denialConfirmedBy ?? null) : confirmedBy;

  const request: PacketRequest = useMemo(
    () => ({
      episodeId: id,
      claimId: claim || null,
      // A records response answers the payer's request, not a denial: it sends no code.
      denial: kind === 'adr' ? null : denial.trim() || null,
      kind,
      exhibitOrder: order,
      exclude,
    }),
    [id, claim, denial, kind, order, exclude],
  );

  useEffect(() => {
    if (!detail) return;
    let live = true;
    setBuilt(null);
    setSaved(null);
    if (correction || noAppeal || confirmedBy) {
      setPlan(null);
      setError(null);
      return;
    }
    const t = setTimeout(() => {
      api
        .planPacket(request)
        .then((p) => {
          if (!live) return;
          setPlan(p);
          setError(null);
        })
        .catch((err: unknown) => {
          if (!live) return;
          // A plan that cannot be made leaves no earlier claim's plan on screen.
          setPlan(null);
          setError(messageOf(err));
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, detail, request, correction, noAppeal, confirmedBy]);

  const builtPdf = useMemo(
    () => (built && !shell ? { base64: built.pdfBase64 } : null),
    [built, shell],
  );
  const downloadUrl = useDownloadUrl(builtPdf, 'application/pdf');
  const shownPdf = useMemo(() => (shown ? { base64: shown.pdfBase64 } : null), [shown]);
  const shownUrl = useDownloadUrl(shownPdf, 'application/pdf');

  const exhibits = (built?.plan ?? plan)?.exhibits ?? [];
  const move = (from: number, to: number, control: 'up' | 'down') => {
    const list = [...exhibits];
    const [x] = list.splice(from, 1);
    if (!x) return;
    list.splice(to, 0, x);
    edited();
    setOrder(list.flatMap((e) => e.documentIds));
    focusAfterPlan.current = { exhibit: exhibitKey(x), control, from: plan };
    setAnnounce(`Exhibit ${x.title} moved to position ${to + 1} of ${list.length}.`);
  };
  const excludeExhibit = (x: PacketExhibitView, index: number) => {
    edited();
    setExclude((e) => [...new Set([...e, ...x.documentIds])]);
    // The exhibit that takes its place (or the one before it) keeps the user where they were.
    const next = exhibits[index + 1] ?? exhibits[index - 1];
    focusAfterPlan.current = next
      ? { exhibit: exhibitKey(next), control: 'exclude', from: plan }
      : { available: null, from: plan };
    setAnnounce(`${x.title} excluded from the packet.`);
  };
  const include = (docId: number) => {
    const added = plan?.available.find((d) => d.id === docId);
    if (added) setAnnounce(`${added.title} added to the packet.`);
    edited();
    setExclude((e) => e.filter((d) => d !== docId));
    setOrder((o) => (o ? [...o.filter((d) => d !== docId), docId] : o));
    const rest = plan?.available.filter((d) => d.id !== docId) ?? [];
    const at = plan?.available.findIndex((d) => d.id === docId) ?? -1;
    const next = rest[Math.min(Math.max(at, 0), rest.length - 1)];
    focusAfterPlan.current = { available: next?.id ?? null, from: plan };
  };

  /** Back to the exhibits the plan suggests, in its order: the user's order and exclusions go. */
  const suggested = () => {
    edited();
    setOrder(undefined);
    setExclude([]);
    setAnnounce('The suggested exhibits are back in the packet, in their suggested order.');
    // The button goes with the choices it undid: focus goes to the list they fill.
    exhibitsHeading.current?.focus();
  };

  // Once the new plan is drawn (before the focus rescue runs), focus goes to the control the
  // user was using, or its nearest neighbour, instead of the screen's heading.
  useLayoutEffect(() => {
    const want = focusAfterPlan.current;
    const root = exhibitList.current;
    if (!want || !root || want.from === plan) return;
    focusAfterPlan.current = null;
    const target =
      'exhibit' in want
        ? root.querySelector(
            `[data-exhibit="${CSS.escape(want.exhibit)}"] [data-control="${want.control}"]`,
          )
        : want.available !== null
          ? root.querySelector(`[data-available="${want.available}"]`)
          : null;
    const fallback = root.querySelector('[data-control="exclude"], summary');
    const el = target ?? fallback;
    if (el instanceof HTMLElement) el.focus();
  }, [plan]);

  /**
   * A reopened older packet's choices (its claim, kind, denial code, exhibit order and exclusions)
   * put back in the builder, so the next packet can start from it rather than from the latest.
   */
  const startFrom = (item: PacketHistoryItem) => {
    const to = item.claimId ?? '';
    restoredFor.current = to;
    editedFor.current = to;
    setClaim(to);
    setOrder(item.request.exhibitOrder ?? undefined);
    setExclude(item.request.exclude ?? []);
    setDenial(item.request.denial ?? '');
    setKind(item.request.kind ?? 'appeal');
    // Neither the reopened packet nor the last one built is this plan's: no preview (a preview
    // coming back would take the focus to its heading).
    setShown(null);
    setBuilt(null);
    setAnnounce(
      `Exhibit order and exclusions of the packet built ${builtWhen(item.builtAt)} are in the builder.`,
    );
    // The button goes with the reopened packet: focus goes where its choices now are.
    exhibitsHeading.current?.focus();
  };

  async function build() {
    setBusy(true);
    setError(null);
    try {
      setBuilt(await api.buildPacket(request));
      setShown(null);
      // The built packet now holds these choices (restored from it next time).
      clearPacketDraft(id, claim);
      editedFor.current = null;
      setHistory(await api.listPackets({ episodeId: id }));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function saveDesktop() {
    if (!shell) return;
    try {
      const where = await shell.savePacket(request);
      if (where) setSaved(where);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  const fileName = `${kind === 'adr' ? 'records-response' : 'appeal-packet'}-${(claim || id).replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;

  if (missing) return <EpisodeNotFound />;
  return (
    <div className="screen wide">
      <p className="crumbs">
        <a href={href({ name: 'episodes', query: lastEpisodesQuery() })}>Episodes</a>{' '}
        <span aria-hidden="true">›</span>{' '}
        {detail ? (
          <a href={href({ name: 'episode', id })}>{detail.summary.patientName}</a>
        ) : (
          'Episode'
        )}
      </p>
      {/* Named by what is being built: an appeal, a records response, or a corrected claim. */}
      <h1>
        {correction
          ? 'Corrected claim'
          : !detail
            ? 'Packet'
            : kind === 'adr'
              ? recordsResponseName(detail.summary.payerKind)
              : 'Appeal packet'}
      </h1>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!detail && !error && <p role="status">Loading…</p>}
      {detail && (
        <div className="two-col">
          <div>
            <section aria-labelledby="request-h" className="panel">
              <h2 id="request-h">
                {/* A records response answers a request: it has no denial to show. */}
                Claim and {correction ? 'remit' : kind === 'adr' ? 'request' : 'denial'}
              </h2>
              <div className="form-grid">
                <label htmlFor={claimId}>Claim</label>
                <select
                  id={claimId}
                  value={claim}
                  onChange={(e) => setClaim(e.target.value)}
                  title={selectedClaim ? claimOptionLabel(selectedClaim) : 'Whole episode'}
                >
                  <option value="">Whole episode</option>
                  {detail.claims.map((c) => (
                    <option key={c.claimId} value={c.claimId}>
                      {claimOptionLabel(c)}
                    </option>
                  ))}
                </select>
                {/* A records response answers the payer's request for records: no denial code. */}
                {!correction && kind === 'appeal' && (
                  <>
                    <label htmlFor={denialId}>Denial reason (CARC)</label>
                    <input
                      id={denialId}
                      value={denial}
                      onChange={(e) => {
                        edited();
                        setDenial(e.target.value);
                      }}
                      placeholder={
                        selectedDenial
                          ? `${selectedDenial.group}-${selectedDenial.carc} (from ${remitName(selectedClaim?.remit)})`
                          : 'e.g. CO-50'
                      }
                    />
                  </>
                )}
                <label htmlFor={kindId}>Packet type</label>
                <select
                  id={kindId}
                  value={kind}
                  onChange={(e) => {
                    edited();
                    setKind(e.target.value as 'appeal' | 'adr');
                  }}
                >
                  <option value="appeal">
                    {selectedClaim?.correction
                      ? 'Corrected claim (no appeal rights)'
                      : detail.summary.payerKind === 'medicare'
                        ? 'Appeal (redetermination)'
                        : 'Appeal (reconsideration)'}
                  </option>
                  {/* An ADR is a Medicare contractor's request; other payers send records requests. */}
                  <option value="adr">{recordsOptionName(detail.summary.payerKind)}</option>
                </select>
              </div>
              {noAppeal && (
                <p className="note" role="status" data-testid="no-denial">
                  No denial is on file for {claim ? `claim ${claim}` : 'this episode'} (no 835
                  denial and no denial code entered), so there is no appeal letter to write. If the
                  payer asked for the records, choose the{' '}
                  {recordsOptionName(detail.summary.payerKind)} as the packet type; to appeal, enter
                  the denial code from the payer&apos;s notice.
                </p>
              )}
              {confirmedNote && selectedDenial && (
                <p className="note" role="status" data-testid="denial-confirmed">
                  The review confirms the denial of claim {claim} ({selectedDenial.group}-
                  {selectedDenial.carc} {denialSourceWords('remit', selectedClaim?.remit)}) on every
                  line at issue: {confirmedNote}. An appeal would argue what the record does not
                  support, so no appeal letter is written.{' '}
                  {kind === 'adr'
                    ? 'This records response sends the records only, for when the payer asked for them; or correct the claim and resubmit it where the payer accepts a corrected claim.'
                    : `Choose the ${recordsOptionName(detail.summary.payerKind)} if the payer asked for the records, or correct the claim and resubmit it where the payer accepts a corrected claim.`}
                </p>
              )}
              {plan?.denial && (
                <p className="muted small" data-testid="denial-meaning">
                  {plan.denial.group ? `${plan.denial.group}-` : ''}
                  {plan.denial.carc}: {plan.denial.meaning} (
                  {denialSourceWords(plan.denial.source, planClaim?.remit)})
                </p>
              )}
              {plan?.deadline && (
                <p className={plan.deadline.daysLeft < 14 ? 'flag overdue-flag' : 'flag'}>
                  Appeal deadline {plan.deadline.date}:{' '}
                  {plan.deadline.daysLeft >= 0
                    ? `${plan.deadline.daysLeft} days left`
                    : `${-plan.deadline.daysLeft} days past`}{' '}
                  <span className="muted small">({plan.deadline.basis})</span>
                </p>
              )}
            </section>

            {plan && (plan.gaps.length > 0 || plan.settingsMissing.length > 0) && (
              <section aria-labelledby="gaps-h" className="panel attention">
                <h2 id="gaps-h">Before you send</h2>
                {plan.gaps.length > 0 && (
                  <>
                    <h3>Gaps in the record</h3>
                    <ul>
                      {plan.gaps.map((g, i) => (
                        <li key={i}>{g}</li>
                      ))}
                    </ul>
                  </>
                )}
                {plan.settingsMissing.length > 0 && (
                  <>
                    <h3>Missing clinic settings</h3>
                    <p className="small">
                      {plan.settingsMissing.join(', ')}.{' '}
                      <a href={href({ name: 'settings' })}>Complete settings</a>
                    </p>
                  </>
                )}
              </section>
            )}

            {correction && selectedClaim && (
              <CorrectedClaim
                api={api}
                claimId={selectedClaim.claimId}
                correction={correction}
                payerKind={detail.summary.payerKind}
                remit={selectedClaim.remit}
              />
            )}

            {!correction && (
              <section aria-labelledby="exhibits-h" className="panel">
                <h2 id="exhibits-h" ref={exhibitsHeading} tabIndex={-1}>
                  Exhibits
                </h2>
                <div ref={exhibitList}>
                  {!plan && (
                    <p role="status">
                      {noAppeal || confirmedBy
                        ? 'No appeal to plan: see the note above.'
                        : error
                          ? 'No packet planned: see the message above.'
                          : 'Planning…'}
                    </p>
                  )}
                  {plan && exhibits.length === 0 && (
                    <p className="note" data-testid="no-exhibits">
                      No exhibits selected: a packet needs at least one record to send. Add
                      documents below, or go back to the suggested exhibits.
                    </p>
                  )}
                  <ol className="exhibits">
                    {exhibits.map((x, i) => (
                      <ExhibitRow
                        key={exhibitKey(x)}
                        x={x}
                        index={i}
                        last={i === exhibits.length - 1}
                        onMove={move}
                        onExclude={() => excludeExhibit(x, i)}
                      />
                    ))}
                  </ol>
                  {plan && plan.available.length > 0 && (
                    <details>
                      <summary>Documents not in the packet ({plan.available.length})</summary>
                      <ul className="available">
                        {plan.available.map((d) => (
                          <li key={d.id}>
                            {d.title} {d.date ? <span className="muted">({d.date})</span> : null}{' '}
                            <span className="muted small">{baseName(d.file)}</span>{' '}
                            <button
                              type="button"
                              aria-label={`Add ${d.title}${d.date ? ` (${d.date})` : ''}`}
                              data-available={d.id}
                              onClick={() => include(d.id)}
                            >
                              Add
                            </button>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </div>
                <div className="button-row">
                  <Button
                    type="button"
                    className="primary"
                    disabled={busy || !plan || exhibits.length === 0}
                    onClick={() => void build()}
                  >
                    {busy ? 'Building…' : 'Build packet'}
                  </Button>
                  {(order !== undefined || exclude.length > 0) && (
                    <button type="button" onClick={suggested}>
                      Use the suggested exhibits
                    </button>
                  )}
                  {built && shell && (
                    <button type="button" onClick={() => void saveDesktop()}>
                      Save packet…
                    </button>
                  )}
                  {built && downloadUrl && (
                    <a className="button" href={downloadUrl} download={fileName}>
                      Download packet (PDF)
                    </a>
                  )}
                </div>
                {built && (
                  <p role="status" data-testid="built-status">
                    Built {built.pageCount} pages.{saved ? ` Saved to ${saved}.` : ''}
                  </p>
                )}
              </section>
            )}
          </div>
          <div>
            {shown ? (
              <>
                <PacketPreview
                  built={{ pdfBase64: shown.pdfBase64, pageCount: shown.item.pages }}
                  title={`Packet built ${builtWhen(shown.item.builtAt)}`}
                />
                <p className="small" data-testid="shown-packet">
                  As built: {shown.item.pages} pages, SHA-256{' '}
                  <span className="mono">{shown.item.sha256}</span>.{' '}
                  {shownUrl && (
                    <a href={shownUrl} download={`packet-${shown.item.id}.pdf`}>
                      Download this packet (PDF)
                    </a>
                  )}
                </p>
                <div className="button-row">
                  <button type="button" onClick={() => startFrom(shown.item)}>
                    Start a new packet from this one
                  </button>
                </div>
              </>
            ) : (
              built && <PacketPreview built={built} title="Preview" />
            )}
            {history && history.length > 0 && (
              <PacketHistory
                items={history}
                onOpen={(p) =>
                  void api
                    .openPacket({ id: p.id })
                    .then(setShown)
                    .catch((err: unknown) => setError(messageOf(err)))
                }
              />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
