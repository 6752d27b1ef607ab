import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { MIN_PASSPHRASE_CHARS, type ChartReadyApi } from '../../shared/api';
import { Button } from '../components/Button';
import { FieldWithError } from '../components/FieldWithError';
import { formatBytes } from '../lib/bytes';
import { storeProblem, type StoreProblem } from '../lib/store-errors';

type CopyField = 'encrypt' | 'newPassphrase' | 'confirmPassphrase';

/**
 * Settings › Data › Encrypted copy: the database in use written to a new file, encrypted with a
 * passphrase typed twice. The file is named by path as the backup's is. The passphrases live only
 * in these two fields while the form is filled, go in the request body, and are cleared once the
 * copy is written; the page never keeps them. `onOpenCopy` takes the user to the open form.
 */
export function EncryptedCopy({
  api,
  disabled,
  onBusy,
  onOpenCopy,
}: {
  api: ChartReadyApi;
  /** Another Data action is running. */
  disabled: boolean;
  onBusy(busy: boolean): void;
  onOpenCopy(path: string): void;
}) {
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<StoreProblem | null>(null);
  const [writing, setWriting] = useState(false);
  const [written, setWritten] = useState<{ path: string; bytes: number } | null>(null);
  const ids = { path: useId(), pass: useId(), confirm: useId(), hint: useId() };
  const inputs: Record<CopyField, RefObject<HTMLInputElement | null>> = {
    encrypt: useRef<HTMLInputElement>(null),
    newPassphrase: useRef<HTMLInputElement>(null),
    confirmPassphrase: useRef<HTMLInputElement>(null),
  };

  const refuse = (p: StoreProblem) => {
    setProblem(p);
    requestAnimationFrame(() => inputs[p.field as CopyField]?.current?.focus());
  };

  /** The first problem the page can see without asking the core, beside its field. */
  function checkForm(target: string): StoreProblem | null {
    if (!target) return { field: 'encrypt', text: 'Enter where to write the encrypted copy.' };
    if (passphrase.length < MIN_PASSPHRASE_CHARS)
      return {
        field: 'newPassphrase',
        text: `Choose a passphrase of at least ${MIN_PASSPHRASE_CHARS} characters.`,
      };
    if (confirm !== passphrase)
      return { field: 'confirmPassphrase', text: 'The two passphrases differ. Type it again.' };
    return null;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const target = path.trim();
    const local = checkForm(target);
    if (local) return refuse(local);
    setProblem(null);
    setWritten(null);
    setWriting(true);
    onBusy(true);
    try {
      const r = await api.encryptStore({ path: target, passphrase });
      setWritten(r);
      setPassphrase('');
      setConfirm('');
    } catch (err) {
      refuse(storeProblem(err, 'encrypt', target));
    } finally {
      setWriting(false);
      onBusy(false);
    }
  }

  const field = (
    f: CopyField,
    id: string,
    children: Parameters<typeof FieldWithError>[0]['children'],
  ) => (
    <FieldWithError
      id={id}
      field={f}
      problem={problem as { field: CopyField; text: string } | null}
    >
      {children}
    </FieldWithError>
  );

  return (
    <>
      <h3>Encrypted copy</h3>
      <p className="small muted" id={ids.hint}>
        Writes the database in use to a new file encrypted with a passphrase (at least{' '}
        {MIN_PASSPHRASE_CHARS} characters). ChartReady does not keep the passphrase: without it the
        copy cannot be opened.
      </p>
      <form
        className="form-grid"
        aria-describedby={ids.hint}
        aria-busy={writing || undefined}
        onSubmit={(e) => void submit(e)}
      >
        <label htmlFor={ids.path}>Encrypted copy file (new)</label>
        {field('encrypt', ids.path, (invalid) => (
          <input
            id={ids.path}
            ref={inputs.encrypt}
            value={path}
            spellCheck={false}
            placeholder="/path/to/client-encrypted.db"
            onChange={(e) => setPath(e.target.value)}
            {...invalid}
          />
        ))}
        <label htmlFor={ids.pass}>New passphrase</label>
        {field('newPassphrase', ids.pass, (invalid) => (
          <input
            id={ids.pass}
            ref={inputs.newPassphrase}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            {...invalid}
          />
        ))}
        <label htmlFor={ids.confirm}>Confirm passphrase</label>
        {field('confirmPassphrase', ids.confirm, (invalid) => (
          <input
            id={ids.confirm}
            ref={inputs.confirmPassphrase}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            {...invalid}
          />
        ))}
        <span />
        <div className="button-row">
          <Button type="submit" disabled={disabled || writing}>
            {writing ? 'Writing encrypted copy…' : 'Write encrypted copy'}
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite" data-testid="encrypt-status">
        {writing && <p>Writing the encrypted copy…</p>}
        {written && (
          <p>
            Encrypted copy written to <span className="mono">{written.path}</span> (
            {formatBytes(written.bytes)}).{' '}
          </p>
        )}
      </div>
      {written && (
        <p>
          <Button type="button" disabled={disabled} onClick={() => onOpenCopy(written.path)}>
            Open the encrypted copy
          </Button>
        </p>
      )}
    </>
  );
}
