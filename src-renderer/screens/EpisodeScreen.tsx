import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type {
  ChartReadyApi,
  DecideFindingRequest,
  DocumentSummary,
  EpisodeDetail,
  RuleInfo,
  TimelineDay,
} from '../../shared/api';
import type { DecisionKind, Evidence, Finding, RuleGroup } from '../../shared/model';
import { messageOf } from '../api';
import { decisionLine } from '../../shared/decisions';
import { ruleName, useRules } from '../lib/rules';
import {
  byErrorsFirst,
  CHECKLIST_KEYS,
  checklistKey,
  checklistSections,
  FINDING_VIEWS,
  inView,
  sectionCount,
  TIER_LABEL,
  viewCounts,
  type FindingView,
} from '../lib/finding-views';
import { isNotFound } from '../../shared/errors';

/** The error state of an episode id the review does not have (a page, not an alert). */
const NOT_FOUND = 'not-found';
import { href } from '../lib/route';
import { claimOutcomeWords } from '../lib/claim-outcomes';
import { profileLabel, useProfiles } from '../lib/profiles';
import { lastEpisodesQuery } from '../lib/episode-filters';
import { EvidenceViewer } from './EvidenceViewer';
import { embeddedTitle, evidenceLinks, evidenceName } from '../lib/evidence-links';
import { EpisodeProfile } from './EpisodeProfile';
import { PAYER_KIND_LABEL } from '../lib/payer-kinds';
import { Button } from '../components/Button';
import { EpisodeNotFound } from '../components/EpisodeNotFound';
import { FieldWithError, type FieldProblem } from '../components/FieldWithError';
import { denialSourceWords } from '../lib/packet-words';

const GROUPS: Array<{ id: RuleGroup; label: string }> = [
  { id: 'documentation', label: 'Documentation' },
  { id: 'billing', label: 'Billing' },
  { id: 'authorization', label: 'Authorization' },
  { id: 'program', label: 'Program' },
];

const STATUS_LABEL: Record<Finding['status'], string> = {
  pass: 'Pass',
  fail: 'Fail',
  warn: 'Check',
  'n/a': 'N/A',
};

/** Severity in words beside the status, so it is never told by colour alone. */
const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};
const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

function statusClass(f: Finding): string {
  if (f.status === 'fail') return f.severity === 'error' ? 'fail' : 'warn';
  return f.status === 'n/a' ? 'na' : f.status;
}

type Decide = (
  f: Finding,
  d: Omit<DecideFindingRequest, 'episodeId' | 'findingId'>,
) => Promise<void>;

const DECISION_CHOICES: Array<{ value: DecisionKind; label: string }> = [
  { value: 'not-a-defect', label: 'Not a defect' },
  { value: 'confirmed', label: 'Confirmed defect' },
  { value: 'fixed', label: 'Fixed (addendum or late entry imported)' },
];

type DecisionField = 'as' | 'reason' | 'action' | 'due' | 'by';

/** What a decision still lacks, field by field, in the order the form shows them. */
function decisionProblems(d: {
  as: DecisionKind | '';
  reason: string;
  action: string;
  due: string;
  by: string;
}): Array<FieldProblem<DecisionField>> {
  const out: Array<FieldProblem<DecisionField>> = [];
  if (!d.as) out.push({ field: 'as', text: 'Choose a decision.' });
  if (!d.reason.trim()) out.push({ field: 'reason', text: 'Give the reason for the decision.' });
  if (d.as === 'confirmed' && !d.action.trim())
    out.push({ field: 'action', text: 'A confirmed defect needs its corrective action.' });
  if (d.as === 'confirmed' && !d.due)
    out.push({ field: 'due', text: 'A confirmed defect needs a due date.' });
  if (!d.by.trim())
    out.push({ field: 'by', text: 'Give your name: it is recorded with the decision.' });
  return out;
}

/**
 * The reviewer's decision on one finding: what, why, and for a defect the action and due date.
 * No decision is chosen in advance: one hasty Save must not dismiss a real finding.
 */
