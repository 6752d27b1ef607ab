import { useEffect, useId, useRef, useState } from 'react';
import type { ChartReadyApi, EpisodeDetail, EpisodeSummary } from '../../shared/api';
import type { ProfileSource } from '../../shared/review';
import { messageOf } from '../api';
import { Button } from '../components/Button';
import { PAYER_KIND_LABEL } from '../lib/payer-kinds';
import { profileLabel, useProfiles, type Profiles } from '../lib/profiles';
import { localStamp } from '../../shared/dates';

/** The value of the dialog's choice that clears a profile set for the episode. */
const CLEAR = '';

/** Why the episode is reviewed with its profile, in words (issue 15). */
export function profileWhy(s: EpisodeSummary, source: ProfileSource | undefined): string {
  if (!source) return 'chosen from the payer';
  if (source.from === 'episode')
    return `set for this episode by ${source.by} on ${localStamp(source.at, false)}: ${source.reason}`;
  if (source.from === 'default') return 'the default profile for every episode (Settings)';
  if (source.payerList) return `from the payer list entry “${source.payerList}”`;
  return `chosen from the payer (${PAYER_KIND_LABEL[s.payerKind] ?? s.payerKind}) by the record’s evidence`;
}

/**
 * The profile in force and why, and the control that changes it for this episode: a dialog to
 * choose a built-in profile with a required reason. Saving reviews the episode again and hands the
 * new detail to `onSaved`; focus returns to the control when the dialog closes.
 */
export function EpisodeProfile({
  api,
  summary,
  onSaved,
}: {
  api: ChartReadyApi;
  summary: EpisodeSummary;
  onSaved: (d: EpisodeDetail) => void;
}) {
  const profiles = useProfiles(api);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const source = summary.profileSource;

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  return (
    <dd data-testid="profile">
      <span data-testid="profile-label">{profileLabel(profiles, summary.profile)}</span>{' '}
      <span className="muted small" data-testid="profile-why">
        ({profileWhy(summary, source)})
      </span>{' '}
      <button
        type="button"
        ref={opener}
        className="link"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Change profile
      </button>
      {open && (
        <ProfileDialog
          api={api}
          summary={summary}
          profiles={profiles}
          overridden={source?.from === 'episode'}
          onClose={close}
          onSaved={(d) => {
            onSaved(d);
            close();
          }}
        />
      )}
    </dd>
  );
}

function ProfileDialog({
  api,
  summary,
  profiles,
  overridden,
  onClose,
  onSaved,
}: {
  api: ChartReadyApi;
  summary: EpisodeSummary;
  profiles: Profiles;
  /** A reviewer set this episode's profile: the dialog offers to clear it. */
  overridden: boolean;
  onClose: () => void;
  onSaved: (d: EpisodeDetail) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [choice, setChoice] = useState(summary.profile);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { heading: useId(), profile: useId(), reason: useId(), reasonError: useId() };

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const clearing = choice === CLEAR;
    if (!clearing && !reason.trim()) {
      setReasonError('Give the reason for this episode’s profile.');
      reasonRef.current?.focus();
      return;
    }
    setReasonError(null);
    setBusy(true);
    try {
      const d = await api.setEpisodeProfile({
        episodeId: summary.id,
        profile: clearing ? null : choice,
        reason: reason.trim() || null,
      });
      dialog.current?.close();
      onSaved(d);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="profile-dialog"
      aria-labelledby={ids.heading}
      data-testid="profile-dialog"
      onCancel={(e) => {
        // Escape: closed by us, so focus goes back to the control that opened it.
        e.preventDefault();
        dialog.current?.close();
        onClose();
      }}
    >
      <form onSubmit={(e) => void save(e)} noValidate>
        <h2 id={ids.heading}>Profile for this episode</h2>
        <p className="small muted">
          Reviews this episode with the profile chosen, whatever its payer says. The reason is kept
          with who set it and when, and in the audit log.
        </p>
        <label htmlFor={ids.profile}>Profile</label>
        <select id={ids.profile} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.label}
            </option>
          ))}
          {overridden && <option value={CLEAR}>Back to the profile the payer chooses</option>}
        </select>
        <label htmlFor={ids.reason}>Reason{choice === CLEAR ? ' (optional)' : ''}</label>
        <div className="field-with-error">
          <textarea
            id={ids.reason}
            ref={reasonRef}
            rows={3}
            value={reason}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? ids.reasonError : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonError && (
            <span id={ids.reasonError} className="field-error" data-testid="profile-reason-error">
              {reasonError}
            </span>
          )}
        </div>
        {error && (
          <p role="alert" className="error small">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <Button type="submit" className="primary" disabled={busy}>
            Save
          </Button>
          <Button
            type="button"
            onClick={() => {
              dialog.current?.close();
              onClose();
            }}
          >
            Cancel
          </Button>
        </div>
      </form>
    </dialog>
  );
}
