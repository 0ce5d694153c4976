import { type FormEvent, useRef, useState } from 'react';
import type { OperatorAccount } from '../../../../shared/operator-admin-schemas';
import { ModalDialog } from '../../components/ModalDialog';
import { api } from '../../api';
import { fieldErrorsOf } from '../../components/field-errors';

interface DialogProps {
  operator: OperatorAccount;
  onDone(message: string): void;
  onCancel(): void;
}

/** An admin sets a temporary password; the operator's sessions end and they must choose their own at the next sign-in. */
export function ResetPasswordDialog({ operator, onDone, onCancel }: DialogProps) {
  const field = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await api.resetOperatorPassword({ id: operator.id, temporaryPassword: password });
    setBusy(false);
    if (result.ok) onDone(result.value.reason);
    else {
      setError(fieldErrorsOf(result.error).temporaryPassword ?? result.error.message);
      field.current?.focus();
    }
  };
  return (
    <ModalDialog
      id="reset-password"
      title={`Reset ${operator.displayName}'s password`}
      initialFocus={field}
      onCancel={onCancel}
      busy={busy}
      actions={
        <>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void submit()}>
            Reset password
          </button>
        </>
      }
    >
      <p>Their sessions end now, and at the next sign-in they must replace the temporary password with their own. Give it to them in person.</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="reset-password-field">Temporary password</label>
          <input
            ref={field}
            id="reset-password-field"
            type="password"
            autoComplete="new-password"
            maxLength={256}
            value={password}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'reset-password-error reset-password-hint' : 'reset-password-hint'}
            onChange={(event) => setPassword(event.target.value)}
          />
          {error && (
            <p id="reset-password-error" className="field-error">
              {error}
            </p>
          )}
          <p className="hint" id="reset-password-hint">
            At least 12 characters, not one character repeated, not their sign-in name.
          </p>
        </div>
      </form>
    </ModalDialog>
  );
}

/** Deactivate (sign-in refused, sessions ended; POs and history stay) or reactivate. */
export function ActiveDialog({ operator, onDone, onCancel }: DialogProps) {
  const confirm = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const deactivate = operator.active;
  const run = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api.setOperatorActive({ id: operator.id, active: !deactivate });
    setBusy(false);
    if (result.ok) onDone(result.value.reason);
    else setError(result.error.message);
  };
  return (
    <ModalDialog
      id="operator-active"
      title={deactivate ? `Deactivate ${operator.displayName}?` : `Reactivate ${operator.displayName}?`}
      initialFocus={confirm}
      onCancel={onCancel}
      busy={busy}
      actions={
        <>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
          <button ref={confirm} type="button" className={deactivate ? 'danger' : 'primary'} onClick={() => void run()}>
            {deactivate ? 'Deactivate' : 'Reactivate'}
          </button>
        </>
      }
    >
      <p>
        {deactivate
          ? 'They can no longer sign in and their open sessions end now. Their POs, approvals and history stay; an operator is never deleted.'
          : 'They may sign in again with their password.'}
      </p>
      {error && (
        <p role="alert" className="settings-outcome is-refused">
          {error}
        </p>
      )}
    </ModalDialog>
  );
}