function DecisionForm({
  f,
  onDecide,
  clinicians,
  reviewer,
}: {
  f: Finding;
  onDecide: Decide;
  /** Who signed the episode's notes: the first is whom a corrective action concerns by default. */
  clinicians: readonly string[];
  /** Settings' reviewer name, offered as who decides (empty until someone gives it). */
  reviewer: string;
}) {
  const [as, setAs] = useState<DecisionKind | ''>('');
  const [reason, setReason] = useState('');
  const [action, setAction] = useState('');
  const [due, setDue] = useState('');
  const [clinician, setClinician] = useState(clinicians[0] ?? '');
  const [by, setBy] = useState(reviewer);
  // Settings arrive after the form: an empty field takes the name, a typed one is kept.
  useEffect(() => {
    if (reviewer) setBy((typed) => typed || reviewer);
  }, [reviewer]);
  const [problems, setProblems] = useState<Array<FieldProblem<DecisionField>>>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After a refused save, focus goes to the first field to fix (once it is marked invalid).
  const focusFirstProblem = useRef(false);
  const ids = {
    as: useId(),
    reason: useId(),
    action: useId(),
    due: useId(),
    clinician: useId(),
    clinicians: useId(),
    by: useId(),
  };
  const problemOf = (field: DecisionField) => problems.find((p) => p.field === field) ?? null;

  useLayoutEffect(() => {
    if (!focusFirstProblem.current) return;
    focusFirstProblem.current = false;
    const first = problems[0];
    if (first) document.getElementById(ids[first.field])?.focus();
  });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const found = decisionProblems({ as, reason, action, due, by });
    setProblems(found);
    if (found.length > 0 || !as) {
      focusFirstProblem.current = true;
      return;
    }
    setBusy(true);
    try {
      await onDecide(f, {
        as,
        reason: reason.trim(),
        action: action.trim() || null,
        due: due || null,
        clinician: as === 'confirmed' ? clinician.trim() || null : null,
        by: by.trim(),
      });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  // A problem goes once its field is filled in; the others stay until the next Save.
  const fixed = (field: DecisionField) => setProblems((ps) => ps.filter((p) => p.field !== field));

  return (
    <details className="decide">
      <summary>Record a decision</summary>
      <form onSubmit={(e) => void submit(e)} aria-label={`Decision on ${f.rule}`} noValidate>
        <label htmlFor={ids.as}>Decision</label>
        <FieldWithError id={ids.as} field="as" problem={problemOf('as')}>
          {(invalid) => (
            <select
              id={ids.as}
              value={as}
              {...invalid}
              onChange={(e) => {
                setAs(e.target.value as DecisionKind);
                fixed('as');
              }}
            >
              <option value="" disabled>
                Choose…
              </option>
              {DECISION_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </FieldWithError>
        <label htmlFor={ids.reason}>Reason</label>
        <FieldWithError id={ids.reason} field="reason" problem={problemOf('reason')}>
          {(invalid) => (
            <textarea
              id={ids.reason}
              rows={2}
              value={reason}
              {...invalid}
              onChange={(e) => {
                setReason(e.target.value);
                if (e.target.value.trim()) fixed('reason');
              }}
            />
          )}
        </FieldWithError>
        {as === 'confirmed' && (
          <>
            <label htmlFor={ids.action}>Corrective action</label>
            <FieldWithError id={ids.action} field="action" problem={problemOf('action')}>
              {(invalid) => (
                <input
                  id={ids.action}
                  value={action}
                  {...invalid}
                  onChange={(e) => {
                    setAction(e.target.value);
                    if (e.target.value.trim()) fixed('action');
                  }}
                />
              )}
            </FieldWithError>
            <label htmlFor={ids.due}>Due</label>
            <FieldWithError id={ids.due} field="due" problem={problemOf('due')}>
              {(invalid) => (
                <input
                  id={ids.due}
                  type="date"
                  value={due}
                  {...invalid}
                  onChange={(e) => {
                    setDue(e.target.value);
                    if (e.target.value) fixed('due');
                  }}
                />
              )}
            </FieldWithError>
            <label htmlFor={ids.clinician}>Clinician it concerns</label>
            <input
              id={ids.clinician}
              list={ids.clinicians}
              value={clinician}
              onChange={(e) => setClinician(e.target.value)}
            />
            <datalist id={ids.clinicians}>
              {clinicians.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </>
        )}
        <label htmlFor={ids.by}>Decided by</label>
        <FieldWithError id={ids.by} field="by" problem={problemOf('by')}>
          {(invalid) => (
            <input
              id={ids.by}
              value={by}
              autoComplete="name"
              {...invalid}
              onChange={(e) => {
                setBy(e.target.value);
                if (e.target.value.trim()) fixed('by');
              }}
            />
          )}
        </FieldWithError>
        {error && (
          <p role="alert" className="error small">
            {error}
          </p>
        )}
        <Button type="submit" disabled={busy}>
          Save decision
        </Button>
      </form>
    </details>
  );
}

function FindingItem({
  f,
  onEvidence,
  onDecide,
  clinicians,
  reviewer,
  rule,
  nameOf,
  referrers,
  owner,
  onGoTo,
  documents,
}: {
  f: Finding;
  onEvidence: (e: Evidence) => void;
  onDecide: Decide;
  clinicians: readonly string[];
  reviewer: string;
  /** The rule in plain language, once the catalog has arrived. */
  rule: RuleInfo | undefined;
  /** Any rule as people read it (lib/rules.ts ruleName). */
  nameOf: (id: string) => string;
  /** Other rules that saw this defect and refer to this finding (one defect, one finding). */
  referrers: readonly Finding[];
  /** For a referral: the finding that reports the defect. */
  owner: Finding | undefined;
  onGoTo: (f: Finding) => void;
  /** The episode's documents, to name evidence kept inside another file. */
  documents: readonly DocumentSummary[];
}) {
  const decided = decisionLine(f);
  return (
    <li
      className={`finding ${statusClass(f)}`}
      data-rule={f.rule}
      data-finding-id={f.id}
      tabIndex={-1}
      aria-label={`${STATUS_LABEL[f.status]}: ${rule?.title ?? f.rule}`}
    >
      <div className="finding-head">
        <span className={`badge ${statusClass(f)}`}>{STATUS_LABEL[f.status]}</span>
        {(f.status === 'fail' || f.status === 'warn') && (
          <span className="severity" data-severity={f.severity}>
            {SEVERITY_LABEL[f.severity]}
          </span>
        )}
        {rule && <span className="rule-title">{rule.title}</span>}
        <span className="mono rule-id">{f.rule}</span>
        {f.new && <span className="badge new">New</span>}
        {f.dates.length > 0 && (
          <span className="muted">
            {f.dates.length > 4
              ? `${f.dates.slice(0, 4).join(', ')} +${f.dates.length - 4} more`
              : f.dates.join(', ')}
          </span>
        )}
      </div>
      <p className="finding-msg">{f.message}</p>
      {f.refersTo && (
        <p className="small referral">
          Reported once, under {nameOf(f.refersTo.rule)}
          {owner && (
            <>
              {': '}
              <button type="button" className="link" onClick={() => onGoTo(owner)}>
                go to that finding
              </button>
            </>
          )}
        </p>
      )}
      {referrers.length > 0 && (
        <p className="small muted referrers">
          Also seen by {[...new Set(referrers.map((r) => nameOf(r.rule)))].join(', ')}: counted
          once, here.
        </p>
      )}
      {rule?.fix && (f.status === 'fail' || f.status === 'warn') && (
        <p className="small fix">
          <strong>How to fix:</strong> {rule.fix}
        </p>
      )}
      {decided && (
        <p
          className={`decision small${f.reopened ? ' reopened' : ''}`}
          data-decision={f.decision?.as}
        >
          {decided}
        </p>
      )}
      {f.source && <p className="muted small">Source: {f.source}</p>}
      {f.id && !f.decision && (
        <DecisionForm f={f} onDecide={onDecide} clinicians={clinicians} reviewer={reviewer} />
      )}
      {f.evidence.length > 0 && (
        <ul className="evidence-links" aria-label={`Evidence for ${f.rule}`}>
          {evidenceLinks(f.evidence, documents).map(({ e, label }, i) => (
            <li key={i}>
              <button type="button" className="link" onClick={() => onEvidence(e)}>
                {label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The referrals that point at a fail or warn finding: same rule, a shared date. */
function referrersOf(findings: readonly Finding[], f: Finding): Finding[] {
  if (f.status !== 'fail' && f.status !== 'warn') return [];
  return findings.filter(
    (r) =>
      r.refersTo?.rule === f.rule &&
      (f.dates.length === 0 || r.refersTo.dates.some((d) => f.dates.includes(d))),
  );
}

/** For a referral, the fail or warn finding of the rule it names on one of its dates. */
function ownerOf(findings: readonly Finding[], f: Finding): Finding | undefined {
  const to = f.refersTo;
  if (!to) return undefined;
  return findings.find(
    (o) =>
      o.rule === to.rule &&
      o.id !== undefined &&
      (o.status === 'fail' || o.status === 'warn') &&
      (o.dates.length === 0 || o.dates.some((d) => to.dates.includes(d))),
  );
}

/** A finding's item in the checklist, by its id. */
function findingElement(root: ParentNode, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`li.finding[data-finding-id="${CSS.escape(id)}"]`);
}

/** The fail and warn findings with a date among `dates`, errors first. */
function findingsOnDates(findings: readonly Finding[], dates: readonly string[]): Finding[] {
  const on = new Set(dates);
  return findings
    .filter((f) => f.id && (f.status === 'fail' || f.status === 'warn'))
    .filter((f) => f.dates.some((d) => on.has(d)))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Every document of the episode by date (undated last), each opening as filed. */
function DocumentList({
  documents,
  onOpen,
}: {
  documents: readonly DocumentSummary[];
  onOpen: (doc: DocumentSummary) => void;
}) {
  const sorted = [...documents].sort((a, b) =>
    (a.date ?? '9999') < (b.date ?? '9999')
      ? -1
      : (a.date ?? '9999') > (b.date ?? '9999')
        ? 1
        : a.title.localeCompare(b.title),
  );
  return (
    <ol className="document-list" aria-label="Documents of the episode" data-testid="document-list">
      {sorted.map((d) => (
        <li key={d.id}>
          <span className="nowrap">{d.date ?? 'undated'}</span>{' '}
          <button
            type="button"
            className="link"
            aria-label={`Open ${d.title}${d.date ? ` (${d.date})` : ''}`}
            onClick={() => onOpen(d)}
          >
            {d.title}
          </button>{' '}
          <span className="muted small">
            {d.type.replace(/-/g, ' ')} · {evidenceName(d.file)}{' '}
            {d.pageEnd > d.pageStart ? `pp. ${d.pageStart}–${d.pageEnd}` : `p. ${d.pageStart}`}
          </span>
        </li>
      ))}
    </ol>
  );
}

function Timeline({
  days,
  onOpen,
  ruleName,
}: {
  days: TimelineDay[];
  /** A rule's title and id, by its id (the id alone until the catalog arrives). */
  ruleName: (id: string) => string;
  /** Opens a document of the timeline by its id. */
  onOpen: (documentId: number) => void;
}) {
  return (
    <ol className="timeline" aria-label="Visit timeline">
      {days.map((d, i) => (
        <li
          key={d.date}
          className={`day${d.progressOverdue ? ' overdue' : ''}${d.progressReport ? ' report' : ''}`}
          data-date={d.date}
        >
          <div className="day-date">
            <strong>{d.date}</strong>
            {d.treatmentDay != null && (
              <span className="muted"> · treatment day {d.treatmentDay}</span>
            )}
            {d.noteVisit && (
              <span className="muted small" data-testid="note-visit">
                {' '}
                (the note says visit {d.noteVisit.number}
                {/* The reason once, where the numbering first differs, not on every day after. */}
                {d.noteVisit.why !== days[i - 1]?.noteVisit?.why ? `: ${d.noteVisit.why}` : ''})
              </span>
            )}
          </div>
          <div className="day-body">
            {d.progressOverdue && (
              <p className="flag overdue-flag" data-testid="overdue">
                <span aria-hidden="true">⚠ </span>
                Progress report overdue
                {d.treatmentDay != null ? ` (treatment day ${d.treatmentDay})` : ''}
              </p>
            )}
            {d.progressReport && (
              <p className="flag report-flag">
                <span aria-hidden="true">✓ </span>
                {d.reportType === 'discharge-summary'
                  ? 'Discharge summary on file (it counts as the progress report)'
                  : d.reportType === 're-evaluation'
                    ? 'Re-evaluation on file (it counts as the progress report)'
                    : 'Progress report on file'}
              </p>
            )}
            {d.documents.length > 0 && (
              <ul className="inline-list" aria-label="Notes">
                {d.documents.map((doc) => (
                  <li key={doc.id}>
                    <button
                      type="button"
                      className="link"
                      aria-label={`Open ${doc.title} (${d.date})`}
                      onClick={() => onOpen(doc.id)}
                    >
                      {doc.title}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {d.codes.length > 0 && (
              <p className="codes">
                <span className="visually-hidden">Billed: </span>
                {d.codes.map((c, i) => (
                  <span key={i} className="code">
                    {c.code}
                    {c.modifiers.length ? `-${c.modifiers.join('-')}` : ''} ×{c.units}
                  </span>
                ))}
              </p>
            )}
            {d.failingRules.length > 0 && (
              <p className="small error-text" data-testid="failing-rules">
                Failing: {d.failingRules.map(ruleName).join(', ')}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * The packet the episode's claims allow, named as such: an appeal for a denial with appeal
 * rights that the review does not itself confirm; what to correct when the only denials were
 * returned as unprocessable (CO-4 with MA130: no appeal rights); a packet (the records response)
 * otherwise.
 */
function PacketLink({ episodeId, claims }: { episodeId: string; claims: EpisodeDetail['claims'] }) {
  // A denial the review's own findings confirm has no appeal letter either.
  const appealable = claims.find((c) => c.denial && !c.correction && !c.denialConfirmedBy);
  const returned = claims.find((c) => c.correction);
  const [label, claim] = appealable
    ? ['Build appeal packet', appealable.claimId]
    : returned
      ? ['Corrected claim', returned.claimId]
      : ['Build packet', undefined];
  return (
    <a
      className="button primary"
      href={href({ name: 'packet', id: episodeId, ...(claim ? { claim } : {}) })}
    >
      {label}
    </a>
  );
}

/**
 * Settings' reviewer name, offered in decision forms. Read again after each decision: the first
 * name given there becomes the setting.
 */
function useReviewerName(api: ChartReadyApi, detail: EpisodeDetail | null): string {
  const [name, setName] = useState('');
  useEffect(() => {
    let live = true;
    api
      .getSettings()
      .then((s) => live && setName(s.reviewerName ?? ''))
      .catch(() => undefined); // the form still asks; nothing to show here
    return () => {
      live = false;
    };
  }, [api, detail]);
  return name;
}

export function EpisodeScreen({ api, id }: { api: ChartReadyApi; id: string }) {
  const [detail, setDetail] = useState<EpisodeDetail | null>(null);
  const profiles = useProfiles(api);
  const [error, setError] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [showPassing, setShowPassing] = useState(false);
  const [view, setView] = useState<FindingView>('all');
  const rules = useRules(api);
  const reviewer = useReviewerName(api, detail);
  const checklist = useRef<HTMLElement>(null);
  /** The finding to focus once the checklist has re-rendered (after a decision). */
  const focusAfter = useRef<string | null>(null);

  const decide: Decide = async (f, d) => {
    focusAfter.current = f.id ?? null;
    setDetail(await api.decideFinding({ episodeId: id, findingId: f.id!, ...d }));
  };

  // A decision removes its form: focus goes to the decided finding (or, when the view no longer
  // shows it, the first finding or the checklist's heading), never to the page body.
  useEffect(() => {
    const want = focusAfter.current;
    if (!want || !checklist.current) return;
    focusAfter.current = null;
    const root = checklist.current;
    const target =
      findingElement(root, want) ??
      root.querySelector<HTMLElement>('li.finding') ??
      root.querySelector<HTMLElement>('#checklist-h');
    target?.focus();
  }, [detail]);

  /**
   * J/K move between findings, D opens the focused one's decision form, E its first evidence.
   * Heard on the document, not the screen's element: after a deep link or a reload focus is on
   * the page body, and the shortcuts the screen announces must work from there too.
   */
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const t = e.target instanceof HTMLElement ? e.target : document.body;
      // Typing in a field is typing, not a shortcut (radios and checkboxes take no letters).
      if (
        t.closest(
          'textarea, select, input:not([type=radio]):not([type=checkbox]), [contenteditable]:not([contenteditable=false])',
        )
      )
        return;
      // A dialog open over the screen (the episode's profile) has the keyboard to itself.
      if (document.querySelector('dialog[open], [role=dialog], [aria-modal=true]')) return;
      const key = checklistKey(e);
      const root = checklist.current;
      if (!key || !root) return;
      // Outside the checklist (the heading focused on arriving, the page body) J and K enter it;
      // controls and the evidence viewer keep their own keys.
      if (!root.contains(t)) {
        if (key !== 'j' && key !== 'k') return;
        if (t.closest('a, button, summary, [data-testid=evidence-viewer]')) return;
      }
      const items = [...root.querySelectorAll<HTMLElement>('li.finding')];
      const at = items.findIndex((li) => li.contains(t));
      const item = at >= 0 ? items[at] : undefined;
      if (key === 'j' || key === 'k') {
        const next =
          at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + (key === 'j' ? 1 : -1)));
        items[next]?.focus();
      } else if (key === 'd' && item) {
        const form = item.querySelector<HTMLDetailsElement>('details.decide');
        if (!form) return;
        form.open = true;
        form.querySelector<HTMLElement>('select, textarea, input')?.focus();
      } else if (key === 'e' && item) {
        const link = item.querySelector<HTMLButtonElement>('.evidence-links button');
        if (!link) return;
        link.click();
      } else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Opened by a deep link or a reload, focus is on the page body: it starts on the patient's
  // heading instead (navigation inside the app already puts it there).
  const title = useRef<HTMLHeadingElement>(null);
  const loadedId = detail?.summary.id;
  useEffect(() => {
    if (!loadedId) return;
    const active = document.activeElement;
    if (!active || active === document.body) title.current?.focus();
  }, [loadedId]);

  useEffect(() => {
    let live = true;
    // A new id in the URL (Back from a missing episode, a link to another) starts clean: the last
    // one's not-found or error must not stand over this one.
    setDetail(null);
    setError(null);
    setEvidence(null);
    api
      .getEpisode({ id })
      .then((d) => live && setDetail(d))
      .catch((err: unknown) => live && setError(isNotFound(err) ? NOT_FOUND : messageOf(err)));
    return () => {
      live = false;
    };
  }, [api, id]);

  if (error === NOT_FOUND) return <EpisodeNotFound />;
  if (error)
    return (
      <div className="screen">
        <h1>Episode</h1>
        <p role="alert" className="error-text">
          {error}
        </p>
      </div>
    );
  if (!detail)
    return (
      <div className="screen">
        <h1>Episode</h1>
        <p role="status">Loading episode…</p>
      </div>
    );

  const s = detail.summary;
  const denied = detail.claims.filter((c) => c.denial);
  const claimCounts = claimOutcomeWords(detail.claims);
  // A denial's findings: the fail and warn findings on the claim's dates. Going to one shows it
  // (all fail and warn findings in view) and puts focus on it.
  const goToFinding = (f: Finding) => {
    setView('all');
    requestAnimationFrame(() => {
      const li = checklist.current && findingElement(checklist.current, f.id!);
      li?.scrollIntoView({ block: 'center' });
      li?.focus();
    });
  };
  // A document opens in the evidence viewer as filed: its first page, nothing quoted.
  const openDocument = (doc: DocumentSummary) =>
    setEvidence({ file: doc.file, page: doc.pageStart, quote: '' });
  const counts = viewCounts(detail.findings);
  return (
    <div className="screen wide">
      <p className="crumbs">
        <a href={href({ name: 'episodes', query: lastEpisodesQuery() })}>Episodes</a>{' '}
        <span aria-hidden="true">›</span> {s.patientName}
      </p>
      <div className="title-row">
        <h1 ref={title} tabIndex={-1}>
          {s.patientName}
        </h1>
        <PacketLink episodeId={s.id} claims={detail.claims} />
      </div>
      <dl className="facts">
        <div>
          <dt>Payer</dt>
          <dd>
            {s.payerName}{' '}
            <span className="muted" data-testid="payer-kind">
              ({PAYER_KIND_LABEL[s.payerKind] ?? s.payerKind})
            </span>
          </dd>
        </div>
        <div>
          <dt>Profile</dt>
          <EpisodeProfile api={api} summary={s} onSaved={setDetail} />
        </div>
        <div>
          <dt>Episode</dt>
          <dd>
            {s.start} to {s.end}
          </dd>
        </div>
        <div>
          <dt>Visits</dt>
          <dd>{s.visits}</dd>
        </div>
        <div>
          <dt>Errors / warnings</dt>
          <dd>
            {s.errors} / {s.warnings}
          </dd>
        </div>
        <div>
          <dt>Claims</dt>
          <dd>
            {detail.claims.length}
            {claimCounts && ` (${claimCounts})`}
          </dd>
        </div>
      </dl>
      <details className="payer-basis" open={s.payerKind === 'unknown'}>
        <summary>Why the {profileLabel(profiles, s.profile)} profile</summary>
        {s.payerKind === 'unknown' && (
          <p className="flag overdue-flag">
            The payer&apos;s kind could not be decided from the record. Set it in{' '}
            <a href={href({ name: 'settings' })}>Settings › Payers</a>; the episodes it touches are
            reviewed again.
          </p>
        )}
        <ul aria-label="Payer evidence, strongest first" data-testid="payer-basis">
          {s.payerBasis.map((b, i) => (
            <li key={i}>{b}</li>
          ))}
        </ul>
      </details>
      {denied.length > 0 && (
        <ul className="denials">
          {denied.map((c) => {
            const explaining = findingsOnDates(detail.findings, c.dates);
            return (
              <li key={c.claimId} data-testid="denial">
                Claim <span className="mono">{c.claimId}</span>{' '}
                {c.correction ? 'returned as unprocessable' : 'denied'}: {c.denial!.group}-
                {c.denial!.carc}
                {c.denial!.remarks.length ? ` (${c.denial!.remarks.join(', ')})` : ''}{' '}
                {denialSourceWords('remit', c.remit)}
                {c.correction && (
                  <>
                    {'. No appeal rights: '}
                    <a href={href({ name: 'packet', id: s.id, claim: c.claimId })}>
                      what to correct on claim {c.claimId}
                    </a>
                  </>
                )}
                {explaining.length > 0 ? (
                  <>
                    {'. Findings on its dates: '}
                    {explaining.map((f, i) => {
                      // One rule may fail on several of the claim's dates: each link says which.
                      const on = f.dates.filter((d) => c.dates.includes(d)).join(', ');
                      const name = `${ruleName(rules, f.rule)}${on ? `, ${on}` : ''}`;
                      return (
                        <span key={f.id}>
                          {i > 0 && ', '}
                          <button
                            type="button"
                            className="link"
                            aria-label={`${name}: go to the finding`}
                            onClick={() => goToFinding(f)}
                          >
                            {name}
                          </button>
                        </span>
                      );
                    })}
                  </>
                ) : (
                  '. No failing finding on its dates.'
                )}
              </li>
            );
          })}
        </ul>
      )}

      <div className={evidence ? 'two-col viewing' : 'two-col'}>
        <section
          aria-labelledby="checklist-h"
          className="panel"
          ref={checklist}
          data-testid="checklist"
        >
          <div className="panel-head">
            <h2 id="checklist-h" tabIndex={-1}>
              Audit checklist
            </h2>
            <label className="check">
              <input
                type="checkbox"
                checked={showPassing}
                onChange={(e) => setShowPassing(e.target.checked)}
              />{' '}
              Show passing and N/A
            </label>
          </div>
          <fieldset className="finding-views">
            <legend>Findings</legend>
            {FINDING_VIEWS.map((v) => (
              <label key={v.id} className="check">
                <input
                  type="radio"
                  name="finding-view"
                  value={v.id}
                  checked={view === v.id}
                  onChange={() => setView(v.id)}
                />{' '}
                {v.label} ({counts[v.id]})
              </label>
            ))}
          </fieldset>
          <p className="small muted" id="checklist-keys" data-testid="checklist-keys">
            Keyboard:{' '}
            {CHECKLIST_KEYS.map((k, i) => (
              <span key={k.key}>
                {i > 0 && ' · '}
                <kbd>{k.label}</kbd> {k.does}
              </span>
            ))}
          </p>
          {checklistSections(
            GROUPS.map((g) => ({
              group: g,
              all: detail.findings.filter((f) => (f.group ?? 'documentation') === g.id),
            }))
              .filter(({ all }) => all.length > 0)
              .map(({ group, all }) => ({
                group: { ...group, all },
                shown: all
                  .filter((f) => inView(f, view))
                  .filter((f) => showPassing || f.status === 'fail' || f.status === 'warn')
                  .sort(byErrorsFirst),
              })),
          ).map(({ group: g, tier, findings: shown, split }) => {
            const headingId = `g-${g.id}-${tier}`;
            return (
              <section
                key={headingId}
                aria-labelledby={headingId}
                className="group"
                data-group={g.id}
                data-tier={TIER_LABEL[tier]}
              >
                <h3 id={headingId}>
                  {g.label}
                  {split ? `: ${TIER_LABEL[tier]}` : ''}{' '}
                  {shown.length > 0 && (
                    <span className="muted small" data-testid="section-count">
                      {sectionCount(tier, shown.length)}
                    </span>
                  )}
                </h3>
                {shown.length === 0 ? (
                  <p className="muted small">
                    {view === 'all' ? 'No problems found.' : 'None in this view.'}
                  </p>
                ) : (
                  <ul className="findings">
                    {shown.map((f, i) => (
                      <FindingItem
                        key={`${f.rule}-${i}`}
                        f={f}
                        onEvidence={setEvidence}
                        onDecide={decide}
                        clinicians={detail.summary.clinicians ?? []}
                        reviewer={reviewer}
                        rule={rules.get(f.rule)}
                        nameOf={(id) => ruleName(rules, id)}
                        referrers={referrersOf(detail.findings, f)}
                        owner={ownerOf(detail.findings, f)}
                        onGoTo={goToFinding}
                        documents={detail.documents}
                      />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </section>
        <div className="side">
          {evidence && (
            <EvidenceViewer
              api={api}
              evidence={evidence}
              onClose={() => setEvidence(null)}
              title={embeddedTitle(detail.documents, evidence.file)}
            />
          )}
          <section aria-labelledby="timeline-h" className="panel">
            <h2 id="timeline-h">Visit timeline</h2>
            <Timeline
              days={detail.timeline}
              ruleName={(r) => ruleName(rules, r)}
              onOpen={(docId) => {
                const doc = detail.documents.find((x) => x.id === docId);
                if (doc) openDocument(doc);
              }}
            />
          </section>
          <section aria-labelledby="documents-h" className="panel">
            <h2 id="documents-h">Documents ({detail.documents.length})</h2>
            <DocumentList documents={detail.documents} onOpen={openDocument} />
          </section>
        </div>
      </div>
    </div>
  );
}
